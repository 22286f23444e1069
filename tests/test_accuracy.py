"""Rule accuracy on conversations written independently of the rules, samples and other tests.

tests/fixtures/eval/core.txt breaks SA001-SA008 (and has clean near-misses); complaints.txt breaks
SA009-SA014; mixed.txt (banks, telecom, travel, delivery), trades.txt (airline, 4S shop,
pharmacy, gym, courier …) and services.txt (games, repairs, property management, ride-hailing,
hospitals …) and shops.txt (Taobao/JD/Douyin shops) break all fourteen. Each comes with its writer's labels:
conversation_id,rule (an empty rule = clean).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from qa_audit import audit
from qa_audit.evaluate import against_labels, read_labels

EVAL = Path(__file__).parent / "fixtures" / "eval"
CORE = frozenset(f"SA00{n}" for n in range(1, 9))
COMPLAINTS = frozenset(f"SA0{n:02d}" for n in range(9, 15))


@lru_cache(maxsize=None)
def corpus(name: str) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(labels, rules with an error or warning finding) per conversation."""
    found: dict[str, set[str]] = {}
    for finding in audit([EVAL / f"{name}.txt"]).findings:
        if finding.severity in ("error", "warning"):
            found.setdefault(finding.conversation_id, set()).add(finding.rule)
    return read_labels(EVAL / f"{name}_labels.csv"), found


# (corpus, rule group, least share of breaking conversations caught, most share of false alarms)
GATES = [
    ("core", CORE, 0.9, 0.1), ("mixed", CORE, 0.9, 0.1), ("trades", CORE, 0.9, 0.1),
    ("complaints", COMPLAINTS, 0.8, 0.15), ("mixed", COMPLAINTS, 0.8, 0.15), ("trades", COMPLAINTS, 0.8, 0.15),
    ("services", COMPLAINTS, 0.8, 0.15), ("shops", COMPLAINTS, 0.8, 0.15),
]


@pytest.mark.parametrize("name, group, least_caught, most_false", GATES)
def test_rules_catch_the_conversations_that_break_them(name, group, least_caught, most_false):
    labels, found = corpus(name)
    breaking = {c for c, broken in labels.items() if broken & group}
    caught = {c for c in breaking if labels[c] & found.get(c, set()) & group}
    assert len(breaking) >= 25
    assert len(caught) / len(breaking) >= least_caught, sorted(breaking - caught)


@pytest.mark.parametrize("name, group, least_caught, most_false", GATES)
def test_rules_raise_few_false_alarms(name, group, least_caught, most_false):
    labels, found = corpus(name)
    innocent = {c for c, broken in labels.items() if not broken & group}
    falsely_flagged = {c for c in innocent if found.get(c, set()) & group}
    flagged = {c for c in labels if found.get(c, set()) & group}
    wrong = {c for c in flagged if not (found[c] & labels[c] & group)}
    assert len(falsely_flagged) / len(innocent) <= most_false, sorted(falsely_flagged)
    assert len(wrong) / len(flagged) <= most_false, sorted(wrong)


@pytest.mark.parametrize("rule", sorted(CORE))
def test_each_core_rule_on_its_own_corpus(rule):
    labels, found = corpus("core")
    (score,) = against_labels(labels, found, [rule])
    innocent = sum(1 for broken in labels.values() if rule not in broken)
    assert score.recall is not None and score.recall >= 0.8, score.missed
    assert score.false_positives / innocent <= 0.1, score.false_alarms


@pytest.mark.parametrize("name", ["core", "complaints", "mixed", "trades", "services", "shops"])
def test_clean_conversations_get_no_error_or_warning(name):
    labels, found = corpus(name)
    clean = {c for c, broken in labels.items() if not broken}
    assert len(clean) >= 24
    assert {c: found[c] for c in clean if c in found} == {}
