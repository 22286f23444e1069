"""`--format junit`: JUnit XML as GitLab and Jenkins read it, parsed here by junitparser."""

from __future__ import annotations

from dataclasses import replace

import pytest
from junitparser import Failure, JUnitXml

from ci_logs import CLEAN, CLEAN_FILE, FLAGGED_FILE, ODD_FILE, ODD_TEXT
from helpers import dedented
from qa_audit import audit
from qa_audit.render import RenderOptions, junit

# A good-practice rule's example: an apology with a concrete solution earns GP003's bonus points.
BONUS = """
    === C4 2024-05-01
    [10:00:00] 顾客: 衣服破了
    [10:00:20] 客服 小王: 实在抱歉,给您换新或者退款都可以,您选一个
"""


@pytest.fixture(scope="module")
def suites(audit_as) -> dict[str, list]:
    run = audit_as("junit")
    assert (run.code, run.err) == (1, ""), run
    assert run.out.startswith('<?xml version="1.0" encoding="UTF-8"?>\n')
    return {suite.name: list(suite) for suite in JUnitXml.fromstring(run.out.encode("utf-8"))}


def test_one_uniquely_named_failing_case_per_finding(suites, findings):
    failed = [(suite, case) for suite, cases in suites.items() for case in cases if not case.is_passed]
    assert [(case.classname, case.result[0].type) for _, case in failed] == [(f["file"], f["rule"]) for f in findings]
    assert all(suite == case.classname for suite, case in failed)
    names = [(suite, case.name) for suite, case in failed]
    assert len(set(names)) == len(names) == 4
    assert (FLAGGED_FILE, "SA001 line 3: 服务禁语「你别做梦了」") in names


def test_failure_carries_message_evidence_and_suggestion(suites):
    (case,) = suites[ODD_FILE]
    (failure,) = case.result
    assert isinstance(failure, Failure)
    assert (failure.type, failure.message) == ("SA001", "使用了服务禁语「你别做梦了」")
    # XML cannot carry BEL at all: it becomes U+FFFD; < & " and the newline come back intact.
    assert "原话:" + ODD_TEXT.replace("\a", "\ufffd") in failure.text
    assert "客服:小|王" in failure.text and "建议话术:" in failure.text


def test_a_clean_file_is_one_passing_case(suites):
    (case,) = suites[CLEAN_FILE]
    assert case.is_passed and case.classname == CLEAN_FILE


def test_renderer_passes_clean_files_and_bonus_findings(tmp_path, monkeypatch):
    """Until the builder fills Report.files: the renderer given the list, and a bonus finding."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text(dedented(CLEAN), encoding="utf-8")
    (tmp_path / "bonus.txt").write_text(dedented(BONUS), encoding="utf-8")
    report = audit(["clean.txt", "bonus.txt"])
    xml = junit.render(replace(report, files=["clean.txt", "bonus.txt"]), RenderOptions())
    suites = {suite.name: list(suite) for suite in JUnitXml.fromstring(xml.encode("utf-8"))}

    (clean,) = suites["clean.txt"]
    assert (clean.classname, clean.name, clean.is_passed) == ("clean.txt", "未发现问题", True)
    bonus = [case for case in suites["bonus.txt"] if case.name.startswith("GP003 ")]
    assert len(bonus) == 1 and bonus[0].is_passed and "加 2 分" in bonus[0].system_out
