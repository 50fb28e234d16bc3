"""What a document decides and on what grounds: the narrative parts, amounts and the fine, the provisions
violated and applied, and the clauses on remedies, payment, defence, hearing and waiver."""

from __future__ import annotations

import re
from decimal import Decimal

import ingest.extract.amounts as amounts_mod
from ingest.extract.layout import Layout
from ingest.extract.narrative import find_evidence, find_facts, find_penalty
from ingest.extract.provisions import Citation, classify_citations
from ingest.extract.remedies import (
    ClauseHit,
    find_defense_right,
    find_hearing_right,
    find_payment_terms,
    find_remedies,
    find_waiver,
)
from ingest.extract.remedies import is_heading as is_remedies_heading
from ingest.extract.text import sentence_at
from ingest.glossary import DECISION_KINDS, DocKind
from ingest.model import AmountPair, DocFacts, Found, Provision
from ingest.normalize import fold

_DECISION_WORDS = re.compile(r"决定|处以|给予|作出|如下|拟|处罚")

# Documents whose Art. 59 / Art. 44 parts are prose: recorded as the fields the content checks look for.
_NARRATIVE_KINDS = DECISION_KINDS | {DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE}
_NARRATIVE_PARTS = (("违法事实", find_facts), ("证据", find_evidence), ("处罚内容", find_penalty))


def collect_narrative(d: Layout, facts: DocFacts) -> None:
    """违法事实, 证据 and 处罚内容 read from their typical sentences when no label names them."""
    if d.doc.kind not in _NARRATIVE_KINDS:
        return
    for label, finder in _NARRATIVE_PARTS:
        if label in facts.fields and facts.fields[label].value:
            continue
        for i, para in enumerate(d.paras):
            text = para
            if para.rstrip().endswith((":", "：")) and i + 1 < len(d.paras):
                text = para + d.paras[i + 1]  # "作出如下行政处罚：" with the penalty on the next line
            hit = finder(text)
            if hit is None:
                continue
            if hit.start >= len(para):
                j, offset = i + 1, len(para)
                facts.fields[label] = d.pfound(hit.text(text), j, hit.start - offset, hit.end - offset)
            else:
                facts.fields[label] = d.pfound(hit.text(text), i, hit.start, min(hit.end, len(para)))
            break


# ---------------------------------------------------------------------------------------------------- amounts


# "…罚款2万元；…罚款1万元，合计罚款人民币3万元": the stated total of a combined fine is the fine decided (罚没款共计
# adds the confiscation, which is kept apart)
_FINE_TOTAL = re.compile(r"(?:(?:合计|共计|总计|累计)(?:处以?)?罚款|罚款(?:金额)?(?:合计|共计|总计|累计))(?:金额)?[为是:\s]*(?:人民币)?\s*$")


# a total after the fines, whatever it is called; taken only when it is exactly their sum
_ANY_TOTAL = re.compile(r"(?:合计|共计|总计)[为是:：\s]*(?:人民币)?\s*$")


def collect_amounts(d: Layout, facts: DocFacts) -> None:
    fine: tuple[int, amounts_mod.AmountHit] | None = None
    fallback: tuple[int, amounts_mod.AmountHit] | None = None
    total: tuple[int, amounts_mod.AmountHit] | None = None
    decided: list[Decimal] = []  # the fines decided so far, for a total stated in a later paragraph
    for i, folded in enumerate(d.pfolded):
        if "元" not in folded and "¥" not in folded:
            continue
        for hit in amounts_mod.find_amounts(folded):
            if hit.role == "range":
                continue
            facts.amounts.append(AmountPair(hit.upper, hit.figures, d.pfound(None, i, hit.start, hit.end).evidence))
            if total is None and fine is not None and fine[0] == i and _FINE_TOTAL.search(folded, 0, hit.start):
                total = (i, hit)
            if (total is None and len(decided) >= 2 and _ANY_TOTAL.search(folded, max(0, hit.start - 12), hit.start)
                    and Decimal(hit.value) == sum(decided)):
                total = (i, hit)  # "以上应缴款项共计55648.73元": a total that is exactly the fines decided
            if hit.role != "fine":
                continue
            decided.append(Decimal(hit.value))
            if fallback is None:
                fallback = (i, hit)
            if fine is None:
                a, b = sentence_at(folded, hit.start)
                if _DECISION_WORDS.search(folded, a, b):
                    fine = (i, hit)
    _pair_form_amounts(d, facts)
    chosen = total or fine or fallback
    if chosen:
        i, hit = chosen
        facts.fine = d.pfound(Decimal(hit.value), i, hit.start, hit.end)


