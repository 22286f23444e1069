"""The command line: a switchboard from options to the library, renderers and exit codes."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer
from rich.console import Console
from rich.markup import escape

from . import __version__
from .api import audit as run_audit
from .formats import READERS, ReadOptions
from .formats.records import FIELD_ALIASES, FieldMap
from .gate import ERROR, FAIL_ON, exit_code
from .render import RENDERERS, RenderOptions
from .rulebook import RuleSet, load_rules, rule_files, shown_name
from .ruletest import test_rules
from .schema import RuleError
from .baseline import baseline_text, load_baseline
from .config import Config, blame, find_config, load_config, starter_config
from .durations import parse_timezone
from .evaluate import against_labels, findings_by_conversation, from_review, read_labels, summary
from .show import rule_details, rules_overview, test_summary

app = typer.Typer(
    help="Audit Chinese customer-service chat logs (客服聊天记录质检) against the service-attitude "
    "standard (服务态度判定标准): forbidden phrases (服务禁语), rhetorical questions (反问质问), "
    "reply timeouts (超时未回复), repeated soothing lines (重复安抚话术) and more.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
rules_app = typer.Typer(help="List, show and test rules (规则).", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
stderr = Console(stderr=True, highlight=False, soft_wrap=True)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"qa-audit {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """qa-audit: 100% chat-log quality audit (质检)."""


def _fail(message: str) -> typer.Exit:
    stderr.print(f"error: {escape(message)}", style="red")
    return typer.Exit(ERROR)


def _ruleset(rules: list[Path], no_default_rules: bool, disable: list[str], config: Config | None = None,
             enable: list[str] | None = None) -> RuleSet:
    config = config or Config()
    cli_disable, cli_enable = _split(disable), _split(enable or [])
    # The command line wins over the config: --enable X undoes the config's `disable: [X]`.
    chosen_off = {item.lower() for item in cli_disable}
    chosen_on = {item.lower() for item in cli_enable}
    try:
        ruleset = load_rules(
            [*config.rules, *rules],
            include_default=config.extends_default and not no_default_rules,
            disable=[*(i for i in config.disable if i.lower() not in chosen_on), *cli_disable],
            enable=[*(i for i in config.enable if i.lower() not in chosen_off), *cli_enable],
            overrides=config.overrides,
        )
    except RuleError as error:
        raise _fail(str(blame(config, error))) from None
    return ruleset


def _split(values: list[str]) -> list[str]:
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


def _config(path: Optional[Path]) -> Config:
    """--config FILE, else qa-audit.yaml found upward from the current directory, else defaults."""
    found = path if path is not None else find_config(Path.cwd())
    if found is None:
        return Config()
    if not found.is_file():
        raise _fail(f"--config {found}: no such file")
    try:
        return load_config(found)
    except RuleError as error:
        raise _fail(str(error)) from None


def _field_map(fields: list[str]) -> FieldMap:
    given = {}
    for item in fields:
        target, _, source = item.partition("=")
        if not source or target not in FIELD_ALIASES:
            raise _fail(f"--field {item!r}: expected FIELD=COLUMN with FIELD one of "
                        f"{', '.join(FIELD_ALIASES)} (e.g. --field text=聊天内容)")
        given[target] = source
    return FieldMap(tuple(given.items()))


def write_atomically(path: Path, content: str) -> None:
    """Write the whole report under a temporary name, then rename: never half a file."""
    path = path.resolve()
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@app.command()
def audit(
    paths: List[str] = typer.Argument(..., help="Chat logs: files, directories (recursive) or - for stdin."),
    rules: List[Path] = typer.Option([], "--rules", "-r", help="Extra rule files or directories (规则文件)."),
    no_default_rules: bool = typer.Option(False, "--no-default-rules", help="Do not load the bundled pack."),
    disable: List[str] = typer.Option([], "--disable", help="Switch rules off by id or name, e.g. SA008."),
    enable: List[str] = typer.Option([], "--enable", help="Switch rules on by id or name."),
    output_format: str = typer.Option("table", "--format", "-f", help=f"Report format: {', '.join(RENDERERS)}."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the report to this file."),
    details: bool = typer.Option(False, "--details", "-d",
                                 help="Table: show each finding with its evidence (证据) and suggestion."),
    strict: Optional[bool] = typer.Option(None, "--strict/--no-strict",
                                          help="Exit 2 if any input record had to be skipped."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on",
                                          help="Exit 1 on findings at or above this severity: error (default), "
                                          "warning, info or never."),
    max_findings: Optional[int] = typer.Option(None, "--max-findings", min=0,
                                               help="Findings at or above --fail-on allowed before exit 1."),
    min_score: Optional[float] = typer.Option(None, "--min-score", min=0,
                                              help="Exit 1 if any agent's score or the overall score is below."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Ignore findings recorded in this baseline."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline",
                                                  help="Record every current finding in this baseline file."),
    field: List[str] = typer.Option([], "--field",
                                    help="Map an input column to a message field, e.g. --field text=聊天内容."),
    timezone: Optional[str] = typer.Option(None, "--timezone", help="Time zone of times without an offset "
                                           "(default Asia/Shanghai)."),
    config_path: Optional[Path] = typer.Option(None, "--config", help="Config file (default: qa-audit.yaml "
                                               "found upward from the current directory)."),
    input_format: Optional[str] = typer.Option(None, "--input-format",
                                               help="Read every input as this format (see `qa-audit formats`); "
                                               "default: detected from each file's content."),
) -> None:
    """Audit chat logs and print a per-agent report (质检报告)."""
    config = _config(config_path)
    if input_format is not None and input_format not in READERS:
        raise _fail(f"--input-format {input_format!r}: choose one of {', '.join(READERS)}")
    fail_on = fail_on or config.fail_on or "error"
    if output_format not in RENDERERS:
        raise _fail(f"--format {output_format!r}: choose one of {', '.join(RENDERERS)}")
    if fail_on not in FAIL_ON:
        raise _fail(f"--fail-on {fail_on!r}: choose one of {', '.join(FAIL_ON)}")
    try:
        zone = parse_timezone(timezone or config.timezone or "Asia/Shanghai")
    except ValueError as error:
        raise _fail(f"--timezone: {error}") from None
    for target in (output, write_baseline):
        if target is not None and _is_input(target, paths):
            raise _fail(f"{target} is one of the inputs; refusing to overwrite a chat log with the report")
    ruleset = _ruleset(rules, no_default_rules, disable, config, enable)
    fields = _field_map([*(f"{k}={v}" for k, v in config.fields.items()), *field])
    options = ReadOptions(fields, zone, tuple(config.include), tuple(config.exclude), input_format)
    known = None
    baseline_path = baseline or config.baseline
    if baseline_path is not None and write_baseline is None:
        try:
            known = load_baseline(baseline_path)
        except RuleError as error:
            raise _fail(str(error)) from None
    anchor = write_baseline or baseline_path
    report = run_audit(paths, rules=ruleset, options=options, baseline=known,
                       root=anchor.resolve().parent if anchor is not None else None)
    for problem in report.problems:
        stderr.print(f"warning: {escape(str(problem))}", style="yellow")
    if write_baseline is not None:
        _write(write_baseline, baseline_text(report))
        stderr.print(f"wrote {len(report.findings)} findings to the baseline {write_baseline}")
    to_terminal = output is None and sys.stdout.isatty()
    width = Console().width if to_terminal else 160
    text = RENDERERS[output_format](report, RenderOptions(details=details, color=to_terminal, width=width))
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        _write(output, text)
    strict = strict if strict is not None else bool(config.strict)
    limit = max_findings if max_findings is not None else (config.max_findings or 0)
    score = min_score if min_score is not None else config.min_score
    raise typer.Exit(exit_code(report, fail_on, strict, limit, score))


def _is_input(target: Path, paths: list[str]) -> bool:
    """Whether a file to write is one of the input files named on the command line."""
    return target.exists() and any(path != "-" and Path(path).resolve() == target.resolve() for path in paths)


def _write(path: Path, text: str) -> None:
    try:
        write_atomically(path, text)
    except OSError as error:
        raise _fail(f"cannot write {path}: {error.strerror or error}") from None


@app.command()
def init(
    force: bool = typer.Option(False, "--force", help="Overwrite existing files."),
) -> None:
    """Write a commented qa-audit.yaml and an example GitHub Actions workflow (初始化配置)."""
    targets = {Path("qa-audit.yaml"): starter_config(), Path(".github/workflows/qa-audit.yml"): WORKFLOW}
    existing = [str(path) for path in targets if path.exists()]
    if existing and not force:
        raise _fail(f"{', '.join(existing)} already exist(s); use --force to overwrite")
    for path, text in targets.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
        typer.echo(f"wrote {path}")


WORKFLOW = """\
# qa-audit: lint training transcripts on every push and pull request (培训话术质检).
name: qa-audit
on: [push, pull_request]
permissions:
  contents: read
  security-events: write   # upload SARIF to code scanning
