#!/usr/bin/env python3
"""Benchmark qa-audit against two references, side by side, on generated chat logs.

    .venv/bin/python bench/run.py                                   # 10^5 messages
    .venv/bin/python bench/run.py --messages 100000 --messages 1000000 --json bench/data/results.json

For every size N the log bench/data/logs_<N>.jsonl is generated if missing (bench/generate.py,
fixed seed), then three measurements run, each in its own fresh Python process so that its peak
memory is its own:

  parse     the floor: qa_audit.formats.read_messages over the file, counting messages
  jieba     one plain jieba.lcut pass over every text of the file (texts read and jieba
            initialised before the clock starts)
  audit     qa_audit.audit([path]) with the default rule pack (the clock includes loading the
            rules and initialising the audit's own jieba tokenizer)

Run it with the interpreter that has qa_audit and jieba installed (the dev venv).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
MEASUREMENTS = ("parse", "jieba", "audit")
LABELS = {"parse": "parse (floor)", "jieba": "jieba.lcut pass", "audit": "audit (default pack)"}

# Targets of SPEC section 5.
TARGET_SECONDS_1M = 10.0
TARGET_JIEBA_RATIO = 0.5
TARGET_RSS_MB = 300.0
FLAT_GROWTH = 1.25  # "flat": peak RSS at the largest size at most 1.25 × that at the smallest


# ------------------------------------------------------------------------------------------------
# Child side: one measurement, one process, one JSON line on stdout.
# ------------------------------------------------------------------------------------------------

def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


def _measure_parse(path: str) -> dict:
    from qa_audit.diagnostics import Diagnostics
    from qa_audit.formats import ReadOptions, read_messages

    diagnostics = Diagnostics()
    started = time.perf_counter()
    count = 0
    for _ in read_messages([path], ReadOptions(), diagnostics):
        count += 1
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "messages": count, "skipped": diagnostics.skipped_total}


def _measure_jieba(path: str) -> dict:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    with open(path, encoding="utf-8") as stream:
        texts = [json.loads(line)["text"] for line in stream if line.strip()]
    lcut = jieba.lcut
    tokens = 0
    started = time.perf_counter()
    for text in texts:
        tokens += len(lcut(text))
    seconds = time.perf_counter() - started
    return {"seconds": seconds, "messages": len(texts), "tokens": tokens,
            "jieba_version": getattr(jieba, "__version__", "?")}


def _measure_audit(path: str) -> dict:
    from collections import Counter

    import qa_audit

    started = time.perf_counter()
    report = qa_audit.audit([path])
    seconds = time.perf_counter() - started
    summary = report.summary
    by_rule = Counter(finding.rule for finding in report.findings)
    return {
        "seconds": seconds,
        "messages": summary.messages,
        "conversations": summary.conversations,
        "findings": summary.findings,
        "skipped": summary.skipped_records,
        "agents": len(report.agents),
        "by_rule": dict(sorted(by_rule.items())),
        "qa_audit_version": getattr(qa_audit, "__version__", "?"),
        "qa_audit_path": str(Path(qa_audit.__file__).resolve().parent),
    }


def child(measurement: str, path: str) -> int:
    started = time.perf_counter()
    result = {"parse": _measure_parse, "jieba": _measure_jieba, "audit": _measure_audit}[measurement](path)
    result["process_seconds"] = time.perf_counter() - started
    result["measurement"] = measurement
    result["peak_rss_mb"] = _peak_rss_mb()
    print(json.dumps(result, ensure_ascii=False))
    return 0


# ------------------------------------------------------------------------------------------------
# Parent side.
# ------------------------------------------------------------------------------------------------

def data_file(messages: int, seed: int) -> Path:
    exponent = len(str(messages)) - 1
    size = f"1e{exponent}" if messages == 10 ** exponent else str(messages)
    suffix = "" if seed == 1 else f"_s{seed}"
    return DATA / f"logs_{size}{suffix}.jsonl"


def ensure_data(messages: int, seed: int, regenerate: bool) -> Path:
    path = data_file(messages, seed)
    if path.exists() and not regenerate:
        print(f"using {_shown(path)}", file=sys.stderr)
        return path
    print(f"generating {_shown(path)} ({messages} messages, seed {seed}) …", file=sys.stderr)
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), "--messages", str(messages), "--out", str(path),
         "--seed", str(seed)],
        check=True,
    )
    return path


def run_child(measurement: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", measurement, str(path)],
        capture_output=True, text=True,
    )
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"measurement {measurement} on {path} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure(path: Path, repeat: int) -> dict[str, dict]:
    """Each measurement `repeat` times, alternating; the fastest run counts, with the largest peak RSS."""
    runs: dict[str, list[dict]] = {name: [] for name in MEASUREMENTS}
    for _ in range(repeat):
        for name in MEASUREMENTS:
            print(f"  {name} …", file=sys.stderr, end="", flush=True)
            result = run_child(name, path)
            print(f" {result['seconds']:.2f} s, {result['peak_rss_mb']:.0f} MB", file=sys.stderr)
            runs[name].append(result)
    best = {}
    for name, results in runs.items():
        chosen = dict(min(results, key=lambda r: r["seconds"]))
        chosen["peak_rss_mb"] = max(r["peak_rss_mb"] for r in results)
        chosen["all_seconds"] = [round(r["seconds"], 3) for r in results]
        best[name] = chosen
    return best


def machine() -> dict:
    info = {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "cpu_count": os.cpu_count(),
    }
    if hasattr(os, "sched_getaffinity"):
        info["cpus_usable"] = len(os.sched_getaffinity(0))
    try:
        commit = subprocess.run(["git", "-C", str(HERE.parent), "describe", "--always", "--dirty"],
                                capture_output=True, text=True, timeout=10)
        if commit.returncode == 0:
            info["commit"] = commit.stdout.strip()
    except (OSError, subprocess.SubprocessError):
        pass
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return info


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _rate(messages: int, seconds: float) -> str:
    return f"{messages / seconds:,.0f}" if seconds > 0 else "-"


def report(results: list[dict], info: dict) -> str:
    out = []
    out.append(
        f"machine: Python {info['python']} ({info['implementation']}), {info['platform']}, "
        f"cpu_count {info['cpu_count']}"
        + (f" (usable {info['cpus_usable']})" if "cpus_usable" in info else "")
        + (f", {info['cpu']}" if "cpu" in info else "")
    )
    first = results[0]["measurements"]
    out.append(
        f"qa_audit {first['audit'].get('qa_audit_version', '?')}"
        + f" from {first['audit'].get('qa_audit_path', '?')}"
        + (f" (repo commit {info['commit']})" if "commit" in info else "")
        + f", jieba {first['jieba'].get('jieba_version', '?')}"
    )
    out.append("")
    header = f"{'messages':>10}  {'measurement':<22}{'seconds':>9}{'messages/s':>13}{'peak RSS MB':>13}"
    out.append(header)
    out.append("-" * len(header))
    for entry in results:
        n = entry["messages"]
        for name in MEASUREMENTS:
            r = entry["measurements"][name]
            out.append(
                f"{n:>10}  {LABELS[name]:<22}{r['seconds']:>9.2f}{_rate(r['messages'], r['seconds']):>13}"
                f"{r['peak_rss_mb']:>13.1f}"
            )
        out.append(
            f"{'':>10}  {'ratio audit/jieba':<22}{entry['ratio_audit_jieba']:>9.2f}"
            f"   (audit/parse {entry['ratio_audit_parse']:.2f})"
        )
        out.append("-" * len(header))
    out.append("")
    for entry in results:
        a = entry["measurements"]["audit"]
        rules = ", ".join(f"{rule} {count}" for rule, count in a["by_rule"].items()) or "none"
        out.append(
            f"audit of {entry['messages']} messages ({entry['file']}): {a['conversations']} conversations, "
            f"{a['messages']} messages, {a['agents']} agents, {a['findings']} findings ({rules}), "
            f"{a['skipped']} skipped records"
        )
    out.append("")
    out.extend(targets(results))
    return "\n".join(out)


def targets(results: list[dict]) -> list[str]:
    """SPEC §5 targets, checked against what was measured (single process)."""
    lines = ["targets (SPEC §5), this run, single process:"]
    largest = max(results, key=lambda e: e["messages"])
    audit = largest["measurements"]["audit"]
    per_million = audit["seconds"] * 1_000_000 / largest["messages"]
    how = "measured" if largest["messages"] == 1_000_000 else f"scaled from {largest['messages']} messages"
    lines.append(
        f"  audit of 1 M messages < {TARGET_SECONDS_1M:.0f} s (on 2 cores): {per_million:.1f} s {how}, "
        f"1 process -> {_verdict(per_million < TARGET_SECONDS_1M)}"
    )
    for entry in results:
        ratio = entry["ratio_audit_jieba"]
        lines.append(
            f"  audit <= {TARGET_JIEBA_RATIO} x jieba pass at {entry['messages']}: {ratio:.2f} x -> "
            f"{_verdict(ratio <= TARGET_JIEBA_RATIO)}"
        )
    for entry in results:
        rss = entry["measurements"]["audit"]["peak_rss_mb"]
        lines.append(
            f"  audit peak RSS < {TARGET_RSS_MB:.0f} MB at {entry['messages']}: {rss:.0f} MB -> "
            f"{_verdict(rss < TARGET_RSS_MB)}"
        )
    if len(results) > 1:
        smallest = min(results, key=lambda e: e["messages"])
        low = smallest["measurements"]["audit"]["peak_rss_mb"]
        high = largest["measurements"]["audit"]["peak_rss_mb"]
        growth = high / low if low else float("inf")
        lines.append(
            f"  audit peak RSS flat ({smallest['messages']} -> {largest['messages']} messages, "
            f"at most x{FLAT_GROWTH}): {low:.0f} -> {high:.0f} MB (x{growth:.2f}) -> {_verdict(growth <= FLAT_GROWTH)}"
        )
    return lines


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child(argv[1], argv[2])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, action="append",
                        help="messages in the generated log; repeat for several sizes (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run each measurement this many times, keep the fastest (default 1)")
    parser.add_argument("--regenerate", action="store_true", help="generate the logs even if they exist")
    parser.add_argument("--json", metavar="FILE", help="also save the results as JSON")
    args = parser.parse_args(argv)
    sizes = args.messages or [100_000]
    if any(n < 1 for n in sizes) or args.repeat < 1:
        parser.error("--messages and --repeat must be positive")

    info = machine()
    results = []
    for n in sizes:
        path = ensure_data(n, args.seed, args.regenerate)
        print(f"measuring {n} messages ({_shown(path)}, {path.stat().st_size / 1e6:.0f} MB)", file=sys.stderr)
        measurements = measure(path, args.repeat)
        audit, jieba_, parse = (measurements[name]["seconds"] for name in ("audit", "jieba", "parse"))
        results.append({
            "messages": n,
            "file": _shown(path),
            "bytes": path.stat().st_size,
            "measurements": measurements,
            "ratio_audit_jieba": audit / jieba_ if jieba_ else float("inf"),
            "ratio_audit_parse": audit / parse if parse else float("inf"),
        })
    text = report(results, info)
    print(text)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(
            json.dumps({"machine": info, "seed": args.seed, "repeat": args.repeat,
                        "date": time.strftime("%Y-%m-%d %H:%M:%S"), "results": results},
                       ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        print(f"\nsaved {args.json}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
