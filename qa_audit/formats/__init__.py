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
from . import (intercom, jddc, jingdong, json_doc, jsonl, qianniu_export, qianniu_page, qiyu, table, transcript,
               wecom, xlsx, zendesk)
from .records import MAX_TEXT, FieldMap, Record, RecordError, message_from_record
from .source import STDIN, Source, opened

# Every reader module has NAME, DESCRIPTION, SUFFIXES, sniff(head, suffix) -> 0..100 and
# read(source, diagnostics) -> Iterator[Record]. A new format is a new module plus one line here.
READERS: dict[str, ModuleType] = {
    module.NAME: module for module in (
        jsonl, json_doc, table, transcript,
        qianniu_page,
        qianniu_export,
        jingdong,
        jddc,
        wecom,
        qiyu,
        zendesk,
        intercom,
        xlsx,
    )
}
_GENERIC_BY_SUFFIX = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".tsv": "csv", ".txt": "transcript"}
_SUFFIX_BONUS = 15  # a file's suffix breaks ties between readers that recognise its content


@dataclass(frozen=True)
class ReadOptions:
    fields: FieldMap = field(default_factory=FieldMap)
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    include: tuple[str, ...] = ()  # globs a directory's files must match (relative to it)
    exclude: tuple[str, ...] = ()
    input_format: str | None = None  # a reader's NAME, or None to detect by content


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
                if not found.is_file() or found.suffix.lower() not in known_suffixes() or hidden:
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


def known_suffixes() -> set[str]:
    return {suffix for reader in READERS.values() for suffix in reader.SUFFIXES}


def _binary_format(source: Source) -> bool:
    """A suffix that a reader of binary files (BINARY = True, e.g. xlsx) claims."""
    return any(getattr(reader, "BINARY", False) and source.suffix in reader.SUFFIXES for reader in READERS.values())


def detect(source: Source) -> str | None:
    """The reader whose sniff is most confident about the file's first bytes (suffix breaks ties)."""
    head = source.head()
    if not head.strip():
        return None
    scores = {}
    for name, reader in READERS.items():
        score = reader.sniff(head, source.suffix)
        if score > 0:
            scores[name] = score + (_SUFFIX_BONUS if source.suffix in reader.SUFFIXES else 0)
    if scores:
        return max(scores, key=scores.__getitem__)
    # Nothing recognises the start (a broken first line): trust the suffix, line by line.
    return _GENERIC_BY_SUFFIX.get(source.suffix)


def read_messages(paths: Iterable[str], options: ReadOptions, diagnostics: Diagnostics) -> Iterator[Message]:
    """Every message of every input, in input order; unreadable records are skipped and counted."""
    for path in input_files(paths, options.include, options.exclude):
        diagnostics.file_seen(path)
        if path != STDIN and not Path(path).is_file():
            diagnostics.skip(path, 0, "no such file")
            continue
        try:
            with opened(path) as source:
                if options.input_format is None and not _binary_format(source) and source.is_binary():
                    diagnostics.skip(path, 0, "binary file, not a chat log (xlsx needs the .xlsx suffix)")
                    continue
                name = options.input_format or detect(source)
                if name is None:
                    if source.head(1024).strip():
                        diagnostics.skip(path, 0, "format not recognised; see `qa-audit formats` and --input-format")
                    else:
                        diagnostics.warn(path, 0, "empty file")
                    continue
                for record in READERS[name].read(source, diagnostics):
                    yield from record_messages(record, options, diagnostics)
        except OSError as error:
            diagnostics.skip(path, 0, f"cannot read: {error.strerror or error}")


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
    try:
        message = message_from_record(
            record.fields, _mapping(options, tuple(record.fields)), options.timezone,
            record.file, record.line, defaults,
        )
    except RecordError as error:
        diagnostics.skip(record.file, record.line, str(error))
        return
    diagnostics.read(record.file)
    if len(message.text) >= MAX_TEXT:
        diagnostics.warn(record.file, record.line, f"message text over {MAX_TEXT:,} characters; "
                                                   "only the first ones are checked")
    yield message
