"""The dossier cache keeps outcomes as typed JSON: a round trip gives the same result, and a planted or damaged
file is refused (the dossier is read again) without running anything."""

from __future__ import annotations

import pickle
from pathlib import Path

from ingest.discover import discover_campaign
from pipelines.cache import load_outcome, store_outcome
from pipelines.stages import DossierOutcome, review_dossier
from scoring.checklist import load_checklist
from scoring.routing import RoutePlan
from tests.paths import SAMPLE_DOSSIERS


class _Planted:
    """Unpickling this would create a file: the proof that a cache file ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


def _one_outcome() -> DossierOutcome:
    ref = discover_campaign(SAMPLE_DOSSIERS).dossiers[0]
    checklist = load_checklist("penalty-general")
    return review_dossier(ref, RoutePlan.single("penalty-general", checklist.content_hash))


def test_round_trip_gives_the_same_scores_findings_and_evidence(tmp_path):
    outcome = _one_outcome()
    store_outcome(tmp_path, "dossier-abc", outcome)
    back = load_outcome(tmp_path, "dossier-abc", DossierOutcome)
    assert back == outcome
    assert back.result.total_score == outcome.result.total_score
    assert [(f.item_code, f.status, f.points_deducted, f.evidence) for f in back.result.findings] == [
        (f.item_code, f.status, f.points_deducted, f.evidence) for f in outcome.result.findings]
    assert back.result.elements.fine_amount == outcome.result.elements.fine_amount


def test_a_planted_pickle_is_refused_without_running_it(tmp_path):
    marker = tmp_path / "ran"
    (tmp_path / "dossier-abc.json").write_bytes(pickle.dumps(_Planted(marker)))
    (tmp_path / "dossier-abc.pkl").write_bytes(pickle.dumps(_Planted(marker)))
    assert load_outcome(tmp_path, "dossier-abc", DossierOutcome) is None
    assert not marker.exists()


def test_damaged_or_foreign_json_is_refused(tmp_path):
    (tmp_path / "dossier-a.json").write_text('{"result": {"dossier_id": 3}}', encoding="utf-8")
    (tmp_path / "dossier-b.json").write_bytes(b"\xff\xfe not json")
    assert load_outcome(tmp_path, "dossier-a", DossierOutcome) is None
    assert load_outcome(tmp_path, "dossier-b", DossierOutcome) is None
    assert load_outcome(tmp_path, "dossier-missing", DossierOutcome) is None
