"""The licence applicant's code: an application is addressed to the agency, and its 申请人 label, not the
salutation, names the party whose 统一社会信用代码 stands on the next line."""

from __future__ import annotations

from ingest.extract import extract_case
from ingest.glossary import DocKind
from ingest.model import Document, Dossier, Position, TextBlock


def _doc(kind: DocKind, title: str, lines: list[str], source: str) -> Document:
    blocks = [TextBlock(text, Position(paragraph=i + 1)) for i, text in enumerate(lines)]
    return Document(source_file=source, file_format="docx", blocks=blocks, kind=kind, title=title)


APPLICATION = ["行政许可申请书", "南岭区城市管理局：", "我单位现申请设置大型户外广告许可，并提交如下材料。",
               "申请单位名称：南岭恒远广告传媒有限公司", "统一社会信用代码：91440300MA5DK2QX1B", "法定代表人：周一舟",
               "申请日期：2025年3月4日"]
DECISION = ["准予行政许可决定书", "南城管许〔2025〕17号", "南岭恒远广告传媒有限公司：", "你单位于2025年3月4日提出的申请，"
            "经审查，符合法定条件，决定准予行政许可。", "南岭区城市管理局", "2025年3月20日"]


def _elements(*docs: Document):
    return extract_case(Dossier("u/1", "u", documents=list(docs))).elements


def test_the_application_names_the_applicant_and_its_code_not_the_agency_addressed() -> None:
    e = _elements(_doc(DocKind.LICENSE_APPLICATION, "行政许可申请书", APPLICATION, "01.docx"),
                  _doc(DocKind.LICENSE_DECISION, "准予行政许可决定书", DECISION, "02.docx"))
    assert e.party_name.value == "南岭恒远广告传媒有限公司"
    assert e.party_id.value == "91440300MA5DK2QX1B"
    assert e.party_id.evidence.source_file == "01.docx"


def test_a_code_of_another_name_is_not_the_partys() -> None:
    other = [line.replace("南岭恒远广告传媒有限公司", "南岭立信广告有限公司") for line in APPLICATION]
    e = _elements(_doc(DocKind.LICENSE_APPLICATION, "行政许可申请书", other, "01.docx"),
                  _doc(DocKind.LICENSE_DECISION, "准予行政许可决定书", DECISION, "02.docx"))
    assert e.party_name.value == "南岭恒远广告传媒有限公司"
    assert e.party_id is None
