"""千牛 export CSV: 客户名 | 消息序号 | 发送时间 | 发送内容 | 发送账号 | 账号类型, GB18030 as Excel saves it."""

from __future__ import annotations

from helpers import seen
from platforms import Said, agents, audit_json, listed_formats, problems, said
from qa_audit.formats import detect
from qa_audit.formats.source import Source


def test_the_export_is_detected_over_the_generic_csv_reader_and_grouped_by_customer_and_day(tmp_path):
    report = audit_json(tmp_path, "qianniu_export.csv")
    assert said(report) == [
        Said("customer", "tb_mama2019 2024-05-06", 2, "unassigned", "2024-05-06T10:00:01+08:00", "在吗?宝宝湿疹能用这个面霜吗"),
        Said("agent", "tb_mama2019 2024-05-06", 4, "小美", "2024-05-06T10:00:45+08:00", "亲,在的哦,这款面霜是无激素配方"),
        Said("customer", "tb_mama2019 2024-05-06", 5, "unassigned", "2024-05-06T10:01:30+08:00", "好的,多久能发货?"),
        Said("agent", "tb_mama2019 2024-05-06", 6, "小美", "2024-05-06T10:01:50+08:00", "今天下午四点前付款当天发货哦"),
        Said("customer", "jiajia_buy 2024-05-06", 7, "unassigned", "2024-05-06T11:20:05+08:00", "奶瓶的吸管配件单独卖吗"),
        Said("agent", "jiajia_buy 2024-05-06", 8, "阿强", "2024-05-06T11:20:40+08:00", "单独有卖的哦亲,给您发个链接"),
        Said("customer", "tb_mama2019 2024-05-07", 11, "unassigned", "2024-05-07T09:15:00+08:00", "昨天买的面霜到了,盖子是裂的"),
        Said("agent", "tb_mama2019 2024-05-07", 12, "小美", "2024-05-07T09:16:00+08:00",
             "非常抱歉给您添麻烦了,麻烦拍张照片给我们看看"),
    ]
    # 服务助手 (the robot) and 系统 are read as system messages, never as agents.
    summary = report["summary"]
    assert (summary["conversations"], summary["messages"], summary["skipped_records"]) == (3, 10, 1)
    assert agents(report) == ["unassigned", "小美", "阿强"]
    assert problems(report) == [
        ("qianniu_export.csv", 10, "发送时间 '昨天下午' is not a date and time (expected e.g. 2024-05-06 10:00:01)"),
    ]


def test_listed_by_the_formats_command():
    assert any(line.startswith("qianniu_export ") for line in listed_formats().splitlines())


def test_ids_are_per_conversation_and_account_type_can_be_inferred(write, echo):
    path = write("导出.csv", """\
        客户名,消息序号,发送时间,发送内容,发送账号,账号类型
        buyer_a,1,2024-05-06 10:00:00,在吗,buyer_a,
        buyer_a,2,2024-05-06 10:00:20,在的,小店：小美,
        buyer_b,1,2024-05-06 10:01:00,有货吗,buyer_b,客户
    """)
    assert detect(Source(str(path), path)) == "qianniu_export"
    assert [(s.role, s.message_id, s.agent) for s in seen(echo(path))] == [
        ("customer", "buyer_a 2024-05-06#1", "unassigned"),
        ("agent", "buyer_a 2024-05-06#2", "小美"),
        ("customer", "buyer_b 2024-05-06#1", "unassigned"),
    ]


def test_an_unknown_account_type_is_skipped_with_its_line(write, echo):
    path = write("导出.csv", "客户名,消息序号,发送时间,发送内容,发送账号,账号类型\n"
                             "buyer_a,1,2024-05-06 10:00:00,在吗,someone,访客\n")
    report = echo(path)
    assert seen(report) == []
    (problem,) = report.problems
    assert (problem.line, problem.cause) == (2, "账号类型 '访客' is not 客户 or 客服")
