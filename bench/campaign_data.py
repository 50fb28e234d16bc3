"""Generated benchmark campaigns, cached under bench/out/campaigns/<key> so a re-run does not regenerate.

The key hashes the generator's parameters and its source code: new generator code means new files.
A `.complete` marker is written last, so an interrupted generation is redone rather than half-used.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CACHE = ROOT / "bench" / "out" / "campaigns"
PER_UNIT = 20  # 1,000 dossiers = 50 units (the generator runs out of distinct party names near 25 per unit)


@dataclass(frozen=True)
class CampaignParams:
    dossiers: int = 1000
    seed: int = 2025
    pages_target: int = 15
    scanned_share: float = 0.0
    single_file_share: float = 0.1
    styles: str = "varied"

    @property
    def units(self) -> int:
        return max(1, -(-self.dossiers // PER_UNIT))

    @property
    def per_unit(self) -> int:
        return -(-self.dossiers // self.units)

    def key(self) -> str:
        digest = hashlib.sha256(json.dumps(asdict(self), sort_keys=True).encode())
        for path in sorted((ROOT / "samplegen").rglob("*.py")):
            digest.update(path.read_bytes())
        return f"n{self.dossiers}-s{self.seed}-{digest.hexdigest()[:12]}"


def _write_chunk(spec, dossier_ids: list[str], out: str) -> int:
    from samplegen.writers import write_dossier

    wanted = set(dossier_ids)
    for d in spec.dossiers:
        if d.dossier_id in wanted:
            write_dossier(d, Path(out))
    return len(wanted)


def ensure_campaign(params: CampaignParams, cache: Path = DEFAULT_CACHE, workers: int = 2) -> tuple[Path, float]:
    """The campaign folder for `params` (generated if missing) and the seconds generation took (0 if cached).

    Dossiers are written by `workers` processes; unit registers last, as `write_campaign` writes them.
    """
    from samplegen import build_campaign
    from samplegen.writers import _register

    target = cache / params.key()
    dossiers = target / "dossiers"
    if (target / ".complete").exists():
        return dossiers, 0.0
    if target.exists():
        shutil.rmtree(target)
    started = time.perf_counter()
    dossiers.mkdir(parents=True)
    spec = build_campaign(
        params.seed, params.units, params.per_unit, styles=params.styles,
        scanned_share=params.scanned_share, single_file_share=params.single_file_share,
        pages_target=params.pages_target or None,
    )  # fmt: skip
    spec.dossiers = spec.dossiers[: params.dossiers]
    for unit in spec.units:
        (dossiers / unit.name).mkdir(parents=True)
    ids = [d.dossier_id for d in spec.dossiers]
    chunks = [ids[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        list(pool.map(_write_chunk, [spec] * workers, chunks, [str(dossiers)] * workers))
    for unit in spec.units:  # as write_campaign does, after the dossiers
        rows = [d for d in spec.dossiers if d.unit == unit.name]
        (dossiers / unit.register_file).write_bytes(_register(unit.name, spec.year, rows))
    (target / "params.json").write_text(json.dumps(asdict(params), indent=2))
    (target / ".complete").write_text("")
    return dossiers, time.perf_counter() - started
