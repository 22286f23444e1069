"""Loading rule packs: YAML files → validated, compiled rules sharing one phrase index."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Mapping

from . import learned
from .kinds import KINDS
from .model import SEVERITIES, Severity
from .phrases import PhraseIndex
from .schema import Fields, LineDict, RuleError, load_yaml
from .text import Cutter, Tokenizer, shared_tokenizer

_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_COMMON_PLACEHOLDERS = frozenset({"match", "id", "title", "name"})


@dataclass(frozen=True)
class Override:
    """Settings of one rule changed by a config or rule file, with where they were written."""

    rule_id: str
    values: LineDict
    file: str
    line: int


@dataclass(frozen=True)
class Example:
    text: str
    line: int


@dataclass(frozen=True)
class Rule:
    """One validated rule: its metadata, its kind's compiled settings, and its examples."""

    id: str
    name: str
    title: str
    severity: Severity
    points: float
    kind: str
    message: str
    settings: Any
    file: str
    line: int
    suggestion: str | None = None
    clause: str | None = None
    enabled: bool = True
    max_per_conversation: int | None = None
    model: learned.ModelSettings | None = None  # a learnt model's extra hits on agent lines
    hit_examples: tuple[Example, ...] = ()
    miss_examples: tuple[Example, ...] = ()
    raw: Mapping[str, Any] = field(default_factory=dict, repr=False, compare=False)


class WordCollector:
    """The words a rule set wants jieba to keep whole, collected while rules load."""

    def __init__(self) -> None:
        self.words: set[str] = set()

    def add_words(self, words: Iterable[str]) -> None:
        self.words.update(words)


@dataclass
class CompileContext:
    """What a kind may use while it builds its settings: lexicons, the phrase index, jieba words."""

    index: PhraseIndex
    jieba: WordCollector
    lexicons: Mapping[str, tuple[str, ...]]

    def words(self, fields: Fields, key: str, default: Any = ()) -> tuple[str, ...]:
        """A phrase list where an item `@name` stands for every word of lexicon `name`."""
        items: list[str] = []
        for item in fields.texts(key, default) or ():
            if item.startswith("@"):
                name = item[1:]
                if name not in self.lexicons:
                    known = ", ".join(sorted(self.lexicons)) or "none"
                    raise fields.error(key, f'unknown lexicon "{name}" (known: {known})')
                items.extend(self.lexicons[name])
            else:
                items.append(item)
        return tuple(items)

    def phrases(self, fields: Fields, key: str, default: Any = ()) -> frozenset[str]:
        """Words registered in the shared automaton (and jieba), keyed as hits will be."""
        words = self.words(fields, key, default)
        self.jieba.add_words(words)
        return self.index.register(words)


@dataclass
class RuleSet:
    """Every loaded rule, and the shared machinery their checks use."""

    rules: list[Rule]
    index: PhraseIndex
    cutter: Cutter
    lexicons: dict[str, tuple[str, ...]]
    files: list[str]

    @property
    def enabled(self) -> list[Rule]:
        return [rule for rule in self.rules if rule.enabled]

    def get(self, rule_id: str) -> Rule | None:
        for rule in self.rules:
            if rule.id.lower() == rule_id.lower() or rule.name == rule_id:
                return rule
        return None


def default_pack() -> Path:
    """The rule pack installed with the package (qa_audit/rules), or rules/ of a source checkout."""
    installed = Path(__file__).with_name("rules")
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / "rules"


def rule_files(paths: Iterable[Path]) -> list[Path]:
    """YAML files named directly, or found (sorted) inside directories."""
    found: dict[Path, Path] = {}  # by resolved path: the bundled pack named again is read once
    for path in paths:
        if path.is_dir():
            found.update((p.resolve(), p) for p in sorted(path.rglob("*")) if p.suffix in (".yaml", ".yml"))
        elif path.exists():
            found.setdefault(path.resolve(), path)
        else:
            raise RuleError(str(path), 0, "", "no such rule file or directory")
    return list(found.values())


