"""Loading rule files: strict validation naming file, line and key; overrides, lexicons, --disable."""

from __future__ import annotations

import pytest

from helpers import rule_yaml
from qa_audit.rulebook import load_rules
from qa_audit.schema import RuleError

# Line numbers are part of what is tested, so the rule is written out whole.
QUESTION_RULE = """\
rules:
  - id: TEAM01
    name: no-rhetoric
    title: 反问
    severity: error
    points: 5
    kind: question
    sequences:
      - [难道, 吗]
      - [不是, 吗]
    max_gap: 4
    message: "反问「{match}」"
"""


def load_error(write, text: str, name: str = "team.yaml", include_default: bool = False) -> RuleError:
    path = write(name, text)
    with pytest.raises(RuleError) as caught:
        load_rules([path], include_default=include_default)
    return caught.value


def test_a_valid_rule_file_loads(write):
    ruleset = load_rules([write("team.yaml", QUESTION_RULE)], include_default=False)
    (rule,) = ruleset.rules
    assert (rule.id, rule.name, rule.title, rule.severity, rule.points, rule.kind) == (
        "TEAM01", "no-rhetoric", "反问", "error", 5, "question")
    assert (rule.line, rule.enabled) == (2, True)


def test_a_misspelled_key_names_file_line_and_key_and_suggests_the_right_one(write):
    error = load_error(write, QUESTION_RULE.replace("max_gap: 4", "max_gapp: 4"))
    path = write("team.yaml", "")  # the same path, for the message
    assert str(error) == f'{path}:11: TEAM01: unknown key "max_gapp" (did you mean "max_gap"?)'
    assert (error.file, error.line) == (str(path), 11)


@pytest.mark.parametrize("old, new, line, message", [
    ("kind: question", "kind: questions", 7, 'TEAM01.kind: expected one of phrase, question'),
    ("severity: error", "severity: fatal", 5, "TEAM01.severity: expected one of error, warning, info, got 'fatal'"),
    ("points: 5", "points: five", 6, "TEAM01.points: expected a number, got text"),
    ("max_gap: 4", "max_gap: [4]", 11, "TEAM01.max_gap: expected a number, got a list"),
    ('message: "反问「{match}」"', 'message: "反问「{matched}」"', 12, 'TEAM01.message: unknown placeholder "{matched}"'),
    ("name: no-rhetoric", "name: No_Rhetoric", 3, "TEAM01.name: names are kebab-case"),
    ("id: TEAM01", "id: 01-TEAM", 2, "ids are a letter then letters/digits"),
])
def test_each_mistake_names_file_line_and_key(write, old, new, line, message):
    error = load_error(write, QUESTION_RULE.replace(old, new))
    assert error.line == line
    assert str(error).startswith(f"{error.file}:{line}: ")
    assert message in str(error)
    assert error.file.endswith("team.yaml")


def test_a_bad_regex_names_the_line_of_the_pattern(write):
    error = load_error(write, rule_yaml("phrase", """
        patterns:
          - '说了\\d+遍'
          - '(没办法'
    """))
    assert error.line == 11
    assert "T001.patterns[1]: bad regex" in str(error)


def test_a_missing_key_names_the_rule(write):
    error = load_error(write, QUESTION_RULE.replace("    severity: error\n", ""))
    assert (error.line, str(error).split(": ", 1)[1]) == (2, 'TEAM01: missing key "severity"')


def test_a_duplicate_id_names_both_places(write):
    second = QUESTION_RULE.replace("rules:\n", "").replace("no-rhetoric", "no-rhetoric-2")
    error = load_error(write, QUESTION_RULE + second)
    assert error.line == 13
    assert "TEAM01: duplicate rule id (first defined in" in str(error)
    assert str(error).endswith("team.yaml:2)")


def test_a_duplicate_id_across_files_names_both_files(write):
    first = write("a.yaml", QUESTION_RULE)
    second = write("b.yaml", QUESTION_RULE)
    with pytest.raises(RuleError, match=rf"^{second}:2: TEAM01: duplicate rule id \(first defined in {first}:2\)"):
        load_rules([first, second], include_default=False)


def test_an_unknown_lexicon_lists_the_known_ones(write):
    error = load_error(write, rule_yaml("phrase", "phrases: ['@soothin']"), include_default=True)
    assert error.line == 9
    assert 'T001.phrases: unknown lexicon "soothin"' in str(error)
    assert "soothing" in str(error)


