"""Offline OCR of scanned pages: values come out exactly, weak pages are flagged, failures are named.

The scans are generated here (PIL + SimHei → image-only PDF) so the test needs no sample files; real
recognition is limited to a few sparse pages at the default dpi (~10 s on 2 cores) and marked slow.
"""

from __future__ import annotations

import importlib.util
import random
from pathlib import Path

import pytest

from ingest import ocr
from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, TextBlock, TextOrigin
from ingest.ocr_engines import RawBox
from ingest.readers.pdf_reader import read_pdf

SIMHEI = Path(__import__("mplfonts").__file__).parent / "fonts" / "SimHei.ttf"
DPI = 200
CASE_NO = "京朝市监罚决字〔2025〕17号"
PARTY = "北京鑫源餐饮管理有限公司"
CREDIT = "91110105MA01ABCD2X"
FINE_UPPER = "伍万元"
FINE = "50000元"
DECISION_DATE = "2025年3月5日"
LINES = [
    ("行政处罚决定书", 22, "center"),
    (CASE_NO, 16, "right"),
    (f"当事人：{PARTY}", 16, "left"),
    (f"统一社会信用代码：{CREDIT}", 16, "left"),
    ("依据《中华人民共和国食品安全法》第一百二十四条", 16, "left"),
    ("第一款第（一）项的规定，", 16, "left"),
    (f"决定罚款人民币{FINE_UPPER}（{FINE}）。", 16, "left"),
    ("北京市朝阳区市场监督管理局", 16, "right"),
    (DECISION_DATE, 16, "right"),
]

ENGINE_INSTALLED = any(importlib.util.find_spec(m) for m in ("rapidocr", "rapidocr_onnxruntime"))
needs_engine = pytest.mark.skipif(not ENGINE_INSTALLED, reason="OCR engine not installed: pip install rapidocr onnxruntime")


def scan(lines, *, seed: int = 0, degrade: bool = False):
    """An A4 page at 200 dpi as a scanner makes it: grey, noisy, slightly blurred and rotated (≤0.5°)."""
    import numpy as np
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    rng = random.Random(seed)
    w, h = round(210 / 25.4 * DPI), round(297 / 25.4 * DPI)
    page = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(page)
    y, margin = 220, 220
    for text, size, align in lines:
        font = ImageFont.truetype(str(SIMHEI), round(size / 72 * DPI))
        length = font.getlength(text)
        x = {"left": margin, "center": (w - length) / 2, "right": w - margin - length}[align]
        draw.text((x, y), text, font=font, fill=30)
        y += round(size / 72 * DPI * 1.9)
    page = page.rotate(rng.uniform(-0.5, 0.5), resample=Image.Resampling.BICUBIC, fillcolor=255)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    noise = np.random.default_rng(seed)
    arr = np.asarray(page, dtype=np.float32) * 0.94 + 8 + noise.normal(0, 10, (h, w))
    if degrade:  # a faded, blurred fax of a fax: the engine still finds lines but reads them badly (~0.6)
        blurred = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L").filter(ImageFilter.GaussianBlur(2.2))
        arr = 255 - (255 - np.asarray(blurred, dtype=np.float32)) * 0.5 + noise.normal(0, 60, (h, w))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def blank_scan():
    import numpy as np
    from PIL import Image

    arr = 240 + np.random.default_rng(1).normal(0, 4, (2339, 1654))
    return Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "L")


def image_pdf(path: Path, *images) -> Path:
    first, *rest = images
    first.save(path, "PDF", resolution=DPI, save_all=True, append_images=rest, quality=80)
    return path


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("scans")
    return {
        "good": image_pdf(tmp / "decision.pdf", scan(LINES)),
        "degraded": image_pdf(tmp / "degraded.pdf", scan(LINES, seed=2, degrade=True)),
        "blank": image_pdf(tmp / "blank.pdf", blank_scan()),
        "mixed": image_pdf(tmp / "mixed.pdf", blank_scan(), scan(LINES)),
    }


# ----------------------------------------------------------------------------------------------------
# Real recognition (slow: a few seconds per page)
# ----------------------------------------------------------------------------------------------------


