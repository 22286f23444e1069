"""Reading inputs: files, directories and stdin, in every supported format, into Messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from types import ModuleType
from typing import Iterable, Iterator
from zoneinfo import ZoneInfo

from ..diagnostics import Diagnostics
from ..model import Message
from . import json_doc, jsonl, table, transcript
from .decode import STDIN, open_binary
from .records import FieldMap, Record, RecordError, message_from_record

READERS: dict[str, ModuleType] = {
    "jsonl": jsonl,
    "json": json_doc,
    "csv": table,
    "transcript": transcript,
}
_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "csv",
              ".txt": "transcript", ".chat": "transcript"}


@dataclass(frozen=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    include: tuple[str, ...] = ()  # globs a directory's files must match (relative to it)
    exclude: tuple[str, ...] = ()


def input_files(paths: Iterable[str], include: tuple[str, ...] = (), exclude: tuple[str, ...] = ()) -> Iterator[str]:
    """Files named directly, files of known formats inside directories (recursively), or "-"."""
    for path in paths:
        if path == STDIN:
            yield STDIN
            continue
        candidate = Path(path)
        if candidate.is_dir():
            for found in sorted(candidate.rglob("*")):
                relative = found.relative_to(candidate)
                hidden = any(part.startswith(".") for part in relative.parts)
                if not found.is_file() or found.suffix.lower() not in _BY_SUFFIX or hidden:
                    continue
                name = relative.as_posix()
                if include and not _matches(name, include):
                    continue
                if not _matches(name, exclude):
                    yield str(found)
        else:
            yield path


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    # fnmatch's * crosses "/", so "a/**/*.txt" also needs its "a/*.txt" form to match a/x.txt.
    return any(fnmatch(name, p) or fnmatch(name, p.replace("**/", "")) for p in patterns)


def format_of(path: str) -> str:
    """The reader for a file: by suffix, else by a look at its first bytes."""
    suffix = Path(path).suffix.lower()
    if path != STDIN and suffix in _BY_SUFFIX:
        return _sniffed_json(path) if _BY_SUFFIX[suffix] == "json" else _BY_SUFFIX[suffix]
    return "sniff"


def _sniffed_json(path: str) -> str:
    """A .json file holding one object per line is JSON Lines."""
    with open(path, "rb") as stream:
        head = stream.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
        first_line = head.split(b"\n", 1)
    if head.startswith(b"{") and len(first_line) == 2 and first_line[0].rstrip().endswith(b"}") \
            and first_line[1].lstrip().startswith(b"{"):
        return "jsonl"
    return "json"


def _sniff(head: bytes) -> str:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"["):
        return "json" if not text[1:].lstrip()[:1].isdigit() else "transcript"
    if text.startswith(b"{"):
        return "jsonl"
    if text.startswith((b"===", b"#")):
        return "transcript"
    return "csv"


def read_messages(paths: Iterable[str], options: ReadOptions, diagnostics: Diagnostics) -> Iterator[Message]:
    """Every message of every input, in input order; unreadable records are skipped and counted."""
    for path in input_files(paths, options.include, options.exclude):
        diagnostics.file_seen(path)
        if path != STDIN and not Path(path).is_file():
            diagnostics.skip(path, 0, "no such file")
            continue
        name = format_of(path)
        if name == "sniff":
            name = _sniff_stdin(path) if path == STDIN else _sniff(_head(path))
        try:
            for record in READERS[name].read(path, diagnostics):
                yield from record_messages(record, options, diagnostics)
        except OSError as error:
            diagnostics.skip(path, 0, f"cannot read: {error.strerror or error}")


def _head(path: str) -> bytes:
    with open_binary(path) as stream:
        return stream.read(512)


def _sniff_stdin(path: str) -> str:
    import sys

    peeked = sys.stdin.buffer.peek(512) if hasattr(sys.stdin.buffer, "peek") else b"{"
    return _sniff(peeked)


_resolved: dict[tuple[FieldMap, tuple[str, ...]], dict[str, str]] = {}


def _mapping(options: ReadOptions, names: tuple[str, ...]) -> dict[str, str]:
    key = (options.fields, names)
    found = _resolved.get(key)
    if found is None:
        if len(_resolved) > 4096:
            _resolved.clear()
        found = _resolved[key] = options.fields.resolve(list(names))
    return found


def record_messages(record: Record, options: ReadOptions, diagnostics: Diagnostics) -> Iterator[Message]:
    nested = record.fields.get("messages")
    if isinstance(nested, list):
        defaults = {
            target: record.fields[source]
            for target, source in _mapping(options, tuple(record.fields)).items()
        }
        for position, item in enumerate(nested):
            line = item.get("__line__", record.line) if isinstance(item, dict) else record.line
            if not isinstance(item, dict):
                diagnostics.skip(record.file, line, f"messages[{position}] is not an object")
                continue
            yield from _one(Record(item, record.file, line), options, diagnostics, defaults)
        return
    yield from _one(record, options, diagnostics, None)


def _one(record: Record, options: ReadOptions, diagnostics: Diagnostics, defaults: dict | None) -> Iterator[Message]:
    diagnostics.read(record.file)
    try:
        yield message_from_record(
            record.fields, _mapping(options, tuple(record.fields)), options.timezone,
            record.file, record.line, defaults,
        )
    except RecordError as error:
        diagnostics.skip(record.file, record.line, str(error))
