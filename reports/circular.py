"""The circular draft (通报.docx): scope and method, ranking, grades, charts, common problems, recurrence and
the rectification requirements (整改要求), laid out as a 公文 (GB/T 9704) by reports/govdoc.

It is a draft for the bureau to finish: title year, document number, deadline and date are placeholders
(20XX, X号). Everything it prints passes through masking (reports/masking.py), because a circular goes to
every unit and is often published; the reviewer's scorecard keeps the data as found.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from reports.charts import CHART_FILES
from reports.contract_csv import fmt_number
from reports.document_text import campaign_name, campaign_year_of, fmt_share, location
from reports.glossary import (
    CHART_ZH,
    CHINESE_NUMERALS,
    CIRCULAR_ZH,
    DOC_ZH,
    FILE_NAMES_ZH,
    REPORT_ZH,
    TREND_ZH,
)
from reports.govdoc import GovDoc
from reports.loading import RunData, load_run
from reports.masking import NameMasker, individual_names
from reports.summary import failed, top_problems, unit_ranking
from scoring.glossary import FINDING_ZH, GRADES_ZH, TERMS_ZH
from scoring.model import case_part

if TYPE_CHECKING:
    from reports.history.trends import Trends

CIRCULAR_FILE = FILE_NAMES_ZH["circular"]
PROBLEM_DETAILS = 5  # problems described with examples; the table lists up to PROBLEM_TABLE
PROBLEM_TABLE = 10
EXAMPLES_PER_PROBLEM = 2



def _sampling_text(data: RunData) -> str:
    sampling = data.run.raw.get("sampling")
    if isinstance(sampling, dict):
        population = sampling.get("population", sampling.get("total"))
        drawn = sampling.get("drawn", sampling.get("sampled", len(data.cases)))
        try:
            population, drawn = int(population), int(drawn)
        except (TypeError, ValueError):
            return CIRCULAR_ZH["sampling_list"]
        return CIRCULAR_ZH["sampling"].format(population=population, drawn=drawn,
                                              ratio=fmt_share(drawn, population))
    if data.run.arguments.get("sample"):
        return CIRCULAR_ZH["sampling_list"]
    return ""


def _scope(doc: GovDoc, data: RunData) -> None:
    doc.heading(CIRCULAR_ZH["h_scope"])
    checklist = data.run.checklist
    units = data.cases["unit"].nunique()
    text = CIRCULAR_ZH["scope"].format(units=units, files=len(data.cases)) + _sampling_text(data)
    if checklist.id:
        text += CIRCULAR_ZH["method"].format(title=checklist.title or checklist.id, id=checklist.id,
                                             version=checklist.version or "—")
    if len(data.audit):
        text += CIRCULAR_ZH["review_note"].format(n=len(data.audit))
    unreadable = int((data.problems["source_file"].astype(str) != "").sum())  # files, not empty units
    if unreadable:
        text += CIRCULAR_ZH["unreadable"].format(n=unreadable)
    doc.para(text)


def ranking_rows(cases: pd.DataFrame) -> list[list[str]]:
    """The ranking table's rows (also what the test compares with cases.csv)."""
    ranking = unit_ranking(cases)
    return [
        [str(r["rank"]), r["unit"], str(r["files"]), fmt_number(r["average"]), fmt_number(r["total"]),
         *[str(r[g]) for g in GRADES_ZH], str(r["vetoes"])]
        for _, r in ranking.iterrows()
    ]


RANKING_HEADERS = (TERMS_ZH["rank"], TERMS_ZH["unit"], TERMS_ZH["files_reviewed"], TERMS_ZH["average_score"],
                   TERMS_ZH["total"], *GRADES_ZH, TERMS_ZH["veto_count"])


def _results(doc: GovDoc, data: RunData, charts: Sequence[tuple[Path, str]]) -> None:
    doc.heading(CIRCULAR_ZH["h_results"])
    doc.heading(CIRCULAR_ZH["h_ranking"], level=2)
    doc.para(CIRCULAR_ZH["ranking_intro"])
    doc.table(RANKING_HEADERS, ranking_rows(data.cases))
    doc.heading(CIRCULAR_ZH["h_grades"], level=2)
    graded = data.cases[data.cases["grade"].isin(GRADES_ZH)]
    parts = [CIRCULAR_ZH["grade_part"].format(grade=g, files=int((graded["grade"] == g).sum()),
                                              share=fmt_share(int((graded["grade"] == g).sum()), len(graded)))
             for g in GRADES_ZH]
    text = CIRCULAR_ZH["grades_intro"].format(files=len(graded)) + "，".join(parts) + "。"
    vetoed = int(data.cases["vetoed"].sum())
    if vetoed:
        text += CIRCULAR_ZH["vetoed"].format(n=vetoed)
    doc.para(text)
    if charts:
        doc.heading(CIRCULAR_ZH["h_charts"], level=2)
        for n, (path, title) in enumerate(charts, start=1):
            doc.picture(path, DOC_ZH["figure"].format(n=n, title=title))


def _examples(hits: pd.DataFrame) -> list[str]:
    """Up to EXAMPLES_PER_PROBLEM example sentences, quotes first, one per unit where possible."""
    ordered = hits.assign(_has_quote=hits["quote"].astype(str) != "").sort_values(
        "_has_quote", ascending=False, kind="stable").drop_duplicates("unit")
    sentences = []
    for _, row in ordered.head(EXAMPLES_PER_PROBLEM).iterrows():
        message = str(row["message"]).rstrip("。；;，,") + "。" if row["message"] else ""
        text = CIRCULAR_ZH["example"].format(unit=row["unit"], dossier=case_part(row["dossier_id"]), message=message)
        if row["quote"]:
            text += CIRCULAR_ZH["example_quote"].format(quote=row["quote"],
                                                        where=location(row["source_file"], row["page"]))
        sentences.append(text)
    return sentences


