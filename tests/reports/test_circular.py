"""The circular (通报.docx) and supervision letters, opened with python-docx and checked against the run."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from reports.charts import render_campaign_charts
from reports.circular import RANKING_HEADERS, write_circular
from reports.history import compute_trends, record_run
from reports.letters import LETTERS_DIR, write_supervision_letters
from reports.loading import load_run
from tests.reports.fake_history import HEALTH, SHIJIAN, TOWN, make_campaigns


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("circular")
    runs = make_campaigns(root)
    url = f"sqlite:///{root / 'history.db'}"
    for year in (2023, 2024, 2025):
        record_run(runs[year], url)
    out = runs[2025]
    charts = render_campaign_charts(load_run(out), out)
    return out, charts, compute_trends(url)


def _tables(document) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in document.tables]


def _expected_ranking(cases_csv: Path) -> list[tuple[str, int, float, float]]:
    """Units by average score, ties by total (domain.md), straight from cases.csv."""
    units: dict[str, list[float]] = {}
    with cases_csv.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            units.setdefault(row["unit"], []).append(float(row["total_score"]))
    stats = [(u, len(s), sum(s) / len(s), sum(s)) for u, s in units.items()]
    return sorted(stats, key=lambda s: (-round(s[2], 6), -s[3], s[0]))


def test_circular_ranking_charts_and_format(campaign, tmp_path: Path) -> None:
    out, charts, _ = campaign
    path = write_circular(out, tmp_path / "通报.docx")
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "关于2025年度行政执法案卷评查情况的通报" in text.replace("\n", "") and "X司发〔2025〕X号" in text
    assert "从120卷中抽取6卷" in text  # sampling from run.json
    everything = text + "".join(c for t in _tables(document) for row in t for c in row)
    assert "penalty-general" not in everything and not re.search(r"\b[VR]\d\d\b", everything)  # names, not ids
    assert "/2025-" not in everything and ".docx" not in everything  # files by unit and 文号, not folder or file
    assert "根据《中华人民共和国行政处罚法》第七十五条" in text  # the neutral basis without a campaign file

    ranking = next(t for t in _tables(document) if tuple(t[0]) == RANKING_HEADERS)
    expected = _expected_ranking(out / "cases.csv")
    assert [row[1] for row in ranking[1:]] == [e[0] for e in expected]
    for row, (_unit, files, average, total) in zip(ranking[1:], expected, strict=True):
        assert int(row[2]) == files and float(row[3]) == pytest.approx(average, abs=0.01)
        assert float(row[4]) == pytest.approx(total)
    # the tie at 90 (区城管执法局 2 files, 区生态环境局 1 file) is broken by the total
    assert ranking[1][1] == "区城管执法局" and ranking[2][1] == "区生态环境局"

    pngs = sorted((out / "charts").glob("**/*.png"))
    assert len(pngs) == len(charts) >= 3
    assert len(document.inline_shapes) == len(pngs)  # every chart embedded
    images = [r for r in document.part.rels.values() if r.reltype.endswith("/image")]
    assert len(images) == len(pngs)

    section = document.sections[0]
    assert round(section.page_width.cm, 1) == 21.0 and round(section.page_height.cm, 1) == 29.7
    assert [round(m.cm, 1) for m in (section.top_margin, section.bottom_margin, section.left_margin,
                                     section.right_margin)] == [3.7, 3.5, 2.8, 2.6]
    title = next(p for p in document.paragraphs if p.style.name == "Title")
    fonts = title.runs[0]._element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "方正小标宋简体" and title.runs[0].font.size.pt == 22
    body = next(p for p in document.paragraphs if p.text.startswith("为全面落实"))
    assert body.runs[0]._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋_GB2312"
    assert body.runs[0].font.size.pt == 16
    heading_fonts = document.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading_fonts.get(qn("w:eastAsia")) == "黑体"
    assert heading_fonts.get(qn("w:eastAsiaTheme")) is None and heading_fonts.get(qn("w:asciiTheme")) is None
    footer_xml = section.footer._element.xml
    assert "PAGE" in footer_xml and 'w:fldCharType="begin"' in footer_xml
    font_table = next(p for p in document.part.package.iter_parts() if str(p.partname) == "/word/fontTable.xml")
    assert "方正小标宋简体" in font_table.blob.decode("utf-8") and "altName" in font_table.blob.decode("utf-8")


def test_circular_with_trends_has_recurrence_and_zero_enforcement(campaign, tmp_path: Path) -> None:
    out, charts, trends = campaign
    document = docx.Document(str(write_circular(out, tmp_path / "通报.docx", trends=trends)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "整改落实情况" in text and "零执法" in text and TOWN in text and "五、整改要求" in text
    recurrence = next(t for t in _tables(document) if "上次问题案卷数" in t[0])
    assert recurrence[1][1:] == [SHIJIAN, "决定书无送达凭证", "2", "1"]
    assert len(document.inline_shapes) == len(charts) + 4  # the run's charts and the four trend charts


def test_supervision_letters(campaign, tmp_path: Path) -> None:
    out, _, _ = campaign
    letters = write_supervision_letters(out, tmp_path / LETTERS_DIR, deadline_days=15)
    # vetoed file at 区市场监督管理局, 不合格 by score at 区卫生健康委员会; nobody else
    assert sorted(p.name for p in letters) == sorted([f"{SHIJIAN}.docx", f"{HEALTH}.docx"])
    document = docx.Document(str(next(p for p in letters if p.stem == SHIJIAN)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "行政执法监督意见书" in text and "15日内" in text
    assert "未履行事先告知程序（否决项）" in text
    assert "依据：《中华人民共和国行政处罚法》第四十四条、第六十二条" in text  # V03's statute, in full
    assert "根据《中华人民共和国行政处罚法》第七十五条，区司法局" in text  # the neutral basis
    files = _tables(document)[0]
    assert len(files) == 2 and files[1][3].startswith("0（原始得分98")  # only the vetoed file is listed


def test_letters_tolerate_a_checklist_without_statutes(campaign, tmp_path: Path) -> None:
    import json
    import shutil

    out, _, _ = campaign
    copy = tmp_path / "run"
    shutil.copytree(out, copy)
    run = json.loads((copy / "run.json").read_text(encoding="utf-8"))
    (tmp_path / "bare.yaml").write_text("id: x\nitems:\n  - {code: V03, name: 未履行事先告知程序}\n", encoding="utf-8")
    run["checklist"].update(path=str(tmp_path / "bare.yaml"), id="no-such-checklist")
    (copy / "run.json").write_text(json.dumps(run, ensure_ascii=False), encoding="utf-8")
    letters = write_supervision_letters(copy, tmp_path / "letters")
    text = "\n".join(p.text for p in docx.Document(str(letters[0])).paragraphs)
    assert "依据：见评查标准" in text
