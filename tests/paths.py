"""Where the project's files are, for tests in any folder."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOSSIERS = ROOT / "sample_dossiers"
SAMPLE_MANIFEST = ROOT / "tests" / "data" / "sample_manifest.json"
