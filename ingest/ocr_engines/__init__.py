"""OCR engine adapters: each turns a page image into raw text boxes, nothing more.

Kept apart from `ingest.ocr` so that the benchmark (bench/ocr_engines.py) measures exactly the code the
pipeline runs, and so that swapping engines touches one small file. Engines are imported lazily inside the
adapters: `import ingest` must not pay for onnxruntime or OpenCV.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class RawBox:
    """One recognised text box in pixel coordinates of the image it came from."""

    text: str
    confidence: float  # [0, 1]
    x0: float
    y0: float
    x1: float
    y1: float


class Engine(Protocol):
    name: str

    def recognize(self, image) -> list[RawBox]:  # image: PIL.Image.Image
        """Every text box found on `image`, in no particular order."""
        ...
