"""Supervision letter drafts (执法监督意见书): one per unit with any vetoed or 不合格 file.

beijing-2024-enforcement-supervision-measures.txt 第十四条: a supervision body that finds quality problems
issues a 行政执法监督意见书, and a 监督决定书 when the unit does not rectify. Each letter names the files,
every problem with its legal basis (the checklist item's `statute`), and a rectification deadline. Text is
masked like the circular's; document number, dates and the deadline's calendar date are placeholders.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingest.glossary import ELEMENT_ZH
from reports.contract_csv import fmt_number
from reports.document_text import campaign_name, location
from reports.glossary import CHINESE_NUMERALS, DOC_ZH, FILE_NAMES_ZH, LETTER_ZH
from reports.govdoc import GovDoc
from reports.loading import RunData, load_run
from reports.masking import NameMasker, individual_names
from reports.memory import release_freed_memory
from reports.safe_names import safe_file_name
from reports.summary import failed
from scoring.checklist import Checklist
from scoring.glossary import GRADE_FAIL, TERMS_ZH
from scoring.model import case_part

LETTERS_DIR = FILE_NAMES_ZH["letters_dir"]  # conventional folder: write_supervision_letters(out, out / LETTERS_DIR)


def statutes_of(checklist: Checklist | None) -> dict[str, str]:
    """item code -> statute reference, from the run's checklist; empty when it could not be loaded, so
    letters still come out (each basis then reads 见评查标准)."""
    return {item.code: item.statute for item in checklist.items} if checklist is not None else {}


def _score(case: pd.Series) -> str:
    if case["vetoed"]:
        raw = case["raw_score"]
        return DOC_ZH["score_vetoed"].format(raw=fmt_number(raw) if pd.notna(raw) else "—")
    return fmt_number(case["total_score"]) if pd.notna(case["total_score"]) else "—"


def _letter(data: RunData, unit: str, flagged: pd.DataFrame, statutes: dict[str, str], deadline_days: int,
            mask: NameMasker) -> GovDoc:
    doc = GovDoc(mask=mask)
    organizer = DOC_ZH["organizer"]
    doc.center(LETTER_ZH["doc_no"])
    doc.title(LETTER_ZH["title"])
    doc.para(LETTER_ZH["addressee"].format(unit=unit), indent=False)
    files = int((data.cases["unit"] == unit).sum())
    doc.para(LETTER_ZH["intro"].format(organizer=organizer, campaign=campaign_name(data), files=files,
                                       flagged=len(flagged)))
    doc.heading(LETTER_ZH["h_files"])
    doc.table(
        (TERMS_ZH["seq"], ELEMENT_ZH["dossier_id"], ELEMENT_ZH["case_no"], ELEMENT_ZH["party_name"],
         ELEMENT_ZH["total_score"], ELEMENT_ZH["grade"]),
        [[str(i), case_part(c["dossier_id"]), c["case_no"], c["party_name"], _score(c), c["grade"]]
         for i, (_, c) in enumerate(flagged.iterrows(), start=1)],
    )
    doc.heading(LETTER_ZH["h_problems"])
    hits = data.findings[failed(data.findings)]
    for i, (_, case) in enumerate(flagged.iterrows(), start=1):
        doc.heading(LETTER_ZH["dossier"].format(n=_numeral(i), dossier=case_part(case["dossier_id"]),
                                                case_no=case["case_no"] or "—", score=_score(case),
                                                grade=case["grade"]), level=2)
        rows = hits[hits["dossier_id"] == case["dossier_id"]]
        rows = rows.assign(_veto=~rows["veto"]).sort_values("_veto", kind="stable")  # veto items first
        for n, (_, f) in enumerate(rows.iterrows(), start=1):
            message = str(f["message"]).rstrip("。；;，,")
            text = LETTER_ZH["problem"].format(n=n, item_name=f["item_name"], item_code=f["item_code"],
                                               veto=LETTER_ZH["veto_mark"] if f["veto"] else "",
                                               message=message + "。" if message else "")
            if f["quote"]:
                text += LETTER_ZH["quote"].format(quote=f["quote"], where=location(f["source_file"], f["page"]))
            text += LETTER_ZH["basis"].format(statute=statutes.get(f["item_code"]) or LETTER_ZH["no_statute"])
            doc.para(text)
    doc.heading(LETTER_ZH["h_opinions"])
    for key in ("req_1", "req_2", "req_3"):
        doc.para(LETTER_ZH[key].format(days=deadline_days, deadline=LETTER_ZH["deadline"], organizer=organizer))
    doc.signature([f"{organizer}{LETTER_ZH['seal']}", DOC_ZH["date_placeholder"]])
    return doc


def _numeral(n: int) -> str:
    return CHINESE_NUMERALS[n - 1] if n <= len(CHINESE_NUMERALS) else str(n)


def flagged_cases(cases: pd.DataFrame) -> pd.DataFrame:
    """Files that warrant a letter: any veto item hit, or graded 不合格."""
    return cases[cases["vetoed"] | (cases["grade"] == GRADE_FAIL)]


def write_supervision_letters(out_dir: Path, letters_dir: Path, deadline_days: int = 30) -> list[Path]:
    """One `<unit>.docx` in `letters_dir` per unit with a vetoed or 不合格 file (pass OUT/监督意见书 for the
    conventional layout); returns the paths, in unit order. Units without such files get no letter."""
    data = load_run(Path(out_dir))
    statutes = statutes_of(data.checklist)
    mask = NameMasker(individual_names(data.cases))  # one per campaign: compiling it is the costly part
    flagged = flagged_cases(data.cases)
    letters_dir = Path(letters_dir)
    written: list[Path] = []
    for unit, group in flagged.groupby("unit", sort=True):
        doc = _letter(data, str(unit), group, statutes, deadline_days, mask)
        written.append(doc.save(letters_dir / f"{safe_file_name(str(unit))}.docx"))
        del doc
        release_freed_memory()  # else each letter's freed XML stays in the process (reports/memory.py)
    return written


__all__ = ["LETTERS_DIR", "flagged_cases", "statutes_of", "write_supervision_letters"]
