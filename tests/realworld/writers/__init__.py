"""Writers that print a real-world template dossier (tests/realworld/dossiers/<sector>-<n>/dossier.yaml) into
the .docx and PDF files an agency would hand in. One module per template family fixes the family's look; the
words are all in the yaml. Output goes to a folder the caller names (a tmp folder in tests): never committed."""

from __future__ import annotations

from pathlib import Path

from tests.realworld.writers import (
    agri,
    eco,
    forestry,
    health,
    henan,
    moj,
    police,
    safety,
    samr,
    samr_license,
    transport,
    urban,
    water,
    yunnan,
)
from tests.realworld.writers.docx_out import write_docx
from tests.realworld.writers.family import Family
from tests.realworld.writers.model import load
from tests.realworld.writers.pdf_out import write_pdf

FAMILIES: dict[str, Family] = {
    m.SECTOR: m.FAMILY
    for m in (samr, eco, safety, transport, urban, agri, police, health, water, forestry, henan, yunnan, samr_license,
              moj)
}


def render_dossier(folder: Path, out: Path) -> Path:
    """Render the dossier described by folder/dossier.yaml into out/<folder name>/ and return that folder.

    Every `file` named in the yaml becomes one file there (forms sharing a file follow each other on new
    pages); its suffix is .docx for format docx and .pdf for the PDF formats.
    """
    dossier = load(folder)
    fam = FAMILIES[dossier.sector]
    target = out / folder.name
    target.mkdir(parents=True, exist_ok=True)
    for name, docs in dossier.files().items():
        formats = {d.format for d in docs}
        if len(formats) != 1:
            raise ValueError(f"{folder.name}/{name}: one file, one format (got {sorted(formats)})")
        fmt = formats.pop()
        if fmt == "docx":
            write_docx(target / name, docs, fam)
        else:
            write_pdf(target / name, docs, fam, fmt)
    return target


def render_all(root: Path, out: Path) -> list[Path]:
    """Every dossier under root (folders holding a dossier.yaml), rendered under out."""
    return [render_dossier(f, out) for f in sorted(p.parent for p in root.glob("*/dossier.yaml"))]
