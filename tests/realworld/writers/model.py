"""A dossier.yaml read into plain data: documents grouped by the file they are printed into.

The yaml is the source of the real-world template corpus; the writers only lay it out, so what a reviewer reads
in the rendered file is exactly what the yaml says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

FORMATS = ("docx", "pdf", "pdf-wrapped", "pdf-scan-like")


@dataclass(frozen=True)
class Cell:
    """One table cell as printed: its text (\\n = a line break inside the cell) and how far it spans."""

    text: str
    span: int = 1
    rowspan: int = 1


@dataclass
class Block:
    """One printed element: kind is p | right | center | table | stamp | break."""

    kind: str
    text: str = ""
    rows: list[list[Cell]] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)


@dataclass
class Doc:
    title: str
    file: str
    format: str
    heading: list[str]
    number: str
    blocks: list[Block]
    template: str = ""


@dataclass
class Dossier:
    folder: Path
    sector: str
    case: str
    documents: list[Doc]

    def files(self) -> dict[str, list[Doc]]:
        """Documents by output file, in the order the yaml lists them (several may share one file)."""
        grouped: dict[str, list[Doc]] = {}
        for d in self.documents:
            grouped.setdefault(d.file, []).append(d)
        return grouped


def _cell(raw) -> Cell:
    if isinstance(raw, dict):
        return Cell(str(raw.get("text", "")), int(raw.get("span", 1)), int(raw.get("rowspan", 1)))
    return Cell("" if raw is None else str(raw))


def _block(raw) -> Block:
    if isinstance(raw, str):
        return Block("p", raw)
    if "table" in raw:
        rows = [[_cell(c) for c in row] for row in raw["table"]]
        return Block("table", rows=rows, widths=[float(w) for w in raw.get("widths", [])])
    for kind in ("p", "right", "center"):
        if kind in raw:
            return Block(kind, str(raw[kind]))
    if raw.get("stamp"):
        return Block("stamp")
    if raw.get("break"):
        return Block("break")
    raise ValueError(f"unknown block: {raw!r}")


def load(folder: Path) -> Dossier:
    data = yaml.safe_load((folder / "dossier.yaml").read_text(encoding="utf-8"))
    docs = []
    for raw in data["documents"]:
        fmt = raw["format"]
        if fmt not in FORMATS:
            raise ValueError(f"{folder.name}: unknown format {fmt}")
        heading = raw.get("heading") or [raw["title"]]
        docs.append(
            Doc(
                title=raw["title"],
                file=raw["file"],
                format=fmt,
                heading=[str(h) for h in heading],
                number=str(raw.get("number", "")),
                blocks=[_block(b) for b in raw.get("content", [])],
                template=str(raw.get("template", "")),
            )
        )
    return Dossier(folder=folder, sector=data["sector"], case=str(data["case"]), documents=docs)
