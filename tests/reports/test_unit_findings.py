"""The inspection frequency as a campaign-level finding, end to end: a tiny campaign of hand-built inspection
files whose first unit keeps a 检查台账 and whose second keeps none, run through the real flow with a city's copy of
the inspection standard that sets a yearly cap. What a reviewer reads in unit_findings.csv and in the scorecard's
sheet: the unit, the party, the year or day, the count, the cap and the register rows; the unit without a register
not checked, saying so; and no file's score touched by it."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from reports.glossary import UNIT_FINDING_ZH
from tests.scoring.inspection_dossiers import CODE, PARTY, write_dossier

pytestmark = pytest.mark.slow

FIRST, SECOND = "江宁区市场监管局", "秦淮区市场监管局"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _register(path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "检查台账"
    ws.append(["江宁区市场监管局行政检查台账（2025年）"])
    ws.append(["序号", "被检查对象", "统一社会信用代码", "检查日期", "检查类型"])
    ws.append([1, PARTY, CODE, datetime(2025, 3, 12), "日常检查"])
    ws.append([2, PARTY, CODE, datetime(2025, 3, 12), "专项检查"])  # the same day
    ws.append([3, PARTY, CODE, datetime(2025, 6, 3), "日常检查"])
    ws.append([4, PARTY, CODE, datetime(2025, 8, 20), "投诉举报核查"])  # not capped
    ws.append([5, "南京另一商店", "", datetime(2025, 8, 20), "日常检查"])
    wb.save(path)


@pytest.fixture(scope="module")
def run(prefect_harness, tmp_path_factory) -> Path:
    from pipelines.flow import review_campaign

    root = tmp_path_factory.mktemp("unit-findings")
    campaign = root / "campaign"
    write_dossier(campaign / FIRST / "2025-检查-001")
    write_dossier(campaign / SECOND / "2025-检查-002")
    _register(campaign / FIRST / "检查台账.xlsx")
    standard = root / "inspection.yaml"
    text = (Path(__file__).parents[2] / "scoring" / "checklists" / "inspection.yaml").read_text(encoding="utf-8")
    standard.write_text(text.replace("parameters:\n", "parameters:\n  annual_inspection_cap: 2\n", 1), encoding="utf-8")
    review_campaign(dossiers=str(campaign), out=str(root / "out"), workers_count=2,
                    checklists={"penalty/general": "penalty-general", "inspection": str(standard)})
    return root / "out"


def test_unit_findings_csv_names_unit_party_period_count_cap_and_rows(run) -> None:
    rows = _rows(run / "unit_findings.csv")
    h = UNIT_FINDING_ZH
    got = [(r[h["unit"]], r[h["check"]], r[h["party"]], r[h["credit_code"]], r[h["period"]], r[h["count"]], r[h["cap"]])
           for r in rows]
    assert got == [
        (FIRST, "同日多次入企检查", PARTY, CODE, "2025-03-12", "2", ""),
        (FIRST, "年度检查次数超过上限", PARTY, CODE, "2025", "3", "2"),
        (SECOND, "未核查", "", "", "", "", ""),
    ]
    same_day, yearly, unchecked = rows
    assert yearly[h["message"]] == f"{PARTY}于2025年被本单位检查3次（不含线索核查等不计频次的检查），超过年度上限2次"
    assert yearly[h["rows"]].splitlines() == [
        f"检查台账.xlsx：工作表“检查台账”第{n}行：{n - 2} | {PARTY} | {CODE} | {day} | {kind}"
        for n, day, kind in ((3, "2025-03-12", "日常检查"), (4, "2025-03-12", "专项检查"), (5, "2025-06-03", "日常检查"))
    ]
    assert len(same_day[h["rows"]].splitlines()) == 2
    assert unchecked[h["message"]].startswith("未提供检查台账")


def test_the_scorecard_shows_the_same_findings_and_no_file_is_deducted_for_them(run) -> None:
    ws = openpyxl.load_workbook(run / "scorecards.xlsx")[UNIT_FINDING_ZH["sheet"]]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    assert cells[0][0] == UNIT_FINDING_ZH["note"]
    assert cells[1][:3] == [UNIT_FINDING_ZH["unit"], UNIT_FINDING_ZH["check"], UNIT_FINDING_ZH["message"]]
    assert [(r[0], r[1], r[6], r[7]) for r in cells[2:]] == [
        (FIRST, "同日多次入企检查", 2, None), (FIRST, "年度检查次数超过上限", 3, 2), (SECOND, "未核查", None, None)]
    cases = {r["dossier_id"]: r for r in _rows(run / "cases.csv")}
    # the same hand-built file in both units: the register of one changes nothing of its score
    assert cases[f"{FIRST}/2025-检查-001"]["total_score"] == cases[f"{SECOND}/2025-检查-002"]["total_score"]
    assert cases[f"{FIRST}/2025-检查-001"]["checklist"] == "inspection"


def test_a_run_whose_case_folder_is_gone_says_so_rather_than_no_register(run, tmp_path) -> None:
    import json
    import shutil

    from reports.loading import load_run
    from reports.unit_findings import unit_findings

    moved = tmp_path / "out"
    shutil.copytree(run, moved)
    meta = json.loads((moved / "run.json").read_text(encoding="utf-8"))
    meta["arguments"]["dossiers"] = str(tmp_path / "gone")
    (moved / "run.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    findings = unit_findings(load_run(moved))
    assert [(f.unit, f.check) for f in findings] == [(FIRST, "not_checked"), (SECOND, "not_checked")]
    assert all("已不可访问" in f.message for f in findings)
