"""The circular draft (通报.docx): scope and method, ranking, grades, charts, common problems, recurrence and
the rectification requirements (整改要求), laid out as a 公文 (GB/T 9704) by reports/govdoc.

Its 版头, 文号, 主送, 落款 and 版记 come from the campaign file (reports/campaign_file.py); without one they are
placeholders (X司发〔20XX〕X号, 20XX年X月X日) for the bureau to fill in. Files are cited by unit and 文号, items by
name, statutes in full (reports/statutes.py). Everything it prints passes through masking (reports/masking.py), because a circular goes to
every unit and is often published; the reviewer's scorecard keeps the data as found.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from ingest.glossary import ELEMENT_ZH
from reports.campaign_file import CampaignFile, chinese_date
from reports.charts import CHART_FILES
from reports.contract_csv import fmt_number
from reports.document_frame import campaign_and_year, close_document, imprint, open_document
from reports.document_text import campaign_name, case_citation, fmt_share, score_text, sentence
from reports.glossary import (
    CHART_ZH,
    CHINESE_NUMERALS,
    CIRCULAR_ZH,
    DOC_ZH,
    FILE_NAMES_ZH,
    REPORT_ZH,
    TREND_ZH,
    TYPE_REPORT_ZH,
)
from reports.govdoc import GovDoc
from reports.loading import RunData, load_run
from reports.masking import NameMasker, individual_names
from reports.statutes import cite
from reports.summary import failed, top_problems, unit_ranking, unit_type_averages
from scoring.glossary import FINDING_ZH, GRADES_ZH, TERMS_ZH

if TYPE_CHECKING:
    from reports.history.trends import Trends

CIRCULAR_FILE = FILE_NAMES_ZH["circular"]
PROBLEM_DETAILS = 5  # deductions described with examples (every veto problem is); the table lists up to
PROBLEM_TABLE = 10  # PROBLEM_TABLE deductions after all the veto problems
UNITS_NAMED = 5  # units listed by name under a problem
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
    if data.multi_type:  # each type by its own standard
        titles = "》《".join(data.standard_title(cid) for cid in data.standards())
        text += CIRCULAR_ZH["method"].format(title=titles)
    elif checklist.title or checklist.id:
        text += CIRCULAR_ZH["method"].format(title=checklist.title or CIRCULAR_ZH["standard_default"])
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
    doc.para(TYPE_REPORT_ZH["ranking_intro"] if data.multi_type else CIRCULAR_ZH["ranking_intro"])
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
    if data.multi_type:
        _by_type(doc, data)
    if charts:
        doc.heading(CIRCULAR_ZH["h_charts"], level=2)
        for n, (path, title) in enumerate(charts, start=1):
            doc.picture(path, DOC_ZH["figure"].format(n=n, title=title))


def type_sentences(data: RunData) -> list[str]:
    """One sentence per standard of the run: its files, the average and the grades of its scored files; then
    the files no standard scored."""
    out = []
    for cid in data.standards():
        files = data.cases[data.cases["checklist"] == cid]
        graded = files[files["grade"].isin(GRADES_ZH)]
        label = data.standard_label(cid)
        if graded.empty:
            out.append(TYPE_REPORT_ZH["type_no_scored"].format(type=label, files=len(files)))
            continue
        grades = "，".join(CIRCULAR_ZH["grade_part"].format(grade=g, files=int((graded["grade"] == g).sum()),
                                                            share=fmt_share(int((graded["grade"] == g).sum()),
                                                                            len(graded)))
                          for g in GRADES_ZH if (graded["grade"] == g).any())
        out.append(TYPE_REPORT_ZH["type_sentence"].format(
            type=label, files=len(files), title=data.standard_title(cid),
            average=fmt_number(round(float(graded["total_score"].mean()), 2)), grades=grades))
    unscored = int((data.cases["checklist"] == "").sum())
    if unscored:
        out.append(TYPE_REPORT_ZH["unscored_sentence"].format(n=unscored))
    return out


def type_table_rows(data: RunData) -> tuple[list[str], list[list[str]]]:
    """Headers and rows of the units' averages per type (— where a unit has no scored file of the type)."""
    standards = data.standards()
    table = unit_type_averages(data.cases, standards, unit_ranking(data.cases)["unit"].tolist())
    headers = [TERMS_ZH["unit"], *(TYPE_REPORT_ZH["type_average"].format(type=data.standard_label(c))
                                   for c in standards), TYPE_REPORT_ZH["overall_average"]]
    rows = [[str(unit), *(_shown(rec[c]) for c in standards), _shown(rec["overall"])] for unit, rec in table.iterrows()]
    return headers, rows


def _shown(value: float) -> str:
    return "—" if pd.isna(value) else fmt_number(round(float(value), 2))


