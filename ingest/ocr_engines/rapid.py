"""RapidOCR (PaddleOCR models on onnxruntime), offline: the models ship inside the wheel.

`rapidocr` 3.x bundles PP-OCRv6 det/rec "small" and the v2 direction classifier and depends on
opencv-python-headless (no libGL); `rapidocr_onnxruntime` 1.4 bundles PP-OCRv4 and pulls opencv-python
(needs libGL.so.1). Both are accepted so that a machine with either works; 3.x is preferred.

Run-time downloads are impossible here (no network beyond the package registries): only the model types
whose files are in the wheel may be configured.
"""

from __future__ import annotations

import logging
import os

from ingest.ocr_engines import RawBox

# Longest image side the engine works on. RapidOCR's default (2000) silently shrinks an A4 page rendered
# above ~170 dpi, so the chosen dpi would not be the one recognised; this keeps up to 300 dpi A4 intact.
MAX_SIDE = 3600
# Detection works on the page shrunk to this longest side (recognition still crops the full-resolution
# image). Measured on A4 scans: detection drops from ~2.4 to ~0.6 CPU-s per page at 150-200 dpi with the
# same accuracy down to 10.5 pt (五号) text; RapidOCR's default ("min" 736) detects on the whole page.
DET_SIDE = 960
# The per-line 0°/180° direction classifier is off: on a 200 dpi scan it flipped a long, correctly detected
# line and turned it into garbage (校一一一《和》, confidence 0.79); upright scans are the rule.
USE_CLS = False


def threads() -> int:
    """onnxruntime threads per process: PINGCHA_OCR_THREADS, else every core (-1).

    Run N OCR processes with PINGCHA_OCR_THREADS=1 each rather than one process with N threads.
    """
    value = os.environ.get("PINGCHA_OCR_THREADS", "").strip()
    try:
        return max(1, int(value)) if value else -1
    except ValueError:
        return -1


class RapidEngine:
    """rapidocr 3.x (preferred) or rapidocr_onnxruntime 1.4; constructing it loads the models (~1 s)."""

    def __init__(self, flavour: str | None = None, max_side: int = MAX_SIDE) -> None:
        n = threads()
        errors: list[str] = []
        for candidate in [flavour] if flavour else ["rapidocr", "rapidocr_onnxruntime"]:
            try:
                self._engine = _load(candidate, n, max_side)
            except ImportError as exc:
                errors.append(f"{candidate}: {exc}")
                continue
            self.name = candidate
            return
        raise ImportError("; ".join(errors))

    def recognize(self, image) -> list[RawBox]:
        import numpy as np

        array = np.asarray(image.convert("RGB"))[:, :, ::-1]  # PIL RGB -> OpenCV BGR
        if self.name == "rapidocr":
            out = self._engine(array)
            if out.boxes is None or out.txts is None:
                return []
            triples = zip(out.boxes, out.txts, out.scores, strict=True)
        else:
            result, _ = self._engine(array)
            triples = ((box, text, score) for box, text, score in (result or []))
        boxes: list[RawBox] = []
        for quad, text, score in triples:
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            boxes.append(RawBox(str(text), float(score), min(xs), min(ys), max(xs), max(ys)))
        return boxes


def _load(flavour: str, n_threads: int, max_side: int):
    if flavour == "rapidocr":
        from rapidocr import RapidOCR

        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        return RapidOCR(
            params={
                "Global.log_level": "error",  # "text detection result is empty" on every blank page
                "Global.max_side_len": max_side,
                "Global.use_cls": USE_CLS,
                "Det.limit_type": "max",
                "Det.limit_side_len": DET_SIDE,
                "EngineConfig.onnxruntime.intra_op_num_threads": n_threads,
            }
        )
    if flavour == "rapidocr_onnxruntime":
        from rapidocr_onnxruntime import RapidOCR

        return RapidOCR(
            max_side_len=max_side, intra_op_num_threads=n_threads, det_limit_type="max", det_limit_side_len=DET_SIDE,
            use_cls=USE_CLS,
        )
    raise ImportError(f"unknown RapidOCR flavour {flavour!r}")
