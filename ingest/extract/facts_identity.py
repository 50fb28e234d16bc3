"""Who and which case a document names: its own and cited case numbers, the agency, the party, the officers."""

from __future__ import annotations

import re

from ingest.extract.case_numbers import CaseNo, find_case_numbers_in_lines
from ingest.extract.dates import find_dates
from ingest.extract.layout import HEAD_BLOCKS, SEAL, TAIL_BLOCKS, Layout
from ingest.extract.officers import find_officers_in_lines
from ingest.extract.party import parse_party
from ingest.glossary import DECISION_KINDS, DocKind
from ingest.model import DocFacts, Officer
from ingest.normalize import no_spaces

# Documents whose decision numbers are citations, not their own number.
CITING_KINDS = frozenset(
    {
        DocKind.SERVICE_RECEIPT, DocKind.COVER, DocKind.CATALOG, DocKind.CLOSING_APPROVAL,
        DocKind.DECISION_APPROVAL, DocKind.PAYMENT_RECEIPT, DocKind.PAYMENT_REMINDER,
        DocKind.ENFORCEMENT_APPLICATION, DocKind.REMARKS, DocKind.REGISTER, DocKind.LEGAL_REVIEW,
        DocKind.COLLECTIVE_DISCUSSION, DocKind.DEFENSE_RECORD, DocKind.HEARING_RECORD,
    }
)  # fmt: skip
_AGENCY_SUFFIX = re.compile(
    r"(?:人民政府|政府|局|海关|委员会|委|办公室|办事处|大队|支队|中队|分局|所|中心|厅|署|管理处|执法队|稽查队|监察队)$"
)
_TITLE_SUFFIX = re.compile(r"(?:行政处罚|当场|不予)?[\u4e00-\u9fa5()（）]{0,12}(?:决定书|告知书|通知书|笔录|审批表|登记表|回证|报告)$")


# ---------------------------------------------------------------------------------------------------- numbers


def collect_case_numbers(d: Layout, facts: DocFacts) -> None:
    """Read in paragraphs, so that a number a PDF line wrap cut in two (X罚字〔 / 2024〕4号) is read whole."""
    numbers = find_case_numbers_in_lines(d.paras)
    if not numbers:
        return
    kind = d.doc.kind
    head = [(i, no) for i, no in numbers if d.para_starts[i][0][1] < HEAD_BLOCKS]
    own: tuple[int, CaseNo] | None = None
    if kind in DECISION_KINDS:
        own = next((x for x in head if x[1].kind == "decision"), None) or next(
            (x for x in numbers if x[1].kind == "decision"), None
        ) or (head[0] if head and head[0][1].kind not in ("notice", "hearing") else None)
    elif kind == DocKind.PENALTY_NOTICE:
        own = next((x for x in head if x[1].kind == "notice"), None) or next(
            (x for x in numbers if x[1].kind == "notice"), None
        ) or (head[0] if head else None)
    elif kind == DocKind.HEARING_NOTICE:
        own = next((x for x in head if x[1].kind in ("hearing", "notice")), None) or (head[0] if head else None)
    elif kind in CITING_KINDS:
        own = next((x for x in head if x[1].kind == "other"), None)
    else:
        own = next((x for x in head if x[1].kind != "decision"), None)
    if own is not None:
        i, no = own
        facts.own_no = d.pfound(no.text, i, no.start, no.end)
    seen = {facts.own_no.value} if facts.own_no else set()
    for i, no in numbers:
        if no.kind == "decision" and no.text not in seen:
            seen.add(no.text)
            facts.cited_case_nos.append(d.pfound(no.text, i, no.start, no.end))


# ---------------------------------------------------------------------------------------------------- agency


def _clean_agency(text: str) -> str:
    text = SEAL.sub("", no_spaces(text)).strip("（）()")
    return text


def collect_agency(d: Layout, facts: DocFacts) -> None:
    title = no_spaces(d.doc.title)
    for i in range(min(4, len(d.lines))):
        line = no_spaces(d.folded[i])
        if title and title in line and line.index(title) > 1:
            name = _clean_agency(line[: line.index(title)])
            if _AGENCY_SUFFIX.search(name):
                facts.agency = d.found(name, i)
                return
        m = _TITLE_SUFFIX.search(line)
        if m and m.start() == 0:
            break  # the title line: an agency would stand above it
        cleaned = _clean_agency(line)
        if 4 <= len(cleaned) <= 40 and _AGENCY_SUFFIX.search(cleaned) and ":" not in line:
            facts.agency = d.found(cleaned, i)
            return
    n = len(d.lines)
    for i in range(n - 1, max(-1, n - TAIL_BLOCKS - 1), -1):
        line = no_spaces(d.folded[i])
        for date_hit in find_dates(line, with_time=False):
            line = line.replace(line[date_hit.start : date_hit.end], "")
        cleaned = _clean_agency(line)
        if 4 <= len(cleaned) <= 40 and _AGENCY_SUFFIX.search(cleaned) and ":" not in cleaned:
            facts.agency = d.found(cleaned, i)
            return
    _agency_of_officers(d, facts)


