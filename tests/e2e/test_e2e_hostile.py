"""One campaign holding every input vector of issue 15, run by the real CLI in subprocesses as a bureau would:
`run`, then `export`, `sample`, `assign` and `trends` on what it wrote.

The crafted material (made here, never committed): names, parties and quotes that start with = + - @ (a live
=HYPERLINK among them), control characters in a folder name, an xlsx cell (`_x001B_`) and a docx paragraph, a
252-byte unit name; and a unit of reading vectors: a FIFO and a /dev/zero link named *.pdf, dangling links,
links out of the input tree, 1,500 nested folders, a 280 MB shared string, a 100 MB paragraph, a 14400 pt
page, a flate bomb. Every command exits 0, each bad entry is named in problems.csv, the good dossiers are
scored, no workbook holds a formula (every cell read back), no CSV cell is left for a spreadsheet to run, each
file stays within its time budget and the whole process tree (CLI, workers, Prefect's server) under 2 GB,
sampled with psutil while it runs.
"""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import docx
import openpyxl
import pytest

from reports.contract_csv import unescape_cell
from tests.ingest import hostile_files as hostile
from tests.ingest.builders import make_docx
from tests.paths import ROOT

pytestmark = pytest.mark.slow

FILE_SECONDS = 20  # PINGCHA_MAX_SECONDS for this run: a file past it would be a `timeout` row
READING_UNIT = "外来单位"
LINK = '=HYPERLINK("http:\\\\evil.example","点此查看")'
LINK_UNIT = '=LEFT("区城管执法局'  # a unit folder meant to display as another unit
LONG_UNIT = ("某某市某某区综合行政执法局监督检查科" * 10)[:84]  # 84 characters = 252 bytes in UTF-8
BELL_DOSSIER = "+2025-003\x07"
TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _cli(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=900)  # fmt: skip


def _craft_names(root: Path) -> None:
    """Rename the generator's units and dossiers and plant the output-side vectors (see the module docstring)."""
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


def _reading_unit(root: Path, outside: Path) -> dict[tuple[str, str], str]:
    """The reading-side vectors, each where a unit would put it; returns (dossier_id, source_file) -> kind."""
    unit = root / READING_UNIT
    case = unit / "2025-900"
    case.mkdir(parents=True)
    make_docx(case / "决定书.docx", ["某区市场监督管理局", "行政处罚决定书", "当事人：某某公司"])
    os.mkfifo(case / "x.pdf")
    os.symlink("/dev/zero", case / "y.pdf")
    os.symlink(case / "没有.pdf", case / "失效.pdf")
    os.symlink(outside / "外部.docx", case / "外部.docx")
    os.symlink(outside, case / "外部文件夹")
    hostile.nested_folders(case, 1500)
    hostile.huge_shared_string_xlsx(case / "送达回证.xlsx")
    hostile.huge_paragraph_docx(case / "笔录.docx")
    os.symlink(case, unit / "2025-901")
    os.mkfifo(unit / "2025-902.pdf")
    hostile.giant_page_pdf(unit / "2025-903.pdf")
    hostile.flate_bomb_pdf(unit / "2025-904.pdf")
    folder = f"{READING_UNIT}/2025-900"
    return {
        (folder, "x.pdf"): "special-entry",
        (folder, "y.pdf"): "special-entry",
        (folder, "失效.pdf"): "special-entry",
        (folder, "外部.docx"): "special-entry",
        (folder, "外部文件夹"): "special-entry",
        (folder, "d/" * 33): "too-large",
        (folder, "送达回证.xlsx"): "too-large",
        (folder, "笔录.docx"): "too-large",
        (f"{READING_UNIT}/2025-901", "2025-901"): "special-entry",
        (f"{READING_UNIT}/2025-902.pdf", "2025-902.pdf"): "special-entry",
        (f"{READING_UNIT}/2025-903.pdf", "2025-903.pdf"): "too-large",
        (f"{READING_UNIT}/2025-904.pdf", "2025-904.pdf"): "too-large",
    }


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory, cli_env):
    base = tmp_path_factory.mktemp("hostile")
    campaign, outside, out = base / "campaign", base / "outside", base / "out"
    env = {**cli_env, "PYTHONPATH": str(ROOT), "PINGCHA_MAX_SECONDS": str(FILE_SECONDS)}
    made = _cli(["samplegen", str(campaign), "--units", "2", "--per-unit", "2", "--seed", "3"], env)
    assert made.returncode == 0, made.stderr
    for extra in campaign.iterdir():  # the generator's truth files stay out of the campaign
        if extra.is_file():
            extra.unlink()
    _craft_names(campaign)
    outside.mkdir()
    make_docx(outside / "外部.docx", ["行政处罚决定书"])
    expected = _reading_unit(campaign, outside)
    command = [sys.executable, "-m", "pipelines.cli", "run", str(campaign), "--out", str(out), "--workers", "2"]
    started = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with hostile.TreePeak(proc.pid, interval=0.05) as peak:
        stdout, stderr = proc.communicate(timeout=600)
    elapsed = time.perf_counter() - started
    runs = {"run": subprocess.CompletedProcess(command, proc.returncode, stdout, stderr)}
    runs["export"] = _cli(["pipelines.cli", "export", str(out)], env)
    runs["sample"] = _cli(["pipelines.cli", "sample", str(campaign), "--per-unit", "2", "--seed", "1",
                           "--out", str(base / "sample.xlsx")], env)  # fmt: skip
    roster = openpyxl.Workbook()
    roster.active.append(["姓名", "单位", "专长", "备注"])
    for name, unit in (("张伟", LINK_UNIT), ("王芳", LONG_UNIT), ("李娜", "区司法局"), ("刘洋", "区司法局")):
        roster.active.append([name, unit, "@专长", "+备注"])
    roster.save(base / "reviewers.xlsx")
    runs["assign"] = _cli(["pipelines.cli", "assign", "--reviewers", str(base / "reviewers.xlsx"), "--sample",
                           str(base / "sample.xlsx"), "--out", str(base / "assignment.xlsx"), "--per-file", "1"],
                          env)  # fmt: skip
    runs["trends"] = _cli(["pipelines.cli", "trends", "--history", str(out / "history.db"), "--out",
                           str(base / "trends")], env)  # fmt: skip
    yield base, out, runs, expected, elapsed, peak
    hostile.remove_tree(campaign / READING_UNIT / "2025-900" / "d")  # pytest's recursive clean-up would fail on it


