"""qa-audit as a CI gate: a directory of transcripts, every CI report format, baselines, thresholds.

The fixture directory tests/fixtures/ci/transcripts holds three training transcripts; exactly one
line in them breaks a rule (售后/退货-0501.txt:7, the forbidden phrase 你别做梦了). Every test copies
it into tmp_path and runs the real command there on the relative path `transcripts`, as a CI job
does from the repository root.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest

from helpers import Run, qa_audit
from junitparser import Attr, Failure, IntAttr, JUnitXml, TestCase

CI = Path(__file__).parent / "fixtures" / "ci" / "transcripts"

BAD_FILE = "transcripts/售后/退货-0501.txt"
BAD_LINE = 7
BAD_COLUMN = 19  # "[10:00:30] 客服 小王: " is 18 characters
FILES = ["transcripts/售前-0501.txt", BAD_FILE, "transcripts/物流-0501.txt"]


class LocatedCase(TestCase):
    """A JUnit testcase with the file and line attributes GitLab and Jenkins read."""

    file = Attr()
    line = IntAttr()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A checkout with the CI fixture transcripts under transcripts/."""
    shutil.copytree(CI, tmp_path / "transcripts")
    return tmp_path


def findings(run: Run) -> list[tuple[str, str, int]]:
    return [(f["rule"], f["file"], f["line"]) for f in run.json()["findings"]]


def add_lines(path: Path, *lines: str, before: int | None = None) -> None:
    """Append lines, or insert them before a 1-based line number."""
    text = path.read_text(encoding="utf-8").splitlines()
    position = len(text) if before is None else before - 1
    text[position:position] = lines
    path.write_text("\n".join(text) + "\n", encoding="utf-8")


# --- one violation, every CI format --------------------------------------------------------------

def test_json_names_the_one_violation_at_its_file_and_line(repo):
    run = qa_audit("audit", "transcripts", "--format", "json", cwd=repo)
    assert (run.code, run.err) == (1, ""), run
    report = run.json()
    assert findings(run) == [("SA001", BAD_FILE, BAD_LINE)]
    (finding,) = report["findings"]
    assert (finding["column"], finding["match"], finding["agent"], finding["conversation_id"]) == (
        BAD_COLUMN, "你别做梦了", "小王", "R1")
    assert report["summary"]["files"] == 3
    assert [row["file"] for row in report["inputs"]] == sorted(FILES)


def test_sarif_result_points_at_the_file_and_line(repo):
    run = qa_audit("audit", "transcripts", "--format", "sarif", cwd=repo)
    assert (run.code, run.err) == (1, ""), run
    (sarif_run,) = json.loads(run.out)["runs"]
    (result,) = sarif_run["results"]
    assert (result["ruleId"], result["level"]) == ("SA001", "error")
    (location,) = result["locations"]
    physical = location["physicalLocation"]
    uri = physical["artifactLocation"]["uri"]
    assert uri.isascii(), "a URI carries 中文 percent-encoded"
    assert unquote(uri) == BAD_FILE
    assert physical["region"]["startLine"] == BAD_LINE
    assert physical["region"]["startColumn"] == BAD_COLUMN
    rule_ids = [rule["id"] for rule in sarif_run["tool"]["driver"]["rules"]]
    assert rule_ids[result["ruleIndex"]] == "SA001"


def test_junit_has_one_failing_testcase_for_the_violation_and_passing_clean_files(repo):
    run = qa_audit("audit", "transcripts", "--format", "junit", cwd=repo)
    assert (run.code, run.err) == (1, ""), run
    xml = JUnitXml.fromstring(run.raw)
    suites = {suite.name: suite for suite in xml}
    assert sorted(suites) == sorted(FILES)
    failed = [(suite.name, case) for suite in xml for case in suite
              if any(isinstance(result, Failure) for result in case.result)]
    ((suite_name, case),) = failed
    assert suite_name == BAD_FILE
    assert case.classname == BAD_FILE
    located = LocatedCase.fromelem(case)
    assert (located.file, located.line) == (BAD_FILE, BAD_LINE)
    assert case.name.startswith(f"SA001 line {BAD_LINE}:")
    (failure,) = case.result
    assert failure.type == "SA001"
    assert f"位置:{BAD_FILE}:{BAD_LINE}:{BAD_COLUMN}" in failure.text
    assert (xml.tests, xml.failures) == (3, 1)
    for name in FILES:
        if name != BAD_FILE:
            assert all(case.is_passed for case in suites[name])


