"""Measuring the rules against a QA lead: a review sheet filled in with 对/错, and hand labels.

The numbers asserted here are counted by hand from the transcripts below, and the output is
compared line by line as the QA lead reads it.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from helpers import dedented, qa_audit


# Six findings, all errors (checked below): the QA lead's verdict is in the comment.
REVIEWED = """
    # 评审用对话
    === R1 2024-05-01
    [10:00:00] 顾客: 能便宜点吗?
    [10:00:20] 客服 小王: 您好,你别做梦了,这个价格不可能的
    [10:00:40] 顾客: 发货了吗?发货了吗?
    [10:01:00] 客服 小王: 别催了,催也没用
    [10:01:30] 顾客: 好的

    === R2 2024-05-01
    [11:00:00] 顾客: 这个能再便宜吗?
    [11:00:20] 客服 小李: 您好,爱买不买,就这个价
    [11:00:40] 顾客: 精华和乳液要一起用吗?
    [11:01:00] 客服 小李: 精华和乳液搭配使用,缺一不可哦
    [11:01:30] 顾客: 哦

    === R3 2024-05-01
    [12:00:00] 顾客: 还能再便宜点吗?
    [12:00:20] 客服 小张: 您好,哈哈您别做梦了,这已经是活动最低价啦
    [12:00:40] 顾客: 这个问题你们能处理吗?
    [12:01:00] 客服 小张: 这个我们没办法处理,您联系快递吧
    [12:01:30] 顾客: 好吧
"""
# (rule, line) → the QA lead's verdict; "" = not reviewed yet.
VERDICTS = {
    ("SA001", 4): "对",    # 你别做梦了
    ("SA004", 6): "对",    # 别催了
    ("SA001", 11): "对",   # 爱买不买
    ("SA004", 13): "",     # 缺一不可 — not reviewed yet
    ("SA001", 18): "错",   # 哈哈您别做梦了 — a joke the lead accepts
    ("SA003", 20): "错",   # 没办法处理 — the lead accepts it
}
# By hand: SA001 2 对 1 错 → 2/3 = 67 %; SA003 0 对 1 错 → 0 %; SA004 1 对, 1 open → 100 %.
PRECISION_TABLE = [
    "RULE       TP   FP TODO PRECISION",
    "SA001       2    1    0       67%",
    "SA003       0    1    0        0%",
    "SA004       1    0    1      100%",
    "SA001 false alarms (误报): reviewed.txt:18 R3 别做梦了",
    "SA003 false alarms (误报): reviewed.txt:20 R3 没办法处理",
]

# Labelled by hand: E1 breaks SA001, E2 SA004, E3 is clean, E4 breaks SA001 in words the rules
# do not know (the tool misses it), E5 is clean but 缺一不可 makes SA004 fire, E6 has no greeting
# (GP001, an info rule).
LABELLED = """
    === E1 2024-05-01
    [10:00:00] 顾客: 能便宜点吗?
    [10:00:20] 客服 小王: 您好,你别做梦了,这个价格不可能的
    [10:01:00] 顾客: 好吧

    === E2 2024-05-01
    [11:00:00] 顾客: 发货了吗?发货了吗?
    [11:00:20] 客服 小李: 您好,别催了,催也没用
    [11:01:00] 顾客: 哦

    === E3 2024-05-01
    [12:00:00] 顾客: 这个有货吗
    [12:00:30] 客服 小张: 您好,亲,有货的哦
    [12:01:00] 顾客: 好的,谢谢
    [12:01:20] 客服 小张: 不客气,祝您生活愉快

    === E4 2024-05-01
    [13:00:00] 顾客: 能不能再送个赠品?
    [13:00:20] 客服 小王: 您好,赠品?下辈子吧
    [13:01:00] 顾客: ……

    === E5 2024-05-01
    [14:00:00] 顾客: 精华和乳液要一起用吗?
    [14:00:20] 客服 小李: 您好,精华和乳液搭配使用,缺一不可哦
    [14:01:00] 顾客: 好的,谢谢
    [14:01:20] 客服 小李: 不客气,祝您生活愉快

    === E6 2024-05-01
    [15:00:00] 顾客: 这个有货吗
    [15:00:30] 客服 小张: 有货的,今天下单明天发
    [15:01:00] 顾客: 好的,谢谢
    [15:01:20] 客服 小张: 不客气,祝您生活愉快
