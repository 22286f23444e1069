"""The transcript format for hand-written dialogues (docs/transcript-format.md): lines are kept for CI."""

from __future__ import annotations

from helpers import Seen, rule_yaml, seen

DIALOGUES = """\
    # 注释: 培训对话
    === C1001 2024-05-01 channel=online shop=小熊母婴旗舰店

    [10:00:01] 顾客: 我的快递怎么还没到?
    [10:00:40] 客服 小王: 您好,请您提供一下订单号哦
    [10:01] 顾客 buyer_01:123456789
    [2024-05-01 10:01:30] 坐席 小王: 查到了,今天下午派送
        到了会有短信通知
        请留意
    === C1002 2024-05-02
    客户: 没有时间的一句
    agent: 也没有时间
"""


def test_every_message_keeps_its_line_role_agent_and_time(write, echo):
    report = echo(write("training.txt", DIALOGUES))
    assert seen(report) == [
        Seen("customer", "C1001", "C1001#1", 4, "unassigned", "2024-05-01T10:00:01+08:00", "我的快递怎么还没到?"),
        Seen("agent", "C1001", "C1001#2", 5, "小王", "2024-05-01T10:00:40+08:00", "您好,请您提供一下订单号哦"),
        Seen("customer", "C1001", "C1001#3", 6, "unassigned", "2024-05-01T10:01:00+08:00", "123456789"),
        Seen("agent", "C1001", "C1001#4", 7, "小王", "2024-05-01T10:01:30+08:00",
             "查到了,今天下午派送\n到了会有短信通知\n请留意"),
        Seen("customer", "C1002", "C1002#1", 11, "unassigned", None, "没有时间的一句"),
        Seen("agent", "C1002", "C1002#2", 12, "unassigned", None, "也没有时间"),
    ]
    assert (report.summary.conversations, report.summary.messages, report.summary.skipped_records) == (2, 6, 0)


def test_the_header_channel_applies_to_the_conversation(write, rules_from, audit_log):
    rules = rules_from(rule_yaml("reply_time", "limit: 3m\nchannel_limits: {phone: 30s}\ncount_unanswered_end: false"))
    report = audit_log(rules, """\
        === P1 2024-05-01 channel=phone
        [10:00:00] 顾客: 喂
        [10:00:45] 客服 小王: 您好
    """)
    assert [(f.conversation_id, f.line) for f in report.findings] == [("P1", 3)]


def test_lines_that_are_not_messages_are_skipped_with_their_line(write, echo):
    path = write("training.txt", """\
        顾客: 在任何会话之前
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗
        这一行没有角色
        [10:00:10] 路人: 不是角色
        [10:00:20] 客服 小王: 在的
    """)
    report = echo(path)
    assert [s.line for s in seen(report)] == [3, 6]
    assert [(p.line, p.skipped) for p in report.problems] == [(1, True), (4, True), (5, True)]
    assert "before any conversation header" in report.problems[0].cause
    assert report.summary.skipped_records == 3


def test_an_unknown_header_key_is_a_warning_not_a_skipped_record(write, echo):
    report = echo(write("training.txt", """\
        === C1 2024-05-01 colour=red
        [10:00:00] 顾客: 在吗
    """))
    assert [s.line for s in seen(report)] == [2]
    assert [(p.line, p.skipped) for p in report.problems] == [(1, False)]
    assert "colour=red" in report.problems[0].cause
    assert report.summary.skipped_records == 0


def test_the_colon_may_be_ascii(write, echo):
    report = echo(write("training.txt", "=== C1 2024-05-01\n[10:00:00] 顾客:在吗\n[10:00:05] 客服 小王 : 在的\n"))
    assert [(s.agent, s.text) for s in seen(report)] == [("unassigned", "在吗"), ("小王", "在的")]


def test_the_colon_may_be_full_width(write, echo):
    report = echo(write("training.txt", "=== C1 2024-05-01\n[10:00:00] 顾客\uff1a在吗\n[10:00:05] 客服 小王\uff1a 在的\n"))
    assert [(s.agent, s.text) for s in seen(report)] == [("unassigned", "在吗"), ("小王", "在的")]
