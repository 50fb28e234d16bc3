"""Trend charts (PNG) and the trends workbook (xlsx) for the circular and the bureau's year-on-year review.

Every word comes from the glossary and is drawn with the bundled CJK font (reports/fonts.py). Labels pass
through masking, since trend charts are circulated like the circular itself.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from ingest.glossary import ELEMENT_ZH
from reports.charts import DPI, GRADE_COLORS, WIDTH_IN, new_figure
from reports.fonts import use_cjk_font  # also selects the Agg backend
from reports.glossary import REPORT_ZH, TREND_ZH
from reports.history.trends import Trends
from reports.masking import mask_text
from reports.xlsx import CENTER, append_row, save_workbook, style_header
from scoring.glossary import FINDING_ZH, GRADES_ZH, TERMS_ZH

TREND_CHART_FILES = {
    "unit_scores": "trend_unit_scores.png",
    "grade_shares": "trend_grade_shares.png",
    "top_problems": "trend_top_problems.png",
    "category_deductions": "trend_category_deductions.png",
}
MAX_PROBLEM_ITEMS = 10


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=DPI, bbox_inches="tight")
    return path


def _short(text: str, limit: int = 14) -> str:
    text = mask_text(str(text))
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chart_unit_scores(trends: Trends, path: Path) -> Path:
    """One line per unit across campaigns; legend in the latest campaign's ranking order."""
    wide = trends.unit_scores_wide()
    fig, ax = new_figure(figsize=(WIDTH_IN, 6.0))
    x = np.arange(len(wide.columns))
    cmap, ncolors = (matplotlib.colormaps["tab10"], 10) if len(wide) <= 10 else (matplotlib.colormaps["tab20"], 20)
    for i, (unit, row) in enumerate(wide.iterrows()):
        values = row.to_numpy(dtype=float)
        ax.plot(x, values, marker="o", color=cmap(i % ncolors), label=_short(unit))
        last = np.flatnonzero(~np.isnan(values))
        if last.size:
            ax.annotate(f"{values[last[-1]]:.1f}", (x[last[-1]], values[last[-1]]), textcoords="offset points",
                        xytext=(6, 0), va="center", fontsize=8, color=cmap(i % ncolors))
    ax.set_xticks(x, list(wide.columns))
    ax.set_xlim(-0.3, max(len(x) - 1, 0) + 0.6)
    ax.set_ylim(0, 105)
    ax.set_xlabel(TREND_ZH["label"])
    ax.set_ylabel(TERMS_ZH["average_score"])
    ax.set_title(TREND_ZH["unit_scores"], fontsize=14)
    ax.grid(alpha=0.3)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False,
              ncols=1 if len(wide) <= 24 else 2)
    return _save(fig, path)


def chart_grade_shares(trends: Trends, path: Path) -> Path:
    """Stacked 100 % bars: the share of each grade among graded files, one bar per campaign."""
    shares = trends.grade_shares.pivot_table(index="label", columns="grade", values="share", aggfunc="first")
    shares = shares.reindex(index=trends.labels, columns=list(GRADES_ZH)).fillna(0.0) * 100
    fig, ax = new_figure(figsize=(WIDTH_IN * 0.75, 5.2))
    bottom = np.zeros(len(shares))
    for grade in GRADES_ZH:
        values = shares[grade].to_numpy(dtype=float)
        bars = ax.bar(shares.index, values, bottom=bottom, color=GRADE_COLORS[grade], label=grade, width=0.6)
        ax.bar_label(bars, labels=[f"{v:.0f}%" if v >= 4 else "" for v in values], label_type="center",
                     color="black" if grade == GRADES_ZH[2] else "white", fontsize=9)
        bottom += values
    ax.set_ylim(0, 100)
    ax.set_ylabel(TREND_ZH["share_pct"])
    ax.set_xlabel(TREND_ZH["label"])
    ax.set_title(TREND_ZH["grade_shares"], fontsize=14)
    ax.legend(ncols=len(GRADES_ZH), loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False)
    return _save(fig, path)


def _problem_label(key: str, name: str, types: pd.Series | None) -> str:
    """'R17 决定书无送达凭证', with the item's type under it when the campaigns used several standards."""
    code = key.rpartition("/")[2]
    return f"{code} {_short(name)}" + (f"\n{types.get(key, '')}" if types is not None else "")


