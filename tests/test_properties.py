"""Property tests: whatever a chat export holds, an audit finishes and accounts for every record.

(a) random bytes and random lines in files of every suffix: no exception, and per file
    records == audited + skipped + duplicates (and the totals agree with the summary);
(b) JSON Lines of random valid and invalid records: every non-empty line is either parsed or
    skipped;
(c) random transcripts: every default rule kind runs, and every finding points at the message
    line it quotes.

Bounded so the module runs in well under a minute on two cores: one rule set for the module, small
inputs, and a fixed number of examples per property.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from qa_audit import audit
from qa_audit.formats import READERS, ReadOptions
from qa_audit.kinds import KINDS
from qa_audit.rulebook import load_rules

RULES = load_rules()  # the default pack, loaded once for the module
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

SUFFIXES = [".jsonl", ".json", ".csv", ".txt"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("properties")


# --- the vocabulary: what real chats are made of --------------------------------------------------

_EXAMPLE_LINE = re.compile(r"^\[[^\]]*\]\s*(?P<role>\S+?)(?:\s+\S+)?\s*[:\uff1a]\s?(?P<text>.*)$")


def _example_texts() -> tuple[list[str], list[str]]:
    """Agent and customer texts from the rules' own hit and miss examples."""
    agent, customer = [], []
    for rule in RULES.rules:
        for example in (*rule.hit_examples, *rule.miss_examples):
            lines = example.text.strip("\n").splitlines()
            if len(lines) == 1:
                agent.append(lines[0])
                continue
            for line in lines:
                found = _EXAMPLE_LINE.match(line.strip())
                if found:
                    (customer if found.group("role") in ("顾客", "客户", "买家") else agent).append(found.group("text"))
    return sorted(set(agent)), sorted(set(customer))


AGENT_TEXTS, CUSTOMER_TEXTS = _example_texts()
LEXICON_WORDS = sorted({word for words in RULES.lexicons.values() for word in words})
ODD_TEXTS = [
    "[微笑]", "[微笑][微笑]", "/:^_^", "/:8-)", "#E-s21", "[图片]", "[商品卡片]", "👌", "😊😊", "🙏🏻", "。。。", "???",
    "ＯＫ", "好的ＯＫ！", "１２３４５６", "？？", "你別做夢了", "請問發貨了嗎", "謝謝您", "親,在的",
    "", " ", "\u3000", "a" * 300, "好" * 2000, "<b>html</b>", "=SUM(A1)", "\"引号\"", "逗,号", "tab\there",
    "零宽\u200b字符", "\ufeffBOM", "𠮷野家", "Ⅻ", "½",
]
# Text with no line breaks of any kind (str.splitlines breaks at more than \n and \r).
PLAIN = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=40)
TEXTS = st.one_of(st.sampled_from(AGENT_TEXTS), st.sampled_from(CUSTOMER_TEXTS),
                  st.sampled_from(LEXICON_WORDS), st.sampled_from(ODD_TEXTS), PLAIN)


def test_the_vocabulary_is_not_empty():
    assert len(AGENT_TEXTS) > 20 and len(CUSTOMER_TEXTS) > 10 and len(LEXICON_WORDS) > 50


def check_accounts(report, paths: list[Path]) -> None:
    """Every file has one inputs row whose numbers add up, and the totals agree with the summary."""
    rows = {row["file"]: row for row in report.inputs}
    assert sorted(rows) == sorted(str(path) for path in paths)
    for row in rows.values():
        assert row["records"] == row["audited"] + row["skipped"] + row["duplicates"], row
        assert min(row["records"], row["audited"], row["skipped"], row["duplicates"]) >= 0, row
    assert report.summary.messages == sum(row["audited"] for row in rows.values())
    assert report.summary.skipped_records == sum(row["skipped"] for row in rows.values())
    for problem in report.problems:
        assert problem.file in rows, problem


# --- (a) anything at all in a file ------------------------------------------------------------------

