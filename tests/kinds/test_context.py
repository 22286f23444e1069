"""`context`: after a trigger message, what the other side's next replies must (not) say."""

from __future__ import annotations

import re
import textwrap

import pytest

from helpers import hits
from qa_audit.schema import RuleError


def apology_expected(trigger: str) -> str:
    """Settings: the trigger given, then the reply must apologise (an unanswered trigger is no finding)."""
    return textwrap.dedent(trigger).strip("\n") + "\nreply: false\nexpect:\n  contains: [抱歉]\n"


def test_a_trigger_phrase_checks_the_agents_next_reply(one_rule, audit_log):
    """A customer's trigger phrase makes the agent's next reply meet `expect`; agents' own words do not trigger."""
    rules = one_rule("context", apology_expected("""
        trigger:
          phrases: [投诉]
    """), message="客户要投诉(「{trigger_match}」),回复没有致歉")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 只收到一罐,我要投诉
        [10:00:30] 客服 小王: 请提供一下订单号
        === C2 2024-05-01
        [10:00:00] 顾客: 只收到一罐,我要投诉
        [10:00:30] 客服 小李: 非常抱歉,我马上给您补寄
        === C3 2024-05-01
        [10:00:00] 顾客: 只收到一罐
        [10:00:30] 客服 小张: 要投诉的话我帮您登记
        [10:01:00] 顾客: 不用,补一罐就行
        [10:01:30] 客服 小张: 好的,今天给您补寄
    """)
    assert hits(report) == [("T001", 3, "小王", "请提供一下订单号")]
    assert report.findings[0].message == "客户要投诉(「投诉」),回复没有致歉"


def test_a_trigger_pattern_checks_the_next_reply_and_quotes_what_it_matched(one_rule, audit_log):
    """A trigger pattern starts a check; {trigger_match} quotes the pattern's match, {trigger} the whole line."""
    rules = one_rule("context", apology_expected("""
        trigger:
          patterns: ["第[二三四2-4]次"]
    """), message="「{trigger_match}」/「{trigger}」")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这是我第三次问了,到底什么时候发货
        [10:00:30] 客服 小王: 三天内发
        === C2 2024-05-01
        [10:00:00] 顾客: 第一次买,什么时候发货
        [10:00:30] 客服 小王: 三天内发
    """)
    assert hits(report) == [("T001", 3, "小王", "三天内发")]
    assert report.findings[0].message == "「第三次」/「这是我第三次问了,到底什么时候发货」"


def test_role_agent_triggers_on_agent_lines_and_checks_the_customers_reply(one_rule, audit_log):
    """With role: agent the agent's line triggers and the customer's next line is checked."""
    rules = one_rule("context", """
        trigger:
          role: agent
          phrases: [稍等]
        reply: false
        forbid:
          contains: [人呢, 还在吗]
    """, message="客服说「{trigger_match}」后客户在催:{match}")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 帮我查下订单到哪了
        [10:00:10] 客服 小王: 好的,请稍等
        [10:03:00] 顾客: 人呢
        === C2 2024-05-01
        [10:00:00] 顾客: 稍等,我找一下订单号
        [10:01:00] 顾客: 找到了,你还在吗
        [10:01:10] 客服 小王: 在的,您发我就行
    """)
    # The finding sits on the customer's line; it is charged to the agent who should answer it.
    assert hits(report) == [("T001", 4, "小王", "人呢")]
    assert report.findings[0].message == "客服说「稍等」后客户在催:人呢"


