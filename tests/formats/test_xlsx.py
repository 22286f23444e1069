"""Excel workbooks: a header row per sheet, rows as line numbers, the sheet named when there are several."""

from __future__ import annotations

from datetime import datetime

import openpyxl

from helpers import seen
from platforms import Said, agents, audit_json, listed_formats, problems, said

QIANNIU = "shop_export.xlsx#千牛导出"


def test_a_two_sheet_workbook_names_each_sheet_and_reads_the_qianniu_columns(tmp_path):
    report = audit_json(tmp_path, "shop_export.xlsx")
    assert said(report) == [
        Said("customer", "tb_mama2019 2024-05-06", 2, "unassigned", "2024-05-06T10:00:01+08:00", "在吗?宝宝湿疹能用这个面霜吗"),
        Said("agent", "tb_mama2019 2024-05-06", 4, "小美", "2024-05-06T10:00:45+08:00", "亲,在的哦,这款面霜是无激素配方"),
        Said("customer", "jiajia_buy 2024-05-06", 6, "unassigned", "2024-05-06T11:20:05+08:00", "奶瓶的吸管配件单独卖吗"),
        Said("agent", "jiajia_buy 2024-05-06", 7, "阿强", "2024-05-06T11:20:40+08:00", "单独有卖的哦亲,给您发个链接"),
        Said("customer", "GD-0507-01", 2, "unassigned", "2024-05-07T09:15:00+08:00", "订单还没发货,能加急吗"),
        Said("agent", "GD-0507-01", 3, "小美", "2024-05-07T09:16:30+08:00", "亲,已经帮您催仓库了,今天一定发出"),
    ]
    assert sorted({f["file"] for f in report["findings"]}) == [QIANNIU, "shop_export.xlsx#工单对话"]
    # 服务助手 and 系统 rows are system messages; the empty row 5 is passed over.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (3, 8, 1)
    assert agents(report) == ["unassigned", "小美", "阿强"]
    assert problems(report) == [
        (QIANNIU, 9, "发送时间 '昨天下午' is not a date and time (expected e.g. 2024-05-06 10:00:01)"),
    ]


def test_listed_by_the_formats_command():
    assert any(line.startswith("xlsx ") for line in listed_formats().splitlines())


def test_one_sheet_keeps_the_plain_file_name_and_generic_headers_map_like_csv(tmp_path, echo):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["会话编号", "发送时间", "发送方", "客服昵称", "消息内容", "消息ID"])
    sheet.append(["S1", datetime(2024, 5, 2, 9, 0), "买家", None, "在吗", 1001.0])
    sheet.append(["S1", datetime(2024, 5, 2, 9, 0, 30), "商家", "阿敏", "在的", 1002.0])
    path = tmp_path / "one.xlsx"
    book.save(path)
    assert [(s.line, s.message_id, s.agent, s.time) for s in seen(echo(path))] == [
        (2, "1001", "unassigned", "2024-05-02T09:00:00+08:00"),
        (3, "1002", "阿敏", "2024-05-02T09:00:30+08:00"),
    ]
    assert {f.file for f in echo(path).findings} == {str(path)}


def test_a_damaged_workbook_is_one_skipped_record(write, echo):
    path = write("broken.xlsx", b"PK\x03\x04" + b"\x00" * 64)
    report = echo(path)
    assert seen(report) == []
    (problem,) = report.problems
    assert (problem.file, problem.line, problem.skipped) == (str(path), 0, True)
    assert problem.cause.startswith("not a readable .xlsx workbook")
