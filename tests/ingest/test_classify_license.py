"""行政许可 titles as the template books print them (河南 2016, 云南, 湖南司法厅, 水利部 2006, 林业 books)."""

from __future__ import annotations

import pytest

from ingest.classify import match_title
from ingest.glossary import DocKind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("行政许可申请书", DocKind.LICENSE_APPLICATION),
        ("林木采伐许可公示", DocKind.PUBLICATION_PROOF),  # a licence published under its subject
        ("食品经营许可信息公示", DocKind.PUBLICATION_PROOF),
        ("行政许可申请材料接收凭证", DocKind.RECEIPT_OF_MATERIALS),
        ("收取行政许可申请材料凭证", DocKind.RECEIPT_OF_MATERIALS),
        ("补正材料通知书", DocKind.CORRECTION_NOTICE),
        ("行政许可申请材料补正告知书", DocKind.CORRECTION_NOTICE),
        ("水行政许可申请补正通知书", DocKind.CORRECTION_NOTICE),
        ("行政许可补正材料通知书", DocKind.CORRECTION_NOTICE),
        ("行政许可受理通知书", DocKind.ACCEPTANCE_NOTICE),
        ("北京市朝阳区市场监督管理局行政许可受理通知书", DocKind.ACCEPTANCE_NOTICE),
        ("行政许可申请受理通知书", DocKind.ACCEPTANCE_NOTICE),
        ("受理决定书", DocKind.ACCEPTANCE_NOTICE),
        ("行政许可不予受理决定书", DocKind.NON_ACCEPTANCE_DECISION),
        ("不予受理行政许可申请通知书", DocKind.NON_ACCEPTANCE_DECISION),
        ("行政许可不予受理通知书", DocKind.NON_ACCEPTANCE_DECISION),
        ("行政许可审批表", DocKind.LICENSE_REVIEW_RECORD),
        ("行政许可决定审批表", DocKind.LICENSE_REVIEW_RECORD),
        ("行政许可受理（不予受理）审批表", DocKind.LICENSE_REVIEW_RECORD),
        ("行政许可核查（勘验）笔录", DocKind.ONSITE_VERIFICATION_RECORD),
        ("行政许可核查工作记录", DocKind.ONSITE_VERIFICATION_RECORD),
        ("现场核查笔录", DocKind.ONSITE_VERIFICATION_RECORD),
        ("行政许可利害关系人告知书", DocKind.INTERESTED_PARTY_NOTICE),
        ("行政许可特别程序告知书", DocKind.SPECIAL_PROCEDURE_NOTICE),
        ("水行政许可除外时间告知书", DocKind.SPECIAL_PROCEDURE_NOTICE),
        ("延长行政许可批准时限告知书", DocKind.LICENSE_EXTENSION_NOTICE),
        ("行政许可延期决定通知书", DocKind.LICENSE_EXTENSION_NOTICE),
        ("行政许可延期通知书", DocKind.LICENSE_EXTENSION_NOTICE),
        ("行政许可延期审批表", DocKind.EXTENSION_APPROVAL),
        ("行政许可延期决定审批表", DocKind.EXTENSION_APPROVAL),
        ("行政许可陈述、申辩、听证权利告知书", DocKind.HEARING_NOTICE),
        ("行政许可听证告知书", DocKind.HEARING_NOTICE),
        ("举行行政许可听证通知书", DocKind.HEARING_NOTICE),
        ("行政许可听证申请书", DocKind.HEARING_APPLICATION),
        ("行政许可听证笔录", DocKind.HEARING_RECORD),
        ("重大行政许可法制审核意见书", DocKind.LEGAL_REVIEW),
        ("准予行政许可决定书", DocKind.LICENSE_DECISION),
        ("准予水行政许可决定书", DocKind.LICENSE_DECISION),
        ("准予变更行政许可决定书", DocKind.LICENSE_DECISION),
        ("不予行政许可决定书", DocKind.LICENSE_REFUSAL),
        ("不予延续行政许可决定书", DocKind.LICENSE_REFUSAL),
        ("行政许可不准予延续决定书", DocKind.LICENSE_REFUSAL),
        ("行政许可文书送达回证", DocKind.SERVICE_RECEIPT),
        ("行政许可决定公开书", DocKind.PUBLICATION_PROOF),
        ("食品经营许可证（副本）", DocKind.LICENSE_CERTIFICATE),
        ("取水许可证", DocKind.LICENSE_CERTIFICATE),
        ("证明事项告知承诺书", DocKind.COMMITMENT_LETTER),
        # the penalty titles keep their kinds
        ("行政处罚决定书", DocKind.DECISION),
        ("听证告知书", DocKind.HEARING_NOTICE),
        ("现场检查笔录", DocKind.INSPECTION_RECORD),
    ],
)
def test_license_titles(line: str, kind: DocKind) -> None:
    hit = match_title(line)
    assert hit is not None and hit[0] == kind, (line, hit)


@pytest.mark.parametrize("line", [
    "本机关于2025年3月3日收到你单位提交的行政许可申请材料。",
    "如对本准予行政许可决定书有异议，可依法申请行政复议。",
    "行政许可告知书",  # not a hearing-rights notice by its title alone
])  # fmt: skip
def test_license_body_text_is_not_a_title(line: str) -> None:
    assert match_title(line) is None
