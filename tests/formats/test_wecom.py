"""企业微信 会话内容存档: decrypted records grouped by customer and day, split after long pauses."""

from __future__ import annotations

import json

from helpers import seen
from platforms import Said, agents, audit_json, listed_formats, problems, said
from qa_audit.formats import wecom

WM = "wmJ8kVEgAAxXhP2qkZ5Lq7Vd3TzTf0gQ"
WO = "woAJ2GCAAAXtWyujaWJHDDGi0mACH71w"


def test_the_archive_is_read_per_customer_and_day_with_robots_notices_and_recalls_handled(tmp_path):
    report = audit_json(tmp_path, "wecom_archive.jsonl")
    assert said(report) == [
        Said("customer", f"{WM}@2024-05-06T10:00", 1, "unassigned", "2024-05-06T10:00:01+08:00", "你好,我想问下课程可以退吗"),
        Said("agent", f"{WM}@2024-05-06T10:00", 3, "zhangsan", "2024-05-06T10:00:50+08:00", "您好,开课7天内未学习可以全额退款的"),
        Said("customer", f"{WM}@2024-05-06T10:00", 4, "unassigned", "2024-05-06T10:01:20+08:00", "[图片]"),
        Said("customer", f"{WO}@2024-05-06T14:30", 7, "unassigned", "2024-05-06T14:30:00+08:00", "团购价能再便宜点吗"),
        Said("agent", f"{WO}@2024-05-06T14:30", 8, "lisi", "2024-05-06T14:30:40+08:00", "[文件] 2024团购价目表.xlsx"),
        Said("customer", f"{WO}@2024-05-06T14:30", 9, "unassigned", "2024-05-06T14:31:00+08:00", "收到,我看看"),
        # more than six hours after the last message: a new conversation with the same customer
        Said("customer", f"{WM}@2024-05-06T18:30", 13, "unassigned", "2024-05-06T18:30:00+08:00", "退款申请提交了,多久到账"),
        Said("agent", f"{WM}@2024-05-06T18:30", 14, "zhangsan", "2024-05-06T18:31:10+08:00", "原路退回,一般1-3个工作日到账"),
    ]
    # The wb… robot and the 同意存档 notice are system messages; recall and switch are no messages.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (3, 10, 1)
    assert agents(report) == ["lisi", "unassigned", "zhangsan"]
    assert problems(report) == [("wecom_archive.jsonl", 12, '"msgtime" None is not a time in milliseconds')]
    warnings = [(p["line"], p["cause"]) for p in report["problems"] if not p["skipped"]]
    assert warnings == [(11, "chats between employees only are not customer service and were passed over")]


def test_listed_by_the_formats_command():
    assert any(line.startswith("wecom ") for line in listed_formats().splitlines())


def test_a_json_array_with_string_tolist_and_msgtime_is_read_with_lines(write, echo):
    records = [
        {"msgid": "m1", "action": "send", "from": WM, "tolist": "zhangsan", "roomid": "",
         "msgtime": "1714960801000", "msgtype": "text", "text": {"content": "在吗"}},
        {"msgid": "m2", "action": "send", "from": "zhangsan", "tolist": [WM], "roomid": "",
         "msgtime": 1714960830000, "msgtype": "voice", "voice": {"play_length": 3}},
    ]
    path = write("archive.json", "[\n" + ",\n".join(json.dumps(r) for r in records) + "\n]\n")
    assert [(s.line, s.role, s.message_id, s.text) for s in seen(echo(path))] == [
        (2, "customer", "m1", "在吗"), (3, "agent", "m2", "[语音]"),
    ]


def test_the_gap_that_starts_a_new_conversation_is_six_hours():
    assert wecom.GAP.total_seconds() == 6 * 3600
