"""Hand-built case facts for the scoring tests: real model objects, a clean general-procedure penalty file."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from ingest.glossary import DocKind
from ingest.model import (
    AmountPair,
    CaseFacts,
    DateRole,
    DocFacts,
    Elements,
    Evidence,
    Found,
    Officer,
    Position,
    Provision,
)
from scoring.checklist import ChecklistItem, load_checklist
from scoring.rules import REGISTRY, RuleContext, RuleSpec

CASE_NO = "京朝市监罚〔2025〕12号"
PARTY = "北京某某餐饮有限公司"
CREDIT = "914101850572028342"


def ev(file: str, quote: str = "", page: int = 1) -> Evidence:
    return Evidence(file, Position(page=page), quote)


def found(value, file: str = "x.pdf", quote: str = ""):
    return Found(value, ev(file, quote or str(value)))


def day(y: int, m: int, d: int, file: str = "x.pdf") -> Found[date]:
    return found(date(y, m, d), file, f"{y}年{m}月{d}日")


def officers(file: str, *pairs: tuple[str, str | None]) -> list[Officer]:
    return [Officer(n, c, ev(file, f"执法人员：{n}（执法证号：{c}）")) for n, c in pairs]


TWO = (("张三", "11010012345"), ("李四", "11010012346"))


def provision(law: str = "中华人民共和国食品安全法", article: int | None = 34) -> Provision:
    return Provision(law, article, text=f"《{law}》第{article}条" if article else f"《{law}》")


def record(file: str, kind: DocKind = DocKind.INQUIRY_RECORD, **kw) -> DocFacts:
    base = dict(
        officers=officers(file, *TWO),
        time_span=found((datetime(2025, 3, 6, 9, 30), datetime(2025, 3, 6, 10, 15)), file),
        place=found("当事人经营场所", file),
        signed_by_party=found(True, file, "被询问人签名：王五"),
        dates={DateRole.RECORD_START: day(2025, 3, 6, file)},
    )
    base.update(kw)
    return DocFacts(file, kind, DocKindTitle[kind], **base)


DocKindTitle = {
    DocKind.INQUIRY_RECORD: "询问笔录",
    DocKind.INSPECTION_RECORD: "现场检查笔录",
}


def clean_documents() -> list[DocFacts]:
    fine = Decimal(20000)
    return [
        DocFacts("01案源.docx", DocKind.CASE_SOURCE, "案件来源登记表",
                 dates={DateRole.SOURCE: day(2025, 3, 3, "01案源.docx")}),
        DocFacts(
            "02立案.docx", DocKind.FILING_APPROVAL, "立案审批表",
            party_name=found(PARTY, "02立案.docx"),
            officers=officers("02立案.docx", ("张三", None)),
            dates={DateRole.FILING: day(2025, 3, 5, "02立案.docx"), DateRole.APPROVAL: day(2025, 3, 5, "02立案.docx")},
            fields={k: found(k, "02立案.docx") for k in ("案件来源", "案由", "负责人审批意见")},
        ),
        record("03询问笔录.docx"),
        record("04检查笔录.docx", DocKind.INSPECTION_RECORD),
        DocFacts("05营业执照.pdf", DocKind.PARTY_IDENTITY, "营业执照", party_name=found(PARTY, "05营业执照.pdf"),
                 party_id=found(CREDIT, "05营业执照.pdf")),
        DocFacts("06调查终结报告.docx", DocKind.INVESTIGATION_REPORT, "案件调查终结报告"),
        DocFacts(
            "07告知书.docx", DocKind.PENALTY_NOTICE, "行政处罚事先告知书",
            own_no=found("京朝市监罚告〔2025〕12号", "07告知书.docx"),
            party_name=found(PARTY, "07告知书.docx"),
            dates={DateRole.NOTICE: day(2025, 4, 1, "07告知书.docx")},
            fine=found(fine, "07告知书.docx", "拟罚款贰万元"),
            violated=[found(provision(), "07告知书.docx")],
            penalty_basis=[found(provision(article=124), "07告知书.docx")],
            defense_right=found("你单位有权进行陈述和申辩", "07告知书.docx"),
            defense_period_days=3,
            fields={"违法事实": found("经查……", "07告知书.docx")},
        ),
        DocFacts(
            "08送达回证.docx", DocKind.SERVICE_RECEIPT, "送达回证",
            served_document=found("行政处罚事先告知书（京朝市监罚告〔2025〕12号）", "08送达回证.docx"),
            party_name=found(PARTY, "08送达回证.docx"), place=found("当事人经营场所", "08送达回证.docx"),
            signed_by_party=found(True, "08送达回证.docx"),
            dates={DateRole.DELIVERY: day(2025, 4, 2, "08送达回证.docx")},
            fields={"送达方式": found("直接送达", "08送达回证.docx")},
        ),
        DocFacts(
            "09决定书.docx", DocKind.DECISION, "行政处罚决定书",
            own_no=found(CASE_NO, "09决定书.docx"),
            agency=found("北京市朝阳区市场监督管理局", "09决定书.docx"),
            party_name=found(PARTY, "09决定书.docx"), party_kind="organisation",
            party_id=found(CREDIT, "09决定书.docx"), party_address=found("北京市朝阳区某路1号", "09决定书.docx"),
            dates={DateRole.DECISION: day(2025, 4, 15, "09决定书.docx")},
            fine=found(fine, "09决定书.docx", "罚款贰万元"),
            amounts=[AmountPair(fine, fine, ev("09决定书.docx", "罚款人民币贰万元（¥20000元）"))],
            violated=[found(provision(), "09决定书.docx")],
            penalty_basis=[found(provision(article=124), "09决定书.docx")],
            remedies=found("可在收到本决定书之日起六十日内申请行政复议", "09决定书.docx"),
            payment_terms=found("自收到本决定书之日起十五日内缴纳", "09决定书.docx"),
            fields={"违法事实": found("经查……", "09决定书.docx"), "证据": found("以上事实有……为证", "09决定书.docx")},
        ),
        DocFacts(
            "10送达回证.docx", DocKind.SERVICE_RECEIPT, "送达回证",
            served_document=found("行政处罚决定书", "10送达回证.docx"),
            cited_case_nos=[found(CASE_NO, "10送达回证.docx")],
            party_name=found(PARTY, "10送达回证.docx"), place=found("当事人经营场所", "10送达回证.docx"),
            signed_by_party=found(True, "10送达回证.docx"),
            dates={DateRole.DELIVERY: day(2025, 4, 16, "10送达回证.docx")},
            fields={"送达方式": found("直接送达", "10送达回证.docx")},
        ),
        DocFacts("11缴款凭证.pdf", DocKind.PAYMENT_RECEIPT, "罚没款缴款凭证"),
        DocFacts("12结案审批表.docx", DocKind.CLOSING_APPROVAL, "结案审批表",
                 cited_case_nos=[found(CASE_NO, "12结案审批表.docx")],
                 dates={DateRole.CLOSING: day(2025, 5, 10, "12结案审批表.docx")}),
    ]


def clean_elements(docs: list[DocFacts]) -> Elements:
    by_kind = {d.kind: d for d in docs}
    decision = by_kind[DocKind.DECISION]
    return Elements(
        case_no=decision.own_no,
        agency=decision.agency,
        party_name=decision.party_name,
        party_kind="organisation",
        party_id=decision.party_id,
        source_date=day(2025, 3, 3, "01案源.docx"),
        filing_date=day(2025, 3, 5, "02立案.docx"),
        notice_no=by_kind[DocKind.PENALTY_NOTICE].own_no,
        notice_date=day(2025, 4, 1, "07告知书.docx"),
        notice_served_date=day(2025, 4, 2, "08送达回证.docx"),
        decision_date=decision.dates[DateRole.DECISION],
        delivery_date=day(2025, 4, 16, "10送达回证.docx"),
        publication_date=day(2025, 4, 18, "13公示截图.pdf"),  # 公示 on the 3rd working day (T01)
        fine_amount=decision.fine,
        notice_fine_amount=by_kind[DocKind.PENALTY_NOTICE].fine,
        officers=officers("03询问笔录.docx", *TWO),
        violated=decision.violated,
        penalty_basis=decision.penalty_basis,
        remedies=decision.remedies,
        payment_terms=decision.payment_terms,
    )


def clean_case(dossier_id: str = "区市场监管局/2025-012") -> CaseFacts:
    docs = clean_documents()
    return CaseFacts(dossier_id, "区市场监管局", docs, clean_elements(docs))


def doc_of(facts: CaseFacts, kind: DocKind, index: int = 0) -> DocFacts:
    return facts.of_kind(kind)[index]


def drop(facts: CaseFacts, *kinds: DocKind) -> CaseFacts:
    facts.documents = [d for d in facts.documents if d.kind not in kinds]
    return facts


CHECKLIST = load_checklist("penalty-general")


def ctx(roster=None, **params) -> RuleContext:
    return RuleContext({**CHECKLIST.parameters, **params}, roster)


def item(kind: str, args: dict | None = None, *, code: str = "T01", points: float = 1, cap: float = 1,
         veto: bool = False) -> ChecklistItem:
    """A checklist item for one rule kind, its args validated by the kind's own schema."""
    args = dict(args or {})
    if REGISTRY[kind].composite:
        args["rules"] = tuple(
            RuleSpec(r["kind"], REGISTRY[r["kind"]].args_model.model_validate(r.get("args", {})))
            for r in args["rules"]
        )
    model = REGISTRY[kind].args_model.model_validate(args)
    return ChecklistItem(code, "测试项目", "基础标准" if veto else "立案", 0 if veto else points,
                         0 if veto else cap, veto, kind, model, "行政处罚法", "测试理由")


def run(kind: str, args: dict | None, facts: CaseFacts, roster=None):
    return REGISTRY[kind].evaluate(item(kind, args), facts, ctx(roster))


def score_folders(root, checklist_id: str) -> dict:
    """Every dossier found under `root`, read as pingcha reads it and scored on the bundled checklist: folder name
    -> (CaseFacts, CaseResult)."""
    from ingest.discover import discover_campaign
    from ingest.extract import extract_case
    from ingest.load import load_dossier
    from scoring.engine import score_case

    checklist = load_checklist(checklist_id)
    out = {}
    for ref in discover_campaign(root).dossiers:
        facts = extract_case(load_dossier(ref))
        out[ref.dossier_id.rsplit("/", 1)[-1]] = (facts, score_case(facts, checklist))
    return out


def item_status(result, code: str) -> tuple[str, str]:
    """(status, message) of one item of a scored file."""
    finding = next(f for f in result.findings if f.item_code == code)
    return finding.status.value, finding.message
