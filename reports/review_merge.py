"""Several reviewers' copies of one scorecard, applied together: their edits merged, their conflicts named.

A panel of two or three reviewers fills in copies of the same scorecard (交叉评查). Their decisions are one
review round, so they are read into one list of edits: the same decision on the same row in two copies is
one edit (reviewers and reasons joined), different decisions on the same row are refused with both cells
named, never guessed. Copies made from different runs cannot be applied together.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reports.loading import ChecklistOf
from reports.overrides import OverrideError, ReviewEdit, _err, checked_meta, known_pairs, read_overrides
from reports.scorecard import META_SHEET
from scoring.checklist import Checklist

JOIN = "、"


def _decision(edit: ReviewEdit) -> tuple[str, float, bool]:
    return edit.status.value, edit.points, edit.veto


def _merged(first: ReviewEdit, other: ReviewEdit) -> ReviewEdit:
    """One edit for two copies that agree: both reviewers, both reasons (each once)."""
    def join(a: str, b: str) -> str:
        return a if b in a.split(JOIN) else f"{a}{JOIN}{b}"

    return replace(first, reviewer=join(first.reviewer, other.reviewer), reason=join(first.reason, other.reason))


def merge_edits(per_copy: list[list[ReviewEdit]]) -> list[ReviewEdit]:
    """The edits of every copy as one list in first-seen order; raises OverrideError naming both cells of
    every row two copies decide differently."""
    merged: dict[tuple[str, str], ReviewEdit] = {}
    problems: list[tuple[str, str, str]] = []
    for edits in per_copy:
        for edit in edits:
            key = (edit.dossier_id, edit.item_code)
            seen = merged.get(key)
            if seen is None:
                merged[key] = edit
            elif _decision(seen) == _decision(edit):
                merged[key] = _merged(seen, edit)
            else:
                problems.append((edit.sheet, edit.cell, _err(
                    "conflict", first=seen.source, second=edit.source, dossier=edit.dossier_id,
                    item=edit.item_code, a=_shown(seen), b=_shown(edit))))
    if problems:
        raise OverrideError(problems)
    return list(merged.values())


def _shown(edit: ReviewEdit) -> str:
    return f"{edit.choice} {edit.points:g}" if edit.points else edit.choice


def read_copies(scorecards: list[Path], checklist: Checklist | ChecklistOf, findings) -> list[ReviewEdit]:
    """Every copy's edits (read_overrides), each tagged with its file name, merged; the copies must all
    have been made from the run of the first."""
    first = checked_meta(scorecards[0])["fingerprint"]
    known = known_pairs(findings)
    per_copy = []
    for scorecard in scorecards:
        if checked_meta(scorecard)["fingerprint"] != first:
            where = f"{scorecard.name}!{META_SHEET}"
            raise OverrideError([("", "", _err("other_base", where=where, first=scorecards[0].name))])
        name = scorecard.name if len(scorecards) > 1 else ""
        per_copy.append([replace(e, workbook=name) for e in read_overrides(scorecard, checklist, known)])
    return merge_edits(per_copy)