_UPPER_LABEL = re.compile(r"大写")
_FIGURES_LABEL = re.compile(r"小写")


def _pair_form_amounts(d: Layout, facts: DocFacts) -> None:
    """金额（大写） and 金额（小写） on consecutive form rows (缴款书, 收据) are one amount written twice."""
    pairs = facts.amounts
    i = 0
    while i + 1 < len(pairs):
        a, b = pairs[i], pairs[i + 1]
        if a.upper is not None and a.figures is None and b.figures is not None and b.upper is None:
            qa, qb = fold(a.evidence.quote), fold(b.evidence.quote)
            if _UPPER_LABEL.search(qa) and _FIGURES_LABEL.search(qb) and not _FIGURES_LABEL.search(qa):
                pairs[i : i + 2] = [AmountPair(a.upper, b.figures, a.evidence)]
        i += 1


# ---------------------------------------------------------------------------------------------------- provisions


def collect_provisions(d: Layout, facts: DocFacts) -> None:
    seen_v: set[tuple] = set()
    seen_b: set[tuple] = set()
    for i, line in enumerate(d.paras):
        if "《" not in line and "法" not in line:
            continue
        violated, basis = classify_citations(line)
        _add_citations(d, i, violated, seen_v, facts.violated)
        _add_citations(d, i, basis, seen_b, facts.penalty_basis)


def _add_citations(d: Layout, i: int, cites: list[Citation], seen: set[tuple], out: list[Found[Provision]]) -> None:
    for c in cites:
        p = c.provision
        key = (p.law, p.article, p.clause, p.item)
        if key in seen:
            continue
        seen.add(key)
        out.append(d.pfound(p, i, c.start, c.end))


# ---------------------------------------------------------------------------------------------------- clauses


def _first_clause(d: Layout, finder, prefer=None) -> tuple[int, ClauseHit] | None:
    """The first paragraph where `finder` finds its clause; with `prefer`, the first whose hit it accepts,
    else the first hit at all."""
    first: tuple[int, ClauseHit] | None = None
    for i, line in enumerate(d.paras):
        hit = finder(line)
        if hit is None:
            continue
        if prefer is None or prefer(hit):
            return i, hit
        first = first or (i, hit)
    return first


def collect_clauses(d: Layout, facts: DocFacts) -> None:
    kind = d.doc.kind
    if kind in DECISION_KINDS | {DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE, DocKind.PAYMENT_REMINDER}:
        found = _first_clause(d, find_remedies, prefer=lambda hit: not is_remedies_heading(hit))
        if found:
            i, hit = found
            facts.remedies = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
            if hit.body:
                start = d.paras[i].find(hit.body, hit.start)
                facts.review_body = d.pfound(hit.body, i, start, start + len(hit.body))
        found = _first_clause(d, find_payment_terms)
        if found:
            i, hit = found
            facts.payment_terms = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
    if kind in (DocKind.PENALTY_NOTICE, DocKind.HEARING_NOTICE, DocKind.ON_THE_SPOT_DECISION):
        found = _first_clause(d, find_defense_right)
        if found:
            i, hit = found
            facts.defense_right = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
            facts.defense_period_days = hit.days
        found = _first_clause(d, find_hearing_right)
        if found:
            i, hit = found
            facts.hearing_right = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
            if facts.defense_period_days is None:
                facts.defense_period_days = hit.days
    found = _first_clause(d, find_waiver)
    if found:
        i, hit = found
        facts.waiver = d.pfound(d.paras[i][hit.start : hit.end].strip(), i, hit.start, hit.end)
