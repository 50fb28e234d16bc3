"""Control characters are removed once, where text is read, and counted for the file's problem row."""

from __future__ import annotations

from ingest.model import Document, Position, Table, TextBlock
from ingest.readers.common import clean_document, clean_text


def test_clean_text_keeps_tabs_and_line_breaks() -> None:
    assert clean_text("甲\t乙\n丙\r\n丁\r") == ("甲\t乙\n丙\n丁\n", 0)
    assert clean_text("当事人\x1b：\x00张\x85三\x9b") == ("当事人：张三", 4)
    assert clean_text("第一行\x0b第二行\x0c第三页") == ("第一行\n第二行\n第三页", 2)


def test_a_document_is_cleaned_and_counted_once() -> None:
    doc = Document("a.xlsx", "xlsx", blocks=[TextBlock("备注\t\x1b数据", Position(cell="S!A1")),
                                              TextBlock("干净", Position(cell="S!A2"))],
                   tables=[Table((("备注", "\x1b数据"), ("干净", "")), Position(cell="S!A1"))])
    clean_document(doc)
    assert [b.text for b in doc.blocks] == ["备注\t数据", "干净"]
    assert doc.tables[0].rows == (("备注", "数据"), ("干净", ""))
    assert doc.control_characters == 1  # the table repeats the block's text: not counted twice
