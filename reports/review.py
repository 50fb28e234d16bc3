"""`pingcha review apply SCORECARD.xlsx --out NEW_OUT`: a reviewed copy of a run, never touching the original.

The new folder is a complete output set (cases, findings with auto_status/override_reason/reviewer at the
end, problems, run.json with a `review` section, audit.csv, scorecards.xlsx, charts), so it can itself be
reviewed again: its findings and audit log carry every earlier override forward.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pandas as pd

from reports.charts import render_campaign_charts
from reports.glossary import REPORT_ZH
from reports.loading import AUDIT_FILE_COLUMNS, joined_findings, load_run, write_contract_csv
from reports.overrides import (
    OverrideError,
    _err,
    apply_overrides_to_run,
    chain_head,
    check_audit_chain,
    checked_checklists,
    locate_base,
)
from reports.review_merge import read_copies
from reports.scorecard import SCORECARD_NAME, write_scorecard


@dataclass(frozen=True, slots=True)
class ReviewSummary:
    """What `review apply` did, for the command's one-screen report."""

    base_out: Path
    new_out: Path
    edits_read: int
    changes: int
    dossiers_rescored: list[str]
    grade_changes: list[tuple[str, str, str]]  # dossier_id, old grade, new grade
    scorecard: Path
    audit: Path
    charts: list[Path] = field(default_factory=list)

    def describe(self) -> str:
        """The command's report: counts, grade changes, where the new output is."""
        lines = [REPORT_ZH["review_done"].format(edits=self.edits_read, changes=self.changes,
                                                 files=len(self.dossiers_rescored), grades=len(self.grade_changes))]
        lines += [f"  {dossier_id}: {old} → {new}" for dossier_id, old, new in self.grade_changes]
        lines.append(REPORT_ZH["review_out"].format(path=self.new_out))
        return "\n".join(lines)


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def reviewed_counts(cases: pd.DataFrame) -> dict[str, Any]:
    """run.json's counts that follow the scores: graded files, grades, vetoed and flagged files."""
    graded = cases[cases["grade"].astype(str) != ""]
    return {"scored": len(graded), "grades": dict(Counter(graded["grade"].astype(str))),
            "vetoed": int(cases["vetoed"].astype(bool).sum()),
            "needs_review": int(cases["needs_review"].astype(bool).sum())}


def _as_list(scorecards: Path | str | Sequence[Path | str]) -> list[Path]:
    chosen = [scorecards] if isinstance(scorecards, str | Path) else list(scorecards)
    return [Path(s).resolve() for s in chosen]


def write_reviewed_run(scorecards: Path | Sequence[Path], new_out: Path,
                       prepare: Callable[[], None] | None = None) -> ReviewSummary:
    """Apply the 复核 columns of one scorecard, or of several reviewers' copies of it (reports/review_merge.py),
    to the run they were made from; write the reviewed contract files and run.json into new_out.

    Edits are checked against, and files re-scored with, each file's own checklist (run.json, cases.csv
    `checklist`); a run whose checklists cannot be loaded is refused with the reason (ChecklistError), never scored by a guess. The
    documents, validation, charts and scorecard are the finishing jobs' (apply_review, or the CLI's).
    `prepare` readies new_out once every edit has been read and checked: a refused review writes nothing.
    """
    scorecards = _as_list(scorecards)
    base = locate_base(scorecards[0]).resolve()
    new_out = Path(new_out).resolve()
    if _inside(new_out, base):
        raise OverrideError([("", "", _err("out_is_base", value=new_out))])
    run = load_run(base)
    check_audit_chain(run)
    checklist = checked_checklists(run)
    edits = read_copies(scorecards, checklist, run.findings)
    at = datetime.now().astimezone()
    reviewed = apply_overrides_to_run(run, edits, checklist, at=at, source=scorecards[0].name)

    if prepare is not None:
        prepare()
    new_out.mkdir(parents=True, exist_ok=True)
    write_contract_csv(reviewed.cases, new_out / "cases.csv")
    write_contract_csv(joined_findings(reviewed), new_out / "findings.csv")  # supplements' rows as they were
    if (base / "problems.csv").exists():
        shutil.copyfile(base / "problems.csv", new_out / "problems.csv")
    else:
        write_contract_csv(reviewed.problems, new_out / "problems.csv")
    write_contract_csv(reviewed.audit[list(AUDIT_FILE_COLUMNS)], new_out / "audit.csv")

    before = dict(zip(run.cases["dossier_id"], run.cases["grade"], strict=True))
    after = dict(zip(reviewed.cases["dossier_id"], reviewed.cases["grade"], strict=True))
    rescored = sorted(set(reviewed.audit["dossier_id"].iloc[len(run.audit):]))
    raw = dict(run.run.raw)
    raw["counts"] = {**raw.get("counts", {}), **reviewed_counts(reviewed.cases)}
    history = list((run.run.review or {}).get("history", []))
    if run.run.review:
        history.append({k: v for k, v in run.run.review.items() if k != "history"})
    raw["review"] = {
        "applied_at": at.isoformat(timespec="seconds"),
        "scorecard": str(scorecards[0]),
        "scorecard_sha256": _sha256(scorecards[0]),
        **({"scorecards": [{"path": str(s), "sha256": _sha256(s)} for s in scorecards]}
           if len(scorecards) > 1 else {}),
        "base_out": str(base),
        "base_fingerprint": run.fingerprint,
        "edits_read": len(edits),
        "changes": len(reviewed.audit) - len(run.audit),
        "dossiers_rescored": rescored,
        "reviewers": sorted(set(reviewed.audit["reviewer"].iloc[len(run.audit):])),
        "overrides_total": int((reviewed.findings["auto_status"] != "").sum()),
        "audit_head": chain_head(reviewed),
        "history": history,
    }
    (new_out / "run.json").write_text(json.dumps(raw, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return ReviewSummary(
        base_out=base,
        new_out=new_out,
        edits_read=len(edits),
        changes=raw["review"]["changes"],
        dossiers_rescored=rescored,
        grade_changes=[(d, before.get(d, ""), after[d]) for d in rescored if before.get(d) != after.get(d)],
        scorecard=new_out / SCORECARD_NAME,
        audit=new_out / "audit.csv",
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def apply_review(scorecards: Path | Sequence[Path], new_out: Path) -> ReviewSummary:
    """write_reviewed_run, then the reviewed run's charts and scorecard (without the documents and the
    history record that `pingcha review apply` adds through the run's finishing jobs)."""
    summary = write_reviewed_run(scorecards, new_out)
    result = load_run(summary.new_out)
    charts = render_campaign_charts(result, summary.new_out)
    write_scorecard(result, summary.scorecard, charts)
    return replace(summary, charts=charts)