@pytest.mark.slow
@needs_engine
def test_scanned_decision_values_come_out_exactly(scans):
    doc = read_pdf(scans["good"], "决定书.pdf")
    assert doc.pages_needing_ocr == (1,)  # image only: the PDF reader asks for OCR
    out, reasons = ocr.apply_ocr(doc, scans["good"])
    assert reasons == []
    assert out.ocr_pages == (1,)
    assert all(b.origin is TextOrigin.OCR and b.position == Position(page=1) for b in out.blocks)
    assert all(b.ocr_confidence is not None and 0.8 <= b.ocr_confidence <= 1 for b in out.blocks)
    lines = [b.text.replace(" ", "") for b in out.blocks]
    assert lines[0] == "行政处罚决定书"
    assert lines[1] == CASE_NO
    assert f"当事人：{PARTY}" in lines
    assert f"统一社会信用代码：{CREDIT}" in lines
    assert f"决定罚款人民币{FINE_UPPER}（{FINE}）。" in lines
    assert lines[-1] == DECISION_DATE
    assert doc.blocks == [] and doc.ocr_pages == ()  # the reader's document is left as it was


@pytest.mark.slow
@needs_engine
def test_degraded_page_is_flagged_for_review(scans):
    doc = Document("卷.pdf", "pdf", page_count=1, pages_needing_ocr=(1,))
    (page,) = ocr.ocr_pdf_pages(scans["degraded"], [1])
    assert page.mean_confidence is not None and page.mean_confidence < 0.8
    _, reasons = ocr.apply_ocr(doc, scans["degraded"])
    assert len(reasons) == 1
    assert reasons[0].startswith("第1页OCR识别置信度0.") and reasons[0].endswith("，需人工核对")


@pytest.mark.slow
@needs_engine
def test_blank_page_gives_no_block_and_no_reason(scans):
    doc = Document("卷.pdf", "pdf", page_count=1, pages_needing_ocr=(1,))
    out, reasons = ocr.apply_ocr(doc, scans["blank"])
    assert (out.blocks, reasons, out.ocr_pages) == ([], [], (1,))
    (blank,) = ocr.ocr_pdf_pages(scans["blank"], [1])
    assert blank.lines == () and blank.mean_confidence is None


BACKENDS = [b for b in ("openvino", "onnxruntime") if importlib.util.find_spec(b)]


@pytest.mark.slow
@needs_engine
@pytest.mark.parametrize("backend", BACKENDS)
def test_each_backend_reads_the_values_exactly(backend, scans):
    """OpenVINO (bf16 on AMX CPUs) must read what onnxruntime reads: same models, lower precision."""
    from ingest.ocr_engines.rapid import RapidEngine

    engine = RapidEngine("rapidocr", backend=backend)
    assert engine.backend == backend
    (page,) = ocr.ocr_pdf_pages(scans["good"], [1], engine=engine)
    lines = [line.text.replace(" ", "") for line in page.lines]
    assert lines[1] == CASE_NO and lines[-1] == DECISION_DATE
    for value in (f"当事人：{PARTY}", f"统一社会信用代码：{CREDIT}", f"决定罚款人民币{FINE_UPPER}（{FINE}）。"):
        assert value in lines
    assert page.mean_confidence is not None and page.mean_confidence > 0.9


@pytest.mark.slow
@pytest.mark.skipif("openvino" not in BACKENDS, reason="OpenVINO not installed")
def test_openvino_memory_stops_growing_with_new_line_widths(scans):
    """Each text line width is a new input shape. With OpenVINO's default per-shape cache a worker grew by
    ~6 MB per new width without end (~400 MB per 57 widths, measured); with it off, memory levels off."""
    import random

    import numpy as np
    from rapidocr.ch_ppocr_rec.typings import TextRecInput

    from ingest.ocr_engines.rapid import RapidEngine

    def rss_mb() -> int:
        return int(Path("/proc/self/statm").read_text().split()[1]) * 4096 // 2**20

    engine = RapidEngine("rapidocr", backend="openvino")
    recognise = engine._engine.text_rec
    rng = random.Random(7)
    rounds = []
    for offset in (0, 10, 5):
        widths = list(range(200 + offset, 1400, 20))
        rng.shuffle(widths)
        before = rss_mb()
        for width in widths:
            recognise(TextRecInput(img=[np.full((48, width, 3), 255, dtype=np.uint8)]))
        rounds.append(rss_mb() - before)
    assert rounds[-1] < 60, rounds  # the third round of 60 new widths; ~400 MB with the default cache
    (page,) = ocr.ocr_pdf_pages(scans["good"], [1], engine=engine)
    assert [line.text.replace(" ", "") for line in page.lines][1] == CASE_NO