# "…19时45分三河市文化局执法人员张某…": a decision printed without heading or 落款 names its agency where its
# officers act. The name starts with a place (…省/市/县/区…) after a date, time or punctuation.
_OFFICERS_AGENCY = re.compile(r"(?:^|(?<=[^\u4e00-\u9fa5]))(?:[年月日时分秒]|[至于在经由])?"
                              r"(?P<name>[\u4e00-\u9fa5]{1,8}?(?:省|自治区|市|自治州|县|区|旗)[\u4e00-\u9fa5()（）]{2,24}?)"
                              r"(?:的)?执法人员")


def _agency_of_officers(d: Layout, facts: DocFacts) -> None:
    if d.doc.kind not in _PARTY_KINDS:
        return  # a record's or form's own agency stands in its heading; its narrative may name others'
    for i, para in enumerate(d.pfolded):
        for m in _OFFICERS_AGENCY.finditer(no_spaces(para)):
            name = m["name"]
            if _AGENCY_SUFFIX.search(name):
                start = para.find(name)
                facts.agency = d.pfound(name, i, max(start, 0), max(start, 0) + len(name))
                return


# ---------------------------------------------------------------------------------------------------- party


# letters to the party: their salutation (X公司：) names it (the coercion and inspection standards compare it)
_PARTY_KINDS = DECISION_KINDS | {DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE, DocKind.PAYMENT_REMINDER,
                                 DocKind.ENFORCEMENT_DECISION, DocKind.SUBSTITUTE_PERFORMANCE,
                                 DocKind.SEIZURE_EXTENSION, DocKind.SEIZURE_RELEASE, DocKind.SEIZURE_DISPOSAL,
                                 DocKind.INSPECTION_NOTICE, DocKind.INSPECTION_RESULT_NOTICE}


def collect_party(d: Layout, facts: DocFacts) -> None:
    limit = 30 if d.doc.kind in _PARTY_KINDS else 60
    info = parse_party(d.lines[:limit], salutation_lines=HEAD_BLOCKS if d.doc.kind in _PARTY_KINDS else 0)
    if info.name is None:
        return
    facts.party_name = d.found(info.name.value, info.name.line, info.name.start, info.name.end)
    facts.party_kind = info.kind
    if info.party_id:
        facts.party_id = d.found(info.party_id.value, info.party_id.line, info.party_id.start, info.party_id.end)
    if info.address:
        facts.party_address = d.found(info.address.value, info.address.line, info.address.start, info.address.end)
    rep = info.representative
    if rep is not None:
        facts.party_representative = d.found(rep.value, rep.line, rep.start, rep.end)


# ---------------------------------------------------------------------------------------------------- officers


# 备考表 names its 立卷人/检查人 (archive staff), covers and catalogs name nobody who acted in the case.
# Documents whose 经办人/检查人 are not the case's officers: the file's own papers (备考表, 目录), a bank's or
# treasury's receipt, the party's papers and evidence from others.
_NO_OFFICER_KINDS = frozenset({DocKind.REMARKS, DocKind.COVER, DocKind.CATALOG, DocKind.REGISTER,
                               DocKind.PAYMENT_RECEIPT, DocKind.PARTY_IDENTITY})


# A 集体讨论记录's or 听证笔录's 记录人 and a 法制审核 reviewer are clerks and lawyers: only an officer named with
# a certificate number there is one who acted in the case.
_CERTIFIED_ONLY_KINDS = frozenset({DocKind.COLLECTIVE_DISCUSSION, DocKind.LEGAL_REVIEW, DocKind.HEARING_RECORD})


def collect_officers(d: Layout, facts: DocFacts) -> None:
    if d.doc.kind in _NO_OFFICER_KINDS:
        return
    for hit in find_officers_in_lines(d.paras):
        if hit.cert is None and d.doc.kind in _CERTIFIED_ONLY_KINDS:
            continue
        facts.officers.append(Officer(hit.name, hit.cert, d.pfound(None, hit.line, hit.start, hit.end).evidence))
