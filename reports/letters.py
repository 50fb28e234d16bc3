"""Supervision letter drafts (执法监督意见书): one per unit with any vetoed or 不合格 file.

beijing-2024-enforcement-supervision-measures.txt 第十四条: a supervision body that finds quality problems
issues a 行政执法监督意见书, and a 监督决定书 when the unit does not rectify. Each letter opens with the legal
basis the campaign file names (the supervision regulation in force for the organiser; reports/campaign_file.py),
names the files by 文号, every problem by its item's name with its legal basis cited in full
(reports/statutes.py), and sets the rectification period. Text is masked like the circular's.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ingest.glossary import ELEMENT_ZH
from reports.campaign_file import CampaignFile
from reports.document_frame import campaign_and_year, close_document, imprint, open_document
from reports.document_text import campaign_name, is_cell, location, score_text, sentence
from reports.glossary import CHINESE_NUMERALS, CIRCULAR_ZH, FILE_NAMES_ZH, LETTER_ZH
from reports.govdoc import GovDoc
from reports.loading import RunData, load_run
from reports.masking import NameMasker, individual_names
from reports.memory import documents_one_at_a_time, release_document
from reports.safe_names import safe_file_name
from reports.statutes import cite
from reports.summary import failed
from scoring.checklist import Checklist
from scoring.glossary import GRADE_FAIL, TERMS_ZH

LETTERS_DIR = FILE_NAMES_ZH["letters_dir"]  # conventional folder: write_supervision_letters(out, out / LETTERS_DIR)


def statutes_of(checklist: Checklist | None) -> dict[str, str]:
    """item code -> statute cited in full, from the run's checklist; empty when it could not be loaded, so
    letters still come out (each basis then reads 见评查标准)."""
    return {item.code: cite(item.statute) for item in checklist.items} if checklist is not None else {}


def statutes_by_checklist(data: RunData) -> dict[str, dict[str, str]]:
    """checklist id -> statutes_of it, for every checklist of the run ('' -> the primary one's)."""
    return {"": statutes_of(data.checklist), **{cid: statutes_of(c) for cid, c in data.checklists.items()}}


def _case_heading(n: int, case: pd.Series, data: RunData) -> str:
    """（一）文号（当事人…）; in a run of several standards the file's type first, since its score and grade are
    by that type's standard."""
    number = case["case_no"] or CIRCULAR_ZH["no_case_no"]
    fields = {"n": _numeral(n), "case_no": number, "party": case["party_name"] or "—", "score": score_text(case),
              "grade": case["grade"] or "—"}
    if data.multi_type and case["checklist"]:
        return LETTER_ZH["dossier_typed"].format(type=data.standard_label(case["checklist"]), **fields)
    return LETTER_ZH["dossier"].format(**fields)


def _problem(n: int, finding: pd.Series, statutes: dict[str, str]) -> str:
    text = LETTER_ZH["problem"].format(n=n, item_name=finding["item_name"],
                                       veto=LETTER_ZH["veto_mark"] if finding["veto"] else "",
                                       message=sentence(finding["message"]))
    if finding["quote"]:
        page = str(finding["page"] or "").strip()
        where = "" if is_cell(page) else location("", page)  # circulated: no file names, no sheet cells
        text += LETTER_ZH["quote"].format(quote=finding["quote"], where=f"（{where}）" if where else "")
    return text + LETTER_ZH["basis"].format(statute=statutes.get(finding["item_code"]) or LETTER_ZH["no_statute"])


def _letter(data: RunData, unit: str, flagged: pd.DataFrame, statutes: dict[str, dict[str, str]], mask: NameMasker,
            campaign: CampaignFile, year: int | None, index: int) -> GovDoc:
    doc = open_document(mask, campaign, campaign.letter_number(year, index))
    doc.title(LETTER_ZH["title"])
    doc.addressee(unit)
    files = int((data.cases["unit"] == unit).sum())
    doc.para(LETTER_ZH["intro"].format(basis=campaign.legal_basis, organizer=campaign.organizer,
                                       campaign=campaign_name(data), files=files, flagged=len(flagged)))
    doc.heading(LETTER_ZH["h_files"])
    doc.table(
        (TERMS_ZH["seq"], ELEMENT_ZH["case_no"], ELEMENT_ZH["party_name"], ELEMENT_ZH["total_score"],
         ELEMENT_ZH["grade"]),
        [[str(i), c["case_no"] or CIRCULAR_ZH["no_case_no"], c["party_name"], score_text(c), c["grade"]]
         for i, (_, c) in enumerate(flagged.iterrows(), start=1)],
    )
    doc.heading(LETTER_ZH["h_problems"])
    hits = data.findings[failed(data.findings)]
    for i, (_, case) in enumerate(flagged.iterrows(), start=1):
        doc.heading(_case_heading(i, case, data), level=2)
        rows = hits[hits["dossier_id"] == case["dossier_id"]]
        rows = rows.assign(_veto=~rows["veto"]).sort_values("_veto", kind="stable")  # veto items first
        for n, (_, finding) in enumerate(rows.iterrows(), start=1):
            doc.para(_problem(n, finding, statutes.get(finding["checklist"]) or statutes[""]))
    doc.heading(LETTER_ZH["h_opinions"])
    for key in ("req_1", "req_2", "req_3"):
        doc.para(LETTER_ZH[key].format(days=campaign.rectification_days, organizer=campaign.organizer))
    close_document(doc, campaign, [LETTER_ZH["attachment_forms"].format(n=len(flagged))])
    imprint(doc, campaign)
    return doc


def _numeral(n: int) -> str:
    return CHINESE_NUMERALS[n - 1] if n <= len(CHINESE_NUMERALS) else str(n)


def flagged_cases(cases: pd.DataFrame) -> pd.DataFrame:
    """Files that warrant a letter: any veto item hit, or graded 不合格."""
    return cases[cases["vetoed"] | (cases["grade"] == GRADE_FAIL)]


def write_supervision_letters(out_dir: Path, letters_dir: Path, deadline_days: int | None = None) -> list[Path]:
    """One `<unit>.docx` in `letters_dir` per unit with a vetoed or 不合格 file (pass OUT/监督意见书 for the
    conventional layout); returns the paths, in unit order. Units without such files get no letter.
    `deadline_days` overrides the campaign file's rectification period."""
    data = load_run(Path(out_dir))
    campaign, year = campaign_and_year(data)
    if deadline_days is not None:
        campaign = campaign.model_copy(update={"rectification_days": deadline_days})
    statutes = statutes_by_checklist(data)  # each file's items cite its own standard's statutes
    mask = NameMasker(individual_names(data.cases))  # one per campaign: compiling it is the costly part
    flagged = flagged_cases(data.cases)
    letters_dir = Path(letters_dir)
    written: list[Path] = []
    with documents_one_at_a_time():  # else each letter's XML stays in the process (reports/memory.py)
        for index, (unit, group) in enumerate(flagged.groupby("unit", sort=True)):
            doc = _letter(data, str(unit), group, statutes, mask, campaign, year, index)
            written.append(doc.save(letters_dir / f"{safe_file_name(str(unit))}.docx"))
            del doc
            release_document()
    return written


__all__ = ["LETTERS_DIR", "flagged_cases", "statutes_of", "write_supervision_letters"]
