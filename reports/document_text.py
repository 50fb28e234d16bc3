"""How run data reads in the circular's and the letters' prose: shares, evidence locations,
the campaign's name and year. Numbers are written as in cases.csv (reports.contract_csv.fmt_number)."""

from __future__ import annotations

from reports.glossary import CIRCULAR_ZH, LOCATION_ZH
from reports.loading import RunData


def fmt_share(part: int, whole: int) -> str:
    """3 of 8 -> '37.5%'; '0%' of nothing."""
    return f"{part / whole * 100:.1f}%" if whole else "0%"


def location(source_file: str, page: str) -> str:
    """Where a quote was found: '决定书.pdf，第3页', or the cell of a workbook."""
    page = str(page or "").strip()
    where = LOCATION_ZH["page"].format(page=page) if page.isdigit() else LOCATION_ZH["cell"].format(page=page)
    return "，".join(p for p in (source_file, where if page else "") if p)


def campaign_year_of(data: RunData) -> int | None:
    """run.json `campaign_year`, else the year the run started; None when neither is a year."""
    value = data.run.raw.get("campaign_year")
    try:
        return int(value) if value not in (None, "") else (data.run.started_at.year if data.run.started_at else None)
    except (TypeError, ValueError):
        return None


def campaign_name(data: RunData) -> str:
    return data.run.campaign or CIRCULAR_ZH["campaign_default"]
