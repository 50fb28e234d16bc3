"""Writes a campaign spec to disk: one folder (or one PDF) per dossier, a 台账 per unit, and the manifest.

The manifest is ground truth for tests and must never sit inside the dossiers folder (the pipeline reports
every non-.docx/.pdf/.xlsx file there as a problem).
"""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import samplegen.styles as styles
from samplegen.case_types import DEFAULT_TYPES
from samplegen.content import build_doc
from samplegen.document import Doc
from samplegen.manifest_typed import expected_fields, mixed_register, typed_entry
from samplegen.model import CampaignSpec, DossierSpec, TypedDossierSpec, hash_str
from samplegen.render_office import render_docx, render_register, render_xlsx
from samplegen.render_pdf import page_counts, render_pdf

MANIFEST_VERSION = 1
# The manifest names its format, not the module's path: it kept the name it had when the generator lived
# in pipelines/, so committed manifests (tests/data/sample_manifest.json) stay byte-identical.
MANIFEST_GENERATOR = "pipelines.samplegen"


def write_campaign(spec: CampaignSpec, out_dir: Path) -> None:
    """Write every dossier and unit register of `spec` under `out_dir` (created if missing)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    for unit in spec.units:
        (out_dir / unit.name).mkdir(exist_ok=True)
    for d in spec.dossiers:
        write_dossier(d, out_dir)
    for unit in spec.units:
        rows = [d for d in spec.dossiers if d.unit == unit.name]
        if spec.types == DEFAULT_TYPES:
            (out_dir / unit.register_file).write_bytes(_register(unit.name, spec.year, rows))
        else:
            (out_dir / unit.register_file).write_bytes(mixed_register(unit.name, spec.year, rows))


def write_dossier(d: DossierSpec | TypedDossierSpec, out_dir: Path) -> None:
    target = out_dir / d.dossier_id
    docs = list(zip(d.documents, dossier_docs(d), strict=True))
    if d.single_file:
        target.write_bytes(render_pdf([(doc, s.scanned, _seed(d, s.role)) for s, doc in docs]))
        return
    target.mkdir(parents=True, exist_ok=True)
    for s, doc in docs:
        if s.format == "pdf":
            data = render_pdf([(doc, s.scanned, _seed(d, s.role))])
        elif s.format == "xlsx":
            data = render_xlsx(doc)
        else:
            data = render_docx(doc)
        (target / s.file).write_bytes(data)


def dossier_docs(d: DossierSpec | TypedDossierSpec) -> list[Doc]:
    """The content of each document, in file order (what tests compare extracted text against)."""
    if isinstance(d, TypedDossierSpec):
        return [d.contents[s.role] for s in d.documents]
    return [build_doc(d, s) for s in d.documents]


def _seed(d: DossierSpec, role: str) -> int:
    return hash_str(d.dossier_id + role)


def _register(unit: str, year: int, dossiers: list[DossierSpec]) -> bytes:
    header = ["序号", "案卷编号", "决定书文号", "当事人", "统一社会信用代码/身份证件号码", "案由", "立案日期",
              "决定日期", "罚款金额（元）", "结案日期"]
    rows = []
    for n, d in enumerate(dossiers, start=1):
        rows.append([n, d.dossier_id.split("/", 1)[1], d.case_no, d.party_name, d.party_id, d.cause,
                     d.filing_date.isoformat(), d.decision_date.isoformat(), float(d.fine_amount),
                     d.timeline["closing"].isoformat()])
    return render_register(f"{unit}{year}年行政处罚案件台账", header, rows)


# ----------------------------------------------------------------------------------------------------
# Manifest
# ----------------------------------------------------------------------------------------------------


def manifest(spec: CampaignSpec) -> dict:
    """The JSON-ready ground truth of a campaign (dates ISO, Decimals as strings)."""
    dossiers = []
    for d in spec.dossiers:
        if isinstance(d, TypedDossierSpec):
            dossiers.append(typed_entry(d, _documents(d)))
            continue
        pages = page_counts(dossier_docs(d)) if d.single_file else None
        first = 1
        documents = []
        for i, s in enumerate(d.documents):
            entry = {"kind": str(s.kind), "role": s.role, "title": s.title, "file": s.file, "format": s.format,
                     "scanned": s.scanned, "date": _iso(s.date)}
            if pages is not None:
                entry["pages"] = [first, first + pages[i] - 1]
                first += pages[i]
            documents.append(entry)
        dossiers.append({
            "dossier_id": d.dossier_id, "unit": d.unit, "single_file": d.single_file,
            "case_type": "penalty", "procedure": "general", "scenario": d.scenario, "cause": d.cause,
            "elements": {
                "case_no": d.case_no, "agency": d.agency, "party_name": d.party_name, "party_kind": d.party_kind,
                "party_id": d.party_id, "violation_date": _iso(d.violation_date),
                "source_date": _iso(d.source_date), "filing_date": _iso(d.filing_date),
                "notice_no": d.notice_no, "notice_date": _iso(d.notice_date),
                "notice_served_date": _iso(d.notice_served_date), "hearing_date": _iso(d.hearing_date),
                "decision_date": _iso(d.decision_date), "delivery_date": _iso(d.delivery_date),
                "fine_amount": _dec(d.fine_amount), "notice_fine_amount": _dec(d.notice_fine_amount),
                "officers": [n for n, _ in d.officers], "officer_cert_nos": [c for _, c in d.officers],
                "violated_provision": d.violated_provision, "penalty_provision": d.penalty_provision,
                "party_address": d.party.address, "review_body": "" if "decision_missing_remedies" in d.defects
                else "清河区人民政府",
            },
            "facts": {
                "hearing_applies": d.hearing_applies, "major_case": d.major, "hearing_held": d.hearing_held,
                "defense": d.defense, "extended": d.extended, "order": d.order, "source_kind": d.source_kind,
                "archive_no": d.archive_no, "timeline": {k: _iso(v) for k, v in sorted(d.timeline.items())},
                "record_times": {k: [_iso(a), _iso(b)] for k, (a, b) in sorted(d.record_times.items())},
                "wrong_case_no": d.wrong_case_no, "wrong_party_name": d.wrong_party_name,
                "upper_fine": _dec(d.upper_fine), "style": asdict(d.style),
            },
            "documents": documents,
            "defects": d.defects,
            **expected_fields(d),
        })
    if spec.types != DEFAULT_TYPES:  # every dossier names its own checklist
        for entry in dossiers:
            entry.setdefault("checklist", "penalty-general")
    return {
        "version": MANIFEST_VERSION, "generator": MANIFEST_GENERATOR, "seed": spec.seed, "year": spec.year,
        "styles": spec.styles, "checklist": "penalty-general" if spec.types == DEFAULT_TYPES else "by-dossier",
        "params": spec.params,
        "units": [{"name": u.name, "agency": u.agency, "code": u.code, "register_file": u.register_file,
                   "officers": [[o.name, o.cert_no] for o in u.officers]} for u in spec.units],
        "dossiers": dossiers,
    }


def _documents(d: TypedDossierSpec) -> list[dict]:
    pages = page_counts(dossier_docs(d)) if d.single_file else None
    first, out = 1, []
    for i, s in enumerate(d.documents):
        entry = {"kind": str(s.kind), "role": s.role, "title": s.title, "file": s.file, "format": s.format,
                 "scanned": s.scanned, "date": _iso(s.date)}
        if pages is not None:
            entry["pages"] = [first, first + pages[i] - 1]
            first += pages[i]
        out.append(entry)
    return out


def write_manifest(spec: CampaignSpec, path: Path) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(manifest(spec), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def _iso(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return value.isoformat(timespec="minutes") if isinstance(value, datetime) else value.isoformat()


def _dec(value: Decimal | None) -> str | None:
    return None if value is None else styles.fig_amount(value)
