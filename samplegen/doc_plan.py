"""Which documents a dossier holds, in which order, and in which file format and under which file name."""

from __future__ import annotations

import random
from datetime import date

from ingest.glossary import DocKind
from samplegen.model import DocSpec, DossierSpec

XLSX_KINDS = frozenset({DocKind.CASE_SOURCE, DocKind.FILING_APPROVAL, DocKind.SERVICE_RECEIPT,
                        DocKind.PAYMENT_RECEIPT, DocKind.DECISION_APPROVAL, DocKind.CLOSING_APPROVAL})


def plan_documents(rng: random.Random, d: DossierSpec, single: bool, scanned_share: float,
                   pages_target: int | None) -> list[DocSpec]:
    """The documents the dossier holds (as its defects leave them), in filing order, with format and name."""
    has = set(d.defects)
    t = d.timeline
    plan: list[tuple[DocKind, str, str, date | None]] = [
        (DocKind.COVER, "cover", "行政处罚案件卷宗", None),
    ]
    if rng.random() < 0.5:
        plan.append((DocKind.CATALOG, "catalog", "卷内目录", None))
    plan.append((DocKind.CASE_SOURCE, "case_source", "案件来源登记表", t["source"]))
    plan.append((DocKind.INSPECTION_RECORD, "inspection_record", "现场检查笔录", t["inspection"]))
    if "missing_filing_approval" not in has:
        plan.append((DocKind.FILING_APPROVAL, "filing_approval", "立案审批表", t["filing"]))
    if rng.random() < 0.5:
        plan.append((DocKind.INQUIRY_NOTICE, "inquiry_notice", "询问通知书", t["filing"]))
    plan.append((DocKind.INQUIRY_RECORD, "inquiry_record", "询问笔录", t["inquiry"]))
    if "missing_party_identity" not in has:
        title = "营业执照（副本）复印件" if d.party.kind == "organisation" or d.party.sole_trader \
            else "居民身份证复印件"
        plan.append((DocKind.PARTY_IDENTITY, "party_identity", title, None))
    n_evidence = 1
    if pages_target:
        n_evidence = max(1, pages_target - 18)
    for i in range(n_evidence):
        plan.append((DocKind.EVIDENCE, f"evidence:{i + 1}", "现场照片" if i == 0 else "证据提取单",
                     t["inspection"]))
    if d.extended:
        plan.append((DocKind.EXTENSION_APPROVAL, "extension_approval", "案件延期审批表", t["extension"]))
    if "missing_investigation_report" not in has:
        plan.append((DocKind.INVESTIGATION_REPORT, "investigation_report", "案件调查终结报告", t["report"]))
    if "missing_notice" not in has:
        plan.append((DocKind.PENALTY_NOTICE, "penalty_notice", "行政处罚事先告知书", t["notice"]))
        plan.append((DocKind.SERVICE_RECEIPT, "service_receipt:notice", "送达回证", t["notice_served"]))
    if d.defense == "statement":
        plan.append((DocKind.DEFENSE_RECORD, "defense_record", "陈述申辩笔录", t["defense"]))
    elif d.defense == "waiver":
        plan.append((DocKind.DEFENSE_RECORD, "defense_record", "放弃陈述申辩声明", t["defense"]))
    if d.hearing_held:
        plan.append((DocKind.HEARING_NOTICE, "hearing_notice", "听证通知书", t["hearing_notice"]))
        if "missing_hearing_record" not in has:
            plan.append((DocKind.HEARING_RECORD, "hearing_record", "听证笔录", t["hearing"]))
    if "legal_review" in t:
        plan.append((DocKind.LEGAL_REVIEW, "legal_review", "重大执法决定法制审核意见书", t["legal_review"]))
        plan.append((DocKind.COLLECTIVE_DISCUSSION, "collective_discussion", "重大案件集体讨论记录",
                     t["discussion"]))
    plan.append((DocKind.DECISION_APPROVAL, "decision_approval", "行政处罚决定审批表", t["decision_approval"]))
    plan.append((DocKind.DECISION, "decision", "行政处罚决定书", t["decision"]))
    if "missing_service_receipt" not in has:
        plan.append((DocKind.SERVICE_RECEIPT, "service_receipt:decision", "送达回证", t["delivery"]))
    if "fine_unpaid" not in has:
        plan.append((DocKind.PAYMENT_RECEIPT, "payment_receipt", "罚没款缴款凭证", t["payment"]))
    if "missing_closing_approval" not in has:
        plan.append((DocKind.CLOSING_APPROVAL, "closing_approval", "结案审批表",
                     None if "document_undated" in has else t["closing"]))
    plan.append((DocKind.REMARKS, "remarks", "备考表", t["archive"]))
    plan = _ordered(plan, d.order)

    docs: list[DocSpec] = []
    used: set[str] = set()
    for n, (kind, role, title, when) in enumerate(plan, start=1):
        scanned = scanned_share > 0 and rng.random() < scanned_share
        if single:
            fmt, name = "pdf", ""
        else:
            r = rng.random()
            if scanned:
                fmt = "pdf"
            elif kind in XLSX_KINDS and r < 0.35:
                fmt = "xlsx"
            elif kind == DocKind.DECISION:
                fmt = "pdf" if r < 0.5 else "docx"
            elif kind in (DocKind.COVER, DocKind.CATALOG, DocKind.PARTY_IDENTITY, DocKind.EVIDENCE):
                fmt = "pdf" if r < 0.6 else "docx"
            else:
                fmt = "pdf" if r < 0.3 else "docx"
            name = _file_name(rng, n, title, fmt, used)
        docs.append(DocSpec(kind, role, title, name, fmt, scanned, when))
    return docs


def _ordered(plan: list, order: str) -> list:
    if order == "decision_first":
        decision = [p for p in plan if p[1] in ("decision", "service_receipt:decision")]
        head = [p for p in plan if p[1] in ("cover", "catalog")]
        rest = [p for p in plan if p not in decision and p not in head]
        return head + decision + rest
    if order == "split":  # 正卷 (documents the party saw) then 副卷 (internal approvals and discussions)
        internal = {"filing_approval", "extension_approval", "investigation_report", "legal_review",
                    "collective_discussion", "decision_approval", "closing_approval"}
        return [p for p in plan if p[1] not in internal] + [p for p in plan if p[1] in internal]
    return plan


def _file_name(rng: random.Random, n: int, title: str, fmt: str, used: set[str]) -> str:
    r = rng.random()
    if r < 0.15:
        name = f"scan_{n:03d}.{fmt}"
    elif r < 0.25:
        name = f"文书{n}.{fmt}"
    elif r < 0.3:
        name = f"附件{n}.{fmt}"
    else:
        name = f"{n:02d}_{title}.{fmt}"
    while name in used:
        name = f"{n:02d}_{name}"
    used.add(name)
    return name
