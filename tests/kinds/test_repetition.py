"""`repetition`: the same or nearly the same agent line used more than N times (机械重复)."""

from __future__ import annotations

import pytest

from helpers import hits
from qa_audit.schema import RuleError

MESSAGE = "用了 {count} 次(上限 {max} 次):「{match}」"

SAME_APOLOGY = """
    === C1 2024-05-01
    [10:00:00] 顾客: 我的货怎么还没发
    [10:00:30] 客服 小王: 非常抱歉给您带来不便
    [10:01:00] 顾客: 什么时候能发?
    [10:01:30] 客服 小王: 非常抱歉给您带来不便了亲
    [10:02:00] 顾客: 我问你什么时候发!
    [10:02:30] 客服 小王: 非常抱歉给您带来不便
    [10:03:00] 顾客: ???
    [10:03:30] 客服 小王: 抱歉给您带来不便
"""


def test_the_use_after_max_is_a_finding_reported_once(one_rule, audit_log):
    # Tone particles (了亲) and intensifiers (非常) do not make it a different line.
    rules = one_rule("repetition", "max: 2\nsimilarity: 1\nonly: [抱歉]", message=MESSAGE)
    report = audit_log(rules, SAME_APOLOGY)
    assert hits(report) == [("T001", 7, "小王", "非常抱歉给您带来不便")]
    assert report.findings[0].message == "用了 3 次(上限 2 次):「非常抱歉给您带来不便」"


def test_max_sets_how_many_uses_are_allowed(one_rule, audit_log):
    rules = one_rule("repetition", "max: 3\nsimilarity: 1\nonly: [抱歉]", message=MESSAGE)
    report = audit_log(rules, SAME_APOLOGY)
    assert [(f.line, f.message) for f in report.findings] == [(9, "用了 4 次(上限 3 次):「抱歉给您带来不便」")]

    rules = one_rule("repetition", "max: 4\nsimilarity: 1\nonly: [抱歉]", message=MESSAGE)
    assert audit_log(rules, SAME_APOLOGY).findings == []


NEARLY_THE_SAME = """
    === C1 2024-05-01
    [10:00:00] 顾客: 我的货怎么还没发
    [10:00:30] 客服 小王: 抱歉给您带来不便,我马上帮您查
    [10:01:00] 顾客: 快点
    [10:01:30] 客服 小王: 抱歉给您带来不便,我马上帮您催
    [10:02:00] 顾客: 确定吗
    [10:02:30] 客服 小王: 抱歉给您带来不便,我马上帮您问
"""


@pytest.mark.parametrize("similarity, hit", [(0.7, True), (1, False)])
def test_similarity_decides_when_two_lines_are_the_same_line(one_rule, audit_log, similarity, hit):
    rules = one_rule("repetition", f"max: 2\nsimilarity: {similarity}\nonly: [抱歉]")
    report = audit_log(rules, NEARLY_THE_SAME)
    assert [f.line for f in report.findings] == ([7] if hit else [])


