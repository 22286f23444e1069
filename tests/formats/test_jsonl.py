"""JSON Lines, the canonical format: one message (or one conversation record) per line."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

import pytest

from helpers import Seen, seen
from qa_audit.formats import ReadOptions


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)


def test_canonical_messages_keep_conversation_id_agent_time_and_line(write, echo):
    path = write("day1.jsonl", jsonl(
        {"conversation_id": "C1001", "id": "m1", "time": "2024-05-01 10:00:01", "role": "customer",
         "customer": "buyer_01", "text": "我的快递怎么还没到?"},
        {"conversation_id": "C1001", "id": "m2", "time": "2024-05-01 10:00:40", "role": "agent",
         "agent": "小王", "text": "您好,请您提供一下订单号哦"},
    ))
    report = echo(path)
    assert seen(report) == [
        Seen("customer", "C1001", "m1", 1, "unassigned", "2024-05-01T10:00:01+08:00", "我的快递怎么还没到?"),
        Seen("agent", "C1001", "m2", 2, "小王", "2024-05-01T10:00:40+08:00", "您好,请您提供一下订单号哦"),
    ]
    assert (report.summary.files, report.summary.conversations, report.summary.messages) == (1, 1, 2)


def test_a_malformed_line_in_the_middle_is_skipped_with_file_and_line(write, echo):
    good = {"conversation_id": "C1", "role": "customer", "time": "2024-05-01 10:00:00", "text": "在吗"}
    path = write("day1.jsonl", jsonl(good) + '{"conversation_id": "C1", "role": "agent", "text": "在\n'
                 + jsonl({**good, "role": "agent", "agent": "小王", "text": "在的"}))
    report = echo(path)
    assert [(s.line, s.text) for s in seen(report)] == [(1, "在吗"), (3, "在的")]
    assert report.summary.skipped_records == 1
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.skipped) == (str(path), 2, True)
    assert str(problem).startswith(f"{path}:2: skipped: invalid JSON")


@pytest.mark.parametrize("line, cause", [
    ('["C1", "agent", "你好"]', "expected a JSON object"),
    ('{"role": "agent", "text": "你好"}', "missing conversation id"),
    ('{"conversation_id": "C1", "text": "你好"}', "missing role"),
    ('{"conversation_id": "C1", "role": "agent"}', "missing text"),
    ('{"conversation_id": "C1", "role": "wizard", "text": "你好"}', "unknown role 'wizard'"),
    ('{"conversation_id": "C1", "role": "agent", "text": "你好", "time": "yesterday"}', "bad time"),
    ('{"conversation_id": "C1", "role": "agent", "text": {"rich": "你好"}}', "text is not a string"),
])
def test_records_that_cannot_be_messages_are_skipped_and_say_why(write, echo, line, cause):
    ok = jsonl({"conversation_id": "C1", "role": "customer", "text": "在吗"})
    path = write("day1.jsonl", ok + line + "\n" + ok)
    report = echo(path)
    assert [s.line for s in seen(report)] == [1, 3]
    assert [(p.line, p.skipped) for p in report.problems] == [(2, True)]
    assert cause in report.problems[0].cause
    assert report.summary.skipped_records == 1


def test_blank_lines_are_not_records(write, echo):
    record = jsonl({"conversation_id": "C1", "role": "customer", "text": "在吗"})
    path = write("day1.jsonl", ("\n" + record + "  \n\n").encode())
    report = echo(path)
    assert [s.line for s in seen(report)] == [2]
    assert report.problems == [] and report.summary.skipped_records == 0


@pytest.mark.parametrize("role", ["agent", "客服", "坐席", "商家", "seller", "staff", "Seller"])
def test_agent_role_aliases(write, echo, role):
    path = write("a.jsonl", jsonl({"conversation_id": "C1", "role": role, "agent": "小王", "text": "您好"}))
    assert [(s.role, s.agent) for s in seen(echo(path))] == [("agent", "小王")]


@pytest.mark.parametrize("role", ["customer", "顾客", "客户", "买家", "用户", "buyer", "user"])
def test_customer_role_aliases(write, echo, role):
    path = write("a.jsonl", jsonl({"conversation_id": "C1", "role": role, "text": "在吗"}))
    assert [s.role for s in seen(echo(path))] == ["customer"]


@pytest.mark.parametrize("role", ["system", "系统", "bot", "auto"])
def test_system_role_aliases_are_read_but_never_an_agents_line(write, echo, role):
    path = write("a.jsonl", jsonl({"conversation_id": "C1", "role": role, "text": "您好,欢迎光临"}))
    report = echo(path)
    assert seen(report) == []
    assert (report.summary.messages, report.summary.skipped_records) == (1, 0)


@pytest.mark.parametrize("agent, robot", [
    ("店小蜜", True), ("旗舰店:阿里小蜜", True), ("服务助手", True), ("bot_01", True), ("AutoReply", True),
    ("小蜜", False), ("Abbott", False), ("Autumn", False), ("Robert", False),
])
def test_the_shops_robot_is_known_by_name_and_a_person_is_not_taken_for_it(write, echo, agent, robot):
    path = write("a.jsonl", jsonl({"conversation_id": "C1", "role": "agent", "agent": agent, "text": "您好,在的"}))
    assert [s.agent for s in seen(echo(path))] == ([] if robot else [agent])


@pytest.mark.parametrize("value, shown", [
    ("2024-05-06T10:00:01+08:00", "2024-05-06T10:00:01+08:00"),
    ("2024-05-06T02:00:01Z", "2024-05-06T02:00:01+00:00"),
    ("2024-05-06T10:00:01", "2024-05-06T10:00:01+08:00"),
    ("2024-05-06 10:00:01", "2024-05-06T10:00:01+08:00"),
    ("2024/5/6 10:00:01", "2024-05-06T10:00:01+08:00"),
    ("2024/05/06 10:00", "2024-05-06T10:00:00+08:00"),
    (1714960801, "2024-05-06T10:00:01+08:00"),
    (1714960801000, "2024-05-06T10:00:01+08:00"),
    ("1714960801", "2024-05-06T10:00:01+08:00"),
])
def test_times_in_every_accepted_form(write, echo, value, shown):
    path = write("a.jsonl", jsonl({"conversation_id": "C1", "role": "agent", "time": value, "text": "您好"}))
    assert [s.time for s in seen(echo(path))] == [shown]


def test_naive_times_are_in_the_configured_time_zone(write, echo):
    path = write("a.jsonl", jsonl({"conversation_id": "C1", "role": "agent", "time": "2024-05-06 10:00:01",
                                   "text": "您好"}))
    report = echo(path, options=ReadOptions(timezone=ZoneInfo("Europe/Berlin")))
    assert [s.time for s in seen(report)] == ["2024-05-06T10:00:01+02:00"]


def test_messages_are_ordered_by_time_within_a_conversation_stable_for_ties(write, echo):
    path = write("a.jsonl", jsonl(
        {"conversation_id": "C1", "role": "agent", "time": "2024-05-01 10:00:30", "text": "第二(同时)"},
        {"conversation_id": "C2", "role": "agent", "time": "2024-05-01 09:00:00", "text": "另一个会话"},
        {"conversation_id": "C1", "role": "customer", "time": "2024-05-01 10:00:00", "text": "第一"},
        {"conversation_id": "C1", "role": "agent", "time": "2024-05-01 10:00:30", "text": "第三(同时)"},
        {"conversation_id": "C1", "role": "customer", "time": 1714528700, "text": "更早(epoch)"},
    ))
    by_position = sorted((s.message_id, s.text) for s in seen(echo(path)))
    assert by_position == [
        ("C1#1", "更早(epoch)"), ("C1#2", "第一"), ("C1#3", "第二(同时)"), ("C1#4", "第三(同时)"),
        ("C2#1", "另一个会话"),
    ]


def test_the_input_message_id_is_kept_else_conversation_and_position(write, echo):
    path = write("a.jsonl", jsonl(
        {"conversation_id": "C1", "id": "abc-1", "role": "customer", "time": "2024-05-01 10:00:00", "text": "在吗"},
        {"conversation_id": "C1", "role": "agent", "time": "2024-05-01 10:00:10", "text": "在的"},
    ))
    assert [s.message_id for s in seen(echo(path))] == ["abc-1", "C1#2"]


def test_a_message_without_an_agent_is_charged_to_unassigned(write, echo):
    path = write("a.jsonl", jsonl(
        {"conversation_id": "C1", "role": "agent", "text": "在的"},
        {"conversation_id": "C1", "role": "agent", "agent": "  ", "text": "您好"},
    ))
    report = echo(path)
    assert [s.agent for s in seen(report)] == ["unassigned", "unassigned"]
    assert [a.agent for a in report.agents] == ["unassigned"]


def test_one_conversation_record_per_line(write, echo):
    path = write("a.jsonl", jsonl(
        {"conversation_id": "C1", "messages": [
            {"role": "customer", "time": "2024-05-01 10:00:00", "text": "在吗"},
            {"role": "agent", "agent": "小王", "time": "2024-05-01 10:00:10", "text": "在的"},
        ]},
        {"conversation_id": "C2", "messages": [{"role": "customer", "text": "你好"}]},
    ))
    rows = sorted((s.message_id, s.line, s.agent, s.text) for s in seen(echo(path)))
    assert rows == [("C1#1", 1, "unassigned", "在吗"), ("C1#2", 1, "小王", "在的"), ("C2#1", 2, "unassigned", "你好")]


@pytest.mark.parametrize("name", ["day1.ndjson", "day1.json", "day1.log"])
def test_json_lines_are_recognised_by_suffix_or_content(write, echo, name):
    path = write(name, jsonl(
        {"conversation_id": "C1", "role": "customer", "text": "在吗"},
        {"conversation_id": "C1", "role": "agent", "text": "在的"},
    ))
    report = echo(path)
    assert [s.line for s in seen(report)] == [1, 2]
    assert report.problems == []


def test_a_malformed_first_line_is_one_skipped_record_not_a_lost_file(write, echo):
    good = {"conversation_id": "C1", "role": "customer", "time": "2024-05-01 10:00:00", "text": "在吗"}
    path = write("day1.jsonl", '{"conversation_id": "C1", "role": "agent", "te\n' + jsonl(good, good))
    report = echo(path)
    assert [s.line for s in seen(report)] == [2, 3]
    assert [(p.line, p.skipped) for p in report.problems] == [(1, True)]


def test_a_long_conversation_record_per_line_is_still_json_lines(write, echo):
    messages = [{"role": "customer" if n % 2 == 0 else "agent", "agent": "小王",
                 "time": f"2024-05-01 10:{n // 60:02d}:{n % 60:02d}",
                 "text": "您好,这是一条比较长的消息,用来让这一行超过格式检测读取的字节数。" * 3} for n in range(60)]
    path = write("conversations.jsonl", jsonl({"conversation_id": "C1", "messages": messages},
                                              {"conversation_id": "C2", "messages": messages[:2]}))
    assert path.stat().st_size > 16_000
    report = echo(path)
    assert (report.summary.conversations, report.summary.messages, report.summary.skipped_records) == (2, 62, 0)