def test_lexicons_need_the_default_pack_or_their_own_definition(write):
    error = load_error(write, rule_yaml("phrase", "phrases: ['@soothing']"))
    assert 'unknown lexicon "soothing" (known: none)' in str(error)
    own = "lexicons:\n  rude: [滚, 闭嘴]\n" + rule_yaml("phrase", "phrases: ['@rude']")
    assert load_rules([write("own.yaml", own)], include_default=False).rules[0].id == "T001"


def test_invalid_yaml_names_its_line(write):
    error = load_error(write, QUESTION_RULE.replace("      - [不是, 吗]", "      - [不是, 吗"))
    assert "invalid YAML" in str(error)
    assert error.line >= 10


def test_a_key_written_twice_is_an_error(write):
    error = load_error(write, QUESTION_RULE.replace("    points: 5\n", "    points: 5\n    points: 6\n"))
    assert error.line == 7
    assert "duplicate key 'points'" in str(error)


def test_an_unknown_top_level_key(write):
    error = load_error(write, QUESTION_RULE.replace("rules:", "rulez:"))
    assert (error.line, 'unknown key "rulez" (did you mean "rules"?)' in str(error)) == (1, True)


def test_a_missing_rule_file_is_an_error(tmp_path):
    with pytest.raises(RuleError, match="no such rule file or directory"):
        load_rules([tmp_path / "nope.yaml"], include_default=False)


def test_a_directory_of_rule_files_is_read_recursively(write, tmp_path):
    write("team/a.yaml", QUESTION_RULE)
    write("team/more/b.yml", rule_yaml("phrase", "phrases: [滚]", rule_id="TEAM02", name="team-two"))
    write("team/notes.txt", "not a rule file")
    ruleset = load_rules([tmp_path / "team"], include_default=False)
    assert [rule.id for rule in ruleset.rules] == ["TEAM01", "TEAM02"]


def test_a_bad_sequence_names_the_line_of_the_sequence(write):
    error = load_error(write, QUESTION_RULE.replace("      - [不是, 吗]", "      - {a: 1}"))
    assert "TEAM01.sequences[1]" in str(error)
    assert error.line == 10


# --- overrides ---------------------------------------------------------------------------------

def test_a_user_file_overrides_severity_points_and_limit_of_a_default_rule(write):
    ruleset = load_rules([write("team.yaml", """\
        overrides:
          SA001:
            severity: warning
            points: 2
          SA005: {limit: 10m, working_hours: ["09:00-18:00"]}
    """)])
    sa001, sa005 = ruleset.get("SA001"), ruleset.get("SA005")
    assert (sa001.severity, sa001.points) == ("warning", 2)
    default = load_rules()
    assert sa001.title == default.get("SA001").title
    assert sa005.settings.limit == 600
    assert sa005.settings.channel_limits == default.get("SA005").settings.channel_limits


def test_overrides_change_what_the_audit_reports(write, audit_log):
    ruleset = load_rules([write("team.yaml", "overrides:\n  SA005: {limit: 10m}\n  SA001: {severity: info}\n")])
    report = audit_log(ruleset, """
        === C1 2024-05-01
        [10:00:00] 顾客: 在吗,这个有货吗?
        [10:05:00] 客服 小王: 爱买不买
    """)
    severities = {f.rule: f.severity for f in report.findings}
    assert severities["SA001"] == "info"
    assert "SA005" not in severities


def test_an_override_can_switch_a_rule_off(write):
    ruleset = load_rules([write("team.yaml", "overrides:\n  SA008: {enabled: false}\n")])
    assert ruleset.get("SA008").enabled is False
    assert "SA008" not in [rule.id for rule in ruleset.enabled]


def test_override_mistakes_name_the_users_file_and_line(write):
    error = load_error(write, "overrides:\n  SA001:\n    severity: fatal\n", include_default=True)
    assert (error.file.endswith("team.yaml"), error.line) == (True, 3)
    assert "SA001.severity: expected one of error, warning, info" in str(error)

    error = load_error(write, "overrides:\n  SA001:\n    pointz: 1\n", include_default=True)
    assert (error.file.endswith("team.yaml"), error.line) == (True, 3)
    assert 'unknown key "pointz" (did you mean "points"?)' in str(error)

    error = load_error(write, "lexicons: {}\noverrides:\n  SA999: {points: 1}\n", include_default=True)
    assert (error.line, "overrides.SA999: no rule has this id" in str(error)) == (3, True)


