"""RapidOCR (PaddleOCR models) on OpenVINO or onnxruntime, offline: the models ship inside the wheel.

`rapidocr` 3.x bundles PP-OCRv6 det/rec "small" and the v2 direction classifier and depends on
opencv-python-headless (no libGL); `rapidocr_onnxruntime` 1.4 bundles PP-OCRv4 and pulls opencv-python
(needs libGL.so.1). Both are accepted so that a machine with either works; 3.x is preferred.

Inference backend of `rapidocr` 3.x (PINGCHA_OCR_BACKEND=openvino|onnxruntime, else the first importable
that loads): OpenVINO runs the same bundled ONNX files. On a CPU with AMX / AVX512-BF16 (our Xeon Sapphire
Rapids) its CPU plugin infers in bf16 by default (INFERENCE_PRECISION_HINT), elsewhere in f32. Measured with
bench/ocr_engines.py on generated A4 pages at 200 dpi, PINGCHA_OCR_THREADS=1, a second job loading the CPU:

    configuration                                 CPU-s / dense page   key fields   char accuracy
    onnxruntime, strided page (before)            3.8-4.1              all exact    1.0000
    onnxruntime, contiguous page, memory arena    2.7-2.8              all exact    1.0000
    onnxruntime, contiguous page, no arena (used) 3.2                  all exact    1.0000
    openvino f32, contiguous page                 2.3                  all exact    1.0000
    openvino bf16, contiguous page (default)      0.9-1.2              all exact    1.0000

Two processes × 1 thread: openvino 1.03 dense pages/s, onnxruntime 0.69 with its arena, 0.61 without
(before: 0.32-0.38); the arena is off because it kept ~470 MB more per process. Detection is
~0.1 CPU-s of a page; recognition (~0.8) dominates, so 150 dpi saves only ~0.05 CPU-s. "Strided page": the
page used to be handed over as a negative-stride BGR view, so OpenCV copied the whole page for each of the
~35 line crops (~0.4 CPU-s per page). Recognition batches of 16 and 32 lines were 25 % and 75 % slower
(padding to the widest line), batch 1 7 % slower: rapidocr's 6 stays. A new input shape costs OpenVINO
~0.1 s once per process, so the first pages of a worker are ~10-20 % slower than later ones.

Run-time downloads are impossible here (no network beyond the package registries): only the model files
in the wheel are used, named by path so that no backend looks for a download.
"""

from __future__ import annotations

import importlib.util
import logging
import os
from pathlib import Path

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
# Inference backends of rapidocr 3.x, fastest first (see the module docstring).
BACKENDS = ("openvino", "onnxruntime")
MODEL_FILES = {"Det": "PP-OCRv6_det_small.onnx", "Rec": "PP-OCRv6_rec_small.onnx",
               "Cls": "ch_ppocr_mobile_v2.0_cls_mobile.onnx"}  # fmt: skip


def threads() -> int:
    """Inference threads per process: PINGCHA_OCR_THREADS, else every core (-1).

    Run N OCR processes with PINGCHA_OCR_THREADS=1 each rather than one process with N threads.
    """
    value = os.environ.get("PINGCHA_OCR_THREADS", "").strip()
    try:
        return max(1, int(value)) if value else -1
    except ValueError:
        return -1


def backends() -> list[str]:
    """Backends to try in order: PINGCHA_OCR_BACKEND first if set, then the importable ones of BACKENDS."""
    wanted = os.environ.get("PINGCHA_OCR_BACKEND", "").strip().lower()
    order = [wanted] if wanted in BACKENDS else []
    order += [b for b in BACKENDS if b not in order]
    return [b for b in order if importlib.util.find_spec(b) is not None]


