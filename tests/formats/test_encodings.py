"""Encodings: UTF-8, UTF-8 with a BOM, and GB18030/GBK (Chinese Excel exports), in every format."""

from __future__ import annotations

import json

import pytest

from helpers import seen

TEXTS = ["亲,您好~欢迎光临暖宝宝家居旗舰店", "请问电热毯什么时候发货?"]

SAMPLES = {
    "log.jsonl": "".join(
        json.dumps({"conversation_id": "C1", "role": role, "text": text}, ensure_ascii=False) + "\n"
        for role, text in (("agent", TEXTS[0]), ("customer", TEXTS[1]))
    ),
    "log.json": json.dumps([{"conversation_id": "C1", "role": "agent", "text": TEXTS[0]},
                            {"conversation_id": "C1", "role": "customer", "text": TEXTS[1]}], ensure_ascii=False),
    "log.csv": f"会话ID,角色,内容\nC1,客服,\"{TEXTS[0]}\"\nC1,顾客,{TEXTS[1]}\n",
    "log.txt": f"=== C1 2024-05-01\n客服: {TEXTS[0]}\n顾客: {TEXTS[1]}\n",
}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_format_reads_every_encoding(write, echo, name, encoding):
    report = echo(write(name, SAMPLES[name].encode(encoding)))
    assert sorted(s.text for s in seen(report)) == sorted(TEXTS)
    assert report.problems == []


def test_the_bom_does_not_become_part_of_the_first_header(write, echo):
    # A BOM glued to 会话ID would leave every row without a conversation id.
    path = write("export.csv", "会话ID,角色,内容\r\nC1,客服,您好\r\n".encode("utf-8-sig"))
    report = echo(path)
    assert [s.conversation_id for s in seen(report)] == ["C1"]


def test_gb18030_characters_outside_gbk_survive(write, echo):
    text = "客户名𠮷野家 欧元符号€"  # 𠮷 needs GB18030's four-byte form
    report = echo(write("log.csv", f"会话ID,角色,内容\nC1,客服,{text}\n".encode("gb18030")))
    assert [s.text for s in seen(report)] == [text]


def test_an_ascii_start_does_not_fix_the_encoding_before_the_chinese_lines(write, echo):
    # The first lines are plain ASCII (valid in both encodings); the Chinese comes later, in GB18030.
    content = "conversation_id,role,text\nC1,agent,hello\nC1,customer,你好在吗\nC1,agent,您好\n"
    report = echo(write("log.csv", content.encode("gb18030")))
    assert [s.text for s in seen(report)] == ["hello", "你好在吗", "您好"]


def test_a_line_in_no_known_encoding_is_skipped_with_its_line(write, echo):
    good = json.dumps({"conversation_id": "C1", "role": "agent", "text": "您好"}, ensure_ascii=False).encode()
    path = write("log.jsonl", good + b"\n" + b'{"conversation_id": "C1", "text": "\xff\xfe\xff"}\n' + good + b"\n")
    report = echo(path)
    assert [s.line for s in seen(report)] == [1, 3]
    assert [(p.line, p.skipped) for p in report.problems] == [(2, True)]
    assert "not UTF-8 or GB18030" in report.problems[0].cause


def test_binary_lines_are_skipped_not_read_as_text(write, echo):
    good = json.dumps({"conversation_id": "C1", "role": "agent", "text": "您好"}, ensure_ascii=False).encode()
    path = write("log.jsonl", good + b"\n" + b"\x00\x01\x02PK\x00\n" + good + b"\n")
    report = echo(path)
    assert [s.line for s in seen(report)] == [1, 3]
    assert [(p.line, p.skipped) for p in report.problems] == [(2, True)]
    assert report.summary.skipped_records == 1
