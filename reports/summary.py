"""Campaign aggregates shared by the scorecard and the charts, so both always show the same numbers."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from scoring.checklist import Checklist, GradeBand
from scoring.glossary import GRADES_ZH, STATUS_ZH, VETO_FAIL_ZH, Status


def unit_ranking(cases: pd.DataFrame) -> pd.DataFrame:
    """Units ranked by average score, ties by total (domain.md); one row per unit with grade counts."""
    columns = ["rank", "unit", "files", "average", "total", *GRADES_ZH, "vetoes", "needs_review"]
    if cases.empty:
        return pd.DataFrame(columns=columns)
    frame = cases.assign(_score=cases["total_score"])  # unscored files (unreadable) count, but not in averages
    grouped = frame.groupby("unit", sort=False)
    out = pd.DataFrame({
        "files": grouped.size(),
        "average": grouped["_score"].mean().fillna(0.0),
        "total": grouped["_score"].sum(),
        "vetoes": grouped["vetoed"].sum().astype(int),
        "needs_review": grouped["needs_review"].sum().astype(int),
    })
    counts = frame.groupby(["unit", "grade"]).size().unstack(fill_value=0)
    for grade in GRADES_ZH:
        out[grade] = counts[grade].reindex(out.index, fill_value=0).astype(int) if grade in counts else 0
    out = out.reset_index(names="unit")
    out["_avg"] = out["average"].round(6)  # equal averages are ties, whatever the float noise
    out = out.sort_values(["_avg", "total", "unit"], ascending=[False, False, True], kind="stable")
    out["rank"] = range(1, len(out) + 1)
    return out[columns].reset_index(drop=True)


def unit_type_averages(cases: pd.DataFrame, standards: list[str], units: list[str]) -> pd.DataFrame:
    """Per unit (rows in `units` order): files and average score of each standard (`<id>` and `<id>_files`
    columns, NaN where the unit has no scored file of it) and the overall average of its scored files. Files
    no checklist scored (empty total) count in no average."""
    scored = cases[cases["total_score"].notna() & (cases["checklist"] != "")]
    out = pd.DataFrame(index=pd.Index(units, name="unit"))
    for standard in standards:
        group = scored[scored["checklist"] == standard].groupby("unit")["total_score"]
        out[f"{standard}_files"] = group.size().reindex(out.index, fill_value=0).astype(int)
        out[standard] = group.mean().reindex(out.index)
    out["files"] = scored.groupby("unit").size().reindex(out.index, fill_value=0).astype(int)
    out["overall"] = scored.groupby("unit")["total_score"].mean().reindex(out.index)
    return out


def failed(findings: pd.DataFrame) -> pd.Series:
    """Rows that deduct points or veto the file."""
    return (findings["status"] == Status.FAIL.value) & ((findings["points_deducted"] > 0) | findings["veto"])


def top_problems(findings: pd.DataFrame, limit: int | None = 15) -> pd.DataFrame:
    """Items failed most often: code, name, category, number of files, points deducted in all (and the
    checklist the item is of, last)."""
    columns = ["item_code", "item_name", "category", "files", "points", "vetoes"]
    hits = findings[failed(findings)]
    if "checklist" not in hits.columns:
        hits = hits.assign(checklist="")
    if hits.empty:
        return pd.DataFrame(columns=[*columns, "checklist"])
    grouped = hits.groupby(["checklist", "item_code"], sort=False)  # A01 of two standards: two items
    out = pd.DataFrame({
        "item_name": grouped["item_name"].first(),
        "category": grouped["category"].first(),
        "files": grouped["dossier_id"].nunique(),
        "points": grouped["points_deducted"].sum(),
        "vetoes": grouped["veto"].sum().astype(int),
    }).reset_index(names=["checklist", "item_code"])
    out = out.sort_values(["files", "points", "item_code"], ascending=[False, False, True], kind="stable")
    out = out.reset_index(drop=True)[[*columns, "checklist"]]
    return out if limit is None else out.head(limit)


def deductions_by_category(cases: pd.DataFrame, findings: pd.DataFrame,
                           standards: Mapping[str, str] | None = None) -> pd.DataFrame:
    """Average points deducted per file, unit × category (categories in checklist order).

    With `standards` (checklist id -> how a reviewer names it; a run of several standards) the columns are
    (standard, category) pairs, since two standards' 基础标准 or 文书归档 are different categories, and each
    cell is averaged over the unit's files of that standard (NaN where the unit has none)."""
    if cases.empty or findings.empty:
        return pd.DataFrame()
    merged = findings.merge(cases[["dossier_id", "unit"]], on="dossier_id", how="inner")
    if standards is None:
        categories = list(dict.fromkeys(findings["category"]))
        sums = merged.pivot_table(index="unit", columns="category", values="points_deducted", aggfunc="sum",
                                  fill_value=0.0)
        table = sums.div(cases.groupby("unit").size().reindex(sums.index), axis=0)
    else:
        merged = merged[merged["checklist"].isin(list(standards))]
        categories = list(dict.fromkeys(zip(merged["checklist"].map(standards), merged["category"], strict=True)))
        merged = merged.assign(_standard=merged["checklist"].map(standards))
        sums = merged.pivot_table(index="unit", columns=["_standard", "category"], values="points_deducted",
                                  aggfunc="sum", fill_value=0.0)
        files = cases[cases["checklist"].isin(list(standards))].assign(
            _standard=lambda c: c["checklist"].map(standards)).groupby(["unit", "_standard"]).size()
        table = sums.copy()
        for column in table.columns:  # a unit without files of the standard: no average (NaN), not 0
            per_unit = files.xs(column[0], level="_standard").reindex(table.index)
            table[column] = (sums[column] / per_unit).where(per_unit > 0)
    used = [c for c in categories if c in table.columns and table[c].sum() > 0] or [
        c for c in categories if c in table.columns
    ]
    return table[used]


def unit_bands(cases: pd.DataFrame, checklists: Mapping[str, Checklist],
               primary: Checklist) -> dict[str, tuple[GradeBand, ...]]:
    """Per unit, the grade bands its average score is graded by: each file counts its own standard's bands,
    so each band's minimum is the average of the minimums of the standards that scored the unit's files
    (with one set of bands in the run, those bands). A unit with no scored file, or whose files' standards
    name other grades, is graded by the primary standard's bands."""
    scored = cases[cases["total_score"].notna() & cases["checklist"].isin(list(checklists))]
    out: dict[str, tuple[GradeBand, ...]] = {str(u): tuple(primary.grades) for u in cases["unit"].unique()}
    for unit, files in scored.groupby("unit", sort=False):
        bands = [tuple(checklists[c].grades) for c in files["checklist"]]
        names = {tuple(b.grade for b in band) for band in bands}
        if len(names) != 1:
            continue
        out[str(unit)] = tuple(GradeBand(grade, sum(b[i].min_score for b in bands) / len(bands))
                               for i, grade in enumerate(next(iter(names))))
    return out


def band_grade(score: float, bands: tuple[GradeBand, ...]) -> str:
    """The band whose minimum the score reaches (bands highest first), as scoring.engine.grade_for does."""
    return next((band.grade for band in bands if score >= band.min_score - 1e-9), bands[-1].grade)


def status_label(status: str, veto: bool) -> str:
    """评查结论 in Chinese: a failed veto item reads 否决, other outcomes from the glossary."""
    if status == Status.FAIL.value and veto:
        return VETO_FAIL_ZH
    try:
        return STATUS_ZH[Status(status)]
    except ValueError:
        return status
