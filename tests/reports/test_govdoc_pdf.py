"""The 通报, a 监督意见书 and a 评查表 rendered to PDF by LibreOffice, read back as a bureau would see them:
A4 pages, the fonts drawn, every 公文 element present, tables whose rows never split and whose header repeats.

LibreOffice is installed in CI by .ci/run; locally the test skips without `soffice` unless CI is set, when
it fails. .ci/fonts.conf maps the GB/T 9704 faces to the Noto CJK SC fonts (Debian fonts-noto-cjk).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest
from docx.oxml.ns import qn

from reports.campaign_file import load_campaign_file
from reports.charts import render_campaign_charts
from reports.circular import write_circular
from reports.govdoc import GovDoc
from reports.letters import write_supervision_letters
from reports.loading import load_run
from reports.review_form import write_review_forms
from tests.paths import ROOT
from tests.reports.fake_history import SHIJIAN, make_campaigns

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
A4 = (595.3, 841.9)

if SOFFICE is None:
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI: .ci/run installs it", pytrace=False)
    pytestmark = pytest.mark.skip(reason="LibreOffice (soffice) is not installed")


def to_pdf(docx: Path, out_dir: Path) -> Path:
    """Convert with a private LibreOffice profile (parallel tests must not share one) and the repo's fonts."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "FONTCONFIG_FILE": str(ROOT / ".ci" / "fonts.conf")}
    profile = (out_dir / "profile").resolve().as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out_dir), str(docx)], check=True, capture_output=True, env=env, timeout=180)
    return out_dir / (docx.stem + ".pdf")


def read_pdf(path: Path) -> tuple[list[str], set[str], list[tuple[float, float]], float]:
    """Each page's text (spaces dropped), the fonts named, the page sizes, the smallest glyph size."""
    with pdfplumber.open(path) as pdf:
        texts = [re.sub(r"\s+", "", page.extract_text() or "") for page in pdf.pages]
        fonts = {c["fontname"].split("+")[-1] for page in pdf.pages for c in page.chars}
        sizes = [(round(float(page.width), 1), round(float(page.height), 1)) for page in pdf.pages]
        smallest = min((c["size"] for page in pdf.pages for c in page.chars if c["text"].strip()), default=0)
    return texts, fonts, sizes, smallest


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pdf")
    out = make_campaigns(root)[2025]
    run = json.loads((out / "run.json").read_text(encoding="utf-8"))
    example = load_campaign_file(ROOT / "samples" / "campaign.example.yaml")
    run["campaign_file"] = example.model_dump(mode="json")
    (out / "run.json").write_text(json.dumps(run, ensure_ascii=False), encoding="utf-8")
    render_campaign_charts(load_run(out), out)
    circular = write_circular(out, out / "通报.docx")
    letter = next(p for p in write_supervision_letters(out, out / "监督意见书") if p.stem == SHIJIAN)
    form = next(p for p in write_review_forms(out) if p.stem == SHIJIAN)
    pdfs = root / "pdf"
    return {"circular": to_pdf(circular, pdfs / "c"), "letter": to_pdf(letter, pdfs / "l"),
            "form": to_pdf(form, pdfs / "f"), "out": out}


def _all_a4(sizes: list[tuple[float, float]]) -> bool:
    return all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes)


def test_circular_has_every_element_of_a_government_document(rendered) -> None:
    texts, fonts, sizes, _ = read_pdf(rendered["circular"])
    assert _all_a4(sizes) and len(texts) >= 3
    first, last, text = texts[0], texts[-1], "".join(texts)
    assert first.startswith("北京市大兴区司法局文件京兴司发〔2025〕12号")  # 发文机关标志, then 发文字号
    assert "关于2025年度行政执法案卷评查情况的通报" in first
    assert "区属各行政执法部门、各镇人民政府、街道办事处：" in first  # 主送
    assert "附件：各单位案卷评查情况一览表" in text and "（联系人：王某某；联系电话：010-69200000）" in text
    assert "北京市大兴区司法局2025年7月8日" in text  # 落款 and 成文日期
    assert "抄送：北京市司法局，区委全面依法治区委员会办公室。" in last  # 版记 on the last page
    assert "北京市大兴区司法局办公室2025年7月10日印发" in last
    assert [f"—{n}—" in page for n, page in enumerate(texts, start=1)] == [True] * len(texts)  # page numbers
    assert "《中华人民共和国行政处罚法》" in text and not re.search(r"\b[VR]\d\d\b", text)
    assert any("NotoSerifCJK" in f for f in fonts) and any("NotoSansCJK" in f for f in fonts)  # 仿宋/小标宋, 黑体


