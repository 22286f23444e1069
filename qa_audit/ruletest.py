"""Rule examples as tests: every `examples.hit` must hit its rule, every `examples.miss` must not."""

from __future__ import annotations

from dataclasses import dataclass, field

from .conversations import conversations
from .diagnostics import Diagnostics
from .engine import Auditor
from .formats import ReadOptions, record_messages
from .formats.transcript import parse
from .model import Conversation, Message
from .rulebook import Example, Rule, RuleSet


@dataclass
class RuleResult:
    rule: Rule
    true_positives: int = 0
    false_negatives: list[Example] = field(default_factory=list)
    false_positives: list[Example] = field(default_factory=list)
    true_negatives: int = 0
    broken: list[tuple[Example, str]] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return not (self.false_negatives or self.false_positives or self.broken)


def example_conversations(rule: Rule, example: Example) -> tuple[list[Conversation], list[str]]:
    """A one-line example is one message in the rule's role; a longer one is transcript text."""
    lines = example.text.splitlines()
    if any(line.lstrip().startswith("===") for line in lines):
        diagnostics = Diagnostics()
        numbered = [(example.line + 1 + offset, line + "\n") for offset, line in enumerate(lines)]
        records = parse(numbered, rule.file, diagnostics)
        messages = [m for r in records for m in record_messages(r, ReadOptions(), diagnostics)]
        return list(conversations(messages, diagnostics)), [str(p) for p in diagnostics.problems]
    role = getattr(rule.settings, "role", "agent")
    message = Message("example", role, example.text, None, agent="示例" if role == "agent" else None,
                      file=rule.file, line=example.line)
    return [Conversation("example", rule.file, [message])], []


def test_rule(rule: Rule, auditor: Auditor) -> RuleResult:
    result = RuleResult(rule)
    for expected_hit, examples in ((True, rule.hit_examples), (False, rule.miss_examples)):
        for example in examples:
            found, problems = example_conversations(rule, example)
            if problems or not found:
                result.broken.append((example, "; ".join(problems) or "no messages in the example"))
                continue
            hit = any(auditor.hits_of(rule, auditor.view(c)) for c in found)
            if expected_hit and hit:
                result.true_positives += 1
            elif expected_hit:
                result.false_negatives.append(example)
            elif hit:
                result.false_positives.append(example)
            else:
                result.true_negatives += 1
    return result


def test_rules(ruleset: RuleSet, files: set[str] | None = None) -> list[RuleResult]:
    """Test every rule, or only the rules defined in the given files."""
    auditor = Auditor(ruleset)
    return [test_rule(rule, auditor) for rule in ruleset.rules if files is None or rule.file in files]
