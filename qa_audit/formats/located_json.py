"""A whole JSON document whose objects know their line, for the platform readers (not a reader).

The platform exports (京东 JOS responses, Zendesk chats, Intercom conversations, 企业微信 arrays)
are JSON documents with the messages nested somewhere inside; like json_doc, each object keeps
the offset where it starts so every message reports its real line.
"""

from __future__ import annotations

import bisect
import json
from typing import Any

from ..diagnostics import Diagnostics
from .decode import text_lines
from .json_doc import _Located, _LocatingDecoder
from .source import Source

_MAX_DEPTH = 6  # how deep find_list looks for the list under response wrappers


class Document:
    """A decoded document and the line where each of its objects starts."""

    def __init__(self, value: Any, text: str) -> None:
        self.value = value
        self._newlines = [index for index, char in enumerate(text) if char == "\n"]

    def line(self, item: Any, default: int = 1) -> int:
        """The line where a JSON object starts (default for anything that is not an object)."""
        if not isinstance(item, _Located):
            return default
        return bisect.bisect_left(self._newlines, item.offset) + 1


def load(source: Source, diagnostics: Diagnostics) -> Document | None:
    """The file as one JSON document, or None when it is not one (skipped with line and cause)."""
    text = "".join(line for _, line in text_lines(source, diagnostics))
    try:
        return Document(_LocatingDecoder().decode(text), text)
    except json.JSONDecodeError as error:
        diagnostics.skip(source.name, error.lineno, f"invalid JSON ({error.msg} at column {error.colno}); "
                                                    "the file could not be read")
    except RecursionError:
        diagnostics.skip(source.name, 1, "JSON nested too deeply; the file could not be read")
    return None


def find_list(value: Any, key: str, depth: int = 0) -> list | None:
    """The first list stored under `key` in this object or, depth first, the objects inside it."""
    if depth > _MAX_DEPTH or not isinstance(value, dict):
        return None
    found = value.get(key)
    if isinstance(found, list):
        return found
    for child in value.values():
        nested = find_list(child, key, depth + 1)
        if nested is not None:
            return nested
    return None


def parse_json_line(line: str) -> tuple[Any, str | None]:
    """(value, None) for a line of JSON, or (None, why) when it is not valid JSON."""
    try:
        return json.loads(line), None
    except json.JSONDecodeError as error:
        return None, f"invalid JSON ({error.msg} at column {error.colno})"
