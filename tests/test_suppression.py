"""Suppression comments in transcripts: `# qa-audit: disable=RULE reason` above or at the end of a
message line, `# qa-audit: disable-file=RULE` for the file; unused or unknown ones are said.

Each test runs the real command on a training transcript and checks the findings (JSON on
stdout), the warnings (stderr) and the exit code together.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


import helpers
from helpers import QA_AUDIT


HEAD = """\
=== C1 2024-05-01
[10:00:00] 顾客: 在吗?我的快递能今天到吗
[10:00:20] 客服 小王: 您好,我帮您查一下
"""
TAIL = """\
[10:01:00] 顾客: 好的,谢谢
[10:01:20] 客服 小王: 不客气,祝您生活愉快
"""


class Run(helpers.Run):
    """One finished run of the command, with --format json."""

    def __init__(self, done: subprocess.CompletedProcess[bytes]) -> None:
        super().__init__(done)
        self.report = json.loads(self.out) if self.out.startswith("{") else {}

    @property
    def hits(self) -> list[tuple[str, int]]:
        return [(f["rule"], f["line"]) for f in self.report["findings"]]

    @property
    def warnings(self) -> list[str]:
        return self.err.splitlines()


def audit(tmp_path: Path, *files: tuple[str, str], args: tuple[str, ...] = ()) -> Run:
    """Write transcripts under tmp_path and audit them by relative name."""
    for name, text in files:
        (tmp_path / name).write_text(text, encoding="utf-8")
    done = subprocess.run([str(QA_AUDIT), "audit", *[name for name, _ in files], "--format", "json", *args],
                          cwd=tmp_path, capture_output=True, timeout=120)
    return Run(done)


def transcript(*middle: str) -> str:
    """A conversation whose lines 4.. are the given lines."""
    return HEAD + "".join(line + "\n" for line in middle) + TAIL


def test_without_suppressions_the_lines_are_findings(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "[10:00:30] 客服 小王: 你别做梦了",         # 4: SA001
        "[10:00:40] 客服 小王: 别催了,催也没用",   # 5: SA004
        "[10:00:50] 客服 小王: 你别做梦了,别催了",  # 6: SA001 and SA004
    )))
    assert (run.code, run.err) == (1, ""), run
    assert run.hits == [("SA001", 4), ("SA004", 5), ("SA001", 6), ("SA004", 6)]


def test_disable_above_a_line_suppresses_that_rule_on_it(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001 反面教材,培训时保留",
        "[10:00:30] 客服 小王: 你别做梦了",
    )))
    assert (run.code, run.err) == (0, ""), run
    assert run.hits == []


def test_disable_at_the_end_of_a_line_is_not_part_of_the_quoted_text(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "[10:00:30] 客服 小王: 你别做梦了,别催了  # qa-audit: disable=SA004 只看禁语",
    )))
    assert (run.code, run.err) == (1, ""), run
    (finding,) = run.report["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("SA001", 4, 19)
    assert finding["text"] == "你别做梦了,别催了"
    assert "qa-audit:" not in run.out and "只看禁语" not in run.out

    table = subprocess.run([str(QA_AUDIT), "audit", "chat.txt", "--details"], cwd=tmp_path,
                           capture_output=True, timeout=120)
    details = table.stdout.decode("utf-8")
    assert "  客服:你别做梦了,别催了\n" in details
    assert "qa-audit:" not in details and "只看禁语" not in details


def test_disable_at_the_end_of_a_line_suppresses_that_line(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "[10:00:30] 客服 小王: 你别做梦了 # qa-audit: disable=SA001",
        "[10:00:40] 客服 小王: 你别做梦了",
    )))
    assert (run.code, run.err) == (1, ""), run
    assert run.hits == [("SA001", 5)]


def test_a_suppression_affects_only_the_next_message_line(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001",
        "[10:00:30] 客服 小王: 你别做梦了",   # 5: suppressed
        "[10:00:40] 客服 小王: 你别做梦了",   # 6: reported
        "[10:00:50] 客服 小王: 你别做梦了",   # 7: reported
    )))
    assert (run.code, run.err) == (1, ""), run
    assert run.hits == [("SA001", 6), ("SA001", 7)]


def test_a_suppression_above_a_customer_line_does_not_reach_the_agent_line_after_it(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001",
        "[10:00:25] 顾客: 快点啊",
        "[10:00:30] 客服 小王: 你别做梦了",
    )))
    assert run.code == 1, run
    assert run.hits == [("SA001", 6)]
    assert run.warnings == ["warning: chat.txt:4: unused suppression: SA001 found nothing here"]


def test_blank_lines_and_comments_between_keep_the_suppression_on_the_next_message(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001 反面教材",
        "",
        "# 下面这句是错误示范",
        "[10:00:30] 客服 小王: 你别做梦了",
    )))
    assert (run.code, run.err, run.hits) == (0, "", []), run


def test_several_ids_are_separated_by_commas(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001,SA004",
        "[10:00:30] 客服 小王: 你别做梦了,别催了",
        "[10:00:40] 客服 小王: 你别做梦了,别催了 # qa-audit: disable=SA004,SA001 两条都是示范",
        "[10:00:50] 客服 小王: 你别做梦了,别催了 # qa-audit: disable=SA004",
    )))
    assert (run.code, run.err) == (1, ""), run
    assert run.hits == [("SA001", 7)]


def test_a_space_after_the_comma_still_suppresses_both(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001, SA004",
        "[10:00:30] 客服 小王: 你别做梦了,别催了",
    )))
    assert (run.code, run.hits) == (0, []), run


def test_ids_are_case_insensitive(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=sa001",
        "[10:00:30] 客服 小王: 你别做梦了",
    )))
    assert (run.code, run.err, run.hits) == (0, "", []), run


def test_disable_all_suppresses_every_rule_on_the_line(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=all 整句都是错误示范",
        "[10:00:30] 客服 小王: 你别做梦了,别催了,你自己看着办吧",
        "[10:00:40] 客服 小王: 你别做梦了,别催了 # qa-audit: disable=ALL",
        "[10:00:50] 客服 小王: 你别做梦了",
    )))
    assert (run.code, run.err) == (1, ""), run
    assert run.hits == [("SA001", 7)]


def test_disable_all_that_finds_nothing_is_unused(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=all",
        "[10:00:30] 客服 小王: 好的,马上为您处理",
    )))
    assert run.code == 0, run
    assert run.warnings == ["warning: chat.txt:4: unused suppression: ALL found nothing here"]


def test_disable_file_suppresses_a_rule_in_the_whole_file_only(tmp_path):
    suppressed = "# qa-audit: disable-file=SA001 反面教材合集\n" + transcript(
        "[10:00:30] 客服 小王: 你别做梦了,别催了",
    ) + "=== C2 2024-05-01\n[11:00:00] 顾客: 便宜点\n[11:00:20] 客服 小李: 您好,爱买不买\n"
    other = transcript("[10:00:30] 客服 小王: 你别做梦了")
    run = audit(tmp_path, ("examples.txt", suppressed), ("other.txt", other))
    assert (run.code, run.err) == (1, ""), run
    assert [(f["rule"], f["file"], f["line"]) for f in run.report["findings"]] == [
        ("SA004", "examples.txt", 5), ("SA001", "other.txt", 4)]


def test_disable_file_does_not_leak_into_the_next_file(tmp_path):
    run = audit(tmp_path, ("a.txt", "# qa-audit: disable-file=SA001\n" + transcript("[10:00:30] 客服 小王: 你别做梦了")),
                ("b.txt", transcript("[10:00:30] 客服 小王: 你别做梦了")))
    assert (run.code, run.err) == (1, ""), run
    assert [(f["file"], f["line"]) for f in run.report["findings"]] == [("b.txt", 4)]


def test_disable_file_applies_to_the_whole_file_wherever_it_is_written(tmp_path):
    text = transcript("[10:00:30] 客服 小王: 你别做梦了") + "# qa-audit: disable-file=SA001 示范文件\n"
    run = audit(tmp_path, ("chat.txt", text))
    assert (run.code, run.err, run.hits) == (0, "", []), run


def test_a_suppression_that_suppresses_nothing_is_reported(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA004 以前这里有问题",
        "[10:00:30] 客服 小王: 好的,马上为您处理",
        "[10:00:40] 客服 小王: 已经加急了 # qa-audit: disable=SA001",
    )))
    assert run.code == 0, run
    assert run.hits == []
    assert run.warnings == [
        "warning: chat.txt:4: unused suppression: SA004 found nothing here",
        "warning: chat.txt:6: unused suppression: SA001 found nothing here",
    ]
    assert [(p["line"], p["skipped"]) for p in run.report["problems"]] == [(4, False), (6, False)]


def test_an_unused_id_among_used_ones_is_reported_alone(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA001,SA004",
        "[10:00:30] 客服 小王: 你别做梦了",
    )))
    assert (run.code, run.hits) == (0, []), run
    assert run.warnings == ["warning: chat.txt:4: unused suppression: SA004 found nothing here"]


def test_an_unused_disable_file_is_reported(tmp_path):
    run = audit(tmp_path, ("chat.txt", "# qa-audit: disable-file=SA008\n" + transcript()))
    assert run.code == 0, run
    assert run.warnings == ["warning: chat.txt:1: unused suppression: SA008 found nothing here"]


def test_a_suppression_at_the_end_of_the_file_is_unused(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript() + "# qa-audit: disable=SA001\n"))
    assert run.code == 0, run
    assert run.warnings == ["warning: chat.txt:6: unused suppression: SA001 found nothing here"]


def test_an_unknown_rule_id_is_reported(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "# qa-audit: disable=SA077",
        "[10:00:30] 客服 小王: 你别做梦了",
    )))
    assert run.code == 1, run
    assert run.hits == [("SA001", 5)]
    assert run.warnings == ["warning: chat.txt:4: suppression names an unknown rule SA077"]


def test_an_unknown_id_next_to_a_known_one(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript(
        "[10:00:30] 客服 小王: 你别做梦了 # qa-audit: disable=SA001,SA01",
    )))
    assert (run.code, run.hits) == (0, []), run
    assert run.warnings == ["warning: chat.txt:4: suppression names an unknown rule SA01"]


def test_suppression_warnings_do_not_fail_a_strict_run(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript("# qa-audit: disable=SA077", "[10:00:30] 客服 小王: 好的")),
                args=("--strict",))
    assert run.code == 0, run
    assert "unknown rule SA077" in run.err
    assert run.report["summary"]["skipped_records"] == 0


def test_a_suppression_of_a_timeout_goes_above_the_late_reply(tmp_path):
    late = ("=== C1 2024-05-01\n"
            "[10:00:00] 顾客: 在吗?我的快递到哪了\n"
            "# qa-audit: disable=SA005 系统故障期间\n"
            "[10:05:00] 客服 小王: 您好,让您久等了,已经到您所在的城市了\n"
            "[10:05:30] 顾客: 好的,谢谢\n"
            "[10:05:40] 客服 小王: 不客气,祝您生活愉快\n")
    run = audit(tmp_path, ("chat.txt", late))
    assert (run.code, run.err, run.hits) == (0, "", []), run
    plain = audit(tmp_path, ("plain.txt", late.replace("# qa-audit: disable=SA005 系统故障期间\n", "")))
    assert plain.hits == [("SA005", 3)]


def test_a_suppression_for_a_disabled_rule_is_not_an_unknown_rule(tmp_path):
    run = audit(tmp_path, ("chat.txt", transcript("# qa-audit: disable=SA001", "[10:00:30] 客服 小王: 你别做梦了")),
                args=("--disable", "SA001"))
    assert run.code == 0, run
    assert "unknown rule" not in run.err


def test_suppressed_findings_stay_out_of_every_ci_format(tmp_path):
    (tmp_path / "chat.txt").write_text(transcript("# qa-audit: disable=SA001", "[10:00:30] 客服 小王: 你别做梦了"),
                                       encoding="utf-8")
    for output_format in ("sarif", "github", "gitlab", "junit", "csv"):
        done = subprocess.run([str(QA_AUDIT), "audit", "chat.txt", "--format", output_format], cwd=tmp_path,
                              capture_output=True, timeout=120)
        assert (done.returncode, done.stderr) == (0, b""), (output_format, done)
        assert "你别做梦了" not in done.stdout.decode("utf-8"), output_format
