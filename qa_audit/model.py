"""The data that flows through an audit: messages, conversations, findings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

Role = Literal["agent", "customer", "system"]
Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
UNASSIGNED = "unassigned"


@dataclass(slots=True)
class Message:
    """One chat message, with where it came from."""

    conversation_id: str
    role: Role
    text: str
    time: datetime | None
    agent: str | None = None
    id: str | None = None
    channel: str | None = None
    shop: str | None = None
    customer: str | None = None
    file: str = "<memory>"
    line: int = 0
    suppressed: tuple[tuple[str, int], ...] = ()  # (rule id or ALL, line of the suppression comment)
    # (line, 1-based column) where each line of the text starts in the file, when the format keeps
    # text on its own lines (transcripts); empty otherwise
    text_positions: tuple[tuple[int, int], ...] = ()

    def position(self, offset: int) -> tuple[int, int | None]:
        """The file line and column of a character of the text (column None when unknown)."""
        if not self.text_positions:
            return self.line, None
        line_index = self.text.count("\n", 0, offset)
        line, column = self.text_positions[min(line_index, len(self.text_positions) - 1)]
        line_start = self.text.rfind("\n", 0, offset) + 1
        return line, column + offset - line_start


@dataclass(slots=True)
class Conversation:
    """The messages of one conversation of one file, in time order."""

    id: str
    file: str
    messages: list[Message] = field(default_factory=list)

    @property
    def channel(self) -> str:
        for message in self.messages:
            if message.channel:
                return message.channel
        return "online"

    def message_id(self, index: int) -> str:
        """The input's id, else `<conversation_id>#<n>` (1-based position in time order)."""
        given = self.messages[index].id
        return given if given else f"{self.id}#{index + 1}"

    def agents(self) -> list[str]:
        """Agents who sent a message, in order of first appearance."""
        seen: dict[str, None] = {}
        for message in self.messages:
            if message.role == "agent":
                seen.setdefault(message.agent or UNASSIGNED, None)
        return list(seen)


@dataclass(frozen=True, order=True, slots=True)
class Finding:
    """One violation of one rule, charged to one agent, with its evidence."""

    file: str
    line: int
    rule: str
    conversation_id: str
    message_id: str
    name: str
    title: str
    severity: Severity
    points: float
    agent: str
    time: str | None
    text: str
    match: str
    message: str
    suggestion: str | None = None
    column: int | None = None  # in the source line, when the format keeps the text on its line
    context: str | None = None
    fingerprint: str = ""
    offset: int | None = None  # where the match starts in the text

    @property
    def file_key(self) -> str:
        """The file as a fingerprint sees it: forward slashes, no leading ./"""
        path = self.file.replace("\\", "/")
        return path[2:] if path.startswith("./") else path

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "name": self.name,
            "title": self.title,
            "severity": self.severity,
            "points": self.points,
            "agent": self.agent,
            "conversation_id": self.conversation_id,
            "message_id": self.message_id,
            "time": self.time,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "text": self.text,
            "match": self.match,
            "message": self.message,
            "suggestion": self.suggestion,
            "context": self.context,
            "fingerprint": self.fingerprint,
        }
