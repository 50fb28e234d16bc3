"""Legal citations (domain.md "Legal basis"): 《法》第N条第N款第(N)项, lists (第十条、第十二条第一款), 该法/同法
back-references, and which citations are the violated provision (违反了…的规定) and which the penalty
provision (依据/根据/依照…的规定). A law cited without article gets article None. Only titles of laws,
regulations and rules are citations: a document, licence or notice in 《》 is not, nor is a discretion standard.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.errors import ParseError
from ingest.extract.text import sentences
from ingest.model import Provision
from ingest.normalize import NUMERAL_CHARS, cn_to_int, fold

_N = rf"[{NUMERAL_CHARS}\d]+"
_LAW = re.compile(r"《(?P<law>[^《》\n]{2,80})》|(?P<ref>该法|同法|本法|上述法律|前述法律|该条例|同条例|该办法|该规定|该规章)")
# "《中华人民共和国道路运输条例》（以下简称《条例》）第二十四条": the short name, then the article
_ALIAS = re.compile(
    r"\s*\(\s*(?:以下|下文|下同)?\s*(?:简称|称)\s*[:：]?\s*(?:《(?P<a>[^《》()\n]{1,20})》|[\"“]?(?P<b>[^《》()\"”\n]{1,20}?)[\"”]?)\s*\)"
)
# "《食品安全法》（2021年修正）第一百二十四条", "《医疗机构管理条例》（国务院令第149号）第二十七条"
_TITLE_NOTE = re.compile(r"\s*\(\s*[^()《》\n]{1,30}\)")
_SEP = re.compile(r"\s*(?:、|和|及|以及|与|或者|或|,|，)?\s*")
_ART = re.compile(rf"第\s*(?P<n>{_N})\s*条(?:\s*之\s*(?P<sub>{_N}))?")
_CLAUSE = re.compile(rf"第\s*(?P<n>{_N})\s*款")
_ITEM = re.compile(rf"(?:第\s*[(（]?\s*(?P<n>{_N})\s*[)）]?|[(（]\s*(?P<m>{_N})\s*[)）])\s*项")
# "第（三）、（四）项", "第三、四项": several items of one clause, 项 written once
_ITEM_ONE = rf"[(（]?\s*{_N}\s*[)）]?"
_ITEM_LIST = re.compile(rf"第?\s*(?P<items>{_ITEM_ONE}(?:\s*[、和及,，]\s*{_ITEM_ONE})+)\s*项")
_ITEM_NUM = re.compile(rf"{_N}")
_VIOLATION = re.compile(r"违反了?|不符合|违背")
# "构成同法第八十六条第三项所列之违法行为": the article that lists the act with its penalty (海关法 …); "构成…
# 第十条规定的违法行为" names the violated provision again and is no basis
_BASIS = re.compile(r"依据|根据|依照|按照|适用|参照|构成(?=[^。；;所]{0,60}所列)")
# Sentences citing a law for the party's rights, remedies, payment or surcharges are not the penalty basis.
# Nor are those citing it for how evidence is taken or used (…规定，可作为本案证据材料使用).
_PROCEDURAL = re.compile(r"陈述|申辩|听证|复议|诉讼|送达|缴纳|缴至|缴款|加处|逾期|权利|告知你|告知如下|"
                         r"作为(?:本案)?(?:定案)?证据|证据材料|证据使用")
_PROCEDURAL_LAWS = re.compile(r"行政复议法|行政诉讼法|民事诉讼法|行政程序规定")
# What a lawyer reads as a law, regulation or rule (法律、法规、规章) by its title; everything else in 《》 —
# documents (《责令改正违法行为决定书》), licences (《排污许可证》), notices, announcements, agreements — is
# not a legal basis. A 决定 counts only from a legislature or the State Council.
_LEGAL_TITLE = re.compile(r"(?:法|法典|条例|规定|办法|细则|规则|(?:人民代表大会|国务院).*决定)$")
_NOT_LEGAL_TITLE = re.compile(r"(?:书|证|照|表|单|函|通知|公告|通告|意见|合同|协议|报告|记录|笔录|决定书|清单|目录)$")
# Discretion standards (裁量基准) are cited by name beside the law; recognised, never a provision of law.
_DISCRETION_TITLE = re.compile(r"裁量(?:权)?(?:基准|标准|规则|细则|办法|规定|适用规则)")
_EDITION_NOTE = re.compile(r"\s*[(（][^()（）]{1,30}[)）]\s*$")  # 《食品安全法（2021年修正）》


def is_discretion_standard(title: str) -> bool:
    """《湖南省卫生健康行政处罚裁量权基准》: a discretion standard, cited for the amount, not a legal provision."""
    return bool(_DISCRETION_TITLE.search(title))


def is_legal_title(title: str) -> bool:
    """Whether a title in 《》 names a law, regulation or rule (法律、法规、规章), as a lawyer reads it."""
    bare = _EDITION_NOTE.sub("", fold(title).strip())
    if is_discretion_standard(bare) or _NOT_LEGAL_TITLE.search(bare):
        return False
    return bool(_LEGAL_TITLE.search(bare))


@dataclass(frozen=True, slots=True)
class Citation:
    provision: Provision
    start: int
    end: int


def _num(text: str) -> int | None:
    try:
        return cn_to_int(text)
    except ParseError:
        return None


def _chain(folded: str, pos: int) -> list[tuple[int | None, int | None, int | None, int]]:
    """(article, clause, item, end) for each provision in the 第…条第…款第…项 chain starting at `pos`."""
    out: list[tuple[int | None, int | None, int | None, int]] = []
    art = clause = item = None
    pending = False
    end = pos
    while True:
        sep = _SEP.match(folded, pos)
        at = sep.end() if sep else pos
        m = _ART.match(folded, at)
        if m:
            if pending:
                out.append((art, clause, item, end))
            art, clause, item = _num(m["n"]), None, None
            pending, pos, end = True, m.end(), m.end()
            continue
        m = _CLAUSE.match(folded, at)
        if m and pending:
            if clause is not None or item is not None:
                out.append((art, clause, item, end))
                item = None
            clause, pos, end = _num(m["n"]), m.end(), m.end()
            continue
        m = _ITEM.match(folded, at)
        if m and pending:
            if item is not None:
                out.append((art, clause, item, end))
            item, pos, end = _num(m["n"] or m["m"]), m.end(), m.end()
            continue
        m = _ITEM_LIST.match(folded, at)
        if m and pending:
            numbers = [_num(n.group()) for n in _ITEM_NUM.finditer(m["items"])]
            if item is not None:
                out.append((art, clause, item, end))
            for n in numbers[:-1]:
                out.append((art, clause, n, m.end()))
            item, pos, end = numbers[-1], m.end(), m.end()
            continue
        break
    if pending:
        out.append((art, clause, item, end))
    return out


def find_citations(text: str) -> list[Citation]:
    """Every provision cited in `text` (one per article/clause/item), in order."""
    folded = fold(text)
    out: list[Citation] = []
    last_law: str | None = None
    aliases: dict[str, str] = {}
    skip_until = -1
    for law_m in _LAW.finditer(folded):
        if law_m.start() < skip_until:
            continue  # the 《简称》 inside "（以下简称《条例》）"
        pos = law_m.end()
        if law_m["law"]:
            law = text[law_m.start("law") : law_m.end("law")].strip()
            law = aliases.get(law, law)
            if not is_legal_title(law):
                last_law = None  # 该法 after a document's title refers to no law
                continue
            alias = _ALIAS.match(folded, pos)
            if alias:
                aliases[(alias["a"] or alias["b"]).strip()] = law
                pos = skip_until = alias.end()
            else:
                note = _TITLE_NOTE.match(folded, pos)
                if note and not _ART.search(note.group()) and _ART.match(folded, _SEP.match(folded, note.end()).end()):
                    pos = note.end()
        elif last_law:
            law = last_law
        else:
            continue
        last_law = law
        chain = _chain(folded, pos)
        if not chain:
            if not law_m["law"]:
                continue
            chain = [(None, None, None, law_m.end())]
        for art, clause, item, end in chain:
            written = text[law_m.start() : end].strip()
            out.append(Citation(Provision(law, art, clause, item, written), law_m.start(), end))
    return out


def classify_citations(text: str) -> tuple[list[Citation], list[Citation]]:
    """(violated, penalty_basis): each citation belongs to the nearest trigger word before it in its sentence."""
    folded = fold(text)
    violated: list[Citation] = []
    basis: list[Citation] = []
    cites = find_citations(text)
    if not cites:
        return violated, basis
    for s_start, s_end in sentences(folded):
        inside = [c for c in cites if s_start <= c.start < s_end]
        if not inside:
            continue
        sentence = folded[s_start:s_end]
        outside_titles = re.sub(r"《[^《》]*》", "", sentence)
        procedural = bool(_PROCEDURAL.search(outside_titles))
        triggers = [(m.start() + s_start, "v") for m in _VIOLATION.finditer(sentence)]
        triggers += [(m.start() + s_start, "b") for m in _BASIS.finditer(sentence)]
        triggers.sort()
        for cite in inside:
            before = [kind for pos, kind in triggers if pos < cite.start]
            if not before:
                continue
            if before[-1] == "v":
                violated.append(cite)
            elif not procedural and not _PROCEDURAL_LAWS.search(cite.provision.law):
                basis.append(cite)
    return violated, basis
