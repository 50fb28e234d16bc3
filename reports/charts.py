"""Campaign charts (PNG, 150 dpi, legible on A4) for the circular (通报) and the scorecard's 汇总 sheet.

Every Chinese word comes from the glossary and is drawn with the bundled CJK font (reports/fonts.py).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from reports.fonts import use_cjk_font  # also selects the Agg backend
from reports.glossary import CHART_ZH
from reports.loading import RunData
from reports.summary import (
    band_grade,
    deductions_by_category,
    top_problems,
    unit_bands,
    unit_ranking,
    unit_type_averages,
)
from scoring.checklist import Checklist, GradeBand
from scoring.engine import FULL_SCORE
from scoring.glossary import GRADES_ZH

DPI = 150
WIDTH_IN = 10.5  # A4 landscape minus margins
GRADE_COLORS = dict(zip(GRADES_ZH, ("#2e7d32", "#1565c0", "#f9a825", "#c62828"), strict=True))
PARETO_ITEMS = 15  # deduction items on the Pareto chart
CHART_FILES = {
    "avg_by_unit": "avg_score_by_unit.png",
    "avg_by_unit_type": "avg_score_by_unit_type.png",  # a campaign of several case types only
    "grades_by_unit": "grades_by_unit.png",
    "pareto": "top_deductions_pareto.png",
    "heatmap": "deductions_by_category.png",
}


def _height(rows: int, per_row: float = 0.38, minimum: float = 3.5, maximum: float = 30.0) -> float:
    return min(maximum, max(minimum, 1.6 + per_row * rows))


def new_figure(figsize: tuple[float, float]):
    """A figure and its axes without pyplot: no global state, so charts may be drawn in several threads."""
    fig = Figure(figsize=figsize)
    return fig, fig.subplots()


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=DPI, bbox_inches="tight")
    return path


def chart_average_by_unit(ranking: pd.DataFrame, checklist: Checklist | dict[str, tuple[GradeBand, ...]],
                          path: Path) -> Path:
    """Horizontal bars, best unit on top, coloured by the grade of the average, the band lines marked (all
    but the lowest band, which starts at 0). `checklist` is the one standard of the run, or each unit's bands
    (reports.summary.unit_bands); when units have different bands no line is drawn and a legend names the
    colours."""
    fig, ax = new_figure(figsize=(WIDTH_IN, _height(len(ranking))))
    units = ranking["unit"].tolist()[::-1]
    values = ranking["average"].astype(float).tolist()[::-1]
    bands = {u: tuple(checklist.grades) for u in units} if isinstance(checklist, Checklist) else checklist
    colors = [GRADE_COLORS.get(band_grade(v, bands[u]), "#607d8b") for u, v in zip(units, values, strict=True)]
    bars = ax.barh(units, values, color=colors)
    ax.bar_label(bars, labels=[f"{v:.1f}" for v in values], padding=3, fontsize=9)
    shared = set(bands.values())
    lines = next(iter(shared)) if len(shared) == 1 else ()
    for name, minimum in ((band.grade, band.min_score) for band in lines if band.min_score > 0):
        ax.axvline(minimum, color=GRADE_COLORS.get(name, "grey"), linestyle="--", linewidth=1)
        ax.text(minimum, 1.01, f"{name} {minimum:g}", transform=ax.get_xaxis_transform(), ha="center",
                va="bottom", fontsize=9, color=GRADE_COLORS.get(name, "grey"))
    if len(shared) > 1:  # each unit graded by its own files' standards: the colours say the grade
        ax.legend(handles=[Patch(color=color, label=grade) for grade, color in GRADE_COLORS.items()],
                  ncols=len(GRADE_COLORS), loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False)
    ax.set_xlim(0, max(FULL_SCORE, max(values, default=0)) * 1.08)
    ax.set_xlabel(CHART_ZH["score"])
    ax.set_ylabel(CHART_ZH["unit"])
    ax.set_title(CHART_ZH["avg_by_unit"], fontsize=14, pad=22)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


TYPE_COLORS = ("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#00838f", "#ad1457", "#5d4037")  # 7 types apart


def chart_average_by_unit_type(table: pd.DataFrame, labels: dict[str, str], path: Path) -> Path:
    """Grouped horizontal bars: each unit's average per case type's standard (`labels`: id -> type label),
    best unit on top as in the ranking; a unit without files of a type has no bar for it."""
    units = table.index.tolist()[::-1]
    fig, ax = new_figure(figsize=(WIDTH_IN, _height(len(units) * max(len(labels), 1) * 0.6)))
    height = 0.8 / max(len(labels), 1)
    for n, (standard, label) in enumerate(labels.items()):
        values = table[standard].astype(float).to_numpy()[::-1]
        positions = np.arange(len(units)) + (len(labels) - 1 - n - (len(labels) - 1) / 2) * height
        bars = ax.barh(positions, np.nan_to_num(values), height=height, label=label,
                       color=TYPE_COLORS[n % len(TYPE_COLORS)])
        ax.bar_label(bars, labels=["" if np.isnan(v) else f"{v:.1f}" for v in values], padding=3, fontsize=8)
    ax.set_yticks(range(len(units)), units)
    ax.set_xlim(0, FULL_SCORE * 1.1)
    ax.set_xlabel(CHART_ZH["score"])
    ax.set_ylabel(CHART_ZH["unit"])
    ax.set_title(CHART_ZH["avg_by_unit_type"], fontsize=14)
    ax.legend(ncols=len(labels), loc="upper center", bbox_to_anchor=(0.5, -0.12), frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def chart_grades_by_unit(ranking: pd.DataFrame, path: Path) -> Path:
    """Stacked horizontal bars of grade counts per unit, in ranking order, counts inside segments."""
    fig, ax = new_figure(figsize=(WIDTH_IN, _height(len(ranking))))
    units = ranking["unit"].tolist()[::-1]
    left = np.zeros(len(units))
    for grade in GRADES_ZH:
        counts = ranking[grade].astype(int).to_numpy()[::-1]
        bars = ax.barh(units, counts, left=left, color=GRADE_COLORS[grade], label=grade)
        ax.bar_label(bars, labels=[str(c) if c else "" for c in counts], label_type="center",
                     color="black" if grade == GRADES_ZH[2] else "white", fontsize=9)
        left += counts
    ax.set_xlabel(CHART_ZH["files"])
    ax.set_ylabel(CHART_ZH["unit"])
    ax.set_title(CHART_ZH["grades_by_unit"], fontsize=14)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(ncols=len(GRADES_ZH), loc="upper center", bbox_to_anchor=(0.5, -0.18), frameon=False)
    ax.grid(axis="x", alpha=0.3)
    return _save(fig, path)


def _item_labels(problems: pd.DataFrame) -> list[str]:
    """Item names, shortened; with a `standard` column (a run of several standards) each followed by it."""
    names = [name if len(name) <= 12 else f"{name[:11]}…" for name in problems["item_name"]]
    if "standard" not in problems.columns:
        return names
    return [f"{name}\n{standard}" for name, standard in zip(names, problems["standard"], strict=True)]


def chart_pareto(problems: pd.DataFrame, path: Path) -> Path:
    """Veto problems apart from point deductions, since a veto deducts no points but fails the file.

    Top panel (when any veto item failed): files with each veto item failed. Bottom panel: points deducted
    per deduction item, most first, with the cumulative share of all points and a dashed 80 % line. Each
    panel's title says what it counts."""
    vetoes = problems[problems["vetoes"] > 0].sort_values(["files", "item_code"], ascending=[False, True])
    deductions = problems[problems["vetoes"] == 0].sort_values(["points", "files", "item_code"],
                                                               ascending=[False, False, True])
    panels = (1 if len(vetoes) else 0) + (1 if len(deductions) else 0)
    heights = [1.6 + 0.35 * len(vetoes)] * bool(len(vetoes)) + [5.8] * bool(len(deductions))
    fig = Figure(figsize=(WIDTH_IN, sum(heights)))
    axes = fig.subplots(max(panels, 1), 1, gridspec_kw={"height_ratios": heights} if panels > 1 else None,
                        squeeze=False)[:, 0]
    if len(vetoes):
        ax = axes[0]
        counts = vetoes["files"].astype(int).to_numpy()[::-1]
        bars = ax.barh(_item_labels(vetoes)[::-1], counts, color="#c62828", height=0.5)
        ax.bar_label(bars, padding=3, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlim(0, max(counts.max(initial=0), 1) * 1.15)
        ax.set_xlabel(CHART_ZH["files"])
        ax.set_title(CHART_ZH["pareto_vetoes"], fontsize=14)
        ax.grid(axis="x", alpha=0.3)
    if len(deductions):
        ax = axes[-1]
        points = deductions["points"].astype(float).to_numpy()
        bars = ax.bar(range(len(points)), points, color="#1565c0")
        ax.bar_label(bars, labels=[f"{p:g}" for p in points], padding=2, fontsize=9)
        ax.set_xticks(range(len(points)), _item_labels(deductions), rotation=40, ha="right", fontsize=9)
        ax.set_ylabel(CHART_ZH["points"])
        ax.set_ylim(0, max(points.max(initial=0), 1) * 1.18)
        cumulative = points.cumsum() / points.sum() * 100 if points.sum() else points
        twin = ax.twinx()
        twin.plot(range(len(points)), cumulative, color="#ef6c00", marker="o")
        for x, y in enumerate(cumulative):
            twin.annotate(f"{y:.0f}%", (x, y), textcoords="offset points", xytext=(0, 6), ha="center",
                          fontsize=8, color="#ef6c00")
        twin.axhline(80, color="#ef6c00", linestyle="--", linewidth=0.8)
        twin.set_ylim(0, 110)
        twin.set_ylabel(f"{CHART_ZH['cumulative_points']} (%)")
        ax.set_title(CHART_ZH["pareto_points"], fontsize=14)
        ax.grid(axis="y", alpha=0.3)
    fig.tight_layout()
    return _save(fig, path)


def heatmap_labels(columns: pd.Index) -> list[str]:
    """The heat map's column labels: the category, under it its standard when columns are (standard,
    category) pairs (a run of several standards), its procedure on a line of its own to keep columns narrow."""
    return [f"{c[1]}\n{c[0]}".replace("（", "\n（") if isinstance(c, tuple) else str(c) for c in columns]


def chart_heatmap(table: pd.DataFrame, units: list[str], path: Path) -> Path:
    """Units × categories, average points deducted per file, value in every cell (— where the unit has no
    file of the column's standard)."""
    table = table.reindex([u for u in units if u in table.index])
    fig, ax = new_figure(figsize=(WIDTH_IN, _height(len(table), per_row=0.45)))
    values = np.ma.masked_invalid(table.to_numpy(dtype=float))
    # cells as vector quads: imshow would resample to the axes' full pixel size in float RGBA (~180 MB for
    # 50 units at 150 dpi); same coordinates as imshow, first unit on top
    rows, cols = values.shape
    image = ax.pcolormesh(np.arange(cols + 1) - 0.5, np.arange(rows + 1) - 0.5, values, cmap="Reds", vmin=0)
    ax.set_xlim(-0.5, cols - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)
    labels = heatmap_labels(table.columns)
    ax.set_xticks(range(len(labels)), labels, fontsize=10 if len(labels) <= 8 else 8,
                  rotation=0 if len(labels) <= 10 else 90)
    ax.set_yticks(range(len(table.index)), table.index, fontsize=10)
    ax.xaxis.tick_top()
    peak = float(values.max()) if values.count() else 0.0
    for (row, col), value in np.ndenumerate(values.filled(np.nan)):
        ax.text(col, row, "—" if np.isnan(value) else f"{value:.1f}", ha="center", va="center", fontsize=9,
                color="white" if peak and value > peak * 0.6 else "black")
    ax.set_xlabel(CHART_ZH["category"])
    ax.set_ylabel(CHART_ZH["unit"])
    ax.set_title(CHART_ZH["heatmap"], fontsize=14, pad=12)
    fig.colorbar(image, ax=ax, fraction=0.03, pad=0.02)
    return _save(fig, path)


def render_campaign_charts(data: RunData, out_dir: Path) -> list[Path]:
    """Write the campaign charts into `out_dir`/charts (output-contract.md: charts/*.png); returns paths.

    A chart with nothing to show (no files, no deductions) is skipped rather than drawn empty.
    """
    use_cjk_font()
    charts_dir = Path(out_dir) / "charts"
    charts_dir.mkdir(parents=True, exist_ok=True)
    ranking = unit_ranking(data.cases)
    written: list[Path] = []
    if ranking.empty:
        return written
    bands = unit_bands(data.cases, data.checklists, data.scoring_checklist())
    written.append(chart_average_by_unit(ranking, bands, charts_dir / CHART_FILES["avg_by_unit"]))
    labels = {c: data.standard_label(c) for c in data.standards()} if data.multi_type else None
    if labels:
        standards = list(labels)
        table = unit_type_averages(data.cases, standards, ranking["unit"].tolist())
        written.append(chart_average_by_unit_type(table, labels, charts_dir / CHART_FILES["avg_by_unit_type"]))
    written.append(chart_grades_by_unit(ranking, charts_dir / CHART_FILES["grades_by_unit"]))
    problems = top_problems(data.findings, limit=None)
    if labels:  # codes and names are a standard's own: each bar says which
        problems = problems.assign(standard=problems["checklist"].map(labels).fillna(""))
    if not problems.empty:  # every veto item, and the deduction items deducting most
        problems = pd.concat([problems[problems["vetoes"] > 0],
                              problems[problems["vetoes"] == 0].nlargest(PARETO_ITEMS, "points", keep="first")])
        written.append(chart_pareto(problems, charts_dir / CHART_FILES["pareto"]))
    table = deductions_by_category(data.cases, data.findings, labels)
    if not table.empty:
        written.append(chart_heatmap(table, ranking["unit"].tolist(), charts_dir / CHART_FILES["heatmap"]))
    return written
