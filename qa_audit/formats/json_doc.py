"""A JSON document: an array of messages or of conversation records, or one such record."""

from __future__ import annotations

from typing import Iterator

from ..diagnostics import Diagnostics
from . import located_json
from .records import Record
from .source import Source

NAME = "json"
DESCRIPTION = "JSON: an array of messages or of conversation records {conversation_id, messages: [...]}"
SUFFIXES = (".json",)


def sniff(head: str, suffix: str) -> int:
    stripped = head.lstrip()
    return 40 if stripped.startswith("[") or (stripped.startswith("{") and suffix == ".json") else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    for position, item, line, document in located_json.items(source, diagnostics, _as_list, "not JSON"):
        if not isinstance(item, located_json.Located):
            diagnostics.skip(path, line, f"item {position} of the array is not a JSON object")
            continue
        messages = item.get("messages")
        if isinstance(messages, list):
            # each message of a conversation record keeps its own line
            for message in messages:
                if isinstance(message, located_json.Located):
                    message["__line__"] = document.line(message)
        yield Record(item, path, line)


def _as_list(value: object) -> list:
    return value if isinstance(value, list) else [value]
