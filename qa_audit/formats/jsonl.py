"""JSON Lines: one message (or one conversation record) per line."""

from __future__ import annotations

import json
from typing import Iterator

from ..diagnostics import Diagnostics
from .decode import text_lines
from .records import Record


def read(path: str, diagnostics: Diagnostics) -> Iterator[Record]:
    for number, line in text_lines(path, diagnostics):
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
