"""The city platform's import file: one row per reviewed file, columns named and ordered by a mapping YAML.

Every city's enforcement information platform has its own import template, and results must be entered
there (policy/chaoyang-2020: by June 30), so the columns are data, not code: reports/platform_mapping.yaml is
the default and a city edits a copy. Works from the run's contract files only (reports/loading.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from ingest.errors import PingchaError
from ingest.glossary import CASE_TYPE_ZH, PROCEDURE_ZH
from reports.contract_csv import escape_cell
from reports.glossary import NO_ZH, PLATFORM_ZH, YES_ZH
from reports.loading import RunData, format_cell, load_run
from reports.summary import failed
from scoring.glossary import TERMS_ZH

DEFAULT_MAPPING = Path(__file__).with_name("platform_mapping.yaml")
CSV_NAME = "platform_export.csv"
XLSX_NAME = "platform_export.xlsx"
SHEET_NAME = PLATFORM_ZH["sheet"]
MAIN_PROBLEMS_LIMIT = 3
LIST_SEP = "；"
REVIEWER_SEP = "、"


class PlatformMappingError(PingchaError):
    """The mapping file or the run cannot be exported; one line naming the file and the column."""


def _yes(flag: Any) -> str:
    return YES_ZH if bool(flag) else NO_ZH


def _main_problems(data: RunData) -> dict[str, str]:
    """Per dossier the item names of its veto hits, then its largest deductions (at most three)."""
    findings = data.findings
    if findings.empty:
        return {}
    hits = findings[failed(findings)].copy()
    hits["_order"] = (~hits["veto"]).astype(int)
    hits = hits.sort_values(["dossier_id", "_order", "points_deducted", "item_code"],
                            ascending=[True, True, False, True], kind="stable")
    return {str(d): LIST_SEP.join(g["item_name"].head(MAIN_PROBLEMS_LIMIT)) for d, g in hits.groupby("dossier_id")}


def _review_date(data: RunData) -> str:
    """The reviewers' date when overrides were applied, else when the run finished."""
    review = data.run.review or {}
    for value in (review.get("applied_at"), review.get("time")):
        if isinstance(value, str) and len(value) >= 10:
            return value[:10]
    when = data.run.finished_at or data.run.started_at
    return when.strftime("%Y-%m-%d") if when else ""


def _sources(data: RunData, reviewers: dict[str, list[str]]) -> dict[str, Callable[[Any], str]]:
    """Source name -> value of one cases.csv row (a namedtuple), as the platform reads it."""
    problems = _main_problems(data)
    review_date = _review_date(data)
    campaign = data.run.campaign
    return {
        "dossier_id": lambda r: r.dossier_id,
        "unit": lambda r: r.unit,
        "case_no": lambda r: r.case_no,
        "party_name": lambda r: r.party_name,
        "party_id": lambda r: r.party_id,
        "case_type": lambda r: CASE_TYPE_ZH.get(r.case_type, r.case_type),
        "procedure": lambda r: PROCEDURE_ZH.get(r.procedure, r.procedure),
        "agency": lambda r: r.agency,
        "decision_date": lambda r: format_cell(r.decision_date),
        "fine_amount": lambda r: format_cell(r.fine_amount),
        "score": lambda r: format_cell(r.total_score),
        "raw_score": lambda r: format_cell(r.raw_score),
        "grade": lambda r: r.grade,
        "veto": lambda r: _yes(r.vetoed),
        "main_problems": lambda r: problems.get(r.dossier_id, ""),
        "reviewers": lambda r: REVIEWER_SEP.join(reviewers.get(r.dossier_id, [])),
        "review_date": lambda r: review_date,
        "campaign": lambda r: campaign,
        "checklist": lambda r: data.standard_title(r.checklist) if r.checklist else "",  # its title, as on the 评查表
        "needs_review": lambda r: _yes(r.needs_review),
        "review_reasons": lambda r: r.review_reasons,
    }


SOURCES: tuple[str, ...] = (
    "dossier_id", "unit", "case_no", "party_name", "party_id", "case_type", "procedure", "agency",
    "decision_date", "fine_amount", "score", "raw_score", "grade", "veto", "main_problems", "reviewers",
    "review_date", "campaign", "checklist", "needs_review", "review_reasons",
)  # fmt: skip