# --- lexicons ----------------------------------------------------------------------------------

NEW_SOOTHING_LINE = """
    === C1 2024-05-01
    [10:00:00] 顾客: 我的货呢
    [10:00:10] 客服 小王: 给您添堵了
    [10:00:20] 顾客: 什么时候发?
    [10:00:30] 客服 小王: 给您添堵了
    [10:00:40] 顾客: 说话啊?
    [10:00:50] 客服 小王: 给您添堵了
"""


def test_a_word_added_to_a_default_lexicon_is_used_by_the_default_rule(write, audit_log):
    plain = audit_log(load_rules(), NEW_SOOTHING_LINE)
    assert "SA006" not in [f.rule for f in plain.findings]

    ruleset = load_rules([write("team.yaml", "lexicons:\n  soothing: [给您添堵了]\n")])
    assert "给您添堵了" in ruleset.lexicons["soothing"]
    assert "抱歉" in ruleset.lexicons["soothing"]  # merged, not replaced
    report = audit_log(ruleset, NEW_SOOTHING_LINE)
    assert [(f.rule, f.line) for f in report.findings if f.rule == "SA006"] == [("SA006", 7)]


# --- disable -----------------------------------------------------------------------------------

def test_rules_are_disabled_by_id_or_name_in_any_case():
    ruleset = load_rules(disable=["sa008", "repeated-soothing"])
    disabled = sorted(rule.id for rule in ruleset.rules if not rule.enabled)
    assert disabled == ["SA006", "SA008"]


def test_a_disabled_rule_reports_nothing(audit_log):
    log = """
        === C1 2024-05-01
        [10:00:00] 顾客: 什么时候发货?
        [10:00:10] 客服 小王: [微笑]
    """
    assert "SA008" in [f.rule for f in audit_log(load_rules(), log).findings]
    assert "SA008" not in [f.rule for f in audit_log(load_rules(disable=["SA008"]), log).findings]


def test_disabling_an_unknown_rule_is_an_error():
    with pytest.raises(RuleError, match="sa999: no rule has this id or name"):
        load_rules(disable=["SA999"])


# --- bugs found while writing these tests --------------------------------------------------------

def test_a_regex_with_an_inline_flag_loads(write, audit_log):
    ruleset = load_rules([write("team.yaml", rule_yaml("phrase", r"patterns: ['(?i)vip\d']"))],
                         include_default=False)
    report = audit_log(ruleset, "=== C1\n客服 小王: 您是VIP3会员\n")
    assert [f.match for f in report.findings] == ["VIP3"]


def test_loading_one_rule_set_does_not_change_how_another_matches(write, audit_log):
    whole_word = rule_yaml("phrase", "whole_word: true\nphrases: [洗衣机]", rule_id="B001", name="b-rule")
    log = "=== C1\n客服 小王: 这款波轮洗衣机很好\n"
    before = audit_log(load_rules([write("b.yaml", whole_word)], include_default=False), log)
    assert [f.match for f in before.findings] == ["洗衣机"]

    load_rules([write("a.yaml", rule_yaml("phrase", "phrases: [波轮洗衣]", rule_id="A001", name="a-rule"))],
               include_default=False)
    after = audit_log(load_rules([write("b.yaml", whole_word)], include_default=False), log)
    assert [f.match for f in after.findings] == ["洗衣机"]


@pytest.mark.parametrize("message", ["反问「{match」", "反问「match}」"])
def test_a_message_with_an_unbalanced_brace_names_file_and_line(write, message):
    error = load_error(write, QUESTION_RULE.replace('"反问「{match}」"', f'"{message}"'))
    assert error.line == 12
    assert "TEAM01.message" in str(error)


@pytest.mark.parametrize("template", ["客户 {sinse} 的消息没有回复", "客户 {since 的消息没有回复"])
def test_the_unanswered_message_template_is_checked_when_the_rule_loads(write, template):
    error = load_error(write, rule_yaml("reply_time", f'unanswered_message: "{template}"', message="{wait}"))
    assert error.line == 9
    assert "T001.unanswered_message" in str(error)