def _problems(doc: GovDoc, data: RunData) -> None:
    doc.heading(CIRCULAR_ZH["h_problems"])
    top = top_problems(data.findings, limit=PROBLEM_TABLE)
    if top.empty:
        doc.para(CIRCULAR_ZH["no_problems"])
        return
    doc.para(CIRCULAR_ZH["problems_intro"])
    hits = data.findings[failed(data.findings)].merge(data.cases[["dossier_id", "unit"]], on="dossier_id")
    doc.table(
        (TERMS_ZH["seq"], FINDING_ZH["item_code"], FINDING_ZH["item_name"], REPORT_ZH["files_with_problem"],
         REPORT_ZH["points_total"]),
        [[str(i), r["item_code"], r["item_name"], str(r["files"]), fmt_number(r["points"])]
         for i, (_, r) in enumerate(top.iterrows(), start=1)],
    )
    for n, (_, row) in enumerate(top.head(PROBLEM_DETAILS).iterrows(), start=1):
        item_hits = hits[hits["item_code"] == row["item_code"]]
        key = "problem_veto" if row["vetoes"] else "problem_item"
        text = CIRCULAR_ZH[key].format(n=CHINESE_NUMERALS[n - 1], item_name=row["item_name"],
                                       item_code=row["item_code"], files=row["files"],
                                       units=item_hits["unit"].nunique(), points=fmt_number(row["points"]))
        doc.para(text + "".join(_examples(item_hits)))


def _recurrence(doc: GovDoc, trends: Trends) -> None:
    doc.heading(CIRCULAR_ZH["h_recurrence"])
    names = dict(zip(trends.campaigns["label"], trends.campaigns["name"], strict=True))
    previous = names.get(trends.previous) or trends.previous
    if trends.recurrence.empty:
        doc.para(CIRCULAR_ZH["recurrence_none"].format(previous=previous))
    else:
        doc.para(CIRCULAR_ZH["recurrence_intro"].format(previous=previous))
        doc.table(
            (TERMS_ZH["seq"], TERMS_ZH["unit"], FINDING_ZH["item_code"], FINDING_ZH["item_name"],
             TREND_ZH["previous_files"], TREND_ZH["latest_files"]),
            [[str(i), r["unit"], r["item_code"], r["item_name"], str(r["previous_files"]), str(r["latest_files"])]
             for i, (_, r) in enumerate(trends.recurrence.iterrows(), start=1)],
        )
    if not trends.zero_enforcement.empty:
        units = "、".join(trends.zero_enforcement["unit"])
        doc.para(CIRCULAR_ZH["zero_enforcement"].format(previous=previous, units=units))


def _requirements(doc: GovDoc, number: int) -> None:
    doc.heading(CIRCULAR_ZH["h_requirements"].format(n=CHINESE_NUMERALS[number - 1]))
    organizer, deadline = DOC_ZH["organizer"], DOC_ZH["deadline_placeholder"]
    for key in ("req_1", "req_2", "req_3", "req_4"):
        doc.para(CIRCULAR_ZH[key].format(organizer=organizer, deadline=deadline))


def run_charts(out_dir: Path) -> list[tuple[Path, str]]:
    """The run's charts/*.png (also one folder deeper), each with its title from the glossary."""
    titles = {file: CHART_ZH[key] for key, file in CHART_FILES.items()}
    paths = sorted({p.resolve() for p in Path(out_dir).glob("charts/**/*.png")})
    order = list(CHART_FILES.values())
    paths.sort(key=lambda p: (order.index(p.name) if p.name in order else len(order), str(p)))
    return [(p, titles.get(p.name, p.stem)) for p in paths]


def write_circular(out_dir: Path, path: Path, trends: Trends | None = None) -> Path:
    """Write the circular draft for the run in `out_dir` to `path` (conventionally OUT/通报.docx).

    With `trends` (reports.history.compute_trends), the trend charts and a 整改落实情况 section (recurrence
    table, 零执法 list) are added.
    """
    data = load_run(Path(out_dir))
    doc = GovDoc(mask=NameMasker(individual_names(data.cases)))
    year = campaign_year_of(data)
    doc.center(CIRCULAR_ZH["doc_no"])
    doc.title(CIRCULAR_ZH["title"].format(year=year or CIRCULAR_ZH["year_placeholder"]))
    doc.para(CIRCULAR_ZH["addressee"], indent=False)
    doc.para(CIRCULAR_ZH["intro"].format(organizer=DOC_ZH["organizer"], campaign=campaign_name(data)))
    _scope(doc, data)
    charts = run_charts(out_dir)
    with tempfile.TemporaryDirectory(prefix="pingcha-trends-") as tmp:
        if trends is not None and len(trends.campaigns) >= 2:
            from reports.history.charts import TREND_CHART_FILES, render_trend_charts

            titles = {file: TREND_ZH[key] for key, file in TREND_CHART_FILES.items()}
            charts += [(p, titles.get(p.name, p.stem)) for p in render_trend_charts(trends, Path(tmp))]
        _results(doc, data, charts)
        _problems(doc, data)
        section = 4
        if trends is not None and trends.previous is not None:
            _recurrence(doc, trends)
            section = 5
        _requirements(doc, section)
        doc.signature([DOC_ZH["organizer"], DOC_ZH["date_placeholder"]])
        return doc.save(path)
