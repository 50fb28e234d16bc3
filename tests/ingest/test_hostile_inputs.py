"""Hostile and accidental input (issue 15): every entry discovery does not take and every file over a budget is a
named problem, found quickly and in bounded memory — never a hang, a RecursionError or gigabytes allocated.

The files are crafted here (tests/ingest/hostile_files.py), never committed.
"""

from __future__ import annotations

import os
import signal
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

from ingest.discover import DossierRef, discover_campaign
from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.load import load_dossier
from ingest.readers import ReadLimits, read_file
from ingest.readers.pdf_reader import render_dpi
from tests.ingest import hostile_files as hostile
from tests.ingest.builders import make_docx, make_pdf

GB = 1 << 30


@contextmanager
def _within(seconds: int):
    """Fail instead of hanging (a FIFO opened for reading blocks until a writer comes)."""

    def expired(signum, frame):
        raise TimeoutError(f"still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _problems(inv) -> dict[tuple[str, str], tuple[ProblemKind, str]]:
    return {(p.dossier_id, p.source_file): (p.kind, p.message) for p in inv.problems}


def test_discovery_names_every_entry_it_does_not_take(tmp_path: Path) -> None:
    root, outside = tmp_path / "campaign", tmp_path / "outside"
    unit = root / "单位甲"
    case = unit / "2025-001"
    case.mkdir(parents=True)
    outside.mkdir()
    make_docx(case / "决定书.docx", ["行政处罚决定书"])
    os.mkfifo(case / "x.pdf")
    os.symlink("/dev/zero", case / "y.pdf")
    os.symlink(case / "不存在.pdf", case / "失效.pdf")
    secret = make_pdf(outside / "外部.pdf", [["行政处罚决定书"]])
    os.symlink(secret, case / "外部链接.pdf")
    os.symlink(outside, case / "链接文件夹")
    os.symlink(case / "决定书.docx", case / "副本.docx")  # inside the tree, to a regular file: read
    os.mkfifo(unit / "管道.pdf")
    os.symlink(case, unit / "2025-002")  # a symlink to a folder at unit level
    os.symlink(tmp_path / "无", unit / "2025-003.pdf")
    os.symlink(outside, root / "链接单位")

    with _within(10):
        inv = discover_campaign(root)

    assert [(d.dossier_id, d.files) for d in inv.dossiers] == [("单位甲/2025-001", ("决定书.docx", "副本.docx"))]
    problems = _problems(inv)
    expected = {
        ("单位甲/2025-001", "x.pdf"): "命名管道",
        ("单位甲/2025-001", "y.pdf"): "评查目录之外",
        ("单位甲/2025-001", "失效.pdf"): "失效链接",
        ("单位甲/2025-001", "外部链接.pdf"): "评查目录之外",
        ("单位甲/2025-001", "链接文件夹"): "评查目录之外",
        ("单位甲/管道.pdf", "管道.pdf"): "命名管道",
        ("单位甲/2025-002", "2025-002"): "指向文件夹",
        ("单位甲/2025-003.pdf", "2025-003.pdf"): "失效链接",
        ("", "链接单位"): "评查目录之外",
    }
    for key, words in expected.items():
        kind, message = problems[key]
        assert kind is ProblemKind.SPECIAL_ENTRY and words in message, (key, kind, message)
    assert inv.units == ["单位甲"]


def test_a_symlinked_folder_inside_the_tree_is_named_not_followed(tmp_path: Path) -> None:
    case = tmp_path / "单位甲" / "2025-001"
    (case / "附件").mkdir(parents=True)
    make_docx(case / "附件" / "笔录.docx", ["询问笔录"])
    os.symlink(case / "附件", case / "附件链接")
    os.symlink(case, case / "附件" / "回环")  # a loop: followed, it would never end
    inv = discover_campaign(tmp_path)
    assert inv.dossiers[0].files == ("附件/笔录.docx",)
    problems = _problems(inv)
    for name in ("附件链接", "附件/回环"):
        kind, message = problems[("单位甲/2025-001", name)]
        assert kind is ProblemKind.SPECIAL_ENTRY and "指向文件夹" in message


def test_fifteen_hundred_nested_folders_stop_at_the_depth_limit(tmp_path: Path) -> None:
    case = tmp_path / "单位甲" / "2025-001"
    case.mkdir(parents=True)
    make_docx(case / "决定书.docx", ["行政处罚决定书"])
    deep = hostile.nested_folders(case, 1500)
    try:
        started = time.perf_counter()
        inv = discover_campaign(tmp_path, ReadLimits(max_folder_depth=32))
        assert time.perf_counter() - started < 5
        assert inv.dossiers[0].files == ("决定书.docx",)
        (problem,) = [p for p in inv.problems if p.kind is ProblemKind.TOO_LARGE]
        assert problem.source_file == "d/" * 32 + "d/" and "32 层" in problem.message
        # within the limit the innermost file is found, its relative name intact
        shallow = tmp_path / "浅" / "单位乙" / "2025-002"
        shallow.mkdir(parents=True)
        hostile.nested_folders(shallow, 5)
        assert discover_campaign(tmp_path / "浅").dossiers[0].files == ("d/d/d/d/d/深处.pdf",)
    finally:
        hostile.remove_tree(deep)  # pytest's recursive clean-up of old temporary folders would fail on it


def test_the_cache_key_never_opens_a_special_or_oversized_file(tmp_path: Path, monkeypatch) -> None:
    from pipelines.cache import dossier_cache_key

    case = tmp_path / "2025-001"
    case.mkdir()
    os.mkfifo(case / "x.pdf")
    (case / "大.pdf").write_bytes(b"%PDF-1.4\n" + b"\0" * 3 * hostile.MB)
    monkeypatch.setenv("PINGCHA_MAX_FILE_MB", "1")
    opened: list[Path] = []
    real_open = Path.open
    monkeypatch.setattr(Path, "open", lambda self, *a, **k: opened.append(self) or real_open(self, *a, **k))
    ref = DossierRef("单位/2025-001", "单位", case, False, ("x.pdf", "大.pdf"))
    with _within(10):
        key = dossier_cache_key(ref, "checklist", None)
    assert key.startswith("dossier-") and [p for p in opened if case in p.parents] == []
    (case / "大.pdf").write_bytes(b"%PDF-1.4\n" + b"\1" * 3 * hostile.MB)  # another content, same size
    assert dossier_cache_key(ref, "checklist", None) != key  # keyed by its stat (mtime), still never read


def test_read_file_refuses_what_is_not_a_regular_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "x.pdf")
    with _within(10), pytest.raises(ReadError) as err:
        read_file(tmp_path / "x.pdf", "x.pdf")
    assert err.value.kind is ProblemKind.SPECIAL_ENTRY


