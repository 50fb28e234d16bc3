"""Lay a published decision's text out as office software does, to feed pingcha's real readers in tests.

Written independently of pipelines/samplegen: a .docx whose paragraphs are the published lines, and a text
PDF as a word processor exports it - body hard-wrapped at a fixed width wherever the line fills (in the
middle of sentences), with the heading laid out one of three ways. Outputs go to a folder the caller gives
(a test's tmp_path); nothing rendered is committed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

TITLE = "行政处罚决定书"
PDF_FONT = "STSong-Light"  # reportlab's built-in CID font: text extracts exactly (stack-notes.md)
BODY_SIZE = 16  # 三号, the 公文 body size (GB/T 9704)
TITLE_SIZE = 22  # 二号
CHARS_PER_LINE = 28  # GB/T 9704: 28 characters a line
LINE_HEIGHT = 28.9  # 22 lines on the type area
MARGIN_LEFT, MARGIN_TOP, MARGIN_BOTTOM = 79.0, 105.0, 99.0  # 28 mm, 37 mm, 35 mm

HeadingLayout = Literal["as-published", "two-line", "one-line"]
_LATIN_RUN = re.compile(r"[A-Za-z0-9.\-*×%/]+")


@dataclass(frozen=True)
class Heading:
    """The parts of a decision's heading; an empty agency is left out."""

    agency: str
    case_no: str


def render_docx(lines: Sequence[str], path: Path) -> Path:
    """A .docx with one paragraph per published line (empty lines kept as empty paragraphs)."""
    from docx import Document
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "FangSong"
    style.font.size = Pt(BODY_SIZE)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "仿宋")
    for line in lines:
        doc.add_paragraph(line)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def heading_lines(heading: Heading, layout: HeadingLayout) -> list[str]:
    """The heading as printed: agency / title / number on three lines, or all three on one line."""
    if layout == "two-line":
        return [line for line in (heading.agency, TITLE, heading.case_no) if line]
    if layout == "one-line":
        return [" ".join(part for part in (heading.agency, TITLE, heading.case_no) if part)]
    return []


def strip_heading(lines: Sequence[str], heading: Heading) -> list[str]:
    """The body without the published heading, so a re-laid heading does not print twice.

    The heading runs up to the first line holding the number, when that comes within the first six lines
    and nothing before it is labelled (no colon), and then over any line made only of agency, title, number
    and spacing. A line running the heading into the party stays as body."""
    compact = ["".join(line.split()) for line in lines]
    start = 0
    if heading.case_no:
        for i, text in enumerate(compact[:6]):
            if heading.case_no in text:
                labelled = any(":" in c or "：" in c for c in compact[:i])
                if not labelled and _heading_only(text.split(heading.case_no, 1)[1], heading):
                    start = i + 1
                break
    while start < len(compact) and _heading_only(compact[start], heading):
        start += 1
    return list(lines[start:])


def _heading_only(text: str, heading: Heading) -> bool:
    for part in (heading.case_no, heading.agency, TITLE):
        if part:
            text = text.replace(part, "")
    return not re.sub(r"[()（）|\-—]", "", text)


def wrap(line: str, width: float, size: float = BODY_SIZE, indent: float = 0.0) -> list[str]:
    """Hard-wrap one paragraph at a fixed width as a word processor does: CJK breaks anywhere, a run of
    Latin letters and digits moves whole to the next line unless it is longer than a line."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    tokens: list[str] = []
    pos = 0
    for m in _LATIN_RUN.finditer(line):
        tokens.extend(line[pos:m.start()])
        tokens.append(m.group())
        pos = m.end()
    tokens.extend(line[pos:])

    out, current, used, limit = [], "", 0.0, width - indent
    for token in tokens:
        w = stringWidth(token, PDF_FONT, size)
        if used + w > limit and current:
            out.append(current)
            current, used, limit = "", 0.0, width
        if w > limit:  # a run longer than a line is split like CJK
            for ch in token:
                cw = stringWidth(ch, PDF_FONT, size)
                if used + cw > limit and current:
                    out.append(current)
                    current, used, limit = "", 0.0, width
                current, used = current + ch, used + cw
            continue
        current, used = current + token, used + w
    out.append(current)
    return out


def render_pdf(lines: Sequence[str], path: Path, heading: Heading | None = None,
               layout: HeadingLayout = "as-published") -> Path:
    """A text PDF (STSong-Light, A4): the heading centred per `layout`, then every body paragraph with a
    two-character first-line indent, hard-wrapped at 28 characters' width across as many pages as needed."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    if PDF_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(PDF_FONT))
    page_w, page_h = A4
    width = CHARS_PER_LINE * BODY_SIZE
    body = list(lines)
    head: list[str] = []
    if heading is not None and layout != "as-published":
        head = heading_lines(heading, layout)
        body = strip_heading(lines, heading)

    path.parent.mkdir(parents=True, exist_ok=True)
    pdf = canvas.Canvas(str(path), pagesize=A4)
    y = page_h - MARGIN_TOP

    def next_line(step: float) -> None:
        nonlocal y
        y -= step
        if y < MARGIN_BOTTOM:
            pdf.showPage()
            y = page_h - MARGIN_TOP

    for text in head:
        size = BODY_SIZE if text == heading.case_no else TITLE_SIZE
        if layout == "one-line":  # shrunk to fit the width, as a unit does to keep it on one line
            size = min(BODY_SIZE, 0.98 * width / pdfmetrics.stringWidth(text, PDF_FONT, 1))
        for part in wrap(text, width, size):
            pdf.setFont(PDF_FONT, size)
            pdf.drawCentredString(page_w / 2, y, part)
            next_line(LINE_HEIGHT * 1.3)
    indent = 2 * BODY_SIZE
    for paragraph in body:
        for i, part in enumerate(wrap(paragraph.strip(), width, BODY_SIZE, indent)):
            pdf.setFont(PDF_FONT, BODY_SIZE)
            pdf.drawString(MARGIN_LEFT + (indent if i == 0 else 0), y, part)
            next_line(LINE_HEIGHT)
    pdf.save()
    return path
