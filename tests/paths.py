"""Where the project's files are, for tests in any folder."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_DOSSIERS = ROOT / "sample_dossiers"
SAMPLE_MANIFEST = ROOT / "tests" / "data" / "sample_manifest.json"
# the unit of mixed case types beside the three general-procedure units (make sample-mixed)
SAMPLE_MIXED_UNIT = "清河街道办事处"
SAMPLE_MIXED_MANIFEST = ROOT / "tests" / "data" / "sample_mixed_manifest.json"
SAMPLE_MIXED_ARGS = ("--types", "penalty-general,penalty-simple,license,coercion-measure,coercion-execution,inspection",
                     "--units", "1", "--per-unit", "18", "--first-unit", "3")
