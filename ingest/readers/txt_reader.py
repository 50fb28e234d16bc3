"""Plain text (.txt) reader: one TextBlock per non-blank line, numbered like .docx paragraphs."""

from __future__ import annotations

from pathlib import Path

from ingest.errors import ReadError
from ingest.glossary import ProblemKind
from ingest.model import Document, Position, TextBlock
from ingest.readers.common import ReadLimits, corrupt, too_large


def read_txt(path: Path, source_file: str, limits: ReadLimits = ReadLimits()) -> Document:
    """UTF-8 first, GB18030 (what Chinese Windows Notepad writes) second."""
    raw = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise corrupt("文本文件", "既不是UTF-8也不是GB18030编码")
    doc = Document(source_file=source_file, file_format="txt", page_count=1)
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            doc.blocks.append(TextBlock(line, Position(paragraph=number)))
    if len(doc.blocks) > limits.max_blocks:
        raise too_large(f"文本文件行数超过上限 {limits.max_blocks}")
    if not doc.blocks:
        raise ReadError(ProblemKind.EMPTY, "文本文件中没有任何文字")
    return doc