def chart_top_problems(trends: Trends, path: Path) -> Path:
    """Grouped horizontal bars: share of files failing each of the latest campaign's top items, per campaign."""
    problems = trends.top_problems
    if "checklist" in problems.columns:  # an item is its standard's own: R13 of two standards are two items
        problems = problems.assign(item_code=problems["checklist"].fillna("") + "/" + problems["item_code"])
    latest = problems[problems["label"] == trends.labels[-1]] if trends.labels else problems
    codes = (latest if not latest.empty else problems).sort_values("rank")["item_code"]
    codes = list(dict.fromkeys(codes))[:MAX_PROBLEM_ITEMS]
    names = problems.drop_duplicates("item_code").set_index("item_code")["item_name"]
    several = "case_type" in problems.columns and problems["case_type"].nunique() > 1
    types = problems.drop_duplicates("item_code").set_index("item_code")["case_type"] if several else None
    shares = problems.pivot_table(index="item_code", columns="label", values="share", aggfunc="first")
    shares = shares.reindex(index=codes, columns=trends.labels).fillna(0.0) * 100
    fig, ax = new_figure(figsize=(WIDTH_IN, max(4.0, 1.4 + 0.55 * len(codes))))
    y = np.arange(len(codes))
    height = 0.8 / max(len(shares.columns), 1)
    cmap = matplotlib.colormaps["Blues"]
    for i, label in enumerate(shares.columns):
        color = cmap(0.35 + 0.6 * (i + 1) / len(shares.columns))
        values = shares[label].to_numpy(dtype=float)
        bars = ax.barh(y - 0.4 + height * (i + 0.5), values, height=height, color=color, label=label)
        ax.bar_label(bars, labels=[f"{v:.0f}%" if v else "" for v in values], padding=2, fontsize=8)
    ax.set_yticks(y, [_problem_label(c, names.get(c, ""), types) for c in codes], fontsize=9)
    ax.invert_yaxis()
    ax.set_xlabel(TREND_ZH["share_pct"])
    ax.set_xlim(0, max(float(shares.to_numpy().max(initial=0)) * 1.15, 10))
    ax.set_title(TREND_ZH["top_problems"], fontsize=14)
    ax.legend(loc="lower right", frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def chart_category_deductions(trends: Trends, path: Path) -> Path:
    """Lines: average points deducted per file in each category, across campaigns."""
    deductions = trends.category_deductions
    if "case_type" in deductions.columns and deductions["case_type"].nunique() > 1:  # 文书归档 of two standards
        deductions = deductions.assign(category=deductions["category"] + "（" + deductions["case_type"] + "）")
    table = deductions.pivot_table(index="label", columns="category", values="per_file", aggfunc="first")
    table = table.reindex(index=trends.labels).fillna(0.0)
    table = table.loc[:, table.sum() > 0]
    fig, ax = new_figure(figsize=(WIDTH_IN * 0.85, 5.2))
    x = np.arange(len(table.index))
    for category in table.columns:
        ax.plot(x, table[category].to_numpy(dtype=float), marker="o", label=_short(category))
    ax.set_xticks(x, list(table.index))
    ax.set_xlabel(TREND_ZH["label"])
    ax.set_ylabel(TREND_ZH["per_file"])
    ax.set_ylim(bottom=0)
    ax.set_title(TREND_ZH["category_deductions"], fontsize=14)
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False)
    ax.grid(alpha=0.3)
    return _save(fig, path)


def render_trend_charts(trends: Trends, out_dir: Path) -> list[Path]:
    """Write the trend PNGs into `out_dir`; a chart with nothing to show is skipped, not drawn empty."""
    use_cjk_font()
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    if not trends.unit_scores.empty:
        written.append(chart_unit_scores(trends, out_dir / TREND_CHART_FILES["unit_scores"]))
    if not trends.grade_shares.empty and trends.grade_shares["files"].sum() > 0:
        written.append(chart_grade_shares(trends, out_dir / TREND_CHART_FILES["grade_shares"]))
    if not trends.top_problems.empty:
        written.append(chart_top_problems(trends, out_dir / TREND_CHART_FILES["top_problems"]))
    if not trends.category_deductions.empty and trends.category_deductions["points"].sum() > 0:
        written.append(chart_category_deductions(trends, out_dir / TREND_CHART_FILES["category_deductions"]))
    return written