def _rows(path: Path) -> list[dict[str, str]]:
    """A CSV's rows as pingcha reads them back (one escaping apostrophe removed)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: unescape_cell(v) for k, v in row.items()} for row in csv.DictReader(handle)]


def test_every_command_exits_zero(hostile_run) -> None:
    _, _, runs, _, _, _ = hostile_run
    for name, proc in runs.items():
        assert proc.returncode == 0, (name, proc.stdout[-2000:], proc.stderr[-2000:])


def test_every_hostile_entry_is_named_in_problems(hostile_run) -> None:
    _, out, _, expected, _, _ = hostile_run
    found = {(p["dossier_id"], p["source_file"]): p["kind"] for p in _rows(out / "problems.csv")}
    for key, kind in expected.items():
        assert found.get(key) == kind, (key, found.get(key), kind)
    assert "timeout" not in found.values()  # every file was read (or refused) within FILE_SECONDS


def test_the_good_dossiers_are_scored(hostile_run) -> None:
    _, out, _, _, _, _ = hostile_run
    cases = {r["dossier_id"]: r for r in _rows(out / "cases.csv")}
    good = [d for d in cases if not d.startswith(READING_UNIT)]
    assert len(good) == 4 and all(cases[d]["grade"] for d in good)
    assert cases[f"{READING_UNIT}/2025-900"]["party_name"] == "某某公司"  # the readable file of the hostile dossier


def test_time_and_memory_of_the_whole_tree_are_bounded(hostile_run) -> None:
    _, _, _, _, elapsed, peak = hostile_run
    assert peak.peak_mb > 100  # the sampler saw the run
    assert peak.peak_mb < 2048, peak.peak_mb
    assert elapsed < 300, elapsed


def test_no_workbook_holds_a_formula(hostile_run) -> None:
    base, out, _, _, _, _ = hostile_run
    books = [out / "scorecards.xlsx", out / "platform_export.xlsx", base / "sample.xlsx",
             base / "assignment.xlsx", *sorted((base / "trends").glob("*.xlsx"))]  # fmt: skip
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


def test_no_csv_cell_is_left_for_a_spreadsheet_to_run(hostile_run) -> None:
    _, out, _, _, _, _ = hostile_run
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


def test_control_characters_are_counted_in_problems(hostile_run) -> None:
    _, out, _, _, _, _ = hostile_run
    rows = [r for r in _rows(out / "problems.csv") if r["kind"] == "control-characters"]
    by_file = {(r["dossier_id"].rsplit("/", 1)[-1], r["source_file"]): r["message"] for r in rows}
    assert "文字中有2个控制字符" in by_file[("@2025-008", "15_行政处罚决定书.docx")]
    assert "文字中有1个控制字符" in by_file[("@2025-008", "-1+2 补充材料.xlsx")]
    assert "名称中有1个控制字符" in by_file[(BELL_DOSSIER, "")]


def test_the_long_units_letter_is_written_under_a_shortened_stable_name(hostile_run) -> None:
    _, out, _, _, _, _ = hostile_run
    letters = sorted((out / "监督意见书").glob("*.docx"))
    [letter] = [p for p in letters if p.name.startswith(LONG_UNIT[:40])]
    assert len(letter.name.encode()) <= 255 and re.search(r"~[0-9a-f]{8}\.docx$", letter.name)
    text = "\n".join(p.text for p in docx.Document(str(letter)).paragraphs)
    assert LONG_UNIT in text  # the letter itself names the unit in full


def test_the_bell_never_reaches_a_workbook_or_document(hostile_run) -> None:
    _, out, _, _, _, _ = hostile_run
    wb = openpyxl.load_workbook(out / "scorecards.xlsx", read_only=True)
    values = [v for ws in wb.worksheets for row in ws.iter_rows(values_only=True) for v in row if isinstance(v, str)]
    assert any("+2025-003" in v for v in values) and not any("\x07" in v for v in values)