def test_unless_spares_a_word_trigger_only_in_the_same_sentence(one_rule, audit_log):
    """An `unless` word spares a word trigger in its own sentence, not one in another sentence."""
    rules = one_rule("context", apology_expected("""
        trigger:
          phrases: [投诉]
          unless: [没有投诉的意思]
    """), message="「{trigger_match}」")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 我没有投诉的意思,就是问问怎么还没发货
        [10:00:30] 客服 小王: 仓库今天发
        === C2 2024-05-01
        [10:00:00] 顾客: 我没有投诉的意思。但是明天再不发货我就投诉
        [10:00:30] 客服 小王: 仓库今天发
    """)
    assert hits(report) == [("T001", 6, "小王", "仓库今天发")]
    assert report.findings[0].message == "「投诉」"


def test_unless_spares_a_punctuation_trigger_anywhere_in_the_message(one_rule, audit_log):
    """For a punctuation trigger (「!」) an `unless` word anywhere in the message spares it."""
    rules = one_rule("context", """
        trigger:
          patterns: ["[!]"]
          unless: [好看]
        reply: false
        expect:
          contains: [抱歉, 太好了]
    """, message="「{trigger_match}」后没有回应情绪")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 口红到了!!颜色好好看
        [10:00:30] 客服 小王: 喜欢就好
        === C2 2024-05-01
        [10:00:00] 顾客: 口红到了!!盒子都压扁了
        [10:00:30] 客服 小王: 您拍个照片
    """)
    assert hits(report) == [("T001", 6, "小王", "您拍个照片")]
    assert report.findings[0].message == "「!」后没有回应情绪"


WHOLE_WORD_CHAT = """
    === C1 2024-05-01
    [10:00:00] 顾客: 垃圾桶的盖子怎么装
    [10:00:30] 客服 小王: 卡扣对准按下去就行
    === C2 2024-05-01
    [10:00:00] 顾客: 什么垃圾东西
    [10:00:30] 客服 小王: 您说的是哪一款
    === C3 2024-05-01
    [10:00:00] 顾客: 这个一点都不好用
    [10:00:30] 客服 小王: 您说的是哪一款
"""


def test_whole_word_holds_trigger_phrases_to_token_bounds_but_not_patterns(one_rule, audit_log):
    """whole_word: true keeps 垃圾 out of 垃圾桶, while the pattern 一点都不 still ends inside 不好."""
    settings = apology_expected("""
        trigger:
          whole_word: {whole_word}
          phrases: [垃圾]
          patterns: ["一点都不"]
    """)
    whole = audit_log(one_rule("context", settings.format(whole_word="true"), message="「{trigger_match}」"),
                      WHOLE_WORD_CHAT)
    assert hits(whole) == [("T001", 6, "小王", "您说的是哪一款"), ("T001", 9, "小王", "您说的是哪一款")]
    assert [f.message for f in whole.findings] == ["「垃圾」", "「一点都不」"]

    # Without whole_word the phrase triggers inside 垃圾桶 too.
    loose = audit_log(one_rule("context", settings.format(whole_word="false")), WHOLE_WORD_CHAT)
    assert [f.line for f in loose.findings] == [3, 6, 9]


CHECKOUT_CHAT = """
    === C1 2024-05-01
    [10:00:00] 顾客: 结算了 怎么选自提点
    [10:00:30] 客服 小王: 在结算页下拉就能选
    === C2 2024-05-01
    [10:00:00] 顾客: 算了 不买了
    [10:00:30] 客服 小王: 好的
"""


def test_ignore_keeps_a_trigger_phrase_inside_an_ignore_word_from_triggering(one_rule, audit_log):
    """With ignore: [结算了], 算了 inside 「结算了」 does not trigger; 「算了 不买了」 does."""
    settings = apology_expected("""
        trigger:
          phrases: [算了]
          {ignore}
    """)
    rules = one_rule("context", settings.format(ignore="ignore: [结算了]"), message="客户说「{trigger_match}」后没有安抚")
    report = audit_log(rules, CHECKOUT_CHAT)
    assert hits(report) == [("T001", 6, "小王", "好的")]
    assert report.findings[0].message == "客户说「算了」后没有安抚"

    # Without ignore, 「结算了」 triggers too.
    plain = audit_log(one_rule("context", settings.format(ignore="")), CHECKOUT_CHAT)
    assert [f.line for f in plain.findings] == [3, 6]


