"""`review apply` against a tampered or damaged scorecard (issue 15, "Seen" 10): every case is refused
with sheet and cell, or — sorting and moving whole rows — applied to the right dossier by the row key."""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl
import pytest

from reports.loading import load_run
from reports.overrides import OverrideError
from reports.review import apply_review
from reports.scorecard import DETAILS_SHEET, META_SHEET, write_scorecard
from tests.reports.fake_run import UNIT_A, UNIT_B, make_run

A1, A2 = f"{UNIT_A}/2025-001", f"{UNIT_A}/2025-017"
B2 = f"{UNIT_B}/2025-009"
REVIEW = 12  # column L: 复核结论, then 复核扣分, 复核理由, 复核人 (further right on a reviewed run's scorecard)


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    out = make_run(tmp_path / "out")
    write_scorecard(load_run(out), out / "scorecards.xlsx")
    return out


def _row_of(ws, dossier_id: str, item_code: str) -> int:
    return next(r for r in range(2, ws.max_row + 1) if (ws.cell(r, 1).value, ws.cell(r, 2).value) == (dossier_id, item_code))


def _fill(ws, row: int, values: tuple) -> None:
    first = [c.value for c in ws[1]].index("复核结论") + 1
    for offset, value in enumerate(values):
        ws.cell(row, first + offset).value = value


def _refused(scorecard: Path, out: Path) -> OverrideError:
    with pytest.raises(OverrideError) as caught:
        apply_review(scorecard, out)
    assert not out.exists() or not (out / "cases.csv").exists()  # nothing written
    return caught.value


