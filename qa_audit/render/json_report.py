"""The JSON report: the stable machine interface (SPEC section 4)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..report import Report

if TYPE_CHECKING:
    from . import RenderOptions


def render(report: Report, options: RenderOptions) -> str:
    return json.dumps(report.as_dict(), ensure_ascii=False, indent=2) + "\n"
