"""Deterministic sample-dossier generator: a campaign spec with ground truth, written as real files.

    spec = build_campaign(seed=2025, units=3, per_unit=4)
    write_campaign(spec, Path("out/dossiers"))
    write_manifest(spec, Path("out/manifest.json"))   # never inside the dossiers folder
"""

from pipelines.samplegen.spec import CampaignSpec, DocSpec, DossierSpec, PartySpec, UnitSpec, build_campaign
from pipelines.samplegen.writers import manifest, write_campaign, write_manifest

__all__ = ["CampaignSpec", "DocSpec", "DossierSpec", "PartySpec", "UnitSpec", "build_campaign", "manifest",
           "write_campaign", "write_manifest"]
