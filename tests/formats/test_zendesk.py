"""Zendesk Chat transcripts: chats with history; triggers are system, joins and ratings no messages."""

from __future__ import annotations

import json

from helpers import seen
from platforms import Said, agents, audit_json, listed_formats, problems, said

C1 = "2405.10112.RtYk8QmP3aZx1"
C2 = "2405.10113.Qz7uTn2Wc9Lk0"


def test_chats_are_conversations_and_history_items_messages_with_their_lines(tmp_path):
    report = audit_json(tmp_path, "zendesk_chats.json")
    assert said(report) == [
        Said("customer", C1, 11, "unassigned", "2024-05-06T10:00:01+08:00", "你好,扫地机器人充不进电了"),
        Said("agent", C1, 14, "刘洋", "2024-05-06T10:00:50+08:00", "您好,请问充电座的指示灯亮吗?"),
        Said("customer", C1, 15, "unassigned", "2024-05-06T10:01:20+08:00", "不亮"),
        Said("agent", C1, 17, "刘洋", "2024-05-06T10:01:35+08:00", "[文件] 充电座排查步骤.pdf"),
        Said("customer", C2, 27, "unassigned", "2024-05-06T14:30:00+08:00", "滤网多久换一次?"),
        Said("agent", C2, 28, "陈静", "2024-05-06T14:30:40+08:00", "建议三个月更换一次哦"),
    ]
    # The trigger's message is system; member joins/leaves and the rating are not messages.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (2, 7, 1)
    assert agents(report) == ["unassigned", "刘洋", "陈静"]
    assert problems(report) == [("zendesk_chats.json", 16, 'a message without "nick" or "sender_type"')]


def test_listed_by_the_formats_command():
    assert any(line.startswith("zendesk ") for line in listed_formats().splitlines())


def test_one_chat_with_the_rest_api_spelling(write, echo):
    chat = {"id": "C9", "type": "chat", "visitor": {"name": "Amy"}, "history": [
        {"type": "chat.msg", "name": "Amy", "sender_type": "Visitor", "timestamp": "2024-05-06T02:00:00Z", "msg": "hi"},
        {"type": "chat.msg", "name": "Bo", "sender_type": "Agent", "timestamp": "2024-05-06T02:00:30Z", "msg": "hello"},
    ]}
    report = echo(write("chat.json", json.dumps(chat, indent=2)))
    assert [(s.role, s.conversation_id, s.agent, s.time) for s in seen(report)] == [
        ("customer", "C9", "unassigned", "2024-05-06T02:00:00+00:00"),
        ("agent", "C9", "Bo", "2024-05-06T02:00:30+00:00"),
    ]