def _by_type(doc: GovDoc, data: RunData) -> None:
    doc.para(TYPE_REPORT_ZH["by_type_intro"].format(n=len(data.standards())) + "".join(type_sentences(data)))
    doc.para(TYPE_REPORT_ZH["type_table_intro"])
    headers, rows = type_table_rows(data)
    doc.table(headers, rows)


def _examples(hits: pd.DataFrame) -> str:
    """Up to EXAMPLES_PER_PROBLEM examples, quotes first, one per unit where possible, each file cited by its
    unit and 文号."""
    ordered = hits.assign(_has_quote=hits["quote"].astype(str) != "").sort_values(
        "_has_quote", ascending=False, kind="stable").drop_duplicates("unit")
    examples = []
    for _, row in ordered.head(EXAMPLES_PER_PROBLEM).iterrows():
        text = case_citation(row["unit"], row["case_no"], row["party_name"]) + "：" + sentence(row["message"])
        if row["quote"]:
            text = text.rstrip("。") + CIRCULAR_ZH["example_quote"].format(quote=row["quote"])
        examples.append(text.rstrip("。"))
    return CIRCULAR_ZH["examples"].format(examples="；".join(examples)) if examples else ""


def problem_table(data: RunData) -> pd.DataFrame:
    """Every veto problem (most files first), then up to PROBLEM_TABLE deductions by files and points;
    with the units concerned, and in a run of several standards the type whose standard the item is of
    (`standard`; items are a standard's own, never merged across standards by code)."""
    problems = top_problems(data.findings, limit=None)
    labels = {c: data.standard_label(c) for c in data.standards()}
    problems = problems.assign(standard=problems["checklist"].map(labels).fillna("") if data.multi_type else "")
    if problems.empty:
        return problems.assign(units=[])
    vetoes = problems[problems["vetoes"] > 0]
    deductions = problems[problems["vetoes"] == 0].head(PROBLEM_TABLE)
    hits = data.findings[failed(data.findings)].merge(data.cases[["dossier_id", "unit"]], on="dossier_id")
    units = hits.groupby(["checklist", "item_code"])["unit"].agg(lambda u: list(dict.fromkeys(u)))
    table = pd.concat([vetoes, deductions], ignore_index=True)
    return table.assign(units=[units.get((c, code), []) for c, code in zip(table["checklist"], table["item_code"],
                                                                           strict=True)])


def problem_name(row: pd.Series) -> str:
    """The item's name, in a run of several standards followed by the type whose standard it is of (its
    procedure unbracketed inside the brackets: 决定书无送达凭证（行政处罚一般程序））."""
    if not row["standard"]:
        return row["item_name"]
    return TYPE_REPORT_ZH["item_of"].format(item=row["item_name"],
                                            type=row["standard"].replace("（", "").replace("）", ""))


def _problem_text(n: int, row: pd.Series, rationale: str, statute: str, examples: str) -> str:
    named = "、".join(row["units"][:UNITS_NAMED]) + (CIRCULAR_ZH["units_more"] if len(row["units"]) > UNITS_NAMED
                                                    else "")
    key = "problem_veto" if row["vetoes"] else "problem_item"
    text = CIRCULAR_ZH[key].format(n=n, item_name=problem_name(row), files=row["files"], units=len(row["units"]),
                                   named=named, points=fmt_number(row["points"]))
    if statute:
        text += CIRCULAR_ZH["requires"].format(statute=statute, rationale=sentence(rationale).rstrip("。"))
    return text + examples


def _problems(doc: GovDoc, data: RunData) -> None:
    doc.heading(CIRCULAR_ZH["h_problems"])
    table = problem_table(data)
    if table.empty:
        doc.para(CIRCULAR_ZH["no_problems"])
        return
    doc.para(CIRCULAR_ZH["problems_intro"])
    typed = data.multi_type  # a column naming the type whose standard each item is of
    doc.table(
        (TERMS_ZH["seq"], FINDING_ZH["item_name"], *([ELEMENT_ZH["case_type"]] if typed else []),
         CIRCULAR_ZH["nature"], REPORT_ZH["files_with_problem"], CIRCULAR_ZH["units_with_problem"],
         REPORT_ZH["points_total"]),
        [[str(i), r["item_name"], *([r["standard"]] if typed else []),
          CIRCULAR_ZH["nature_veto" if r["vetoes"] else "nature_item"], str(r["files"]),
          str(len(r["units"])), CIRCULAR_ZH["veto_points"] if r["vetoes"] else fmt_number(r["points"])]
         for i, (_, r) in enumerate(table.iterrows(), start=1)],
    )
    items = {(c.id, item.code): item for c in data.checklists.values() for item in c.items}
    hits = data.findings[failed(data.findings)].merge(
        data.cases[["dossier_id", "unit", "case_no", "party_name"]], on="dossier_id")
    vetoes, deductions = table[table["vetoes"] > 0], table[table["vetoes"] == 0].head(PROBLEM_DETAILS)
    for n, (heading, rows) in enumerate(((CIRCULAR_ZH["h_veto_problems"], vetoes),
                                          (CIRCULAR_ZH["h_deduction_problems"], deductions)), start=1):
        if rows.empty:
            continue
        doc.heading(heading.format(n=CHINESE_NUMERALS[n - 1] if not vetoes.empty else CHINESE_NUMERALS[0]),
                    level=2)
        for i, (_, row) in enumerate(rows.iterrows(), start=1):
            item = items.get((row["checklist"], row["item_code"]))
            same = (hits["item_code"] == row["item_code"]) & (hits["checklist"] == row["checklist"])
            doc.para(_problem_text(i, row, item.rationale if item else "", cite(item.statute) if item else "",
                                   _examples(hits[same])))