jobs:
  qa-audit:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.11"
      - run: pip install qa-audit
      # Annotations on the pull request; the step fails with qa-audit's exit code:
      - run: qa-audit audit transcripts/ --format github | tee qa-audit.txt
        shell: bash
      # The Markdown summary (after the marker line) on the run page:
      - run: sed -n '/^<!-- qa-audit summary -->$/,$p' qa-audit.txt >> "$GITHUB_STEP_SUMMARY"
        if: always()
      # The same findings for code scanning:
      - run: qa-audit audit transcripts/ --format sarif --output qa-audit.sarif --fail-on never
        if: always()
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: qa-audit.sarif
"""


@app.command()
def formats() -> None:
    """List the input formats (导入格式) and how each is recognised."""
    width = max(len(name) for name in READERS) + 2
    for name, reader in READERS.items():
        typer.echo(f"{name:<{width}}{', '.join(reader.SUFFIXES):<16} {reader.DESCRIPTION}")


@rules_app.command("list")
def rules_list(
    rules: List[Path] = typer.Option([], "--rules", "-r", help="Extra rule files or directories."),
    no_default_rules: bool = typer.Option(False, "--no-default-rules", help="Do not load the bundled pack."),
) -> None:
    """List every rule: id, name, severity, points, kind, title."""
    typer.echo(rules_overview(_ruleset(rules, no_default_rules, [])), nl=False)


@rules_app.command("show")
def rules_show(
    rule_id: str = typer.Argument(..., help="Rule id or name, e.g. SA001 or forbidden-phrase."),
    rules: List[Path] = typer.Option([], "--rules", "-r", help="Extra rule files or directories."),
) -> None:
    """Show one rule: title, clause of the standard (标准条款), settings, examples, suggestion."""
    ruleset = _ruleset(rules, False, [])
    rule = ruleset.get(rule_id)
    if rule is None:
        raise _fail(f"no rule {rule_id!r}; `qa-audit rules list` shows them all")
    typer.echo(rule_details(rule), nl=False)


@rules_app.command("test")
def rules_test(
    paths: List[Path] = typer.Argument(None, help="Rule files or directories to test (default: the bundled pack)."),
    no_default_rules: bool = typer.Option(False, "--no-default-rules",
                                          help="Test a pack in place of the bundled one, not beside it."),
) -> None:
    """Run every rule's examples (hit must hit, miss must not): TP/FP/FN per rule; exit 1 on any miss."""
    ruleset = _ruleset(list(paths or []), no_default_rules, [])
    chosen = {shown_name(path) for path in rule_files(paths)} if paths else None
    results = test_rules(ruleset, chosen)
    typer.echo(test_summary(results), nl=False)
    raise typer.Exit(0 if all(result.passed for result in results) else 1)


@app.command()
def evaluate(
    review: Optional[Path] = typer.Argument(None, help="A review CSV (--format review) with 对/错 in `verdict`, "
                                            "or with --labels a JSON report (--format json)."),
    labels: Optional[Path] = typer.Option(None, "--labels",
                                          help="CSV of human labels: conversation_id,rule (empty rule = clean)."),
    include_info: bool = typer.Option(False, "--include-info", help="Count info findings too."),
) -> None:
    """Measure rules against a QA lead's judgement (规则准确率): precision, and recall with --labels."""
    if review is None:
        raise _fail("give a review CSV, or --labels LABELS.csv and a JSON report")
    try:
        if labels is None:
            typer.echo(summary(from_review(review), with_recall=False), nl=False)
            return
        severities = ("error", "warning", "info") if include_info else ("error", "warning")
        scores = against_labels(read_labels(labels), findings_by_conversation(review, severities))
    except RuleError as error:
        raise _fail(str(error)) from None
    except OSError as error:
        raise _fail(f"cannot read: {error}") from None
    typer.echo(summary(scores, with_recall=True), nl=False)
