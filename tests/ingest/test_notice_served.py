"""The notice's service date: from tracking rows printed with seconds, and from a receipt naming the notice by
its own title (交通运输's 违法行为通知书)."""

from __future__ import annotations

from datetime import date, time

from ingest.extract import extract_case
from ingest.extract.dates import find_dates
from ingest.glossary import DocKind
from ingest.model import Document, Dossier, Position, TextBlock


def _doc(kind: DocKind, title: str, lines: list[str], source: str) -> Document:
    blocks = [TextBlock(text, Position(paragraph=i + 1)) for i, text in enumerate(lines)]
    return Document(source_file=source, file_format="docx", blocks=blocks, kind=kind, title=title)


def test_seconds_belong_to_the_time() -> None:
    hit = find_dates("2024-07-15 10:42:30 江城市投递部 已签收")[0]
    assert hit.time == time(10, 42) and hit.end == len("2024-07-15 10:42:30")


NOTICE = ["江城市交通运输局违法行为通知书", "江交执通〔2024〕0386号", "赵振宇：", "本机关拟对你作出罚款的行政处罚。",
          "江城市交通运输局", "2024年11月26日"]


def _served(receipts: list[Document]) -> tuple[date | None, date | None]:
    docs = [_doc(DocKind.PENALTY_NOTICE, "违法行为通知书", NOTICE, "09-通知书.docx"), *receipts]
    e = extract_case(Dossier("u/1", "u", documents=docs)).elements
    return (e.notice_served_date.value if e.notice_served_date else None,
            e.delivery_date.value if e.delivery_date else None)


def test_tracking_rows_joined_into_one_paragraph_give_the_signed_row() -> None:
    ems = ["中国邮政 EMS", "邮件全程跟踪查询结果", "内件 行政处罚事先告知书（江环罚告〔2024〕113号）", "时间 处理地点 邮件状态",
           "2024-07-12 16:05:12 江城市南湖区揽投部 已收寄2024-07-15 10:42:30 江城市投递部 已签收，签收人：本人"]
    assert _served([_doc(DocKind.SERVICE_RECEIPT, "邮件全程跟踪查询结果", ems, "10-EMS.pdf")]) == (date(2024, 7, 15), None)


def test_receipt_naming_the_notice_by_its_own_title_serves_the_notice() -> None:
    receipt = ["江城市交通运输局送达回证", "送达文书名称\t违法行为通知书　江交执通〔2024〕0386号", "受送达人\t赵振宇",
               "送达时间\t2024年11月27日", "送达方式\t直接送达"]
    assert _served([_doc(DocKind.SERVICE_RECEIPT, "送达回证", receipt, "10-回证.docx")]) == (date(2024, 11, 27), None)
