"""qa-audit.yaml: found upward from the working directory, validated strictly, overridden by the CLI.

Every test runs the real command with its working directory in tmp_path, as a user runs it in a
project; the config changes something the user sees (a finding, the exit code, the files read).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from helpers import QA_AUDIT, dedented, qa_audit, rule_yaml


# One error: SA001 at line 4 (爱买不买), charged to 小王 (score 90).
FORBIDDEN = """
    === C1 2024-05-01
    [10:00:00] 顾客: 能便宜点吗?
    [10:00:20] 客服 小王: 您好,在的
    [10:00:30] 客服 小王: 爱买不买,就这个价
    [10:01:00] 顾客: 好的
"""
# One warning: SA005, the customer waited four minutes (line 3).
SLOW = """
    === C2 2024-05-01
    [10:00:00] 顾客: 在吗?我的快递到哪了
    [10:04:00] 客服 小王: 您好,我帮您查一下,已经到您所在的城市了
    [10:04:30] 顾客: 好的,谢谢
    [10:04:40] 客服 小王: 不客气,祝您生活愉快
"""
# Twelve minutes: over a 10m limit too.
VERY_SLOW = SLOW.replace("C2", "C3").replace("10:04:", "10:12:")
CLEAN = """
    === C4 2024-05-01
    [10:00:00] 顾客: 在吗?我的快递到哪了
    [10:00:40] 客服 小王: 您好,我帮您查一下,已经到您所在的城市了
    [10:01:00] 顾客: 好的,谢谢
    [10:01:20] 客服 小王: 不客气,祝您生活愉快
"""
BROKEN = "=== C5 2024-05-01\n[10:00:00] 顾客: 在吗\n这一行不是消息\n[10:00:20] 客服 小王: 您好,在的\n"





@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project directory (no config yet) below tmp_path, which no config file is above."""
    path = tmp_path / "project"
    path.mkdir()
    return path


def config(directory: Path, text: str, name: str = "qa-audit.yaml") -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedented(text), encoding="utf-8")
    return path


def log(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dedented(text), encoding="utf-8")
    return path


# --- finding the config --------------------------------------------------------------------------

