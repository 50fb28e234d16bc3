"""Reports of a campaign scored against five standards (issue 18 item 5), on tests/reports/fake_mixed_run.py:
what a reviewer reads — the heat map's columns name standard and category, 常见问题 are listed per standard and
never merge the same code of two standards, units are graded by their own files' standards, a penalty file's
coercive-measure supplement is its own section in 评查明细 and the 评查表, and the 通报 reads right with five
types."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from docx import Document

from reports.charts import heatmap_labels
from reports.circular import problem_table, type_sentences, write_circular
from reports.glossary import TYPE_REPORT_ZH
from reports.loading import load_run
from reports.review_form import write_review_forms
from reports.scorecard import DETAILS_SHEET, SUMMARY_SHEET, write_scorecard
from reports.scorecard_summary import FAIL_FILL
from reports.summary import deductions_by_category, unit_ranking
from scoring.checklist import load_checklist
from tests.reports.fake_mixed_run import (
    COERCION,
    FILES,
    GENERAL,
    INSPECTION,
    LABELS,
    LICENSE,
    SIMPLE,
    SUPPLEMENT_FILE,
    UNIT_A,
    UNIT_B,
    UNIT_C,
    expected_scores,
    make_mixed_run,
)

TYPES = ("行政处罚（一般程序）", "行政处罚（简易程序）", "行政许可", "行政强制措施", "行政检查")


@pytest.fixture(scope="module")
def run(tmp_path_factory) -> Path:
    out = make_mixed_run(tmp_path_factory.mktemp("mixed") / "out")
    write_scorecard(load_run(out), out / "scorecards.xlsx")
    return out


def _cells(ws) -> list[list]:
    return [[c.value for c in row] for row in ws.iter_rows()]


def _docx_text(path: Path) -> list[str]:
    doc = Document(str(path))
    return [p.text for p in doc.paragraphs] + [
        " | ".join(c.text for c in row.cells) for t in doc.tables for row in t.rows]


def test_the_run_holds_five_standards_and_the_oracles_scores(run) -> None:
    data = load_run(run)
    assert [data.standard_label(c) for c in data.standards()] == list(TYPES)
    expected = expected_scores()
    got = dict(zip(data.cases["dossier_id"], zip(data.cases["total_score"], data.cases["grade"], strict=True),
                   strict=True))
    assert got == expected
    assert got[SUPPLEMENT_FILE] == (89.0, "良好")  # its supplement's veto and 5 points do not count


def test_heat_map_columns_name_standard_and_category_averaged_over_that_standards_files(run) -> None:
    data = load_run(run)
    table = deductions_by_category(data.cases, data.findings, {c: data.standard_label(c) for c in data.standards()})
    columns = list(table.columns)
    assert all(isinstance(c, tuple) and c[0] in TYPES for c in columns)
    # 送达执行 of the general penalty standard: 甲's one penalty file lost 10 (R17) → 10 per file, not 10/3
    assert table.loc[UNIT_A, ("行政处罚（一般程序）", "送达执行")] == 10.0
    # 乙 has no general-procedure file: no average, not 0
    assert pd_isna(table.loc[UNIT_B, ("行政处罚（一般程序）", "送达执行")])
    # 决定 of the licence standard (R13 failed by both licence files, 3 each): its own column
    assert table.loc[UNIT_A, ("行政许可", "决定")] == table.loc[UNIT_B, ("行政许可", "决定")] == 3.0
    assert ("行政处罚（一般程序）", "告知听证") in columns  # the penalty R13 is another item, another column
    assert heatmap_labels(table.columns)[columns.index(("行政许可", "决定"))] == "决定\n行政许可"
    assert "告知听证\n行政处罚\n（一般程序）" in heatmap_labels(table.columns)
    single = deductions_by_category(data.cases, data.findings)  # a run of one standard keeps plain categories
    assert all(isinstance(c, str) for c in single.columns)


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))


def test_common_problems_are_listed_under_each_standard_and_codes_never_merged(run) -> None:
    cells = _cells(openpyxl.load_workbook(run / "scorecards.xlsx")[SUMMARY_SHEET])
    start = next(i for i, row in enumerate(cells) if row[0] == "常见问题")
    groups: dict[str, list[list]] = {}
    heading = None
    for row in cells[start + 1:]:
        if row[0] in (None, "") or row[0] == "统计图":
            break
        if isinstance(row[0], str) and "：《" in row[0]:
            heading = row[0]
            groups[heading] = []
        elif row[0] != "项目编号":
            groups[heading].append(row[:6])
    titles = {cid: load_checklist(cid).title for cid in (GENERAL, SIMPLE, LICENSE, COERCION, INSPECTION)}
    assert list(groups) == [f"{LABELS[c]}：《{titles[c]}》" for c in (GENERAL, SIMPLE, LICENSE, COERCION, INSPECTION)]
    general = {r[0]: r for r in groups[f"{LABELS[GENERAL]}：《{titles[GENERAL]}》"]}
    licence = {r[0]: r for r in groups[f"{LABELS[LICENSE]}：《{titles[LICENSE]}》"]}
    # R13 of each standard: its own name, files and points
    assert general["R13"][1:] == [load_checklist(GENERAL).item("R13").name, "告知听证", 1, 1, 0]
    assert licence["R13"][1:] == [load_checklist(LICENSE).item("R13").name, "决定", 2, 6, 0]
    coercion = groups[f"{LABELS[COERCION]}：《{titles[COERCION]}》"]
    inspection = groups[f"{LABELS[INSPECTION]}：《{titles[INSPECTION]}》"]
    assert [(r[0], r[5]) for r in coercion] == [("V01", 1)]  # the standalone coercion file only, not the
    assert [(r[0], r[5]) for r in inspection] == [("R05", 0), ("V01", 1)]  # penalty file's supplement


def test_units_are_graded_by_the_bands_of_their_own_files_standards(tmp_path) -> None:
    """乙's average (simple 97, coercion 0, licence 92: 63) passes the bundled bands (合格 from 60); with a licence
    standard whose 合格 starts at 86 its bar is (60 + 60 + 86) / 3 = 68.67, and 63 is below it."""
    def shaded(out: Path) -> set[str]:
        write_scorecard(load_run(out), out / "scorecards.xlsx")
        ws = openpyxl.load_workbook(out / "scorecards.xlsx")[SUMMARY_SHEET]
        start = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "排名")
        return {ws.cell(r, 2).value for r in range(start + 1, start + 4)
                if ws.cell(r, 1).fill.fgColor.rgb == FAIL_FILL.fgColor.rgb}

    assert shaded(make_mixed_run(tmp_path / "bundled" / "out")) == {UNIT_C}
    strict = make_mixed_run(tmp_path / "strict" / "out", bands=True)
    assert expected_scores(True, tmp_path / "strict")[f"{UNIT_B}/2025-006"] == (92.0, "良好")
    assert shaded(strict) == {UNIT_B, UNIT_C}
    data = load_run(strict)
    ranking = unit_ranking(data.cases)
    assert ranking["unit"].tolist() == [UNIT_A, UNIT_B, UNIT_C]  # ranked on the files' own scores (all of 100)
    assert round(float(ranking["average"][1]), 2) == 63.0


def test_the_supplement_is_its_own_section_of_the_details(run) -> None:
    ws = openpyxl.load_workbook(run / "scorecards.xlsx")[DETAILS_SHEET]
    header = [c.value for c in ws[1]]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == SUPPLEMENT_FILE]
    own, section = load_checklist(GENERAL).items, load_checklist(COERCION).items
    assert [r[1] for r in rows] == [i.code for i in own] + [f"{COERCION}/{i.code}" for i in section]
    title = TYPE_REPORT_ZH["section"].format(title=load_checklist(COERCION).title)
    by_code = {r[1]: r for r in rows}
    at = {k: header.index(k) for k in ("评查标准", "评查结论", "扣分", "评查项目")}
    assert by_code[f"{COERCION}/V01"][at["评查结论"]] == "否决"
    assert by_code[f"{COERCION}/V01"][at["评查标准"]] == title
    assert by_code[f"{COERCION}/R13"][at["评查项目"]] == load_checklist(COERCION).item("R13").name
    assert by_code[f"{COERCION}/R13"][at["扣分"]] == 5
    assert by_code["R13"][at["评查项目"]] == load_checklist(GENERAL).item("R13").name
    assert by_code["R13"][at["评查标准"]] == load_checklist(GENERAL).title


def test_the_review_form_shows_the_supplement_after_the_files_items_with_its_own_result(run) -> None:
    forms = {p.stem: p for p in write_review_forms(run)}
    text = _docx_text(forms[UNIT_A])
    paragraphs = Document(str(forms[UNIT_A])).paragraphs
    lines = [p.text for p in paragraphs]
    heading = TYPE_REPORT_ZH["section"].format(title=load_checklist(COERCION).title)
    assert lines.count(heading) == 1
    section_at = lines.index(heading)
    result = next(i for i, line in enumerate(lines) if line.startswith("附加评查结果"))
    conclusion = next(i for i, line in enumerate(lines) if line.startswith("评查结论：得分89"))
    assert section_at < result < conclusion
    assert lines[result] == TYPE_REPORT_ZH["section_total"].format(score="0（原始得分95）", grade="不合格")
    assert lines[conclusion] == "评查结论：得分89，等次良好；共2项不符合评查标准。"
    veto = load_checklist(COERCION).item("V01").name
    assert any(row.startswith(f"1 | {veto} | 否决") for row in text)
    assert any(load_checklist(INSPECTION).title in row for row in text)  # 甲's inspection file: its standard
    # the licence file's R13 reads the licence item, the penalty file's R13 the penalty item
    assert any(load_checklist(LICENSE).item("R13").name in row for row in text)
    assert any(load_checklist(GENERAL).item("R13").name in row for row in text)


def test_the_circular_reads_right_with_five_types(run) -> None:
    data = load_run(run)
    sentences = type_sentences(data)
    assert [s.split("案卷")[0] for s in sentences] == list(TYPES)
    assert sentences[3] == (f"行政强制措施案卷1卷，依据《{load_checklist(COERCION).title}》评查，平均分0分，"
                            "不合格1卷（占100.0%）。")
    table = problem_table(data)
    pairs = list(zip(table["checklist"], table["item_code"], strict=True))
    assert len(pairs) == len(set(pairs)) and (GENERAL, "R13") in pairs and (LICENSE, "R13") in pairs
    assert dict(zip(pairs, table["standard"], strict=True))[(LICENSE, "R13")] == "行政许可"
    write_circular(run, run / "通报.docx")
    text = _docx_text(run / "通报.docx")
    assert TYPE_REPORT_ZH["by_type_intro"].format(n=5) + sentences[0] in "\n".join(text)
    assert TYPE_REPORT_ZH["ranking_intro"] in text
    header = next(row for row in text if row.startswith("序号 | 评查项目"))
    assert header == "序号 | 评查项目 | 案件类型 | 问题性质 | 涉及案卷数 | 涉及单位数 | 扣分合计"
    licence_r13 = load_checklist(LICENSE).item("R13").name
    assert any(row.startswith(f"1．{licence_r13}（行政许可）。共2卷") for row in text)
    general_r17 = load_checklist(GENERAL).item("R17").name
    assert any(f"{general_r17}（行政处罚一般程序）。共1卷" in row for row in text)
    assert not any(load_checklist(COERCION).item("R13").name in row for row in text)  # the supplement's


def test_every_file_is_in_the_run(run) -> None:
    assert set(load_run(run).cases["dossier_id"]) == set(FILES)


def test_trends_keep_each_standards_items_and_categories_apart(tmp_path) -> None:
    """Two campaigns of the five standards: R13 of the penalty and of the licence standard are two problems, two
    recurrences and, per file of their own standard, two categories' deductions."""
    from reports.history import compute_trends, record_run
    from reports.history.charts import render_trend_charts

    url = f"sqlite:///{tmp_path / 'history.db'}"
    out = make_mixed_run(tmp_path / "2025" / "out")
    record_run(out, url, name="多类型评查", year=2025)
    record_run(out, url, name="多类型评查", year=2026)
    trends = compute_trends(url)
    latest = trends.top_problems[trends.top_problems["year"] == 2026]
    r13 = latest[latest["item_code"] == "R13"].set_index("case_type")
    assert sorted(r13.index) == ["行政处罚（一般程序）", "行政许可"]
    assert r13.loc["行政许可", "item_name"] == load_checklist(LICENSE).item("R13").name
    assert (r13.loc["行政许可", "files"], r13.loc["行政处罚（一般程序）", "files"]) == (2, 1)
    again = {(r["unit"], r["item_code"], r["case_type"]) for r in trends.recurrence.to_dict("records")}
    assert {(UNIT_A, "R13", "行政处罚（一般程序）"), (UNIT_A, "R13", "行政许可")} <= again
    cats = trends.category_deductions[trends.category_deductions["year"] == 2026].set_index(["case_type", "category"])
    assert cats.loc[("行政许可", "决定"), "per_file"] == 3.0  # 6 points over the 2 licence files, not over 8
    assert cats.loc[("行政处罚（一般程序）", "送达执行"), "per_file"] == 5.0  # 10 over the 2 penalty files
    assert len(render_trend_charts(trends, tmp_path / "charts")) == 4


