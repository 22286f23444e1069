"""Checks: every enabled rule over one conversation, turning the kinds' hits into findings."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Iterable, Iterator

from . import learned
from .diagnostics import Diagnostics
from .fingerprint import fingerprints
from .kinds import KINDS
from .model import UNASSIGNED, Conversation, Finding
from .patterns import PatternTimeout
from .rulebook import Rule, RuleSet
from .text import MessageText, normalize
from .view import ConversationView, Hit


class _Values(dict):
    """Template values; an unknown name stays as written instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


class Auditor:
    """Applies a rule set to conversations."""

    def __init__(self, ruleset: RuleSet, diagnostics: Diagnostics | None = None, root: Path | None = None) -> None:
        self.ruleset = ruleset
        self.root = root  # fingerprints count paths from here
        self.rules = ruleset.enabled
        self.diagnostics = diagnostics or Diagnostics()
        self._timed_rules = [rule.id for rule in self.rules if getattr(KINDS[rule.kind], "NEEDS_TIME", False)]
        # Rules that share a model split its labels: a line one of them flags is not scored again,
        # even when that rule is switched off (「--disable SA001」 keeps SA001's lines unreported).
        self._model_family = {
            rule.id: [other for other in ruleset.rules if other.model and other.model.model is rule.model.model]
            for rule in ruleset.rules if rule.model is not None
        }

    def view(self, conversation: Conversation) -> ConversationView:
        index, cutter = self.ruleset.index, self.ruleset.cutter
        texts = []
        for message in conversation.messages:
            norm = normalize(message.text)
            texts.append(MessageText(norm, index.scan(norm), cutter))
        return ConversationView(conversation, texts)

    def check(self, conversation: Conversation) -> list[Finding]:
        """All findings of one conversation, in file/line/rule order."""
        view = self.view(conversation)
        if self._timed_rules:
            self._note_untimed(conversation)
        kind_hits = {rule.id: self._kind_hits(rule, view) for rule in self.rules}
        findings = []
        for rule in self.rules:
            if kind_hits[rule.id] is None:
                continue
            hits = self._hits(rule, view, kind_hits)
            if rule.max_per_conversation is not None:
                hits = hits[:rule.max_per_conversation]
            findings.extend(self._finding(rule, view, hit) for hit in hits if not self._suppressed(rule, view, hit))
        findings.sort()
        return [replace(finding, fingerprint=fp) for finding, fp in zip(findings, fingerprints(findings, self.root))]

    def check_all(self, conversations: Iterable[Conversation]) -> Iterator[tuple[Conversation, list[Finding]]]:
        for conversation in conversations:
            yield conversation, self.check(conversation)

    def hits_of(self, rule: Rule, view: ConversationView) -> list[Hit]:
        """One rule's hits in a conversation, found as `check` finds them (for `rules test`)."""
        return self._hits(rule, view, {rule.id: self._kind_hits(rule, view)})

    def _kind_hits(self, rule: Rule, view: ConversationView, warn: bool = True) -> list[Hit] | None:
        """The rule's kind's hits, or None when its patterns ran out of time (said in a warning)."""
        try:
            return list(KINDS[rule.kind].check(rule.settings, view))
        except PatternTimeout as timeout:
            if warn:
                first = view.messages[0]
                self.diagnostics.warn(first.file, first.line, f"{rule.id} skipped for conversation "
                                      f"{view.conversation.id}: {timeout} (check the rule's patterns)")
            return None

    def _hits(self, rule: Rule, view: ConversationView, kind_hits: dict[str, list[Hit] | None]) -> list[Hit]:
        """The kind's hits, then the model's on lines no rule of the model's family flagged."""
        own = kind_hits[rule.id] or []
        if rule.model is None:
            return own
        family = self._model_family[rule.id]
        for member in family:
            if member.id not in kind_hits:  # switched off: its lines stay its own
                kind_hits[member.id] = self._kind_hits(member, view, warn=False)
        flagged = {hit.index for member in family for hit in kind_hits[member.id] or ()}
        excuses = getattr(KINDS[rule.kind], "excuses", None)
        if excuses is not None:
            flagged.update(index for index in view.indices("agent") if excuses(rule.settings, view, index))
        return sorted([*own, *learned.check(rule.model, view, flagged)], key=lambda hit: hit.index)

    def _suppressed(self, rule: Rule, view: ConversationView, hit: Hit) -> bool:
        """A `# qa-audit: disable=RULE` comment covers this hit; the comment is marked as used."""
        message = view.messages[hit.index]
        for rule_id, line in message.suppressed:
            if rule_id in (rule.id.upper(), "ALL"):
                self.diagnostics.suppressions[(message.file, line, rule_id)] = True
                return True
        return False

    def _note_untimed(self, conversation: Conversation) -> None:
        for message in conversation.messages:
            if message.time is None:
                self.diagnostics.warn_once(
                    "untimed", message.file, message.line,
                    f"message without a time: {', '.join(self._timed_rules)} skip messages without "
                    "a time (said once per run)",
                )
                return

    def _finding(self, rule: Rule, view: ConversationView, hit: Hit) -> Finding:
        conversation = view.conversation
        message = conversation.messages[hit.index]
        agent = hit.agent or (message.agent if message.role == "agent" else None) or UNASSIGNED
        values = _Values(hit.values, match=hit.match, id=rule.id, title=rule.title, name=rule.name)
        template = hit.message or rule.message
        context_index = view.previous(hit.index, "customer") if message.role != "customer" else None
        line, column = message.position(hit.start) if hit.start is not None else (message.line, None)
        return Finding(
            file=message.file,
            line=line,
            rule=rule.id,
            conversation_id=conversation.id,
            message_id=conversation.message_id(hit.index),
            name=rule.name,
            title=rule.title,
            severity=rule.severity,
            points=rule.points,
            agent=agent,
            time=message.time.isoformat() if message.time else None,
            text=message.text,
            match=hit.match,
            message=template.format_map(values),
            suggestion=rule.suggestion,
            column=column,
            offset=hit.start,
            context=conversation.messages[context_index].text if context_index is not None else None,
        )