"""
LABELS = """
    conversation_id,rule
    E1,SA001
    E2,SA004
    E3,
    E4,SA001
    E5,
    E6,GP001
"""





def read_sheet(path: Path, encoding: str = "utf-8-sig") -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding=encoding, newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames or []), list(reader)


def write_sheet(path: Path, columns: list[str], rows: list[dict[str, str]], encoding: str = "utf-8-sig") -> None:
    """Save the sheet as Excel does: BOM (or GB18030), CRLF."""
    with path.open("w", encoding=encoding, newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """review.csv written by `qa-audit audit --format review -o review.csv`, not yet filled in."""
    (tmp_path / "reviewed.txt").write_text(dedented(REVIEWED), encoding="utf-8")
    run = qa_audit("audit", "reviewed.txt", "--format", "review", "-o", "review.csv", cwd=tmp_path)
    assert (run.code, run.out, run.err) == (1, "", ""), run
    return tmp_path / "review.csv"


def fill_in(path: Path, verdicts: dict[tuple[str, int], str], encoding: str = "utf-8-sig") -> None:
    columns, rows = read_sheet(path)
    for row in rows:
        row["verdict"] = verdicts[(row["rule"], int(row["line"]))]
    write_sheet(path, columns, rows, encoding)


# --- the review sheet ------------------------------------------------------------------------------

def test_the_review_sheet_has_one_row_per_finding_and_an_empty_verdict_column(sheet):
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    columns, rows = read_sheet(sheet)
    assert columns[:3] == ["rule", "title", "severity"]
    assert {"agent", "conversation_id", "file", "line", "context", "text", "match", "verdict", "note"} <= set(columns)
    assert [(row["rule"], int(row["line"])) for row in rows] == list(VERDICTS)
    assert all(row["verdict"] == "" and row["note"] == "" for row in rows)
    assert {row["severity"] for row in rows} == {"error"}
    first = rows[0]
    assert (first["agent"], first["conversation_id"], first["file"], first["match"], first["context"]) == (
        "小王", "R1", "reviewed.txt", "你别做梦了", "能便宜点吗?")

    json_report = qa_audit("audit", "reviewed.txt", "--format", "json", cwd=sheet.parent)
    assert len(rows) == len(json.loads(json_report.out)["findings"])


def test_evaluate_prints_per_rule_precision_as_counted_by_hand(sheet):
    fill_in(sheet, VERDICTS)
    run = qa_audit("evaluate", "review.csv", cwd=sheet.parent)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.splitlines() == PRECISION_TABLE


def test_a_sheet_saved_by_excel_as_gb18030_reads_the_same(sheet):
    fill_in(sheet, VERDICTS, encoding="gb18030")
    assert not sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    run = qa_audit("evaluate", "review.csv", cwd=sheet.parent)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.splitlines() == PRECISION_TABLE


@pytest.mark.parametrize("correct, wrong", [("正确", "误报"), ("Y", "N"), ("yes", "no"), ("TP", "FP"), (" 对 ", " 错 ")])
def test_other_words_for_correct_and_false_alarm(sheet, correct, wrong):
    fill_in(sheet, {key: {"对": correct, "错": wrong}.get(value, value) for key, value in VERDICTS.items()})
    run = qa_audit("evaluate", "review.csv", cwd=sheet.parent)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.splitlines() == PRECISION_TABLE


def test_an_unreviewed_sheet_has_no_precision_yet(sheet):
    run = qa_audit("evaluate", "review.csv", cwd=sheet.parent)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.splitlines() == [
        "RULE       TP   FP TODO PRECISION",
        "SA001       0    0    3         -",
        "SA003       0    0    1         -",
        "SA004       0    0    2         -",
    ]


def test_a_bad_verdict_exits_2_naming_the_line(sheet):
    fill_in(sheet, {**VERDICTS, ("SA004", 13): "不确定"})
    run = qa_audit("evaluate", "review.csv", cwd=sheet.parent)
    assert (run.code, run.out) == (2, ""), run
    # Header on line 1; the fourth finding is on line 5.
    assert run.err == "error: review.csv:5: verdict: expected 对 or 错 (or empty), got '不确定'\n"


def test_a_sheet_without_a_verdict_column_exits_2(tmp_path):
    (tmp_path / "chat.txt").write_text(dedented(REVIEWED), encoding="utf-8")
    qa_audit("audit", "chat.txt", "--format", "csv", "-o", "report.csv", cwd=tmp_path)
    run = qa_audit("evaluate", "report.csv", cwd=tmp_path)
    assert (run.code, run.out) == (2, ""), run
    assert 'expected the columns "rule" and "verdict"' in run.err
    assert "Traceback" not in run.err


def test_evaluate_without_a_file_exits_2(tmp_path):
    run = qa_audit("evaluate", cwd=tmp_path)
    assert (run.code, run.out) == (2, ""), run
    assert "give a review CSV" in run.err


def test_a_missing_sheet_exits_2_without_a_traceback(tmp_path):
    run = qa_audit("evaluate", "nope.csv", cwd=tmp_path)
    assert run.code == 2, run
    assert "Traceback" not in run.err


# --- labelled conversations ----------------------------------------------------------------------

@pytest.fixture
def labelled(tmp_path: Path) -> Path:
    """labelled.txt, labels.csv and report.json (qa-audit audit --format json -o report.json)."""
    (tmp_path / "labelled.txt").write_text(dedented(LABELLED), encoding="utf-8")
    (tmp_path / "labels.csv").write_text(dedented(LABELS), encoding="utf-8")
    run = qa_audit("audit", "labelled.txt", "--format", "json", "-o", "report.json", cwd=tmp_path)
    assert (run.code, run.out, run.err) == (1, "", ""), run
    return tmp_path


def test_the_labelled_transcript_gets_the_findings_counted_on(labelled):
    report = json.loads((labelled / "report.json").read_text(encoding="utf-8"))
    assert sorted((f["conversation_id"], f["rule"], f["severity"]) for f in report["findings"]) == [
        ("E1", "SA001", "error"), ("E2", "SA004", "error"), ("E5", "SA004", "error"), ("E6", "GP001", "info")]


def test_evaluate_with_labels_prints_precision_and_recall_as_counted_by_hand(labelled):
    run = qa_audit("evaluate", "--labels", "labels.csv", "report.json", cwd=labelled)
    assert (run.code, run.err) == (0, ""), run
    # SA001: E1 caught, E4 missed, nothing else flagged → precision 1/1, recall 1/2.
    # SA004: E2 caught, E5 flagged though clean → precision 1/2, recall 1/1.
    # GP001: an info rule, not counted without --include-info → E6 missed, precision unknown.
    assert run.out.splitlines() == [
        "RULE       TP   FP   FN PRECISION  RECALL",
        "GP001       0    0    1         -      0%",
        "SA001       1    0    1      100%     50%",
        "SA004       1    1    0       50%    100%",
        "GP001 missed (漏报): E6",
        "SA001 missed (漏报): E4",
        "SA004 false alarms (误报): E5",
    ]


def test_include_info_counts_info_findings(labelled):
    run = qa_audit("evaluate", "--labels", "labels.csv", "report.json", "--include-info", cwd=labelled)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.splitlines()[1] == "GP001       1    0    0      100%    100%"
    assert "GP001 missed" not in run.out


def test_labels_without_the_expected_columns_exit_2(labelled):
    (labelled / "labels.csv").write_text("会话,规则\nE1,SA001\n", encoding="utf-8")
    run = qa_audit("evaluate", "--labels", "labels.csv", "report.json", cwd=labelled)
    assert (run.code, run.out) == (2, ""), run
    assert 'labels.csv:1: expected the columns "conversation_id" and "rule"' in run.err


def test_a_report_that_is_not_json_exits_2(labelled):
    qa_audit("audit", "labelled.txt", "--format", "csv", "-o", "report.csv", cwd=labelled)
    run = qa_audit("evaluate", "--labels", "labels.csv", "report.csv", cwd=labelled)
    assert (run.code, run.out) == (2, ""), run
    assert "report.csv: not a qa-audit JSON report" in run.err
    assert "Traceback" not in run.err


def test_a_missing_labels_file_exits_2(labelled):
    run = qa_audit("evaluate", "--labels", "nope.csv", "report.json", cwd=labelled)
    assert (run.code, run.out) == (2, ""), run
    assert "cannot read" in run.err and "Traceback" not in run.err