def test_different_lines_with_the_same_word_are_not_repetition(one_rule, audit_log):
    rules = one_rule("repetition", "max: 2\nsimilarity: 0.7\nonly: [抱歉]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 我的货怎么还没发
        [10:00:30] 客服 小王: 非常抱歉给您带来不便,我马上帮您查
        [10:01:00] 顾客: 快点
        [10:01:30] 客服 小王: 抱歉,仓库说今天下午发出
        [10:02:00] 顾客: 确定吗
        [10:02:30] 客服 小王: 抱歉让您久等了,单号是123
    """)
    assert report.findings == []


PLEASE_WAIT = """
    === C1 2024-05-01
    [10:00:00] 顾客: 帮我看下订单
    [10:00:20] 客服 小王: 好的,稍等
    [10:00:50] 顾客: 还有这个
    [10:01:00] 客服 小王: 好的,稍等
    [10:01:30] 顾客: 再看下这个
    [10:01:40] 客服 小王: 好的,稍等
"""


def test_only_counts_lines_holding_one_of_its_words(one_rule, audit_log):
    assert [f.line for f in audit_log(one_rule("repetition", "max: 2"), PLEASE_WAIT).findings] == [7]
    assert audit_log(one_rule("repetition", "max: 2\nonly: [抱歉]"), PLEASE_WAIT).findings == []


def test_customer_lines_are_never_counted(one_rule, audit_log):
    report = audit_log(one_rule("repetition", "max: 1"), """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗
        [10:00:20] 顾客: 在吗
        [10:00:40] 顾客: 在吗
        [10:01:00] 客服 小王: 在的
    """)
    assert report.findings == []


COUPON = """
    === C1 2024-05-01
    [10:00:00] 顾客: 衣服破了个洞
    [10:00:30] 客服 小王: 给您补偿一张10元优惠券可以吗
    [10:01:00] 顾客: 我不要优惠券
    [10:01:30] 客服 小王: 10元优惠券补偿给您好吗
    [10:02:00] 顾客: 说了不要,我要换货
    [10:02:30] 客服 小王: 亲,还是给您一张10元的优惠券作为补偿吧
"""
PROPOSAL = "max: 2\ncompare: keywords\nsimilarity: 0.5\nonly: [优惠券, 换货, 退款]"


def test_compare_keywords_finds_the_same_proposal_in_new_words(one_rule, audit_log):
    report = audit_log(one_rule("repetition", PROPOSAL + "\nafter_customer: [不要]"), COUPON)
    assert hits(report) == [("T001", 7, "小王", "亲,还是给您一张10元的优惠券作为补偿吧")]
    # Compared as whole lines (at the default similarity), the three wordings are three different lines.
    line_rule = one_rule("repetition", PROPOSAL.replace("compare: keywords", "compare: line").replace("similarity: 0.5", ""))
    assert audit_log(line_rule, COUPON).findings == []


def test_after_customer_counts_a_repeat_only_after_the_customer_turned_it_down(one_rule, audit_log):
    accepted = COUPON.replace("我不要优惠券", "优惠券怎么用").replace("说了不要,我要换货", "能用在别的店吗")
    rules = one_rule("repetition", PROPOSAL + "\nafter_customer: [不要]")
    assert audit_log(rules, accepted).findings == []
    assert [f.line for f in audit_log(one_rule("repetition", PROPOSAL), accepted).findings] == [7]


SOFT_REFUSAL = """
    === C1 2024-05-01
    [10:00:00] 顾客: 积木少了一包零件
    [10:00:30] 客服 小王: 亲 抱歉呢,给您补偿一张15元优惠券可以吗
    [10:01:00] 顾客: 我要的是零件,券有什么用
    [10:01:30] 客服 小王: 亲亲别生气,零件补发比较麻烦,给您15元券下次用
    [10:02:00] 顾客: 孩子等着拼呢,我不要券
    [10:02:30] 客服 小王: 抱歉亲,那还是给您发券补偿好吗?
"""
REFUSAL = ("max: 2\ncompare: keywords\nsimilarity: 0.2\nafter_customer: [不要]\ncustomer_objects: [要的是]\n"
           "ignore: [抱歉, 别生气]")


def test_a_customer_who_wants_something_else_has_not_taken_the_proposal(one_rule, audit_log):
    # 「我要的是零件」 is an objection, not a refusal word; with one 「不要」 in the chain, both repeats count.
    report = audit_log(one_rule("repetition", REFUSAL), SOFT_REFUSAL)
    assert hits(report) == [("T001", 7, "小王", "抱歉亲,那还是给您发券补偿好吗?")]


def test_without_any_refusal_word_a_repeat_is_not_counted(one_rule, audit_log):
    log = SOFT_REFUSAL.replace("孩子等着拼呢,我不要券", "孩子等着拼呢,我要零件")
    assert audit_log(one_rule("repetition", REFUSAL), log).findings == []


@pytest.mark.parametrize("answer", ["好的,那就要券吧", "可以,券发我"])
def test_customer_accepts_ends_the_chain(one_rule, audit_log, answer):
    rules = one_rule("repetition", REFUSAL + "\ncustomer_accepts: [好的, 可以]")
    assert hits(audit_log(rules, SOFT_REFUSAL))  # the chain without acceptance
    assert audit_log(rules, SOFT_REFUSAL.replace("我要的是零件,券有什么用", answer)).findings == []


def test_a_negated_agreement_is_no_acceptance(one_rule, audit_log):
    rules = one_rule("repetition", REFUSAL + "\ncustomer_accepts: [可以]")
    log = SOFT_REFUSAL.replace("我要的是零件,券有什么用", "不可以,我要的是零件")
    assert [f.line for f in audit_log(rules, log).findings] == [7]


@pytest.mark.parametrize("answer", ["券什么时候到账", "啊这么快", "[图片]"])
def test_a_line_neither_refusing_nor_objecting_is_no_answer_yet(one_rule, audit_log, answer):
    log = SOFT_REFUSAL.replace("我要的是零件,券有什么用", answer)
    assert audit_log(one_rule("repetition", REFUSAL), log).findings == []


def test_ignored_words_do_not_make_lines_alike(one_rule, audit_log):
    # Three different answers wrapped in the same thanks are not one proposal repeated.
    log = """
        === C1 2024-05-01
        [10:00:00] 顾客: 手机屏幕有绿线
        [10:00:30] 客服 小王: 感谢您的耐心,请您寄回检测
        [10:01:00] 顾客: 我不要寄回
        [10:01:30] 客服 小王: 感谢您的耐心,我给您登记上门取件
        [10:02:00] 顾客: 不要上门,我上班
        [10:02:30] 客服 小王: 感谢您的耐心,那给您约周末的网点
    """
    settings = "max: 2\ncompare: keywords\nsimilarity: 0.3\nafter_customer: [不要]"
    assert [f.line for f in audit_log(one_rule("repetition", settings), log).findings] == [7]
    assert audit_log(one_rule("repetition", settings + "\nignore: [感谢您的耐心]"), log).findings == []


def test_doing_what_the_customer_first_asked_for_is_not_a_turned_down_proposal(one_rule, audit_log):
    rules = one_rule("repetition", "max: 1\ncompare: keywords\nsimilarity: 0.2\nafter_customer: [不用]")
    log = """
        === C1 2024-05-01
        [10:00:00] 顾客: 我要把宽带注销了,要搬家
        [10:00:40] 客服 小王: 您好,如果新家在覆盖范围内,可以免费移机,不用注销
        [10:01:20] 顾客: 不用了,搬去外地了
        [10:02:00] 客服 小王: 明白了,那就为您办理注销,光猫7天内归还营业厅即可
    """
    assert audit_log(rules, log).findings == []
    # Had the customer not asked for 注销, the agent would be pushing it.
    assert [f.line for f in audit_log(rules, log.replace("我要把宽带注销了,要搬家", "我要搬家了")).findings] == [5]


def test_a_new_proposal_after_a_rejection_is_not_a_repeat(one_rule, audit_log):
    rules = one_rule("repetition", PROPOSAL + "\nafter_customer: [不要]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 衣服破了个洞
        [10:00:30] 客服 小王: 给您补偿一张10元优惠券可以吗
        [10:01:00] 顾客: 我不要优惠券
        [10:01:30] 客服 小王: 那给您换货,运费我们承担
        [10:02:00] 顾客: 不要换货,我要退款
        [10:02:30] 客服 小王: 好的,马上给您办理退款
    """)
    assert report.findings == []


