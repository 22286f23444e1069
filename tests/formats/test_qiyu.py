"""网易七鱼 message.txt: JSON lines in a .txt file, robots (staffId <= 0) as system."""

from __future__ import annotations

from platforms import Said, agents, audit_json, listed_formats, problems, said
from qa_audit.formats import qiyu, transcript


def test_message_txt_beats_the_transcript_reader_and_reads_sessions_with_robots_as_system(tmp_path):
    report = audit_json(tmp_path, "qiyu_message.txt")
    assert said(report) == [
        Said("customer", "320011845", 1, "unassigned", "2024-05-06T10:00:01+08:00", "你好,我的订单显示已签收但我没收到"),
        Said("agent", "320011845", 4, "晓雯", "2024-05-06T10:01:20+08:00", "您好,我是客服晓雯,请提供一下订单号"),
        Said("customer", "320011845", 5, "unassigned", "2024-05-06T10:01:35+08:00", "DD20240505112233"),
        Said("customer", "320012377", 7, "unassigned", "2024-05-06T14:30:40+08:00", "会员卡能开发票吗"),
        Said("agent", "320012377", 8, "阿杰", "2024-05-06T14:31:00+08:00", "可以的,在订单详情页申请电子发票就可以"),
    ]
    # The robot (staffId -1) and the transfer notice (from 2) are system messages.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (2, 7, 1)
    assert agents(report) == ["unassigned", "晓雯", "阿杰"]
    ((file, line, cause),) = problems(report)
    assert (file, line) == ("qiyu_message.txt", 6) and cause.startswith("invalid JSON")


def test_listed_by_the_formats_command():
    assert any(line.startswith("qiyu ") for line in listed_formats().splitlines())


def test_sniff_needs_session_and_staff_fields():
    line = '{"sessionId": 1, "time": 1714960801000, "from": 1, "staffId": 0, "content": "在吗"}\n'
    assert qiyu.sniff(line * 2, ".txt") == 90
    assert qiyu.sniff('{"conversation_id": "C1", "role": "customer", "text": "在吗"}\n', ".txt") == 0
    assert qiyu.sniff("[10:00:01] 顾客: 在吗\n", ".txt") == 0 < transcript.sniff("[10:00:01] 顾客: 在吗\n", ".txt")