def test_first_only_checks_only_the_first_customer_message(one_rule, audit_log):
    """first_only: true makes only the customer's first message a trigger."""
    rules = one_rule("context", """
        trigger:
          first_only: true
        reply: false
        expect:
          contains: [您好]
    """, message="第一条回复没有问候(客户:「{trigger}」)")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这个有货吗
        [10:00:20] 客服 小王: 有货
        [10:00:40] 顾客: 几天能到
        [10:01:00] 客服 小王: 三天左右
        === C2 2024-05-01
        [10:00:00] 顾客: 这个有货吗
        [10:00:20] 客服 小李: 您好,有货的哦
        [10:00:40] 顾客: 几天能到
        [10:01:00] 客服 小李: 三天左右
    """)
    assert hits(report) == [("T001", 3, "小王", "有货")]
    assert report.findings[0].message == "第一条回复没有问候(客户:「这个有货吗」)"


def test_first_only_with_phrases_checks_only_the_first_message_that_says_them(one_rule, audit_log):
    """first_only with phrases: the first message holding a phrase triggers, later ones do not."""
    rules = one_rule("context", apology_expected("""
        trigger:
          first_only: true
          phrases: [退货]
    """), message="「{trigger_match}」")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这个有货吗
        [10:00:20] 客服 小王: 有货
        [10:00:40] 顾客: 收到的是坏的,我要退货
        [10:01:00] 客服 小王: 填一下退货单
        [10:01:40] 顾客: 退货地址呢
        [10:02:00] 客服 小王: 单子上有
    """)
    assert hits(report) == [("T001", 5, "小王", "填一下退货单")]


def test_all_messages_checks_every_customer_message_except_unless_lines(one_rule, audit_log):
    """all_messages: true makes every customer message a trigger, except lines saying an `unless` word."""
    rules = one_rule("context", """
        trigger:
          all_messages: true
          unless: [谢谢, 好的]
        reply: false
        forbid:
          contains: [先下线了]
    """, message="客户还不满意(「{trigger}」)就结束:{match}")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这个不行
        [10:00:30] 客服 小王: 我帮您换一个
        [10:00:40] 顾客: 换的还是坏的
        [10:00:50] 客服 小王: 我先下线了
        === C2 2024-05-01
        [10:00:00] 顾客: 好的,谢谢
        [10:00:30] 客服 小李: 不客气,我先下线了
    """)
    assert hits(report) == [("T001", 5, "小王", "先下线了")]
    assert report.findings[0].message == "客户还不满意(「换的还是坏的」)就结束:先下线了"


LATE_APOLOGY = """
    === C1 2024-05-01
    [10:00:00] 顾客: 怎么又发错颜色了,气死我了
    [10:00:30] 客服 小王: 请提供一下订单号
    [10:01:00] 顾客: 123456
    [10:01:30] 客服 小王: 查到了,确实发错了
    [10:02:00] 顾客: 那怎么办
    [10:04:00] 客服 小王: 非常抱歉,马上给您补发
"""


@pytest.mark.parametrize("within, lines", [
    ("", [3]),                          # default: the next reply only
    ("within: {replies: 2}", [3]),
    ("within: {replies: 3}", []),
    ("within: {until_end: true}", []),
    ("within: {seconds: 120}", [3]),    # 10:04:00 is 240s after the trigger
    ("within: {seconds: 240}", []),
])
def test_within_sets_which_replies_may_hold_the_expected_words(one_rule, audit_log, within, lines):
    """replies: N, seconds: T and until_end: true widen the window that must hold the apology."""
    rules = one_rule("context", apology_expected("""
        trigger:
          phrases: [气死]
        {within}
    """.format(within=within)))
    report = audit_log(rules, LATE_APOLOGY)
    # A failed expect points at the window's first reply.
    assert [(f.line, f.agent, f.match) for f in report.findings] == [(line, "小王", "请提供一下订单号") for line in lines]


APOLOGY_THEN_REMEDY = """
    === C1 2024-05-01
    [10:00:00] 顾客: 收到的杯子碎了
    [10:00:20] 客服 小王: 非常抱歉
    [10:00:40] 顾客: 那怎么办,我要退款
    [10:01:00] 客服 小王: 我给您补发一个新的
    === C2 2024-05-01
    [10:00:00] 顾客: 收到的杯子碎了
    [10:00:20] 客服 小李: 非常抱歉
    [10:00:40] 顾客: 那怎么办,我要退款
    [10:01:00] 客服 小李: 这个我也没办法
    === C3 2024-05-01
    [10:00:00] 顾客: 收到的杯子碎了
    [10:00:20] 客服 小张: 非常抱歉,我给您补发一个新的
    [10:00:40] 顾客: 好的
    [10:01:00] 客服 小张: 已经安排了
