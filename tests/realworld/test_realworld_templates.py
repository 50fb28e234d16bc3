"""The real-world template corpus (tests/realworld/dossiers): every dossier's labels cover the whole
penalty-general checklist and agree with its planted defects, and every dossier renders into the .docx and PDF
files a reviewer would open, with the decision's number and party where the officer wrote them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.paths import ROOT
from tests.realworld.writers import render_dossier
from tests.realworld.writers.model import load

DOSSIERS_DIR = Path(__file__).parent / "dossiers"
DOSSIERS = sorted(p.parent for p in DOSSIERS_DIR.glob("*/dossier.yaml"))
ELEMENTS = ["case_no", "agency", "party_name", "party_kind", "party_id", "violation_date", "source_date", "filing_date", "notice_date", "notice_served_date", "hearing_date", "decision_date", "delivery_date", "fine_amount", "notice_fine_amount", "officers", "officer_cert_nos"]


def _codes() -> list[str]:
    data = yaml.safe_load((ROOT / "scoring" / "checklists" / "penalty-general.yaml").read_text("utf-8"))
    found: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("code"), str):
                found.append(node["code"])
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(data)
    return found


def _expect(folder: Path) -> dict:
    return yaml.safe_load((folder / "expect.yaml").read_text("utf-8"))


def test_corpus_spans_sectors():
    sectors = {load(f).sector for f in DOSSIERS}
    assert len(DOSSIERS) >= 12 and len(sectors) >= 5


@pytest.mark.parametrize("folder", DOSSIERS, ids=lambda p: p.name)
def test_labels_cover_checklist_and_defects(folder):
    exp = _expect(folder)
    assert set(exp["items"]) == set(_codes())
    assert set(ELEMENTS) <= set(exp["elements"])
    fails = {code for code, item in exp["items"].items() if item["status"] == "fail"}
    assert fails == {d["code"] for d in exp["planted_defects"]}
    for code, item in exp["items"].items():
        assert item["status"] in {"pass", "fail", "n/a", "unsure"}, code
        if item["status"] == "fail":
            assert item["reason"]
            assert item["points"] > 0 or code.startswith("V"), code


def _text(path: Path) -> str:
    if path.suffix == ".docx":
        import docx

        d = docx.Document(str(path))
        cells = [c.text for t in d.tables for row in t.rows for c in row.cells]
        return "\n".join([p.text for p in d.paragraphs] + cells)
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.mark.parametrize("folder", DOSSIERS, ids=lambda p: p.name)
def test_rendered_decision_reads_as_labelled(folder, tmp_path):
    dossier, exp = load(folder), _expect(folder)
    out = render_dossier(folder, tmp_path)
    assert sorted(p.name for p in out.iterdir()) == sorted(dossier.files())
    decision = next(d for d in dossier.documents if d.title == "行政处罚决定书")
    assert decision.format != "pdf-scan-like"
    text = _text(out / decision.file).replace("\n", "")
    if decision.format == "pdf-wrapped":
        text = text.replace(" ", "")
    assert exp["elements"]["case_no"] in text
    assert exp["elements"]["party_name"] in text
