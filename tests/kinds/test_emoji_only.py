"""`emoji_only`: an agent reply with no words — only emoji, emoticon codes or punctuation."""

from __future__ import annotations

import pytest

from helpers import hits
from qa_audit.schema import RuleError

WORDS = """\
closing: [好的, 谢谢, 嗯]
asking: ["?", 吗, 什么, 怎么, 能不能]
upset: [气死, 太差, 垃圾]
"""

LOG = """
    === C1 2024-05-01
    [10:00:00] 客服 小王: [微笑]
    [10:00:10] 顾客: 什么时候发货
    [10:00:20] 客服 小王: 👌
    [10:00:30] 顾客: 好的,谢谢
    [10:00:40] 客服 小王: [微笑]
    [10:00:50] 顾客: 气死我了,太差了
    [10:01:00] 客服 小王: 。。。
    [10:01:10] 顾客: 有实物图吗
    [10:01:20] 客服 小王: [图片]
    [10:01:30] 顾客: 能不能今天发?
    [10:01:40] 客服 小王: 今天就发哦😊
    [10:01:50] 顾客: 垃圾
    [10:02:00] 客服 小王: /:^_^
"""


def rule_when(one_rule, when: str):
    return one_rule("emoji_only", f"when: {when}\n{WORDS}", severity="warning", points=3,
                    message="只回复了表情/符号「{match}」")


def test_when_any_flags_every_wordless_reply(one_rule, audit_log):
    report = audit_log(rule_when(one_rule, "any"), LOG)
    assert hits(report) == [
        ("T001", 2, "小王", "[微笑]"),
        ("T001", 4, "小王", "👌"),
        ("T001", 6, "小王", "[微笑]"),
        ("T001", 8, "小王", "。。。"),
        ("T001", 14, "小王", "/:^_^"),
    ]
    assert report.findings[1].message == "只回复了表情/符号「👌」"


def test_when_customer_waiting_flags_replies_to_a_question_or_an_upset_customer(one_rule, audit_log):
    # Not the greeting (nobody asked) and not the [微笑] after 「好的,谢谢」.
    report = audit_log(rule_when(one_rule, "customer_waiting"), LOG)
    assert [f.line for f in report.findings] == [4, 8, 14]


def test_when_customer_upset_flags_only_replies_to_an_upset_customer(one_rule, audit_log):
    report = audit_log(rule_when(one_rule, "customer_upset"), LOG)
    assert [f.line for f in report.findings] == [8, 14]


def test_a_media_placeholder_is_an_answer_not_an_emoji(one_rule, audit_log):
    report = audit_log(rule_when(one_rule, "any"), """
        === C1 2024-05-01
        [10:00:00] 顾客: 有实物图吗
        [10:00:10] 客服 小王: [图片]
        [10:00:20] 顾客: 链接呢
        [10:00:30] 客服 小王: [商品链接]
        [10:00:40] 顾客: 视频有吗
        [10:00:50] 客服 小王: [视频] [微笑]
    """)
    assert report.findings == []


@pytest.mark.parametrize("reply", ["今天下午就发哦😊", "好的亲[微笑]", "/:^_^ 可以的", "OK", "12号发", "(´・ω・`)马上发"])
def test_a_reply_with_words_is_never_flagged(one_rule, audit_log, reply):
    report = audit_log(rule_when(one_rule, "any"), f"""
        === C1 2024-05-01
        [10:00:00] 顾客: 什么时候发货?
        [10:00:10] 客服 小王: {reply}
    """)
    assert report.findings == []


# A kaomoji draws its face with Greek, Cyrillic and kana letters: 「∑(°Д°ノ)ノ」 says no word.
@pytest.mark.parametrize("reply", ["[微笑]", "👌👌", "???", "!!!", "/:^_^", "#E-s21", "[微笑]/:814 😊",
                                   "∑(°Д°ノ)ノ", "(´・ω・`)", "ʕ•ᴥ•ʔ"])
def test_emoji_codes_and_punctuation_alone_are_wordless(one_rule, audit_log, reply):
    report = audit_log(rule_when(one_rule, "any"), f"""
        === C1 2024-05-01
        [10:00:00] 顾客: 什么时候发货?
        [10:00:10] 客服 小王: {reply}
    """)
    assert [f.match for f in report.findings] == [reply]


def test_customer_messages_are_never_flagged(one_rule, audit_log):
    report = audit_log(rule_when(one_rule, "any"), """
        === C1 2024-05-01
        [10:00:00] 客服 小王: 您好,发货了
        [10:00:10] 顾客: 👍
    """)
    assert report.findings == []


@pytest.mark.parametrize("settings, problem", [
    ("when: sometimes", "expected one of any, customer_waiting, customer_upset"),
    ("when: customer_upset", "needs the words that show it"),
])
def test_settings_are_checked_when_the_rule_loads(one_rule, settings, problem):
    with pytest.raises(RuleError, match=problem):
        one_rule("emoji_only", settings)