def _cases(out: Path) -> dict[str, dict[str, str]]:
    with (out / "cases.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {r["dossier_id"]: r for r in csv.DictReader(handle)}


def _edited(run_dir: Path, tmp_path: Path, change) -> Path:
    wb = openpyxl.load_workbook(run_dir / "scorecards.xlsx")
    change(wb)
    path = tmp_path / "edited.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("typed", ["nan", "NaN", "inf", "-inf", "1e999"])
def test_points_that_are_no_finite_number_are_refused(run_dir: Path, tmp_path: Path, typed: str) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        _fill(ws, _row_of(ws, A1, "R17"), ("改为扣分", typed, "材料不全", "王评查"))
    path = _edited(run_dir, tmp_path, change)
    row = _row_of(openpyxl.load_workbook(path)[DETAILS_SHEET], A1, "R17")
    error = _refused(path, tmp_path / "new")
    assert error.problems == [(DETAILS_SHEET, f"M{row}", f"{DETAILS_SHEET}!M{row}：复核扣分“{typed}”不是有效的数字")]


def test_a_formula_in_the_points_is_refused_not_taken_as_full_points(run_dir: Path, tmp_path: Path) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        _fill(ws, _row_of(ws, A1, "R17"), ("改为扣分", "=1+1", "材料不全", "王评查"))
    path = _edited(run_dir, tmp_path, change)  # saved by openpyxl: a formula with no computed value
    row = _row_of(openpyxl.load_workbook(path)[DETAILS_SHEET], A1, "R17")
    [(sheet, cell, message)] = _refused(path, tmp_path / "new").problems
    assert (sheet, cell) == (DETAILS_SHEET, f"M{row}") and "公式“=1+1”" in message and "没有计算结果" in message


@pytest.mark.parametrize("name", ["\u200b", "王\u200b评查", "\u202e查评王", "\ufeff"])
def test_invisible_characters_in_a_reviewers_name_are_refused(run_dir: Path, tmp_path: Path, name: str) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        _fill(ws, _row_of(ws, A1, "R17"), ("改为通过", None, "已补正", name))
    path = _edited(run_dir, tmp_path, change)
    row = _row_of(openpyxl.load_workbook(path)[DETAILS_SHEET], A1, "R17")
    [(sheet, cell, message)] = _refused(path, tmp_path / "new").problems
    assert (sheet, cell) == (DETAILS_SHEET, f"O{row}") and "复核人含不可见字符 U+" in message


def test_one_column_sorted_alone_is_refused_with_the_advice_to_restore_the_order(run_dir: Path,
                                                                                 tmp_path: Path) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        _fill(ws, _row_of(ws, A1, "R17"), ("改为通过", None, "已补正", "王评查"))
        column = sorted((ws.cell(r, 1).value for r in range(2, ws.max_row + 1)), reverse=True)
        for r, value in enumerate(column, start=2):  # 案卷 sorted, "continue with the current selection"
            ws.cell(r, 1).value = value
    error = _refused(_edited(run_dir, tmp_path, change), tmp_path / "new")
    assert all(sheet == DETAILS_SHEET for sheet, _, _ in error.problems[:-1])
    first = error.problems[0]
    assert first[1].startswith("A") and "行校验码不符" in first[2] and "恢复原来的顺序" in first[2]
    assert error.problems[-1][2].startswith("……另有")  # not 60 lines for one sort: the first 30 and a count


def test_a_reviewer_column_sorted_alone_is_refused(run_dir: Path, tmp_path: Path) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        row = _row_of(ws, A1, "R17")
        _fill(ws, row, ("改为通过", None, "已补正", "王评查"))
        ws.cell(row, REVIEW).value, ws.cell(ws.max_row, REVIEW).value = None, "改为通过"  # 复核结论 moved alone
    path = _edited(run_dir, tmp_path, change)
    ws = openpyxl.load_workbook(path)[DETAILS_SHEET]
    cells = {cell for _, cell, _ in _refused(path, tmp_path / "new").problems}
    assert f"N{_row_of(ws, A1, 'R17')}" in cells  # a reason with no conclusion
    assert f"N{ws.max_row}" in cells  # a conclusion with no reason


def test_whole_rows_sorted_or_moved_are_applied_to_their_own_dossier(run_dir: Path, tmp_path: Path) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        _fill(ws, _row_of(ws, B2, "V03"), ("改为通过", None, "告知书在副卷", "李评查"))
        rows = [[c.value for c in row] for row in ws.iter_rows(min_row=2)]
        rows.reverse()  # sorted as a whole (Excel's filter sort)
        rows.append(rows.pop(0))  # and one row cut and inserted at the end
        for r, values in enumerate(rows, start=2):
            for c, value in enumerate(values, start=1):
                ws.cell(r, c).value = value
    summary = apply_review(_edited(run_dir, tmp_path, change), tmp_path / "new")
    assert summary.changes == 1 and summary.dossiers_rescored == [B2]
    assert _cases(tmp_path / "new")[B2]["vetoed"] == "false"


def test_a_deleted_row_is_refused_and_named(run_dir: Path, tmp_path: Path) -> None:
    ws0 = openpyxl.load_workbook(run_dir / "scorecards.xlsx")[DETAILS_SHEET]
    gone = _row_of(ws0, A2, "R04")

    def change(wb):
        wb[DETAILS_SHEET].delete_rows(gone)
    [(sheet, cell, message)] = _refused(_edited(run_dir, tmp_path, change), tmp_path / "new").problems
    assert (sheet, cell) == (DETAILS_SHEET, f"A{gone}")
    assert f"案卷“{A2}”项目“R04”所在的行已被删除" in message


def test_identity_cells_moved_between_rows_are_refused(run_dir: Path, tmp_path: Path) -> None:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        a, b = _row_of(ws, A1, "R17"), _row_of(ws, B2, "R17")
        _fill(ws, a, ("改为通过", None, "已补正", "王评查"))
        ws.cell(a, 1).value, ws.cell(b, 1).value = B2, A1  # the decision would land on the other file
    path = _edited(run_dir, tmp_path, change)
    ws = openpyxl.load_workbook(path)[DETAILS_SHEET]
    cells = [cell for _, cell, _ in _refused(path, tmp_path / "new").problems]
    assert cells == sorted([f"A{_row_of(ws, B2, 'R17')}", f"A{_row_of(ws, A1, 'R17')}"], key=lambda c: int(c[1:]))


@pytest.mark.parametrize("key", ["out_dir", "fingerprint", "seal"])
def test_an_edited_meta_sheet_is_refused(run_dir: Path, tmp_path: Path, key: str) -> None:
    def change(wb):
        meta = wb[META_SHEET]
        row = next(r for r in range(1, meta.max_row + 1) if meta.cell(r, 1).value == key)
        meta.cell(row, 2).value = str(tmp_path) if key == "out_dir" else "0" * 64
    [(sheet, cell, message)] = _refused(_edited(run_dir, tmp_path, change), tmp_path / "new").problems
    assert sheet == META_SHEET and cell.startswith("B") and "被改动" in message


def _first_round(run_dir: Path, tmp_path: Path) -> Path:
    def change(wb):
        ws = wb[DETAILS_SHEET]
        _fill(ws, _row_of(ws, B2, "V03"), ("改为通过", None, "告知书在副卷", "李评查"))
        _fill(ws, _row_of(ws, A2, "R17"), ("改为通过", None, "补充了邮寄凭证", "张组长"))
    apply_review(_edited(run_dir, tmp_path, change), tmp_path / "round1")
    return tmp_path / "round1"


def _second_round_edit(round1: Path, tmp_path: Path) -> Path:
    wb = openpyxl.load_workbook(round1 / "scorecards.xlsx")
    ws = wb[DETAILS_SHEET]
    _fill(ws, _row_of(ws, A1, "R24"), ("改为扣分", None, "结案审批表未签字", "王评查"))
    path = tmp_path / "second.xlsx"
    wb.save(path)
    return path


def test_the_audit_rows_chain_and_a_clean_second_round_applies(run_dir: Path, tmp_path: Path) -> None:
    round1 = _first_round(run_dir, tmp_path)
    apply_review(_second_round_edit(round1, tmp_path), tmp_path / "round2")
    with (tmp_path / "round2" / "audit.csv").open(encoding="utf-8-sig", newline="") as handle:
        audit = list(csv.DictReader(handle))
    assert [a["reviewer"] for a in audit] == ["张组长", "李评查", "王评查"]
    assert audit[0]["prev_hash"] == "" and all(len(a["prev_hash"]) == 16 for a in audit[1:])


def test_an_edited_earlier_round_is_detected(run_dir: Path, tmp_path: Path) -> None:
    round1 = _first_round(run_dir, tmp_path)
    audit = round1 / "audit.csv"
    text = audit.read_text(encoding="utf-8-sig")
    audit.write_text(text.replace("告知书在副卷", "领导同意"), encoding="utf-8-sig")
    second = _second_round_edit(round1, tmp_path)
    # the scorecard's fingerprint covers audit.csv: the run no longer holds what the reviewer saw
    assert "不一致" in str(_refused(second, tmp_path / "round2"))
    # and made again from the edited folder, the broken chain still names the row
    write_scorecard(load_run(round1), round1 / "scorecards.xlsx")
    [(sheet, cell, message)] = _refused(_second_round_edit(round1, tmp_path), tmp_path / "round2b").problems
    edited_line = next(i for i, line in enumerate(text.splitlines(), start=1) if "告知书在副卷" in line)
    assert (sheet, cell) == ("audit.csv", str(edited_line)) and "被改动" in message


def test_an_edited_first_row_breaks_the_chain_at_the_row_after_it(run_dir: Path, tmp_path: Path) -> None:
    round1 = _first_round(run_dir, tmp_path)
    audit = round1 / "audit.csv"
    text = audit.read_text(encoding="utf-8-sig")
    audit.write_text(text.replace("补充了邮寄凭证", "不必补充"), encoding="utf-8-sig")
    write_scorecard(load_run(round1), round1 / "scorecards.xlsx")
    [(sheet, cell, _)] = _refused(_second_round_edit(round1, tmp_path), tmp_path / "round2").problems
    edited_line = next(i for i, line in enumerate(text.splitlines(), start=1) if "补充了邮寄凭证" in line)
    assert (sheet, cell) == ("audit.csv", str(edited_line + 1))
