"""Intercom conversations as the REST API returns them (GET /conversations/{id}).

Based on Intercom's Conversation and Conversation Part models: a conversation has ``id``,
``created_at``, the opening message in ``source`` (``conversation_message`` before API 2.0) and
``conversation_parts`` ``{"conversation_parts": [...]}``; a part has ``part_type`` (comment, note,
assignment, open, close, …), ``body`` (HTML), ``created_at`` (epoch seconds) and ``author``
``{"type": admin | user | lead | bot | team, "name", "email"}``.

- A file is one conversation, ``{"conversations": [...]}``, or an array of conversations.
- Messages are the opening message and the parts of type comment, open and close that have a
  body (an admin's reply-and-close is a close part with a body). Notes and every other part type
  (assignment, snoozed, attribute changes…) are internal and are passed over without a record.
- Authors: admin → agent (its ``name``); user, lead, contact → customer; bot and team (automations
  sent on behalf of a team) → role "system".
- Bodies are HTML: tags are dropped, entities unescaped and <p>/<br> become line breaks, with the
  standard library's html.parser.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any, Iterator

from ..diagnostics import Diagnostics
from . import located_json
from .records import Record
from .source import Source

NAME = "intercom"
DESCRIPTION = "Intercom conversation JSON: source + conversation_parts (comment; notes excluded), HTML bodies"
SUFFIXES = (".json",)

MESSAGE_PARTS = ("comment", "open", "close")
_ROLES = {"admin": "agent", "user": "customer", "lead": "customer", "contact": "customer",
          "bot": "system", "team": "system"}
_BREAKS = ("p", "br", "div", "li")


class _Text(HTMLParser):
    """The text of an HTML fragment: tags dropped, entities unescaped, blocks on their own lines."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def strip_html(body: str) -> str:
    """Plain text of an Intercom body."""
    parser = _Text()
    parser.feed(body)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


def sniff(head: str, suffix: str) -> int:
    if not head.lstrip().startswith(("{", "[")):
        return 0
    return 90 if '"conversation_parts"' in head or '"conversation_part"' in head else 0


def _conversations(value: Any) -> list | None:
    if isinstance(value, dict):
        return [value] if "conversation_parts" in value else value.get("conversations")
    return value if isinstance(value, list) else None


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    missing = "no Intercom conversation in this JSON document"
    for position, conversation, line, document in located_json.items(source, diagnostics, _conversations, missing):
        if not isinstance(conversation, dict) or conversation.get("id") in (None, ""):
            diagnostics.skip(path, line, f"conversations[{position}] is not a conversation with an id")
            continue
        opening = conversation.get("source") or conversation.get("conversation_message")
        parts = conversation.get("conversation_parts")
        parts = parts.get("conversation_parts") if isinstance(parts, dict) else parts
        items = ([dict(opening, part_type="comment", created_at=conversation.get("created_at"))]
                 if isinstance(opening, dict) else [])
        lines = [document.line(opening, line)] if items else []
        for part in parts if isinstance(parts, list) else []:
            items.append(part)
            lines.append(document.line(part, line))
        for item, item_line in zip(items, lines):
            fields = _fields(item)
            if fields is None:
                continue
            if isinstance(fields, str):
                diagnostics.skip(path, item_line, fields)
                continue
            fields["conversation_id"] = str(conversation["id"])
            yield Record(fields, path, item_line)


def _fields(part: Any) -> dict[str, Any] | str | None:
    """Canonical fields; None for parts that are not messages; else why it cannot be read."""
    if not isinstance(part, dict):
        return "a conversation part that is not a JSON object"
    if part.get("part_type") not in MESSAGE_PARTS:
        return None
    body = part.get("body")
    text = strip_html(body) if isinstance(body, str) else ""
    if not text:
        if part.get("part_type") != "comment" or not part.get("attachments"):
            return None  # an open/close without words, or an empty comment
        text = "[附件]"
    author = part.get("author") if isinstance(part.get("author"), dict) else {}
    role = _ROLES.get(str(author.get("type") or "").lower())
    if role is None:
        return f"author type {author.get('type')!r} is not admin, user, lead or bot"
    fields: dict[str, Any] = {"role": role, "text": text, "time": part.get("created_at")}
    name = author.get("name") or author.get("email") or author.get("id")
    if role == "agent":
        fields["agent"] = name
    elif role == "customer":
        fields["customer"] = name
    if part.get("id") not in (None, ""):
        fields["id"] = str(part["id"])
    return fields
