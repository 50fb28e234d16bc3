"""`pingcha run --publications FILE.xlsx`: the 公示台账 joined to the files on the normalised 文号, end to end.

A tiny generated campaign is run twice through the real CLI: with a register (a late publication deducts T01
with the register's row quoted, an on-time one written with other brackets and a leading zero passes, bad rows
are named problems and the run goes on) and without one (T01 is unknown with the reason, never a fail). A
missing register is a one-line Chinese usage error, from the option or from the campaign file.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import openpyxl
import pytest

from pipelines.cli import EXIT_USAGE, main
from tests.paths import ROOT


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _run(inputs: Path, out: Path, env: dict[str, str], *extra: str) -> None:
    proc = subprocess.run([sys.executable, "-m", "pipelines.cli", "run", str(inputs), "--out", str(out),
                           "--workers", "1", "--no-history", *extra],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)  # fmt: skip
    assert proc.returncode == 0, proc.stderr


def _other_writing(case_no: str) -> str:
    """The same 文号 as a platform might export it: [] brackets, 第 and a zero-padded serial."""
    head, _, tail = case_no.partition("〔")
    year, _, serial = tail.partition("〕")
    return f"{head}[{year}]第{serial.removesuffix('号').zfill(4)}号"


@pytest.fixture(scope="module")
def runs(tmp_path_factory, cli_env):
    base = tmp_path_factory.mktemp("publications")
    inputs, manifest = base / "in", base / "manifest.json"
    subprocess.run([sys.executable, "-m", "samplegen", str(inputs), "--units", "1", "--per-unit", "2", "--seed", "11",
                    "--defect-rate", "0", "--scanned-share", "0", "--single-file-share", "0",
                    "--manifest", str(manifest)], check=True, capture_output=True, cwd=ROOT, timeout=300)  # fmt: skip
    dossiers = json.loads(manifest.read_text(encoding="utf-8"))["dossiers"]
    late, on_time = dossiers[0], dossiers[1]
    decided = {d["dossier_id"]: date.fromisoformat(d["elements"]["decision_date"]) for d in dossiers}
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["行政处罚信息公示台账"])  # a title row above the header, as platform exports have
    sheet.append(["序号", "行政处罚决定书文号", "公开日期", "链接"])
    sheet.append([1, late["elements"]["case_no"], decided[late["dossier_id"]] + timedelta(days=30),
                  "https://xyzg.example.gov.cn/gs/1"])
    sheet.append([2, _other_writing(on_time["elements"]["case_no"]),
                  (decided[on_time["dossier_id"]] + timedelta(days=1)).strftime("%Y年%m月%d日"), ""])
    sheet.append([3, "无文号", "2025-05-06", ""])
    sheet.append([4, late["elements"]["case_no"], "五月六日", ""])
    register = base / "publications.xlsx"
    book.save(register)
    env = {**cli_env, "PINGCHA_CACHE_DIR": str(base / "cache"), "PYTHONPATH": str(ROOT)}
    _run(inputs, base / "with", env, "--publications", str(register))
    _run(inputs, base / "without", env)
    return base, late["dossier_id"], on_time["dossier_id"], decided


def _t01(out: Path, dossier_id: str) -> dict[str, str]:
    return next(r for r in _rows(out / "findings.csv") if r["dossier_id"] == dossier_id and r["item_code"] == "T01")


def test_a_late_publication_deducts_with_the_register_row_quoted(runs):
    base, late, _, decided = runs
    row = _t01(base / "with", late)
    assert (row["status"], row["points_deducted"]) == ("fail", "3")
    published = decided[late] + timedelta(days=30)
    assert f"{published.year}年{published.month}月{published.day}日公开，超过7个工作日" in row["message"]
    assert row["source_file"] == "publications.xlsx"
    assert row["quote"].startswith("公示台账publications.xlsx第3行：文号") and "https://xyzg.example.gov.cn/gs/1" in row["quote"]
    cases = {r["dossier_id"]: r for r in _rows(base / "with" / "cases.csv")}
    without = {r["dossier_id"]: r for r in _rows(base / "without" / "cases.csv")}
    assert float(cases[late]["total_score"]) == float(without[late]["total_score"]) - 3


def test_another_writing_of_the_number_is_joined_and_passes(runs):
    base, _, on_time, _ = runs
    row = _t01(base / "with", on_time)
    assert row["status"] == "pass" and "公开在作出决定后第" in row["message"]
    assert row["quote"].startswith("公示台账publications.xlsx第4行")


def test_bad_rows_are_named_problems_and_the_run_goes_on(runs):
    base, _, _, _ = runs
    bad = [p for p in _rows(base / "with" / "problems.csv") if p["kind"] == "bad-register-row"]
    assert [p["message"] for p in bad] == [
        "公示台账publications.xlsx：工作表“Sheet”第5行：无法识别的文号“无文号”，该行未使用",
        "公示台账publications.xlsx：工作表“Sheet”第6行：无法识别的公示日期“五月六日”，该行未使用",
    ]
    assert all(p["source_file"] == "publications.xlsx" for p in bad)


def test_without_a_register_the_item_is_unknown_never_a_fail(runs):
    base, late, on_time, _ = runs
    for dossier_id in (late, on_time):
        row = _t01(base / "without", dossier_id)
        assert row["status"] == "unknown" and row["points_deducted"] == "0"
        assert row["message"] == "未提供公示台账，案卷中也无公示材料，无法判定是否按期公示"


def test_a_missing_register_is_a_chinese_usage_error(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                 "--publications", str(tmp_path / "nope.xlsx")]) == EXIT_USAGE
    assert f"找不到公示台账文件：{tmp_path / 'nope.xlsx'}" in capsys.readouterr().err
    campaign = tmp_path / "campaign.yaml"
    campaign.write_text("publications: 台账/公示.xlsx\n", encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"), "--campaign-file", str(campaign)]) == EXIT_USAGE
    assert f"找不到公示台账文件：{tmp_path / '台账' / '公示.xlsx'}" in capsys.readouterr().err


def test_a_register_without_its_columns_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "in" / "单位").mkdir(parents=True)
    book = openpyxl.Workbook()
    book.active.append(["名称", "日期"])
    book.save(tmp_path / "bad.xlsx")
    assert main(["run", str(tmp_path / "in"), "--out", str(tmp_path / "out"),
                 "--publications", str(tmp_path / "bad.xlsx")]) == EXIT_USAGE
    err = capsys.readouterr().err
    assert "bad.xlsx" in err and "文号" in err and "公示日期" in err


@pytest.mark.parametrize("checklist_id", ["penalty-general", "penalty-simple", "license", "coercion-measure", "inspection"])
def test_every_bundled_standard_validates(checklist_id, capsys):
    assert main(["checklist", "validate", checklist_id]) == 0
    assert capsys.readouterr().out.startswith(f"通过：{checklist_id}")


def test_the_register_is_in_the_dossier_cache_key(tmp_path):
    from ingest.discover import discover_campaign
    from pipelines.cache import dossier_cache_key
    from tests.paths import SAMPLE_DOSSIERS

    ref = discover_campaign(SAMPLE_DOSSIERS).dossiers[0]
    register = tmp_path / "公示.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["文号", "公示日期"])
    book.save(register)
    without, first = dossier_cache_key(ref, "h", None), dossier_cache_key(ref, "h", None, str(register))
    book.active.append(["京朝市监罚〔2025〕12号", "2025-04-18"])
    book.save(register)
    assert len({without, first, dossier_cache_key(ref, "h", None, str(register))}) == 3
