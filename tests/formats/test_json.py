"""A JSON document: an array of messages, an array of conversation records, or one record."""

from __future__ import annotations

import json

from helpers import hits, rule_yaml, seen

# Written out by hand (not json.dumps) so the line where each object starts is plain to see.
ARRAY_OF_MESSAGES = """\
[
  {"conversation_id": "C1", "id": "m1", "time": "2024-05-01 10:00:00",
   "role": "customer", "text": "在吗"},
  {
    "conversation_id": "C1",
    "time": "2024-05-01 10:00:30",
    "role": "agent",
    "agent": "小王",
    "text": "在的"
  }
]
"""

CONVERSATION_RECORDS = """\
[
  {
    "conversation_id": "S019",
    "channel": "phone",
    "shop": "暖宝宝家居旗舰店",
    "messages": [
      {"time": "2024-05-03T09:12:00+08:00", "role": "customer", "text": "喂,乳胶枕有高低款吗"},
      {
        "time": "2024-05-03T09:12:40+08:00",
        "role": "agent",
        "agent": "老周",
        "text": "有的,您稍等"
      }
    ]
  },
  {
    "conversation_id": "S020",
    "messages": [
      {"time": "2024-05-03T10:00:00+08:00", "role": "customer", "text": "在吗"},
      {"time": "2024-05-03T10:00:40+08:00", "role": "agent", "agent": "糖糖", "text": "在的"}
    ]
  }
]
"""


def test_an_array_of_messages_points_at_the_line_where_each_object_starts(write, echo):
    report = echo(write("export.json", ARRAY_OF_MESSAGES))
    assert [(s.role, s.message_id, s.line, s.agent, s.text) for s in seen(report)] == [
        ("customer", "m1", 2, "unassigned", "在吗"),
        ("agent", "C1#2", 4, "小王", "在的"),
    ]


def test_conversation_records_give_each_message_its_own_line(write, echo):
    report = echo(write("export.json", CONVERSATION_RECORDS))
    assert [(s.conversation_id, s.line, s.agent, s.text) for s in seen(report)] == [
        ("S019", 7, "unassigned", "喂,乳胶枕有高低款吗"),
        ("S019", 8, "老周", "有的,您稍等"),
        ("S020", 19, "unassigned", "在吗"),
        ("S020", 20, "糖糖", "在的"),
    ]
    assert (report.summary.conversations, report.summary.messages) == (2, 4)


def test_record_fields_such_as_channel_apply_to_every_message(write, rules_from, audit_log):
    # S019 is a phone conversation (30 s limit): a 40 s wait is too long there, not online.
    rules = rules_from(rule_yaml("reply_time", "limit: 3m\nchannel_limits: {phone: 30s}\n"
                                               "count_unanswered_end: false", message="{wait}"))
    report = audit_log(rules, CONVERSATION_RECORDS, name="export.json")
    assert hits(report) == [("T001", 8, "老周", "")]
    assert report.findings[0].message == "40秒"


def test_a_single_conversation_record_is_a_whole_file(write, echo):
    record = {"conversation_id": "C9", "messages": [{"role": "customer", "text": "你好"},
                                                    {"role": "agent", "agent": "小王", "text": "您好"}]}
    report = echo(write("one.json", json.dumps(record, ensure_ascii=False)))
    assert sorted((s.message_id, s.agent, s.text) for s in seen(report)) == [
        ("C9#1", "unassigned", "你好"), ("C9#2", "小王", "您好"),
    ]


def test_a_broken_document_is_one_skipped_record_naming_its_line(write, echo):
    path = write("broken.json", ARRAY_OF_MESSAGES.replace('"在的"', '"在的",'))
    report = echo(path)
    assert seen(report) == []
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.skipped) == (str(path), 10, True)
    assert "invalid JSON" in problem.cause
    assert report.summary.skipped_records == 1


def test_items_that_are_not_objects_are_skipped_and_the_rest_read(write, echo):
    path = write("mixed.json", """\
        [
          {"conversation_id": "C1", "role": "customer", "text": "在吗"},
          "not a message",
          {"conversation_id": "C2", "messages": [
            42,
            {"role": "agent", "text": "在的"}
          ]}
        ]
    """)
    report = echo(path)
    assert [(s.conversation_id, s.line) for s in seen(report)] == [("C1", 2), ("C2", 6)]
    assert report.summary.skipped_records == 2
    assert all(p.skipped and p.file == str(path) for p in report.problems)
