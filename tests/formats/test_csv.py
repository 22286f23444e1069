"""CSV and TSV with a header row, as exported from Chinese back offices and Excel."""

from __future__ import annotations

import pytest

from helpers import Seen, seen
from qa_audit.formats import ReadOptions
from qa_audit.formats.records import FieldMap

EXPORT = (
    "会话ID,客服,角色,时间,内容\r\n"
    "S013,,顾客,2024/5/2 09:15:20,\"你好,收到的被子有一块污渍\"\r\n"
    "S013,小王,客服,2024/5/2 09:16:10,\"亲,麻烦拍一下照片\"\r\n"
)


def test_chinese_headers_in_a_gb18030_excel_export(write, echo):
    path = write("export.csv", EXPORT.encode("gb18030"))
    report = echo(path)
    assert seen(report) == [
        Seen("customer", "S013", "S013#1", 2, "unassigned", "2024-05-02T09:15:20+08:00", "你好,收到的被子有一块污渍"),
        Seen("agent", "S013", "S013#2", 3, "小王", "2024-05-02T09:16:10+08:00", "亲,麻烦拍一下照片"),
    ]
    assert report.problems == []


def test_other_chinese_and_english_header_names(write, echo):
    path = write("export.csv", """\
        会话编号,消息ID,发送时间,发送方,客服昵称,消息内容
        S1,S1-1,2024-05-02 09:00:00,买家,,在吗
        S1,S1-2,2024-05-02 09:00:30,商家,阿敏,在的
    """)
    assert [(s.message_id, s.agent, s.text) for s in seen(echo(path))] == [("S1-1", "unassigned", "在吗"), ("S1-2", "阿敏", "在的")]

    path = write("export2.csv", """\
        session_id,timestamp,sender_role,staff_name,content
        S2,1714611600,buyer,,hi
        S2,1714611630,seller,Amy,hello
    """)
    assert [(s.agent, s.text) for s in seen(echo(path))] == [("unassigned", "hi"), ("Amy", "hello")]


@pytest.mark.parametrize("name", ["export.tsv", "export.txt.csv"])
def test_tab_separated_files(write, echo, name):
    path = write(name, "会话ID\t角色\t客服\t内容\nC1\t顾客\t\t在吗, 有货吗\nC1\t客服\t小王\t有的\n")
    assert [(s.agent, s.text) for s in seen(echo(path))] == [("unassigned", "在吗, 有货吗"), ("小王", "有的")]


def test_a_quoted_cell_may_hold_commas_quotes_and_newlines(write, echo):
    path = write("export.csv", (
        '会话ID,角色,客服,内容\n'
        'C1,顾客,,"第一行\n第二行"\n'
        'C1,客服,小王,"她说""好的"",然后走了"\n'
    ))
    assert [(s.line, s.text) for s in seen(echo(path))] == [(2, "第一行\n第二行"), (4, '她说"好的",然后走了')]


def test_a_row_with_the_wrong_number_of_cells_is_skipped_with_its_line(write, echo):
    path = write("export.csv", "会话ID,角色,客服,内容\nC1,顾客,,在吗\nC1,客服,小王\nC1,客服,小王,在的\n")
    report = echo(path)
    assert [s.line for s in seen(report)] == [2, 4]
    (problem,) = report.problems
    assert str(problem) == f"{path}:3: skipped: 3 columns where the header has 4"
    assert report.summary.skipped_records == 1


def test_blank_rows_are_ignored(write, echo):
    path = write("export.csv", "会话ID,角色,内容\n\nC1,顾客,在吗\n,,\n")
    report = echo(path)
    assert [s.line for s in seen(report)] == [3]
    assert report.problems == []


def test_a_column_is_mapped_to_a_field_by_option(write, echo):
    path = write("export.csv", "会话ID,角色,接待人,聊天内容\nC1,顾客,,在吗\nC1,客服,小王,在的\n")
    unmapped = echo(path)
    assert seen(unmapped) == []
    assert unmapped.summary.skipped_records == 2
    assert all("missing text" in p.cause for p in unmapped.problems)

    options = ReadOptions(FieldMap((("text", "聊天内容"), ("agent", "接待人"))))
    assert [(s.agent, s.text) for s in seen(echo(path, options=options))] == [("unassigned", "在吗"), ("小王", "在的")]


def test_a_mapping_wins_over_a_built_in_alias(write, echo):
    # Both 内容 (an alias of text) and 备注 exist; the user says 备注 is the text.
    path = write("export.csv", "会话ID,角色,内容,备注\nC1,客服,系统模板,真正的回复\n")
    report = echo(path, options=ReadOptions(FieldMap((("text", "备注"),))))
    assert [s.text for s in seen(report)] == ["真正的回复"]


def test_an_empty_time_cell_is_a_message_without_a_time(write, echo):
    path = write("export.csv", "会话ID,角色,时间,内容\nC1,顾客,,在吗\nC1,客服,2024-05-02 09:00:00,在的\n")
    report = echo(path)
    assert [(s.line, s.time) for s in seen(report)] == [(2, None), (3, "2024-05-02T09:00:00+08:00")]
    assert report.summary.skipped_records == 0


def test_an_unclosed_quote_does_not_silently_swallow_the_following_rows(write, echo):
    path = write("export.csv", '会话ID,角色,客服,内容\nC1,顾客,,"在吗\nC1,客服,小王,在的\nC1,顾客,,好的\n')
    report = echo(path)
    swallowed = len(seen(report)) < 3
    assert not swallowed or any(p.line in (2, 3) for p in report.problems), seen(report)
