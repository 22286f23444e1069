"""京东 JOS jingdong.im.pop.chatlog.get responses: chatLogList items found under any wrapper."""

from __future__ import annotations

import json

from helpers import seen
from platforms import Said, agents, audit_json, listed_formats, problems, said

SID1 = "14a75177c5464636435c63b3da4efcd9"
SID2 = "7be0c2d9a1f04b2e9f3f9a41d2c7e511"


def test_the_response_is_detected_and_read_by_sid_with_robot_and_notice_as_system(tmp_path):
    report = audit_json(tmp_path, "jingdong_chatlog.json")
    assert said(report) == [
        Said("customer", SID1, 7, "unassigned", "2024-05-06T10:00:01+08:00",
             "咨询订单号：236810113731    商品ID：10026084786191"),
        Said("customer", SID1, 9, "unassigned", "2024-05-06T10:00:50+08:00", "发票在哪开"),
        Said("agent", SID1, 10, "果麦洁洁", "2024-05-06T10:01:20+08:00", "您好,您提供一下开票信息,我给您登记"),
        Said("customer", SID2, 13, "unassigned", "2024-05-06T14:30:00+08:00", "净水器滤芯多久换一次"),
        Said("agent", SID2, 14, "果麦小林", "2024-05-06T14:30:40+08:00", "一般六个月换一次哦,用水量大可以三到四个月"),
        Said("customer", SID2, 15, "unassigned", "2024-05-06T14:31:00+08:00", "好的谢谢"),
        Said("agent", SID2, 16, "果麦小林", "2024-05-06T14:35:00+08:00", "#E-s21"),
    ]
    # 京小智's greeting and the transfer notice (no waiter) are system messages.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (2, 9, 1)
    assert agents(report) == ["unassigned", "果麦小林", "果麦洁洁"]
    assert problems(report) == [("jingdong_chatlog.json", 12, 'missing "sid" (the conversation id)')]


def test_listed_by_the_formats_command():
    assert any(line.startswith("jingdong ") for line in listed_formats().splitlines())


def test_a_bare_array_of_items_and_numeric_flags_are_read(write, echo):
    items = [
        {"sid": "S1", "waiterSend": 0, "time": 1714960801000, "customer": "c1", "waiter": "小王", "content": "在吗"},
        {"sid": "S1", "waiterSend": "1", "time": 1714960830000, "customer": "c1", "waiter": "小王", "content": "在的"},
        {"sid": "S1", "waiterSend": "maybe", "time": 1714960840000, "content": "?"},
    ]
    report = echo(write("jd.json", json.dumps(items, ensure_ascii=False, indent=1)))
    assert [(s.role, s.agent, s.text) for s in seen(report)] == [
        ("customer", "unassigned", "在吗"), ("agent", "小王", "在的"),
    ]
    (problem,) = report.problems
    assert problem.cause == "\"waiterSend\" is 'maybe', expected true or false"
