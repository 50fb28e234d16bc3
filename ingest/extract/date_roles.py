"""The role of each date in a document (立案, 送达, 落款 …), from the label beside it or from the document's
kind and the date's place (the 落款 date at the end of a decision is its decision date)."""

from __future__ import annotations

import re
from datetime import date, datetime

from ingest.extract.dates import DateHit, find_dates, find_time_spans
from ingest.extract.fields import FieldHit
from ingest.extract.layout import HEAD_BLOCKS, SEAL, TAIL_BLOCKS, Layout
from ingest.extract.violation_dates import Act, month_only, violation_at
from ingest.glossary import RECORD_KINDS, DocKind
from ingest.model import DateRole, DocFacts, Found
from ingest.normalize import no_spaces

# Documents written over a span of time (笔录, 听证, 集体讨论): their start is a date of its own.
SPAN_KINDS = RECORD_KINDS | {DocKind.HEARING_RECORD, DocKind.DEFENSE_RECORD, DocKind.COLLECTIVE_DISCUSSION,
                             DocKind.EXECUTION_RECORD}

# Labels written before a date (nearest wins), and words written after it.
_BEFORE: list[tuple[DateRole, re.Pattern[str]]] = [
    (DateRole.FILING, re.compile(r"立案(?:日期|时间)|批准立案|决定立案|予以立案|同意立案|立案审批")),
    (DateRole.SOURCE, re.compile(r"(?:登记|受理|接报|发现|举报|投诉|来源|案发|受案|移送|交办)(?:日期|时间)|接到举报|收到举报")),
    (DateRole.DELIVERY, re.compile(r"送达(?:日期|时间)|签收(?:日期|时间)|收(?:到|件)(?:日期|时间)|妥投(?:日期|时间)?|签收人?[:：]")),
    (DateRole.HEARING, re.compile(r"听证(?:日期|时间)|举行听证时间|定于")),
    (DateRole.CLOSING, re.compile(r"结案(?:日期|时间)")),
    (DateRole.DECISION, re.compile(r"(?:处罚)?决定(?:日期|时间)|作出(?:处罚)?决定(?:日期|时间)")),
    (DateRole.NOTICE, re.compile(r"告知(?:日期|时间)")),
    (DateRole.EXTENSION, re.compile(r"延期(?:至|到)")),
    (DateRole.VIOLATION, re.compile(r"违法(?:行为)?(?:发生)?(?:日期|时间)")),
    (DateRole.HANDOVER, re.compile(r"(?:上交|交回|交至|上缴)(?:行政机关|本机关|本局|机关)?(?:日期|时间)")),
    (DateRole.BANK_DEPOSIT, re.compile(r"(?:缴存|存入|缴付)(?:指定)?(?:银行)?(?:日期|时间)")),
    (DateRole.FILED, re.compile(r"备案(?:日期|时间)")),
    (DateRole.APPROVAL, re.compile(r"审批(?:日期|时间)?|批准(?:日期|时间)?|负责人|同意|签发")),
]
_AFTER: list[tuple[DateRole, re.Pattern[str]]] = [
    (DateRole.FILING, re.compile(r"\s*(?:予以|决定|批准|被)?立案")),
    (DateRole.NOTICE_SERVED, re.compile(r"[^。；]{0,30}(?:送达|告知)[^。；]{0,20}告知书")),
    # "本单位已于3月21日收到你局《行政处罚事先告知书》" (a waiver, a 陈述申辩笔录)
    (DateRole.NOTICE_SERVED, re.compile(r"\s*(?:已|就)?(?:收到|签收|收悉)[^。；，,]{0,20}(?<!听证)告知书")),
    # EMS tracking: "2024-04-17 10:21 长沙市 已妥投"
    (DateRole.DELIVERY, re.compile(r"[^。；\d]{0,12}(?:已妥投|妥投|投递成功|已签收)")),
    (DateRole.HEARING, re.compile(r"[^。；]{0,15}(?:举行|召开|组织)[^。；]{0,6}听证")),
]
# A document's own service written under it ("送达回证：2025年5月12日直接送达，万春林签收", "送达：2025年3月14日直接送达",
# "收到人签名：史德贵　2024年11月21日"): the date on that line is when this document was served, never its 落款
_OWN_SERVICE = re.compile(r"^\s*(?:送达回证|送达情况|送达记录|送达|(?:收到人|受送达人|签收人)(?:签名|签字|签章)?)\s*[:：]")
_LABEL_CUT = re.compile(r"[。；;]")
_NEGATED = re.compile(r"(?:未经|未|不经|没有|无|擅自)$")
_EVENT_LEAD = re.compile(r"(?:于|在|自|从|至|到|截至|截止)\s*$")


