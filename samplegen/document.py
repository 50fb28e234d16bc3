"""A document's words independent of its file format: a title and a list of blocks (paragraphs, tables).

The renderers lay a `Doc` out as .docx, text PDF, image PDF or .xlsx.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Para:
    text: str
    align: str = "left"  # left | center | right
    bold: bool = False
    size: float = 12
    indent: bool = False  # first-line indent of two characters


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths


@dataclass
class Doc:
    title: str
    blocks: list[Para | Table] = field(default_factory=list)

    def p(self, text: str, **kw) -> Doc:
        self.blocks.append(Para(text, **kw))
        return self

    def table(self, rows: list[list[str]] | list[tuple[str, ...]], widths: tuple[float, ...] = ()) -> Doc:
        self.blocks.append(Table(tuple(tuple(r) for r in rows), widths))
        return self

    def text(self) -> str:
        lines = []
        for b in self.blocks:
            lines.extend([b.text] if isinstance(b, Para) else ["\t".join(r) for r in b.rows])
        return "\n".join(lines)
