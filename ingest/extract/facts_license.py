"""A licence file's facts (行政许可, checklist-licensing.md): the dates of application, 补正, 受理, decision,
delivery and 公开, the periods told to the applicant in writing (特别程序), an extension's approval, and the
reasons of a refusal.

Kept apart from the penalty collectors: the same words mean other things here (受理日期 of a complaint is a
案源 date; of a licence application it starts the 20 working days). Each value keeps its evidence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from ingest.extract.dates import find_dates
from ingest.extract.layout import Layout
from ingest.extract.party import parse_party
from ingest.extract.remedies import find_remedies
from ingest.glossary import DocKind
from ingest.model import DateRole, DocFacts, Elements, Found
from ingest.normalize import cn_to_int, fold

LICENSE_KINDS = frozenset({
    DocKind.LICENSE_APPLICATION, DocKind.RECEIPT_OF_MATERIALS, DocKind.CORRECTION_NOTICE, DocKind.ACCEPTANCE_NOTICE,
    DocKind.NON_ACCEPTANCE_DECISION, DocKind.LICENSE_REVIEW_RECORD, DocKind.ONSITE_VERIFICATION_RECORD,
    DocKind.INTERESTED_PARTY_NOTICE, DocKind.SPECIAL_PROCEDURE_NOTICE, DocKind.LICENSE_EXTENSION_NOTICE,
    DocKind.LICENSE_DECISION, DocKind.LICENSE_REFUSAL, DocKind.LICENSE_CERTIFICATE, DocKind.COMMITMENT_LETTER,
    DocKind.PUBLICATION_PROOF,
})  # fmt: skip

# A date labelled before it, and the role it has in a licence document.
_LABELLED: list[tuple[DateRole, re.Pattern[str]]] = [
    (DateRole.APPLICATION, re.compile(r"(?:申请|收件|接收|收到申请|提交)(?:材料)?(?:日期|时间)[:：]?\s*$")),
    (DateRole.ACCEPTANCE, re.compile(r"受理(?:日期|时间)[:：]?\s*$")),
    (DateRole.PUBLICATION, re.compile(r"(?:公示|公开|发布)(?:日期|时间)[:：]?\s*$")),
    (DateRole.DECISION, re.compile(r"(?:决定|批准|发证)(?:日期|时间)[:：]?\s*$")),
    (DateRole.DELIVERY, re.compile(r"(?:送达|签收|领取|领证)(?:日期|时间)[:：]?\s*$")),
]
# "本机关于2025年3月3日收到你单位提交的…申请": the date the application was received.
_RECEIVED_AFTER = re.compile(r"\s*(?:收到|收悉|接收|受理)?[^。；]{0,24}?(?:提交|提出|递交|报送)?[^。；]{0,16}?申请")
_RECEIVED_BEFORE = re.compile(r"(?:于|在)\s*$")
# "2025年3月3日，本机关收到你申请…所送的有关材料": the template books' opening of a 补正告知书
_RECEIVED_OPENING = re.compile(r"\s*[，,]\s*(?:本机关|本局|我局|本委|我委|本厅)?(?:收到|收悉|接收)[^。；]{0,30}申请")
# The kind's own date: what its 落款 date means.
_OWN_DATE: dict[DocKind, DateRole] = {
    DocKind.ACCEPTANCE_NOTICE: DateRole.ACCEPTANCE,
    DocKind.LICENSE_DECISION: DateRole.DECISION,
    DocKind.LICENSE_REFUSAL: DateRole.DECISION,
    DocKind.NON_ACCEPTANCE_DECISION: DateRole.DECISION,
    DocKind.LICENSE_APPLICATION: DateRole.APPLICATION,
    DocKind.RECEIPT_OF_MATERIALS: DateRole.APPLICATION,
    DocKind.PUBLICATION_PROOF: DateRole.PUBLICATION,
}
_NUMBER = r"(\d{1,3}|[一二三四五六七八九十百两]{1,4})"
# "专家评审所需时间为15个工作日" / "检验、检测所需时间30日，不计算在…期限内"
_EXCLUDED = re.compile(rf"(?:所需|需要|约需|预计)?(?:时间|期限)?(?:为|约|共)?\s*{_NUMBER}\s*个?\s*(工作日|日|天)")
_APPROVED = re.compile(r"(?:经|已经|报经)[^。；]{0,12}(?:负责人|局长|主任|领导)[^。；]{0,6}(?:批准|同意)")
_REASONS = re.compile(r"(?:理由|原因)[:：是为]|(?:因|由于|经审查|经审核|经核查)[^。；]{0,60}?(?:不符合|不具备|不属于|未达到|不能|不予|未能|缺少|不齐全)"
                      r"|(?:不符合|不具备|不属于|未达到)[^。；]{1,40}(?:条件|规定|要求|标准|范围|职权)")
# "北京某某餐饮有限公司：" alone on a line at the head of a notice or decision: whom it is addressed to
_SALUTATION = re.compile(r"^\s*([\u4e00-\u9fff()（）]{4,40}(?:公司|厂|店|中心|合作社|协会|学校|医院|院|部|所|站|社))\s*[:：]\s*$")
_APPLICANT = re.compile(r"^\s*申请(?:人|单位)(?:名称|姓名)?(?:\([^()]{1,8}\))?\s*[:：]\s*([^\s:：，,。；]{2,40})")


def collect_license(d: Layout, facts: DocFacts) -> None:
    """Licence dates, excluded days, approval of an extension, reasons, applicant: what the kind needs."""
    kind = d.doc.kind
    if kind not in LICENSE_KINDS and kind not in (DocKind.SERVICE_RECEIPT, DocKind.EXTENSION_APPROVAL):
        return
    roles = facts.dates
    for i, text in enumerate(d.pfolded):
        for hit in find_dates(text):
            before = text[max(0, hit.start - 12) : hit.start]
            role = next((r for r, p in _LABELLED if p.search(before)), None)
            if role is None and _RECEIVED_OPENING.match(text, hit.end):
                role = DateRole.APPLICATION
            if role is None and _RECEIVED_BEFORE.search(before) and _RECEIVED_AFTER.match(text, hit.end):
                accepted = text[hit.end : hit.end + 4].lstrip().startswith(("受理", "予以受理", "决定受理"))
                role = DateRole.ACCEPTANCE if accepted else DateRole.APPLICATION
            if role is not None and role not in roles:
                roles[role] = d.pfound(hit.value, i, hit.start, hit.end)
    own = _OWN_DATE.get(kind)
    if own is not None and own not in roles and DateRole.SIGNED in roles:
        roles[own] = roles[DateRole.SIGNED]
    if kind == DocKind.SPECIAL_PROCEDURE_NOTICE:
        facts.excluded_days = _first(d, _EXCLUDED, lambda m: cn_to_int(m.group(1)))
    if kind in (DocKind.LICENSE_EXTENSION_NOTICE, DocKind.EXTENSION_APPROVAL):
        facts.extension_approved = _first(d, _APPROVED, lambda m: True)
    if kind in (DocKind.LICENSE_REFUSAL, DocKind.NON_ACCEPTANCE_DECISION):
        facts.reasons = _first(d, _REASONS, lambda m: m.group(0))
        if facts.remedies is None:  # the penalty collectors read remedies of penalty documents only
            for i, text in enumerate(d.paras):
                hit = find_remedies(text)
                if hit is not None:
                    facts.remedies = d.pfound(text[hit.start : hit.end].strip(), i, hit.start, hit.end)
                    break
    # An application is addressed to the agency ("X街道办事处："): its 申请人 label names the party, not the salutation.
    if facts.party_name is None or kind == DocKind.LICENSE_APPLICATION:
        facts.party_name = next((d.found(m.group(1), i, m.start(1), m.end(1)) for i, line in enumerate(d.folded)
                                 if (m := _APPLICANT.match(line))), facts.party_name)
        if facts.party_name is not None and facts.party_id is None:
            code = parse_party(d.lines[:60], salutation_lines=0).party_id  # the labelled code beside the applicant
            if code is not None:
                facts.party_id = d.found(code.value, code.line, code.start, code.end)
    if facts.party_name is None and kind != DocKind.LICENSE_APPLICATION:
        facts.party_name = next((d.found(m.group(1), i, m.start(1), m.end(1)) for i, line in enumerate(d.folded[:8])
                                 if (m := _SALUTATION.match(line))), None)


def _first(d: Layout, pattern: re.Pattern[str], value) -> Found | None:
    for i, text in enumerate(d.pfolded):
        m = pattern.search(text)
        if m is not None:
            return d.pfound(value(m), i, m.start(), m.end())
    return None


def _of(docs: Iterable[DocFacts], *kinds: DocKind) -> list[DocFacts]:
    return [d for d in docs if d.kind in kinds]


def _date(docs: Iterable[DocFacts], *roles: DateRole) -> Found[date] | None:
    for d in docs:
        for role in roles:
            if role in d.dates:
                return d.dates[role]
    return None


_SERVES_LICENSE = re.compile(r"许可证|准予[^，。；]{0,6}许可|证件")  # never the 不予许可决定


def merge_license(docs: list[DocFacts], e: Elements) -> None:
    """The licence elements of a case, each from the document that states it."""
    receipts = _of(docs, DocKind.RECEIPT_OF_MATERIALS, DocKind.LICENSE_APPLICATION)
    e.application_date = (_date(_of(docs, DocKind.RECEIPT_OF_MATERIALS), DateRole.APPLICATION)
                          or _date(_of(docs, DocKind.ACCEPTANCE_NOTICE, DocKind.CORRECTION_NOTICE,
                                       DocKind.NON_ACCEPTANCE_DECISION), DateRole.APPLICATION)
                          or _date(receipts, DateRole.APPLICATION))  # fmt: skip
    notices = sorted((d.dates[DateRole.SIGNED] for d in _of(docs, DocKind.CORRECTION_NOTICE)
                      if DateRole.SIGNED in d.dates), key=lambda f: f.value)
    e.correction_notice_date = notices[0] if notices else None
    e.acceptance_date = _date(_of(docs, DocKind.ACCEPTANCE_NOTICE), DateRole.ACCEPTANCE)
    decisions = _of(docs, DocKind.LICENSE_DECISION, DocKind.LICENSE_REFUSAL)
    if decisions:
        e.license_decision = "grant" if decisions[0].kind == DocKind.LICENSE_DECISION else "refuse"
        if e.decision_date is None:
            e.decision_date = _date(decisions, DateRole.DECISION)
        if e.party_name is None:
            e.party_name = next((d.party_name for d in decisions if d.party_name), None)
    if e.party_id is None and e.party_name is not None:
        # a licence decision seldom repeats the applicant's code; the application states it beside the name
        e.party_id = next((d.party_id for d in decisions + _of(docs, DocKind.LICENSE_APPLICATION)
                           if d.party_id and d.party_name and fold(d.party_name.value) == fold(e.party_name.value)),
                          None)
    extensions = _of(docs, DocKind.LICENSE_EXTENSION_NOTICE, DocKind.EXTENSION_APPROVAL)
    e.extension_approved = next((d.extension_approved for d in extensions if d.extension_approved), None)
    if e.extension_approved is None:
        approval = _of(docs, DocKind.EXTENSION_APPROVAL)  # the 延期审批表 is the head's approval itself
        if approval and DateRole.SIGNED in approval[0].dates:
            e.extension_approved = Found(True, approval[0].dates[DateRole.SIGNED].evidence)
    special = _of(docs, DocKind.SPECIAL_PROCEDURE_NOTICE)
    if special and all(d.excluded_days is not None for d in special):
        first = special[0].excluded_days
        assert first is not None
        e.excluded_days = Found(sum(d.excluded_days.value for d in special if d.excluded_days), first.evidence)
    e.certificate_delivery_date = next(
        (r.dates[DateRole.DELIVERY] for r in _of(docs, DocKind.SERVICE_RECEIPT)
         if DateRole.DELIVERY in r.dates and r.served_document and _SERVES_LICENSE.search(r.served_document.value)),
        _date(_of(docs, DocKind.LICENSE_CERTIFICATE), DateRole.DELIVERY))  # fmt: skip
    e.publication_date = _date(_of(docs, DocKind.PUBLICATION_PROOF), DateRole.PUBLICATION)