TURNED = """
    === C1 2024-05-01
    [10:00:00] 顾客: 衣服破了个洞
    [10:00:30] 客服 小王: 给您补偿一张10元优惠券,下单直接抵扣,可以吗
    [10:01:00] 顾客: 我不要优惠券
    [10:01:30] 客服 小王: 明白,那给您补发一件新的,下单时直接抵扣运费
    === C2 2024-05-01
    [10:00:00] 顾客: 衣服破了个洞
    [10:00:30] 客服 小王: 给您补偿一张10元优惠券,下单直接抵扣,可以吗
    [10:01:00] 顾客: 我不要优惠券
    [10:01:30] 客服 小王: 亲,给您补发一件新的,下单时直接抵扣运费
"""
TURNING = "max: 1\ncompare: keywords\nsimilarity: 0.2\nafter_customer: [不要]"


def test_turning_asks_more_of_a_line_that_acknowledges_the_refusal_and_turns(one_rule, audit_log):
    """A line matching `turning` (「明白,那…」) is the refused proposal only at `turning_similarity`;
    other lines, and every line of a rule without `turning`, at `similarity`."""
    turning = one_rule("repetition", TURNING + '\nturning: ["^(明白|了解)[,.~ ]*那"]\nturning_similarity: 0.4')
    assert [(f.conversation_id, f.line) for f in audit_log(turning, TURNED).findings] == [("C2", 10)]
    plain = one_rule("repetition", TURNING)
    assert [(f.conversation_id, f.line) for f in audit_log(plain, TURNED).findings] == [("C1", 5), ("C2", 10)]


