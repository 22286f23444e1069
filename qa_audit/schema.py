"""Strict YAML reading: every value keeps its line, every mistake names file, line and key."""

from __future__ import annotations

import difflib
import re
import string
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, TypeVar

import yaml

if TYPE_CHECKING:
    from .patterns import UserPattern

T = TypeVar("T")
_MISSING: Any = object()


class RuleError(Exception):
    """A rule or config file is wrong. The CLI turns this into exit code 2."""

    def __init__(self, file: str, line: int, where: str, problem: str) -> None:
        self.file, self.line, self.where, self.problem = file, line, where, problem
        location = f"{file}:{line}" if line else file
        super().__init__(f"{location}: {where}: {problem}" if where else f"{location}: {problem}")


class LineDict(dict):
    """A YAML mapping that remembers the line of itself and of each key."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict[Any, int] = {}
        self.files: dict[Any, str] = {}


class LineList(list):
    """A YAML sequence that remembers the line of itself and of each item."""

    line: int = 0

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[int] = []


class _Loader(yaml.SafeLoader):
    pass


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    result = LineDict()
    result.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        line = key_node.start_mark.line + 1
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = line
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    result = LineList()
    result.line = node.start_mark.line + 1
    for item in node.value:
        result.append(loader.construct_object(item, deep=True))
        result.lines.append(item.start_mark.line + 1)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load_yaml(path: Path, shown_as: str | None = None) -> Any:
    """Parse a YAML file safely into LineDict/LineList values."""
    name = shown_as or str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise RuleError(name, 0, "", f"cannot read: {error}") from None
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 0
        raise RuleError(name, line, "", f"invalid YAML: {error.problem or error}") from None
    except yaml.YAMLError as error:
        raise RuleError(name, 0, "", f"invalid YAML: {error}") from None


class Fields:
    """Reads the keys of one YAML mapping; unknown or mistyped keys are RuleErrors."""

    def __init__(self, mapping: Any, file: str, where: str, line: int = 0) -> None:
        if not isinstance(mapping, dict):
            raise RuleError(file, getattr(mapping, "line", line), where, "expected a mapping")
        self.mapping = mapping
        self.file = file
        self.where = where
        self.line = getattr(mapping, "line", line)
        self._used: set[str] = set()

    def line_of(self, key: str) -> int:
        lines = getattr(self.mapping, "lines", {})
        return lines.get(key, self.line)

    def file_of(self, key: str) -> str:
        # Keys merged in from an `overrides:` block keep the file they were written in.
        return getattr(self.mapping, "files", {}).get(key, self.file)

    def error(self, key: str, problem: str) -> RuleError:
        where = f"{self.where}.{key}" if key else self.where
        return RuleError(self.file_of(key), self.line_of(key), where, problem)

    def has(self, key: str) -> bool:
        return key in self.mapping

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        self._used.add(key)
        if key in self.mapping:
            return self.mapping[key]
        if default is _MISSING:
            raise RuleError(self.file, self.line, self.where, f'missing key "{key}"')
        return default

    def text(self, key: str, default: Any = _MISSING) -> Any:
        value = self.raw(key, default)
        if value is default and default is not _MISSING:
            return value
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.error(key, f"expected text, got {_kind_of(value)}")
        return str(value)

    def number(self, key: str, default: Any = _MISSING, minimum: float | None = None) -> Any:
        value = self.raw(key, default)
        if value is default and default is not _MISSING:
            return value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise self.error(key, f"expected a number, got {_kind_of(value)}")
        if minimum is not None and value < minimum:
            raise self.error(key, f"must be at least {minimum}, got {value}")
        return value

    def flag(self, key: str, default: Any = _MISSING) -> Any:
        value = self.raw(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"expected true or false, got {_kind_of(value)}")
        return value

    def choice(self, key: str, choices: Iterable[str], default: Any = _MISSING) -> Any:
        value = self.raw(key, default)
        options = list(choices)
        if value not in options:
            raise self.error(key, f"expected one of {', '.join(options)}, got {value!r}")
        return value

    def texts(self, key: str, default: Any = _MISSING) -> Any:
        """A list of strings (a single string is accepted as a list of one)."""
        value = self.raw(key, default)
        if value is default and default is not _MISSING:
            return value
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            raise self.error(key, f"expected a list of text, got {_kind_of(value)}")
        items = []
        for position, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, (str, int, float)):
                line = _item_line(value, position, self.line_of(key))
                raise RuleError(
                    self.file, line, f"{self.where}.{key}[{position}]",
                    f"expected text, got {_kind_of(item)}",
                )
            items.append(str(item))
        return tuple(items)

    def patterns(self, key: str) -> "tuple[UserPattern, ...]":
        """A list of regular expressions, compiled for the folded text; a bad one names its position.

        Text is matched lower-cased and half-width, so patterns ignore case and fold the same way.
        """
        import regex

        from .patterns import compile_pattern

        compiled = []
        for position, source in enumerate(self.texts(key, ())):
            try:
                compiled.append(compile_pattern(source))
            except regex.error as error:
                line = _item_line(self.mapping.get(key), position, self.line_of(key))
                raise RuleError(
                    self.file, line, f"{self.where}.{key}[{position}]", f"bad regex: {error}"
                ) from None
        return tuple(compiled)

    def template(self, key: str, allowed: Iterable[str], default: Any = _MISSING) -> Any:
        """A message template whose {placeholders} are all in `allowed`."""
        template = self.text(key, default)
        known = set(allowed)
        try:
            names = [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]
        except ValueError as error:
            raise self.error(key, f"bad template ({error}); write {{{{ and }}}} for literal braces") from None
        for name in names:
            if name not in known:
                raise self.error(key, f'unknown placeholder "{{{name}}}" (known: {", ".join(sorted(known))})')
        return template

    def sub(self, key: str, default: Any = _MISSING) -> "Fields | None":
        value = self.raw(key, default)
        if value is None:
            return None
        return Fields(value, self.file, f"{self.where}.{key}", self.line_of(key))

    def parsed(self, key: str, parse: Callable[[Any], T], default: Any = _MISSING) -> T:
        """A value converted by parse; a ValueError from it becomes a RuleError at the key."""
        value = self.raw(key, default)
        if value is default and default is not _MISSING:
            return value
        try:
            return parse(value)
        except ValueError as error:
            raise self.error(key, str(error)) from None

    def allow(self, *keys: str) -> None:
        """Known keys read only when present: known to done()'s "did you mean" hints too."""
        self._used.update(keys)

    def done(self) -> None:
        """Reject keys nobody asked for, suggesting the closest known key."""
        for key in self.mapping:
            if key not in self._used:
                close = difflib.get_close_matches(str(key), sorted(self._used), n=1)
                hint = f' (did you mean "{close[0]}"?)' if close else ""
                raise RuleError(
                    self.file_of(str(key)), self.line_of(str(key)), self.where,
                    f'unknown key "{key}"{hint}',
                )


def _item_line(value: Any, position: int, fallback: int) -> int:
    lines = getattr(value, "lines", None)
    return lines[position] if lines and position < len(lines) else fallback


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing"
    return {bool: "true/false", int: "a number", float: "a number", str: "text"}.get(
        type(value), "a list" if isinstance(value, list) else "a mapping" if isinstance(value, dict) else type(value).__name__
    )
