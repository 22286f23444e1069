"""Learnt n-gram models: a rule's `model:` block adds hits its phrase lists do not name."""

from __future__ import annotations

import pytest

from helpers import hits, rule_yaml
from qa_audit.learned import load_model
from qa_audit.schema import RuleError

# A tiny hand-made model: 滚蛋 and 懒得 push a line toward RUDE, 谢谢 toward clean.
MODEL = "\n".join([
    "# test model",
    "labels\tclean\tRUDE\tLAZY",
    "bias\t2.0\t-1.0\t-1.0",
    "滚蛋\t-2.0\t4.0\t0.0",
    "懒得\t-1.0\t0.5\t3.5",
    "谢谢\t3.0\t-1.0\t-1.0",
]) + "\n"

LOG = """
    === C1 2024-05-01
    [10:00:00] 顾客: 这个能便宜点吗
    [10:00:10] 客服 小王: 不能,滚蛋吧你,别来烦
    [10:00:20] 客服 小王: 好的,谢谢您,滚蛋这个词我不会说的
    [10:00:30] 客服 小王: 我懒得跟你解释
    [10:00:40] 顾客: 滚蛋
"""


def model_rule(label: str = "RUDE", threshold: float = 0.5, extra: str = "", phrases: str = "[不存在的词]") -> str:
    return rule_yaml("phrase", f"""
        phrases: {phrases}
        model:
          file: models/test.tsv
          label: {label}
          threshold: {threshold}
        {extra}
    """)


@pytest.fixture
def model_rules(write, rules_from):
    write("models/test.tsv", MODEL)
    return lambda **kw: rules_from(model_rule(**kw))


def test_the_model_flags_agent_lines_its_label_wins(model_rules, audit_log):
    report = audit_log(model_rules(), LOG)
    # Line 4 says 滚蛋 but 谢谢 keeps it clean; line 5 leans to LAZY, not RUDE; customers are never scored.
    assert hits(report) == [("T001", 3, "小王", "滚蛋吧你")]


def test_each_label_gets_its_own_lines(model_rules, audit_log):
    assert [f.line for f in audit_log(model_rules(label="LAZY"), LOG).findings] == [5]


def test_a_higher_threshold_flags_fewer_lines(model_rules, audit_log):
    # Line 3 is not clean with probability ≈ 0.95.
    assert [f.line for f in audit_log(model_rules(threshold=0.9), LOG).findings] == [3]
    assert audit_log(model_rules(threshold=0.99), LOG).findings == []


def test_a_line_the_phrases_already_flag_is_reported_once(model_rules, audit_log):
    report = audit_log(model_rules(phrases="[滚蛋吧]"), LOG)
    assert hits(report) == [("T001", 3, "小王", "滚蛋吧")]


def test_the_model_file_is_found_beside_the_rule_file(write, audit_log):
    from qa_audit.rulebook import load_rules

    write("pack/models/test.tsv", MODEL)
    rules = load_rules([write("pack/rules.yaml", model_rule())], include_default=False)
    assert [f.line for f in audit_log(rules, LOG).findings] == [3]


@pytest.mark.parametrize("settings, problem", [
    ("label: NOPE", "the model has no rule label 'NOPE' (labels: RUDE, LAZY)"),
    ("label: clean", "the model has no rule label 'clean'"),
    ("label: RUDE\n  threshold: 2", "must be between 0 and 1, got 2.0"),
    ("label: RUDE\n  treshold: 0.5", "treshold"),
])
def test_a_bad_model_block_names_the_rule_file_line_and_key(write, rules_from, settings, problem):
    write("models/test.tsv", MODEL)
    text = rule_yaml("phrase", "phrases: [x]\nmodel:\n  file: models/test.tsv\n  " + settings)
    with pytest.raises(RuleError) as error:
        rules_from(text)
    assert error.value.file.endswith("rules.yaml")
    assert error.value.line > 0
    assert problem in str(error.value)


def test_a_missing_model_file_is_a_rule_error(rules_from):
    with pytest.raises(RuleError) as error:
        rules_from(rule_yaml("phrase", "phrases: [x]\nmodel:\n  file: models/none.tsv\n  label: RUDE"))
    assert "T001.model.file" in str(error.value)
    assert "cannot read the model" in str(error.value)


@pytest.mark.parametrize("content, line, problem", [
    ("bias\t1\t2\n", 1, "a model starts with a `labels` line"),
    ("labels\tclean\tX\nbias\t1\n", 2, "expected 2 weights, got 1"),
    ("labels\tclean\tX\nbias\t1\tzwei\n", 2, "weights must be numbers"),
    ("labels\tclean\tX\n滚\t1\t2\n", 2, "the `labels` line is followed by a `bias` line"),
    ("# only a comment\n", 0, "not a model file"),
])
def test_a_malformed_model_file_names_its_line(write, content, line, problem):
    path = write("bad.tsv", content)
    with pytest.raises(RuleError) as error:
        load_model.__wrapped__(str(path))
    assert (error.value.file, error.value.line) == (str(path), line)
    assert problem in str(error.value)


def two_rules_sharing_the_model() -> str:
    rude = rule_yaml("phrase", """
        phrases: [懒得]
        model: {file: models/test.tsv, label: RUDE, threshold: 0.5}
    """, rule_id="R001", name="rude")
    lazy = rule_yaml("phrase", """
        phrases: [不存在的词]
        model: {file: models/test.tsv, label: LAZY, threshold: 0.5}
    """, rule_id="L001", name="lazy")
    return rude + lazy.removeprefix("rules:\n")


def test_a_line_one_rule_of_the_model_flags_is_not_scored_for_another(write, audit_log):
    from qa_audit.rulebook import load_rules

    write("models/test.tsv", MODEL)
    rules = write("rules.yaml", two_rules_sharing_the_model())
    both = audit_log(load_rules([rules], include_default=False), LOG)
    # Line 5 (懒得) is R001's by its phrase list, though the model leans to LAZY.
    assert [(f.rule, f.line) for f in both.findings] == [("R001", 3), ("R001", 5)]
    # Switched off, R001 still keeps its lines from L001: the user said not to report them.
    off = audit_log(load_rules([rules], include_default=False, disable=["R001"]), LOG)
    assert off.findings == []
    # Without R001 at all, the model gives line 5 to LAZY.
    alone = write("lazy.yaml", rule_yaml("phrase", """
        phrases: [不存在的词]
        model: {file: models/test.tsv, label: LAZY, threshold: 0.5}
    """, rule_id="L001", name="lazy"))
    assert [(f.rule, f.line) for f in audit_log(load_rules([alone], include_default=False), LOG).findings] == [
        ("L001", 5)]