def test_github_annotates_the_violation_with_file_and_line(repo):
    run = qa_audit("audit", "transcripts", "--format", "github", cwd=repo)
    assert (run.code, run.err) == (1, ""), run
    commands = [line for line in run.out.splitlines() if line.startswith("::")]
    assert len(commands) == 1, run
    (command,) = commands
    assert command.startswith(f"::error file={BAD_FILE},line={BAD_LINE},col={BAD_COLUMN},title=SA001 服务禁语::")
    assert "你别做梦了" in command
    assert "<!-- qa-audit summary -->" in run.out
    assert "1 个问题" in run.out


def test_gitlab_code_quality_issue_has_path_and_begin_line(repo):
    run = qa_audit("audit", "transcripts", "--format", "gitlab", cwd=repo)
    assert (run.code, run.err) == (1, ""), run
    (issue,) = json.loads(run.out)
    assert issue["location"] == {"path": BAD_FILE, "lines": {"begin": BAD_LINE}}
    assert (issue["check_name"], issue["severity"]) == ("SA001", "major")
    assert issue["fingerprint"]


def test_csv_has_one_row_with_file_and_line(repo):
    run = qa_audit("audit", "transcripts", "--format", "csv", cwd=repo)
    assert (run.code, run.err) == (1, ""), run
    assert run.raw.startswith(b"\xef\xbb\xbf")
    (row,) = csv.DictReader(io.StringIO(run.out.removeprefix("\ufeff")))
    assert (row["rule"], row["file"], row["line"], row["column"]) == ("SA001", BAD_FILE, str(BAD_LINE), str(BAD_COLUMN))


@pytest.mark.parametrize("output_format", ["table", "json", "csv", "sarif", "junit", "github", "gitlab", "review"])
def test_every_format_exits_0_once_the_violation_is_gone(repo, output_format):
    (repo / BAD_FILE).unlink()
    passing = qa_audit("audit", "transcripts", "--format", output_format, cwd=repo)
    assert (passing.code, passing.err) == (0, ""), passing
    assert "你别做梦了" not in passing.out


# --- baselines -----------------------------------------------------------------------------------

@pytest.fixture
def baselined(repo) -> Path:
    """The repo with b.json recording the one known finding."""
    run = qa_audit("audit", "transcripts", "--write-baseline", "b.json", "--format", "json", cwd=repo)
    assert run.err == "wrote 1 findings to the baseline b.json\n", run
    assert findings(run) == [("SA001", BAD_FILE, BAD_LINE)]  # the report still shows it
    return repo


def test_write_baseline_records_every_current_finding(baselined):
    document = json.loads((baselined / "b.json").read_text(encoding="utf-8"))
    (entry,) = document["findings"]
    assert (entry["rule"], entry["file"], entry["conversation_id"], entry["text"]) == (
        "SA001", BAD_FILE, "R1", "你别做梦了")
    assert entry["fingerprint"]


def test_with_the_baseline_the_same_run_passes_with_0_findings(baselined):
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "json", cwd=baselined)
    assert (run.code, run.err) == (0, ""), run
    summary = run.json()["summary"]
    assert (summary["findings"], summary["baselined"]) == (0, 1)
    assert run.json()["findings"] == []

    table = qa_audit("audit", "transcripts", "--baseline", "b.json", cwd=baselined)
    assert (table.code, table.err) == (0, ""), table
    assert "0 个问题" in table.out and "基线中已有 1 个问题未列出" in table.out


@pytest.mark.parametrize("output_format", ["sarif", "github", "gitlab", "junit"])
def test_with_the_baseline_ci_formats_report_nothing(baselined, output_format):
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", output_format, cwd=baselined)
    assert (run.code, run.err) == (0, ""), run
    assert "你别做梦了" not in run.out


def test_a_new_violation_in_another_file_is_the_only_one_reported(baselined):
    add_lines(baselined / "transcripts/物流-0501.txt",
              "=== L3 2024-05-02", "[09:00:00] 顾客: 便宜点吧", "[09:00:20] 客服 小张: 您好,爱买不买")
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "json", cwd=baselined)
    assert (run.code, run.err) == (1, ""), run
    assert findings(run) == [("SA001", "transcripts/物流-0501.txt", 15)]
    assert run.json()["summary"]["baselined"] == 1

    github = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "github", cwd=baselined)
    assert github.code == 1
    assert [line.split("::")[1] for line in github.out.splitlines() if line.startswith("::")] == [
        "error file=transcripts/物流-0501.txt,line=15,col=22,title=SA001 服务禁语"]


def test_a_new_violation_in_the_same_file_is_the_only_one_reported(baselined):
    add_lines(baselined / BAD_FILE, "[10:01:30] 客服 小王: 别催了,催也没用")
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "json", cwd=baselined)
    assert (run.code, run.err) == (1, ""), run
    assert findings(run) == [("SA004", BAD_FILE, 10)]


