"""`python -m samplegen OUT …`: generate a sample campaign (and its manifest, outside OUT).

The defaults reproduce the committed sample_dossiers/:
    python -m samplegen sample_dossiers --overwrite --manifest tests/data/sample_manifest.json
"""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path

from samplegen.case_types import CASE_TYPES, parse_types
from samplegen.spec import build_campaign
from samplegen.writers import write_campaign, write_manifest


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m samplegen", description="生成评查样例案卷")
    ap.add_argument("out", type=Path, help="the campaign folder to write")
    ap.add_argument("--units", type=int, default=3)
    ap.add_argument("--per-unit", type=int, default=4)
    ap.add_argument("--seed", type=int, default=2025)
    ap.add_argument("--year", type=int, default=2025)
    ap.add_argument("--defect-rate", type=float, default=0.5)
    ap.add_argument("--styles", choices=("standard", "varied"), default="standard")
    ap.add_argument("--scanned-share", type=float, default=0.0)
    ap.add_argument("--single-file-share", type=float, default=0.1,
                    help="share of dossiers written as one PDF (default 0.1, as in sample_dossiers)")
    ap.add_argument("--pages-target", type=int, default=None, help="about this many pages per dossier")
    ap.add_argument("--manifest", type=Path, default=None, help="ground-truth JSON (never inside OUT)")
    ap.add_argument("--overwrite", action="store_true", help="replace a non-empty OUT")
    ap.add_argument("--types", default="penalty-general",
                    help=f"comma-separated case types: {', '.join(CASE_TYPES)} (default the first)")
    ap.add_argument("--first-unit", type=int, default=0,
                    help="start at this unit of the catalogue (a unit added beside existing ones)")
    args = ap.parse_args(argv)

    out: Path = args.out
    try:
        types = parse_types(args.types)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.manifest is not None and _inside(args.manifest, out):
        print(f"error: the manifest must not be written inside {out}", file=sys.stderr)
        return 2
    if out.exists() and any(out.iterdir()):
        if not args.overwrite:
            print(f"error: {out} exists and is not empty (use --overwrite)", file=sys.stderr)
            return 2
        shutil.rmtree(out)
    started = time.perf_counter()
    spec = build_campaign(args.seed, args.units, args.per_unit, year=args.year, defect_rate=args.defect_rate,
                          styles=args.styles, scanned_share=args.scanned_share,
                          single_file_share=args.single_file_share, pages_target=args.pages_target,
                          types=types, first_unit=args.first_unit)
    write_campaign(spec, out)
    if args.manifest is not None:
        write_manifest(spec, args.manifest)
    print(f"{len(spec.dossiers)} dossiers in {len(spec.units)} units written to {out} "
          f"in {time.perf_counter() - started:.1f} s")
    return 0


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
        return True
    except ValueError:
        return False


if __name__ == "__main__":
    sys.exit(main())
