"""The real `qa-audit` command on real files: exit code, stdout and stderr checked together."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from helpers import QA_AUDIT, qa_audit, rule_yaml


CLEAN = """
    === C1 2024-05-01
    [10:00:00] 顾客: 在吗?我的快递到哪了
    [10:00:40] 客服 小王: 您好,我帮您查一下,已经到您所在的城市了
    [10:01:00] 顾客: 好的,谢谢
    [10:01:20] 客服 小王: 不客气,祝您生活愉快
"""
FORBIDDEN = """
    === C1 2024-05-01
    [10:00:00] 顾客: 能便宜点吗?
    [10:00:30] 客服 小王: 爱买不买,就这个价
    [10:01:00] 顾客: 好的
"""
# Only SA005 (a warning): the customer waited four minutes.
SLOW = """
    === C1 2024-05-01
    [10:00:00] 顾客: 在吗?我的快递到哪了
    [10:04:00] 客服 小王: 您好,我帮您查一下,已经到您所在的城市了
    [10:04:30] 顾客: 好的,谢谢
    [10:04:40] 客服 小王: 不客气,祝您生活愉快
"""





@pytest.fixture(autouse=True)
def in_tmp_path(tmp_path, monkeypatch):
    """Run every command in tmp_path, where an empty config stops the search for a qa-audit.yaml above."""
    (tmp_path / "qa-audit.yaml").write_text("# no settings: the defaults\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)


def test_the_console_script_is_installed():
    assert QA_AUDIT.exists(), f"no qa-audit next to {sys.executable}: install the package first"


# --- exit codes ----------------------------------------------------------------------------------

def test_the_same_logs_give_the_same_findings_in_every_process():
    # Each process teaches jieba the rules' words afresh, in an order set by string hashing.
    logs = [Path(__file__).parent / "fixtures" / "eval" / name for name in ("daily.txt", "specialty.txt")]
    findings = []
    for seed in ("1", "3"):
        done = subprocess.run([str(QA_AUDIT), "audit", *map(str, logs), "--format", "json", "--fail-on", "never"],
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        findings.append(json.loads(done.stdout)["findings"])
    assert findings[0] == findings[1]


def test_a_clean_log_exits_0(write):
    run = qa_audit("audit", write("clean.txt", CLEAN))
    assert (run.code, run.err) == (0, "")
    assert "没有发现问题" in run.out


def test_a_finding_at_error_exits_1_and_is_reported_on_stdout(write):
    run = qa_audit("audit", write("chat.txt", FORBIDDEN))
    assert (run.code, run.err) == (1, ""), run
    assert "SA001" in run.out and "服务禁语" in run.out


def test_fail_on_never_exits_0_with_the_same_findings(write):
    run = qa_audit("audit", write("chat.txt", FORBIDDEN), "--fail-on", "never")
    assert (run.code, run.err) == (0, ""), run
    assert "SA001" in run.out


def test_warnings_fail_only_when_asked(write):
    path = write("slow.txt", SLOW)
    default = qa_audit("audit", path, "--format", "json")
    assert [f["severity"] for f in json.loads(default.out)["findings"]] == ["warning"]
    assert default.code == 0
    strict = qa_audit("audit", path, "--fail-on", "warning")
    assert (strict.code, strict.err) == (1, ""), strict


def test_a_bad_rule_file_exits_2_naming_file_and_line_without_a_traceback(write):
    rules = write("team.yaml", rule_yaml("question", "sequences: [[难道, 吗]]\nmax_gapp: 3"))
    run = qa_audit("audit", write("clean.txt", CLEAN), "--rules", rules)
    assert run.code == 2, run
    assert run.out == ""
    assert run.err.strip() == f'error: {rules}:10: T001: unknown key "max_gapp" (did you mean "max_gap"?)'
    assert "Traceback" not in run.err


def test_strict_turns_a_skipped_record_into_exit_2(write):
    path = write("day1.jsonl", '{"conversation_id": "C1", "role": "customer", "text": "在吗"}\n{oops\n')
    lenient = qa_audit("audit", path)
    assert lenient.code == 0, lenient
    assert f"warning: {path}:2: skipped: invalid JSON" in lenient.err
    assert "跳过 1 条记录" in lenient.out

    strict = qa_audit("audit", path, "--strict")
    assert strict.code == 2, strict
    assert f"{path}:2: skipped: invalid JSON" in strict.err


def test_a_missing_input_file_is_said_and_fails_under_strict(tmp_path):
    missing = tmp_path / "nope.jsonl"
    run = qa_audit("audit", missing)
    assert f"{missing}: skipped: no such file" in run.err
    assert "Traceback" not in run.err
    assert qa_audit("audit", missing, "--strict").code == 2


@pytest.mark.parametrize("args, message", [
    (["--format", "xml"], "--format 'xml': choose one of table, json, csv"),
    (["--fail-on", "fatal"], "--fail-on 'fatal': choose one of error, warning, info, never"),
    (["--timezone", "Mars/Olympus"], "--timezone: unknown time zone"),
    (["--field", "words=聊天内容"], "--field 'words=聊天内容': expected FIELD=COLUMN"),
    (["--disable", "SA999"], "sa999: no rule has this id or name"),
    (["--rules", "no-such-rules.yaml"], "no-such-rules.yaml: no such rule file or directory"),
])
def test_usage_errors_exit_2_with_one_clear_line(write, args, message):
    run = qa_audit("audit", write("clean.txt", CLEAN), *args)
    assert run.code == 2, run
    assert run.out == ""
    assert message in run.err
    assert "Traceback" not in run.err


def test_no_paths_at_all_is_a_usage_error():
    run = qa_audit("audit")
    assert run.code == 2
    assert "Traceback" not in run.err


# --- report formats --------------------------------------------------------------------------------

def test_json_report_has_the_spec_keys(write):
    run = qa_audit("audit", write("chat.txt", FORBIDDEN), "--format", "json")
    assert (run.code, run.err) == (1, ""), run
    report = json.loads(run.out)
    assert report["tool"] == {"name": "qa-audit", "version": version("qa-audit")}
    assert {"files", "conversations", "messages", "findings", "skipped_records"} <= set(report["summary"])
    assert (report["summary"]["files"], report["summary"]["conversations"], report["summary"]["messages"]) == (1, 1, 3)
    (agent,) = report["agents"]
    assert {"agent", "conversations", "messages", "findings", "by_rule", "score"} <= set(agent)
    assert (agent["agent"], agent["conversations"], agent["messages"]) == ("小王", 1, 1)
    finding = next(f for f in report["findings"] if f["rule"] == "SA001")
    assert {"rule", "name", "title", "severity", "points", "agent", "conversation_id", "message_id", "time",
            "file", "line", "text", "match", "message", "suggestion"} <= set(finding)
    assert (finding["agent"], finding["conversation_id"], finding["message_id"], finding["line"]) == ("小王", "C1", "C1#2", 3)
    assert finding["time"] == "2024-05-01T10:00:30+08:00"
    assert finding["match"] == "爱买不买"
    assert agent["by_rule"]["SA001"] == 1
    assert agent["score"] == 100 - sum(f["points"] for f in report["findings"] if f["agent"] == "小王")
    assert "\\u" not in run.out  # Chinese stays readable


def test_csv_report_has_a_bom_and_one_row_per_finding(write):
    run = qa_audit("audit", write("chat.txt", FORBIDDEN + SLOW.replace("C1", "C2")), "--format", "csv")
    assert run.code == 1, run
    assert run.raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(run.out.removeprefix("\ufeff"))))
    as_json = json.loads(qa_audit("audit", write("chat.txt", FORBIDDEN + SLOW.replace("C1", "C2")),
                                  "--format", "json").out)
    assert len(rows) == len(as_json["findings"]) >= 2
    assert [(r["rule"], r["conversation_id"], r["line"]) for r in rows] == [
        (f["rule"], f["conversation_id"], str(f["line"])) for f in as_json["findings"]]
    assert rows[0]["title"] and rows[0]["agent"] == "小王"


def test_csv_cells_cannot_run_as_excel_formulas(write):
    path = write("chat.txt", "=== C1 2024-05-01\n[10:00:00] 顾客: 多少钱\n[10:00:10] 客服 小王: =HYPERLINK(\"x\") 爱买不买\n")
    run = qa_audit("audit", path, "--format", "csv")
    (row,) = [r for r in csv.DictReader(io.StringIO(run.out.removeprefix("\ufeff"))) if r["rule"] == "SA001"]
    assert not row["text"].startswith("=")


def test_the_table_shows_agents_rules_and_with_details_the_evidence(write):
    path = write("chat.txt", FORBIDDEN)
    plain = qa_audit("audit", path)
    assert "小王" in plain.out and "SA001" in plain.out
    assert "建议:" not in plain.out
    detailed = qa_audit("audit", path, "--details")
    assert "顾客:能便宜点吗?" in detailed.out
    assert "客服:爱买不买,就这个价" in detailed.out
    assert f"{path}:3" in detailed.out
    assert "建议:" in detailed.out
    assert "\x1b[" not in detailed.out  # no colour codes when not a terminal


def test_output_writes_the_whole_report_and_leaves_no_temporary_file(write, tmp_path):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "report.json"
    run = qa_audit("audit", write("chat.txt", FORBIDDEN), "--format", "json", "--output", target)
    assert (run.code, run.out, run.err) == (1, "", "")
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["findings"] >= 1
    assert [p.name for p in out_dir.iterdir()] == ["report.json"]

    # Again over an existing report: replaced whole, still nothing else left behind.
    run = qa_audit("audit", write("clean.txt", CLEAN), "--format", "csv", "-o", target)
    assert run.code == 0
    assert target.read_bytes().startswith(b"\xef\xbb\xbfrule,")
    assert [p.name for p in out_dir.iterdir()] == ["report.json"]


def test_output_onto_an_input_file_never_destroys_the_log(write):
    log = write("chat.txt", FORBIDDEN)
    before = log.read_bytes()
    run = qa_audit("audit", log, "--output", log)
    assert log.read_bytes() == before, run
    assert "Traceback" not in run.err


def test_output_into_a_missing_directory_is_an_error(write, tmp_path):
    run = qa_audit("audit", write("clean.txt", CLEAN), "-o", tmp_path / "missing" / "report.txt")
    assert run.code == 2, run
    assert "Traceback" not in run.err


# --- inputs ---------------------------------------------------------------------------------------

def test_dash_reads_stdin(write):
    record = {"conversation_id": "C1", "role": "agent", "agent": "小王", "text": "爱买不买"}
    run = qa_audit("audit", "-", "--format", "json", stdin=json.dumps(record, ensure_ascii=False).encode() + b"\n")
    assert run.code == 1, run
    (finding,) = [f for f in json.loads(run.out)["findings"] if f["rule"] == "SA001"]
    assert (finding["file"], finding["line"]) == ("-", 1)


def test_dash_reads_a_transcript_from_stdin():
    run = qa_audit("audit", "-", "--format", "json", stdin=("=== C1 2024-05-01\n[10:00:00] 顾客: 多少钱\n"
                                                          "[10:00:10] 客服 小王: 爱买不买\n").encode())
    assert [(f["rule"], f["line"]) for f in json.loads(run.out)["findings"] if f["rule"] == "SA001"] == [("SA001", 3)]


def test_directories_are_read_recursively(write, tmp_path):
    write("logs/day1.jsonl", '{"conversation_id": "C1", "time": "2024-05-01 10:00:00", "role": "agent", '
                             '"agent": "小王", "text": "您好"}\n')
    write("logs/may/day2.txt", FORBIDDEN)
    write("logs/may/export.csv", "会话ID,时间,角色,客服,内容\nC9,2024-05-01 10:00,客服,阿敏,好的\n".encode("gb18030"))
    write("logs/notes.md", "# not a chat log")
    write("logs/.cache/old.jsonl", '{"conversation_id": "X", "role": "agent", "text": "滚"}\n')
    run = qa_audit("audit", "logs", "--format", "json", cwd=tmp_path)
    report = json.loads(run.out)
    assert report["summary"]["files"] == 3
    assert report["summary"]["conversations"] == 3
    assert {f["file"] for f in report["findings"] if f["rule"] == "SA001"} == {str(Path("logs/may/day2.txt"))}
    assert run.err == ""


def test_field_option_maps_a_column(write):
    path = write("export.csv", "会话ID,角色,接待人,聊天内容\nC1,顾客,,多少钱\nC1,客服,小王,爱买不买\n")
    run = qa_audit("audit", path, "--format", "json", "--field", "text=聊天内容", "--field", "agent=接待人")
    report = json.loads(run.out)
    assert report["summary"]["skipped_records"] == 0
    assert [(f["rule"], f["agent"]) for f in report["findings"] if f["rule"] == "SA001"] == [("SA001", "小王")]


def test_the_input_files_are_unchanged_byte_for_byte(write):
    paths = [
        write("day1.jsonl", '\ufeff{"conversation_id": "C1", "role": "customer", "text": "在吗"}\n{bad\n'),
        write("export.csv", "会话ID,角色,客服,内容\r\nC1,客服,小王,爱买不买\r\n".encode("gb18030")),
        write("chat.txt", FORBIDDEN),
    ]
    before = [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths]
    qa_audit("audit", *paths, "--details")
    qa_audit("audit", *paths, "--format", "csv", "-o", paths[0].with_name("report.csv"))
    assert [hashlib.sha256(p.read_bytes()).hexdigest() for p in paths] == before


def test_rule_options_disable_add_and_replace_rules(write):
    path = write("chat.txt", FORBIDDEN)
    disabled = qa_audit("audit", path, "--format", "json", "--disable", "SA001,emoji-only")
    assert "SA001" not in {f["rule"] for f in json.loads(disabled.out)["findings"]}
    assert disabled.code == 0

    team = write("team.yaml", rule_yaml("phrase", "phrases: [就这个价]", rule_id="TEAM01", name="team-one",
                                        severity="info", points=1))
    only_team = qa_audit("audit", path, "--format", "json", "--no-default-rules", "--rules", team)
    assert [(f["rule"], f["match"]) for f in json.loads(only_team.out)["findings"]] == [("TEAM01", "就这个价")]
    assert only_team.code == 0


# --- version and rules commands -------------------------------------------------------------------

def test_version():
    run = qa_audit("--version")
    assert (run.code, run.out, run.err) == (0, f"qa-audit {version('qa-audit')}\n", "")


def test_rules_list_shows_every_rule():
    run = qa_audit("rules", "list")
    assert run.code == 0, run
    for rule_id, name in (("SA001", "forbidden-phrase"), ("SA005", "reply-timeout"), ("SA008", "emoji-only")):
        assert any(line.startswith(rule_id) and name in line for line in run.out.splitlines()), rule_id


def test_rules_list_marks_a_rule_switched_off_by_a_user_file(write):
    team = write("team.yaml", "overrides:\n  SA008: {enabled: false}\n")
    run = qa_audit("rules", "list", "--rules", team)
    (line,) = [line for line in run.out.splitlines() if line.startswith("SA008")]
    assert "(disabled)" in line


@pytest.mark.parametrize("name", ["SA001", "sa001", "forbidden-phrase"])
def test_rules_show_renders_the_rule_file(name):
    run = qa_audit("rules", "show", name)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.startswith("SA001 forbidden-phrase")
    assert "标准条款:" in run.out
    assert "建议话术:" in run.out
    assert "examples hit" in run.out and "examples miss" in run.out
    assert "你别做梦了" in run.out  # a hit example
    assert "滚筒洗衣机" in run.out  # a miss example
    assert "rules/attitude.yaml:" in run.out


def test_rules_show_an_unknown_rule_exits_2():
    run = qa_audit("rules", "show", "SA999")
    assert run.code == 2
    assert "no rule 'SA999'" in run.err


def test_rules_test_passes_on_the_default_pack():
    run = qa_audit("rules", "test")
    assert (run.code, run.err) == (0, ""), run
    assert "SA001" in run.out
    assert " 0 failed" in run.out.splitlines()[-1]


def test_rules_test_of_the_bundled_folder_reads_it_once():
    from qa_audit.rulebook import default_pack

    run = qa_audit("rules", "test", default_pack())
    assert (run.code, run.err) == (0, ""), run
    assert "SA001" in run.out
    assert " 0 failed" in run.out.splitlines()[-1]


def test_rules_test_of_an_edited_copy_of_the_pack_needs_no_default_rules(tmp_path):
    copy = tmp_path / "pack"
    shutil.copytree(Path(__file__).resolve().parents[1] / "rules", copy)
    attitude = copy / "attitude.yaml"
    attitude.write_text(attitude.read_text(encoding="utf-8").replace(
        "        - 亲,这个价格是到底价了哦\n", "        - 亲,这个价格是到底价了哦\n        - 你到底买不买?\n"), encoding="utf-8")

    beside = qa_audit("rules", "test", copy)
    assert beside.code == 2, beside
    assert "SA001: duplicate rule id" in beside.err and "--no-default-rules" in beside.err

    instead = qa_audit("rules", "test", "--no-default-rules", copy)
    assert instead.code == 1, instead
    assert f"{attitude}:" in instead.out and "SA004: miss example hit: 你到底买不买?" in instead.out
    assert instead.out.splitlines()[-1].endswith(" 1 failed")


def test_rules_test_names_the_failing_example_with_file_and_line(write):
    team = write("team.yaml", """\
        rules:
          - id: TEAM01
            name: team-one
            title: 团队禁语
            severity: error
            points: 1
            kind: phrase
            phrases: [滚蛋]
            message: "禁语「{match}」"
            examples:
              hit:
                - 你滚蛋
                - 这个很好用的
              miss:
                - 您好
                - 滚蛋是骂人的话,我们不说
    """)
    run = qa_audit("rules", "test", team)
    assert run.code == 1, run
    assert "Traceback" not in run.err
    assert f"{team}:13: TEAM01: hit example did not hit" in run.out
    assert f"{team}:16: TEAM01: miss example hit" in run.out
    assert "SA001" not in run.out  # only the rules of the files named
    assert run.out.splitlines()[-1] == "0 passed, 1 failed"


def test_rules_test_of_a_good_user_file_exits_0(write):
    team = write("team.yaml", rule_yaml("phrase", "phrases: [滚蛋]\nexamples:\n  hit: [你滚蛋]\n  miss: [您好, 滚动播放]",
                                        rule_id="TEAM01", name="team-one"))
    run = qa_audit("rules", "test", team)
    assert (run.code, run.err) == (0, ""), run
    assert run.out.splitlines()[-1] == "1 passed, 0 failed"
