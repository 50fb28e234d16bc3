"""How run data reads in the circular's and the letters' prose: shares, evidence locations,
the campaign's name and year. Numbers are written as in cases.csv (reports.contract_csv.fmt_number)."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from ingest.glossary import LOCATION_ZH
from reports.contract_csv import fmt_number
from reports.glossary import CIRCULAR_ZH, DOC_ZH
from reports.loading import RunData


def fmt_share(part: int, whole: int) -> str:
    """3 of 8 -> '37.5%'; '0%' of nothing."""
    return f"{part / whole * 100:.1f}%" if whole else "0%"


_CELL = re.compile(r"!\$?[A-Z]{1,3}\$?\d+$")


def is_cell(page: str) -> bool:
    """findings.csv `page` naming a workbook cell ('Sheet1!B3'), which a circulated document does not cite."""
    return bool(_CELL.search(str(page or "").strip()))


def location(source_file: str, page: str) -> str:
    """Where a quote was found, from findings.csv's file and `page`: '决定书.pdf，第3页' for a PDF page; a .docx
    place as ingest wrote it ('询问笔录.docx，第2页，“二、调查经过”下第3段'); a workbook's cell as it is."""
    page = str(page or "").strip()
    where = LOCATION_ZH["page"].format(page=page) if page.isdigit() else page
    return "，".join(p for p in (source_file, where) if p)


def campaign_year_of(data: RunData) -> int | None:
    """run.json `campaign_year`, else the year the run started; None when neither is a year."""
    value = data.run.raw.get("campaign_year")
    try:
        return int(value) if value not in (None, "") else (data.run.started_at.year if data.run.started_at else None)
    except (TypeError, ValueError):
        return None


def campaign_name(data: RunData) -> str:
    return data.run.campaign or CIRCULAR_ZH["campaign_default"]


def case_citation(unit: str, case_no: str, party: str = "") -> str:
    """A file as a circulated document names it: by its unit and decision number (文号), never by folder or
    file name; a file without a number by its party (masked by the document like any other text)."""
    if case_no:
        return CIRCULAR_ZH["case_cited"].format(unit=unit, case_no=case_no)
    return CIRCULAR_ZH["case_unnumbered"].format(unit=unit, party=party or CIRCULAR_ZH["party_unknown"])


def sentence(text: object) -> str:
    """A message as one sentence ending in 。 ('' for none)."""
    text = str(text or "").strip().rstrip("。；;，,")
    return text + "。" if text else ""


def score_text(case: Any) -> str:
    """A file's score as documents print it: '0（原始得分98）' when vetoed, '—' when unscored."""
    if case["vetoed"]:
        raw = case["raw_score"]
        return DOC_ZH["score_vetoed"].format(raw=fmt_number(raw) if pd.notna(raw) else "—")
    return fmt_number(case["total_score"]) if pd.notna(case["total_score"]) else "—"