SNIPPETS = [
    '{"conversation_id": "C1", "time": "2024-05-01 10:00:00", "role": "customer", "text": "在吗?"}',
    '{"conversation_id": "C1", "time": "2024-05-01 10:05:00", "role": "客服", "agent": "小王", "text": "爱买不买"}',
    '{"conversation_id": "C1", "messages": [{"role": "agent", "text": "你好"}, 3]}',
    '[{"conversation_id": "C2", "role": "顾客", "text": "好"}]', "[", "]", "{", "}", "null", '"', ",", "{oops",
    "会话ID,时间,角色,客服,内容", "C1,2024-05-01 10:00,客服,阿敏,别催了", "C1,,顾客,,\"多,少\"", '"unclosed,quote',
    "session_id\trole\tcontent", "C9\tagent\t滚",
    "=== C1 2024-05-01 channel=phone", "=== C1", "===", "[10:00:00] 顾客: 在吗", "[10:04:00] 客服 小王: 你别做梦了",
    "[25:61] 客服: 时间不对", "    续行", "# qa-audit: disable=SA001", "# qa-audit: disable-file=ALL",
    "客服 小王: 没有时间", "[2024-05-01 10:00:00] 系统: 会话已结束", "\ufeff", "",
]
LINES = st.lists(st.one_of(st.sampled_from(SNIPPETS), PLAIN, TEXTS), max_size=25)
ENCODINGS = st.sampled_from(["utf-8", "utf-8-sig", "gb18030"])
NEWLINES = st.sampled_from(["\n", "\r\n", "\r"])
BYTES = st.binary(max_size=3000)


def encoded(lines: list[str], newline: str, encoding: str) -> bytes:
    text = newline.join(lines)
    return text.encode(encoding, errors="replace") if encoding != "gb18030" else text.encode("gb18030")


@FAST
@given(content=BYTES, suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_stop_an_audit(folder, content, suffix):
    path = folder / f"random{suffix}"
    path.write_bytes(content)
    report = audit([path], rules=RULES)
    check_accounts(report, [path])


@FAST
@given(lines=LINES, newline=NEWLINES, encoding=ENCODINGS, suffix=st.sampled_from(SUFFIXES))
def test_random_lines_never_stop_an_audit(folder, lines, newline, encoding, suffix):
    path = folder / f"lines{suffix}"
    path.write_bytes(encoded(lines, newline, encoding))
    report = audit([path], rules=RULES)
    check_accounts(report, [path])


@settings(max_examples=100, deadline=None)
@given(lines=LINES, raw=BYTES, reader=st.sampled_from(sorted(READERS)),
       suffix=st.sampled_from(SUFFIXES))
def test_any_reader_forced_on_any_content_never_stops_an_audit(folder, lines, raw, reader, suffix):
    text_file = folder / f"forced{suffix}"
    text_file.write_bytes(encoded(lines, "\n", "utf-8"))
    raw_file = folder / f"forced_raw{suffix}"
    raw_file.write_bytes(raw)
    report = audit([text_file, raw_file], rules=RULES, options=ReadOptions(input_format=reader))
    check_accounts(report, [text_file, raw_file])


@settings(max_examples=50, deadline=None)
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), LINES), min_size=1, max_size=4))
def test_several_files_in_a_directory_are_each_accounted_for(folder, files):
    directory = folder / "many"
    if directory.exists():
        for old in directory.iterdir():
            old.unlink()
    directory.mkdir(exist_ok=True)
    paths = []
    for number, (suffix, lines) in enumerate(files):
        path = directory / f"f{number}{suffix}"
        path.write_text("\n".join(lines), encoding="utf-8")
        paths.append(path)
    report = audit([directory], rules=RULES)
    # An empty file is said but has no records; every other file has its inputs row.
    check_accounts(report, [p for p in paths if str(p) in {row["file"] for row in report.inputs}])
    assert {row["file"] for row in report.inputs} >= {str(p) for p in paths if p.read_bytes().strip()}


@pytest.mark.parametrize("content", [
    "会话ID,角色,客服,内容\rC1,客服,小王,爱买不买\r",        # CR line ends
    "会话ID,角色,客服,内容\nC1,客服,小王,爱买\r不买\n",      # a stray CR in a cell
])
def test_a_csv_with_a_bare_carriage_return_does_not_stop_the_audit(folder, content):
    path = folder / "mac.csv"
    path.write_bytes(content.encode("utf-8"))
    report = audit([path], rules=RULES)
    check_accounts(report, [path])


