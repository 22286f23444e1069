"""Rule accuracy on conversations written independently of the rules, samples and other tests.

tests/fixtures/eval/core.txt breaks SA001-SA008 (and has clean near-misses); complaints.txt breaks
SA009-SA014; mixed.txt (banks, telecom, travel, delivery) and trades.txt (airline, 4S shop,
pharmacy, gym, courier …) break all fourteen. Each comes with its writer's labels:
conversation_id,rule (an empty rule = clean).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_audit import audit
from qa_audit.evaluate import against_labels, read_labels

EVAL = Path(__file__).parent / "fixtures" / "eval"
CORE = [f"SA00{n}" for n in range(1, 9)]
COMPLAINTS = [f"SA0{n:02d}" for n in range(9, 15)]


def flagged(corpus: Path) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for finding in audit([corpus]).findings:
        if finding.severity in ("error", "warning"):
            found.setdefault(finding.conversation_id, set()).add(finding.rule)
    return found


@pytest.fixture(scope="module")
def core() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return read_labels(EVAL / "core_labels.csv"), flagged(EVAL / "core.txt")


@pytest.fixture(scope="module")
def complaints() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return read_labels(EVAL / "complaints_labels.csv"), flagged(EVAL / "complaints.txt")


@pytest.fixture(scope="module")
def mixed() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return read_labels(EVAL / "mixed_labels.csv"), flagged(EVAL / "mixed.txt")


@pytest.fixture(scope="module")
def trades() -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    return read_labels(EVAL / "trades_labels.csv"), flagged(EVAL / "trades.txt")


def breaking(labels: dict[str, set[str]], rules: list[str]) -> set[str]:
    return {conversation for conversation, broken in labels.items() if broken & set(rules)}


@pytest.mark.parametrize("corpus", ["core", "mixed", "trades"])
def test_core_rules_catch_nine_in_ten_violating_conversations(corpus, request):
    labels, found = request.getfixturevalue(corpus)
    violating = breaking(labels, CORE)
    caught = {c for c in violating if labels[c] & found.get(c, set()) & set(CORE)}
    assert len(violating) >= 40
    assert len(caught) / len(violating) >= 0.9, sorted(violating - caught)


@pytest.mark.parametrize("corpus", ["core", "mixed", "trades"])
def test_core_rules_flag_at_most_one_in_ten_innocent_conversations(corpus, request):
    labels, found = request.getfixturevalue(corpus)
    innocent = {c for c, broken in labels.items() if not broken & set(CORE)}
    flagged_innocent = {c for c in innocent if found.get(c, set()) & set(CORE)}
    assert len(flagged_innocent) / len(innocent) <= 0.1, sorted(flagged_innocent)


@pytest.mark.parametrize("rule", CORE)
def test_core_rule_false_alarms_at_most_one_in_ten(core, rule):
    labels, found = core
    (score,) = against_labels(labels, found, [rule])
    innocent = sum(1 for broken in labels.values() if rule not in broken)
    assert score.false_positives / innocent <= 0.1, score.false_alarms
    assert score.recall is not None and score.recall >= 0.8, score.missed


@pytest.mark.parametrize("corpus", ["complaints", "mixed", "trades"])
def test_complaint_rules_catch_four_in_five_violating_conversations(corpus, request):
    labels, found = request.getfixturevalue(corpus)
    violating = breaking(labels, COMPLAINTS)
    caught = {c for c in violating if labels[c] & found.get(c, set()) & set(COMPLAINTS)}
    assert len(violating) >= 30
    assert len(caught) / len(violating) >= 0.8, sorted(violating - caught)


@pytest.mark.parametrize("corpus", ["complaints", "mixed", "trades"])
def test_complaint_rules_false_alarms_at_most_fifteen_percent(corpus, request):
    labels, found = request.getfixturevalue(corpus)
    flagged_conversations = {c for c in labels if found.get(c, set()) & set(COMPLAINTS)}
    wrong = {c for c in flagged_conversations if not (found[c] & labels[c] & set(COMPLAINTS))}
    assert len(wrong) / len(flagged_conversations) <= 0.15, sorted(wrong)


@pytest.mark.parametrize("corpus", ["core", "complaints", "mixed", "trades"])
def test_clean_conversations_get_no_error_or_warning(corpus, request):
    labels, found = request.getfixturevalue(corpus)
    clean = {c for c, broken in labels.items() if not broken}
    assert len(clean) >= 30
    assert {c: found[c] for c in clean if c in found} == {}
