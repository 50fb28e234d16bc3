"""Deterministic sample-dossier generator: a campaign spec with ground truth, written as real files.

    spec = build_campaign(seed=2025, units=3, per_unit=4)
    write_campaign(spec, Path("out/dossiers"))
    write_manifest(spec, Path("out/manifest.json"))   # never inside the dossiers folder

It is the test oracle, so it is a package of its own and never imports extraction, scoring, reports or
pipelines (tests/test_layers.py): its titles, dates, working days (workdays.py, its own reading of the
State Council calendar) and expected findings are written here, so a wrong assumption in the pipeline
cannot reappear in the ground truth it is checked against. It does import ingest.glossary's DocKind: that
is only the names of the document kinds, the contract both sides must share, not how a kind is recognised.
"""

from samplegen.model import CampaignSpec, DocSpec, DossierSpec, PartySpec, UnitSpec
from samplegen.spec import build_campaign
from samplegen.writers import manifest, write_campaign, write_manifest

__all__ = ["CampaignSpec", "DocSpec", "DossierSpec", "PartySpec", "UnitSpec", "build_campaign", "manifest",
           "write_campaign", "write_manifest"]