def _role_before(folded: str, hit: DateHit, previous_end: int) -> DateRole | None:
    window_start = max(previous_end, hit.start - 16)
    cuts = list(_LABEL_CUT.finditer(folded, window_start, hit.start))
    if cuts:
        window_start = cuts[-1].end()
    window = folded[window_start : hit.start]
    best: tuple[int, DateRole] | None = None
    for role, pattern in _BEFORE:
        for m in pattern.finditer(window):
            if _NEGATED.search(folded, max(0, window_start + m.start() - 3), window_start + m.start()):
                continue  # "未经审批，擅自…于…": what was not done, no label of this date
            if best is None or m.end() > best[0]:
                best = (m.end(), role)
    return best[1] if best else None


def _role_after(folded: str, hit: DateHit) -> DateRole | None:
    for role, pattern in _AFTER:
        if pattern.match(folded, hit.end):
            return role
    return None


def _signed_line(d: Layout, hits: list[tuple[int, DateHit]]) -> tuple[int, DateHit] | None:
    """The 落款 date: the last date in the last blocks that stands (nearly) alone on its line."""
    n = len(d.paras)
    for i, hit in reversed(hits):
        if i < n - TAIL_BLOCKS and n > TAIL_BLOCKS:
            break
        if d.doc.kind != DocKind.SERVICE_RECEIPT and _OWN_SERVICE.match(d.pfolded[i]):
            continue  # the service noted under the document, not its 落款 (a receipt's own lines are its form)
        if _EVENT_LEAD.search(d.pfolded[i], 0, hit.start):
            continue  # "当事人已于6月16日缴纳罚款": a date in a sentence, not the 落款
        rest = no_spaces(d.pfolded[i][: hit.start] + d.pfolded[i][hit.end :])
        rest = SEAL.sub("", rest)
        if len(rest) <= 24 and ":" not in rest[-6:]:
            return i, hit
    return None