def test_letter_opens_with_the_campaigns_legal_basis(rendered) -> None:
    texts, fonts, sizes, _ = read_pdf(rendered["letter"])
    assert _all_a4(sizes)
    text = "".join(texts)
    assert text.startswith("北京市大兴区司法局文件京兴司监〔2025〕32号行政执法监督意见书区市场监督管理局：")
    assert "根据《北京市行政执法监督办法》第十四条，北京市大兴区司法局" in text
    assert "依据：《中华人民共和国行政处罚法》第四十四条、第六十二条" in text and "30日内" in text
    assert "附件：存在问题案卷的评查表（1份）" in text and "北京市大兴区司法局2025年7月8日" in text
    assert "抄送：北京市司法局" in texts[-1] and "2025年7月10日印发" in texts[-1]
    assert any("CJK" in f for f in fonts)


def test_review_form_is_legible_and_signable(rendered) -> None:
    texts, fonts, sizes, smallest = read_pdf(rendered["form"])
    assert _all_a4(sizes) and smallest >= 10.4  # 五号 or larger everywhere
    text = "".join(texts)
    assert text.count("行政执法案卷评查表") == 2  # the unit's two files, each from its own page
    assert "京罚决字〔2025〕003号" in text and "京罚决字〔2025〕009号" in text
    for page in texts:  # every file's form ends with both signature lines on the page of its conclusion
        if "评查结论：" in page:
            assert "评查人（签名）" in page and "复核人（签名）" in page
    assert "未履行事先告知程序" in text and "否决" in text
    assert any("CJK" in f for f in fonts)


def test_table_rows_never_split_and_the_header_repeats(tmp_path: Path) -> None:
    doc = GovDoc()
    doc.title("表格分页")
    body = "内容较长的单元格需要折行显示，" * 6
    doc.table(("序号", "说明", "结论"), [(n, f"起{n}。{body}止{n}。", "通过") for n in range(1, 41)])
    texts, _, _, _ = read_pdf(to_pdf(doc.save(tmp_path / "table.docx"), tmp_path / "pdf"))
    assert len(texts) >= 3
    for n in range(1, 41):
        pages = [i for i, page in enumerate(texts) if f"起{n}。" in page or f"止{n}。" in page]
        assert len(set(pages)) == 1, f"row {n} split over pages {pages}"
    assert all("序号说明结论" in page for page in texts)  # the header row on every page


def _line_bottom_mm(pdf: Path, text: str) -> tuple[int, int, float]:
    """(page number, pages, how far above the page's bottom edge in mm) of the line holding `text`."""
    with pdfplumber.open(pdf) as document:
        for number, page in enumerate(document.pages, start=1):
            for line in page.extract_text_lines():
                if text in re.sub(r"\s+", "", line["text"]):
                    return number, len(document.pages), (float(page.height) - line["bottom"]) / 72 * 25.4
    raise AssertionError(f"{text} not in {pdf.name}")


@pytest.mark.parametrize("kind", ["circular", "letter"])
def test_the_imprint_stands_at_the_foot_of_the_last_page(rendered, kind) -> None:
    page, pages, above = _line_bottom_mm(rendered[kind], "2025年7月10日印发")
    # GB/T 9704 §7.4: on the last page, its last rule on the bottom of the type area (35 mm margin), not after
    # the text
    assert page == pages and 35 <= above <= 40
    copy_page, _, copy_above = _line_bottom_mm(rendered[kind], "抄送：北京市司法局")
    assert copy_page == pages and 0 < copy_above - above < 15


def test_the_file_list_keeps_each_number_and_score_on_one_line(rendered) -> None:
    """The attachment's 文号 and scores (a vetoed file's 0（原始得分98）) are never broken across lines; a unit's
    name stands once, beside its files (merged cells), where it may wrap."""
    with pdfplumber.open(rendered["circular"]) as document:
        pages = [page for page in document.pages if "一览表" in (page.extract_text() or "")]
        lines = [re.sub(r"\s+", "", line["text"]) for page in pages for line in page.extract_text_lines()]
    cases = load_run(rendered["out"]).cases
    numbers = [n for n in cases["case_no"] if n]
    assert numbers and all(any(n in line for line in lines) for n in numbers), lines
    assert any("0（原始得分98）" in line for line in lines), lines
    import docx

    table = docx.Document(str(rendered["out"] / "通报.docx")).tables[-1]
    named = [row.cells[1].text for row in table.rows[1:]]  # a merged cell reads the same in each of its rows
    assert named == [u for u in named if u] and sorted(set(named)) == sorted(set(cases["unit"]))
    starts = [tc.tcPr.find(qn("w:vMerge")) for tc in (row._tr.tc_lst[1] for row in table.rows[1:])]
    restarts = [m is None or m.get(qn("w:val")) == "restart" for m in starts]
    assert sum(restarts) == cases["unit"].nunique()  # each unit's name printed once
