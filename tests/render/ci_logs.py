"""Small chat logs for the CI-format tests, and the real `qa-audit` command to run on them.

A file with three SA001 findings, two of them on identical lines; a clean file; and a file whose
name, agent and text hold the characters each format must escape (one more SA001).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from helpers import dedented

QA_AUDIT = Path(sys.executable).with_name("qa-audit")

FLAGGED_FILE = "logs/客服 小王.txt"
FLAGGED = """
    === C1 2024-05-01
    [10:00:01] 顾客 buyer_01: 我的快递怎么还没到?
    [10:00:40] 客服 小王: 您好,你别做梦了
    [10:01:00] 顾客 buyer_01: 什么意思
    [10:01:30] 客服 小王: 你别做梦了
    [10:02:00] 顾客 buyer_01: 什么意思
    [10:02:30] 客服 小王: 你别做梦了
"""
CLEAN_FILE = "logs/clean.txt"
CLEAN = """
    === C2 2024-05-01
    [10:00:01] 顾客 buyer_02: 在吗
    [10:00:20] 客服 小李: 您好,亲,在的,请问有什么可以帮您?
    [10:00:40] 顾客 buyer_02: 好的谢谢
    [10:00:50] 客服 小李: 不客气,祝您生活愉快
"""
# % , : in the file name (a workflow-command property) and in the text, a continuation line
# (a newline in the text), markup, and a BEL that XML cannot carry.
ODD_FILE = "logs/100%,a:b.txt"
ODD = """
    === C3 2024-05-01
    [10:00:01] 顾客 buyer_03: 能便宜点吗 <b>&"
    [10:00:40] 客服 小|王: 您好,100%正品,说了: <b>&"\a
        你别做梦了
"""
ODD_TEXT = '您好,100%正品,说了: <b>&"\a\n你别做梦了'


class Run(NamedTuple):
    code: int
    out: str
    err: str


def qa_audit(cwd: Path, *args: str) -> Run:
    done = subprocess.run([str(QA_AUDIT), *args], cwd=cwd, capture_output=True, timeout=120)
    return Run(done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8"))


def write_logs(root: Path, flagged: str = FLAGGED) -> Path:
    for name, text in ((FLAGGED_FILE, flagged), (CLEAN_FILE, CLEAN), (ODD_FILE, ODD)):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedented(text), encoding="utf-8")
    return root
