"""scorecards.xlsx read back with openpyxl: ranking, grade counts, reviewer columns, print setup, keys."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from reports.loading import load_run, run_fingerprint
from reports.scorecard import DETAILS_SHEET, RESERVED_SHEETS, write_scorecard
from reports.summary import unit_ranking
from reports.xlsx import safe_sheet_names
from tests.reports.fake_run import EVIDENCE_QUOTE, RUN_JSON, UNIT_A, UNIT_B, UNIT_C, make_run


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, openpyxl.Workbook]:
    out = make_run(tmp_path_factory.mktemp("run") / "out")
    path = out / "scorecards.xlsx"
    write_scorecard(load_run(out), path)
    return out, openpyxl.load_workbook(path)


def _rows(ws) -> list[tuple]:
    return list(ws.iter_rows(values_only=True))


def _table_after(ws, first_label: str) -> tuple[int, list[tuple]]:
    rows = _rows(ws)
    start = next(i for i, r in enumerate(rows) if r[0] == first_label)
    body = []
    for r in rows[start + 1:]:
        if all(v is None for v in r):
            break
        body.append(r)
    return start + 1, body


def test_summary_ranks_units_by_average_with_grade_counts(workbook) -> None:
    _, wb = workbook
    ws = wb["汇总"]
    header_row, body = _table_after(ws, "排名")
    header = _rows(ws)[header_row - 1]
    assert header[:11] == ("排名", "被评查单位", "评查案卷数", "平均分", "总分", "优秀", "良好", "合格", "不合格",
                           "否决案卷数", "需人工复核案卷数")
    assert [r[1] for r in body[:3]] == [UNIT_A, UNIT_C, UNIT_B]
    assert [r[3] for r in body[:3]] == [93, 83.5, 45.5]
    assert body[2][5:10] == (1, 0, 0, 1, 1)  # B: one 优秀, one 不合格 by veto
    assert body[3][1] == "全部单位" and body[3][2] == 6 and body[3][5:9] == (2, 3, 0, 1)
    assert ws.print_title_rows == f"${header_row}:${header_row}"


def test_summary_shows_checklist_campaign_and_top_problems(workbook) -> None:
    _, wb = workbook
    ws = wb["汇总"]
    meta = {r[0]: r[2] for r in _rows(ws)[2:9]}
    assert meta["评查活动"] == RUN_JSON["campaign"]
    assert meta["评查标准编号"] == "penalty-general"
    assert meta["评查标准版本"] == "2025.1"
    assert meta["评查标准校验值"] == "sha256:ab12cd34"
    assert meta["评查日期"] == "2025-07-01"
    _, problems = _table_after(ws, "项目编号")
    assert problems[0][:5] == ("R17", "决定书无送达凭证", "送达执行", 2, 20)
    assert ("V03", "未履行事先告知程序", "基础标准", 1, 0, 1) in [r[:6] for r in problems]


def test_details_sheet_layout_dropdown_and_print_setup(workbook) -> None:
    _, wb = workbook
    ws = wb[DETAILS_SHEET]
    header = [c.value for c in ws[1]]
    assert header == ["案卷", "项目编号", "评查项目", "评查类别", "评查结论", "扣分", "否决项", "说明", "文件",
                      "页码/段落", "原文摘录", "复核结论", "复核扣分", "复核理由", "复核人", "行校验码"]
    assert ws.column_dimensions["P"].hidden  # the row key: hidden, so the reviewer columns still end the sheet
    assert ws.max_row == 1 + 6 * 10
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:P61"
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert len(lists) == 1
    assert lists[0].formula1 == '"维持,改为通过,改为扣分,改为否决,不适用"'
    assert str(lists[0].sqref) == "L2:L61"
    assert ws.page_setup.orientation == "landscape"
    assert int(ws.page_setup.paperSize) == 9  # A4
    # too wide for one page at a legible size: printed at 91 % (10 pt), continued on further pages that follow
    # their left neighbour and repeat 案卷 and 项目编号
    assert not ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.scale == 91
    assert ws.page_setup.pageOrder == "overThenDown"
    assert ws.print_title_rows == "$1:$1" and ws.print_title_cols == "$A:$B"
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
    for col in "LMNO":
        assert ws[f"{col}1"].comment is not None and ws[f"{col}1"].comment.text


def _display_width(text: str) -> int:
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


def test_every_sheet_prints_at_10_pt_or_more_on_a4_landscape(workbook) -> None:
    _, wb = workbook
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9, ws.title
        if ws.sheet_properties.pageSetUpPr.fitToPage:  # one page wide: the visible columns fit at 91 % or more
            widths = sum(d.width for d in ws.column_dimensions.values() if d.width and not d.hidden)
            assert widths * 0.91 <= 143, ws.title
        else:
            assert 11 * ws.page_setup.scale / 100 >= 10, ws.title


LONG_UNIT = "某某市某某区市场监督管理局综合行政执法大队"  # wider than any default column


@pytest.fixture(scope="module")
def long_names(tmp_path_factory: pytest.TempPathFactory) -> openpyxl.Workbook:
    out = make_run(tmp_path_factory.mktemp("long") / "out")
    for name in ("cases.csv", "findings.csv", "problems.csv"):
        path = out / name
        path.write_text(path.read_text(encoding="utf-8-sig").replace(UNIT_B, LONG_UNIT), encoding="utf-8-sig")
    write_scorecard(load_run(out), out / "scorecards.xlsx")
    return openpyxl.load_workbook(out / "scorecards.xlsx")


def test_details_print_each_unit_from_a_new_page_with_the_case_id_whole(long_names) -> None:
    wb = long_names
    ws = wb[DETAILS_SHEET]
    units = [str(ws.cell(r, 1).value).split("/")[0] for r in range(2, ws.max_row + 1)]
    firsts = [r for r in range(3, ws.max_row + 1) if units[r - 2] != units[r - 3]]
    assert len(firsts) == 2  # three units
    assert [b.id + 1 for b in ws.row_breaks.brk] == firsts  # a break below the row before each unit's first row
    longest = max(_display_width(str(ws.cell(r, 1).value)) for r in range(2, ws.max_row + 1))
    assert ws.column_dimensions["A"].width >= longest
    assert ws["H2"].alignment.wrap_text and ws["I2"].alignment.wrap_text  # 说明, 文件: wrapped, not cut
    assert longest == _display_width(f"{LONG_UNIT}/2025-009")
    unit = wb[LONG_UNIT]
    ids = [unit.cell(r, 1).value for r in range(5, unit.max_row + 1)]
    assert unit.column_dimensions["A"].width >= max(_display_width(i) for i in ids) > 26
    problems = wb["问题文件"]
    assert problems.column_dimensions["A"].width >= max(_display_width(str(c.value)) for c in problems["A"])


def test_details_rows_carry_keys_evidence_and_highlights(workbook) -> None:
    _, wb = workbook
    ws = wb[DETAILS_SHEET]
    rows = {(r[0].value, r[1].value): r for r in ws.iter_rows(min_row=2)}
    r04 = rows[(f"{UNIT_A}/2025-017", "R04")]
    assert [c.value for c in r04[4:11]] == ["扣分", 4, None, "2份笔录仅1名执法人员", "询问笔录.docx", "3",
                                             EVIDENCE_QUOTE]
    assert r04[10].alignment.wrap_text
    veto = rows[(f"{UNIT_B}/2025-009", "V03")]
    assert veto[4].value == "否决" and veto[6].value == "是"
    assert veto[0].fill.fgColor.rgb.endswith("FFC7CE")
    other = rows[(f"{UNIT_B}/2025-009", "R01")]  # a row of a 不合格 file
    assert other[0].fill.fgColor.rgb.endswith("FCE4D6")
    assert rows[(f"{UNIT_C}/2025-006", "R13")][4].value == "无法判定"
    assert rows[(f"{UNIT_A}/2025-001", "R01")][0].fill.fill_type is None


def test_unit_sheets_problems_readme_and_hidden_meta(workbook) -> None:
    out, wb = workbook
    assert wb.sheetnames[:4] == ["汇总", "评查明细", "问题文件", "说明"]
    assert set(wb.sheetnames[4:7]) == {UNIT_A, UNIT_B, UNIT_C}
    ws = wb[UNIT_B]
    rows = _rows(ws)
    assert rows[3][:3] == ("案卷", "决定书文号", "当事人")
    vetoed = next(r for r in rows if r[0] == f"{UNIT_B}/2025-009")
    assert vetoed[3:8] == (0, 98, "不合格", "是", None)
    assert vetoed[9].startswith("V03 未履行事先告知程序（否决）")
    assert ws.print_title_rows == "$4:$4"
    problems = _rows(wb["问题文件"])
    assert problems[0] == ("案卷", "文件", "问题类型", "说明")
    assert {r[2] for r in problems[1:]} == {"不支持的文件类型", "旧版格式"}
    assert any("pingcha review apply" in (r[1] or "") for r in _rows(wb["说明"]))
    meta = wb["_meta"]
    assert meta.sheet_state == "veryHidden" and meta.protection.sheet
    values = {r[0]: r[1] for r in _rows(meta)}
    assert values["fingerprint"] == run_fingerprint(out)
    assert values["checklist_id"] == "penalty-general" and values["checklist_hash"] == "sha256:ab12cd34"
    assert Path(values["out_dir"]) == out.resolve()


def test_charts_are_embedded_in_summary(tmp_path: Path) -> None:
    from reports.charts import render_campaign_charts

    out = make_run(tmp_path / "out")
    data = load_run(out)
    charts = render_campaign_charts(data, out)
    write_scorecard(data, out / "scorecards.xlsx", charts)
    ws = openpyxl.load_workbook(out / "scorecards.xlsx")["汇总"]
    assert len(ws._images) == len(charts) == 4


def test_sheet_names_are_sanitized_truncated_and_unique() -> None:
    long = "某某市某某区某某街道办事处综合行政执法队第一中队执法监督科室"
    names = safe_sheet_names(["a/b:c", "a[b]c", long, long + "二", "汇总", "A?B*C\\D", "'q'"], RESERVED_SHEETS)
    values = list(names.values())
    assert all(len(v) <= 31 and not set(v) & set("[]:*?/\\") for v in values)
    assert len({v.casefold() for v in values}) == len(values)
    assert names["汇总"] != "汇总"
    assert names["a/b:c"] == "a_b_c"


def test_ties_on_average_are_broken_by_total() -> None:
    cases = pd.DataFrame({
        "unit": ["甲", "甲", "乙", "丙"],
        "total_score": [80.0, 80.0, 80.0, 90.0],
        "grade": ["良好", "良好", "良好", "优秀"],
        "vetoed": [False] * 4,
        "needs_review": [False] * 4,
    })
    ranking = unit_ranking(cases)
    assert ranking["unit"].tolist() == ["丙", "甲", "乙"]
    assert ranking["rank"].tolist() == [1, 2, 3]


def test_sheets_print_legibly(tmp_path) -> None:
    """Fit to one page wide only while the print stays at 9 pt or more: 评查明细 (15 columns) prints at 82 %
    and continues on further pages; a narrow sheet fits the width."""
    from openpyxl import Workbook

    from reports.xlsx import MIN_PRINT_SCALE, print_scale, print_setup, set_widths

    wb = Workbook()
    wide, narrow = wb.active, wb.create_sheet("narrow")
    set_widths(wide, [26, 8, 30, 10, 10, 7, 7, 40, 22, 9, 50, 12, 9, 30, 10])
    set_widths(narrow, [30, 36, 18, 60])
    print_setup(wide, "1:1")
    print_setup(narrow, "1:1")
    assert wide.page_setup.scale == MIN_PRINT_SCALE and not wide.sheet_properties.pageSetUpPr.fitToPage
    assert 11 * wide.page_setup.scale / 100 >= 9
    assert narrow.sheet_properties.pageSetUpPr.fitToPage and narrow.page_setup.fitToWidth == 1
    assert wide.page_setup.orientation == narrow.page_setup.orientation == "landscape"
    assert print_scale([100, 100]) == MIN_PRINT_SCALE and print_scale([60, 60]) is None