def test_compare_clause_counts_the_same_soothing_clause_before_different_content(one_rule, audit_log):
    log = """
        === C1 2024-05-01
        [10:00:00] 顾客: 我的货怎么还没发
        [10:00:30] 客服 小王: 非常理解您的心情,我马上帮您查
        [10:01:00] 顾客: 快点
        [10:01:30] 客服 小王: 非常理解您的心情,仓库说今天下午发
        [10:02:00] 顾客: 确定吗
        [10:02:30] 客服 小王: 非常理解您的心情,单号发您了
    """
    clause = one_rule("repetition", "max: 2\ncompare: clause\nsimilarity: 0.7\nonly: [理解您的心情]")
    assert [f.line for f in audit_log(clause, log).findings] == [7]
    line = one_rule("repetition", "max: 2\ncompare: line\nsimilarity: 0.7\nonly: [理解您的心情]")
    assert audit_log(line, log).findings == []


def test_compare_clause_holds_whatever_jieba_makes_of_the_clause(one_rule, audit_log):
    # 请您耐心 is a word of the rule, so jieba cuts 「请您耐心等待」 as 请您耐心/等待, but keeps
    # 耐心等待 whole in 「请您再耐心等待一下」: the third plea is the same line all the same.
    rules = one_rule("repetition", "max: 2\ncompare: clause\nsimilarity: 0.7\nonly: [请您耐心, 耐心等待]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 表修好了没
        [10:00:40] 客服 小王: 请您耐心等待,师傅正在加紧处理中~
        [10:01:00] 顾客: 到底多久
        [10:02:00] 客服 小王: 请您耐心等待哈,师傅正在加紧处理中~
        [10:03:00] 顾客: ???
        [10:03:20] 客服 小王: 请您再耐心等待一下,师傅正在加紧处理中
    """)
    assert [f.line for f in report.findings] == [7]


def test_an_offer_word_in_a_clause_that_declines_offers_nothing(one_rule, audit_log):
    rules = one_rule("repetition", "max: 1\ncompare: keywords\nsimilarity: 0.2\nafter_customer: [没时间]\n"
                                   "offers: [安排, 可以]\ndeclines: [没办法]")
    log = """
        === C1 2024-05-01
        [10:00:00] 顾客: 能让师傅晚上10点来修洗衣机吗
        [10:00:30] 客服 小王: 师傅上门时间是早上8点到晚上8点,晚上10点没办法安排
        [10:01:00] 顾客: 那怎么办 我真没时间
        [10:01:30] 客服 小王: 可以约周末,或者工作日晚上7点到8点上门
    """
    assert audit_log(rules, log).findings == []
    # Offered outright, the same hours pushed again after 「没时间」 are the finding.
    offered = log.replace("晚上10点没办法安排", "晚上可以安排到8点")
    assert [f.line for f in audit_log(rules, offered).findings] == [5]


def test_each_conversation_is_counted_on_its_own(one_rule, audit_log):
    rules = one_rule("repetition", "max: 2\nonly: [抱歉]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 货呢
        [10:00:30] 客服 小王: 非常抱歉给您带来不便
        [10:01:00] 顾客: ?
        [10:01:30] 客服 小王: 非常抱歉给您带来不便
        === C2 2024-05-01
        [10:00:00] 顾客: 货呢
        [10:00:30] 客服 小王: 非常抱歉给您带来不便
    """)
    assert report.findings == []


def test_each_agent_is_counted_on_their_own_after_a_transfer(one_rule, audit_log):
    rules = one_rule("repetition", "max: 2\nonly: [抱歉]")
    transferred = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 货呢
        [10:00:30] 客服 小王: 非常抱歉给您带来不便
        [10:01:00] 顾客: ?
        [10:01:30] 客服 小王: 非常抱歉给您带来不便
        [10:02:00] 顾客: 转人工
        [10:02:30] 客服 阿敏: 非常抱歉给您带来不便
    """)
    assert transferred.findings == []
    one_agent = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 货呢
        [10:00:30] 客服 小王: 非常抱歉给您带来不便
        [10:01:00] 顾客: ?
        [10:01:30] 客服 小王: 非常抱歉给您带来不便
        [10:02:00] 顾客: 转人工
        [10:02:30] 客服 小王: 非常抱歉给您带来不便
    """)
    assert [(f.line, f.agent) for f in one_agent.findings] == [(7, "小王")]


@pytest.mark.parametrize("settings, problem", [
    ("max: 0", "must be at least 1"),
    ("similarity: 1.5", "must be between 0 and 1"),
    ("turning_similarity: 2", "must be between 0 and 1"),
    ("turning: ['明白(']", "turning"),
    ("compare: words", "expected one of"),
    ("compare: clause", "needs `only`"),
    ("only: '@soothing'", 'unknown lexicon "soothing"'),
])
def test_settings_are_checked_when_the_rule_loads(one_rule, settings, problem):
    with pytest.raises(RuleError, match=problem):
        one_rule("repetition", settings)
