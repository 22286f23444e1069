"""Intercom conversations: comments are messages, notes and assignments are not; HTML is stripped."""

from __future__ import annotations

import pytest

from platforms import Said, agents, audit_json, listed_formats, problems, said
from qa_audit.formats.intercom import strip_html

C1, C2 = "147000012345", "147000012399"


def test_conversations_with_bot_as_system_and_notes_left_out(tmp_path):
    report = audit_json(tmp_path, "intercom_conversation.json")
    assert said(report) == [
        Said("customer", C1, 8, "unassigned", "2024-05-06T10:00:01+08:00",
             "Hi, my invoice for May shows the wrong VAT number."),
        Said("agent", C1, 21, "Zhao Min", "2024-05-06T10:00:50+08:00",
             "Hi Li Na, sorry about that & thanks for flagging it.\nCould you send me the correct VAT number?"),
        Said("customer", C1, 22, "unassigned", "2024-05-06T10:01:20+08:00", "Sure: CN 91310000MA1K"),
        Said("agent", C1, 24, "Zhao Min", "2024-05-06T10:01:35+08:00", "Done, the corrected invoice is in your inbox."),
        Said("customer", C2, 33, "unassigned", "2024-05-06T14:30:00+08:00", "Do you ship to Hong Kong?"),
        Said("agent", C2, 37, "Chen Jing", "2024-05-06T14:30:40+08:00", "Yes, delivery takes 3–5 days."),
    ]
    # Fin (a bot) is system; the note and the assignment are not messages at all.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (2, 7, 1)
    assert agents(report) == ["Chen Jing", "Zhao Min", "unassigned"]
    assert problems(report) == [("intercom_conversation.json", 23, "author type None is not admin, user, lead or bot")]
    assert not any("Pro" in s.text for s in said(report))


def test_listed_by_the_formats_command():
    assert any(line.startswith("intercom ") for line in listed_formats().splitlines())


@pytest.mark.parametrize(("body", "text"), [
    ("<p>a &lt;b&gt; &amp; c</p>", "a <b> & c"),
    ("<p>one</p><p>two<br>three</p>", "one\ntwo\nthree"),
    ('<a href="https://x.example/">link</a> <img src="y.png">', "link"),
    ("plain", "plain"),
])
def test_html_bodies_become_plain_text(body, text):
    assert strip_html(body) == text