"""


def test_side_same_checks_the_triggers_own_side(one_rule, audit_log):
    """side: same checks the agent's own next line after the agent's trigger; the customer's 退款 does not count."""
    rules = one_rule("context", """
        trigger:
          role: agent
          phrases: [抱歉]
        within: {side: same}
        reply: false
        expect:
          contains: [补发, 退款]
    """, message="致歉(「{trigger_match}」)后没有给方案")
    report = audit_log(rules, APOLOGY_THEN_REMEDY)
    # C3's remedy is in the trigger line itself, which the window leaves out.
    assert hits(report) == [("T001", 10, "小李", "这个我也没办法"), ("T001", 15, "小张", "已经安排了")]
    assert {f.message for f in report.findings} == {"致歉(「抱歉」)后没有给方案"}


def test_include_trigger_counts_the_trigger_line_in_the_window(one_rule, audit_log):
    """include_trigger: true lets the trigger line itself hold the expected words; a failure points at it."""
    rules = one_rule("context", """
        trigger:
          role: agent
          phrases: [抱歉]
        within: {side: same, include_trigger: true}
        reply: false
        expect:
          contains: [补发, 退款]
    """)
    report = audit_log(rules, APOLOGY_THEN_REMEDY)
    assert hits(report) == [("T001", 8, "小李", "非常抱歉")]


UNANSWERED = """
    === C1 2024-05-01
    [10:00:00] 顾客: 我要给差评
    [10:05:00] 顾客: 人呢
    === C2 2024-05-01
    [10:00:00] 顾客: 我要给差评
    [10:00:30] 客服 小王: 非常抱歉,哪里让您不满意了
"""


def test_reply_true_makes_no_reply_at_all_a_finding_at_the_trigger(one_rule, audit_log):
    """reply: true: a trigger nobody answers is a finding on the trigger line, quoting the trigger."""
    rules = one_rule("context", """
        trigger:
          phrases: [差评]
        reply: true
        expect:
          contains: [抱歉]
    """, message="客户说「{trigger_match}」后没有任何回复")
    report = audit_log(rules, UNANSWERED)
    assert hits(report) == [("T001", 2, "unassigned", "差评")]
    assert report.findings[0].message == "客户说「差评」后没有任何回复"


def test_reply_false_leaves_a_trigger_nobody_answers_alone(one_rule, audit_log):
    """reply: false: an unanswered trigger is no finding; only the replies that came are judged."""
    rules = one_rule("context", apology_expected("""
        trigger:
          phrases: [差评]
    """))
    assert audit_log(rules, UNANSWERED).findings == []


@pytest.mark.parametrize("reply, lines", [("true", [2]), ("false", [])])
def test_reply_true_also_covers_a_reply_that_came_after_seconds(one_rule, audit_log, reply, lines):
    """With within: {seconds: T}, a reply later than T is no reply: reply: true flags the trigger."""
    rules = one_rule("context", f"""
        trigger:
          phrases: [差评]
        within: {{seconds: 60}}
        reply: {reply}
        expect:
          contains: [抱歉]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 再不发货我就给差评
        [10:10:00] 客服 小王: 非常抱歉,今天一定发
    """)
    assert [(f.line, f.match) for f in report.findings] == [(line, "差评") for line in lines]


def test_expect_only_needs_every_reply_to_say_nothing_but_the_words(one_rule, audit_log):
    """expect: {only: [...]} holds when every reply of the window says one of the words and nothing else."""
    rules = one_rule("context", """
        trigger:
          role: agent
          phrases: [还有什么可以帮您]
        within: {replies: 2}
        reply: false
        expect:
          only: [没有了, 没了]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 客服 小王: 请问还有什么可以帮您
        [10:00:30] 顾客: 没有了!
        [10:00:40] 客服 小王: 好的,祝您生活愉快
        === C2 2024-05-01
        [10:00:00] 客服 小王: 请问还有什么可以帮您
        [10:00:30] 顾客: 没了
        [10:00:40] 顾客: 对了,发票开了吗
    """)
    assert hits(report) == [("T001", 7, "小王", "没了")]