@pytest.mark.slow
@needs_engine
def test_without_openvino_the_engine_falls_back_to_onnxruntime(monkeypatch, scans):
    import sys

    from ingest.ocr_engines.rapid import RapidEngine

    monkeypatch.setitem(sys.modules, "openvino", None)  # import openvino -> ImportError
    monkeypatch.setenv("PINGCHA_OCR_BACKEND", "openvino")  # even when asked for
    engine = RapidEngine()
    assert (engine.name, engine.backend) == ("rapidocr", "onnxruntime")
    (page,) = ocr.ocr_pdf_pages(scans["good"], [1], engine=engine)
    assert CASE_NO in page.text.replace(" ", "")


# ----------------------------------------------------------------------------------------------------
# Without the engine (fast)
# ----------------------------------------------------------------------------------------------------


class FakeEngine:
    name = "fake"

    def __init__(self, boxes=(), error: Exception | None = None) -> None:
        self.boxes, self.error = list(boxes), error

    def recognize(self, image):
        if self.error:
            raise self.error
        return self.boxes


def test_unavailable_engine_raises_named_error(monkeypatch, scans):
    import ingest.ocr_engines.rapid as rapid

    def broken(*args, **kwargs):
        raise ImportError("No module named 'rapidocr'")

    monkeypatch.setattr(ocr, "_engine", None)
    monkeypatch.setattr(ocr, "_engine_error", None)
    monkeypatch.setattr(rapid, "RapidEngine", broken)
    assert ocr.ocr_available() is False
    with pytest.raises(ReadError) as info:
        ocr.apply_ocr(Document("a.pdf", "pdf", page_count=1, pages_needing_ocr=(1,)), scans["blank"])
    assert info.value.kind is ProblemKind.OCR_UNAVAILABLE
    assert "OCR" in info.value.message and "rapidocr" in info.value.message


def test_backend_that_fails_to_load_falls_back(monkeypatch):
    import ingest.ocr_engines.rapid as rapid

    tried = []

    def load(flavour, n_threads, max_side, backend="onnxruntime"):
        tried.append((flavour, backend))
        if backend == "openvino":
            raise RuntimeError("cannot compile the model for this CPU")
        return object()

    monkeypatch.setattr(rapid, "_load", load)
    monkeypatch.setattr(rapid, "backends", lambda: ["openvino", "onnxruntime"])
    engine = rapid.RapidEngine()
    assert (engine.name, engine.backend) == ("rapidocr", "onnxruntime")
    assert tried == [("rapidocr", "openvino"), ("rapidocr", "onnxruntime")]
    with pytest.raises(ImportError, match="cannot compile"):
        rapid.RapidEngine("rapidocr", backend="openvino")


def test_backend_order_follows_the_environment(monkeypatch):
    import ingest.ocr_engines.rapid as rapid

    monkeypatch.setattr(rapid.importlib.util, "find_spec", lambda name: object())
    monkeypatch.delenv("PINGCHA_OCR_BACKEND", raising=False)
    assert rapid.backends() == ["openvino", "onnxruntime"]
    monkeypatch.setenv("PINGCHA_OCR_BACKEND", "onnxruntime")
    assert rapid.backends() == ["onnxruntime", "openvino"]
    monkeypatch.setenv("PINGCHA_OCR_BACKEND", "tensorrt")  # unknown: ignored
    assert rapid.backends() == ["openvino", "onnxruntime"]
    monkeypatch.setattr(rapid.importlib.util, "find_spec", lambda name: None if name == "openvino" else object())
    monkeypatch.setenv("PINGCHA_OCR_BACKEND", "openvino")
    assert rapid.backends() == ["onnxruntime"]