def test_render_dpi_lowers_for_large_pages_and_refuses_giant_ones() -> None:
    limits = ReadLimits()
    assert render_dpi(595, 842, 200, limits) == 200  # A4
    a0 = render_dpi(2384, 3370, 200, limits)  # A0: 6,622 × 9,362 px at 200 dpi
    assert limits.min_ocr_dpi <= a0 < 200
    assert (2384 * a0 / 72) * (3370 * a0 / 72) <= limits.max_render_megapixels * 1e6
    with pytest.raises(ReadError) as err:
        render_dpi(14400, 14400, 200, limits)
    assert err.value.kind is ProblemKind.TOO_LARGE and "5080×5080 mm" in err.value.message


def _load_one(path: Path, limits: ReadLimits = ReadLimits(), ocr=None):
    ref = DossierRef(f"单位/{path.name}", "单位", path, True, (path.name,))
    return load_dossier(ref, limits, ocr=ocr)


def _ocr(path: Path, doc):
    from ingest.ocr import ocr_document

    return ocr_document(path, doc)


VECTORS = {
    # name: (builder, expected message words, seconds allowed to read it)
    "giant-page.pdf": (hostile.giant_page_pdf, "页面尺寸", 5),
    "flate-bomb.pdf": (hostile.flate_bomb_pdf, "压缩炸弹", 10),
    "shared-string.xlsx": (hostile.huge_shared_string_xlsx, "共享字符串", 5),
    "paragraph.docx": (hostile.huge_paragraph_docx, "正文", 5),
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(VECTORS))
def test_each_bomb_is_too_large_fast_and_in_bounded_memory(tmp_path: Path, name: str) -> None:
    builder, words, seconds = VECTORS[name]
    path = builder(tmp_path / name)
    assert path.stat().st_size < 5 * hostile.MB  # small on disk, huge once read naively
    with hostile.TreePeak() as peak:
        baseline = peak.process.memory_info().rss
        started = time.perf_counter()
        dossier = _load_one(path, ocr=_ocr)
        elapsed = time.perf_counter() - started
    (problem,) = [p for p in dossier.problems if p.source_file == name]
    assert problem.kind is ProblemKind.TOO_LARGE and words in problem.message, problem
    assert elapsed < seconds, elapsed
    assert peak.peak < 2 * GB and peak.peak - baseline < 512 * hostile.MB, (peak.peak_mb, baseline / hostile.MB)


