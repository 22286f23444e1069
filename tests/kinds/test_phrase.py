"""`phrase`: words and regexes in one role's messages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import hits
from qa_audit import audit
from qa_audit.schema import RuleError


def test_whole_word_does_not_hit_a_word_inside_a_longer_word(one_rule, audit_log):
    rules = one_rule("phrase", """
        whole_word: true
        phrases: [滚]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 有滚筒的吗
        [10:00:10] 客服 小王: 这款滚筒洗衣机是变频的
        [10:00:20] 客服 小王: 滚
        [10:00:30] 客服 小王: 你给我滚!
    """)
    assert hits(report) == [("T001", 4, "小王", "滚"), ("T001", 5, "小王", "滚")]


def test_without_whole_word_a_phrase_hits_inside_a_longer_word(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [滚]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 这款滚筒洗衣机是变频的
    """)
    assert hits(report) == [("T001", 2, "小王", "滚")]


def test_whole_word_leaves_patterns_their_own_bounds(one_rule, audit_log):
    # 结束会话 is one jieba word here (declared by the phrase list); the pattern ends inside it.
    rules = one_rule("phrase", """
        whole_word: true
        phrases: [结束会话]
        patterns: ["不回复就.{0,6}结束"]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 我先看看
        [10:00:10] 客服 小王: 一分钟内不回复就直接结束会话了
    """)
    assert hits(report) == [("T001", 3, "小王", "不回复就直接结束")]


def test_a_pattern_with_a_backreference_works_beside_other_patterns(one_rule, audit_log):
    rules = one_rule("phrase", r"""
        patterns: ["(别|不要)再问", "说了(.{1,4})就\\1"]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 能不能多给几天
        [10:00:10] 客服 小王: 说了7天就7天
        [10:00:20] 客服 小王: 说了7天就8天
    """)
    assert hits(report) == [("T001", 3, "小王", "说了7天就7天")]


def test_a_pattern_that_starts_anywhere_works_beside_other_patterns(one_rule, audit_log):
    # 「\w{1,6}!」 may start at any character; it runs on its own, the others still hit.
    rules = one_rule("phrase", r"""
        patterns: ["(?:\\w{1,6}!+ ?){3}", "别再问", "说最后一遍"]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 坏了
        [10:00:10] 客服 小王: 拍图!型号!订单号!
        [10:00:20] 客服 小王: 别再问了
        [10:00:30] 客服 小王: 我说最后一遍
        [10:00:40] 客服 小王: 好的!
    """)
    assert hits(report) == [("T001", 3, "小王", "拍图!型号!订单号!"), ("T001", 4, "小王", "别再问"),
                            ("T001", 5, "小王", "说最后一遍")]


def test_unless_reply_excuses_a_phrase_anywhere_in_the_same_reply(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [处理不了]\nunless_reply: [已经帮您]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 能开发票吗
        [10:00:10] 客服 小王: 线上处理不了开票。我已经帮您建了工单,财务明天联系您
        [10:00:15] 顾客: 那纸质发票呢
        [10:00:20] 客服 小王: 线上处理不了,您找财务吧
    """)
    assert hits(report) == [("T001", 5, "小王", "处理不了")]


def test_a_reply_is_every_bubble_the_agent_sends_before_the_customer_answers(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [处理不了]\nunless_reply: [已经帮您]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 能开发票吗
        [10:00:10] 客服 小王: 线上处理不了开票
        [10:00:15] 客服 小王: 我已经帮您建了工单,财务明天联系您
        [10:00:30] 顾客: 好 那纸质发票呢
        [10:00:40] 客服 小王: 纸质的我这边处理不了
        [10:00:45] 客服 小王: 您问问财务吧
    """)
    assert hits(report) == [("T001", 6, "小王", "处理不了")]


def test_emoticon_codes_are_masked_so_their_words_never_hit(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [微笑]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗
        [10:00:10] 客服 小王: [微笑]
        [10:00:20] 客服 小王: 好的亲[微笑][微笑]
        [10:00:30] 客服 小王: 我一直在微笑服务
    """)
    assert hits(report) == [("T001", 5, "小王", "微笑")]


def test_only_messages_of_the_rules_role_are_checked(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [垃圾]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 你们这什么垃圾东西
        [10:00:10] 客服 小王: 非常抱歉,我马上帮您处理
    """)
    assert report.findings == []

    customer_rule = one_rule("phrase", "role: customer\nphrases: [垃圾]")
    report = audit_log(customer_rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 你们这什么垃圾东西
        [10:00:10] 客服 小王: 非常抱歉,我马上帮您处理
    """)
    assert [(f.line, f.match) for f in report.findings] == [(2, "垃圾")]


def test_unless_excuses_a_phrase_in_the_same_sentence_only(one_rule, audit_log):
    rules = one_rule("phrase", """
        phrases: [没办法]
        unless: [抱歉]
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 还能补货吗
        [10:00:10] 客服 小王: 实在抱歉,这个颜色停产了,没办法补货
        [10:00:20] 客服 小王: 实在抱歉。没办法
        [10:00:30] 客服 小王: 没办法
    """)
    assert hits(report) == [("T001", 4, "小王", "没办法"), ("T001", 5, "小王", "没办法")]


def test_patterns_are_regular_expressions(one_rule, audit_log):
    rules = one_rule("phrase", r"""
        patterns: ['说了\d+遍', '(?:你|您)懂不懂']
    """)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 怎么退货
        [10:00:10] 客服 小王: 我都说了3遍了
        [10:00:20] 客服 小王: 您懂不懂规则
        [10:00:30] 客服 小王: 说了很多次抱歉
    """)
    assert hits(report) == [("T001", 3, "小王", "说了3遍"), ("T001", 4, "小王", "您懂不懂")]