def test_forbid_only_flags_a_reply_that_just_acknowledges(one_rule, audit_log):
    """forbid: {only: [嗯, 好的]} flags 「嗯嗯」「好的!」, not a reply with content nor an emoji-only one."""
    rules = one_rule("context", """
        trigger:
          phrases: [投诉]
        reply: false
        forbid:
          only: [嗯, 好的]
    """, message="客户要「{trigger_match}」,只回了「{match}」")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 只收到一罐,我要投诉
        [10:00:30] 客服 小王: 嗯嗯
        === C2 2024-05-01
        [10:00:00] 顾客: 只收到一罐,我要投诉
        [10:00:30] 客服 小李: 好的!
        === C3 2024-05-01
        [10:00:00] 顾客: 只收到一罐,我要投诉
        [10:00:30] 客服 小张: 好的,我马上给您补寄一罐
        === C4 2024-05-01
        [10:00:00] 顾客: 只收到一罐,我要投诉
        [10:00:30] 客服 小赵: [微笑]
    """)
    assert hits(report) == [("T001", 3, "小王", "嗯嗯"), ("T001", 6, "小李", "好的!")]
    assert [f.message for f in report.findings] == ["客户要「投诉」,只回了「嗯嗯」", "客户要「投诉」,只回了「好的!」"]


def test_expect_patterns_and_contains_are_alternatives(one_rule, audit_log):
    """expect: {contains, patterns} holds when a phrase or a regex is in a reply."""
    rules = one_rule("context", r"""
        trigger:
          phrases: [什么时候发货]
        reply: false
        expect:
          contains: [现货]
          patterns: ['\d+(小时|天)内', '今天|明天']
    """, message="「{trigger_match}」没有给出时间")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 什么时候发货
        [10:00:30] 客服 小王: 48小时内发出
        === C2 2024-05-01
        [10:00:00] 顾客: 什么时候发货
        [10:00:30] 客服 小王: 明天上午发
        === C3 2024-05-01
        [10:00:00] 顾客: 什么时候发货
        [10:00:30] 客服 小王: 现货,放心拍
        === C4 2024-05-01
        [10:00:00] 顾客: 什么时候发货啊
        [10:00:30] 客服 小李: 尽快给您发
    """)
    assert hits(report) == [("T001", 12, "小李", "尽快给您发")]
    assert report.findings[0].message == "「什么时候发货」没有给出时间"


def test_forbid_replied_flags_any_reply_in_the_window(one_rule, audit_log):
    """forbid: {replied: true} (like expect: {not: {replied: true}}) flags the first reply after the trigger."""
    chat = """
        === C1 2024-05-01
        [10:00:00] 客服 小王: 新品上市,全场八折
        [10:00:30] 顾客: 别再发了
        [10:05:00] 客服 小王: 亲,活动今晚截止哦
        === C2 2024-05-01
        [10:00:00] 客服 小李: 新品上市,全场八折
        [10:00:30] 顾客: 别再发了
    """
    for condition in ("forbid: {replied: true}", "expect: {not: {replied: true}}"):
        rules = one_rule("context", f"""
            trigger:
              phrases: [别再发了]
            within: {{until_end: true}}
            reply: false
            {condition}
        """, message="客户说「{trigger_match}」后还在发:{match}")
        report = audit_log(rules, chat)
        assert hits(report) == [("T001", 4, "小王", "亲,活动今晚截止哦")], condition
        assert report.findings[0].message == "客户说「别再发了」后还在发:亲,活动今晚截止哦"


