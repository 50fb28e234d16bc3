"""unit_findings.csv and the scorecard's sheet of campaign-level findings: how often each unit inspected the same
party, counted over its register (scoring/campaign/inspection_frequency.py). Written only when the run scored files
against the inspection standard; a unit without a register is listed as not checked, saying why.

The registers are found again under the run's DOSSIERS folder (run.json's arguments), by the one finder
(ingest.discover); the cap is the inspection standard's `annual_inspection_cap`, absent by default.
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ingest.discover import discover_campaign
from ingest.inspection_register import read_inspection_register
from reports.contract_csv import CSV_ENCODING, escape_row
from reports.glossary import UNIT_FINDING_ZH
from reports.loading import RunData
from reports.xlsx import WRAP, append_row, laid_out_sheet, print_setup, set_widths, write_header
from scoring.campaign.inspection_frequency import CAP_PARAMETER, UnitFinding, unit_frequency
from scoring.glossary import FREQUENCY_ZH

UNIT_FINDINGS_NAME = "unit_findings.csv"
INSPECTION = "inspection"  # the bundled inspection standard's id
COLUMNS = ("unit", "check", "message", "party", "credit_code", "period", "count", "cap", "rows")
SHEET = UNIT_FINDING_ZH["sheet"]


def unit_findings(data: RunData) -> list[UnitFinding] | None:
    """Each unit's findings, or None when no file of the run was scored against the inspection standard."""
    if INSPECTION not in data.standards():
        return None
    raw_cap = data.checklist_by_id(INSPECTION).parameters.get(CAP_PARAMETER)
    cap = int(raw_cap) if raw_cap is not None else None
    arguments = data.run.arguments or {}
    reviewed = {u for u in data.cases["unit"] if u}
    root = Path(arguments.get("dossiers") or "")
    registers: dict[str, list] = {}
    if arguments.get("dossiers") and root.is_dir():
        for ref in discover_campaign(root).registers:
            if ref.unit in reviewed:
                registers.setdefault(ref.unit, []).append(read_inspection_register(ref.path, ref.unit, ref.name))
    # the units with inspection files, and those whose register lists inspections
    inspecting = set(data.cases.loc[data.cases["checklist"] == INSPECTION, "unit"])
    units = sorted(inspecting | {u for u, reads in registers.items() if any(r.inspections for r in reads)})
    if not root.is_dir() or not arguments.get("dossiers"):  # the run's folder moved: nothing could be looked at
        gone = FREQUENCY_ZH["no_folder"].format(path=arguments.get("dossiers") or "")
        return [UnitFinding(unit, "not_checked", gone) for unit in units]
    return [f for unit in units for f in unit_frequency(unit, registers.get(unit, []), cap)]


def _cells(finding: UnitFinding) -> list[Any]:
    return [finding.unit, FREQUENCY_ZH[finding.check], finding.message, finding.party, finding.credit_code,
            finding.period, "" if finding.count is None else finding.count, "" if finding.cap is None else finding.cap,
            "\n".join(finding.rows)]


def write_unit_findings(data: RunData, path: Path) -> Path | None:
    """unit_findings.csv (Chinese headers), or None when the run holds no inspection files."""
    findings = unit_findings(data)
    if findings is None:
        return None
    with path.open("w", encoding=CSV_ENCODING, newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([UNIT_FINDING_ZH[c] for c in COLUMNS])
        writer.writerows(escape_row(str(c) for c in _cells(f)) for f in findings)  # register text never runs
    return path


def add_unit_findings_sheet(wb: Any, data: RunData) -> None:
    """The scorecard's sheet of the same findings; none when the run holds no inspection files."""
    findings = unit_findings(data)
    if findings is None:
        return
    with laid_out_sheet(wb, SHEET) as ws:
        append_row(ws, [UNIT_FINDING_ZH["note"]])
        write_header(ws, 2, [UNIT_FINDING_ZH[c] for c in COLUMNS])
        for finding in findings:
            append_row(ws, _cells(finding))
            for col in (3, 9):
                ws.cell(row=ws.max_row, column=col).alignment = WRAP
        set_widths(ws, [18, 18, 48, 28, 22, 12, 10, 10, 70])
        ws.freeze_panes = "A3"
        print_setup(ws, "2:2")