def test_lines_inserted_above_the_known_violation_do_not_make_it_new(baselined):
    path = baselined / BAD_FILE
    add_lines(path, "# 新增的培训说明", "", "=== R0 2024-04-30", "[09:00:00] 顾客: 在吗",
              "[09:00:10] 客服 小王: 您好,在的", before=3)
    add_lines(path, "[10:00:22] 客服 小王: 稍等哦", before=11)
    lines = path.read_text(encoding="utf-8").splitlines()
    moved = lines.index("[10:00:30] 客服 小王: 你别做梦了") + 1
    assert moved == BAD_LINE + 6

    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "json", cwd=baselined)
    assert (run.code, run.err) == (0, ""), run
    assert run.json()["summary"]["baselined"] == 1

    # Without the baseline it is still there, at its new line.
    plain = qa_audit("audit", "transcripts", "--format", "json", cwd=baselined)
    assert findings(plain) == [("SA001", BAD_FILE, moved)]


def test_rewording_the_known_violation_makes_it_a_new_finding(baselined):
    path = baselined / BAD_FILE
    path.write_text(path.read_text(encoding="utf-8").replace("你别做梦了", "你别做梦了,不可能的"), encoding="utf-8")
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "json", cwd=baselined)
    assert run.code == 1, run
    assert findings(run) == [("SA001", BAD_FILE, BAD_LINE)]
    assert run.json()["summary"]["baselined"] == 0


def test_a_second_identical_violation_in_the_conversation_is_new(baselined):
    add_lines(baselined / BAD_FILE, "[10:01:30] 客服 小王: 你别做梦了")
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", "--format", "json", cwd=baselined)
    assert run.code == 1, run
    assert len(run.json()["findings"]) == 1
    assert run.json()["summary"]["baselined"] == 1


@pytest.mark.parametrize("content, problem", [
    ("not json", "not a qa-audit baseline"),
    ('{"tool": {}}', "not a qa-audit baseline"),
    (None, "cannot read the baseline"),
])
def test_a_bad_baseline_exits_2_with_one_line(repo, content, problem):
    if content is not None:
        (repo / "b.json").write_text(content, encoding="utf-8")
    run = qa_audit("audit", "transcripts", "--baseline", "b.json", cwd=repo)
    assert run.code == 2, run
    assert run.out == ""
    assert run.err.startswith("error: b.json: ") and problem in run.err
    assert "Traceback" not in run.err


# --- thresholds: --fail-on, --max-findings, --min-score, --strict --------------------------------

# A warning (SA005: the customer waited four minutes) and an info (GP001: no greeting) in one file.
WARNING_AND_INFO = """
    === W1 2024-05-01
    [10:00:00] 顾客: 在吗?我的快递到哪了
    [10:04:00] 客服 小王: 您好,我帮您查一下,已经到您所在的城市了
    [10:04:30] 顾客: 好的,谢谢
    [10:04:40] 客服 小王: 不客气,祝您生活愉快

    === W2 2024-05-01
    [11:00:00] 顾客: 这个有货吗
    [11:00:30] 客服 小李: 有货的,今天下单明天发
    [11:01:00] 顾客: 好的,谢谢
    [11:01:10] 客服 小李: 不客气,祝您生活愉快
"""
INFO_ONLY = """
    === I1 2024-05-01
    [11:00:00] 顾客: 这个有货吗
    [11:00:30] 客服 小李: 有货的,今天下单明天发
    [11:01:00] 顾客: 好的,谢谢
    [11:01:10] 客服 小李: 不客气,祝您生活愉快
"""


def test_the_gate_fixtures_hold_what_they_say(write, tmp_path):
    write("gate/mixed.txt", WARNING_AND_INFO)
    write("info/only.txt", INFO_ONLY)
    mixed = qa_audit("audit", "gate", "--format", "json", cwd=tmp_path)
    assert [(f["rule"], f["severity"], f["line"]) for f in mixed.json()["findings"]] == [
        ("SA005", "warning", 3), ("GP001", "info", 9)]
    info = qa_audit("audit", "info", "--format", "json", cwd=tmp_path)
    assert [(f["rule"], f["severity"]) for f in info.json()["findings"]] == [("GP001", "info")]


@pytest.mark.parametrize("fail_on, mixed_code, info_code", [
    (None, 0, 0),
    ("error", 0, 0),
    ("warning", 1, 0),
    ("info", 1, 1),
    ("never", 0, 0),
])
def test_fail_on_sets_the_lowest_severity_that_fails(write, tmp_path, fail_on, mixed_code, info_code):
    write("gate/mixed.txt", WARNING_AND_INFO)
    write("info/only.txt", INFO_ONLY)
    option = ["--fail-on", fail_on] if fail_on else []
    mixed = qa_audit("audit", "gate", *option, cwd=tmp_path)
    assert (mixed.code, mixed.err) == (mixed_code, ""), mixed
    assert "SA005" in mixed.out and "GP001" in mixed.out  # reported whatever the gate says
    info = qa_audit("audit", "info", *option, cwd=tmp_path)
    assert (info.code, info.err) == (info_code, ""), info


