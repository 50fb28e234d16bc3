"""Reviewer overrides: edit the 复核 columns with openpyxl, apply, re-score, audit; the original run stays."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import openpyxl
import pytest

from ingest.errors import PingchaError
from reports.loading import load_run
from reports.overrides import OverrideError, known_pairs, read_overrides
from reports.review import apply_review
from reports.scorecard import DETAILS_SHEET, write_scorecard
from scoring.checklist import ChecklistError, load_checklist
from tests.reports.fake_run import CHECKLIST_ID, ITEMS, UNIT_A, UNIT_B, UNIT_C, make_run

CHECKLIST = load_checklist(CHECKLIST_ID)

A1, A2 = f"{UNIT_A}/2025-001", f"{UNIT_A}/2025-017"
B1, B2 = f"{UNIT_B}/2025-003", f"{UNIT_B}/2025-009"
C1 = f"{UNIT_C}/2025-004"


@pytest.fixture
def run_dir(tmp_path: Path) -> Path:
    out = make_run(tmp_path / "out")
    write_scorecard(load_run(out), out / "scorecards.xlsx")
    return out


def tree_hashes(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def edit(scorecard: Path, target: Path, changes: dict[tuple[str, str], tuple]) -> dict[tuple[str, str], int]:
    """Fill 复核结论/复核扣分/复核理由/复核人 (L..O, further right on a reviewed scorecard) of the given rows;
    returns their row numbers."""
    wb = openpyxl.load_workbook(scorecard)
    ws = wb[DETAILS_SHEET]
    first = [c.value for c in ws[1]].index("复核结论") + 1
    rows = {}
    for row in range(2, ws.max_row + 1):
        key = (ws.cell(row, 1).value, ws.cell(row, 2).value)
        rows[key] = row
        if key in changes:
            for offset, value in enumerate(changes[key]):
                ws.cell(row, first + offset).value = value
    wb.save(target)
    return rows


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_apply_review_rescores_audits_and_leaves_the_original_untouched(run_dir: Path, tmp_path: Path) -> None:
    before = tree_hashes(run_dir)
    scorecard = run_dir / "scorecards.xlsx"
    edited = tmp_path / "edited.xlsx"
    edit(scorecard, edited, {
        (B2, "V03"): ("改为通过", None, "告知书装订在副卷第3页", "李评查"),      # veto lifted: 0 → 98
        (A1, "R17"): ("改为扣分", None, "送达回证无受送达人签名", "王评查"),      # default points 10: 100 → 90
        (B1, "R11"): ("改为扣分", 2, "仅缺救济途径", "王评查"),                  # 4 → 2: 91 → 93
        (C1, "R18"): ("不适用", None, "当事人自行领取，当日送达", "李评查"),      # 82 → 87
        (A2, "R04"): ("维持", None, "", ""),                                     # ignored
    })
    summary = apply_review(edited, tmp_path / "reviewed")

    assert tree_hashes(run_dir) == before
    assert summary.base_out == run_dir.resolve()
    assert summary.edits_read == 4 and summary.changes == 4
    cases = {r["dossier_id"]: r for r in read_csv(tmp_path / "reviewed" / "cases.csv")}
    assert (cases[B2]["raw_score"], cases[B2]["total_score"], cases[B2]["grade"], cases[B2]["vetoed"]) == \
        ("98", "98", "优秀", "false")
    assert (cases[A1]["total_score"], cases[A1]["grade"]) == ("90", "优秀")
    assert (cases[B1]["total_score"], cases[C1]["total_score"], cases[C1]["grade"]) == ("93", "87", "良好")
    assert cases[A2]["total_score"] == "86"
    assert (B2, "不合格", "优秀") in summary.grade_changes
    assert f"{B2}: 不合格 → 优秀" in summary.describe() and str(summary.new_out) in summary.describe()

    findings = read_csv(tmp_path / "reviewed" / "findings.csv")
    assert list(findings[0])[-4:] == ["auto_status", "override_reason", "reviewer", "auto_points"]
    v03 = next(f for f in findings if f["dossier_id"] == B2 and f["item_code"] == "V03")
    assert (v03["status"], v03["veto"], v03["auto_status"], v03["reviewer"]) == ("pass", "false", "fail", "李评查")

    audit = read_csv(tmp_path / "reviewed" / "audit.csv")
    assert [(a["dossier_id"], a["item_code"], a["old_status"], a["new_status"], a["old_points"], a["new_points"])
            for a in audit] == [
        (A1, "R17", "pass", "fail", "0", "10"),
        (B1, "R11", "fail", "fail", "4", "2"),
        (B2, "V03", "fail", "pass", "0", "0"),
        (C1, "R18", "fail", "n/a", "5", "0"),
    ]
    assert all(a["time"] and a["reason"] and a["reviewer"] for a in audit)
    assert audit[0]["source"].startswith("edited.xlsx!评查明细!L")

    new = load_run(tmp_path / "reviewed")
    assert new.run.review["changes"] == 4 and new.run.review["base_fingerprint"]
    assert new.run.campaign and new.run.checklist.id == "penalty-general"
    assert len(list((tmp_path / "reviewed" / "charts").glob("*.png"))) == 4
    ws = openpyxl.load_workbook(tmp_path / "reviewed" / "scorecards.xlsx")["汇总"]
    ranking = [r[1] for r in ws.iter_rows(values_only=True) if isinstance(r[0], int)]
    assert ranking[:3] == [UNIT_B, UNIT_A, UNIT_C]  # B now averages 95.5


def test_a_second_review_keeps_the_first(run_dir: Path, tmp_path: Path) -> None:
    first = tmp_path / "first.xlsx"
    edit(run_dir / "scorecards.xlsx", first, {(B2, "V03"): ("改为通过", None, "告知书在副卷", "李评查")})
    apply_review(first, tmp_path / "round1")
    round1 = tmp_path / "round1"
    before = tree_hashes(round1)

    wb = openpyxl.load_workbook(round1 / "scorecards.xlsx")
    shown = next(r for r in wb[DETAILS_SHEET].iter_rows(min_row=2, values_only=True) if r[:2] == (B2, "V03"))
    header = [c.value for c in wb[DETAILS_SHEET][1]]
    assert header[11:15] == ["自动评查结论", "自动评查扣分", "复核结论", "复核扣分"]
    # the reviewer's verdict in 评查结论, the machine's beside the 复核 columns
    assert shown[4] == "通过" and shown[11:17] == ("否决", 0, "改为通过", None, "告知书在副卷", "李评查")

    second = tmp_path / "second.xlsx"
    edit(round1 / "scorecards.xlsx", second, {(A2, "R17"): ("改为通过", None, "补充了邮寄凭证", "张组长")})
    summary = apply_review(second, tmp_path / "round2")

    assert tree_hashes(round1) == before
    assert summary.changes == 1
    audit = read_csv(tmp_path / "round2" / "audit.csv")
    assert [(a["dossier_id"], a["item_code"], a["reviewer"]) for a in audit] == [
        (B2, "V03", "李评查"), (A2, "R17", "张组长")]
    cases = {r["dossier_id"]: r for r in read_csv(tmp_path / "round2" / "cases.csv")}
    assert cases[B2]["total_score"] == "98" and cases[A2]["total_score"] == "96"
    run = load_run(tmp_path / "round2")
    assert len(run.run.review["history"]) == 1
    assert (run.findings["auto_status"] != "").sum() == 2

    # round 2's scorecard: both rounds' files, each with the machine's score and grade beside the reviewed ones
    wb = openpyxl.load_workbook(tmp_path / "round2" / "scorecards.xlsx")
    rows = list(wb["汇总"].iter_rows(values_only=True))
    top = next(i for i, r in enumerate(rows) if r[0] == "复核改动的案卷")
    assert rows[top + 1][:7] == ("案卷", "被评查单位", "自动评查得分", "自动评查等次", "复核后得分", "复核后等次", "复核人")
    assert [r[:7] for r in rows[top + 2:top + 4]] == [
        (A2, UNIT_A, 86, "良好", 96, "优秀", "张组长"), (B2, UNIT_B, 0, "不合格", 98, "优秀", "李评查")]
    unit = [r for r in wb[UNIT_B].iter_rows(min_row=4, values_only=True)]
    assert unit[0][3:8] == ("得分", "原始得分", "等次", "自动评查得分", "自动评查等次")
    b2 = next(r for r in unit if r[0] == B2)
    assert b2[3:8] == (98, 98, "优秀", 0, "不合格")
    assert next(r for r in unit if r[0] == B1)[6:8] == (None, None)  # not reviewed: no machine columns filled
    r17 = next(r for r in wb[DETAILS_SHEET].iter_rows(min_row=2, values_only=True) if r[:2] == (A2, "R17"))
    assert (r17[4], r17[5], r17[11], r17[12], r17[13]) == ("通过", 0, "扣分", 10, "改为通过")


@pytest.mark.parametrize(
    ("key", "values", "column", "fragment"),
    [
        ((A1, "R17"), ("改为扣", None, "x", "y"), "L", "不在下拉列表中"),
        ((A1, "R17"), ("改为扣分", 12, "x", "y"), "M", "超过该项扣分上限 10"),
        ((A1, "R17"), ("改为扣分", -1, "x", "y"), "M", "不得为负数"),
        ((A1, "R17"), ("改为扣分", "两分", "x", "y"), "M", "不是数字"),
        ((A1, "R17"), ("改为通过", None, None, "y"), "N", "须填写复核理由"),
        ((A1, "R17"), ("改为通过", None, "x", None), "O", "须填写复核人"),
        ((A1, "R17"), ("改为否决", None, "x", "y"), "L", "不是否决项"),
        ((A1, "V02"), ("改为扣分", None, "x", "y"), "L", "是否决项"),
        ((A1, "R17"), ("维持", 3, None, None), "M", "复核结论不是“改为扣分”"),
    ],
)
def test_invalid_edits_name_sheet_and_cell(run_dir: Path, tmp_path: Path, key, values, column, fragment) -> None:
    path = tmp_path / "bad.xlsx"
    rows = edit(run_dir / "scorecards.xlsx", path, {key: values})
    with pytest.raises(OverrideError) as caught:
        read_overrides(path, CHECKLIST, known_pairs(load_run(run_dir).findings))
    assert isinstance(caught.value, PingchaError)
    message = str(caught.value)
    assert f"评查明细!{column}{rows[key]}" in message and fragment in message


def test_unknown_item_code_and_dossier_are_errors(run_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "bad.xlsx"
    wb = openpyxl.load_workbook(run_dir / "scorecards.xlsx")
    ws = wb[DETAILS_SHEET]
    ws["B2"] = "R99"
    ws["L2"], ws["N2"], ws["O2"] = "改为通过", "x", "y"
    ws["A3"] = "不存在/001"
    ws["L3"], ws["N3"], ws["O3"] = "改为通过", "x", "y"
    wb.save(path)
    with pytest.raises(OverrideError) as caught:
        read_overrides(path, CHECKLIST, known_pairs(load_run(run_dir).findings))
    cells = [cell for _, cell, _ in caught.value.problems]
    assert cells == ["B2", "A3"]
    assert "未知的项目编号“R99”" in str(caught.value)


def test_read_overrides_without_rules_uses_the_runs_meta(run_dir: Path, tmp_path: Path) -> None:
    path = run_dir.parent / "copy.xlsx"  # outside the run folder: the run is found through _meta
    edit(run_dir / "scorecards.xlsx", path, {(A1, "R24"): ("改为扣分", None, "结案审批表未签字", "王评查")})
    [only] = read_overrides(path)
    # the run's checklist (run.json) gives R24's points when the reviewer leaves 复核扣分 empty
    assert (only.dossier_id, only.item_code, only.status.value, only.points, only.where) == \
        (A1, "R24", "fail", 2.0, "评查明细!L11")


def test_refuses_to_write_into_the_original_or_a_changed_run(run_dir: Path, tmp_path: Path) -> None:
    with pytest.raises(OverrideError, match="不能是原评查结果目录"):
        apply_review(run_dir / "scorecards.xlsx", run_dir / "reviewed")
    (run_dir / "cases.csv").write_bytes((run_dir / "cases.csv").read_bytes() + b"\n")
    with pytest.raises(OverrideError, match="不一致"):
        apply_review(run_dir / "scorecards.xlsx", tmp_path / "x")


def test_the_fake_run_follows_the_bundled_checklist() -> None:
    assert [(c, n, cat, p, cap, v) for c, n, cat, p, cap, v in ITEMS] == [
        (i.code, i.name, i.category, int(i.points), None if i.veto else int(i.cap), i.veto)
        for i in (CHECKLIST.item(code) for code, *_ in ITEMS)
    ]


def test_a_run_whose_checklist_cannot_be_loaded_is_refused(run_dir: Path, tmp_path: Path) -> None:
    """No guessing of points, caps or veto items from the findings: the run's checklist or nothing."""
    run_json = run_dir / "run.json"
    run_json.write_text(run_json.read_text(encoding="utf-8").replace(f'"{CHECKLIST_ID}"', '"no-such-checklist"'),
                        encoding="utf-8")
    edited = run_dir.parent / "edited.xlsx"
    edit(run_dir / "scorecards.xlsx", edited, {(A1, "R17"): ("改为扣分", None, "x", "y")})
    with pytest.raises(ChecklistError, match="no such checklist 'no-such-checklist'"):
        apply_review(edited, tmp_path / "reviewed")
    assert not (tmp_path / "reviewed").exists()


