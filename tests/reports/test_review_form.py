"""The printable 评查表 (reports/review_form.py), opened with python-docx: what the reviewer reads and signs."""

from __future__ import annotations

from pathlib import Path

import docx

from reports.review_form import write_review_forms
from tests.reports.fake_history import SHIJIAN, make_campaigns


def test_one_form_per_file_with_items_evidence_and_signatures(tmp_path: Path) -> None:
    out = make_campaigns(tmp_path)[2025]
    forms = write_review_forms(out)
    assert len(forms) == 4 and all(p.parent.name == "评查表" for p in forms)  # one document per unit
    document = docx.Document(str(next(p for p in forms if p.stem == SHIJIAN)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert text.count("行政执法案卷评查表") == 2 and text.count("评查人（签名）") == 2
    assert text.count("复核人（签名）") == 2
    assert "评查结论：得分0（原始得分98），等次不合格" in text
    cases = [t for t in document.tables if t.rows[0].cells[0].text == "项目"]
    assert [c.text for c in cases[1].rows[1].cells] == ["被评查单位", SHIJIAN, "决定书文号", "京罚决字〔2025〕009号"]
    items = [t for t in document.tables if t.rows[0].cells[0].text == "序号"][1]
    rows = {r.cells[1].text: [c.text for c in r.cells[2:]] for r in items.rows[1:]}
    assert rows["未履行事先告知程序"][:2] == ["否决", ""]  # a veto deducts no points
    assert any(status == "扣分" and points and evidence for status, points, evidence in rows.values())
    everything = text + "".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "110101199003071234" not in everything  # masked as in circulated documents


def test_evidence_names_the_place_a_reviewer_finds() -> None:
    """A PDF page, a .docx place as ingest wrote it (page, heading, paragraph), a workbook cell; letters, which
    are circulated, keep the first two and never cite a cell."""
    import pandas as pd

    from reports.document_text import is_cell, location
    from reports.review_form import evidence_text

    docx_place = "第2页，“二、调查经过”下第3段"
    assert location("决定书.pdf", "3") == "决定书.pdf，第3页"
    assert location("询问笔录.docx", docx_place) == "询问笔录.docx，第2页，“二、调查经过”下第3段"
    assert location("台账.xlsx", "Sheet1!B3") == "台账.xlsx，Sheet1!B3"
    assert location("", "") == ""
    assert is_cell("Sheet1!B3") and not is_cell(docx_place) and not is_cell("3")
    finding = pd.Series({"message": "笔录未载明告知事项", "quote": "答：知道。", "source_file": "询问笔录.docx",
                         "page": docx_place})
    assert evidence_text(finding) == "笔录未载明告知事项。原文摘录：“答：知道。”（询问笔录.docx，第2页，“二、调查经过”下第3段）。"
