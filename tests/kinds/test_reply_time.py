"""`reply_time`: a customer waited too long, or a question was left unanswered at the end."""

from __future__ import annotations

import json

import pytest

from helpers import hits
from qa_audit.schema import RuleError

TIMEOUT = """
    limit: 3m
    channel_limits:
      phone: 30s
    count_unanswered_end: false
"""
MESSAGE = "客户 {since} 的消息等了 {wait} 才得到回复(上限 {limit})"


@pytest.fixture
def timeout_rule(one_rule):
    return one_rule("reply_time", TIMEOUT, severity="warning", points=3, message=MESSAGE)


def test_the_wait_runs_from_the_first_unanswered_customer_message(timeout_rule, audit_log):
    # 10:00:00 and 10:02:30 are both unanswered; the standard counts from the first (以第一条的时间节点算).
    report = audit_log(timeout_rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗?我的快递到哪了
        [10:02:30] 顾客: 有人吗
        [10:03:20] 客服 小王: 您好,我帮您查一下
    """)
    assert hits(report) == [("T001", 4, "小王", "")]
    assert report.findings[0].message == "客户 10:00:00 的消息等了 3分20秒 才得到回复(上限 3分钟)"


def test_a_closing_line_starts_no_wait_the_next_question_does(one_rule, audit_log):
    rule = one_rule("reply_time", TIMEOUT + "    closing: [好的, 谢谢]\n", message=MESSAGE)
    report = audit_log(rule, """
        === C1 2024-05-01
        [08:12:50] 客服 小王: 已经让配送员优先送您这一单
        [08:13:10] 顾客: 好的谢谢
        [08:35:40] 顾客: 到了,鸡蛋碎了两个
        [08:36:15] 客服 小王: 不好意思,碎的两个直接给您退款
        [08:40:00] 顾客: 好的
        [08:41:00] 顾客: 多久到账?
        [08:44:30] 客服 小王: 1到3天
    """)
    assert [f.message for f in report.findings] == ["客户 08:41:00 的消息等了 3分30秒 才得到回复(上限 3分钟)"]


def test_a_picture_starts_the_wait_a_sticker_does_not(one_rule, audit_log):
    # The screenshot the agent asked for needs an answer; a 👍 or [OK] after a fix does not.
    rule = one_rule("reply_time", TIMEOUT + "    closing: [好的, 谢谢]\n", message=MESSAGE)
    report = audit_log(rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 导出来的时间戳都错位了
        [10:00:40] 客服 小王: 能截个图给我看看吗
        [10:01:30] 顾客: [图片]
        [10:08:30] 客服 小王: 看到了,导出时选成了按段落,重新导出选按句就对齐了
        [10:09:00] 顾客: 👍[OK]
        [10:20:00] 客服 小王: 还有别的问题随时找我
    """)
    assert [f.message for f in report.findings] == ["客户 10:01:30 的消息等了 7分钟 才得到回复(上限 3分钟)"]


def test_a_reply_within_the_limit_is_fine_and_the_limit_itself_is_allowed(timeout_rule, audit_log):
    report = audit_log(timeout_rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗?
        [10:03:00] 客服 小王: 在的
        [10:04:00] 顾客: 能便宜点吗
        [10:05:59] 客服 小王: 已经是最低价了哦
    """)
    assert report.findings == []


def test_each_wait_is_measured_on_its_own(timeout_rule, audit_log):
    report = audit_log(timeout_rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗?
        [10:01:00] 客服 小王: 在的
        [10:02:00] 顾客: 能便宜点吗
        [10:06:00] 客服 小王: 已经是最低价了哦
        [10:06:30] 顾客: 包邮吗
        [10:07:00] 客服 小王: 包邮的
    """)
    assert [(f.line, f.message) for f in report.findings] == [
        (5, "客户 10:02:00 的消息等了 4分钟 才得到回复(上限 3分钟)"),
    ]


def test_the_agent_who_finally_replied_is_charged(timeout_rule, audit_log):
    report = audit_log(timeout_rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗
        [10:00:20] 客服 小王: 在的
        [10:01:00] 顾客: 这个有货吗
        [10:05:00] 客服 小李: 有货的
        [10:05:10] 客服 小王: 对
    """)
    assert hits(report) == [("T001", 5, "小李", "")]


def test_phone_conversations_use_the_channel_limit(timeout_rule, audit_log):
    report = audit_log(timeout_rule, """
        === P1 2024-05-01 channel=phone
        [10:00:00] 顾客: 喂,我想问一下退款
        [10:00:31] 客服 小王: 您好,请讲
        === P2 2024-05-01 channel=phone
        [10:00:00] 顾客: 喂,我想问一下退款
        [10:00:30] 客服 小王: 您好,请讲
        === O1 2024-05-01 channel=online
        [10:00:00] 顾客: 我想问一下退款
        [10:00:31] 客服 小王: 您好,请讲
    """)
    assert [(f.conversation_id, f.line) for f in report.findings] == [("P1", 3)]
    assert report.findings[0].message.endswith("(上限 30秒)")


def test_system_auto_replies_do_not_end_the_wait(timeout_rule, audit_log):
    report = audit_log(timeout_rule, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗
        [10:00:01] 系统: 您好,客服马上就来
        [10:04:00] 客服 小王: 您好
    """)
    assert hits(report) == [("T001", 4, "小王", "")]