def test_letters_and_export_name_each_files_standard(run, tmp_path) -> None:
    from reports.letters import write_supervision_letters
    from reports.platform_export import load_mapping, platform_table

    letters = {p.stem: p for p in write_supervision_letters(run, tmp_path / "letters")}
    assert set(letters) == {UNIT_B, UNIT_C}  # the vetoed coercion and inspection files
    text = "\n".join(_docx_text(letters[UNIT_B]))
    assert "（一）乙城管强措〔2025〕4号（行政强制措施；当事人：乙某某建材有限公司；得分：0（原始得分100）；等次：不合格）" in text
    assert f"{load_checklist(COERCION).item('V01').name}（否决项）" in text
    mapping = [("评查标准", "checklist", ""), ("案件文号", "case_no", "")]
    table = platform_table(load_run(run), mapping)
    titles = dict(zip(table["案件文号"], table["评查标准"], strict=True))
    assert titles["乙城管强措〔2025〕4号"] == load_checklist(COERCION).title
    assert titles["甲市监许〔2025〕7号"] == load_checklist(LICENSE).title
    assert load_mapping()  # the bundled mapping still loads


@pytest.mark.slow
def test_the_run_validates_clean_with_a_supplement_of_the_same_codes(tmp_path) -> None:
    """The penalty file's coercion-measure rows repeat its own codes (V01, R13 …): one row per item of each
    standard, not a duplicate."""
    from reports.validation import validate_run

    report = validate_run(make_mixed_run(tmp_path / "out"))
    assert report.error == "" and report.failures == {}, report.failures


