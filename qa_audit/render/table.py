"""The terminal report (rich): agents worst first, rules, and with --details the evidence."""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import SEVERITIES, Finding
from ..report import Report

if TYPE_CHECKING:
    from . import RenderOptions

SEVERITY_NAMES = {"error": "错误", "warning": "警告", "info": "提示"}
SEVERITY_STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def render(report: Report, options: RenderOptions) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=options.width, force_terminal=options.color,
                      no_color=not options.color, highlight=False, emoji=False)
    summary = report.summary
    counts = ", ".join(f"{SEVERITY_NAMES[s]} {n}" for s, n in summary.by_severity.items() if n)
    console.print(Text.assemble(
        ("qa-audit 质检报告", "bold"),
        f"  {summary.files} 个文件 · {summary.conversations} 个会话 · {summary.messages} 条消息 · "
        f"{summary.findings} 个问题" + (f"({counts})" if counts else "") +
        (f" · 跳过 {summary.skipped_records} 条记录" if summary.skipped_records else "") +
        (f" · 基线中已有 {summary.baselined} 个问题未列出" if summary.baselined else ""),
    ))
    if report.inputs:
        console.print(_inputs_table(report))
    if report.agents:
        console.print(_agents_table(report))
    if report.findings:
        console.print(_rules_table(report))
        if options.details:
            for finding in report.findings:
                _print_finding(console, finding)
        else:
            console.print("用 --details 查看每个问题的证据(客户原话、客服原话、建议话术)。", style="dim")
    else:
        console.print("没有发现问题。", style="green")
    return buffer.getvalue()


def _inputs_table(report: Report) -> Table:
    table = Table(title="文件", box=box.SIMPLE, title_justify="left")
    for header in ("文件", "记录", "已审", "跳过", "重复"):
        table.add_column(header, justify="left" if header == "文件" else "right")
    for row in report.inputs:
        skipped = int(row["skipped"])  # type: ignore[arg-type]
        table.add_row(str(row["file"]), str(row["records"]), str(row["audited"]),
                      Text(str(skipped), style="yellow" if skipped else ""), str(row["duplicates"]))
    return table


def _agents_table(report: Report) -> Table:
    table = Table(title="客服(按得分从低到高)", box=box.SIMPLE_HEAVY, title_justify="left")
    for header in ("客服", "会话", "消息", "问题", "错误", "警告", "提示", "得分"):
        table.add_column(header, justify="left" if header == "客服" else "right", no_wrap=True)
    table.add_column("主要问题")
    for agent in report.agents:
        problems = {rule: n for rule, n in agent.by_rule.items() if _points(report, rule) >= 0}
        top = sorted(problems.items(), key=lambda item: (_severity_rank(report, item[0]), -item[1], item[0]))[:3]
        main = ",".join(f"{_rule_title(report, rule)}×{count}" for rule, count in top)
        score_style = "red" if agent.score < 80 else "yellow" if agent.score < 95 else "green"
        table.add_row(
            agent.agent, str(agent.conversations), str(agent.messages), str(agent.findings),
            str(agent.by_severity.get("error", 0)), str(agent.by_severity.get("warning", 0)),
            str(agent.by_severity.get("info", 0)), Text(f"{agent.score:.1f}", style=score_style), main,
        )
    return table


def _rules_table(report: Report) -> Table:
    table = Table(title="规则", box=box.SIMPLE_HEAVY, title_justify="left")
    for header in ("规则", "名称", "级别", "次数"):
        table.add_column(header, justify="right" if header == "次数" else "left")
    counts = Counter(finding.rule for finding in report.findings)
    severities = {finding.rule: finding.severity for finding in report.findings}
    for rule_id, count in sorted(counts.items()):
        severity = severities[rule_id]
        table.add_row(rule_id, _rule_title(report, rule_id),
                      Text(SEVERITY_NAMES[severity], style=SEVERITY_STYLES[severity]), str(count))
    return table


def _print_finding(console: Console, finding: Finding) -> None:
    console.print()
    console.print(Text.assemble(
        (f"{finding.rule} {finding.title}", SEVERITY_STYLES[finding.severity]),
        f"  −{finding.points:g} 分  {finding.agent}  会话 {finding.conversation_id}  "
        f"{finding.file}:{finding.line}" + (f"  {finding.time}" if finding.time else ""),
    ))
    if finding.context is not None:
        console.print(Text.assemble(("  顾客:", "dim"), _one_line(finding.context)))
    console.print(Text.assemble(("  客服:" if finding.context is not None else "  原话:", "dim"),
                                _highlighted(finding)))
    console.print(Text("  → " + finding.message))
    if finding.suggestion:
        console.print(Text.assemble(("  建议:", "green"), finding.suggestion))


def _highlighted(finding: Finding) -> Text:
    text = Text(_one_line(finding.text))
    if finding.offset is not None and finding.match:
        start = finding.offset
        text.stylize("bold reverse red", start, start + len(finding.match))
    return text


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ⏎ ")


def _severity_rank(report: Report, rule_id: str) -> int:
    rule = report.rules.get(rule_id)
    return SEVERITIES.index(rule.severity) if rule else len(SEVERITIES)


def _points(report: Report, rule_id: str) -> float:
    rule = report.rules.get(rule_id)
    return rule.points if rule else 0.0


def _rule_title(report: Report, rule_id: str) -> str:
    rule = report.rules.get(rule_id)
    return rule.title if rule else rule_id
