"""Findings → per-agent summary: counts by severity and rule, and scores."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from . import __version__
from .diagnostics import Diagnostics, Problem
from .model import SEVERITIES, UNASSIGNED, Conversation, Finding
from .rulebook import Rule

FULL_SCORE = 100.0


@dataclass
class AgentSummary:
    agent: str
    conversations: int = 0
    messages: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=dict)
    by_rule: dict[str, int] = field(default_factory=dict)
    score: float = FULL_SCORE

    def as_dict(self) -> dict[str, object]:
        return {
            "agent": self.agent, "conversations": self.conversations, "messages": self.messages,
            "findings": self.findings, "by_severity": self.by_severity, "by_rule": self.by_rule,
            "score": self.score,
        }


@dataclass
class Summary:
    files: int
    conversations: int
    messages: int
    findings: int
    skipped_records: int
    by_severity: dict[str, int]
    baselined: int = 0
    score: float = FULL_SCORE

    def as_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Report:
    summary: Summary
    agents: list[AgentSummary]
    findings: list[Finding]
    problems: list[Problem]
    rules: dict[str, Rule]
    version: str = __version__
    inputs: list[dict[str, object]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # every audited file, clean ones too (JUnit)

    def as_dict(self) -> dict[str, object]:
        return {
            "tool": {"name": "qa-audit", "version": self.version},
            "summary": self.summary.as_dict(),
            "agents": [agent.as_dict() for agent in self.agents],
            "findings": [finding.as_dict() for finding in self.findings],
            "inputs": self.inputs,
            "problems": [
                {"file": p.file, "line": p.line, "cause": p.cause, "skipped": p.skipped} for p in self.problems
            ],
        }


class ReportBuilder:
    """Collects conversations and their findings as they stream past."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = {rule.id: rule for rule in rules}
        self.findings: list[Finding] = []
        self.conversations = 0
        self.messages = 0
        self.baselined = 0
        self._agent_messages: Counter[str] = Counter()
        self._agent_scores: dict[str, list[float]] = defaultdict(list)

    def add(self, conversation: Conversation, findings: list[Finding]) -> None:
        self.conversations += 1
        self.messages += len(conversation.messages)
        self.findings.extend(findings)
        for message in conversation.messages:
            if message.role == "agent":
                self._agent_messages[message.agent or UNASSIGNED] += 1
        lost: Counter[str] = Counter()
        for finding in findings:
            lost[finding.agent] += finding.points
        for agent in dict.fromkeys(conversation.agents() + list(lost)):
            # Bonus (negative) points of good-practice rules make up for deductions, never past 100.
            self._agent_scores[agent].append(min(FULL_SCORE, max(0.0, FULL_SCORE - lost[agent])))

    def build(self, diagnostics: Diagnostics) -> Report:
        self.findings.sort()
        agents = {name: AgentSummary(name) for name in self._agent_scores}
        for finding in self.findings:
            agent = agents[finding.agent]
            agent.findings += 1
            agent.by_rule[finding.rule] = agent.by_rule.get(finding.rule, 0) + 1
            agent.by_severity[finding.severity] = agent.by_severity.get(finding.severity, 0) + 1
        for name, agent in agents.items():
            scores = self._agent_scores[name]
            agent.conversations = len(scores)
            agent.messages = self._agent_messages[name]
            agent.score = _mean(scores)
            agent.by_rule = dict(sorted(agent.by_rule.items()))
            agent.by_severity = {s: agent.by_severity[s] for s in SEVERITIES if s in agent.by_severity}
        ranked = sorted(agents.values(), key=lambda a: (a.score, -a.findings, a.agent))
        severities = Counter(finding.severity for finding in self.findings)
        summary = Summary(
            files=len(diagnostics.files),
            conversations=self.conversations,
            messages=self.messages,
            findings=len(self.findings),
            skipped_records=diagnostics.skipped_total,
            by_severity={s: severities.get(s, 0) for s in SEVERITIES},
            baselined=self.baselined,
            score=_mean([score for scores in self._agent_scores.values() for score in scores]),
        )
        return Report(summary, ranked, self.findings, sorted(diagnostics.problems), self.rules,
                      files=list(diagnostics.files), inputs=diagnostics.per_file())


def _mean(scores: list[float]) -> float:
    return round(sum(scores) / len(scores), 1) if scores else FULL_SCORE