def test_denies_holds_when_a_reply_says_no_to_the_triggers_own_words(one_rule, audit_log):
    """denies: true — 「不是泡水车哈」 answers 「是不是泡水车啊」; a bare 「不是的」 or denying other words does not."""
    rules = one_rule("context", """
        trigger:
          phrases: [泡水车]
        reply: false
        expect:
          any:
            - contains: [抱歉]
            - denies: true
    """, message="客户质疑「{trigger_match}」,回复没有澄清")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这台是不是泡水车啊
        [10:00:30] 客服 小王: 不是泡水车哈,有第三方检测报告
        === C2 2024-05-01
        [10:00:00] 顾客: 这台是不是泡水车啊
        [10:00:30] 客服 小李: 不是的
        === C3 2024-05-01
        [10:00:00] 顾客: 这台是不是泡水车啊
        [10:00:30] 客服 小张: 不是事故车,放心
    """)
    assert hits(report) == [("T001", 6, "小李", "不是的"), ("T001", 9, "小张", "不是事故车,放心")]
    assert {f.message for f in report.findings} == {"客户质疑「泡水车」,回复没有澄清"}


def test_denies_hears_a_no_to_a_word_that_ends_in_a_particle(one_rule, audit_log):
    """「不是假的哦」 answers 「不会是假的吧」: the echoed 假的 ends in 的; 「不是的」 still denies nothing."""
    rules = one_rule("context", """
        trigger:
          phrases: [假的]
        reply: false
        expect:
          denies: true
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这条牛仔裤不会是假的吧
        [10:00:30] 客服 小王: 不是假的哦,大写E是老标写法
        === C2 2024-05-01
        [10:00:00] 顾客: 这条牛仔裤不会是假的吧
        [10:00:30] 客服 小李: 不是的
    """)
    assert hits(report) == [("T001", 6, "小李", "不是的")]


def test_denies_does_not_hear_a_no_in_a_reply_that_repeats_the_question(one_rule, audit_log):
    """An agent repeating 「是不是泡水车」 or 「有没有翻新过」 back does not say no to it."""
    rules = one_rule("context", """
        trigger:
          phrases: [泡水车, 翻新]
        reply: false
        expect:
          denies: true
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这台是不是泡水车啊
        [10:00:30] 客服 小王: 您是问是不是泡水车吗
        === C2 2024-05-01
        [10:00:00] 顾客: 手机有没有翻新过
        [10:00:30] 客服 小李: 有没有翻新过要看检测报告
    """)
    assert hits(report) == [("T001", 3, "小王", "您是问是不是泡水车吗"), ("T001", 6, "小李", "有没有翻新过要看检测报告")]


def test_forbid_all_any_not_combine_and_quote_the_words_that_broke_it(one_rule, audit_log):
    """forbid: all/any/not — no apology and (only 嗯/好的 or a hotline); the match quotes the hotline."""
    rules = one_rule("context", """
        trigger:
          phrases: [投诉]
        reply: false
        forbid:
          all:
            - not: {contains: [抱歉]}
            - any:
                - only: [嗯, 好的]
                - contains: [投诉热线]
    """, message="客户要求投诉(「{trigger_match}」),回复只是应付:{match}")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 你们这样我要投诉你
        [10:00:30] 客服 小王: 好的,您可以打投诉热线
        === C2 2024-05-01
        [10:00:00] 顾客: 你们这样我要投诉你
        [10:00:30] 客服 小李: 非常抱歉,如果需要也可以打投诉热线
        === C3 2024-05-01
        [10:00:00] 顾客: 你们这样我要投诉你
        [10:00:30] 客服 小张: 嗯
        === C4 2024-05-01
        [10:00:00] 顾客: 你们这样我要投诉你
        [10:00:30] 客服 小赵: 我看一下是哪里出了问题
    """)
    assert hits(report) == [("T001", 3, "小王", "投诉热线"), ("T001", 9, "小张", "嗯")]
    assert report.findings[0].message == "客户要求投诉(「投诉」),回复只是应付:投诉热线"


def test_expect_all_any_not_must_hold_over_the_window(one_rule, audit_log):
    """expect: all/any/not — an apology or care, and no blame-shifting; a failure points at the reply."""
    rules = one_rule("context", """
        trigger:
          phrases: [过敏]
        reply: false
        expect:
          all:
            - any:
                - contains: [抱歉]
                - contains: [身体]
            - not: {contains: [不关我们的事]}
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 用了脸上过敏了
        [10:00:30] 客服 小王: 抱歉,不过过敏不关我们的事
        === C2 2024-05-01
        [10:00:00] 顾客: 用了脸上过敏了
        [10:00:30] 客服 小李: 您身体现在怎么样
        === C3 2024-05-01
        [10:00:00] 顾客: 用了脸上过敏了
        [10:00:30] 客服 小张: 请提供订单号
    """)
    assert hits(report) == [("T001", 3, "小王", "抱歉,不过过敏不关我们的事"), ("T001", 9, "小张", "请提供订单号")]


