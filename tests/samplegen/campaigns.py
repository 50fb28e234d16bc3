"""Generated campaigns the typed-standard tests share: a plan of dossiers written with its manifest."""

from __future__ import annotations

import json
from pathlib import Path

from samplegen import build_campaign, write_campaign, write_manifest
from samplegen.model import DossierPlan


def planned_campaign(out: Path, plan: list[DossierPlan], seed: int) -> tuple[Path, dict]:
    """One unit holding `plan`'s dossiers in order, written under `out`: (dossiers folder, manifest)."""
    spec = build_campaign(seed=seed, units=1, per_unit=len(plan), plan=plan, first_unit=3)
    write_campaign(spec, out / "dossiers")
    write_manifest(spec, out / "manifest.json")
    return out / "dossiers", json.loads((out / "manifest.json").read_text(encoding="utf-8"))


def assert_clean_files_score_100(data: dict, checklists) -> None:
    """The manifest's clean files cover `checklists`, each expected at 100, 优秀, nothing failed."""
    clean = [d for d in data["dossiers"] if not d["defects"]]
    assert {d["checklist"] for d in clean} == set(checklists)
    for d in clean:
        assert d["expected_total_score"] == 100 and d["expected_grade"] == "优秀", d["dossier_id"]
        assert "fail" not in d["expected"].values()