WORKING_HOURS = """
    limit: 3m
    working_hours: ["09:00-12:00", "13:30-18:00"]
    timezone: Asia/Shanghai
    count_unanswered_end: false
"""


def test_a_wait_over_the_lunch_break_counts_only_working_seconds(one_rule, audit_log):
    rules = one_rule("reply_time", WORKING_HOURS, message=MESSAGE)
    report = audit_log(rules, """
        === L1 2024-05-01
        [11:59:00] 顾客: 在吗
        [13:31:00] 客服 小王: 在的
        === L2 2024-05-01
        [11:58:00] 顾客: 在吗
        [13:31:30] 客服 小王: 在的
    """)
    # L1 waited 1 min before and 1 min after lunch; L2 2 min + 1 min 30 s.
    assert [(f.conversation_id, f.message) for f in report.findings] == [
        ("L2", "客户 11:58:00 的消息等了 3分30秒 才得到回复(上限 3分钟)"),
    ]


def test_waits_outside_working_hours_do_not_count(one_rule, audit_log):
    rules = one_rule("reply_time", WORKING_HOURS, message=MESSAGE)
    report = audit_log(rules, """
        === N1 2024-05-01
        [23:00:00] 顾客: 在吗
        [2024-05-02 09:02:00] 客服 小王: 在的
        === N2 2024-05-01
        [17:59:00] 顾客: 在吗
        [2024-05-02 09:02:30] 客服 小王: 在的
    """)
    # N1: the night does not count (2 min); N2: 1 min before closing + 2 min 30 s next morning.
    assert [(f.conversation_id, f.message) for f in report.findings] == [
        ("N2", "客户 17:59:00 的消息等了 3分30秒 才得到回复(上限 3分钟)"),
    ]


def test_working_hours_are_read_in_the_rules_time_zone(one_rule, audit_log):
    rules = one_rule("reply_time", WORKING_HOURS, message="{wait}")
    # 03:59Z-05:31Z is 11:59-13:31 in Shanghai: 2 working minutes, under the limit.
    # In UTC terms it would be 92 minutes outside any period, so this also shows offsets are honoured.
    lines = [
        {"conversation_id": "Z1", "role": "customer", "time": "2024-05-01T03:59:00Z", "text": "在吗"},
        {"conversation_id": "Z1", "role": "agent", "agent": "小王", "time": "2024-05-01T05:31:00Z", "text": "在的"},
        {"conversation_id": "Z2", "role": "customer", "time": "2024-05-01T03:56:00Z", "text": "在吗"},
        {"conversation_id": "Z2", "role": "agent", "agent": "小王", "time": "2024-05-01T05:32:00Z", "text": "在的"},
    ]
    report = audit_log(rules, "".join(json.dumps(line) + "\n" for line in lines), name="chat.jsonl")
    assert [(f.conversation_id, f.message) for f in report.findings] == [("Z2", "6分钟")]


CLOSING = """
    limit: 3m
    count_unanswered_end: true
    asking: ["?", 吗, 什么, 怎么, 多少, 能不能]
    closing: [好的, 谢谢, 嗯]
    unanswered_message: "客户 {since} 的消息直到会话结束都没有得到回复"
"""


def test_a_question_left_unanswered_at_the_end_is_a_finding(one_rule, audit_log):
    rules = one_rule("reply_time", CLOSING, message=MESSAGE)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这个能开发票吗?
        [10:00:40] 客服 小王: 可以的亲
        [10:01:10] 顾客: 那发票抬头怎么填?
        [10:01:20] 顾客: 在吗
    """)
    assert hits(report) == [("T001", 4, "小王", "")]
    assert report.findings[0].message == "客户 10:01:10 的消息直到会话结束都没有得到回复"


def test_a_closing_thanks_needs_no_reply(one_rule, audit_log):
    rules = one_rule("reply_time", CLOSING, message=MESSAGE)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 什么时候发货?
        [10:00:40] 客服 小王: 今天下午就发
        [10:01:10] 顾客: 好的,谢谢
        === C2 2024-05-01
        [10:00:00] 客服 小王: 亲,您的包裹已经签收了哦
        [10:30:00] 顾客: 嗯嗯,好的
    """)
    assert report.findings == []