def collect_dates(d: Layout, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    kind = d.doc.kind
    if kind == DocKind.CATALOG:
        return  # "立案审批表  2024.3.5": a listed document's date, read from that document itself
    hits: list[tuple[int, DateHit]] = []
    roles: dict[DateRole, Found[date]] = {}

    def put(role: DateRole, i: int, hit: DateHit) -> None:
        if role not in roles:
            roles[role] = d.pfound(hit.value, i, hit.start, hit.end)

    for i, folded in enumerate(d.pfolded):
        previous_end = 0
        if facts.violation_month is None and (vague := month_only(folded)):
            facts.violation_month = d.pfound(vague.group(), i, vague.start(), vague.end())
        for hit in find_dates(folded):
            hits.append((i, hit))
            role = _role_before(folded, hit, previous_end) or _role_after(folded, hit)
            if role is None and kind != DocKind.SERVICE_RECEIPT and _OWN_SERVICE.match(folded):
                role = DateRole.DELIVERY
            if role is None and DateRole.VIOLATION not in roles and (act := violation_at(folded, hit)):
                role = DateRole.VIOLATION_SEEN if act.seen else DateRole.VIOLATION
                _put_violation_end(d, facts, roles, i, hit, act)
            if role is not None:
                put(role, i, hit)
            previous_end = hit.end
    if not hits:
        facts.dates = roles
        return
    signed = _signed_line(d, hits)
    if signed:
        put(DateRole.SIGNED, *signed)
    if kind in SPAN_KINDS:
        _time_span(d, facts, hits)
        if facts.time_span is not None:
            span = facts.time_span
            roles.setdefault(DateRole.RECORD_START, Found(span.value[0].date(), span.evidence))
        else:
            put(DateRole.RECORD_START, *hits[0])
    # the document kind decides what its own date means
    own: DateRole | None = {
        DocKind.DECISION: DateRole.DECISION,
        DocKind.ON_THE_SPOT_DECISION: DateRole.DECISION,
        DocKind.PENALTY_NOTICE: DateRole.NOTICE,
        DocKind.HEARING_NOTICE: DateRole.HEARING_NOTICE,
        DocKind.CLOSING_APPROVAL: DateRole.CLOSING,
        DocKind.EXTENSION_APPROVAL: DateRole.EXTENSION,
        DocKind.DECISION_APPROVAL: DateRole.APPROVAL,
    }.get(kind)
    if own is not None and own not in roles and DateRole.SIGNED in roles:
        roles[own] = roles[DateRole.SIGNED]
    if kind == DocKind.FILING_APPROVAL:
        # 立案日期 as labelled, else the date the 负责人 signed the approval ("同意立案 李四 3月4日" in the
        # 承办机构意见 above it is a proposal, not the filing)
        for label in ("立案日期", "负责人审批意见"):
            in_field = _in_field(d, hits, fields.get(label))
            if in_field:
                roles[DateRole.FILING] = d.pfound(in_field[-1][1].value, *_span_of(in_field[-1]))
                break
    if kind == DocKind.FILING_APPROVAL and DateRole.FILING not in roles:
        src = roles.get(DateRole.APPROVAL) or roles.get(DateRole.SIGNED)
        if src is None:
            i, hit = hits[-1]
            src = d.pfound(hit.value, i, hit.start, hit.end)
        roles[DateRole.FILING] = src
    if kind == DocKind.FILING_APPROVAL and DateRole.SOURCE not in roles:
        # a 立案审批表 without a 案源登记表: its 简要案情 opens with how the case came in ("5月20日收到检验报告",
        # "3月19日检查发现", "10月15日接举报")
        came_in = next(((i, h) for i, h in hits if _CAME_IN.match(d.pfolded[i], h.end)), None)
        if came_in:
            put(DateRole.SOURCE, *came_in)
    elif kind == DocKind.CASE_SOURCE and DateRole.SOURCE not in roles:
        i, hit = hits[0]
        roles[DateRole.SOURCE] = d.pfound(hit.value, i, hit.start, hit.end)
    elif kind == DocKind.SERVICE_RECEIPT and DateRole.DELIVERY not in roles:
        in_field = _in_field(d, hits, fields.get("送达日期") or fields.get("受送达人签名"))
        if in_field:
            put(DateRole.DELIVERY, *in_field[-1])
        elif DateRole.SIGNED in roles:
            roles[DateRole.DELIVERY] = roles[DateRole.SIGNED]
        else:
            # the last date that no other label claims ("填发日期：…" is when the form was filled in)
            free = [(i, h) for i, h in hits if not _OTHER_DATE_LABEL.search(d.pfolded[i][max(0, h.start - 10) : h.start])]
            if free:
                put(DateRole.DELIVERY, *free[-1])
    elif kind == DocKind.HEARING_RECORD and DateRole.HEARING not in roles:
        roles[DateRole.HEARING] = roles.get(DateRole.RECORD_START) or d.pfound(hits[0][1].value, hits[0][0])
    facts.dates = roles


def _put_violation_end(d: Layout, facts: DocFacts, roles: dict[DateRole, Found[date]], i: int, hit: DateHit,
                       act: Act) -> None:
    """The end of the act dated by `hit`, or the note that it went on past the dates read (its sentence)."""
    if act.seen:
        return  # going on that day by definition (merge)
    if act.end is not None:
        roles[DateRole.VIOLATION_END] = d.pfound(act.end.value, i, act.end.start, act.end.end)
    elif act.ongoing:
        facts.violation_ongoing = d.pfound(True, i, hit.start, hit.end)


def _in_field(d: Layout, hits: list[tuple[int, DateHit]], field: FieldHit | None) -> list[tuple[int, DateHit]]:
    """The dates in the paragraph holding a labelled field's value."""
    if field is None:
        return []
    return [(i, h) for i, h in hits if i == d.para_of_block[field.line]]


def _span_of(hit: tuple[int, DateHit]) -> tuple[int, int, int]:
    return hit[0], hit[1].start, hit[1].end


_CAME_IN = re.compile(
    r"\s*(?:\d{1,2}时(?:\d{1,2}分)?)?[,，]?\s*(?:"
    r"接(?:到)?(?:群众|市民)?(?:举报|投诉|反映)|收到|接到|(?:本局|我局|执法人员)?(?:在[^，。；]{1,24})?"
    r"(?:现场|日常|执法|专项)?(?:检查|巡查|监测|检测|排查|抽检)(?:时|中)?发现|(?:在[^，。；]{1,24})?(?:检查|检测|巡查)|"
    r"[^，。；]{0,8}(?:系统|监控)[^，。；]{0,6}预警|(?:被)?移送|交办)"
)
_OTHER_DATE_LABEL = re.compile(
    r"(?<!送达)(?<!签收)(?<!收件)(?<!收到)(?<!妥投)(?<!投递)(?:填发|制作|填表|打印|寄出|收寄|交寄|发出|作出|审批|批准|填写)"
    r"(?:日期|时间)?\s*[:：]?\s*$"
)
_START_LABEL = re.compile(r"(?:开始|起始|起)(?:时间)?\s*[:：]?\s*$")
_END_LABEL = re.compile(r"(?:结束|终止|止|至)(?:时间)?\s*[:：]?\s*$")


def _time_span(d: Layout, facts: DocFacts, hits: list[tuple[int, DateHit]]) -> None:
    for i, folded in enumerate(d.pfolded[: HEAD_BLOCKS * 2]):
        spans = find_time_spans(folded)
        if spans:
            s = spans[0]
            facts.time_span = d.pfound((s.begin, s.finish), i, s.start, s.end)
            return
    # 开始时间：… 结束时间：… written as two labelled values
    begin = finish = None
    for i, hit in hits:
        if hit.time is None:
            continue
        window = d.pfolded[i][max(0, hit.start - 8) : hit.start]
        if begin is None and _START_LABEL.search(window):
            begin = (i, hit)
        elif begin is not None and _END_LABEL.search(window):
            finish = (i, hit)
            break
    if begin and finish:
        b = datetime.combine(begin[1].value, begin[1].time)  # type: ignore[arg-type]
        f = datetime.combine(finish[1].value, finish[1].time)  # type: ignore[arg-type]
        facts.time_span = d.pfound((b, f), begin[0], begin[1].start, begin[1].end)
