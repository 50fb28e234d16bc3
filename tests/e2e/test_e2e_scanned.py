"""A wholly scanned single-file dossier is read through offline OCR, and its key elements come out right."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from ingest.discover import discover_campaign
from scoring.checklist import load_checklist

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def scanned(tmp_path_factory):
    from ingest.ocr import ocr_available
    from samplegen.__main__ import main as generate

    if not ocr_available():
        pytest.fail("the OCR engine (rapidocr) is a dependency of pingcha and must be installed")
    root = tmp_path_factory.mktemp("scanned")
    manifest_path = root / "manifest.json"
    args = [str(root / "campaign"), "--units", "1", "--per-unit", "1", "--seed", "7", "--defect-rate", "0",
            "--scanned-share", "1.0", "--single-file-share", "1.0", "--manifest", str(manifest_path)]  # fmt: skip
    assert generate(args) == 0
    truth = json.loads(manifest_path.read_text(encoding="utf-8"))["dossiers"][0]
    (ref,) = discover_campaign(root / "campaign").dossiers
    return ref, truth


def test_scanned_single_file_dossier_is_read_through_ocr(scanned):
    from pipelines.stages import review_dossier
    from scoring.routing import RoutePlan

    ref, truth = scanned
    assert ref.single_file and all(doc["scanned"] for doc in truth["documents"])
    checklist = load_checklist("penalty-general")
    outcome = review_dossier(ref, RoutePlan.single(str(checklist.source_path), checklist.content_hash))
    elements = outcome.result.elements
    assert outcome.ocr_pages == outcome.pages > 10
    assert not [p for p in outcome.problems if p.kind.value.startswith("ocr")]
    assert elements.case_no.value == truth["elements"]["case_no"]
    assert elements.party_name.value == truth["elements"]["party_name"]
    assert elements.fine_amount.value == Decimal(truth["elements"]["fine_amount"])
    assert elements.decision_date.value.isoformat() == truth["elements"]["decision_date"]
    # the evidence of a value read by OCR still points at its page
    assert elements.case_no.evidence.position.page is not None
    assert outcome.result.grade == truth["expected_grade"]
