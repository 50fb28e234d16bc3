"""A campaign crafted as a hostile unit would (issue 15, items 1, 2 and 6): names, parties and quotes that
start with = + - @ (a live =HYPERLINK among them), control characters in a folder name, an xlsx cell
(`_x001B_`) and a docx paragraph, a 252-byte unit name. The run exits 0, no workbook pingcha writes holds
a formula (every cell read back), no CSV cell is left for a spreadsheet to run, the control characters are
counted in problems.csv and the long unit's letter is written. Crafted files are made here, never committed.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

import docx
import openpyxl
import pytest

from reports.contract_csv import unescape_cell
from tests.paths import ROOT

pytestmark = pytest.mark.slow

LINK = '=HYPERLINK("http:\\\\evil.example","点此查看")'
LINK_UNIT = '=LEFT("区城管执法局'  # a unit folder meant to display as another unit
LONG_UNIT = ("某某市某某区综合行政执法局监督检查科" * 10)[:84]  # 84 characters = 252 bytes in UTF-8
BELL_DOSSIER = "+2025-003\x07"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=900)


def _craft(root: Path) -> None:
    """Rename the generator's units and dossiers and plant crafted files (see the module docstring)."""
    city, market = root / "区城市管理综合行政执法局", root / "区市场监督管理局"
    (city / "2025-003").rename(city / BELL_DOSSIER)
    (city / "2025-008").rename(city / "@2025-008")
    dossier = city / "@2025-008"
    decision = docx.Document(str(dossier / "15_行政处罚决定书.docx"))
    for paragraph in decision.paragraphs:
        if paragraph.text.startswith("当事人："):
            paragraph.text = f"当事人：{LINK}"
    decision.add_paragraph("-2+3 备注\x85说明\x9b（两个C1控制字符）")
    decision.save(str(dossier / "15_行政处罚决定书.docx"))
    book = openpyxl.Workbook()
    book.active.append(["备注", "_x001B_@SUM(1,2)"])
    book.save(dossier / "-1+2 补充材料.xlsx")
    (dossier / f"{LINK}.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)  # unsupported: a problem row
    city.rename(root / LINK_UNIT)
    market.rename(root / LONG_UNIT)  # holds the campaign's 不合格 file: it gets a letter


@pytest.fixture(scope="module")
def hostile(tmp_path_factory, cli_env):
    base = tmp_path_factory.mktemp("hostile")
    campaign, out = base / "campaign", base / "out"
    env = {**cli_env, "PYTHONPATH": str(ROOT)}
    made = _cli(["samplegen", str(campaign), "--units", "2", "--per-unit", "2", "--seed", "3"], env, ROOT)
    assert made.returncode == 0, made.stderr
    for extra in campaign.iterdir():  # the generator's truth files stay out of the campaign
        if extra.is_file():
            extra.unlink()
    _craft(campaign)
    runs = {"run": _cli(["pipelines.cli", "run", str(campaign), "--out", str(out), "--workers", "1"], env, ROOT)}
    runs["export"] = _cli(["pipelines.cli", "export", str(out)], env, ROOT)
    runs["sample"] = _cli(["pipelines.cli", "sample", str(campaign), "--per-unit", "2", "--seed", "1",
                           "--out", str(base / "sample.xlsx")], env, ROOT)
    roster = openpyxl.Workbook()
    roster.active.append(["姓名", "单位", "专长", "备注"])
    for name, unit in (("张伟", LINK_UNIT), ("王芳", LONG_UNIT), ("李娜", "区司法局"), ("刘洋", "区司法局")):
        roster.active.append([name, unit, "@专长", "+备注"])
    roster.save(base / "reviewers.xlsx")
    runs["assign"] = _cli(["pipelines.cli", "assign", "--reviewers", str(base / "reviewers.xlsx"), "--sample",
                           str(base / "sample.xlsx"), "--out", str(base / "assignment.xlsx"), "--per-file", "1"],
                          env, ROOT)
    runs["trends"] = _cli(["pipelines.cli", "trends", "--history", str(out / "history.db"), "--out",
                           str(base / "trends")], env, ROOT)
    return base, out, runs


def _rows(path: Path) -> list[dict[str, str]]:
    """A CSV's rows as pingcha reads them back (one escaping apostrophe removed)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(handle)]


def test_every_command_exits_zero(hostile) -> None:
    _, _, runs = hostile
    for name, proc in runs.items():
        assert proc.returncode == 0, (name, proc.stdout[-2000:], proc.stderr[-2000:])


def test_no_workbook_holds_a_formula(hostile) -> None:
    base, out, _ = hostile
    books = [out / "scorecards.xlsx", out / "platform_export.xlsx", base / "sample.xlsx",
             base / "assignment.xlsx", *sorted((base / "trends").glob("*.xlsx"))]
    assert len(books) == 5 and all(book.exists() for book in books)
    crafted = 0
    for book in books:
        wb = openpyxl.load_workbook(book)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (book.name, ws.title, cell.coordinate, cell.value)
                    if isinstance(cell.value, str) and cell.value.startswith(("=", "@", "+")):
                        crafted += 1
                        assert cell.data_type == "s"
    assert crafted >= 10  # the crafted names did reach the workbooks, as text


def test_no_csv_cell_is_left_for_a_spreadsheet_to_run(hostile) -> None:
    _, out, _ = hostile
    escaped = 0
    for name in ("cases.csv", "findings.csv", "problems.csv", "platform_export.csv"):
        with (out / name).open(encoding="utf-8-sig", newline="") as handle:
            for record in list(csv.reader(handle))[1:]:
                for cell in record:
                    assert not cell.startswith(TRIGGERS) or NUMBER.fullmatch(cell), (name, cell)
                    escaped += cell.startswith("'")
    assert escaped >= 10
    with (out / "cases.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert f"'{LINK_UNIT}" in {row["unit"] for row in csv.DictReader(handle)}  # escaped in the file
    assert LINK_UNIT in {row["unit"] for row in _rows(out / "cases.csv")}  # and read back as it was


def test_control_characters_are_counted_in_problems(hostile) -> None:
    _, out, _ = hostile
    rows = [r for r in _rows(out / "problems.csv") if r["kind"] == "control-characters"]
    by_file = {(r["dossier_id"].rsplit("/", 1)[-1], r["source_file"]): r["message"] for r in rows}
    assert "文字中有2个控制字符" in by_file[("@2025-008", "15_行政处罚决定书.docx")]
    assert "文字中有1个控制字符" in by_file[("@2025-008", "-1+2 补充材料.xlsx")]
    assert "名称中有1个控制字符" in by_file[(BELL_DOSSIER, "")]


def test_the_long_units_letter_is_written_under_a_shortened_stable_name(hostile) -> None:
    _, out, _ = hostile
    letters = sorted((out / "监督意见书").glob("*.docx"))
    [letter] = [p for p in letters if p.name.startswith(LONG_UNIT[:40])]
    assert len(letter.name.encode()) <= 255 and re.search(r"~[0-9a-f]{8}\.docx$", letter.name)
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert LONG_UNIT in text  # the letter itself names the unit in full


def test_the_bell_never_reaches_a_workbook_or_document(hostile) -> None:
    _, out, _ = hostile
    wb = openpyxl.load_workbook(out / "scorecards.xlsx", read_only=True)
    values = [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert any("+2025-003" in v for v in values) and not any("\x07" in v for v in values)
