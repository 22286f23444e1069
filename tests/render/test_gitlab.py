"""`--format gitlab`: a GitLab Code Quality report."""

from __future__ import annotations

import json

import pytest

from ci_logs import FLAGGED_FILE


@pytest.fixture(scope="module")
def issues(audit_as) -> list[dict]:
    run = audit_as("gitlab")
    assert (run.code, run.err) == (1, ""), run
    assert "使用了服务禁语" in run.out  # Chinese stays readable
    return json.loads(run.out)


def test_is_a_list_of_issues_with_the_required_keys(issues, findings):
    assert isinstance(issues, list) and len(issues) == len(findings)
    for issue in issues:
        assert {"description", "check_name", "fingerprint", "severity", "location"} <= set(issue)
        assert issue["description"] and issue["check_name"]
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert isinstance(issue["location"]["path"], str)
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1


def test_issues_point_at_each_finding(issues, findings):
    assert [(i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"]) for i in issues] == [
        (f["rule"], f["file"], f["line"]) for f in findings
    ]
    assert ("SA001", FLAGGED_FILE, 3, "major") in [
        (i["check_name"], i["location"]["path"], i["location"]["lines"]["begin"], i["severity"]) for i in issues
    ]


def test_fingerprints_are_unique_even_for_identical_lines(issues):
    fingerprints = [issue["fingerprint"] for issue in issues]
    assert len(set(fingerprints)) == len(fingerprints) == 4
    identical = [i["fingerprint"] for i in issues if i["location"]["lines"]["begin"] in (5, 7)]
    assert identical[1] == identical[0] + ":2"