class RapidEngine:
    """rapidocr 3.x (preferred) or rapidocr_onnxruntime 1.4; constructing it loads the models (~1-2 s).

    `flavour` picks the package ("rapidocr" or "rapidocr_onnxruntime"), `backend` the inference backend of
    rapidocr 3.x ("openvino" or "onnxruntime"); by default the first that loads, so a machine without
    OpenVINO (or on which it fails to compile the models) falls back to onnxruntime.
    """

    def __init__(
        self, flavour: str | None = None, max_side: int = MAX_SIDE, backend: str | None = None
    ) -> None:
        n = threads()
        errors: list[str] = []
        for candidate in [flavour] if flavour else ["rapidocr", "rapidocr_onnxruntime"]:
            for engine_backend in [backend] if backend else backends() or ["onnxruntime"]:
                if candidate == "rapidocr_onnxruntime" and engine_backend != "onnxruntime":
                    errors.append(f"{candidate}: runs on onnxruntime only, not {engine_backend}")
                    continue
                try:
                    self._engine = _load(candidate, n, max_side, engine_backend)
                except Exception as exc:  # ImportError; an OpenVINO that cannot compile the models
                    errors.append(f"{candidate}/{engine_backend}: {type(exc).__name__}: {exc}")
                    continue
                self.name = candidate
                self.backend = engine_backend
                return
        raise ImportError("; ".join(errors))

    def recognize(self, image) -> list[RawBox]:
        import numpy as np

        # A C-contiguous array: a strided view ([:, :, ::-1]) makes OpenCV copy the whole page once per
        # line crop. A grey page goes in as 2-D (rapidocr turns it into BGR itself).
        if image.mode not in ("L", "RGB"):
            image = image.convert("RGB")
        array = np.asarray(image)
        if array.ndim == 3:
            import cv2

            array = cv2.cvtColor(array, cv2.COLOR_RGB2BGR)
        if self.name == "rapidocr":
            out = self._engine(array)
            if out.boxes is None or out.txts is None:
                return []
            triples = zip(out.boxes, out.txts, out.scores, strict=True)
        else:
            if array.ndim == 2:
                import cv2

                array = cv2.cvtColor(array, cv2.COLOR_GRAY2BGR)
            result, _ = self._engine(array)
            triples = ((box, text, score) for box, text, score in (result or []))
        boxes: list[RawBox] = []
        for quad, text, score in triples:
            xs = [float(p[0]) for p in quad]
            ys = [float(p[1]) for p in quad]
            boxes.append(RawBox(str(text), float(score), min(xs), min(ys), max(xs), max(ys)))
        return boxes


def _bound_openvino_cache(engine, n_threads: int) -> None:
    """Recompile the models with OpenVINO's per-shape runtime cache off.

    Every text line has its own width, so the CPU plugin's cache of compiled shapes (5,000 by default) grew a
    worker by ~10 MB a page without end: 1.4 GB after 63 scanned pages, against 0.8 GB with the cache off at
    the same speed (0.49-0.50 CPU-s a page), after which it levels off (tests/ingest/test_ocr.py). rapidocr passes
    only some CPU settings through, hence the recompile of its sessions' models; if a rapidocr version names them differently, the engine runs as rapidocr made it.
    """
    from openvino import Core

    core = Core()
    settings = {"CPU_RUNTIME_CACHE_CAPACITY": "0"}
    if n_threads > 0:
        settings["INFERENCE_NUM_THREADS"] = str(n_threads)
    core.set_property("CPU", settings)
    for part in (getattr(engine, "text_det", None), getattr(engine, "text_rec", None)):
        session = getattr(part, "session", None)
        if session is not None and hasattr(session, "model") and hasattr(session, "session"):
            session.session = core.compile_model(session.model, "CPU").create_infer_request()


def _load(flavour: str, n_threads: int, max_side: int, backend: str = "onnxruntime"):
    if flavour == "rapidocr":
        import rapidocr
        from rapidocr import EngineType, RapidOCR

        if backend not in BACKENDS:
            raise ImportError(f"unknown rapidocr backend {backend!r}")
        __import__(backend)  # ImportError here, not deep inside rapidocr
        logging.getLogger("RapidOCR").setLevel(logging.ERROR)
        models = Path(rapidocr.__file__).parent / "models"
        params = {
            "Global.log_level": "error",  # "text detection result is empty" on every blank page
            "Global.max_side_len": max_side,
            "Global.use_cls": USE_CLS,
            "Det.limit_type": "max",
            "Det.limit_side_len": DET_SIDE,
            "EngineConfig.onnxruntime.intra_op_num_threads": n_threads,
            # the arena keeps the largest page's tensors for good: ~850 MB a process instead of ~380, for 4-9 %
            "EngineConfig.onnxruntime.enable_cpu_mem_arena": False,
            "EngineConfig.openvino.inference_num_threads": n_threads,
        }
        for task, filename in MODEL_FILES.items():
            params[f"{task}.engine_type"] = EngineType(backend)
            if (models / filename).is_file():
                params[f"{task}.model_path"] = str(models / filename)
        engine = RapidOCR(params=params)
        # rapidocr 3 loads the models on first use: load them now, so that a backend that cannot compile
        # them fails here (and the next one is tried), not on the first page.
        for loader in ("_load_det_model", "_load_rec_model"):
            if hasattr(engine, loader):
                getattr(engine, loader)()
        if backend == "openvino":
            _bound_openvino_cache(engine, n_threads)
        return engine
    if flavour == "rapidocr_onnxruntime":
        from rapidocr_onnxruntime import RapidOCR

        return RapidOCR(
            max_side_len=max_side, intra_op_num_threads=n_threads, det_limit_type="max", det_limit_side_len=DET_SIDE,
            use_cls=USE_CLS,
        )
    raise ImportError(f"unknown RapidOCR flavour {flavour!r}")
