"""Reports of a campaign of several case types (issue 17 point 4), on a campaign run through the real flow:
general-procedure penalty files (the generator's), hand-made 当场处罚决定书 and 行政许可 dossiers, and a file
whose type cannot be told. What a reviewer reads: each file's 评查标准, each unit's average per type and
overall, the 通报's sentence per type and its table, the 评查表's standard; the file no standard scored is
listed with the reason and counted in no average."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from docx import Document

from ingest.glossary import PROBLEM_KIND_ZH, ProblemKind
from reports.glossary import TYPE_REPORT_ZH
from reports.scorecard import DETAILS_SHEET, PROBLEMS_SHEET, SUMMARY_SHEET
from samplegen import build_campaign, write_campaign
from tests.ingest.builders import make_docx
from tests.scoring.license_dossiers import write_dossier as write_license
from tests.scoring.test_penalty_simple import FILING, RECEIPT, form

pytestmark = pytest.mark.slow

GENERAL, SIMPLE, LICENSE = "行政处罚（一般程序）", "行政处罚（简易程序）", "行政许可"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _docx_text(path: Path) -> str:
    doc = Document(str(path))
    cells = [cell.text for table in doc.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in doc.paragraphs] + cells)


@pytest.fixture(scope="module")
def mixed(prefect_harness, tmp_path_factory) -> dict:
    from pipelines.flow import review_campaign
    from scoring.checklist import load_checklist

    root = tmp_path_factory.mktemp("mixed-types")
    campaign = root / "campaign"
    write_campaign(build_campaign(seed=5, units=2, per_unit=2), campaign)
    first, second = sorted(p for p in campaign.iterdir() if p.is_dir())
    spot = first / "2025-当场-0107"
    spot.mkdir()
    make_docx(spot / "当场处罚决定书.docx", form())
    make_docx(spot / "罚没款收据.docx", RECEIPT)
    make_docx(spot / "备案登记表.docx", FILING)
    write_license(first / "2025-许可-015", applied=date(2025, 3, 3), accepted=date(2025, 3, 5),
                  decided=date(2025, 3, 20), served=date(2025, 3, 24), published=date(2025, 3, 25))
    write_license(second / "2025-许可-016", applied=date(2025, 3, 3), accepted=date(2025, 3, 5),
                  decided=date(2025, 4, 30), served=date(2025, 5, 20))  # late decision and delivery
    odd = second / "2025-其他-001"
    odd.mkdir()
    make_docx(odd / "工作记录.docx", ["工作记录", "2025年3月3日，对辖区商户进行走访。"])
    review_campaign(dossiers=str(campaign), out=str(root / "out"), campaign="多类型评查", workers_count=2,
                    history=str(root / "history.db"))
    titles = {cid: load_checklist(cid).title for cid in ("penalty-general", "penalty-simple", "license")}
    return {"out": root / "out", "root": root, "units": (first.name, second.name), "titles": titles,
            "ids": {"spot": f"{first.name}/{spot.name}", "license1": f"{first.name}/2025-许可-015",
                    "license2": f"{second.name}/2025-许可-016", "odd": f"{second.name}/{odd.name}"}}


def test_each_file_goes_to_its_types_standard_and_the_untold_one_to_none(mixed):
    cases = {r["dossier_id"]: r for r in _rows(mixed["out"] / "cases.csv")}
    ids = mixed["ids"]
    assert cases[ids["spot"]]["checklist"] == "penalty-simple"
    assert cases[ids["license1"]]["checklist"] == cases[ids["license2"]]["checklist"] == "license"
    assert cases[ids["odd"]]["checklist"] == "" and cases[ids["odd"]]["total_score"] == ""
    general = [d for d in cases if d not in ids.values()]
    assert len(general) == 4 and all(cases[d]["checklist"] == "penalty-general" for d in general)


def _expected_averages(out: Path) -> dict[tuple[str, str], float]:
    """(unit, checklist or 'overall') -> the mean of cases.csv total_score over its scored files."""
    sums: dict[tuple[str, str], list[float]] = {}
    for row in _rows(out / "cases.csv"):
        if row["checklist"] and row["total_score"]:
            for key in ((row["unit"], row["checklist"]), (row["unit"], "overall")):
                sums.setdefault(key, []).append(float(row["total_score"]))
    return {key: round(sum(v) / len(v), 2) for key, v in sums.items()}


def test_the_summary_shows_each_units_average_per_type_and_overall(mixed):
    ws = openpyxl.load_workbook(mixed["out"] / "scorecards.xlsx")[SUMMARY_SHEET]
    cells = [[c.value for c in row] for row in ws.iter_rows()]
    start = next(i for i, row in enumerate(cells) if row[0] == TYPE_REPORT_ZH["by_type"])
    header = [v for v in cells[start + 1] if v is not None]
    assert header == ["被评查单位", f"{GENERAL}案卷数", f"{GENERAL}平均分", f"{SIMPLE}案卷数", f"{SIMPLE}平均分",
                      f"{LICENSE}案卷数", f"{LICENSE}平均分", "总平均分"]
    expected = _expected_averages(mixed["out"])
    first, second = mixed["units"]
    body = {row[0]: row[1:8] for row in cells[start + 2:start + 4]}
    assert set(body) == {first, second}
    assert body[first] == [2, expected[(first, "penalty-general")], 1, expected[(first, "penalty-simple")],
                           1, expected[(first, "license")], expected[(first, "overall")]]
    # the second unit has no summary-procedure file; its untold file is in no average
    assert body[second] == [2, expected[(second, "penalty-general")], 0, None, 1, expected[(second, "license")],
                            expected[(second, "overall")]]
    labels = {row[0]: row[2] for row in cells[2:8] if row[0]}
    assert labels[f"评查标准（{LICENSE}）"].startswith(f"《{mixed['titles']['license']}》（license ")


def test_each_row_and_file_names_the_standard_that_scored_it(mixed):
    wb = openpyxl.load_workbook(mixed["out"] / "scorecards.xlsx")
    details = wb[DETAILS_SHEET]
    header = [c.value for c in details[1]]
    col = header.index("评查标准")
    standards = {}
    for row in details.iter_rows(min_row=2, values_only=True):
        standards.setdefault(row[0], set()).add(row[col])
    titles, ids = mixed["titles"], mixed["ids"]
    assert standards[ids["spot"]] == {titles["penalty-simple"]}
    assert standards[ids["license2"]] == {titles["license"]}
    assert ids["odd"] not in standards  # nothing scored, no item rows
    first, second = mixed["units"]
    unit = wb[second]
    head = [c.value for c in unit[4]]
    rows = {r[0]: r for r in unit.iter_rows(min_row=5, values_only=True)}
    at = head.index("评查标准")
    assert rows[ids["license2"]][at] == titles["license"]
    assert rows[ids["odd"]][at] == TYPE_REPORT_ZH["unscored"]
    assert "案件类型无法判定" in rows[ids["odd"]][head.index("复核原因")]
    expected = _expected_averages(mixed["out"])
    assert f"{LICENSE}平均分 {expected[(first, 'license')]:.2f}（1卷）" in wb[first]["A2"].value
    problems = [r for r in wb[PROBLEMS_SHEET].iter_rows(min_row=2, values_only=True) if r[0] == ids["odd"]]
    assert [r[3] for r in problems if r[2] == PROBLEM_KIND_ZH[ProblemKind.NO_CHECKLIST]][0].endswith(
        "未评分，请人工确定案件类型")


def test_the_circular_has_a_sentence_and_an_average_per_type(mixed):
    text = _docx_text(next(mixed["out"].glob("通报*.docx")))
    cases = _rows(mixed["out"] / "cases.csv")
    licences = [float(r["total_score"]) for r in cases if r["checklist"] == "license"]
    average = f"{sum(licences) / len(licences):.2f}".rstrip("0").rstrip(".")
    assert (f"{LICENSE}案卷2卷，依据《{mixed['titles']['license']}》评查，平均分{average}分，") in text
    assert f"{SIMPLE}案卷1卷，依据《{mixed['titles']['penalty-simple']}》评查" in text
    assert TYPE_REPORT_ZH["unscored_sentence"].format(n=1) in text
    assert f"{SIMPLE}平均分" in text and "—" in text  # the second unit has no summary-procedure file


def test_the_review_form_names_each_files_own_standard(mixed):
    first, _ = mixed["units"]
    text = _docx_text(mixed["out"] / "评查表" / f"{first}.docx")
    for cid in ("penalty-general", "penalty-simple", "license"):
        assert mixed["titles"][cid] in text


def test_a_chart_of_averages_per_type(mixed):
    assert (mixed["out"] / "charts" / "avg_score_by_unit_type.png").stat().st_size > 10_000


def test_trends_keep_each_units_average_per_type(mixed):
    from reports.history.trends import compute_trends

    trends = compute_trends(str(mixed["root"] / "history.db"))
    expected = _expected_averages(mixed["out"])
    got = {(r["unit"], r["case_type"]): (r["files"], round(r["average"], 2)) for _, r in trends.type_scores.iterrows()}
    first, second = mixed["units"]
    assert got[(first, SIMPLE)] == (1, expected[(first, "penalty-simple")])
    assert got[(second, LICENSE)] == (1, expected[(second, "license")])
    assert (second, SIMPLE) not in got


def test_a_review_of_a_licence_file_is_rescored_by_the_licence_standard(mixed, tmp_path):
    from pipelines.cli import EXIT_OK, main
    from scoring.checklist import load_checklist

    license_id = mixed["ids"]["license2"]
    wb = openpyxl.load_workbook(mixed["out"] / "scorecards.xlsx")
    ws = wb[DETAILS_SHEET]
    header = [c.value for c in ws[1]]
    status_col = header.index("复核结论") + 1
    row = next(r for r in range(2, ws.max_row + 1)
               if ws.cell(r, 1).value == license_id and ws.cell(r, header.index("评查结论") + 1).value == "扣分")
    code = ws.cell(row, 2).value
    points = float(ws.cell(row, header.index("扣分") + 1).value)
    item = load_checklist("license").item(code)
    assert points == item.points  # the licence standard's item, not a penalty item of the same code
    for offset, value in enumerate(("改为通过", None, "补正后符合要求", "王甲")):
        ws.cell(row, status_col + offset).value = value
    wb.save(tmp_path / "copy.xlsx")
    assert main(["review", "apply", str(tmp_path / "copy.xlsx"), "--out", str(tmp_path / "reviewed")]) == EXIT_OK
    before = {r["dossier_id"]: r for r in _rows(mixed["out"] / "cases.csv")}[license_id]
    after = {r["dossier_id"]: r for r in _rows(tmp_path / "reviewed" / "cases.csv")}[license_id]
    assert after["checklist"] == "license"
    assert float(after["total_score"]) == float(before["total_score"]) + points
    audit = _rows(tmp_path / "reviewed" / "audit.csv")
    assert [(a["dossier_id"], a["item_code"], a["new_status"]) for a in audit] == [(license_id, code, "pass")]
