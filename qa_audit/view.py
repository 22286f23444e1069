"""What a rule kind sees of a conversation, and what it answers."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterator

from .model import Conversation, Message
from .text import MessageText


@dataclass(slots=True)
class ConversationView:
    """A conversation with each message's normalized text and phrase hits."""

    conversation: Conversation
    texts: list[MessageText]
    # What checks work out once per conversation: a model's scores (shared by four rules), a
    # rule's keywords of each customer line, the agent turns a rule excuses (keyed by the rule's
    # settings object).
    memo: dict[tuple[str, object], Any] = field(default_factory=dict)

    @property
    def messages(self) -> list[Message]:
        return self.conversation.messages

    def indices(self, role: str) -> Iterator[int]:
        for index, message in enumerate(self.conversation.messages):
            if message.role == role:
                yield index

    def previous(self, index: int, role: str) -> int | None:
        """The nearest message of a role before index."""
        for earlier in range(index - 1, -1, -1):
            if self.conversation.messages[earlier].role == role:
                return earlier
        return None

    def following(self, index: int, role: str) -> int | None:
        """The nearest message of a role after index."""
        messages = self.conversation.messages
        return next((later for later in range(index + 1, len(messages)) if messages[later].role == role), None)

    def turn(self, index: int) -> range:
        """The run of messages around index sent by the same role before the other side speaks."""
        messages = self.conversation.messages
        role = messages[index].role
        first = last = index
        while first > 0 and messages[first - 1].role == role:
            first -= 1
        while last + 1 < len(messages) and messages[last + 1].role == role:
            last += 1
        return range(first, last + 1)

    def answering_agent(self, index: int) -> str | None:
        """The agent who should answer the message at index: the next agent to speak, else the
        conversation's last agent."""
        at = self.following(index, "agent")
        if at is None:
            at = self.previous(len(self.conversation.messages), "agent")
        return self.conversation.messages[at].agent if at is not None else None


@dataclass(slots=True)
class Hit:
    """A rule kind's answer: which message broke the rule, what matched, who is charged."""

    index: int
    match: str = ""
    start: int | None = None
    agent: str | None = None
    message: str | None = None  # overrides the rule's message template for this hit
    values: dict[str, object] = field(default_factory=dict)