# Written as escapes so the test shows which is which: full-width ？ , Ａ Ｂ Ｃ.
FW_QUESTION, FW_COMMA, FW_ABC = "\uff1f", "\uff0c", "\uff21\uff22\uff23"


def test_full_width_and_half_width_text_match_the_same_phrase(one_rule, audit_log):
    # Agents type ,? or ，？ and ABC or ＡＢＣ; the match quotes what the agent typed.
    rules = one_rule("phrase", "phrases: ['好了,听懂了吗?', 'abc']")
    report = audit_log(rules, f"""
        === C1 2024-05-01
        [10:00:00] 顾客: 嗯
        [10:00:10] 客服 小王: 好了,听懂了吗?
        [10:00:20] 客服 小王: 好了{FW_COMMA}听懂了吗{FW_QUESTION}
        [10:00:30] 客服 小王: 这是ABC款
        [10:00:40] 客服 小王: 这是{FW_ABC}款
        [10:00:50] 客服 小王: 这是abc款
    """)
    assert hits(report) == [
        ("T001", 3, "小王", "好了,听懂了吗?"),
        ("T001", 4, "小王", f"好了{FW_COMMA}听懂了吗{FW_QUESTION}"),
        ("T001", 5, "小王", "ABC"),
        ("T001", 6, "小王", FW_ABC),
        ("T001", 7, "小王", "abc"),
    ]


def test_a_full_width_phrase_in_the_rule_matches_half_width_text(one_rule, audit_log):
    rules = one_rule("phrase", f"phrases: ['听懂了吗{FW_QUESTION}', '{FW_ABC}']")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 听懂了吗?
        [10:00:20] 客服 小王: 这是abc款
    """)
    assert [f.match for f in report.findings] == ["听懂了吗?", "abc"]


def test_a_regex_with_capital_letters_hits_text_in_any_width(one_rule, audit_log):
    rules = one_rule("phrase", r"patterns: ['VIP\d']")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 您是VIP3会员
        [10:00:20] 客服 小王: 您是vip3会员
    """)
    assert [f.match for f in report.findings] == ["VIP3", "vip3"]


def test_a_lower_case_regex_hits_upper_case_and_full_width_text(one_rule, audit_log):
    # Regexes see the folded text (lower case, half-width), so a lower-case regex covers every width.
    rules = one_rule("phrase", r"patterns: ['vip\d']")
    report = audit_log(rules, f"""
        === C1 2024-05-01
        [10:00:10] 客服 小王: 您是VIP3会员
        [10:00:20] 客服 小王: 您是\uff36\uff29\uff30\uff13会员
    """)
    assert [f.match for f in report.findings] == ["VIP3", "\uff36\uff29\uff30\uff13"]


def test_the_earliest_longest_match_is_reported_once_per_message(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [滚, 滚蛋, 闭嘴]", message="用了「{match}」")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 你滚蛋吧,闭嘴
    """)
    assert [(f.match, f.offset + 1, f.message) for f in report.findings] == [("滚蛋", 2, "用了「滚蛋」")]


def test_a_finding_carries_the_message_its_id_and_the_customer_context(one_rule, audit_log):
    rules = one_rule("phrase", "phrases: [爱买不买]", severity="warning", points=4,
                     message="{id} {title}:{match}")
    report = audit_log(rules, """
        === C7 2024-05-01
        [10:00:00] 顾客 buyer_7: 能便宜点吗
        [10:00:10] 客服 小王: 爱买不买
    """)
    (finding,) = report.findings
    assert (finding.conversation_id, finding.message_id, finding.severity, finding.points) == ("C7", "C7#2", "warning", 4)
    assert finding.message == "T001 测试规则:爱买不买"
    assert finding.time == "2024-05-01T10:00:10+08:00"
    assert finding.context == "能便宜点吗"


@pytest.mark.parametrize("settings, problem", [
    ("role: agent", "needs phrases or patterns"),
    ("phrases: [滚]\nrole: robot", "expected one of agent, customer"),
])
def test_settings_are_checked_when_the_rule_loads(one_rule, settings, problem):
    with pytest.raises(RuleError, match=problem):
        one_rule("phrase", settings)


def _typed(char: str, how: str) -> str:
    """A character as an agent might type it: half- or full-width, lower or upper case."""
    if how in ("upper", "full-upper"):
        char = char.upper()
    return chr(ord(char) + 0xFEE0) if how.startswith("full") else char


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hows=st.lists(st.sampled_from(["half", "full", "upper", "full-upper"]), min_size=7, max_size=7),
       before=st.sampled_from(["", "亲,", "您好,这是"]), after=st.sampled_from(["", "吗", "的哦"]))
def test_any_mix_of_widths_and_cases_hits_and_quotes_what_was_typed(one_rule, write, hows, before, after):
    rules = one_rule("phrase", "phrases: ['vip,ok?']")
    typed = "".join(_typed(char, how) for char, how in zip("vip,ok?", hows))
    path = write("chat.txt", f"=== C1\n客服 小王: {before}{typed}{after}\n")
    report = audit([path], rules=rules)
    assert [(f.match, f.offset + 1) for f in report.findings] == [(typed, len(before) + 1)]
