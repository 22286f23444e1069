"""Each CI format is rendered once per session by the real command; the runs go in parallel
because each one starts jieba."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable

import pytest

from ci_logs import Run, qa_audit, write_logs

FORMATS = ("json", "sarif", "junit", "github", "gitlab")


@pytest.fixture(scope="session")
def logs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder holding logs/; runs use it as working directory, so paths are relative."""
    return write_logs(tmp_path_factory.mktemp("render"))


@pytest.fixture(scope="session")
def audit_as(logs: Path) -> Callable[[str], Run]:
    """`qa-audit audit logs --format FORMAT` of each format, all run at once on first use."""
    with ThreadPoolExecutor() as pool:
        runs = dict(zip(FORMATS, pool.map(lambda name: qa_audit(logs, "audit", "logs", "--format", name), FORMATS)))
    return runs.__getitem__


@pytest.fixture(scope="session")
def findings(audit_as) -> list[dict]:
    """The findings of the JSON report, the stable machine interface the CI formats must match."""
    run = audit_as("json")
    assert run.code == 1, run
    return json.loads(run.out)["findings"]