def test_the_config_is_found_by_searching_upward_from_a_subdirectory(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    deeper = project / "team" / "week1"
    deeper.mkdir(parents=True)
    outside = qa_audit("audit", project / "logs", "--format", "json", cwd=project.parent)
    assert (outside.code, outside.rules()) == (1, ["SA001"]), outside

    config(project, "disable: [SA001]\n")
    run = qa_audit("audit", "../../logs", "--format", "json", cwd=deeper)
    assert (run.code, run.err) == (0, ""), run
    assert run.rules() == []


def test_the_nearest_config_wins_and_a_hidden_name_is_found(project):
    log(project, "logs/day1.txt", FORBIDDEN + SLOW)
    config(project, "disable: [SA001]\n")
    team = project / "team"
    config(team, "disable: [SA005]\n", name=".qa-audit.yaml")
    near = qa_audit("audit", "../logs", "--format", "json", cwd=team)
    assert (near.code, near.rules()) == (1, ["SA001"]), near
    far = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (far.code, far.rules()) == (0, ["SA005"]), far


def test_config_option_picks_another_file_with_paths_relative_to_it(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    config(project, "disable: [SA005]\n")  # found by search, but not used
    other = project / "ci" / "strict.yaml"
    config(other.parent, """
        extends: none
        rules: [team_rules/]
    """, name="strict.yaml")
    (other.parent / "team_rules").mkdir()
    (other.parent / "team_rules" / "price.yaml").write_text(
        rule_yaml("phrase", "phrases: [就这个价]", rule_id="TEAM01", name="fixed-price"), encoding="utf-8")
    run = qa_audit("audit", "logs", "--config", "ci/strict.yaml", "--format", "json", cwd=project)
    assert (run.code, run.err) == (1, ""), run
    assert [(f["rule"], f["match"]) for f in run.json()["findings"]] == [("TEAM01", "就这个价")]


def test_a_missing_config_option_file_exits_2(project):
    log(project, "logs/day1.txt", CLEAN)
    run = qa_audit("audit", "logs", "--config", "nope.yaml", cwd=project)
    assert (run.code, run.out) == (2, ""), run
    assert run.err == "error: --config nope.yaml: no such file\n"


# --- strict validation ---------------------------------------------------------------------------

def test_a_misspelled_key_exits_2_naming_file_line_and_key(project):
    log(project, "logs/day1.txt", CLEAN)
    config(project, """
        # 质检配置
        extends: default
        fail_onn: warning
    """)
    run = qa_audit("audit", "logs", cwd=project / "logs")
    assert (run.code, run.out) == (2, ""), run
    assert "qa-audit.yaml:3:" in run.err
    assert 'unknown key "fail_onn"' in run.err
    assert "Traceback" not in run.err
    assert len(run.err.strip().splitlines()) == 1


@pytest.mark.parametrize("typo, key", [("fail_onn", "fail_on"), ("baselines", "baseline"), ("strictt", "strict")])
def test_a_misspelled_gate_key_gets_a_did_you_mean_hint_like_other_keys(project, typo, key):
    log(project, "logs/day1.txt", CLEAN)
    config(project, f"{typo}: x\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert run.code == 2, run
    assert f'unknown key "{typo}" (did you mean "{key}"?)' in run.err


def test_a_misspelled_key_elsewhere_gets_a_hint(project):
    log(project, "logs/day1.txt", CLEAN)
    config(project, "disablee: [SA001]\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.out) == (2, ""), run
    assert run.err.startswith("error: ") and "qa-audit.yaml:1: " in run.err
    assert 'unknown key "disablee" (did you mean "disable"?)' in run.err


@pytest.mark.parametrize("text, line, problem", [
    ("fail_on: fatal\n", 1, "config.fail_on: expected one of error, warning, info, never, got 'fatal'"),
    ("max_findings: 1.5\n", 1, "config.max_findings: expected a whole number, got 1.5"),
    ("max_findings: -1\n", 1, "config.max_findings: must be at least 0"),
    ("extends: default\nmin_score: lots\n", 2, "config.min_score: expected a number, got text"),
    ("strict: maybe\n", 1, "config.strict: expected true or false"),
    ("extends: everything\n", 1, "config.extends: expected one of default, none"),
    ("disable: {SA001: true}\n", 1, "config.disable: expected a list of text"),
    ("overrides:\n  SA005: 10m\n", 2, "expected a mapping of settings"),
    ("fail_on: [error\n", 2, "invalid YAML"),
])
def test_bad_values_exit_2_with_file_and_line(project, text, line, problem):
    log(project, "logs/day1.txt", CLEAN)
    config(project, text)
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.out) == (2, ""), run
    assert f"qa-audit.yaml:{line}: " in run.err
    assert problem in run.err
    assert "Traceback" not in run.err


def test_an_empty_config_is_the_defaults(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    config(project, "# nothing yet\n")
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, run.err, run.rules()) == (1, "", ["SA001"]), run


# --- rules -----------------------------------------------------------------------------------------

def test_extends_none_with_own_rules_runs_only_those(project):
    log(project, "logs/day1.txt", FORBIDDEN + SLOW)
    (project / "qa_rules").mkdir()
    (project / "qa_rules" / "team.yaml").write_text(
        rule_yaml("phrase", "phrases: [就这个价]", rule_id="TEAM01", name="fixed-price", severity="warning"),
        encoding="utf-8")
    config(project, """
        extends: none
        rules:
          - qa_rules/
    """)
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, run.err) == (0, ""), run  # a warning does not fail the default gate
    assert [(f["rule"], f["line"]) for f in run.json()["findings"]] == [("TEAM01", 4)]

    listed = qa_audit("rules", "list", "--rules", "qa_rules", "--no-default-rules", cwd=project)
    assert [line.split()[0] for line in listed.out.splitlines()[1:]] == ["TEAM01"]


def test_rules_from_config_add_to_the_default_pack(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    (project / "team.yaml").write_text(rule_yaml("phrase", "phrases: [就这个价]", rule_id="TEAM01",
                                                 name="fixed-price"), encoding="utf-8")
    config(project, "rules: team.yaml\n")
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert sorted(run.rules()) == ["SA001", "TEAM01"], run


def test_disable_in_config_switches_rules_off_by_id_or_name(project):
    log(project, "logs/day1.txt", FORBIDDEN + SLOW)
    config(project, "disable: [forbidden-phrase, SA005]\n")
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, run.err, run.rules()) == (0, "", []), run


def test_enable_in_config_switches_a_rule_on(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    (project / "team.yaml").write_text(
        rule_yaml("phrase", "phrases: [就这个价]\nenabled: false", rule_id="TEAM01", name="fixed-price"),
        encoding="utf-8")
    config(project, "rules: [team.yaml]\n")
    off = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert off.rules() == ["SA001"], off
    config(project, "rules: [team.yaml]\nenable: [TEAM01]\n")
    on = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert sorted(on.rules()) == ["SA001", "TEAM01"], on


def test_overrides_change_a_default_rules_settings(project):
    log(project, "logs/day1.txt", SLOW + VERY_SLOW)
    default = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert [(f["rule"], f["conversation_id"]) for f in default.json()["findings"]] == [
        ("SA005", "C2"), ("SA005", "C3")]

    config(project, """
        overrides:
          SA005: {limit: 10m}
    """)
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, run.err) == (0, ""), run
    (finding,) = run.json()["findings"]
    assert (finding["rule"], finding["conversation_id"]) == ("SA005", "C3")
    assert "上限 10分钟" in finding["message"]


def test_overrides_change_severity_and_so_the_gate(project):
    log(project, "logs/day1.txt", SLOW)
    config(project, "overrides:\n  SA005: {severity: error, points: 20}\n")
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert run.code == 1, run
    (finding,) = run.json()["findings"]
    assert (finding["severity"], finding["points"]) == ("error", 20)
    assert run.json()["agents"][0]["score"] == 80


def test_overrides_of_an_unknown_rule_exit_2_naming_the_line(project):
    log(project, "logs/day1.txt", CLEAN)
    config(project, """
        overrides:
          SA005: {limit: 10m}
          SA999: {limit: 1m}
    """)
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.out) == (2, ""), run
    assert "qa-audit.yaml:3: overrides.SA999: no rule has this id" in run.err
    assert "Traceback" not in run.err


def test_overrides_with_an_unknown_setting_exit_2_naming_the_line(project):
    log(project, "logs/day1.txt", CLEAN)
    config(project, "timezone: Asia/Shanghai\noverrides:\n  SA005:\n    limitt: 10m\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.out) == (2, ""), run
    assert 'qa-audit.yaml:4: SA005: unknown key "limitt" (did you mean "limit"?)' in run.err


@pytest.mark.parametrize("text, line", [
    ("extends: default\ndisable: [SA999]\n", 2),
    ("extends: default\nfields:\n  textt: 聊天内容\n", 3),
    ("extends: default\ntimezone: Mars/Olympus\n", 2),
])
def test_bad_ids_and_names_in_the_config_name_the_config_file_and_line(project, text, line):
    log(project, "logs/day1.txt", CLEAN)
    config(project, text)
    run = qa_audit("audit", "logs", cwd=project)
    assert run.code == 2, run
    assert f"qa-audit.yaml:{line}" in run.err


# --- input ---------------------------------------------------------------------------------------

def test_fields_map_odd_column_names_of_a_csv(project):
    log(project, "logs/export.csv", """
        工单号,说话人,接待人,聊天内容,发生时刻
        T1,顾客,,能便宜点吗?,2024-05-01 10:00:00
        T1,客服,阿敏,爱买不买,2024-05-01 10:00:20
    """)
    without = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert without.json()["summary"]["skipped_records"] == 2, without

    config(project, """
        fields:
          conversation_id: 工单号
          role: 说话人
          agent: 接待人
          text: 聊天内容
          time: 发生时刻
    """)
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, run.err) == (1, ""), run
    report = run.json()
    assert report["summary"]["skipped_records"] == 0
    (finding,) = [f for f in report["findings"] if f["rule"] == "SA001"]
    assert (finding["agent"], finding["conversation_id"], finding["line"], finding["time"]) == (
        "阿敏", "T1", 3, "2024-05-01T10:00:20+08:00")


def test_a_field_option_adds_to_the_config_fields(project):
    log(project, "logs/export.csv", "工单号,角色,接待人,聊天内容\nT1,客服,阿敏,爱买不买\n")
    config(project, "fields: {conversation_id: 工单号, text: 聊天内容}\n")
    run = qa_audit("audit", "logs", "--field", "agent=接待人", "--format", "json", cwd=project)
    assert [(f["rule"], f["agent"]) for f in run.json()["findings"] if f["rule"] == "SA001"] == [("SA001", "阿敏")]


def test_include_and_exclude_globs_choose_a_directorys_files(project):
    log(project, "logs/2024-05/day1.txt", FORBIDDEN)
    log(project, "logs/2024-05/drafts/try.txt", FORBIDDEN)
    log(project, "logs/drafts/old.txt", FORBIDDEN)
    log(project, "logs/export.jsonl", '{"conversation_id": "J1", "role": "agent", "agent": "小王", "text": "爱买不买"}\n')
    everything = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert everything.json()["summary"]["files"] == 4

    config(project, """
        include: ["**/*.txt"]
        exclude: ["**/drafts/**"]
    """)
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, run.err) == (1, ""), run
    report = run.json()
    assert [row["file"] for row in report["inputs"]] == ["logs/2024-05/day1.txt"]
    assert {f["file"] for f in report["findings"]} == {"logs/2024-05/day1.txt"}