def load_mapping(path: Path | None = None) -> list[tuple[str, str | None, str]]:
    """[(header, source or None, constant)] from the mapping YAML, validated; errors name the column."""
    path = Path(path) if path is not None else DEFAULT_MAPPING
    name = path.name
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError as exc:
        raise PlatformMappingError(f"导出映射文件不存在：{path}") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"第{mark.line + 1}行" if mark is not None else ""
        raise PlatformMappingError(f"{name}{where}：不是有效的YAML（{getattr(exc, 'problem', exc)}）") from exc
    if not isinstance(raw, dict) or not isinstance(raw.get("columns"), list) or not raw["columns"]:
        raise PlatformMappingError(f"{name}：须有 columns 列表，如 columns: [{{source: unit, header: {TERMS_ZH['unit']}}}, …]")
    unknown_keys = set(raw) - {"columns"}
    if unknown_keys:
        raise PlatformMappingError(f"{name}：未知的设置项 {'、'.join(sorted(map(str, unknown_keys)))}（只支持 columns）")
    out: list[tuple[str, str | None, str]] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw["columns"], start=1):
        where = f"{name} 第{number}列"
        if not isinstance(entry, dict):
            raise PlatformMappingError(f"{where}：须写成 {{source: 数据项, header: 列名}}")
        extra = set(entry) - {"source", "header", "value"}
        if extra:
            raise PlatformMappingError(f"{where}：未知的键 {'、'.join(sorted(map(str, extra)))}（可用：source、header、value）")
        header = entry.get("header")
        if not isinstance(header, str | int) or not str(header).strip():
            raise PlatformMappingError(f"{where}：缺少列名 header")
        header = str(header).strip()
        if header in seen:
            raise PlatformMappingError(f"{where}：列名“{header}”重复")
        seen.add(header)
        has_source, has_value = "source" in entry, "value" in entry
        if has_source == has_value:
            raise PlatformMappingError(f"{where}（{header}）：须且只能有 source（数据项）或 value（固定值）之一")
        if has_source:
            source = str(entry["source"]).strip()
            if source not in SOURCES:
                raise PlatformMappingError(f"{where}（{header}）：未知的数据项“{source}”（可用：{', '.join(SOURCES)}）")
            out.append((header, source, ""))
        else:
            value = entry["value"]
            out.append((header, None, "" if value is None else str(value)))
    return out


def platform_table(data: RunData, mapping: list[tuple[str, str | None, str]],
                   reviewers: dict[str, list[str]] | None = None) -> pd.DataFrame:
    """The export as a frame of strings, one row per cases.csv row, in the mapping's column order."""
    if reviewers is None:
        stored = data.run.raw.get("reviewers")
        reviewers = stored if isinstance(stored, dict) else {}
    getters = _sources(data, reviewers)
    rows = [
        [getters[source](rec) if source else constant for _, source, constant in mapping]
        for rec in data.cases.sort_values(["unit", "dossier_id"], kind="stable").itertuples(index=False)
    ]
    return pd.DataFrame(rows, columns=[header for header, _, _ in mapping], dtype=object)


def export_platform(out_dir: Path, mapping_path: Path | None = None,
                    reviewers: dict[str, list[str]] | None = None) -> tuple[Path, Path]:
    """Write OUT/platform_export.csv (UTF-8 with BOM) and OUT/platform_export.xlsx from a finished run.

    `reviewers` (dossier_id -> names, e.g. from assignment.xlsx) fills the reviewers column; without it the
    run.json key `reviewers` is used when a run recorded one.
    """
    out_dir = Path(out_dir)
    if not (out_dir / "cases.csv").is_file():
        raise PlatformMappingError(f"{out_dir} 中没有 cases.csv，请先运行 pingcha run")
    mapping = load_mapping(mapping_path)
    table = platform_table(load_run(out_dir), mapping, reviewers)
    csv_path, xlsx_path = out_dir / CSV_NAME, out_dir / XLSX_NAME
    escaped = table.map(lambda value: escape_cell(value) if isinstance(value, str) else value)
    escaped.to_csv(csv_path, index=False, encoding="utf-8-sig", lineterminator="\n")
    _write_xlsx(table, xlsx_path)
    return csv_path, xlsx_path


def _write_xlsx(table: pd.DataFrame, path: Path) -> None:
    from openpyxl import Workbook

    from reports.xlsx import append_row, set_widths, style_header

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    append_row(ws, list(table.columns))
    style_header(ws[1])
    for row in table.itertuples(index=False):
        append_row(ws, list(row))  # text cells: platforms import 文号 and dates as written
    set_widths(ws, [min(60, max(8, _longest(table, header) * 1.6)) for header in table.columns])
    ws.freeze_panes = "A2"
    wb.save(path)


def _longest(table: pd.DataFrame, header: str) -> int:
    """Characters in the column's longest text, its header included."""
    return max([len(str(header)), *(len(str(v)) for v in table[header])]) if len(table) else len(str(header))
