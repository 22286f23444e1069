"""A whole JSON document whose objects know their line, for the JSON readers (not a reader).

Generic JSON and the platform exports (京东 JOS responses, Zendesk chats, Intercom
conversations, 企业微信 arrays) are JSON documents with the messages somewhere inside; each
object keeps the offset where it starts, so every message reports its real line.
"""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any, Callable, Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .source import Source


class Located(dict):
    """A JSON object that knows the offset where it starts."""

    offset: int = 0


def _located_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> tuple[Located, int]:
    value, end = json.decoder.JSONObject(s_and_end, *args, **kwargs)
    located = Located(value)
    located.offset = s_and_end[1] - 1
    return located, end


class _LocatingDecoder(json.JSONDecoder):
    # The C scanner cannot report where objects start, so this decoder uses the Python one;
    # it serves whole JSON documents, not the JSON Lines fast path.
    def __init__(self) -> None:
        super().__init__()
        self.parse_object = _located_object
        self.scan_once = json.scanner.py_make_scanner(self)

_MAX_DEPTH = 6  # how deep find_list looks for the list under response wrappers


class Document:
    """A decoded document and the line where each of its objects starts."""

    def __init__(self, value: Any, text: str) -> None:
        self.value = value
        self._newlines = [index for index, char in enumerate(text) if char == "\n"]

    def line(self, item: Any, default: int = 1) -> int:
        """The line where a JSON object starts (default for anything that is not an object)."""
        if not isinstance(item, Located):
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


def items(
    source: Source, diagnostics: Diagnostics, pick: Callable[[Any], list | None], missing: str
) -> Iterator[tuple[int, Any, int, Document]]:
    """(position, item, line, document) for each item of the list `pick` finds in the document.

    A file that is not JSON, or holds no such list, is one skipped record (`missing` says why).
    """
    document = load(source, diagnostics)
    if document is None:
        return
    found = pick(document.value)
    if not isinstance(found, list):
        diagnostics.skip(source.name, 1, missing)
        return
    for position, item in enumerate(found):
        yield position, item, document.line(item), document


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
