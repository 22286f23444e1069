"""Renderers: one module per report format, each a pure `Report -> str`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..report import Report
from . import csv_report, github, gitlab, json_report, junit, review, sarif, table


@dataclass(frozen=True)
class RenderOptions:
    details: bool = False
    color: bool = False
    width: int = 120


Renderer = Callable[[Report, RenderOptions], str]

RENDERERS: dict[str, Renderer] = {
    "table": table.render,
    "json": json_report.render,
    "csv": csv_report.render,
    "review": review.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
    "gitlab": gitlab.render,
}
