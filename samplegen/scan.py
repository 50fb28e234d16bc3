"""Scanned-looking page images: the laid-out page drawn at ~200 dpi with the same font, slight rotation
(≤ 0.5°) and speckle noise, so OCR sees what it would see on a real scan."""

from __future__ import annotations

import random
from functools import cache

from PIL import Image, ImageDraw, ImageFont

from samplegen.fonts import FONT_PATH
from samplegen.layout import PAGE_H, PAGE_W, Page, RuleOp, TextOp

DPI = 200
SCALE = DPI / 72


@cache
def _font(px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_PATH), px)


def scan_image(page: Page, rng: random.Random) -> Image.Image:
    width, height = round(PAGE_W * SCALE), round(PAGE_H * SCALE)
    image = Image.new("L", (width, height), 250)
    draw = ImageDraw.Draw(image)
    dx, dy = rng.uniform(-6, 6), rng.uniform(-6, 6)
    for op in page.ops:
        if isinstance(op, TextOp):
            draw.text((op.x * SCALE + dx, op.y * SCALE + dy), op.text, fill=rng.randint(15, 45),
                      font=_font(round(op.size * SCALE)), anchor="ls")
        elif isinstance(op, RuleOp):
            draw.line((op.x1 * SCALE + dx, op.y1 * SCALE + dy, op.x2 * SCALE + dx, op.y2 * SCALE + dy),
                      fill=40, width=2)
    _speckle(image, rng)
    return image.rotate(rng.uniform(-0.5, 0.5), resample=Image.Resampling.BICUBIC, fillcolor=250)


def _speckle(image: Image.Image, rng: random.Random) -> None:
    """A few hundred dark and light specks: cheap, deterministic noise."""
    px = image.load()
    w, h = image.size
    for _ in range(1500):
        x, y = rng.randrange(w), rng.randrange(h)
        px[x, y] = rng.choice((60, 120, 255))