def test_two_standards_of_one_type_name_are_told_apart(tmp_path) -> None:
    """Two standards of 行政强制 read by their procedures (行政强制措施, 行政强制执行); where two standards of the
    run would still read the same (a campaign file mapping plain 行政强制), by their titles."""
    import json

    out = make_mixed_run(tmp_path / "out")
    run_json = json.loads((out / "run.json").read_text(encoding="utf-8"))
    run_json["checklists"]["coercion/execution"] = dict(run_json["checklists"]["inspection"])  # stand-in
    del run_json["checklists"]["inspection"]
    (out / "run.json").write_text(json.dumps(run_json, ensure_ascii=False), encoding="utf-8")
    data = load_run(out)
    assert data.standard_label(COERCION) == "行政强制措施"
    assert data.standard_label(INSPECTION) == "行政强制执行"
    assert data.standard_label(LICENSE) == "行政许可"
    measure = run_json["checklists"].pop("coercion/measure")
    run_json["checklists"]["coercion"] = measure  # plain 行政强制 …
    run_json["checklists"]["coercion/other"] = run_json["checklists"].pop("coercion/execution")  # … and another
    (out / "run.json").write_text(json.dumps(run_json, ensure_ascii=False), encoding="utf-8")
    data = load_run(out)
    assert data.standard_label(COERCION) == load_checklist(COERCION).title
    assert data.standard_label(INSPECTION) == load_checklist(INSPECTION).title


def test_the_units_sheet_shows_each_files_supplement_result_beside_its_grade(run) -> None:
    ws = openpyxl.load_workbook(run / "scorecards.xlsx")[UNIT_A]
    header = [c.value for c in ws[4]]
    at = header.index("附加评查结果")
    assert header[at - 1] == "等次"
    rows = {r[0]: r for r in ws.iter_rows(min_row=5, values_only=True)}
    title = load_checklist(COERCION).title
    assert rows[SUPPLEMENT_FILE][at] == f"《{title}》得分0（原始得分95），等次不合格"
    assert rows[SUPPLEMENT_FILE][at - 1] == "良好"  # the file's own grade stays its standard's
    assert rows[f"{UNIT_A}/2025-007"][at] is None  # no supplement