def test_with_the_bundled_checklist_the_engine_rescores_and_clears_review_flags(run_dir: Path,
                                                                                  tmp_path: Path) -> None:
    c2 = f"{UNIT_C}/2025-006"
    edited = tmp_path / "edited.xlsx"
    edit(run_dir / "scorecards.xlsx", edited, {
        (c2, "R13"): ("改为通过", None, "告知书扫描件已人工核对，要素齐全", "李评查"),
        (B2, "V03"): ("改为通过", None, "告知书在副卷", "李评查"),
        (A1, "R04"): ("改为扣分", 7, "x", "y"),  # the real checklist's cap for R04 is 6
    })
    with pytest.raises(OverrideError, match="超过该项扣分上限 6"):
        apply_review(edited, tmp_path / "bad")  # rules resolved from run.json's checklist id
    edit(edited, edited, {(A1, "R04"): ("改为扣分", 6, "三份笔录均无执法证号", "王评查")})
    apply_review(edited, tmp_path / "reviewed")
    cases = {r["dossier_id"]: r for r in read_csv(tmp_path / "reviewed" / "cases.csv")}
    assert (cases[c2]["total_score"], cases[c2]["needs_review"], cases[c2]["review_reasons"]) == ("85", "false", "")
    assert (cases[B2]["total_score"], cases[B2]["grade"]) == ("98", "优秀")
    assert (cases[A1]["total_score"], cases[A1]["grade"]) == ("94", "优秀")
