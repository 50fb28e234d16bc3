"""`pingcha review apply A.xlsx [B.xlsx …] --out NEW`: the reviewed run, with everything a run writes.

After the reviewers' decisions the circular, the letters, the 评查表, validation, charts, the scorecard,
run.json's counts and the history store must all follow the reviewed scores, or the bureau signs the
machine's first verdict. So the reviewed contract files (reports/review.py) go through the very finishing
jobs a run calls (pipelines/finish.py), into an output folder guarded as a run's is (pipelines/outputs.py).
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from pipelines import finish
from pipelines.outputs import check_out_dir, fresh_stage, prepare_out_dir, publish_outputs

KEEP_STORE = "run"  # --history's default: the store the reviewed run was recorded in


def review_store(base: Path, raw: dict[str, Any], history: str | None) -> str | None:
    """The history store the round is recorded in: --history when given (None: --no-history), else the one
    the run was recorded in, so the reviewed scores replace the machine's there (none if it was not)."""
    from reports.publish import resolve_history

    if history != KEEP_STORE:
        return resolve_history(base, history)
    if "history" not in (raw.get("publication") or {}):
        return None
    return resolve_history(base, (raw.get("arguments") or {}).get("history"))


def apply_reviews(scorecards: list[Path], out: Path, overwrite: bool = False,
                  history: str | None = KEEP_STORE, scratch: Path | None = None) -> tuple[Any, dict[str, Any]]:
    """Write the reviewed run into `out` and finish it as a run is finished; returns (ReviewSummary, the
    run.json written). Raises OutputDirError for a bad `out`, OverrideError for edits that cannot apply.

    With `scratch` (the lock's scratch folder, pipelines/runlock.py) everything is written in a staging folder
    there and moved into `out` by rename, run.json last, as a run's outputs are: a kill leaves no half-written
    file in `out`."""
    from reports.overrides import locate_base

    base = locate_base(scorecards[0]).resolve()
    raw = json.loads((base / "run.json").read_text(encoding="utf-8"))
    dossiers = (raw.get("arguments") or {}).get("dossiers")
    for root in ([Path(dossiers)] if dossiers else []):
        check_out_dir(out, root, overwrite)  # neither inside the case files nor holding them
    check_out_dir(out, base, overwrite)  # nor inside the run it reviews, nor holding others' files

    from reports.review import reviewed_counts, write_reviewed_run

    # the folder is cleared only once every edit is read and checked: a refused review writes nothing
    stage = fresh_stage(scratch) if scratch is not None else None
    # staged, the previous outputs in `out` stay until publication replaces them; unstaged, they are cleared here
    prepare = (lambda: Path(out).mkdir(parents=True, exist_ok=True)) if stage else (
        lambda: prepare_out_dir(out, base, overwrite))
    summary = write_reviewed_run(scorecards, stage or out, prepare=prepare)
    store = review_store(base, raw, history)
    target, shown = str(summary.new_out), str(Path(out).resolve())
    validated = finish.validate(target)  # flags files for review in cases.csv: before what shows cases
    charts = finish.charts(target)
    scorecard = finish.scorecard(target, charts.value, shown)  # its _meta names OUT, not the staging folder
    recorded = finish.history(target, store, shown)
    documents = finish.documents(target, store, "history" in recorded.value)
    forms = finish.review_forms(target)
    units = finish.unit_findings(target)  # the registers' count: the same as the run's, written again here

    from reports.loading import load_run

    run_json = summary.new_out / "run.json"
    written = json.loads(run_json.read_text(encoding="utf-8"))
    written["counts"] = {**written.get("counts", {}), **reviewed_counts(load_run(summary.new_out).cases)}
    written["validation"] = validated.value
    written["reports"] = [scorecard.value, *charts.value]
    written["publication"] = {**recorded.value, **documents.value, **forms.value, **units.value}
    if stage is None:
        run_json.write_text(json.dumps(written, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return summary, written
    written = publish_outputs(stage, Path(out).resolve(), written)
    new_out = Path(out).resolve()
    return replace(summary, new_out=new_out, scorecard=new_out / summary.scorecard.name,
                   audit=new_out / summary.audit.name), written
