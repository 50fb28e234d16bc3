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
