"""Golden output: the real command's report on tests/fixtures/tiny_shop.txt, byte for byte, per format.

When a report changes on purpose, regenerate the golden files and review the diff:

    QA_AUDIT_UPDATE_GOLDEN=1 pytest tests/golden

The log is copied to an empty directory (with an empty qa-audit.yaml, so no config file above it
is used) and named by a relative path, so no absolute path gets into the output; the version is
replaced by "<version>", so a release does not change the golden files. The table is not written
to a terminal, so its width is the renderer's fixed width, whatever the screen.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent
FIXTURES = GOLDEN.parent / "fixtures"
LOG = "tiny_shop.txt"
QA_AUDIT = Path(sys.executable).with_name("qa-audit")
UPDATE = os.environ.get("QA_AUDIT_UPDATE_GOLDEN") == "1"

CASES = {
    "report.json": ["--format", "json"],
    "report.csv": ["--format", "csv"],
    "table.txt": [],
    "table_details.txt": ["--details"],
}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    directory = tmp_path_factory.mktemp("golden")
    shutil.copyfile(FIXTURES / LOG, directory / LOG)
    (directory / "qa-audit.yaml").write_text("# no settings: the defaults\n", encoding="utf-8")
    return directory


def report(workdir: Path, args: list[str], extra_env: dict[str, str] | None = None) -> bytes:
    env = {key: value for key, value in os.environ.items() if key not in ("COLUMNS", "LINES", "FORCE_COLOR")}
    env.update(extra_env or {})
    done = subprocess.run([str(QA_AUDIT), "audit", LOG, *args], cwd=workdir, env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 1, done.stderr.decode()  # the log holds an error-level finding
    assert done.stderr == b""
    return done.stdout.replace(f'"version": "{version("qa-audit")}"'.encode(), b'"version": "<version>"')


@pytest.mark.parametrize("golden, args", CASES.items(), ids=list(CASES))
def test_report_matches_golden_file(workdir, golden, args):
    actual = report(workdir, args)
    path = GOLDEN / golden
    if UPDATE:
        path.write_bytes(actual)
    assert path.exists(), f"{path} is missing: run QA_AUDIT_UPDATE_GOLDEN=1 pytest tests/golden"
    # Compared as text so a failure shows a readable diff; line endings included (CSV uses CRLF).
    assert actual.decode("utf-8") == path.read_bytes().decode("utf-8")


def test_golden_files_hold_no_machine_specific_values():
    for golden in CASES:
        text = (GOLDEN / golden).read_bytes().decode("utf-8")
        assert str(FIXTURES) not in text and str(Path.home()) not in text and "/tmp/" not in text, golden
    assert '"version": "<version>"' in (GOLDEN / "report.json").read_text(encoding="utf-8")


def test_the_table_width_does_not_follow_the_environment(workdir):
    # Not a terminal: the renderer's own width, even when COLUMNS says otherwise.
    assert report(workdir, [], {"COLUMNS": "50"}) == report(workdir, [])


def test_output_file_holds_the_same_report_as_stdout(workdir, tmp_path):
    target = tmp_path / "report.csv"
    subprocess.run([str(QA_AUDIT), "audit", LOG, "--format", "csv", "-o", str(target)], cwd=workdir,
                   capture_output=True, timeout=120)
    assert target.read_bytes() == (GOLDEN / "report.csv").read_bytes()
