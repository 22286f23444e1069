"""JDDC chat.txt: tab-separated sessions with no header and no times."""

from __future__ import annotations

from helpers import seen
from platforms import Said, audit_json, listed_formats, problems, said
from qa_audit.formats import detect
from qa_audit.formats.source import Source

S1 = "0a3f6b2c9d8e4f71a2b3c4d5e6f70812"
S2 = "5c1d9e0f7a6b4c3d2e1f0a9b8c7d6e5f"


def test_sessions_are_conversations_without_times_or_agent_names(tmp_path):
    report = audit_json(tmp_path, "jddc_chat.txt")
    assert said(report) == [
        Said("customer", S1, 1, "unassigned", None, "这款空气净化器能除甲醛吗"),
        Said("agent", S1, 2, "unassigned", None, "您好,京东客服很高兴为您服务!"),
        Said("agent", S1, 3, "unassigned", None, "可以的哦,这款有甲醛专用滤网#E-s[数字x]"),
        Said("customer", S1, 4, "unassigned", None, "[非文本消息]"),
        Said("customer", S1, 5, "unassigned", None, "就是这个订单[ORDERID_10187709]"),
        Said("agent", S1, 7, "unassigned", None, "亲爱的 还辛苦您先稍等下的哈"),
        Said("customer", S2, 8, "unassigned", None, "怎么申请价保呢?"),
        Said("agent", S2, 9, "unassigned", None, "您好,请问是这个订单吗?订单号:[ORDERID_10231145]"),
        Said("customer", S2, 10, "unassigned", None, "是的"),
    ]
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (2, 9, 1)
    assert problems(report) == [("jddc_chat.txt", 6, "5 tab-separated fields where JDDC has 7")]


def test_listed_by_the_formats_command():
    assert any(line.startswith("jddc ") for line in listed_formats().splitlines())


def test_a_header_line_is_passed_over_and_bad_flags_are_skipped(write, echo):
    path = write("chat.txt", "会话编号\t顾客id\tsku\t是否客服发送\t是否转出\t是否重复咨询\t内容\n"
                             "S1\tU1\t0\t0\t0\t\t在吗\n"
                             "S1\tU1\t1\t0\t0\t\t在的\tnote\n"
                             "S1\tU1\t2\t0\t0\t\t?\n")
    assert detect(Source(str(path), path)) == "jddc"
    report = echo(path)
    assert [(s.line, s.role, s.text) for s in seen(report)] == [(2, "customer", "在吗"), (3, "agent", "在的\tnote")]
    (problem,) = report.problems
    assert (problem.line, problem.cause) == (4, "flags 2/0/0 where 是否客服发送/是否转出/是否重复咨询 are 0 or 1")
