"""Masking: no 18-digit ID number, phone number or individual party's name in circulated outputs."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest

from reports.charts import render_campaign_charts
from reports.circular import write_circular
from reports.history import compute_trends, record_run
from reports.history.charts import write_trends_workbook
from reports.letters import write_supervision_letters
from reports.loading import load_run
from reports.masking import mask_person_name, mask_text
from tests.reports.fake_history import ID_NUMBERS, INDIVIDUALS, PHONE, make_campaigns

ID_RE = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")


@pytest.mark.parametrize(("name", "masked"), [
    ("张三", "张某"), ("王小明", "王某某"), ("欧阳娜娜", "欧阳某某"), ("李某", "李某"), ("赵", "赵"),
])
def test_mask_person_name(name: str, masked: str) -> None:
    assert mask_person_name(name) == masked


def test_mask_text_numbers_and_names() -> None:
    text = ("当事人王小明（公民身份号码：11010119900307123X），手机138-1234-5678，座机010-62345678，"
            "联系电话：69283456；北京某某有限公司，统一社会信用代码91110105MA01ABCD1X，文号京罚〔2025〕020号")
    masked = mask_text(text, ["王小明", "北"])
    assert "1101**********123X" in masked and "11010119900307123X" not in masked
    assert "138****5678" in masked and "010-****5678" in masked and "****3456" in masked
    assert "王某某" in masked and "王小明" not in masked
    assert "北京某某有限公司" in masked and "91110105MA01ABCD1X" in masked  # organisations stay; 1-char names ignored
    assert "〔2025〕020号" in masked
    assert mask_text(masked, ["王小明"]) == masked  # idempotent


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    parts += [p.text for s in document.sections for p in s.footer.paragraphs]
    return "\n".join(parts)


def _assert_clean(text: str, where: str) -> None:
    assert not ID_RE.findall(text), f"unmasked ID number in {where}"
    assert PHONE not in text, f"unmasked phone number in {where}"
    for name in INDIVIDUALS:
        assert name not in text, f"unmasked name {name} in {where}"


def test_circulated_outputs_are_masked(tmp_path: Path) -> None:
    runs = make_campaigns(tmp_path / "runs")
    url = f"sqlite:///{tmp_path / 'history.db'}"
    for year in (2023, 2024, 2025):
        record_run(runs[year], url)
    trends = compute_trends(url)
    raw = "".join((runs[y] / n).read_text(encoding="utf-8-sig") for y in runs for n in ("cases.csv", "findings.csv"))
    for secret in (*ID_NUMBERS, PHONE, *INDIVIDUALS):  # the planted data really is there to be masked
        assert secret in raw

    for year in (2024, 2025):
        out = runs[year]
        render_campaign_charts(load_run(out), out)
        circular = write_circular(out, tmp_path / f"通报{year}.docx", trends=trends)
        _assert_clean(_docx_text(circular), circular.name)
        letters = write_supervision_letters(out, tmp_path / f"letters{year}")
        for letter in letters:
            _assert_clean(_docx_text(letter), letter.name)
    assert "王某某" in _docx_text(tmp_path / "letters2025" / "区市场监督管理局.docx")

    # the trend charts' inputs (every table of Trends) and the trends workbook
    for table in (trends.campaigns, trends.unit_scores, trends.grade_shares, trends.top_problems,
                  trends.category_deductions, trends.recurrence, trends.zero_enforcement):
        _assert_clean(table.astype(str).to_csv(), "trend tables")
    from openpyxl import load_workbook

    wb = load_workbook(write_trends_workbook(trends, tmp_path / "trends.xlsx"))
    cells = "\n".join(str(c) for ws in wb for row in ws.iter_rows(values_only=True) for c in row if c is not None)
    _assert_clean(cells, "trends.xlsx")


@pytest.mark.parametrize(("text", "secret", "shown"), [
    ("身份证号：１１０１０１１９９００３０７１２３４", "１９９００３０７", "１１０１"),  # full-width digits
    ("身份证 110101 19900307 1234 号", "19900307", "1234"),  # spaced groups
    ("身份证1101-0119-9003-0712-34", "9003", "12-34"),
    ("旧身份证110101900307123", "900307", "7123"),  # 15 digits, YYMMDD
    ("手机 138.1234.5678", "1234", "5678"),  # dotted
    ("电话 +86 139 1234 5678", "1234 5678", "139****5678"),
    ("手机１３８１２３４５６７８", "１２３４５６７８", "５６７８"),
    ("座机010.6234.5678", "6234", "5678"),
    ("见证人：张三丰，签名", "张三丰", "张某某"),  # a natural person named after a label
    ("被询问人 李小四（签名）", "李小四", "李某某"),
    ("法定代表人：欧阳娜娜；联系人：王五", "欧阳娜娜", "欧阳某某"),
])
def test_mask_text_handles_what_units_really_type(text: str, secret: str, shown: str) -> None:
    masked = mask_text(text)
    assert secret not in masked
    assert shown in masked


@pytest.mark.parametrize("text", [
    "决定书文号京罚〔2025〕020号，罚款20000元，2025年3月5日作出",
    "统一社会信用代码91110105MA01ABCD1X",  # organisations stay
    "执法证号11010528942",  # 11 digits, no birth date: not an ID; not a mobile (starts 110)
    "案由：未按规定办理，负责人员已整改",  # a label word inside running text is not a name slot
])
def test_mask_text_leaves_what_is_not_personal_data(text: str) -> None:
    assert mask_text(text) == text