def test_a_csv_cell_over_the_field_limit_does_not_stop_the_audit(folder):
    path = folder / "unclosed.csv"
    rows = ["会话ID,角色,客服,内容", 'C1,客服,小王,"引号没有关上'] + [f"C1,顾客,,第{n}行" * 20 for n in range(1500)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    report = audit([path], rules=RULES)
    check_accounts(report, [path])
    assert report.summary.skipped_records >= 1


# --- (b) JSON Lines of valid and invalid records ----------------------------------------------------

ROLES = st.sampled_from(["客服", "顾客", "customer", "agent", "坐席", "买家", "系统", "bot", "自动回复", "Seller", "ＡＧＥＮＴ",
                         "garbage", "", " ", "客服 ", "0"]) | st.none() | st.integers() | st.just([]) | st.just({})
EPOCHS = st.integers(min_value=-10**15, max_value=10**15) | st.floats(allow_nan=True, allow_infinity=True)
TIMES = st.one_of(
    st.sampled_from(["2024-05-01 10:00:00", "2024/5/1 9:05:07", "2024-05-01T10:00:00+08:00", "2024-05-01T02:00:00Z",
                     "2024-05-01T10:00:00.123456", "2024-05-01", "2024-13-45 25:61:61", "0001-01-01T00:00:00+14:00",
                     "9999-12-31T23:59:59-14:00", "garbage", "", "10:00", "1714528800", "1714528800000", "1e400",
                     "NaN", "-0"]),
    EPOCHS, st.none(), st.booleans(), st.just([]), PLAIN,
)
RECORD_TEXTS = st.one_of(TEXTS, st.sampled_from(["好" * 5000, "x" * 100_001]), st.none(), st.integers(),
                         st.just(["不是文字"]), st.just({"a": 1}))
KEYS = {
    "conversation_id": ["conversation_id", "session_id", "会话ID", "chat_id"],
    "role": ["role", "角色", "sender_type"],
    "text": ["text", "content", "内容", "消息内容"],
    "time": ["time", "timestamp", "时间", "发送时间"],
    "agent": ["agent", "客服", "staff"],
    "id": ["id", "消息ID"],
}


@st.composite
def records(draw) -> str:
    """One non-blank JSON Lines line: a message record (complete or not), or something else."""
    kind = draw(st.sampled_from(["record", "record", "record", "other"]))
    if kind == "other":
        line = draw(st.sampled_from(["{oops", "[1, 2]", "null", "42", '"text"', "{", "}{", "{}", '{"a": 1}',
                                     '{"role": "客服"}', "\ufeff{}"]) | PLAIN)
        assume(line.strip())
        return line
    fields = {}
    values = {"conversation_id": st.sampled_from(["C1", "C2", "会话-3", "", " "]) | st.integers() | st.none(),
              "role": ROLES, "text": RECORD_TEXTS, "time": TIMES,
              "agent": st.sampled_from(["小王", "小李", "服务助手", "智能客服", ""]) | st.none(),
              "id": st.sampled_from(["m1", "m2", "m3"]) | st.integers(0, 3) | st.none()}
    for target, strategy in values.items():
        if draw(st.integers(0, 9)) < (9 if target in ("conversation_id", "role", "text") else 6):
            fields[draw(st.sampled_from(KEYS[target]))] = draw(strategy)
    if draw(st.booleans()):
        fields[draw(st.sampled_from(["shop", "店铺", "channel", "extra", "备注"]))] = draw(TEXTS)
    return json.dumps(fields, ensure_ascii=draw(st.booleans()))


@st.composite
def jsonl_files(draw) -> tuple[list[str], int]:
    """Lines (records with blank lines between some) and how many lines are not blank."""
    lines = draw(st.lists(records(), min_size=1, max_size=20))
    with_blanks = []
    for line in lines:
        if draw(st.integers(0, 5)) == 0:
            with_blanks.append(draw(st.sampled_from(["", "  ", "\t"])))
        with_blanks.append(line)
    return with_blanks, len(lines)


@FAST
@given(content=jsonl_files(), newline=st.sampled_from(["\n", "\r\n"]), bom=st.booleans())
def test_every_jsonl_line_is_parsed_or_skipped(folder, content, newline, bom):
    lines, non_blank = content
    path = folder / "day.jsonl"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + newline.join(lines).encode("utf-8") + newline.encode())
    report = audit([path], rules=RULES, options=ReadOptions(input_format="jsonl"))
    check_accounts(report, [path])
    (row,) = report.inputs
    assert row["audited"] + row["skipped"] + row["duplicates"] == non_blank, (row, report.problems)
    skipped_lines = [p.line for p in report.problems if p.skipped]
    assert len(skipped_lines) == row["skipped"]
    assert all(1 <= line <= len(lines) for line in skipped_lines)


