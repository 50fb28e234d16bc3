"""What only the pre-printed on-the-spot form says (当场行政处罚决定书, 行政处罚法第五十一条、第五十二条、第六十八条至
第七十条): its printed serial number, that the officers showed their certificates, which penalties were ticked,
whether the fine was collected on the spot (and why), and the party's signature for receipt.

Forms print every option and tick one (☑罚款 □警告, ☑当场缴纳 □银行缴纳): an option counts only when it is
ticked, or when the form prints no boxes at all (a typed decision says what it decides in words).
"""

from __future__ import annotations

import re

from ingest.extract.facts_records import signed_field
from ingest.extract.fields import FieldHit
from ingest.extract.layout import HEAD_BLOCKS, Layout, field_span
from ingest.model import DocFacts

_SERIAL = re.compile(r"(?:N[Oo]|№)\s*[.．:：]?\s*(?P<no>[A-Za-z]{0,4}\d[\d\-]{3,20})")
_SHOWN = re.compile(r"(?<!未)(?<!没有)出示(?:了)?(?:行政)?(?:执法)?(?:证件|证|身份证件|执法证)")
# 行政处罚法第九条: the kinds of penalty; only 警告 and 罚款 are open to the summary procedure (第五十一条)
_PENALTIES = re.compile(
    r"警告|通报批评|罚款|没收违法所得|没收非法财物|没收|暂扣(?:许可证件|执照|许可证)?|降低资质等级|吊销(?:许可证件|营业执照|执照|许可证)?"
    r"|限制开展生产经营活动|责令停产停业|责令关闭|限制从业|行政拘留"
)
_PENALTY_LINE = re.compile(r"处罚(?:种类|内容|决定|如下)|决定(?:给予|对|处以)|处以|给予")
_TICKED = "☑✓✔√■▣☒"
_UNTICKED = "□☐"
_ON_SPOT = re.compile(r"当场(?:收缴|缴纳|缴款|交纳)")
_AT_BANK = re.compile(r"(?:到|至|向)?[^，。；□☐☑√■]{0,12}银行[^，。；□☐]{0,6}(?:缴纳|缴款|交纳)|(?:网上|电子|线上)(?:缴纳|支付|缴款)")
# collected, in words: 已当场收缴, 当场收缴罚款50元, 依据…第一百零八条第二款当场收缴罚款，并出具罚没款收据
_COLLECTED = re.compile(r"(?:已|予以|依法)当场收缴(?:罚款)?|当场收缴罚款[^。；]{0,6}元|"
                        r"(?<!可以)(?<!或)当场收缴(?:罚款)?[，,]?并?(?:出具|开具)")
_REASON = re.compile(r"事后难以执行|边远|水上|交通不便")
_RECEIPT_LABELS = ("受送达人签名", "被检查人签名")
_REFUSED = re.compile(r"拒绝签[名字收章]|拒签|拒不签[名字收章]")


def box_before(text: str, start: int) -> str | None:
    """The tick box just before position `start` (within a few characters): 'ticked', 'unticked' or None."""
    window = text[max(0, start - 3) : start]
    for ch in reversed(window):
        if ch in _TICKED:
            return "ticked"
        if ch in _UNTICKED:
            return "unticked"
    return None


def option_box(text: str, start: int) -> str | None:
    """The tick box whose option holds position `start` ("□已告知…理由、依据…救济途径": every word of an option
    is under its one box): 'ticked', 'unticked', or None when no box stands before it in the same sentence."""
    window = text[max(0, start - 60) : start]
    at = max(window.rfind(ch) for ch in _TICKED + _UNTICKED)
    if at < 0 or any(stop in window[at:] for stop in "。；;"):
        return None
    return box_before(window, at + 1)


def _chosen(text: str, start: int, boxed: bool) -> bool:
    box = box_before(text, start)
    return box == "ticked" or (box is None and not boxed)


def collect_on_the_spot(d: Layout, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    """The form's own elements (DocFacts.form_serial … onsite_collection_reason, signed_by_party)."""
    boxed = any(ch in line for line in d.pfolded for ch in _TICKED + _UNTICKED)
    for i, line in enumerate(d.folded[: HEAD_BLOCKS + 2]):
        m = _SERIAL.search(line)
        if m:
            facts.form_serial = d.found(m["no"], i, m.start("no"), m.end("no"))
            break
    if facts.form_serial is None and (hit := fields.get("文号")) is not None:
        facts.form_serial = d.found(hit.value, hit.line, *field_span(d, hit))
    seen: set[str] = set()
    for i, text in enumerate(d.pfolded):
        if facts.credentials_shown is None and (m := _SHOWN.search(text)) and box_before(text, m.start()) != "unticked":
            facts.credentials_shown = d.pfound(m.group(), i, m.start(), m.end())
        if _PENALTY_LINE.search(text) or (boxed and _PENALTIES.search(text) and "违反" not in text):
            for m in _PENALTIES.finditer(text):
                if m.group() not in seen and _chosen(text, m.start(), boxed) and not _in_basis(text, m.start()):
                    seen.add(m.group())
                    facts.penalty_kinds.append(d.pfound(m.group(), i, m.start(), m.end()))
        _collection(d, facts, i, text, boxed)
        if facts.onsite_collection_reason is None and (m := _REASON.search(text)):
            facts.onsite_collection_reason = d.pfound(m.group(), i, m.start(), m.end())
    _receipt(d, facts, fields)


def _in_basis(text: str, start: int) -> bool:
    """'依据《…》第X条"处…罚款"' quotes the law, it decides nothing: a penalty word inside 《》 or quotes."""
    before = text[:start]
    return before.count("《") > before.count("》") or before.count("“") > before.count("”")


def _collection(d: Layout, facts: DocFacts, i: int, text: str, boxed: bool) -> None:
    if facts.collected_on_spot is not None and facts.collected_on_spot.value:
        return
    if (m := _COLLECTED.search(text)) or ((m := _ON_SPOT.search(text)) and box_before(text, m.start()) == "ticked"):
        facts.collected_on_spot = d.pfound(True, i, m.start(), m.end())
        return
    if facts.collected_on_spot is None and (m := _AT_BANK.search(text)) and _chosen(text, m.start(), boxed):
        on_spot = _ON_SPOT.search(text)
        if not boxed and on_spot:
            return  # "当场缴纳或到银行缴纳" in words: which one was chosen is not said
        facts.collected_on_spot = d.pfound(False, i, m.start(), m.end())


def _receipt(d: Layout, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    """The party's signature for receipt (当场交付): signed, a refusal noted, or the label read blank."""
    for i, line in enumerate(d.folded):
        if m := _REFUSED.search(line):
            facts.signed_by_party = d.found(True, i, m.start(), m.end())
            return
    if hit := signed_field(fields, _RECEIPT_LABELS):
        facts.signed_by_party = d.found(True, hit.line, *field_span(d, hit))
        return
