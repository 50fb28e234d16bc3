"""The Art. 59 / Art. 44 parts a decision or notice writes as prose rather than as labelled fields.

Decisions and notices rarely say "违法事实：…"; they write "经查明，当事人于…", "以上事实有现场检查笔录、询问笔录
等证据为证", "本机关决定对当事人作出如下行政处罚：罚款…", "拟给予…的行政处罚". Each finder returns the span of
the part's body so that it can be recorded as a field (违法事实, 证据, 处罚内容) with evidence, exactly as if
the document had labelled it. Phrasings come from published decisions of several sectors, not from any one
template; an unrecognised phrasing yields nothing (the check then says it could not tell, never "missing").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.normalize import fold

_FACTS = [
    # 经查明：… / 现查明，… / 经本机关调查查明：…
    re.compile(
        r"(?:经查明|经查实|经查|现查明|现已查明|已查明|经调查(?:查明|核实)?|调查查明|经(?:本机关|本局|我局|我队|执法人员)?"
        r"(?:调查|检查|核查)(?:查明|发现|核实)|本(?:机关|局)(?:依法)?查明|经核实)\s*[:,，]?\s*(?P<body>[^。;；]{6,})"
    ),
    # 违法事实：… / 认定的违法事实如下：… (also 你单位存在以下违法行为：…)
    re.compile(r"(?:违法事实|违法行为|案件事实|基本事实)(?:如下|是|为)?\s*:\s*(?P<body>[^。;；]{6,})"),
    # notices: 你(单位)于2025年3月5日在…, 当事人于…的行为
    re.compile(r"(?:^|[。;；,，:\s])(?P<body>(?:你|你单位|你公司|你店|你厂|当事人|该单位|该公司)(?:于|在|自)[^。;；]{6,})"),
]
_EVIDENCE = [
    # 以上事实有现场检查笔录、询问笔录等证据为证 / 上述事实，有…予以证实 / 有…在案佐证
    re.compile(
        r"(?:以上|上述|前述|该)(?:违法)?(?:事实|行为)\s*[,，]?\s*(?:有|由|以)\s*(?P<body>[^。;；]{2,}?)\s*"
        r"(?:等)?(?:证据|材料)?(?:材料)?\s*(?:为证|证实|证明|佐证|予以证实|予以佐证|在案佐证|在案为证|相互印证|可以证明|加以证实)"
    ),
    # 证据：… / 主要证据如下：… / 认定上述事实的证据有：…
    re.compile(r"(?:主要|相关|认定(?:以上|上述)?(?:违法)?事实的(?:主要)?)?证据(?:材料)?(?:如下|有|包括|清单)?\s*:\s*(?P<body>[^。;；]{2,})"),
    re.compile(r"(?:证据|证明材料)(?:有|包括)\s*(?P<body>[^。;；]{2,}?(?:笔录|照片|报告|复印件|记录|清单|凭证|资料|材料))"),
]
_PENALTY = [
    # 作出如下行政处罚：罚款… / 给予如下处罚：… / 处罚决定如下：…
    re.compile(
        r"(?:作出|给予|予以|处以|作出以下|给予以下)(?:如下|以下)?(?:的)?(?:行政)?处罚(?:决定)?\s*[:：]\s*(?P<body>[^。;；]{2,})"
    ),
    re.compile(r"(?:处罚决定|行政处罚决定|处罚内容|处罚种类和幅度)(?:如下)?\s*:\s*(?P<body>[^。;；]{2,})"),
    # 决定给予警告、罚款…的行政处罚 / 拟给予…的行政处罚 / 决定对你单位处以罚款…
    re.compile(
        r"(?:决定|拟|现决定|本机关决定|本局决定)(?:对(?:你|你单位|你公司|当事人|其|该单位|该公司))?\s*"
        r"(?P<body>(?:给予|处以|作出|予以|处)[^。;；]{2,}?)(?:的)?(?:行政处罚|处罚)?(?=[。;；]|$)"
    ),
]


@dataclass(frozen=True, slots=True)
class PartHit:
    start: int
    end: int

    def text(self, source: str) -> str:
        return source[self.start : self.end].strip()


def _first(patterns: list[re.Pattern[str]], text: str) -> PartHit | None:
    """The body matched by the first pattern (they are ordered from the most specific) that matches."""
    folded = fold(text)
    for pattern in patterns:
        m = pattern.search(folded)
        if m:
            return PartHit(m.start("body"), m.end("body"))
    return None


# Last resort: "北京市X公司于2024年3月1日起…" — a dated act of someone other than the agency.
_DATED_ACT = re.compile(
    r"(?:^|[。;；])\s*(?P<body>[^。;；:]{2,40}?(?:于|在|自)\s*(?:(?:19|20)\d{2}|[〇○零二][〇○零一二三四五六七八九]{3})\s*[年.\-/][^。;；]{6,})"
)
_AGENCY_ACT = re.compile(r"^(?:本机关|本局|我局|我队|本队|本委|我委|本所|我所|本大队|我大队|执法人员)|立案|送达|告知书|听证|复议")


def find_facts(text: str) -> PartHit | None:
    """The statement of the facts found (经查明…, 你单位于…, X公司于…)."""
    hit = _first(_FACTS, text)
    if hit is not None:
        return hit
    m = _DATED_ACT.search(fold(text))
    if m and not _AGENCY_ACT.search(m["body"][:40]):
        return PartHit(m.start("body"), m.end("body"))
    return None


def find_evidence(text: str) -> PartHit | None:
    """The list of evidence the facts rest on (以上事实有…等证据为证, 证据：…)."""
    return _first(_EVIDENCE, text)


def find_penalty(text: str) -> PartHit | None:
    """The penalty decided or intended (作出如下行政处罚：罚款…, 拟给予…的行政处罚)."""
    hit = _first(_PENALTY, text)
    if hit is None:
        return None
    body = fold(text)[hit.start : hit.end]
    # "决定立案", "拟作出的行政处罚的事实、理由、依据": no penalty named
    if not re.search(r"罚款|警告|通报批评|没收|吊销|暂扣|责令停产|责令停业|关闭|限制|降低资质|拘留|罚金|不予", body):
        return None
    return hit
