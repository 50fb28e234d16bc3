"""What a record or a service receipt says about the party: whether the party signed, which document was served."""

from __future__ import annotations

import re

from ingest.extract.dates import find_dates
from ingest.extract.fields import FieldHit, labels_present
from ingest.extract.layout import Layout, field_span
from ingest.model import DocFacts

_REFUSED = re.compile(r"拒绝签[名字收章]|拒签|拒不签[名字收章]|不愿签[名字]|拒绝在[^。]{0,10}签[名字]|拒绝确认")
_SERVED_TITLE = re.compile(
    r"《[^《》]{2,40}》|[\u4e00-\u9fa5()（）]{0,12}(?:决定书|告知书|通知书|笔录|审批表|责令改正通知书)"
)
_RECORD_SIGN_LABELS = ("被询问人签名", "被检查人签名")


def signature_written(hit: FieldHit) -> bool:
    """A signature label's value holds more than a date and the form's blanks: someone signed."""
    value = hit.value
    for date_hit in find_dates(value):
        value = value.replace(value[date_hit.start : date_hit.end], "")
    return bool(re.sub(r"[\s:：_＿()（）年月日]", "", value))


def signed_field(fields: dict[str, FieldHit], labels: tuple[str, ...]) -> FieldHit | None:
    """The first of the signature `labels` whose value holds a signature."""
    return next((hit for label in labels if (hit := fields.get(label)) is not None and signature_written(hit)), None)


def collect_signature(d: Layout, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    if hit := signed_field(fields, _RECORD_SIGN_LABELS):
        facts.signed_by_party = d.found(True, hit.line, *field_span(d, hit))
        return
    for i, folded in enumerate(d.folded):
        m = _REFUSED.search(folded)
        if m:
            facts.signed_by_party = d.found(True, i, m.start(), m.end())
            return
    present = labels_present(d.lines)
    for label in _RECORD_SIGN_LABELS:
        if label in present:
            for i, folded in enumerate(d.folded):
                if "签" in folded and ("被询问" in folded or "被检查" in folded or "当事人" in folded):
                    facts.signed_by_party = d.found(False, i)
                    return


def collect_served(d: Layout, facts: DocFacts, fields: dict[str, FieldHit]) -> None:
    hit = fields.get("送达文书")
    if hit is not None:
        facts.served_document = d.found(hit.value, hit.line, *field_span(d, hit))
        return
    for i, folded in enumerate(d.folded[1:], start=1):
        m = _SERVED_TITLE.search(folded)
        if m and "送达回证" not in m.group():
            facts.served_document = d.found(d.lines[i][m.start() : m.end()].strip(), i, m.start(), m.end())
            return
