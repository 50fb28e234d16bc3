"""Trends across recorded campaigns: unit averages, grade shares, top problems and category deductions by
year, the recurrence table (整改未到位) and the 零执法 list.

Rectification is followed up campaign after campaign (domain.md; beichen-2015 opinion: 零执法说明制度), so
the comparisons a bureau asks for are "did this unit fail the same item again" and "which unit handed in
nothing this year". Aggregates reuse reports/summary.py so a year's numbers match that year's scorecard.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import pandas as pd
from sqlalchemy import select

from reports.glossary import REVIEWED_LABEL_ZH
from reports.history.models import Case, Finding
from reports.history.store import HistoryError, list_campaigns, make_engine, normalize_url
from reports.loading import split_sections
from reports.summary import top_problems, unit_ranking
from scoring.glossary import GRADES_ZH, Status

TYPE_SCORE_COLUMNS = ["label", "year", "case_type", "unit", "files", "average"]
TOP_PROBLEMS_PER_YEAR: int | None = None  # every failed item, ranked; charts pick the top ones


@dataclass(frozen=True, slots=True)
class Trends:
    """Every table a trend report shows. `label` is the campaign's column heading: its year, or
    'year name' when two chosen campaigns share a year. Campaigns are in time order; the last is `latest`.

    - campaigns: label, id, name, year, run_at, checklist_id, checklist_version, files, units, reviewed
    - unit_scores: label, year, unit, files, average, total, rank (long form; one row per campaign and unit)
    - grade_shares: label, year, grade, files, share (share of the campaign's graded files, 0..1)
    - top_problems: label, year, rank, item_code, item_name, category, files, share, points, case_type,
      checklist (an item is its standard's own: R13 of two standards are two rows)
    - category_deductions: label, year, category, points, per_file, case_type (per file of the category's
      standard in a campaign of several standards)
    - recurrence: unit, item_code, item_name, previous_files, latest_files, case_type (整改未到位)
    - zero_enforcement: unit, previous_files (present before, no files in the latest campaign: 零执法)
    - type_scores: label, year, case_type, unit, files, average (campaigns whose files were scored against
      more than one standard: each unit's average per case type's standard; empty otherwise)
    """

    campaigns: pd.DataFrame
    unit_scores: pd.DataFrame
    grade_shares: pd.DataFrame
    top_problems: pd.DataFrame
    category_deductions: pd.DataFrame
    recurrence: pd.DataFrame
    zero_enforcement: pd.DataFrame
    previous: str | None = None
    latest: str | None = None
    type_scores: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=TYPE_SCORE_COLUMNS))

    @property
    def labels(self) -> list[str]:
        return self.campaigns["label"].tolist()

    def unit_scores_wide(self) -> pd.DataFrame:
        """Units × campaigns, average score (the line chart's data), units in the latest ranking's order."""
        if self.unit_scores.empty:
            return pd.DataFrame()
        wide = self.unit_scores.pivot_table(index="unit", columns="label", values="average", aggfunc="first")
        wide = wide.reindex(columns=[lb for lb in self.labels if lb in wide.columns])
        latest = wide.columns[-1]
        return wide.sort_values([latest, *wide.columns[::-1][1:]], ascending=False, na_position="last")


def _select_campaigns(all_campaigns: pd.DataFrame, wanted: Sequence[str] | None) -> pd.DataFrame:
    """Campaigns chosen by name or by year (as text); None means all, in time order."""
    if wanted is None:
        return all_campaigns
    wanted_set = {str(w).strip() for w in wanted}
    mask = all_campaigns["name"].isin(wanted_set) | all_campaigns["year"].astype(str).isin(wanted_set)
    chosen = all_campaigns[mask]
    missing = wanted_set - set(chosen["name"]) - set(chosen["year"].astype(str))
    if missing:
        raise HistoryError(f"campaigns not in the history store: {', '.join(sorted(missing))}")
    return chosen


def _labels(campaigns: pd.DataFrame) -> list[str]:
    """Year (or 'year name' when two share a year), marked （复核后） when the scores are the reviewers'."""
    years = campaigns["year"].astype(str)
    shared = years.duplicated(keep=False)
    reviewed = campaigns["reviewed"] if "reviewed" in campaigns else [False] * len(campaigns)
    return [(f"{y} {n}" if dup else y) + (REVIEWED_LABEL_ZH if done else "")
            for y, n, dup, done in zip(years, campaigns["name"], shared, reviewed, strict=True)]


def _load(url: str, ids: list[int]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cases (the columns the aggregates need) and the failed findings of the chosen campaigns."""
    engine = make_engine(url)
    cases_q = select(Case.campaign_id, Case.dossier_id, Case.unit, Case.total_score, Case.grade, Case.vetoed,
                     Case.needs_review, Case.checklist, Case.case_type, Case.procedure).where(
        Case.campaign_id.in_(ids))
    # reports.summary.failed: a fail that deducts points or vetoes the file
    findings_q = select(Finding.campaign_id, Finding.dossier_id, Finding.checklist, Finding.item_code, Finding.item_name,
                        Finding.category, Finding.status, Finding.points_deducted, Finding.veto).where(
        Finding.campaign_id.in_(ids), Finding.status == Status.FAIL.value,
        (Finding.points_deducted > 0) | Finding.veto,
    )
    with engine.connect() as conn:
        cases = pd.DataFrame(conn.execute(cases_q).mappings().all(),
                             columns=["campaign_id", "dossier_id", "unit", "total_score", "grade", "vetoed",
                                      "needs_review", "checklist", "case_type", "procedure"])
        findings = pd.DataFrame(conn.execute(findings_q).mappings().all(),
                                columns=["campaign_id", "dossier_id", "checklist", "item_code", "item_name",
                                         "category", "status", "points_deducted", "veto"])
    cases["total_score"] = pd.to_numeric(cases["total_score"], errors="coerce").astype("float64")
    cases["vetoed"] = cases["vetoed"].astype(bool)
    cases["needs_review"] = cases["needs_review"].astype(bool)
    for col in ("grade", "checklist", "case_type", "procedure"):
        cases[col] = cases[col].fillna("").astype(str)
    findings["checklist"] = findings["checklist"].fillna("").astype(str)
    findings["points_deducted"] = pd.to_numeric(findings["points_deducted"]).fillna(0.0).astype("float64")
    findings["veto"] = findings["veto"].astype(bool)
    return cases, findings


def _failed_by_unit(cases: pd.DataFrame, findings: pd.DataFrame) -> pd.DataFrame:
    """unit, item_code, item_name, files: files of a unit failing each item in one campaign."""
    merged = findings.merge(cases[["dossier_id", "unit"]], on="dossier_id", how="inner")
    if merged.empty:
        return pd.DataFrame(columns=["unit", "checklist", "item_code", "item_name", "files"])
    grouped = merged.groupby(["unit", "checklist", "item_code"], sort=False)  # A01 of two standards: two items
    return pd.DataFrame({
        "item_name": grouped["item_name"].first(),
        "files": grouped["dossier_id"].nunique(),
    }).reset_index()


def recurrence_table(prev_cases: pd.DataFrame, prev_findings: pd.DataFrame, last_cases: pd.DataFrame,
                     last_findings: pd.DataFrame) -> pd.DataFrame:
    """Per unit: item codes failed in the previous campaign that fail again in the latest (with counts)."""
    columns = ["unit", "item_code", "item_name", "previous_files", "latest_files", "case_type"]
    before = _failed_by_unit(prev_cases, prev_findings)
    after = _failed_by_unit(last_cases, last_findings)
    both = before.merge(after, on=["unit", "checklist", "item_code"], suffixes=("_prev", "_last"))
    if both.empty:
        return pd.DataFrame(columns=columns)
    out = pd.DataFrame({
        "unit": both["unit"],
        "item_code": both["item_code"],
        "item_name": both["item_name_last"].where(both["item_name_last"] != "", both["item_name_prev"]),
        "previous_files": both["files_prev"].astype(int),
        "latest_files": both["files_last"].astype(int),
        "case_type": both["checklist"].map(standard_labels(last_cases)).fillna(""),
    })
    return out.sort_values(["unit", "item_code"], kind="stable").reset_index(drop=True)[columns]


def standard_labels(cases: pd.DataFrame) -> dict[str, str]:
    """checklist id -> the type of the files it scored in one campaign (行政处罚（简易程序）), as a reviewer names
    the standard of a group of files; the most common type when files of several used one standard."""
    from ingest.case_type import type_label

    scored = cases[cases["checklist"] != ""]
    return {str(checklist): type_label(*files.groupby(["case_type", "procedure"]).size().idxmax())
            for checklist, files in scored.groupby("checklist", sort=False)}


def type_scores_of(cases: pd.DataFrame) -> pd.DataFrame:
    """case_type, unit, files, average of one campaign's scored files per standard, when it used several (the
    type named as the files' own: 行政处罚（简易程序）); empty for a campaign of one standard."""
    scored = cases[(cases["checklist"] != "") & cases["total_score"].notna()]
    if scored["checklist"].nunique() < 2:
        return pd.DataFrame(columns=["case_type", "unit", "files", "average"])
    labels = standard_labels(scored)
    rows = []
    for checklist, files in scored.groupby("checklist", sort=False):
        for unit, group in files.groupby("unit", sort=True):
            rows.append({"case_type": labels[str(checklist)], "unit": unit, "files": len(group),
                         "average": float(group["total_score"].mean())})
    return pd.DataFrame(rows, columns=["case_type", "unit", "files", "average"])


def zero_enforcement_list(prev_cases: pd.DataFrame, last_cases: pd.DataFrame) -> pd.DataFrame:
    """Units with files in the previous campaign and none in the latest (零执法)."""
    before = prev_cases.groupby("unit").size()
    gone = sorted(set(before.index) - set(last_cases["unit"]))
    return pd.DataFrame({"unit": gone, "previous_files": [int(before[u]) for u in gone]},
                        columns=["unit", "previous_files"])


def compute_trends(url: str, campaigns: list[str] | None = None) -> Trends:
    """All trend tables from the store at `url`; `campaigns` picks campaigns by name or year (default all)."""
    url = normalize_url(url)
    chosen = _select_campaigns(list_campaigns(url), campaigns).reset_index(drop=True)
    chosen.insert(0, "label", _labels(chosen))
    ids = chosen["id"].astype(int).tolist()
    cases, findings = _load(url, ids) if ids else _load(url, [-1])
    label_of = dict(zip(chosen["id"], chosen["label"], strict=True))
    year_of = dict(zip(chosen["id"], chosen["year"], strict=True))

    scores, grades, problems, categories, types = [], [], [], [], []
    per_campaign: dict[int, tuple[pd.DataFrame, pd.DataFrame]] = {}
    units = []
    for cid in ids:
        c = cases[cases["campaign_id"] == cid].drop(columns="campaign_id")
        f = split_sections(c, findings[findings["campaign_id"] == cid].drop(columns="campaign_id"))[0]
        per_campaign[cid] = (c, f)
        by_type = type_scores_of(c)
        if not by_type.empty:
            types.append(by_type.assign(label=label_of[cid], year=int(year_of[cid])))
        units.append(c["unit"].nunique())
        label, year = label_of[cid], int(year_of[cid])
        ranking = unit_ranking(c)
        if not ranking.empty:
            scores.append(ranking[["unit", "files", "average", "total", "rank"]].assign(label=label, year=year))
        graded = c[c["grade"].isin(GRADES_ZH)]
        for grade in GRADES_ZH:
            n = int((graded["grade"] == grade).sum())
            grades.append({"label": label, "year": year, "grade": grade, "files": n,
                           "share": n / len(graded) if len(graded) else 0.0})
        kinds = standard_labels(c)  # item codes and categories are a standard's own
        top = top_problems(f, limit=TOP_PROBLEMS_PER_YEAR)
        if not top.empty:
            top = top.assign(label=label, year=year, rank=range(1, len(top) + 1),
                             share=top["files"] / max(len(c), 1), case_type=top["checklist"].map(kinds).fillna(""))
            problems.append(top)
        files_of = c.groupby("checklist").size()
        for (checklist, category), points in f.groupby(["checklist", "category"], sort=False)["points_deducted"].sum().items():
            files = int(files_of.get(checklist, 0)) if len(kinds) > 1 else len(c)  # per file of its standard
            categories.append({"label": label, "year": year, "category": category, "points": float(points),
                               "per_file": float(points) / max(files, 1), "case_type": kinds.get(str(checklist), "")})
    chosen["files"] = [len(per_campaign[cid][0]) for cid in ids]
    chosen["units"] = units

    def frame(parts: list, columns: list[str]) -> pd.DataFrame:
        if not parts:
            return pd.DataFrame(columns=columns)
        df = pd.concat(parts, ignore_index=True) if isinstance(parts[0], pd.DataFrame) else pd.DataFrame(parts)
        return df[columns]

    previous = latest = None
    recurrence = pd.DataFrame(columns=["unit", "item_code", "item_name", "previous_files", "latest_files", "case_type"])
    zero = pd.DataFrame(columns=["unit", "previous_files"])
    if len(ids) >= 2:
        prev_id, last_id = ids[-2], ids[-1]
        previous, latest = label_of[prev_id], label_of[last_id]
        recurrence = recurrence_table(*per_campaign[prev_id], *per_campaign[last_id])
        zero = zero_enforcement_list(per_campaign[prev_id][0], per_campaign[last_id][0])
    elif ids:
        latest = label_of[ids[-1]]

    return Trends(
        campaigns=chosen[["label", "id", "name", "year", "run_at", "checklist_id", "checklist_version",
                          "files", "units", "reviewed"]],
        unit_scores=frame(scores, ["label", "year", "unit", "files", "average", "total", "rank"]),
        grade_shares=frame(grades, ["label", "year", "grade", "files", "share"]),
        top_problems=frame(problems, ["label", "year", "rank", "item_code", "item_name", "category", "files",
                                      "share", "points", "case_type", "checklist"]),
        category_deductions=frame(categories, ["label", "year", "category", "points", "per_file", "case_type"]),
        recurrence=recurrence,
        zero_enforcement=zero,
        previous=previous,
        latest=latest,
        type_scores=frame(types, TYPE_SCORE_COLUMNS),
    )
