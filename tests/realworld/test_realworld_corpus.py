"""The corpus of real published decisions (tests/realworld): labels well formed and true to the texts, and the
renderer lays a text out as office software does - what a reviewer reads survives the .docx and the PDF.

The accuracy of pingcha's extraction against these labels is measured elsewhere; nothing here runs pingcha.
"""

from __future__ import annotations

from collections import Counter

import pytest

from tests.realworld.corpus import check_expected, load_decisions
from tests.realworld.render import TITLE, Heading, render_docx, render_pdf, strip_heading

DECISIONS = load_decisions()


def _compact(text: str) -> str:
    return "".join(text.split())


def test_ids_files_and_kinds_are_consistent():
    assert len({d.id for d in DECISIONS}) == len(DECISIONS)
    for d in DECISIONS:
        assert d.file.name == f"{d.id}-{d.agency_kind}-{d.province}.txt"
        assert d.text.strip() and d.source


@pytest.mark.parametrize("decision", DECISIONS, ids=lambda d: d.id)
def test_labels_follow_the_contract_and_quote_the_text(decision):
    expect = decision.expect
    assert check_expected(expect) == []
    text = _compact(decision.text)
    for field in ("case_no", "agency", "party_name", "party_id"):
        assert _compact(getattr(expect, field)) in text, field
    for officer in filter(None, expect.officers.split(";")):
        assert officer in text
    for cert in filter(None, expect.officer_cert_nos.split(";")):
        assert cert in text
    if not decision.truncated:
        assert expect.decision_date, "a complete decision shows its date"


def test_corpus_spans_kinds_and_provinces():
    assert len(Counter(d.agency_kind for d in DECISIONS)) >= 8
    assert len(Counter(d.province for d in DECISIONS)) >= 10


def test_docx_keeps_published_lines_as_paragraphs(tmp_path):
    from docx import Document

    decision = next(d for d in DECISIONS if d.id == "008")
    path = render_docx(decision.lines, tmp_path / "008.docx")
    assert [p.text for p in Document(str(path)).paragraphs] == decision.lines


def _pdf_lines(path) -> list[str]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    text = "\n".join(page.get_textpage().get_text_range() for page in doc)
    return [line for line in text.replace("\r\n", "\n").split("\n") if line.strip()]


@pytest.mark.parametrize("layout", ["two-line", "one-line"])
def test_pdf_heading_layouts(tmp_path, layout):
    decision = next(d for d in DECISIONS if d.id == "008")
    heading = Heading(decision.expect.agency, decision.expect.case_no)
    lines = _pdf_lines(render_pdf(decision.lines, tmp_path / f"{layout}.pdf", heading, layout))
    if layout == "two-line":
        assert lines[:3] == [heading.agency, TITLE, heading.case_no]
    else:
        assert lines[0] == f"{heading.agency} {TITLE} {heading.case_no}"
    body = strip_heading(decision.lines, heading)
    assert _compact("".join(lines[3 if layout == "two-line" else 1:])) == _compact("".join(body))
    assert sum(heading.case_no in line for line in lines) == 1, "the heading is not printed twice"


def test_pdf_wraps_mid_sentence_at_a_fixed_width(tmp_path):
    decision = next(d for d in DECISIONS if d.id == "008")
    lines = _pdf_lines(render_pdf(decision.lines, tmp_path / "008.pdf"))
    assert _compact("".join(lines)) == _compact(decision.text)
    assert len(lines) > len([line for line in decision.lines if line.strip()])
    assert max(len(line) for line in lines) <= 40
    # the fine sentence survives a wrap that cuts the long paragraphs mid-sentence
    assert "罚款600元整。" in lines
    assert any(not line.endswith(("。", "：", ":", "；", "）", ")")) for line in lines[5:])