def _an_object(line: str) -> bool:
    if not line.startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


@FAST
@given(first=records().filter(_an_object), rest=jsonl_files())
def test_a_jsonl_file_starting_with_an_object_is_detected_and_fully_accounted_for(folder, first, rest):
    lines, non_blank = rest
    path = folder / "detected.jsonl"
    path.write_text("\n".join([first, *lines]) + "\n", encoding="utf-8")
    report = audit([path], rules=RULES)
    (row,) = report.inputs
    assert row["records"] == non_blank + 1, (row, report.problems)


def test_a_broken_first_line_skips_only_that_line(folder):
    path = folder / "broken_first.jsonl"
    good = {"conversation_id": "C1", "role": "客服", "agent": "小王", "text": "爱买不买"}
    path.write_text("{oops\n" + json.dumps(good, ensure_ascii=False) + "\n", encoding="utf-8")
    report = audit([path], rules=RULES)
    assert report.inputs == [{"file": str(path), "records": 2, "audited": 1, "skipped": 1, "duplicates": 0}]
    assert [(p.line, p.cause.split(" (")[0]) for p in report.problems if p.skipped] == [(1, "invalid JSON")]
    assert [f.rule for f in report.findings if f.rule == "SA001"] == ["SA001"]


def test_a_jsonl_file_with_a_first_record_longer_than_the_detection_sample_is_json_lines(folder):
    path = folder / "long_first.jsonl"
    first = {"conversation_id": "C1", "role": "customer", "text": "我的问题是" + "很长" * 1500}  # > 8 KB
    second = {"conversation_id": "C1", "role": "客服", "agent": "小王", "text": "爱买不买"}
    path.write_text(json.dumps(first, ensure_ascii=False) + "\n" + json.dumps(second, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    report = audit([path], rules=RULES)
    assert report.inputs[0]["audited"] == 2, report.problems
    assert [f.rule for f in report.findings if f.rule == "SA001"] == ["SA001"]


# --- (c) random transcripts through every rule kind ---------------------------------------------

ROLE_WORDS = {"顾客": "customer", "客户": "customer", "买家": "customer", "客服": "agent", "坐席": "agent",
              "系统": "system"}
AGENTS = ["小王", "小李", "阿敏"]


@st.composite
def transcripts(draw) -> tuple[str, int, set[str]]:
    """A transcript file: (text, number of message lines, conversation ids)."""
    lines: list[str] = []
    ids: set[str] = set()
    messages = 0
    for number in range(draw(st.integers(1, 4))):
        conversation = f"C{number + 1}"
        ids.add(conversation)
        if draw(st.integers(0, 4)) == 0:
            lines.append(draw(st.sampled_from(["# 培训对话", "", "# qa-audit: disable=SA001 示范",
                                               "# qa-audit: disable-file=SA008"])))
        channel = draw(st.sampled_from(["", " channel=online", " channel=phone"]))
        lines.append(f"=== {conversation} 2024-05-01{channel}")
        clock = datetime(2024, 5, 1, 9, 0, 0) + timedelta(seconds=draw(st.integers(0, 10 * 3600)))
        for _ in range(draw(st.integers(1, 12))):
            clock += timedelta(seconds=draw(st.sampled_from([0, 5, 30, 100, 179, 181, 400, 1200])))
            role = draw(st.sampled_from(sorted(ROLE_WORDS)))
            if ROLE_WORDS[role] == "agent":
                name = draw(st.sampled_from(AGENTS + [""]))
                text = draw(st.one_of(st.sampled_from(AGENT_TEXTS), TEXTS))
            else:
                name = draw(st.sampled_from(["", "buyer_01"])) if ROLE_WORDS[role] == "customer" else ""
                text = draw(st.one_of(st.sampled_from(CUSTOMER_TEXTS), TEXTS))
            stamp = draw(st.sampled_from([clock.strftime("[%H:%M:%S] "), clock.strftime("[%H:%M] "), ""]))
            colon = draw(st.sampled_from([":", ":"]))
            lines.append(f"{stamp}{role}{' ' + name if name else ''}{colon} {text}".rstrip())
            messages += 1
            if draw(st.integers(0, 6)) == 0:
                lines.append("    " + draw(st.sampled_from(AGENT_TEXTS + CUSTOMER_TEXTS)))
            if draw(st.integers(0, 8)) == 0:
                lines.append(draw(st.sampled_from(["", "# 注释", "# qa-audit: disable=SA004"])))
    return "\n".join(lines) + "\n", messages, ids


def test_the_default_pack_has_every_rule_kind():
    assert {rule.kind for rule in RULES.enabled} == set(KINDS)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(case=transcripts())
def test_every_finding_points_at_the_message_line_it_quotes(folder, case):
    text, messages, ids = case
    path = folder / "training.txt"
    path.write_text(text, encoding="utf-8")
    report = audit([path], rules=RULES)
    lines = text.split("\n")

    assert report.summary.skipped_records == 0, report.problems
    assert report.summary.messages == messages
    assert report.summary.conversations == len(ids)
    check_accounts(report, [path])
    for finding in report.findings:
        assert 1 <= finding.line <= len(lines), finding
        line = lines[finding.line - 1]
        assert line and not line.startswith(("#", "===")), (finding.line, line)
        if line[0].isspace():
            # a match in a continuation line points at that line
            assert line.strip() in finding.text.split("\n")[1:], (line, finding.text)
        else:
            first = finding.text.split("\n")[0]
            assert line.endswith(first) if first else True, (line, finding.text)
        assert finding.conversation_id in ids
        assert finding.agent in {*AGENTS, "unassigned"}
        assert finding.rule in {rule.id for rule in RULES.enabled}
        if finding.column is not None and "\n" not in finding.text:
            start = finding.column - 1
            assert line[start:start + len(finding.match)] == finding.match, (finding.column, line, finding.match)


def test_the_transcript_vocabulary_reaches_every_rule_kind(folder):
    """The generator's words are enough to make every kind report something."""
    lines = ["=== K1 2024-05-01"]
    clock = datetime(2024, 5, 1, 10, 0, 0)
    for position, text in enumerate(AGENT_TEXTS):
        clock += timedelta(seconds=400 if position % 7 == 0 else 20)
        customer = CUSTOMER_TEXTS[position % len(CUSTOMER_TEXTS)]
        lines.append(clock.strftime(f"[%H:%M:%S] 顾客: {customer}"))
        clock += timedelta(seconds=400 if position % 5 == 0 else 20)
        lines.append(clock.strftime(f"[%H:%M:%S] 客服 小王: {text}"))
        if position % 9 == 8:
            lines.append(f"=== K{position} 2024-05-01")
    path = folder / "reach.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = audit([path], rules=RULES)
    kinds = Counter(report.rules[finding.rule].kind for finding in report.findings)
    assert set(kinds) == set(KINDS), kinds


def test_a_match_in_a_continuation_line_points_at_that_line(folder):
    path = folder / "continued.txt"
    path.write_text("=== C1 2024-05-01\n[10:00:00] 顾客: 能便宜点吗\n[10:00:20] 客服 小王: 您好,这个价格\n"
                    "    已经很低了,你别做梦了\n", encoding="utf-8")
    report = audit([path], rules=RULES)
    (finding,) = [f for f in report.findings if f.rule == "SA001"]
    line = path.read_text(encoding="utf-8").split("\n")[finding.line - 1]
    assert line[finding.column - 1:finding.column - 1 + len(finding.match)] == "你别做梦了", (finding.line, finding.column)
