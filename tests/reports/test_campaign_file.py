"""campaign.yaml (reports/campaign_file.py): the example loads, each mistake is one Chinese line with file:line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from reports.campaign_file import (
    NEUTRAL_BASIS,
    CampaignFile,
    CampaignFileError,
    campaign_of,
    load_campaign_file,
)

EXAMPLE = Path(__file__).resolve().parents[2] / "samples" / "campaign.example.yaml"


def test_the_example_loads_with_every_field() -> None:
    campaign = load_campaign_file(EXAMPLE)
    assert campaign.organizer == "北京市大兴区司法局" and campaign.masthead_text() == "北京市大兴区司法局文件"
    assert campaign.doc_number(2025, campaign.number) == "京兴司发〔2025〕12号"
    assert [campaign.letter_number(2025, i) for i in (0, 2)] == ["京兴司监〔2025〕31号", "京兴司监〔2025〕33号"]
    assert campaign.signed_on == date(2025, 7, 8) and campaign.signed_text() == "2025年7月8日"
    assert campaign.printed_text() == "2025年7月10日印发"
    assert campaign.legal_basis == "《北京市行政执法监督办法》第十四条" and campaign.rectification_days == 30
    assert campaign.copy_to == ("北京市司法局", "区委全面依法治区委员会办公室")
    assert campaign.contact is not None and campaign.contact.phone == "010-69200000"


def test_without_a_file_the_documents_keep_their_placeholders() -> None:
    campaign = campaign_of({})
    assert campaign == CampaignFile()
    assert campaign.doc_number(None) == "X司发〔20XX〕X号" and campaign.signed_text() == "20XX年X月X日"
    assert campaign.legal_basis == NEUTRAL_BASIS and "北京" not in NEUTRAL_BASIS
    assert campaign_of({"campaign_file": campaign.model_dump(mode="json")}) == campaign


@pytest.mark.parametrize(("text", "message"), [
    ("organizer: 区司法局\nyear: 二〇二五\n", "c.yaml:2: year: 应为整数"),
    ("organiser: 区司法局\n", "c.yaml:1: organiser: 未知字段"),
    ("year: 2025\nsigned_on: 2025-13-01\n", "c.yaml:2: signed_on: 应为日期（如2025-07-08）"),
    ("year: 2025\nsigned_on: 七月八日\n", "c.yaml:2: signed_on: 应为日期（如2025-07-08）"),
    ("contact:\n  name: 王某\n", "c.yaml:1: contact.phone: 缺少必填字段"),
    ("\nrectification_days: 0\n", "c.yaml:2: rectification_days: 不能小于1"),
    ("copy_to: 市司法局\nyear: 2025\nyear: 2026\n", "c.yaml:3: year: 字段重复"),
    ("- 区司法局\n", "c.yaml:1: 文件: 活动文件应为“字段: 值”的映射"),
])  # fmt: skip
def test_each_mistake_is_one_line_with_its_place(text: str, message: str) -> None:
    with pytest.raises(CampaignFileError) as raised:
        from reports.campaign_file import parse_campaign_file

        parse_campaign_file(text, "c.yaml")
    assert str(raised.value) == message


def test_one_addressee_may_be_written_without_a_list() -> None:
    from reports.campaign_file import parse_campaign_file

    assert parse_campaign_file("copy_to: 市司法局\n", "c.yaml").copy_to == ("市司法局",)
