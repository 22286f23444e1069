"""The transcript format for hand-written dialogues (see docs/transcript-format.md)."""

from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import ROLE_ALIASES, Record
from .source import Source
from ..text import fold

_HEADER = re.compile(r"^===\s*(?P<id>[^\s=]+)(?P<rest>.*?)\s*(?:===)?\s*$")
_MESSAGE = re.compile(
    r"^(?:\[(?P<time>[0-9:\-/T .]+)\]\s*)?"
    r"(?P<role>[^\s:\uff1a\[\]()\uff08\uff09]+)"
    r"(?:\s+(?P<name>[^\s:\uff1a]+)|[(\uff08](?P<pname>[^)\uff09]+)[)\uff09])?"
    r"\s*[:\uff1a]\s?(?P<text>.*)$"
)
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
# 「# qa-audit: disable=SA004 原因」 above or at the end of a message line; disable-file= for the file.
_DIRECTIVE = re.compile(
    r"#\s*qa-audit:\s*(?P<scope>disable|disable-file)=(?P<rules>[A-Za-z0-9_\-]+(?:\s*,\s*[A-Za-z0-9_\-]+)*)(?:\s+.*)?$"
)
_HEADER_KEYS = ("channel", "shop", "customer", "date")


NAME = "transcript"
DESCRIPTION = "Transcript text for hand-written dialogues: '=== ID date' headers, '[time] 客服 名字: text' lines"
SUFFIXES = (".txt", ".chat")


def sniff(head: str, suffix: str) -> int:
    lines = [line.strip() for line in head.splitlines() if line.strip() and not line.strip().startswith("#")]
    if not lines:
        return 0
    if _HEADER.match(lines[0]):
        return 70
    messages = sum(1 for line in lines[:20] if _is_message(line))
    return 40 if messages >= max(1, len(lines[:20]) // 2) else 0


def _is_message(line: str) -> bool:
    found = _MESSAGE.match(line)
    return bool(found) and fold(found.group("role")) in ROLE_ALIASES


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    return parse(text_lines(source, diagnostics), source.name, diagnostics)


def parse(lines: Iterable[tuple[int, str]], path: str, diagnostics: Diagnostics) -> Iterator[Record]:
    """Records from numbered lines of transcript text (a file, or a rule's example)."""
    lines = list(lines)
    conversation: dict[str, str] | None = None
    pending: Record | None = None
    # disable-file covers the whole file, wherever the comment stands: collected first
    file_wide: list[tuple[str, int]] = [
        rule for number, raw in lines
        if (found := _DIRECTIVE.match(raw.strip())) and found.group("scope") == "disable-file"
        for rule in _directive_rules(found, number, diagnostics, path)
    ]
    next_line: list[tuple[str, int]] = []
    for number, raw in lines:
        line = raw.rstrip("\r\n")
        if raw[:1] in (" ", "\t") and line.strip() and pending is not None:
            indent = len(line) - len(line.lstrip())
            pending.fields["text"] += "\n" + line.strip()
            pending.fields["__positions__"] += ((number, indent + 1),)
            continue
        stripped = line.strip()
        if not stripped:
            continue
        if stripped.startswith("#"):
            directive = _DIRECTIVE.match(stripped)
            if directive and directive.group("scope") == "disable":
                next_line.extend(_directive_rules(directive, number, diagnostics, path))
            continue
        if pending is not None:
            yield pending
            pending = None
        header = _HEADER.match(stripped)
        if header:
            conversation = _header_fields(header.group("id"), header.group("rest"), path, number, diagnostics)
            continue
        message = _MESSAGE.match(stripped)
        if not message or fold(message.group("role")) not in ROLE_ALIASES:
            diagnostics.skip(path, number, "not a message line (expected e.g. \"[10:00:01] 顾客: 你好\")")
            continue
        if conversation is None:
            diagnostics.skip(path, number, 'message before any conversation header ("=== ID")')
            continue
        fields = _message_fields(message, conversation)
        inline = _DIRECTIVE.search(fields["text"])
        if inline and inline.group("scope") == "disable":
            fields["text"] = fields["text"][: inline.start()].rstrip()
            next_line.extend(_directive_rules(inline, number, diagnostics, path))
        fields["__suppress__"] = tuple(file_wide + next_line)
        # (line, column where the text starts) for the first line and each continuation line
        fields["__positions__"] = ((number, len(line) - len(line.lstrip()) + message.start("text") + 1),)
        next_line = []
        pending = Record(fields, path, number)
    if pending is not None:
        yield pending


def _directive_rules(found: re.Match[str], number: int, diagnostics: Diagnostics, path: str) -> list[tuple[str, int]]:
    rules = [rule.strip().upper() for rule in found.group("rules").split(",") if rule.strip()]
    for rule in rules:
        diagnostics.suppression(path, number, rule)
    return [(rule, number) for rule in rules]


def _header_fields(conversation_id: str, rest: str, path: str, number: int, diagnostics: Diagnostics) -> dict[str, str]:
    fields = {"conversation_id": conversation_id}
    for word in rest.split():
        key, _, value = word.partition("=")
        if not value and _DATE.match(key):
            fields["date"] = key
        elif key in _HEADER_KEYS and value:
            fields[key] = value
        else:
            diagnostics.warn(path, number, f"ignored {word!r} in the header (known: date, {', '.join(_HEADER_KEYS)})")
    return fields


def _message_fields(found: re.Match[str], conversation: dict[str, str]) -> dict[str, object]:
    role = ROLE_ALIASES[fold(found.group("role"))]
    name = found.group("name") or found.group("pname")
    fields: dict[str, object] = {key: value for key, value in conversation.items() if key != "date"}
    fields.update(role=role, text=found.group("text"))
    time = (found.group("time") or "").strip()
    if time:
        fields["time"] = time if len(time) > 8 or "date" not in conversation else f"{conversation['date']} {time}"
    if name:
        fields["agent" if role == "agent" else "customer"] = name
    return fields