def test_engine_crash_and_bad_page_are_ocr_failed(monkeypatch, scans):
    monkeypatch.setattr(ocr, "_engine", FakeEngine(error=RuntimeError("onnxruntime exploded")))
    doc = Document("a.pdf", "pdf", page_count=1, pages_needing_ocr=(1,))
    with pytest.raises(ReadError) as info:
        ocr.apply_ocr(doc, scans["blank"])
    assert info.value.kind is ProblemKind.OCR_FAILED
    with pytest.raises(ReadError) as info:
        ocr.ocr_pdf_pages(scans["blank"], [3])
    assert info.value.kind is ProblemKind.OCR_FAILED and "第3页" in info.value.message


def test_apply_ocr_replaces_only_the_pages_needing_it(monkeypatch, scans):
    boxes = [RawBox("第二行", 0.9, 100, 200, 300, 240), RawBox("第一行", 0.7, 100, 100, 300, 140)]
    monkeypatch.setattr(ocr, "_engine", FakeEngine(boxes))
    stamped = TextBlock("- 2 -", Position(page=2))  # a scan's stamped page number from the text layer
    kept = TextBlock("封面文字", Position(page=1))
    doc = Document("a.pdf", "pdf", blocks=[kept, stamped], page_count=2, pages_needing_ocr=(2,))
    out, reasons = ocr.apply_ocr(doc, scans["mixed"], min_confidence=0.85)
    assert [b.text for b in out.blocks] == ["封面文字", "第一行", "第二行"]
    assert [b.ocr_confidence for b in out.blocks] == [None, 0.7, 0.9]
    assert reasons == ["第2页OCR识别置信度0.80，需人工核对"]
    assert doc.blocks == [kept, stamped]


def test_boxes_merge_into_lines_in_reading_order():
    boxes = [
        RawBox("职务：经理", 0.9, 900, 102, 1100, 138),
        RawBox("法定代表人：张三", 0.9, 100, 100, 400, 140),
        RawBox("当事人：某公司", 0.9, 100, 40, 400, 80),
        RawBox("有限", 0.8, 405, 160, 465, 200),
        RawBox("住所：北京市", 1.0, 100, 161, 400, 199),
    ]
    lines = ocr.merge_lines(boxes)
    assert [line.text for line in lines] == ["当事人：某公司", "法定代表人：张三 职务：经理", "住所：北京市有限"]
    assert lines[2].confidence == pytest.approx((1.0 * 6 + 0.8 * 2) / 8)


@pytest.mark.parametrize(
    ("raw", "fixed"),
    [
        ("京朝市监罚决字【2025】17号", "京朝市监罚决字〔2025〕17号"),
        ("京朝市监罚决字〔2025】第17号", "京朝市监罚决字〔2025〕第17号"),
        ("京朝市监罚决字[2025〕17号", "京朝市监罚决字〔2025〕17号"),
        ("盘环罚决(2021)138号", "盘环罚决(2021)138号"),  # matching brackets are written that way
        ("京环罚字[2023]5号", "京环罚字[2023]5号"),
        ("【2025】年度报告", "【2025】年度报告"),  # no serial + 号: not a case number
        ("当事人:某公司,住所;北京", "当事人：某公司，住所；北京"),
        ("金额3,200元，时间12:30", "金额3,200元，时间12:30"),
        ("第(一)项", "第（一）项"),
        ("(2)", "(2)"),
        ("等......", "等……"),
        ("等。。。", "等……"),
        ("说明--如下", "说明——如下"),
    ],
)
def test_fix_text(raw, fixed):
    assert ocr.fix_text(raw) == fixed


def test_unreadable_page_with_ink_is_flagged(monkeypatch, scans):
    monkeypatch.setattr(ocr, "_engine", FakeEngine([]))  # the detector found nothing
    doc = Document("a.pdf", "pdf", page_count=2, pages_needing_ocr=(1, 2))
    out, reasons = ocr.apply_ocr(doc, scans["mixed"])
    assert out.blocks == []
    assert reasons == ["第2页有图文内容但OCR未识别出文字，需人工核对"]  # page 1 is blank: no reason
