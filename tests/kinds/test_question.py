"""`question`: rhetorical / interrogating questions as token sequences with gaps in one sentence."""

from __future__ import annotations

import pytest

from helpers import hits, rule_yaml
from qa_audit import audit
from qa_audit.rulebook import load_rules
from qa_audit.schema import RuleError

RHETORICAL = """
    sequences:
      - [难道, 吗]
      - [不是, 吗|么|嘛]
      - 你 不会 吗
    unless: [请问]
"""


def test_a_sequence_hits_with_words_between_its_parts(one_rule, audit_log):
    rules = one_rule("question", RHETORICAL)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 为什么还没发货
        [10:00:10] 客服 小王: 难道你不知道吗?
        [10:00:20] 客服 小王: 这不是您自己说的嘛
        [10:00:30] 客服 小王: 你不会看吗
    """)
    assert hits(report) == [
        ("T001", 3, "小王", "难道你不知道吗"),
        ("T001", 4, "小王", "不是您自己说的嘛"),
        ("T001", 5, "小王", "你不会看吗"),
    ]


def test_a_word_jieba_keeps_whole_still_matches_the_parts_a_sequence_names(one_rule, audit_log):
    # jieba keeps 还用说 and 不知道 whole: [还用, 说, 吗] and [这, 都, 不, 知道, 吗] name them in parts
    rules = one_rule("question", "sequences:\n  - [还用, 说, 吗]\n  - [这, 都, 不, 知道, 吗]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 这还用说吗?
        [10:00:20] 客服 小王: 这都不知道吗?
        [10:00:30] 客服 小王: 这个我也不知道呢,帮您问问仓库
    """)
    assert hits(report) == [
        ("T001", 2, "小王", "还用说吗"),
        ("T001", 3, "小王", "这都不知道吗"),
    ]


@pytest.mark.parametrize("max_gap, hit", [(2, False), (3, True), (6, True)])
def test_max_gap_is_how_many_words_may_come_between_two_parts(one_rule, audit_log, max_gap, hit):
    # 难道 | 你 不 知道 | 吗: three words between the two parts.
    rules = one_rule("question", f"sequences: [[难道, 吗]]\nmax_gap: {max_gap}")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 难道你不知道吗?
    """)
    assert bool(report.findings) is hit


def test_the_parts_must_be_in_one_sentence(one_rule, audit_log):
    rules = one_rule("question", RHETORICAL)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 是这个吗
        [10:00:10] 客服 小王: 难道是快递的问题。您收到了吗?
        [10:00:20] 客服 小王: 不是这个。您要的是红色的吗?
    """)
    assert report.findings == []


def test_polite_questions_do_not_hit(one_rule, audit_log):
    rules = one_rule("question", RHETORICAL)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 是这个吗
        [10:00:10] 客服 小王: 请问不是这个颜色吗?
        [10:00:20] 客服 小王: 您收到了吗?
        [10:00:30] 客服 小王: 不会的,您放心
    """)
    assert report.findings == []


def test_the_order_of_the_parts_matters(one_rule, audit_log):
    rules = one_rule("question", "sequences: [[难道, 吗]]")
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 客服 小王: 您收到了吗?难道没有收到
    """)
    assert report.findings == []


def test_only_the_rules_role_is_checked(one_rule, audit_log):
    rules = one_rule("question", RHETORICAL)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:10] 顾客: 难道你们不发货吗?
        [10:00:20] 客服 小王: 今天发货的
    """)
    assert report.findings == []


@pytest.mark.parametrize("text", [
    "这个不是您自己说的吗?",
    "难道不是您没看清楚吗?",
    "解释这么多了还不明白吗?",
    "你不会看上面的记录吗?",
])
def test_the_default_pack_flags_rhetorical_questions(write, text):
    path = write("chat.txt", f"=== C1 2024-05-01\n[10:00:00] 顾客: 怎么回事\n[10:00:10] 客服 小王: {text}\n")
    report = audit([path], rules=load_rules())
    assert [(f.rule, f.line) for f in report.findings if f.rule == "SA002"] == [("SA002", 3)]


@pytest.mark.parametrize("text", [
    "请问还有什么可以帮您的吗?",
    "您看这样可以吗?",
    "是不是地址填错了呢?我帮您核实一下",
    "这个不是质量问题哦,是正常的线头,剪掉就好",
    "不会的,您放心,我们都是顺丰发货",
])
def test_the_default_pack_leaves_polite_questions_alone(write, text):
    path = write("chat.txt", f"=== C1 2024-05-01\n[10:00:00] 顾客: 怎么回事\n[10:00:10] 客服 小王: {text}\n")
    report = audit([path], rules=load_rules())
    assert [f.rule for f in report.findings if f.rule == "SA002"] == []


@pytest.mark.parametrize("sequences, problem", [
    ("[]", "expected a list of token sequences"),
    ("[[]]", "a sequence is a list of words"),
    ("[[难道, {a: 1}]]", "an element is a word or a list of words"),
])
def test_bad_sequences_are_rejected_when_the_rule_loads(one_rule, sequences, problem):
    with pytest.raises(RuleError, match=problem):
        one_rule("question", f"sequences: {sequences}")


def test_a_users_question_rule_is_not_changed_by_words_of_the_default_pack(write, audit_log):
    team = write("team.yaml", rule_yaml("question", "sequences: [[你, 不会, 吗]]", rule_id="TEAM01", name="team-one"))
    report = audit_log(load_rules([team]), """
        === C1 2024-05-01
        [10:00:00] 顾客: 这个怎么用
        [10:00:10] 客服 小王: 你不会看吗
    """)
    assert [f.match for f in report.findings if f.rule == "TEAM01"] == ["你不会看吗"]
