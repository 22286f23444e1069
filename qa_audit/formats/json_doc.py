"""A JSON document: an array of messages or of conversation records, or one such record."""

from __future__ import annotations

import bisect
import json
import json.decoder
import json.scanner
from typing import Any, Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import Record
from .source import Source

NAME = "json"
DESCRIPTION = "JSON: an array of messages or of conversation records {conversation_id, messages: [...]}"
SUFFIXES = (".json",)


class _Located(dict):
    """A JSON object that knows the offset where it starts."""

    offset: int = 0


def _located_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> tuple[_Located, int]:
    value, end = json.decoder.JSONObject(s_and_end, *args, **kwargs)
    located = _Located(value)
    located.offset = s_and_end[1] - 1
    return located, end


class _LocatingDecoder(json.JSONDecoder):
    # The C scanner cannot report where objects start, so this decoder uses the Python one;
    # it serves whole-document .json files, not the JSON Lines fast path.
    def __init__(self) -> None:
        super().__init__()
        self.parse_object = _located_object
        self.scan_once = json.scanner.py_make_scanner(self)


def sniff(head: str, suffix: str) -> int:
    stripped = head.lstrip()
    return 40 if stripped.startswith("[") or (stripped.startswith("{") and suffix == ".json") else 0


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    text = "".join(line for _, line in text_lines(source, diagnostics))
    newlines = [index for index, char in enumerate(text) if char == "\n"]

    def line_of(offset: int) -> int:
        return bisect.bisect_left(newlines, offset) + 1

    try:
        document = _LocatingDecoder().decode(text)
    except json.JSONDecodeError as error:
        diagnostics.skip(path, error.lineno, f"invalid JSON ({error.msg} at column {error.colno}); "
                                             "the file could not be read")
        return
    except RecursionError:
        diagnostics.skip(path, 1, "JSON nested too deeply; the file could not be read")
        return
    items = document if isinstance(document, list) else [document]
    for position, item in enumerate(items):
        if not isinstance(item, _Located):
            diagnostics.skip(path, 1, f"item {position} of the array is not a JSON object")
            continue
        _set_lines(item, line_of)
        yield Record(item, path, line_of(item.offset))


def _set_lines(record: _Located, line_of: Any) -> None:
    """Give each message of a conversation record its own line number."""
    messages = record.get("messages")
    if isinstance(messages, list):
        for message in messages:
            if isinstance(message, _Located):
                message["__line__"] = line_of(message.offset)
