"""The default rule pack: every rule's examples are tests, and the pack keeps its promises."""

from __future__ import annotations

import re

import pytest

from qa_audit import audit, ruletest  # ruletest as a module: its test_* functions must not be collected
from qa_audit.rulebook import RuleSet, load_rules
from qa_audit.schema import RuleError


def _pack() -> RuleSet | RuleError:
    # A broken pack must fail its tests, not stop the whole suite at collection.
    try:
        return load_rules()
    except RuleError as error:
        return error


PACK = _pack()
RULE_IDS = [rule.id for rule in PACK.rules] if isinstance(PACK, RuleSet) else ["(pack does not load)"]

# SPEC section 3: ids and names are stable codes users suppress and grep for.
SPEC_RULES = {
    "SA001": "forbidden-phrase", "SA002": "rhetorical-question", "SA003": "shirking",
    "SA004": "impatience", "SA005": "reply-timeout", "SA006": "repeated-soothing",
    "SA007": "repeated-solution", "SA008": "emoji-only", "SA009": "complaint-neglect",
    "SA010": "complaint-guidance", "SA011": "sensitive-complaint", "SA012": "emotion-unsoothed",
    "SA013": "challenge-unanswered", "SA014": "forced-end",
}


@pytest.fixture(scope="module")
def pack() -> RuleSet:
    if isinstance(PACK, RuleError):
        pytest.fail(f"the default pack does not load: {PACK}")
    return PACK


@pytest.fixture(scope="module")
def results(pack) -> dict[str, ruletest.RuleResult]:
    return {result.rule.id: result for result in ruletest.test_rules(pack)}


def test_the_default_pack_loads():
    assert isinstance(PACK, RuleSet), str(PACK)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_rule_examples(results, rule_id):
    result = results[rule_id]
    rule = result.rule
    problems = (
        [f"{rule.file}:{e.line}: hit example did not hit: {e.text!r}" for e in result.false_negatives]
        + [f"{rule.file}:{e.line}: miss example hit: {e.text!r}" for e in result.false_positives]
        + [f"{rule.file}:{e.line}: example cannot be read: {why}" for e, why in result.broken]
    )
    assert not problems, "\n".join(problems)
    assert result.true_positives == len(rule.hit_examples)
    assert result.true_negatives == len(rule.miss_examples)


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_every_rule_has_a_hit_and_at_least_two_realistic_misses(pack, rule_id):
    rule = pack.get(rule_id)
    assert len(rule.hit_examples) >= 1, f"{rule_id} has no hit example"
    assert len(rule.miss_examples) >= 2, f"{rule_id} needs at least two miss examples"


def test_ids_are_unique(pack):
    ids = [rule.id for rule in pack.rules]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_example_conversations_of_a_rule_have_distinct_ids(pack, rule_id):
    # `rules test` and `rules show` name an example conversation by its id.
    rule = pack.get(rule_id)
    ids = [id_ for example in (*rule.hit_examples, *rule.miss_examples)
           for id_ in re.findall(r"^\s*=== (\S+)", example.text, re.MULTILINE)]
    assert sorted(ids) == sorted(set(ids)), sorted({id_ for id_ in ids if ids.count(id_) > 1})


@pytest.mark.parametrize("rule_id", RULE_IDS)
def test_names_are_kebab_case_and_titles_chinese(pack, rule_id):
    rule = pack.get(rule_id)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name
    assert re.search(r"[\u4e00-\u9fff]", rule.title), rule.title
    assert rule.message.strip()


@pytest.mark.parametrize("rule_id, name", sorted(SPEC_RULES.items()))
def test_the_spec_rules_exist_with_their_names(pack, rule_id, name):
    rule = pack.get(rule_id)
    assert rule is not None, f"{rule_id} ({name}) is missing from the default pack"
    assert rule.name == name
    assert rule.enabled
    assert rule.clause, f"{rule_id} should name the clause of the standard it enforces"


def test_the_standards_blanks_have_the_documented_defaults(pack):
    reply = pack.get("SA005").settings
    assert reply.limit == 180
    assert reply.limit_for("phone") == 30
    assert pack.get("SA006").settings.max == 2


# Realistic agent lines that break no rule. A hit here is a false positive (SPEC: "False positives
# are bugs"). Each is audited after a harmless customer line; only the rules that judge the
# agent's words (phrase, question) are asked about.
HARMLESS = [
    "您好,请问有什么可以帮您?",
    "不是偏大,是标准尺码,按平时的码数拍就可以",
    "这个不是赠品哦,需要单独拍下的,您看可以吗?",
    "实在抱歉,这个颜色停产了,没办法补货,给您推荐同款的米白色可以吗?",
    "这款基础款是没办法调温的哦",
    "这款滚筒洗衣机是变频的哦",
    "滚动播放的视频里有详细介绍",
    "傻瓜相机操作很简单的,老人也会用",
    "您是不是拍错尺码了呢?我帮您看一下",
    "不着急的,您慢慢挑",
    "好的,我帮您催一下仓库",
    "不是的,您收到了吗?",
    "不是哦,您看一下说明书好吗?",
    "没空的话可以晚点再联系我们",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_harmless_agent_lines_hit_no_rule(pack, write, text):
    path = write("harmless.txt", f"=== C1 2024-05-01\n[10:00:00] 顾客: 你好,在吗?\n[10:00:10] 客服 小王: {text}\n")
    report = audit([path], rules=pack)
    word_rules = [f.rule for f in report.findings if pack.get(f.rule).kind in ("phrase", "question")]
    assert word_rules == []