def test_fail_on_never_passes_an_error_but_still_reports_it(repo):
    run = qa_audit("audit", "transcripts", "--fail-on", "never", "--format", "github", cwd=repo)
    assert (run.code, run.err) == (0, ""), run
    assert f"::error file={BAD_FILE},line={BAD_LINE}" in run.out


def test_max_findings_allows_n_findings_at_or_above_fail_on(repo):
    add_lines(repo / "transcripts/物流-0501.txt",
              "=== L3 2024-05-02", "[09:00:00] 顾客: 便宜点吧", "[09:00:20] 客服 小张: 您好,爱买不买",
              "=== L4 2024-05-02", "[09:00:00] 顾客: 在吗?我的快递到哪了",
              "[09:04:00] 客服 小张: 您好,已经到您所在的城市了")  # a warning (SA005)
    report = qa_audit("audit", "transcripts", "--format", "json", cwd=repo).json()
    assert report["summary"]["by_severity"] == {"error": 2, "warning": 1, "info": 0}

    for limit, code in ((0, 1), (1, 1), (2, 0), (5, 0)):
        run = qa_audit("audit", "transcripts", "--max-findings", limit, cwd=repo)
        assert (run.code, run.err) == (code, ""), (limit, run)
    # With --fail-on warning the warning counts too: 3 findings.
    assert qa_audit("audit", "transcripts", "--max-findings", 2, "--fail-on", "warning", cwd=repo).code == 1
    assert qa_audit("audit", "transcripts", "--max-findings", 3, "--fail-on", "warning", cwd=repo).code == 0


def test_max_findings_must_not_be_negative(repo):
    run = qa_audit("audit", "transcripts", "--max-findings", "-1", cwd=repo)
    assert run.code == 2, run
    assert "Traceback" not in run.err


def test_min_score_fails_when_one_agent_is_below_even_if_the_overall_score_is_not(repo):
    report = qa_audit("audit", "transcripts", "--format", "json", cwd=repo).json()
    assert report["summary"]["score"] == 97.5
    assert {a["agent"]: a["score"] for a in report["agents"]} == {"小王": 90.0, "小李": 100.0, "小张": 100.0}

    for score, code in (("90", 0), ("90.5", 1), ("95", 1), ("0", 0)):
        run = qa_audit("audit", "transcripts", "--min-score", score, "--fail-on", "never", cwd=repo)
        assert (run.code, run.err) == (code, ""), (score, run)


def test_min_score_equal_to_every_score_passes(repo):
    (repo / BAD_FILE).unlink()
    clean = qa_audit("audit", "transcripts", "--min-score", "100", cwd=repo)
    assert (clean.code, clean.err) == (0, ""), clean


def test_min_score_and_fail_on_both_apply(repo):
    # 小王's 90 passes --min-score 80, but the error still fails the run.
    run = qa_audit("audit", "transcripts", "--min-score", "80", cwd=repo)
    assert (run.code, run.err) == (1, ""), run


def test_strict_turns_a_skipped_record_into_exit_2(repo):
    broken = repo / "transcripts/草稿.txt"
    broken.write_text("=== D1 2024-05-01\n[10:00:00] 顾客: 在吗\n这一行不是消息\n[10:00:20] 客服 小李: 您好,在的\n",
                      encoding="utf-8")
    (repo / BAD_FILE).unlink()
    lenient = qa_audit("audit", "transcripts", cwd=repo)
    assert lenient.code == 0, lenient
    assert lenient.err.startswith("warning: transcripts/草稿.txt:3: skipped: not a message line"), lenient
    assert "跳过 1 条记录" in lenient.out

    strict = qa_audit("audit", "transcripts", "--strict", "--format", "json", cwd=repo)
    assert strict.code == 2, strict
    assert "transcripts/草稿.txt:3: skipped: not a message line" in strict.err
    assert "Traceback" not in strict.err
    assert strict.json()["summary"]["skipped_records"] == 1  # the report is still written
    assert qa_audit("audit", "transcripts", "--strict", "--fail-on", "never", cwd=repo).code == 2


def test_strict_without_skipped_records_changes_nothing(repo):
    assert qa_audit("audit", "transcripts", "--strict", cwd=repo).code == 1
    (repo / BAD_FILE).unlink()
    run = qa_audit("audit", "transcripts", "--strict", cwd=repo)
    assert (run.code, run.err) == (0, ""), run