def load_rules(
    paths: Iterable[Path] = (),
    *,
    include_default: bool = True,
    disable: Iterable[str] = (),
    enable: Iterable[str] = (),
    overrides: Iterable[Override] = (),
    tokenizer: Tokenizer | None = None,
) -> RuleSet:
    """Load the default pack (unless told not to) plus user files; validate and compile all.

    Overrides from rule files apply in file order, then the given ones (a config file's).
    """
    bundled_files = rule_files([default_pack()]) if include_default else []
    bundled = {shown_name(path) for path in bundled_files}
    files = rule_files([*bundled_files, *paths])
    lexicons: dict[str, tuple[str, ...]] = {}
    raw_rules: list[tuple[LineDict, str]] = []
    file_overrides: list[Override] = []
    folders: dict[str, Path] = {}  # shown file name → its folder, where the files it names are
    for path in files:
        shown = shown_name(path)
        folders[shown] = path.parent
        document = load_yaml(path, shown)
        if document is None:
            continue
        top = Fields(document, shown, "(file)")
        for name, words in _lexicons(top).items():
            lexicons[name] = tuple(dict.fromkeys(lexicons.get(name, ()) + words))
        for position, item in enumerate(top.raw("rules", [])):
            if not isinstance(item, dict):
                raise RuleError(shown, document.get("rules").lines[position], f"rules[{position}]",
                                "expected a mapping")
            raw_rules.append((item, shown))
        override_block = top.sub("overrides", None)
        if override_block is not None:
            for rule_id, values in override_block.mapping.items():
                if not isinstance(values, dict):
                    raise override_block.error(str(rule_id), "expected a mapping of settings")
                file_overrides.append(Override(str(rule_id), values, shown, override_block.line_of(rule_id)))
        top.done()

    by_id: dict[str, LineDict] = {}
    for mapping, shown in raw_rules:
        rule_id = str(mapping.get("id", ""))
        if rule_id in by_id:
            first = by_id[rule_id]
            where = f"{first.files.get('id')}:{first.line}"
            hint = "; --no-default-rules loads a pack in place of the bundled one" if first.files.get("id") in bundled else ""
            raise RuleError(shown, mapping.line, rule_id, f"duplicate rule id (first defined in {where}{hint})")
        mapping.files.setdefault("id", shown)
        by_id[rule_id] = mapping
    for override in [*file_overrides, *overrides]:
        if override.rule_id not in by_id:
            raise RuleError(override.file, override.line, f"overrides.{override.rule_id}", "no rule has this id")
        target = by_id[override.rule_id]
        for key, value in override.values.items():
            target[key] = value
            target.lines[key] = getattr(override.values, "lines", {}).get(key, override.line)
            target.files[key] = override.file

    disabled = {item.lower() for item in disable}
    enabled = {item.lower() for item in enable}
    context = CompileContext(PhraseIndex(), WordCollector(), lexicons)
    rules = sorted((_compile(mapping, shown, context, folders) for mapping, shown in raw_rules), key=lambda r: r.id)
    known = {rule.id.lower() for rule in rules} | {rule.name for rule in rules}
    for item in disabled | enabled:
        if item not in known:
            raise RuleError("--disable/--enable", 0, item, "no rule has this id or name")
    # disable and enable the same rule: the later list (enable) wins
    rules = [
        replace(rule, enabled=True) if {rule.id.lower(), rule.name} & enabled
        else replace(rule, enabled=False) if {rule.id.lower(), rule.name} & disabled
        else rule
        for rule in rules
    ]
    context.index.build()
    cutter = (tokenizer or shared_tokenizer()).cutter(context.jieba.words)
    return RuleSet(rules, context.index, cutter, lexicons, [str(f) for f in files])


def _lexicons(top: Fields) -> dict[str, tuple[str, ...]]:
    block = top.sub("lexicons", None)
    if block is None:
        return {}
    found = {str(name): block.texts(str(name)) for name in block.mapping}
    block.done()
    return found


def _compile(mapping: LineDict, file: str, context: CompileContext, folders: Mapping[str, Path]) -> Rule:
    rule_id = mapping.get("id")
    where = str(rule_id) if rule_id else f"rule at line {mapping.line}"
    fields = Fields(mapping, file, where)
    rule_id = fields.text("id")
    if not _ID.match(rule_id):
        raise fields.error("id", f"ids are a letter then letters/digits (e.g. SA001), got {rule_id!r}")
    name = fields.text("name")
    if not _SLUG.match(name):
        raise fields.error("name", f"names are kebab-case (e.g. forbidden-phrase), got {name!r}")
    kind_name = fields.choice("kind", KINDS)
    kind = KINDS[kind_name]
    allowed = _COMMON_PLACEHOLDERS | kind.PLACEHOLDERS
    message = fields.template("message", allowed)
    rule = Rule(
        id=rule_id,
        name=name,
        title=fields.text("title"),
        severity=fields.choice("severity", SEVERITIES),
        points=fields.number("points", 0),
        kind=kind_name,
        message=message,
        suggestion=fields.text("suggestion", None),
        clause=fields.text("clause", None),
        enabled=fields.flag("enabled", True),
        max_per_conversation=_positive_int(fields, "max_per_conversation"),
        settings=kind.settings(fields, context),
        model=learned.settings(fields, _folder(fields.file_of("model"), folders)),
        file=file,
        line=mapping.line,
        raw=mapping,
        **_examples(fields),
    )
    if rule.points < 0 and rule.severity != "info":
        raise fields.error("points", "only info rules may give bonus (negative) points")
    fields.done()
    return rule


def _positive_int(fields: Fields, key: str) -> int | None:
    value = fields.number(key, None, minimum=1)
    if value is not None and value != int(value):
        raise fields.error(key, f"expected a whole number, got {value}")
    return int(value) if value is not None else None


def _examples(fields: Fields) -> dict[str, tuple[Example, ...]]:
    block = fields.sub("examples", None)
    if block is None:
        return {}
    result = {}
    for key, target in (("hit", "hit_examples"), ("miss", "miss_examples")):
        texts = block.texts(key, ())
        lines = getattr(block.mapping.get(key), "lines", [block.line] * len(texts))
        result[target] = tuple(Example(text, line) for text, line in zip(texts, lines))
    block.done()
    return result


def _folder(shown: str, folders: Mapping[str, Path]) -> Path:
    """The folder of a rule file, or of a config file whose `overrides:` set the key."""
    return folders.get(shown, Path(shown).parent)


def shown_name(path: Path) -> str:
    """Default-pack files are shown as rules/NAME.yaml, user files as given."""
    try:
        return "rules/" + str(path.resolve().relative_to(default_pack().resolve()))
    except ValueError:
        return str(path)