def _recurrence(doc: GovDoc, trends: Trends) -> None:
    doc.heading(CIRCULAR_ZH["h_recurrence"])
    names = dict(zip(trends.campaigns["label"], trends.campaigns["name"], strict=True))
    previous = names.get(trends.previous) or trends.previous
    if trends.recurrence.empty:
        doc.para(CIRCULAR_ZH["recurrence_none"].format(previous=previous))
    else:
        doc.para(CIRCULAR_ZH["recurrence_intro"].format(previous=previous))
        doc.table(
            (TERMS_ZH["seq"], TERMS_ZH["unit"], FINDING_ZH["item_name"], TREND_ZH["previous_files"],
             TREND_ZH["latest_files"]),
            [[str(i), r["unit"], r["item_name"], str(r["previous_files"]), str(r["latest_files"])]
             for i, (_, r) in enumerate(trends.recurrence.iterrows(), start=1)],
        )
    if not trends.zero_enforcement.empty:
        units = "、".join(trends.zero_enforcement["unit"])
        doc.para(CIRCULAR_ZH["zero_enforcement"].format(previous=previous, units=units))


def _requirements(doc: GovDoc, number: int, campaign: CampaignFile) -> None:
    doc.heading(CIRCULAR_ZH["h_requirements"].format(n=CHINESE_NUMERALS[number - 1]))
    deadline = (chinese_date(campaign.signed_on + timedelta(days=campaign.rectification_days))
                if campaign.signed_on else DOC_ZH["deadline_placeholder"])
    for key in ("req_1", "req_2", "req_3", "req_4"):
        doc.para(CIRCULAR_ZH[key].format(organizer=campaign.organizer, deadline=deadline))


def file_list_rows(data: RunData) -> list[list[str]]:
    """The attachment's rows: every file by unit (in ranking order) and 文号, with its score and grade."""
    order = {unit: i for i, unit in enumerate(unit_ranking(data.cases)["unit"])}
    cases = data.cases.assign(_unit=data.cases["unit"].map(order)).sort_values(["_unit", "case_no", "dossier_id"],
                                                                              kind="stable")
    return [[str(i), c["unit"], c["case_no"] or CIRCULAR_ZH["no_case_no"], c["party_name"], score_text(c),
             c["grade"] or "—"] for i, (_, c) in enumerate(cases.iterrows(), start=1)]


FILE_LIST_HEADERS = (TERMS_ZH["seq"], TERMS_ZH["unit"], ELEMENT_ZH["case_no"], ELEMENT_ZH["party_name"],
                     ELEMENT_ZH["total_score"], ELEMENT_ZH["grade"])
FILE_LIST_WHOLE = (2, 4, 5)  # 文号, 得分, 等次: kept on one line while the unit's and the party's names can wrap


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
    campaign, year = campaign_and_year(data)
    doc = open_document(NameMasker(individual_names(data.cases)), campaign, campaign.doc_number(year, campaign.number))
    doc.title(CIRCULAR_ZH["title"].format(year=year or DOC_ZH["year_placeholder"]))
    doc.addressee(campaign.addressees or CIRCULAR_ZH["addressee"])
    doc.para(CIRCULAR_ZH["intro"].format(basis=campaign.legal_basis, organizer=campaign.organizer,
                                         campaign=campaign_name(data)))
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
        _requirements(doc, section, campaign)
        close_document(doc, campaign, [CIRCULAR_ZH["attachment_files"]])
        doc.attachment_page(DOC_ZH["attachment_heading"], CIRCULAR_ZH["attachment_files"])
        # a unit's name once beside its files; a 文号 and a score (0（原始得分98）) never broken across lines
        doc.table(FILE_LIST_HEADERS, file_list_rows(data), whole=FILE_LIST_WHOLE, merge=(1,))
        imprint(doc, campaign)
        return doc.save(path)