def test_exclude_alone_leaves_every_other_file(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    log(project, "logs/day1.jsonl", '{"conversation_id": "J1", "role": "agent", "agent": "小王", "text": "您好"}\n')
    config(project, "exclude: ['*.txt']\n")
    run = qa_audit("audit", "logs", "--format", "json", cwd=project)
    assert (run.code, [row["file"] for row in run.json()["inputs"]]) == (0, ["logs/day1.jsonl"]), run


# --- the gate from the config, and the CLI over it -----------------------------------------------

def test_fail_on_from_config(project):
    log(project, "logs/day1.txt", SLOW)
    assert qa_audit("audit", "logs", cwd=project).code == 0
    config(project, "fail_on: warning\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.err) == (1, ""), run
    cli = qa_audit("audit", "logs", "--fail-on", "error", cwd=project)
    assert (cli.code, cli.err) == (0, ""), cli


def test_max_findings_from_config(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    config(project, "max_findings: 1\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.err) == (0, ""), run
    cli = qa_audit("audit", "logs", "--max-findings", "0", cwd=project)
    assert (cli.code, cli.err) == (1, ""), cli


def test_min_score_from_config(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    config(project, "fail_on: never\nmin_score: 95\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.err) == (1, ""), run  # 小王 scores 90
    cli = qa_audit("audit", "logs", "--min-score", "90", cwd=project)
    assert (cli.code, cli.err) == (0, ""), cli


def test_strict_from_config(project):
    log(project, "logs/day1.txt", BROKEN)
    config(project, "strict: true\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert run.code == 2, run
    assert "logs/day1.txt:3: skipped: not a message line" in run.err
    cli = qa_audit("audit", "logs", "--no-strict", cwd=project)
    assert cli.code == 0, cli


def test_baseline_from_config_is_relative_to_the_config_file(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    (project / "ci").mkdir()
    written = qa_audit("audit", "logs", "--write-baseline", "ci/known.json", cwd=project)
    assert written.err == "wrote 1 findings to the baseline ci/known.json\n", written
    config(project / "ci", "baseline: known.json\n")
    run = qa_audit("audit", "logs", "--config", "ci/qa-audit.yaml", "--format", "json", cwd=project)
    assert (run.code, run.err) == (0, ""), run
    assert (run.json()["summary"]["findings"], run.json()["summary"]["baselined"]) == (0, 1)


@pytest.mark.parametrize("where, path", [("logs", "."), ("project", "ABSOLUTE")])
def test_the_config_baseline_matches_from_a_subdirectory_or_an_absolute_path(project, where, path):
    log(project, "logs/day1.txt", FORBIDDEN)
    qa_audit("audit", "logs", "--write-baseline", ".qa-audit-baseline.json", cwd=project)
    config(project, "baseline: .qa-audit-baseline.json\n")
    assert qa_audit("audit", "logs", cwd=project).code == 0
    cwd = project / "logs" if where == "logs" else project
    run = qa_audit("audit", project / "logs" if path == "ABSOLUTE" else path, "--format", "json", cwd=cwd)
    assert (run.code, run.json()["summary"]["baselined"]) == (0, 1), run


def test_a_baseline_option_replaces_the_config_baseline(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    (project / "empty.json").write_text('{"findings": []}', encoding="utf-8")
    qa_audit("audit", "logs", "--write-baseline", "known.json", cwd=project)
    config(project, "baseline: known.json\n")
    assert qa_audit("audit", "logs", cwd=project).code == 0
    run = qa_audit("audit", "logs", "--baseline", "empty.json", "--format", "json", cwd=project)
    assert (run.code, run.rules()) == (1, ["SA001"]), run


def test_a_missing_baseline_named_in_the_config_exits_2(project):
    log(project, "logs/day1.txt", CLEAN)
    config(project, "baseline: nope.json\n")
    run = qa_audit("audit", "logs", cwd=project)
    assert (run.code, run.out) == (2, ""), run
    assert "nope.json: cannot read the baseline" in run.err


def test_cli_disable_adds_to_the_config(project):
    log(project, "logs/day1.txt", FORBIDDEN + SLOW)
    config(project, "disable: [SA005]\n")
    run = qa_audit("audit", "logs", "--disable", "SA001", "--format", "json", cwd=project)
    assert (run.code, run.rules()) == (0, []), run


def test_cli_enable_wins_over_config_disable(project):
    log(project, "logs/day1.txt", FORBIDDEN)
    config(project, "disable: [SA001]\n")
    run = qa_audit("audit", "logs", "--enable", "SA001", "--format", "json", cwd=project)
    assert run.rules() == ["SA001"], run


# --- qa-audit init ---------------------------------------------------------------------------------

def test_init_writes_a_config_and_a_workflow_that_load(project):
    run = qa_audit("init", cwd=project)
    assert (run.code, run.err) == (0, ""), run
    assert run.out == "wrote qa-audit.yaml\nwrote .github/workflows/qa-audit.yml\n"
    written = yaml.safe_load((project / "qa-audit.yaml").read_text(encoding="utf-8"))
    assert (written["extends"], written["fail_on"], written["timezone"]) == ("default", "error", "Asia/Shanghai")
    workflow = yaml.safe_load((project / ".github/workflows/qa-audit.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["qa-audit"]["steps"]
    assert any("qa-audit audit" in step.get("run", "") for step in steps)

    # The written config loads: a following audit in that directory runs normally.
    log(project, "transcripts/day1.txt", FORBIDDEN)
    audit = qa_audit("audit", "transcripts", "--format", "json", cwd=project)
    assert (audit.code, audit.err, audit.rules()) == (1, "", ["SA001"]), audit
    log(project, "transcripts/day1.txt", CLEAN)
    clean = qa_audit("audit", "transcripts", cwd=project)
    assert (clean.code, clean.err) == (0, ""), clean


def test_init_twice_exits_2_and_keeps_the_files(project):
    assert qa_audit("init", cwd=project).code == 0
    config(project, "fail_on: warning\n")
    again = qa_audit("init", cwd=project)
    assert (again.code, again.out) == (2, ""), again
    assert "already exist" in again.err and "--force" in again.err
    assert "qa-audit.yaml" in again.err and ".github/workflows/qa-audit.yml" in again.err
    assert (project / "qa-audit.yaml").read_text(encoding="utf-8") == "fail_on: warning\n"


def test_init_force_overwrites(project):
    assert qa_audit("init", cwd=project).code == 0
    original = (project / "qa-audit.yaml").read_text(encoding="utf-8")
    config(project, "fail_on: warning\n")
    (project / ".github/workflows/qa-audit.yml").write_text("# mine\n", encoding="utf-8")
    run = qa_audit("init", "--force", cwd=project)
    assert (run.code, run.err) == (0, ""), run
    assert (project / "qa-audit.yaml").read_text(encoding="utf-8") == original
    assert "qa-audit audit" in (project / ".github/workflows/qa-audit.yml").read_text(encoding="utf-8")


def test_init_with_only_one_of_the_files_present_refuses_too(project):
    config(project, "fail_on: warning\n")
    run = qa_audit("init", cwd=project)
    assert run.code == 2, run
    assert not (project / ".github").exists()


def test_the_init_workflow_step_fails_when_qa_audit_finds_an_error(project, tmp_path):
    qa_audit("init", cwd=project)
    log(project, "transcripts/day1.txt", FORBIDDEN)
    workflow = yaml.safe_load((project / ".github/workflows/qa-audit.yml").read_text(encoding="utf-8"))
    steps = [step for step in workflow["jobs"]["qa-audit"]["steps"] if "run" in step]
    (gate,) = [step for step in steps if "--format github" in step["run"]]
    (summary,) = [step for step in steps if "GITHUB_STEP_SUMMARY" in step["run"]]
    env = {**os.environ, "PATH": f"{QA_AUDIT.parent}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md")}

    def run_step(step: dict) -> subprocess.CompletedProcess[bytes]:
        # What the runner does with a `run:` step: `bash -e {0}`, or with `shell: bash` also pipefail.
        shell = ["bash", "--noprofile", "--norc", "-eo", "pipefail"] if step.get("shell") == "bash" else ["bash", "-e"]
        script = tmp_path / "step.sh"
        script.write_text(step["run"] + "\n", encoding="utf-8")
        return subprocess.run([*shell, str(script)], cwd=project, env=env, capture_output=True, timeout=120)

    done = run_step(gate)
    assert b"::error file=transcripts/day1.txt,line=4" in done.stdout
    assert done.returncode != 0, "the CI step passed although qa-audit found an error"
    assert run_step(summary).returncode == 0
    written = (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert written.startswith("<!-- qa-audit summary -->\n## qa-audit 质检报告")
    assert "::error" not in written and "SA001" in written