def test_forbid_is_judged_reply_by_reply_and_points_at_the_first_that_breaks_it(one_rule, audit_log):
    """forbid holds per reply: with replies: 2 the second reply's 「爱买不买」 is the finding."""
    rules = one_rule("context", """
        trigger:
          phrases: [便宜点]
        within: {replies: 2}
        reply: false
        forbid:
          contains: [爱买不买]
    """, message="客户还价(「{trigger_match}」)后:{match}")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 能便宜点吗
        [10:00:30] 客服 小王: 这已经是活动价了
        [10:00:40] 客服 小王: 爱买不买
    """)
    assert hits(report) == [("T001", 4, "小王", "爱买不买")]
    assert report.findings[0].message == "客户还价(「便宜点」)后:爱买不买"


def test_credit_is_a_good_practice_finding_with_the_rules_bonus_points(one_rule, audit_log):
    """credit: a finding when the condition holds, carrying the rule's (bonus) points."""
    rules = one_rule("context", """
        trigger:
          role: agent
          phrases: [抱歉]
        within: {side: same, include_trigger: true}
        reply: false
        credit:
          contains: [补发, 退款]
    """, severity="info", points=-2, message="致歉后给出了方案「{match}」(加 2 分)")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 衣服破了
        [10:00:20] 客服 小王: 实在抱歉,给您补发或者退款都可以,您选一个
        === C2 2024-05-01
        [10:00:00] 顾客: 衣服破了
        [10:00:20] 客服 小李: 实在抱歉
        [10:00:40] 客服 小李: 您拍张照片给我
    """)
    assert hits(report) == [("T001", 3, "小王", "补发")]
    (finding,) = report.findings
    assert (finding.severity, finding.points, finding.message) == ("info", -2, "致歉后给出了方案「补发」(加 2 分)")


def test_credit_earns_nothing_when_nobody_replied(one_rule, audit_log):
    """A credit rule gives no bonus for a trigger nobody answered, and refuses reply: true."""
    rules = one_rule("context", """
        trigger:
          role: agent
          phrases: [抱歉]
        credit:
          contains: [补发, 退款]
    """, severity="info", points=-2)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 衣服破了
        [10:00:20] 客服 小王: 实在抱歉
    """)
    assert hits(report) == []
    with pytest.raises(RuleError, match="a credit rule cannot count a missing reply"):
        one_rule("context", """
            trigger:
              role: agent
              phrases: [抱歉]
            reply: true
            credit:
              contains: [补发]
        """, severity="info", points=-2)


def test_an_unanswered_trigger_is_charged_to_the_agent_who_answered_late(one_rule, audit_log):
    """No reply within `seconds`: the finding sits on the trigger and is charged to the next agent to speak."""
    rules = one_rule("context", """
        trigger:
          phrases: [气死]
        within: {seconds: 60}
        reply: true
        expect:
          contains: [抱歉]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [09:59:00] 客服 小李: 您好,有什么可以帮您
        [10:00:00] 顾客: 快递三天没动了,气死我了
        [10:05:00] 客服 小王: 非常抱歉,我马上催
    """)
    assert hits(report) == [("T001", 3, "小王", "气死")]


def test_a_trigger_unanswered_within_seconds_does_not_stop_later_triggers(one_rule, audit_log):
    """A trigger left unanswered within `seconds` does not keep later triggers from being checked."""
    rules = one_rule("context", apology_expected("""
        trigger:
          phrases: [气死]
        within: {seconds: 60}
    """))
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 快递三天没动了,气死我了
        [10:05:00] 客服 小王: 非常抱歉,我马上催
        [10:06:00] 顾客: 又说马上,气死了
        [10:06:30] 客服 小王: 请提供订单号
    """)
    assert hits(report) == [("T001", 5, "小王", "请提供订单号")]


SETTLED_LOG = """
    === C1 2024-05-01
    [10:00:00] 顾客: 毛笔写两下就掉毛,气死我了
    [10:00:30] 客服 小王: 非常抱歉给您添堵了,是哪款笔呢
    [10:01:00] 顾客: 68的兼毫,掉了一桌子毛,气死了
    [10:01:30] 客服 小王: 给您换一支狼毫的,今天寄出
    === C2 2024-05-01
    [10:00:00] 顾客: 毛笔写两下就掉毛,气死我了
    [10:00:30] 客服 小李: 是哪款笔呢
    [10:01:00] 顾客: 68的兼毫,掉了一桌子毛,气死了
    [10:01:30] 客服 小李: 给您换一支狼毫的,今天寄出
