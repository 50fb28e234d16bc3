"""A supplement's rows in findings.csv (scoring/engine.score_sections: e.g. the coercive-measure items of a penalty
file holding a 扣押决定书) are their own section: shown on 评查明细 and the 评查表 as such, never counted as the
file's own findings, never reviewed as its items, and written back unchanged by `review apply`."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from reports.glossary import TYPE_REPORT_ZH
from reports.loading import load_run
from reports.overrides import OverrideError, read_overrides
from reports.review import write_reviewed_run
from reports.review_form import write_review_forms
from reports.scorecard import DETAILS_SHEET, SUMMARY_SHEET, write_scorecard
from reports.summary import top_problems
from tests.reports.fake_run import UNIT_A, make_run

FILE = f"{UNIT_A}/2025-017"
SUPPLEMENT = "coercion-measure"
ROWS = [  # a supplement's two items for one file: a failed one must not reach the file's totals or problems
    [FILE, SUPPLEMENT, "C01", "扣押决定书未载明期限", "行政强制措施", "fail", "5", "false", "扣押决定书无期限", "", "", ""],
    [FILE, SUPPLEMENT, "C02", "扣押物品清单", "行政强制措施", "pass", "0", "false", "", "", "", ""],
]


def _with_supplement(out: Path) -> Path:
    make_run(out)
    with (out / "findings.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(ROWS)
    return out


def test_supplement_rows_are_their_own_section(tmp_path: Path) -> None:
    out = _with_supplement(tmp_path / "run")
    data = load_run(out)
    assert SUPPLEMENT not in set(data.findings["checklist"])
    assert list(data.sections["item_code"]) == ["C01", "C02"]
    assert "扣押决定书未载明期限" not in set(top_problems(data.findings, limit=None)["item_name"])
    write_scorecard(data, out / "scorecards.xlsx")
    wb = openpyxl.load_workbook(out / "scorecards.xlsx")
    ws = wb[DETAILS_SHEET]
    header = [c.value for c in ws[1]]
    rows = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] == FILE]
    codes = [r[1] for r in rows]
    assert codes[-2:] == [f"{SUPPLEMENT}/C01", f"{SUPPLEMENT}/C02"]  # after the file's own items
    section = rows[-2]
    from scoring.checklist import load_checklist

    title = load_checklist(SUPPLEMENT).title  # the bundled standard names its own section
    assert section[header.index("评查标准")] == TYPE_REPORT_ZH["section"].format(title=title) == "附加评查：行政强制措施案卷评查标准"
    assert section[header.index("扣分")] == 5
    assert section[-1] is None  # no row key: not reviewed here
    summary = [[c.value for c in row] for row in wb[SUMMARY_SHEET].iter_rows()]
    assert not any("扣押决定书未载明期限" in str(v) for row in summary for v in row)
    assert read_overrides(out / "scorecards.xlsx") == []


def test_a_review_keeps_the_supplement_rows_and_refuses_to_change_them(tmp_path: Path) -> None:
    out = _with_supplement(tmp_path / "run")
    write_scorecard(load_run(out), out / "scorecards.xlsx")
    wb = openpyxl.load_workbook(out / "scorecards.xlsx")
    ws = wb[DETAILS_SHEET]
    header = [c.value for c in ws[1]]
    at = header.index("复核结论") + 1
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 2).value == f"{SUPPLEMENT}/C01")
    ws.cell(row, at).value = "改为通过"
    wb.save(tmp_path / "bad.xlsx")
    with pytest.raises(OverrideError, match="附加评查部分"):
        read_overrides(tmp_path / "bad.xlsx")
    ws.cell(row, at).value = None
    own = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == FILE and ws.cell(r, 2).value == "R17")
    for offset, value in enumerate(("改为通过", None, "送达回证在副卷", "王甲")):
        ws.cell(own, at + offset).value = value
    wb.save(tmp_path / "ok.xlsx")
    write_reviewed_run(tmp_path / "ok.xlsx", tmp_path / "reviewed")
    with (tmp_path / "reviewed" / "findings.csv").open(encoding="utf-8-sig") as handle:
        written = [r for r in csv.DictReader(handle) if r["dossier_id"] == FILE]
    assert [(r["checklist"], r["item_code"], r["status"]) for r in written][-2:] == [
        (SUPPLEMENT, "C01", "fail"), (SUPPLEMENT, "C02", "pass")]
    cases = {r["dossier_id"]: r for r in csv.DictReader((tmp_path / "reviewed" / "cases.csv").open(encoding="utf-8-sig"))}
    assert cases[FILE]["total_score"] == "96"  # 86 + R17's 10; C01's 5 never counted


def test_the_review_form_shows_the_section_after_the_files_items(tmp_path: Path) -> None:
    out = _with_supplement(tmp_path / "run")
    forms = write_review_forms(out)
    doc = Document(str(next(p for p in forms if p.stem == UNIT_A)))
    texts = [p.text for p in doc.paragraphs]
    assert TYPE_REPORT_ZH["section"].format(title="行政强制措施案卷评查标准") in texts
    cells = [c.text for t in doc.tables for r in t.rows for c in r.cells]
    assert "扣押决定书未载明期限" in cells
