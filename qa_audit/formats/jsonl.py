"""JSON Lines: one message (or one conversation record) per line."""

from __future__ import annotations

import json
from typing import Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import Record
from .source import Source

NAME = "jsonl"
DESCRIPTION = "JSON Lines: one message (or one conversation record) per line"
SUFFIXES = (".jsonl", ".ndjson")


def sniff(head: str, suffix: str) -> int:
    text = head.lstrip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines or not lines[0].startswith("{"):
        return 0
    if "\n" not in text:
        return 50  # the first line is longer than the sample: an object that goes on
    try:
        if not isinstance(json.loads(lines[0]), dict):
            return 0
    except json.JSONDecodeError:
        # A broken first line that opens an object: still shaped like JSON Lines, less sure.
        return 30 if any(line.startswith("{") for line in lines[1:]) else 0
    # A whole object on the first line and another object starting on the next: JSON Lines.
    return 80 if len(lines) > 1 and lines[1].startswith("{") else 50


def read(source: Source, diagnostics: Diagnostics) -> Iterator[Record]:
    path = source.name
    for number, line in text_lines(source, diagnostics):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            diagnostics.skip(path, number, f"invalid JSON ({error.msg} at column {error.colno})")
            continue
        if not isinstance(value, dict):
            diagnostics.skip(path, number, f"expected a JSON object, got {type(value).__name__}")
            continue
        yield Record(value, path, number)
