"""行政强制执行 documents: their titles as units write them, and what facts_execution reads from their text (each
value with the words that say it)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from ingest.classify import classify, match_title, normalize_line
from ingest.extract.document_facts import extract_document
from ingest.extract.facts_execution import link_enforced_decision, link_reminder_receipts
from ingest.glossary import DocKind
from ingest.model import DateRole, Document, Position, TextBlock

K = DocKind


@pytest.mark.parametrize(("line", "kind"), [
    ("行政强制执行决定书", K.ENFORCEMENT_DECISION),
    ("强制执行决定书", K.ENFORCEMENT_DECISION),
    ("北京市朝阳区城市管理综合行政执法局强制拆除决定书", K.ENFORCEMENT_DECISION),
    ("代履行决定书", K.SUBSTITUTE_PERFORMANCE),
    ("立即代履行决定书", K.SUBSTITUTE_PERFORMANCE),
    ("催告书", K.PAYMENT_REMINDER),
    ("履行催告书", K.PAYMENT_REMINDER),
    ("缴纳罚款催告书", K.PAYMENT_REMINDER),
    ("履行行政处罚决定催告书", K.PAYMENT_REMINDER),
    ("强制执行申请书", K.ENFORCEMENT_APPLICATION),
    ("行政非诉执行申请书", K.ENFORCEMENT_APPLICATION),
    ("行政裁定书", K.COURT_RULING),
    ("执行裁定书", K.COURT_RULING),
    ("北京市朝阳区人民法院行政裁定书（2024）京0105行审12号", K.COURT_RULING),
    ("行政裁定书(2023)浙0102执4567号", K.COURT_RULING),
    ("责令限期清除决定书", K.RECTIFICATION_ORDER),  # the order enforced by a 代履行 (水法第六十五条)
    ("限期拆除决定书", K.RECTIFICATION_ORDER),
    ("强制拆除公告", K.DEMOLITION_NOTICE),
    ("限期拆除公告", K.DEMOLITION_NOTICE),
    ("执行现场笔录", K.EXECUTION_RECORD),
    ("强制执行现场笔录", K.EXECUTION_RECORD),
    ("代履行现场记录", K.EXECUTION_RECORD),
    ("执行协议", K.EXECUTION_AGREEMENT),
    ("中止执行决定书", K.EXECUTION_SUSPENSION),
    ("终结执行决定书", K.EXECUTION_SUSPENSION),
    # the neighbours keep their kinds
    ("现场检查笔录", K.INSPECTION_RECORD),
    ("行政强制措施现场笔录", K.SEIZURE_RECORD),
    ("行政处罚决定书", K.DECISION),
])  # fmt: skip
def test_titles(line: str, kind: DocKind) -> None:
    hit = match_title(normalize_line(line))
    assert hit is not None and hit[0] is kind


@pytest.mark.parametrize("line", [
    "本机关将依法申请人民法院强制执行。",
    "逾期不履行的，本机关将依法强制拆除。",
    "你单位收到本催告书后有权进行陈述和申辩。",
])  # fmt: skip
def test_body_text_is_not_a_title(line: str) -> None:
    assert match_title(normalize_line(line)) is None


def _doc(kind: DocKind, lines: list[str], name: str = "x.docx") -> Document:
    blocks = [TextBlock(t, Position(paragraph=i)) for i, t in enumerate(lines, start=1)]
    return Document(name, "docx", blocks, kind=kind, title=lines[0])


def test_a_court_ruling_titled_with_its_number_is_classified() -> None:
    doc = classify(Document("r.docx", "docx", [TextBlock(t, Position(paragraph=i)) for i, t in enumerate(
        ["北京市朝阳区人民法院", "行政裁定书（2025）京0105行审123号", "申请执行人：北京市朝阳区市场监督管理局"], 1)]))
    assert doc.kind == K.COURT_RULING


def test_reminder_parts_dates_and_sums() -> None:
    facts = extract_document(_doc(K.PAYMENT_REMINDER, [
        "缴纳罚款催告书",
        "北京某某商贸有限公司：",
        "本局于2025年1月6日向你单位送达了京朝市监罚〔2024〕88号行政处罚决定书，决定对你单位罚款人民币伍仟元整。",
        "你单位应自收到本催告书之日起十日内到中国银行缴纳罚款5000元及加处罚款1500元。",
        "逾期不缴纳的，每日按罚款数额的3%加处罚款。你单位有权进行陈述、申辩。",
        "北京市朝阳区市场监督管理局",
        "2025年3月3日",
    ], "01催告书.docx"))
    assert facts.dates[DateRole.UNDERLYING_DELIVERY].value == date(2025, 1, 6)
    assert "送达" in facts.dates[DateRole.UNDERLYING_DELIVERY].evidence.quote
    assert DateRole.DEADLINE not in facts.dates  # a relative deadline is a term, not a date
    assert facts.dates[DateRole.SIGNED].value == date(2025, 3, 3)
    terms = facts.execution_terms
    assert terms["deadline"].value == "之日起十日内"
    assert {"manner", "amount", "defense_right", "surcharge_standard"} <= set(terms)
    assert terms["defense_right"].evidence.source_file == "01催告书.docx"
    assert (facts.principal.value, facts.surcharge.value) == (Decimal(5000), Decimal(1500))


def test_reminder_without_parts_and_an_own_service_is_not_the_decisions() -> None:
    facts = extract_document(_doc(K.PAYMENT_REMINDER, [
        "催告书",
        "你单位未履行京朝城管罚〔2024〕12号行政处罚决定。本催告书于2025年3月4日送达你单位。",
        "北京市朝阳区城市管理综合行政执法局",
        "2025年3月3日",
    ]))
    assert DateRole.UNDERLYING_DELIVERY not in facts.dates
    assert not {"deadline", "manner", "defense_right"} & set(facts.execution_terms)


def test_decision_terms_immediate_and_demolition() -> None:
    facts = extract_document(_doc(K.ENFORCEMENT_DECISION, [
        "行政强制执行决定书",
        "当事人：北京某某商贸有限公司",
        "依据《中华人民共和国行政强制法》第三十七条第三款的规定，因你单位有转移财物的迹象，本机关决定立即强制执行，"
        "于2025年3月6日对违法建设实施强制拆除。",
        "2025年3月5日",
    ]))
    terms = facts.execution_terms
    assert {"reason_basis", "manner_time", "immediate", "demolition"} <= set(terms)
    assert "remedies" not in terms


def test_application_review_and_deferral() -> None:
    facts = extract_document(_doc(K.ENFORCEMENT_APPLICATION, [
        "强制执行申请书",
        "该决定书已于2024年9月2日直接送达被申请人。被申请人不服申请行政复议，复议机关于2024年11月1日作出复议决定书，维持原决定。",
        "经被申请人申请，本局批准其分期缴纳罚款。",
        "滞纳金2000元。",
        "2025年3月25日",
    ]))
    assert facts.dates[DateRole.UNDERLYING_DELIVERY].value == date(2024, 9, 2)
    assert {"review_or_suit", "deferred"} <= set(facts.execution_terms)
    assert facts.surcharge.value == Decimal(2000)
    plain = extract_document(_doc(K.ENFORCEMENT_APPLICATION, [
        "强制执行申请书", "当事人在法定期限内未申请行政复议，也未提起行政诉讼。", "2025年3月25日"]))
    assert "review_or_suit" not in plain.execution_terms


def test_totals_and_rates_are_not_the_surcharge() -> None:
    facts = extract_document(_doc(K.ENFORCEMENT_APPLICATION, [
        "强制执行申请书",
        "被申请人应缴纳罚款及加处罚款合计10000元，每日加处罚款150元。",
        "2025年3月25日",
    ]))
    assert facts.surcharge is None and facts.principal is None


def test_execution_record_time_and_emergency() -> None:
    facts = extract_document(_doc(K.EXECUTION_RECORD, [
        "强制执行现场笔录", "时间：2025年3月25日22时30分至23时50分", "因违法建设存在倒塌危险，情况紧急，连夜实施。"]))
    assert facts.time_span.value == (datetime(2025, 3, 25, 22, 30), datetime(2025, 3, 25, 23, 50))
    assert "emergency" in facts.execution_terms


def test_a_receipt_serving_the_reminder_dates_its_service() -> None:
    reminder = extract_document(_doc(K.PAYMENT_REMINDER, ["催告书", "请于2025年3月13日前履行。", "2025年3月3日"]))
    assert reminder.dates[DateRole.DEADLINE].value == date(2025, 3, 13)
    receipt = extract_document(_doc(K.SERVICE_RECEIPT, [
        "送达回证", "送达文书：行政强制执行决定书", "送达日期：2025年3月21日"], "r1.docx"))
    other = extract_document(_doc(K.SERVICE_RECEIPT, [
        "送达回证", "送达文书：履行催告书", "送达日期：2025年3月4日"], "r2.docx"))
    link_reminder_receipts([reminder, receipt, other])
    assert reminder.dates[DateRole.DELIVERY].value == date(2025, 3, 4)
    assert reminder.dates[DateRole.DELIVERY].evidence.source_file == "r2.docx"


@pytest.mark.parametrize("line", [
    "送达：2025年3月14日直接送达，某某签收",
    "送达回证：2025年3月14日直接送达，王某拒绝签收，见证人：社区居委会 李某",
    "收到人签名：王某　2025年3月14日",
])  # fmt: skip
def test_a_service_line_under_a_document_is_its_service_not_its_date(line: str) -> None:
    facts = extract_document(_doc(K.PAYMENT_REMINDER, [
        "催告书", "北京某某商贸有限公司：", "现催告你单位于2025年3月28日前自行拆除。你单位享有陈述和申辩的权利。",
        "北京市朝阳区城市管理综合行政执法局", "2025年3月12日", line,
    ]))
    assert facts.dates[DateRole.SIGNED].value == date(2025, 3, 12)
    assert facts.dates[DateRole.DELIVERY].value == date(2025, 3, 14)


@pytest.mark.parametrize(("lines", "name", "address"), [
    (["某某物流有限公司（住所：北京市朝阳区某某路12号）："], "某某物流有限公司", "北京市朝阳区某某路12号"),
    # a PDF line wrapping inside the brackets: the name is the salutation's, never the wrapped tail
    (["北京市朝阳区某某砂石经营部（经营者张某，地址：北京市朝阳区某某街道滨", "江大道8号）："], "北京市朝阳区某某砂石经营部", None),
    (["王某某："], "王某某", None),
])  # fmt: skip
def test_an_enforcement_decision_salutes_its_party(lines: list[str], name: str, address: str | None) -> None:
    facts = extract_document(_doc(K.SUBSTITUTE_PERFORMANCE, [
        "代履行决定书", *lines, "你经催告仍未清除堆放物。依据《中华人民共和国行政强制法》第五十条，本局决定代履行。",
        "北京市水务局", "2025年5月30日",
    ]))
    assert facts.party_name is not None and facts.party_name.value == name
    if address:
        assert facts.party_address is not None and facts.party_address.value == address


@pytest.mark.parametrize(("sentence", "read"), [
    ("本局决定于2025年4月22日对某某路12号厂区西侧钢结构仓库（约620平方米）实施强制拆除。", True),
    ("经本局限期拆除并于2025年5月12日催告、公告，你逾期未自行拆除。", False),  # when it was reminded, not executed
])  # fmt: skip
def test_the_time_of_execution_is_the_decided_one(sentence: str, read: bool) -> None:
    facts = extract_document(_doc(K.ENFORCEMENT_DECISION, ["强制拆除决定书", "王某：", sentence, "2025年4月14日"]))
    assert ("manner_time" in facts.execution_terms) is read


def _case(*docs: tuple[DocKind, list[str]]) -> list:
    facts = [extract_document(_doc(kind, lines, f"{i:02d}.docx")) for i, (kind, lines) in enumerate(docs, start=1)]
    link_reminder_receipts(facts)
    link_enforced_decision(facts)
    return facts


REMINDER_LINES = ["催告书", "北京某某商贸有限公司：", "你单位至今未缴纳罚款5000元。现催告你单位自收到本催告书之日起十日内缴纳。",
                  "北京市朝阳区市场监督管理局", "2025年3月3日"]


@pytest.mark.parametrize(("decision", "receipt", "deadline"), [
    # fifteen days to pay from the service the receipt naming the decision records
    (["行政处罚决定书", "当事人：北京某某商贸有限公司", "当事人应当自收到本决定书之日起十五日内缴纳罚款。如不服本决定，可以在收到"
      "本决定书之日起六十日内申请行政复议。", "2025年2月3日"], "行政处罚决定书", date(2025, 2, 20)),
    # the 复议 period is not the time to perform; a receipt of another document does not date the decision
    (["行政处罚决定书", "当事人：北京某某商贸有限公司", "可以在收到本决定书之日起六十日内申请行政复议。", "2025年2月3日"],
     "行政处罚决定书", None),
    (["行政处罚决定书", "当事人：北京某某商贸有限公司", "当事人应当自收到本决定书之日起十五日内缴纳罚款。", "2025年2月3日"],
     "强制执行决定书", None),
    # a date to perform by, written in the order
    (["限期拆除决定书", "北京某某商贸有限公司：", "责令你单位于2025年2月28日前自行拆除上述违法建设。", "2025年2月3日"],
     "", date(2025, 2, 28)),
])  # fmt: skip
def test_the_time_to_perform_reaches_the_reminder(decision: list[str], receipt: str, deadline: date | None) -> None:
    kind = K.DECISION if decision[0] == "行政处罚决定书" else K.RECTIFICATION_ORDER
    lines = ["送达回证", f"送达文书名称：{receipt}", "受送达人签名：张某　2025年2月5日"]
    docs = _case((kind, decision), (K.SERVICE_RECEIPT, lines), (K.PAYMENT_REMINDER, REMINDER_LINES))
    found = docs[2].dates.get(DateRole.PERFORMANCE_DEADLINE)
    assert (found.value if found else None) == deadline


@pytest.mark.parametrize(("sentence", "standard"), [
    ("逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。", True),
    ("逾期不缴纳的，按日加收滞纳税款万分之五的滞纳金。", True),
    ("你单位至今未缴纳，已加处罚款3000元。", False),  # a sum added, not the standard told
])  # fmt: skip
def test_the_surcharge_standard_is_a_rate(sentence: str, standard: bool) -> None:
    facts = extract_document(_doc(K.PAYMENT_REMINDER, ["催告书", "北京某某商贸有限公司：", sentence, "2025年3月3日"]))
    assert ("surcharge_standard" in facts.execution_terms) is standard
    assert "surcharge" in facts.execution_terms


def test_the_decisions_own_service_line_dates_it_for_the_application() -> None:
    decision = ["行政处罚决定书", "当事人：北京某某商贸有限公司", "当事人应当自收到本决定书之日起十五日内缴纳罚款。",
                "北京市朝阳区应急管理局", "2024年10月8日", "送达回证：2024年10月9日直接送达，受送达人：金某（签名）"]
    application = ["强制执行申请书", "被申请人：北京某某商贸有限公司", "本局于10月8日作出处罚决定，10月9日送达。", "2025年5月6日"]
    docs = _case((K.DECISION, decision), (K.ENFORCEMENT_APPLICATION, application))
    assert docs[0].dates[DateRole.SIGNED].value == date(2024, 10, 8)
    assert docs[1].dates[DateRole.UNDERLYING_DELIVERY].value == date(2024, 10, 9)