def test_a_huge_block_within_the_part_size_is_refused_by_the_text_budget(tmp_path: Path) -> None:
    xlsx = hostile.huge_shared_string_xlsx(tmp_path / "s.xlsx", mb=1)  # 350,000 characters in one cell
    docx = hostile.huge_paragraph_docx(tmp_path / "p.docx", mb=1)
    for path, where in ((xlsx, "工作表“送达回证”第1行"), (docx, "第2段")):
        (problem,) = [p for p in _load_one(path).problems if p.source_file == path.name]
        assert problem.kind is ProblemKind.TOO_LARGE and where in problem.message and "单段上限" in problem.message


def test_text_per_file_is_capped(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "长.docx", ["行政处罚决定书", *["罚" * 900] * 20])
    (problem,) = [p for p in _load_one(path, ReadLimits(max_text_chars=10_000)).problems if p.source_file]
    assert problem.kind is ProblemKind.TOO_LARGE and "全文上限 10,000 字" in problem.message
    assert not [p for p in _load_one(path).problems if p.kind is ProblemKind.TOO_LARGE]


def test_a_file_past_its_time_budget_is_a_timeout_and_the_next_file_is_read(tmp_path: Path) -> None:
    case = tmp_path / "2025-001"
    case.mkdir()
    make_pdf(case / "决定书.pdf", [["行政处罚决定书", "当事人：某公司"]] * 3)
    ref = DossierRef("单位/2025-001", "单位", case, False, ("决定书.pdf",))
    (problem, *_) = load_dossier(ref, ReadLimits(max_seconds=0)).problems
    assert problem.kind is ProblemKind.TIMEOUT and "时限 0 秒" in problem.message
    assert load_dossier(ref, ReadLimits()).documents  # the same file with its budget is read


def test_an_image_declaring_billions_of_pixels_is_refused_before_pdfium(tmp_path: Path) -> None:
    image = b"<</Type/XObject/Subtype/Image/Width 100000/Height 100000/ColorSpace/DeviceGray/BitsPerComponent 8" \
            b"/Length 1>>stream\n\0\nendstream"
    path = tmp_path / "图像.pdf"
    path.write_bytes(hostile.pdf_bytes([((595, 842), hostile.plain_stream(b"BT ET"))], [image]))
    with pytest.raises(ReadError) as err:
        read_file(path, path.name)
    assert err.value.kind is ProblemKind.TOO_LARGE and "100000×100000" in err.value.message


def test_every_limit_is_documented_in_the_readme_with_its_default() -> None:
    from dataclasses import fields

    from tests.paths import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for spec in fields(ReadLimits):
        value = getattr(ReadLimits(), spec.name)
        default = str(int(value)) if value == int(value) else str(value)
        assert f"| `PINGCHA_{spec.name.upper()}` | {default} |" in readme, spec.name
