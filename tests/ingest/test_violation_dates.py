"""The date of the violation: read where the text ties it to the party's act, never from other events."""

from __future__ import annotations

from datetime import date

import pytest

from ingest.extract import extract_case
from ingest.extract.dates import find_dates, range_end
from ingest.extract.violation_dates import violation_at
from ingest.glossary import DocKind
from ingest.model import Document, Dossier, Position, TextBlock
from ingest.normalize import fold


def _act(text: str):
    """(date, end, ongoing, seen) of the first date read as the act's, or None."""
    folded = fold(text)
    for hit in find_dates(folded):
        act = violation_at(folded, hit)
        if act is not None:
            return hit.value, act.end.value if act.end else None, act.ongoing, act.seen
    return None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # the finding opens with the date, the party is the subject
        ("经查明：2024年10月15日，当事人在谷里农贸市场12号摊位销售未经检疫的猪肉40公斤。",
         (date(2024, 10, 15), None, False, False)),
        # a period: its end is the end of the act
        ("经查，2024年3月4日至3月6日，当事人在其经营场所销售超过保质期的巴氏杀菌乳。",
         (date(2024, 3, 4), date(2024, 3, 6), False, False)),
        ("二、违法事实：2025年2月10日至2025年3月11日，当事人安排6名未经培训的从业人员上岗作业。",
         (date(2025, 2, 10), date(2025, 3, 11), False, False)),
        # 截至: the act went on at that day, its end is not written
        ("经查明：截至2025年5月13日，当事人未建立生产安全事故隐患排查治理制度。",
         (date(2025, 5, 13), None, True, False)),
        # the party's act led by 于
        ("经查，当事人于2024年3月19日在其门店销售过期食品。", (date(2024, 3, 19), None, False, False)),
        ("发现你单位于2024年3月1日起未经批准擅自排放大气污染物。", (date(2024, 3, 1), None, True, False)),
        # what an inspection found that day: the act was going on
        ("2024年3月19日检查发现当事人未建立农药销售台账，当场责令改正。", (date(2024, 3, 19), None, True, True)),
        # not the act: what the agency did, a deadline, the aftermath, a rule's date, a purchase
        ("经查明：当事人经营农药，未建立销售台账，经本机关于2024年3月19日责令改正后仍未改正。", None),
        ("责令当事人于2024年3月29日前改正违法行为。", None),
        ("当事人已于2025年6月5日按责令改正要求自行拆除部分搭建。", None),
        ("乙酰甲胺磷从2017年6月29日起定为限制使用农药。", None),
        ("过期饮品是当事人于2022年12月20日从某批发部进购的。", None),
        ("2024年10月15日接举报，孙建民在农贸市场销售未经检疫的猪肉。", None),
        ("一、案件来源：2024年3月19日检查发现并责令改正。", None),
        ("答：2025年3月20日开工，4月底完工。", None),
    ],
)
def test_violation_dates(text: str, want) -> None:
    assert _act(text) == want


def test_range_end_takes_the_start_year_and_refuses_an_earlier_end() -> None:
    folded = fold("2024年12月28日至1月3日")
    assert range_end(folded, find_dates(folded)[0]) is None  # no year given: not a period running backwards
    folded = fold("2024年3月4日至6日")
    end = range_end(folded, find_dates(folded)[0])
    assert end is not None and end.value == date(2024, 3, 6)


def _doc(kind: DocKind, title: str, lines: list[str], source: str) -> Document:
    blocks = [TextBlock(text, Position(paragraph=i + 1)) for i, text in enumerate(lines)]
    return Document(source_file=source, file_format="docx", blocks=blocks, kind=kind, title=title)


FILING = ["立案审批表", "简要案情：2024年6月11日现场检查发现当事人喷漆车间未按要求在密闭空间内作业。", "同意立案。2024年6月14日"]


def test_inspection_day_stands_for_the_act_only_when_no_document_dates_it_to_the_month() -> None:
    decision = ["行政处罚决定书", "经查明：当事人经营农药，未建立农药销售台账。", "2024年7月30日"]
    e = extract_case(Dossier("u/1", "u", documents=[
        _doc(DocKind.DECISION, "行政处罚决定书", decision, "决定书.docx"),
        _doc(DocKind.FILING_APPROVAL, "立案审批表", FILING, "立案.docx"),
    ])).elements
    assert e.violation_date is not None and e.violation_date.value == date(2024, 6, 11)
    assert e.violation_date.evidence.source_file == "立案.docx"
    assert e.violation_ongoing is not None and e.violation_end_date is None
    # the decision says the act began in October 2023: the inspection day is not the day of the act
    decision[1] = "经查明：当事人自2023年10月起在喷漆车间进行家具喷涂作业，至2024年6月11日检查时，未在密闭空间中进行。"
    e = extract_case(Dossier("u/1", "u", documents=[
        _doc(DocKind.DECISION, "行政处罚决定书", decision, "决定书.docx"),
        _doc(DocKind.FILING_APPROVAL, "立案审批表", FILING, "立案.docx"),
    ])).elements
    assert e.violation_date is None


def test_period_end_comes_from_the_same_statement_as_the_date() -> None:
    decision = ["行政处罚决定书", "经查明：2024年9月2日至9月5日，当事人污水处理设施故障期间继续生产，2024年9月4日经采样监测超标。",
                "2024年10月30日"]
    e = extract_case(Dossier("u/1", "u", documents=[_doc(DocKind.DECISION, "行政处罚决定书", decision, "决定书.docx")])).elements
    assert e.violation_date is not None and e.violation_date.value == date(2024, 9, 2)
    assert e.violation_end_date is not None and e.violation_end_date.value == date(2024, 9, 5)
    assert e.violation_ongoing is None
