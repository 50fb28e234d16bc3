"""Title variants of the 行政强制措施 forms as sector form books print them (城管 暂扣 forms, 交通运输 物品清单):
each names its kind, and a 暂扣 that takes a licence (a penalty) is not read as a seizure."""

from __future__ import annotations

import pytest

from ingest.classify import match_title
from ingest.glossary import DocKind


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("暂扣物品（工具）决定书", DocKind.SEIZURE),
        ("某区城市管理综合行政执法局暂扣物品决定书", DocKind.SEIZURE),
        ("暂扣车辆决定书", DocKind.SEIZURE),
        ("暂扣物品（工具）发还通知书", DocKind.SEIZURE_RELEASE),
        ("扣押财物退还通知书", DocKind.SEIZURE_RELEASE),
        ("采取（解除）强制措施审批表", DocKind.COERCION_APPROVAL),
        ("呈请扣押报告书", DocKind.COERCION_APPROVAL),
        ("呈请查封报告书", DocKind.COERCION_APPROVAL),
        ("物品清单", DocKind.SEIZURE_LIST),
        ("暂扣物品清单", DocKind.SEIZURE_LIST),
    ],
)
def test_coercion_title_variants(line: str, kind: DocKind) -> None:
    hit = match_title(line)
    assert hit is not None and hit[0] is kind


@pytest.mark.parametrize("line", ["暂扣许可证决定书", "被暂扣物品（工具）发还清单", "先行登记保存物品清单"])
def test_licence_suspension_and_return_lists_are_not_seizures(line: str) -> None:
    hit = match_title(line)
    assert hit is None or hit[0] not in (DocKind.SEIZURE, DocKind.SEIZURE_LIST)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("行政处罚决定履行催告书", DocKind.PAYMENT_REMINDER),
        ("督促履行义务催告书", DocKind.PAYMENT_REMINDER),
        ("催告通知书", DocKind.PAYMENT_REMINDER),
        ("行政处罚决定书（单位）", DocKind.DECISION),
        ("行政处罚决定书（个人）", DocKind.DECISION),
    ],
)
def test_reminder_and_per_party_decision_titles(line: str, kind: DocKind) -> None:
    hit = match_title(line)
    assert hit is not None and hit[0] is kind


def test_a_sentence_about_a_reminder_is_not_a_title() -> None:
    assert match_title("本机关已于2025年3月4日送达行政处罚决定履行催告书") is None


def test_an_approval_to_release_is_not_the_approval_of_the_measure() -> None:
    hit = match_title("呈请解除扣押报告书")
    assert hit is None or hit[0] is not DocKind.COERCION_APPROVAL