def test_an_asking_word_inside_a_longer_closing_phrase_asks_nothing(one_rule, audit_log):
    # 么 in 那就这么办 and 我想 in 我想想 ask nothing; 呢 alone and 行不行 still ask.
    rules = one_rule("reply_time", "count_unanswered_end: true\nclosing: [那就这么办, 我想想, 呢, 行]\n"
                     "asking: [么, 我想, 呢, 行不行]\n", message=MESSAGE)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 客服 小王: 月卡用户雨停后可以再来补一次
        [10:00:30] 顾客: 我是月卡 那就这么办
        === C2 2024-05-01
        [10:00:00] 客服 小王: 这款现在是169
        [10:00:30] 顾客: 那我想想吧
        === C3 2024-05-01
        [10:00:00] 客服 小王: 可以开发票的
        [10:00:30] 顾客: 那抬头呢
        === C4 2024-05-01
        [10:00:00] 客服 小王: 这款现在是169
        [10:00:30] 顾客: 159包邮行不行
    """)
    assert [(finding.conversation_id, finding.line) for finding in report.findings] == [("C3", 9), ("C4", 12)]


def test_what_the_customer_says_after_the_agent_closed_the_chat_is_no_unanswered_question(one_rule, audit_log):
    # The agent left (「先结束会话了」): a forced end is another rule's to judge; without `ended_by`, or
    # when the agent's last line closes nothing, the question left at the end is a finding.
    ended = CLOSING + "    ended_by: [先结束, 结束会话]\n"
    conversations = """
        === C1 2024-05-01
        [10:00:00] 顾客: 这个号码不是我选的 能帮我核实吗?
        [10:00:30] 客服 小王: 系统记录就是这个号,没有其他问题我这边就先结束会话了
        [10:00:50] 顾客: 我还没说完 问题都没解决你就结束了?
        === C2 2024-05-01
        [10:00:00] 顾客: 这个号码不是我选的 能帮我核实吗?
        [10:00:30] 客服 小王: 系统记录就是这个号
        [10:00:50] 顾客: 那能换一个吗?
    """
    assert [f.conversation_id for f in audit_log(one_rule("reply_time", ended, message=MESSAGE),
                                                  conversations).findings] == ["C2"]
    assert [f.conversation_id for f in audit_log(one_rule("reply_time", CLOSING, message=MESSAGE),
                                                  conversations).findings] == ["C1", "C2"]


def test_count_unanswered_end_can_be_switched_off(one_rule, audit_log):
    rules = one_rule("reply_time", CLOSING.replace("count_unanswered_end: true", "count_unanswered_end: false"),
                     message=MESSAGE)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 什么时候发货?
    """)
    assert report.findings == []


def test_an_unanswered_end_is_charged_to_the_last_agent_else_unassigned(one_rule, audit_log):
    rules = one_rule("reply_time", CLOSING, message=MESSAGE)
    report = audit_log(rules, """
        === C1 2024-05-01
        [10:00:00] 顾客: 这款有货吗?
        [10:00:20] 客服 小王: 有的
        [10:00:40] 客服 小李: 今天就能发
        [10:01:00] 顾客: 能便宜点吗?
        === C2 2024-05-01
        [10:00:00] 顾客: 这款有货吗?
    """)
    assert [(f.conversation_id, f.line, f.agent) for f in report.findings] == [
        ("C1", 5, "小李"), ("C2", 7, "unassigned"),
    ]
    assert {a.agent: a.findings for a in report.agents} == {"小王": 0, "小李": 1, "unassigned": 1}


def test_messages_without_a_time_are_skipped_and_the_run_says_so_once(timeout_rule, audit_log):
    report = audit_log(timeout_rule, """
        === C1
        顾客: 在吗
        客服 小王: 在的
        === C2
        顾客: 在吗
        客服 小王: 在的
    """)
    assert report.findings == []
    untimed = [p for p in report.problems if "without a time" in p.cause]
    assert len(untimed) == 1
    assert (untimed[0].line, untimed[0].skipped) == (2, False)
    assert "T001" in untimed[0].cause
    assert report.summary.skipped_records == 0


def test_an_untimed_question_at_the_end_is_skipped_like_every_untimed_message(one_rule, audit_log):
    rules = one_rule("reply_time", CLOSING, message=MESSAGE)
    report = audit_log(rules, """
        === C1
        顾客: 这个能开发票吗?
        客服 小王: 可以的亲
        顾客: 发票抬头怎么填?
    """)
    assert report.findings == []


@pytest.mark.parametrize("settings, problem", [
    ("limit: soon", 'expected a duration such as 180, 3m or 30s'),
    ("working_hours: ['9-18']", 'expected a period such as "09:00-18:00"'),
    ("working_hours: ['18:00-09:00']", "a period must end after it starts"),
    ("timezone: Mars/Olympus", "unknown time zone"),
    ("channel_limits: {phone: soon}", 'expected a duration'),
    ("count_unanswered_end: yes please", "expected true or false"),
])
def test_settings_are_checked_when_the_rule_loads(one_rule, settings, problem):
    with pytest.raises(RuleError, match=problem):
        one_rule("reply_time", settings)


def test_durations_can_be_written_in_several_ways(one_rule, audit_log):
    for limit in ("90", "90s", "1m30s", "1.5m", "90秒"):
        rules = one_rule("reply_time", f"limit: {limit}\ncount_unanswered_end: false", message="{limit}")
        report = audit_log(rules, """
            === C1 2024-05-01
            [10:00:00] 顾客: 在吗
            [10:01:31] 客服 小王: 在的
        """)
        assert [f.message for f in report.findings] == ["1分30秒"], limit