# --- workbook -----------------------------------------------------------------------------------------

_HEADERS = {
    "label": TREND_ZH["label"], "name": TREND_ZH["campaign"], "year": TREND_ZH["year"],
    "run_at": TREND_ZH["run_at"], "reviewed": REPORT_ZH["reviewed"], "checklist_id": TERMS_ZH["checklist"],
    "checklist_version": TERMS_ZH["checklist_version"], "files": TREND_ZH["files"], "units": TREND_ZH["units"],
    "unit": TERMS_ZH["unit"], "average": TERMS_ZH["average_score"], "total": TERMS_ZH["total"],
    "rank": TREND_ZH["rank"], "grade": ELEMENT_ZH["grade"], "share": TREND_ZH["share"], "item_code": FINDING_ZH["item_code"],
    "item_name": FINDING_ZH["item_name"], "category": FINDING_ZH["category"], "points": TREND_ZH["points"],
    "per_file": TREND_ZH["per_file"], "previous_files": TREND_ZH["previous_files"],
    "latest_files": TREND_ZH["latest_files"], "case_type": TREND_ZH["case_type"], "checklist": TERMS_ZH["checklist"],
}
_PERCENT = {"share"}
_DECIMAL = {"average", "per_file"}


def _sheet(wb: Workbook, title: str, df: pd.DataFrame, headers: dict[str, str] | None = None) -> None:
    ws = wb.create_sheet(title)
    headers = headers or {}
    columns = list(df.columns)
    append_row(ws, [headers.get(c, _HEADERS.get(c, c)) for c in columns])
    style_header(ws[1], alignment=CENTER)
    for row in df.itertuples(index=False):
        append_row(ws, [mask_text(value) if isinstance(value, str) else value for value in row])
    for i, col in enumerate(columns, start=1):
        letter = get_column_letter(i)
        fmt = "0.0%" if col in _PERCENT else "0.00" if col in _DECIMAL else None
        if fmt:
            for cell in ws[letter][1:]:
                cell.number_format = fmt
        width = max([len(str(ws.cell(row=1, column=i).value or "")) * 2] + [
            len(str(c.value or "")) * (2 if any(ord(ch) > 127 for ch in str(c.value or "")) else 1)
            for c in ws[letter][1:200]])
        ws.column_dimensions[letter].width = min(max(width + 2, 8), 50)
    ws.freeze_panes = "A2"


def write_trends_workbook(trends: Trends, path: Path) -> Path:
    """trends.xlsx: campaigns, unit averages (units × campaigns), grades, top problems, categories,
    the recurrence table (整改未到位) and the 零执法 list, one sheet each."""
    wb = Workbook()
    wb.remove(wb.active)
    campaigns = trends.campaigns.drop(columns=["id"])
    campaigns["reviewed"] = [REPORT_ZH["reviewed"] if done else "" for done in campaigns["reviewed"]]
    _sheet(wb, TREND_ZH["sheet_campaigns"], campaigns)
    wide = trends.unit_scores_wide()
    if not wide.empty:
        wide = wide.reset_index()
        wide.columns = [str(c) for c in wide.columns]
    _sheet(wb, TREND_ZH["sheet_averages"], wide if not wide.empty else pd.DataFrame(columns=["unit"]))
    if not trends.type_scores.empty:
        _sheet(wb, TREND_ZH["sheet_type_averages"], trends.type_scores.drop(columns=["year"]))
    _sheet(wb, TREND_ZH["sheet_grades"], trends.grade_shares.drop(columns=["year"]))
    _sheet(wb, TREND_ZH["sheet_problems"], trends.top_problems.drop(columns=["year"]))
    _sheet(wb, TREND_ZH["sheet_categories"], trends.category_deductions.drop(columns=["year"]))
    _sheet(wb, TREND_ZH["sheet_recurrence"], trends.recurrence)
    _sheet(wb, TREND_ZH["sheet_zero"], trends.zero_enforcement,
           headers={"previous_files": TREND_ZH["previous_cases"]})
    return save_workbook(wb, path)