"""


@pytest.mark.parametrize("settled_by, expected", [
    ("", [("T001", 5, "小王", "给您换一支狼毫的,今天寄出"),
          ("T001", 8, "小李", "是哪款笔呢"), ("T001", 10, "小李", "给您换一支狼毫的,今天寄出")]),
    ("settled_by: {contains: [抱歉]}\n",
     [("T001", 8, "小李", "是哪款笔呢"), ("T001", 10, "小李", "给您换一支狼毫的,今天寄出")]),
])
def test_settled_by_ends_the_checks_once_a_reply_has_met_it(one_rule, audit_log, settled_by, expected):
    """After a trigger's reply meets `settled_by` (the agent apologised), later triggers in the
    conversation are not judged; a conversation where no reply met it is judged throughout."""
    rules = one_rule("context", apology_expected("""
        trigger:
          phrases: [气死]
    """) + settled_by)
    assert hits(audit_log(rules, SETTLED_LOG)) == expected


def test_a_trigger_with_nothing_to_trigger_on_fails_to_load_naming_file_line_and_key(one_rule, tmp_path):
    """A trigger without phrases, patterns, first_only or all_messages is a RuleError at trigger.phrases."""
    with pytest.raises(RuleError, match="a trigger needs phrases, patterns, first_only: true or all_messages: true") as caught:
        one_rule("context", """
            trigger:
              role: customer
              unless: [谢谢]
            expect:
              contains: [抱歉]
        """)
    # Lines 1-8 are the rule's head (helpers.rule_yaml); line 10 opens the trigger's mapping.
    assert (caught.value.file, caught.value.line, caught.value.where) == (
        str(tmp_path / "rules.yaml"), 10, "T001.trigger.phrases")


def test_a_misspelled_key_under_trigger_fails_to_load(one_rule, tmp_path):
    """`ignor:` under trigger is an unknown key, named with its line and the key it was meant to be."""
    with pytest.raises(RuleError, match='unknown key "ignor" \\(did you mean "ignore"\\?\\)') as caught:
        one_rule("context", """
            trigger:
              phrases: [算了]
              ignor: [结算了]
            expect:
              contains: [抱歉]
        """)
    assert (caught.value.file, caught.value.line, caught.value.where) == (
        str(tmp_path / "rules.yaml"), 11, "T001.trigger")


@pytest.mark.parametrize("settings, problem", [
    ("trigger: {phrases: [算了], role: robot}\nexpect: {contains: [抱歉]}", "expected one of agent, customer"),
    ("trigger: {phrases: [算了]}\nwithin: {replys: 2}\nexpect: {contains: [抱歉]}", 'unknown key "replys"'),
    ("trigger: {phrases: [算了]}\nwithin: {replies: 0}\nexpect: {contains: [抱歉]}", "must be at least 1"),
    ("trigger: {phrases: [算了]}\nwithin: {side: both}\nexpect: {contains: [抱歉]}", "expected one of other, same"),
    ("trigger: {phrases: [算了]}\nexpect: {contain: [抱歉]}", 'unknown condition "contain"'),
    ("trigger: {phrases: [算了]}\nexpect: {contains: [抱歉], only: [嗯]}", "a condition has one key"),
    ("trigger: {phrases: [算了]}\nexpect: {replied: false}", "settled by `reply:`"),
    ("trigger: {phrases: [算了]}\nexpect: {denies: false}", "use `not: {denies: true}`"),
    ("trigger: {phrases: [算了]}\nexpect: {any: []}", "expected a list of conditions"),
    ("trigger: {phrases: [算了]}\nforbid: {contains: [再见]}\ncredit: {contains: [抱歉]}", "either forbid or credit"),
    ("trigger: {phrases: [算了]}\nreply: false", "needs expect, forbid or reply: true"),
    ("trigger: {phrases: ['@nope']}\nexpect: {contains: [抱歉]}", 'unknown lexicon "nope"'),
    ("trigger: {phrases: [算了]}\nexpect: {contains: [抱歉]}\nsettled_by: {soothes: true}", 'unknown condition "soothes"'),
])
def test_settings_are_checked_when_the_rule_loads(one_rule, settings, problem):
    """Mistakes in trigger, within and the conditions fail when the rule loads."""
    with pytest.raises(RuleError, match=re.escape(problem)):
        one_rule("context", settings)
