"""千牛/旺旺 chat-record text: the 聊天记录查询 page layout and the client's copy-paste layout."""

from __future__ import annotations

from helpers import seen
from platforms import Said, agents, audit_json, listed_formats, problems, said
from qa_audit.formats import detect, qianniu_page, transcript
from qa_audit.formats.source import Source

ROBOT = "您好,欢迎光临小熊母婴旗舰店,客服正在赶来,请稍候~"


def test_the_page_layout_is_detected_and_read_with_buyers_agents_and_lines(tmp_path):
    report = audit_json(tmp_path, "qianniu_page.txt")
    assert said(report) == [
        Said("customer", "tb_mama2019 2024-05-06", 3, "unassigned", "2024-05-06T10:00:01+08:00", "在吗?宝宝湿疹能用这个面霜吗"),
        Said("agent", "tb_mama2019 2024-05-06", 9, "小美", "2024-05-06T10:00:45+08:00",
             "亲,在的哦,这款面霜是无激素配方,湿疹期间可以用的"),
        Said("customer", "tb_mama2019 2024-05-06", 12, "unassigned", "2024-05-06T10:01:30+08:00", "好的,那我拍两支\n多久能发货?"),
        Said("agent", "tb_mama2019 2024-05-06", 16, "小美", "2024-05-06T10:01:50+08:00", "今天下午四点前付款当天发货哦"),
        Said("customer", "jiajia_buy 2024-05-06", 24, "unassigned", "2024-05-06T10:20:05+08:00", "奶瓶的吸管配件单独卖吗"),
        Said("agent", "jiajia_buy 2024-05-06", 27, "阿强", "2024-05-06T10:20:40+08:00", "单独有卖的哦亲,给您发个链接"),
        Said("customer", "tb_mama2019 2024-05-07", 31, "unassigned", "2024-05-07T09:15:00+08:00", "昨天买的面霜到了,盖子是裂的"),
        Said("agent", "tb_mama2019 2024-05-07", 34, "小美", "2024-05-07T09:16:20+08:00",
             "非常抱歉给您添麻烦了,麻烦拍张照片给我们看看"),
    ]
    # The robot's greeting and the 系统消息 are messages of role system: read, never an agent's.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (3, 10, 1)
    assert agents(report) == ["unassigned", "小美", "阿强"]
    assert problems(report) == [("qianniu_page.txt", 21, "a message needs text lines and then its sender's line")]


def test_the_client_copy_paste_layout_passes_over_transfers_recalls_and_read_marks(tmp_path):
    report = audit_json(tmp_path, "qianniu_client.txt")
    assert said(report) == [
        Said("customer", "tb_mama2019 2024-05-06", 2, "unassigned", "2024-05-06T10:00:01+08:00", "在吗?宝宝湿疹能用这个面霜吗"),
        Said("agent", "tb_mama2019 2024-05-06", 6, "小美", "2024-05-06T10:00:45+08:00", "亲,在的哦,这款面霜是无激素配方"),
        Said("agent", "tb_mama2019 2024-05-06", 10, "阿强", "2024-05-06T10:01:40+08:00", "您好,我是售后阿强,订单的问题我来跟进"),
        Said("customer", "tb_mama2019 2024-05-06", 14, "unassigned", "2024-05-06T10:02:05+08:00", "好的"),
        Said("customer", "jiajia_buy 2024-05-07", 19, "unassigned", "2024-05-07T09:15:00+08:00", "奶瓶的吸管配件单独卖吗"),
        Said("agent", "jiajia_buy 2024-05-07", 21, "阿强", "2024-05-07T09:15:40+08:00", "单独有卖的哦亲"),
    ]
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (2, 8, 1)
    assert problems(report) == [("qianniu_client.txt", 17, "a message of 小熊母婴旗舰店:阿强 without text")]
    assert all(ROBOT not in s.text and "撤回" not in s.text and "-->" not in s.text for s in said(report))


def test_listed_by_the_formats_command():
    assert any(line.startswith("qianniu_page ") for line in listed_formats().splitlines())


def test_content_beats_the_transcript_reader_for_txt_files(write):
    path = write("chat.txt", "2024-05-06\n10:00:01\n在吗\ntb_buyer\n10:00:30\n在的\n小店:小美\n")
    head, suffix = Source(str(path), path).head(), ".txt"
    assert qianniu_page.sniff(head, suffix) > transcript.sniff(head, suffix)
    assert detect(Source(str(path), path)) == "qianniu_page"


def test_shop_messages_before_the_buyer_belong_to_the_buyer_and_a_second_buyer_starts_a_conversation(write, echo):
    path = write("day.txt", """\
        小店:小美 2024-5-6 9:59:00
        亲,今天全场包邮哦
        buyer_a 2024-5-6 10:00:00
        好的
        buyer_b 2024-5-6 10:05:00
        在吗
        小店:小美 2024-5-6 10:05:30
        在的
    """)
    assert [(s.role, s.conversation_id, s.time) for s in seen(echo(path))] == [
        ("agent", "buyer_a 2024-05-06", "2024-05-06T09:59:00+08:00"),
        ("customer", "buyer_a 2024-05-06", "2024-05-06T10:00:00+08:00"),
        ("customer", "buyer_b 2024-05-06", "2024-05-06T10:05:00+08:00"),
        ("agent", "buyer_b 2024-05-06", "2024-05-06T10:05:30+08:00"),
    ]


def test_text_before_the_first_message_is_a_warning_not_a_record(write, echo):
    path = write("page.txt", "与 tb_buyer 的聊天记录\n2024-05-06\n10:00:01\n在吗\ntb_buyer\n10:00:30\n在的\n小店:小美\n")
    report = echo(path)
    assert [s.line for s in seen(report)] == [4, 7]
    (problem,) = report.problems
    assert (problem.line, problem.skipped, problem.cause) == (1, False, "text before the first message ignored")
