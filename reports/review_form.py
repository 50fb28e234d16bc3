"""The printable 评查表: one page or more per file, the form a reviewer signs (issue 16).

One Word document per unit (OUT/评查表/<unit>.docx), every file on its own page: the case (unit, 文号,
party — masked as in circulated documents), each checklist item with its result, points and evidence, the
total and grade, and lines for the 评查人's and 复核人's signatures and dates. A4 in the 公文 page set-up
(reports/govdoc), tables in 五号 (10.5 pt) with the header repeated and no row split across pages.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pandas as pd
from docx.shared import Cm

from ingest.glossary import ELEMENT_ZH
from reports.contract_csv import fmt_number
from reports.document_text import location, score_text, sentence
from reports.glossary import CIRCULAR_ZH, FILE_NAMES_ZH, FORM_ZH, TYPE_REPORT_ZH
from reports.govdoc import GovDoc
from reports.loading import RunData, load_run
from reports.masking import NameMasker, individual_names
from reports.memory import documents_one_at_a_time, release_document
from reports.rescoring import section_score
from reports.safe_names import safe_file_name
from reports.summary import status_label
from scoring.glossary import FINDING_ZH, TERMS_ZH, Status

FORMS_DIR = FILE_NAMES_ZH["review_forms_dir"]
SIGN_PT = 12  # 小四: the conclusion and signature lines fit under a file's items
ITEM_HEADERS = (TERMS_ZH["seq"], FINDING_ZH["item_name"], FINDING_ZH["status"], FINDING_ZH["points_deducted"],
                FORM_ZH["evidence"])


def evidence_text(finding: Mapping[str, Any]) -> str:
    """What the reviewer checks: the finding's message, then the quote and where it is."""
    text = sentence(finding["message"])
    if finding["quote"]:
        place = location(finding["source_file"], finding["page"])
        text += FORM_ZH["quote"].format(quote=finding["quote"], where=f"（{place}）" if place else "")
    return text


def item_rows(findings: pd.DataFrame) -> list[list[str]]:
    """One row per checklist item of a file, in the checklist's order."""
    rows = []
    for i, f in enumerate(findings.to_dict("records"), start=1):  # iterrows builds a Series a row: 5× slower
        failed = f["status"] == Status.FAIL.value
        points = fmt_number(f["points_deducted"]) if failed and not f["veto"] else ""
        rows.append([str(i), f["item_name"], status_label(f["status"], f["veto"]), points, evidence_text(f)])
    return rows


def _standard(data: RunData, case: pd.Series) -> str:
    """The standard that scored the file: its own (a run of several types), 未评分 when none applied."""
    if data.multi_type or not case["checklist"]:
        return data.standard_title(case["checklist"]) if case["checklist"] else TYPE_REPORT_ZH["unscored"]
    return data.run.checklist.title or CIRCULAR_ZH["standard_default"]


def section_total(data: RunData, dossier_id: str, checklist_id: str, rows: pd.DataFrame) -> str:
    """附加评查结果 under a supplement's items: its score and grade by its own standard, said to be apart from
    the file's; '' when that standard cannot be loaded."""
    checklist = data.checklists.get(checklist_id)
    if checklist is None:
        return ""
    score, grade = section_score(dossier_id, rows, checklist)
    return TYPE_REPORT_ZH["section_total"].format(score=score, grade=grade)


def _form(doc: GovDoc, data: RunData, case: pd.Series, findings: pd.DataFrame) -> None:
    doc.title(FORM_ZH["title"])
    checklist = _standard(data, case)
    doc.table((FORM_ZH["field"], FORM_ZH["value"], FORM_ZH["field"], FORM_ZH["value"]), [
        [TERMS_ZH["unit"], case["unit"], ELEMENT_ZH["case_no"], case["case_no"] or CIRCULAR_ZH["no_case_no"]],
        [ELEMENT_ZH["party_name"], case["party_name"] or "—", TERMS_ZH["checklist"], checklist],
        [ELEMENT_ZH["total_score"], score_text(case), ELEMENT_ZH["grade"], case["grade"] or "—"],
    ])
    doc.table(ITEM_HEADERS, item_rows(findings))
    sections = data.sections[data.sections["dossier_id"] == case["dossier_id"]]
    for checklist_id, rows in sections.groupby("checklist", sort=False):  # scored apart, not in the total
        doc.para(TYPE_REPORT_ZH["section"].format(title=data.standard_title(str(checklist_id))), indent=False,
                 size=SIGN_PT)
        doc.table(ITEM_HEADERS, item_rows(rows))
        total = section_total(data, str(case["dossier_id"]), str(checklist_id), rows)
        if total:
            doc.para(total, indent=False, size=SIGN_PT)
    doc.para(FORM_ZH["total"].format(score=score_text(case), grade=case["grade"] or "—",
                                     files=int((findings["status"] == Status.FAIL.value).sum())),
             indent=False, size=SIGN_PT)
    lines = [doc.doc.paragraphs[-1]]
    for role in ("reviewer", "checker"):  # room to sign: a blank line above each
        lines.append(doc.para("", indent=False, size=SIGN_PT))
        lines.append(doc.para(FORM_ZH["sign"].format(role=FORM_ZH[role]), indent=False, size=SIGN_PT))
    for line in lines[:-1]:  # the conclusion and both signatures on one page
        line.paragraph_format.keep_with_next = True


def findings_by_file(findings: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Each file's findings in their order, split once: selecting them per file scans every finding."""
    return {str(key): group for key, group in findings.groupby("dossier_id", sort=False)}


def write_unit_forms(data: RunData, unit: str, path: Path, mask: NameMasker,
                     by_file: dict[str, pd.DataFrame] | None = None) -> Path:
    """The forms of one unit's files, one after another, each from a new page (`by_file`: the run's
    findings split by file, when the caller writes several units)."""
    by_file = findings_by_file(data.findings) if by_file is None else by_file
    none = data.findings.iloc[0:0]
    doc = GovDoc(mask=mask)
    section = doc.doc.sections[0]  # a working form, not a 公文: narrower top and bottom margins leave room
    section.top_margin, section.bottom_margin, section.footer_distance = Cm(2.5), Cm(2.0), Cm(1.0)
    cases = data.cases[data.cases["unit"] == unit].sort_values(["case_no", "dossier_id"], kind="stable")
    for n, (_, case) in enumerate(cases.iterrows()):
        if n:
            doc.page_break()
        _form(doc, data, case, by_file.get(str(case["dossier_id"]), none))
    return doc.save(path)


def write_review_forms(out_dir: Path, forms_dir: Path | None = None, share: tuple[int, int] = (0, 1)) -> list[Path]:
    """OUT/评查表/<unit>.docx for every unit of the run; returns the paths in unit order. One unit's
    document at a time, freed before the next (~28 MB a unit of 20 files: reports/memory.py).
    `share` (k, n): only every n-th unit from the k-th, so n processes can write the forms together."""
    data = load_run(Path(out_dir))
    forms_dir = Path(forms_dir) if forms_dir is not None else Path(out_dir) / FORMS_DIR
    mask = NameMasker(individual_names(data.cases))
    by_file = findings_by_file(data.findings)
    written = []
    with documents_one_at_a_time():
        for unit in sorted(data.cases["unit"].unique())[share[0]::share[1]]:
            path = forms_dir / f"{safe_file_name(str(unit))}.docx"
            written.append(write_unit_forms(data, str(unit), path, mask, by_file))
            release_document()
    return written


__all__ = ["FORMS_DIR", "evidence_text", "item_rows", "write_review_forms", "write_unit_forms"]
