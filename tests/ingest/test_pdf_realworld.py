"""PDF text-layer quirks of real files: characters placed one by one with tracking, justified labels, two-column
forms drawn label column first, a seal drawn as rotated text over the date, running headers and page footers,
a 送达回证 grid whose cells are written bottom row first, a page drawn bottom to top, full-width digits, and a
decision whose last page holds only the agency, the date and the seal.

Each PDF is drawn with reportlab at explicit positions, read by the real reader, split and extracted, and
compared with what a reviewer would write (page of the evidence included).
"""

from __future__ import annotations

import math
from datetime import date
from decimal import Decimal
from pathlib import Path

from ingest.classify import split_documents
from ingest.extract import extract_document
from ingest.glossary import DocKind
from ingest.model import DateRole
from ingest.readers import read_file
from tests.ingest.builders import _font

A4 = (595.2755905511812, 841.8897637795277)
FONT = _font()


def put(c, x, y, s, size=12, track=0.0, chars=False, color=None):
    c.setFont(FONT, size)
    if color:
        c.setFillColorRGB(*color)
    if chars:
        for i, ch in enumerate(s):
            c.drawString(x + i * (size + track), y, ch)
    elif track:
        t = c.beginText(x, y)
        t.setFont(FONT, size)
        t.setCharSpace(track)
        t.textOut(s)
        c.drawText(t)
    else:
        c.drawString(x, y, s)
    if color:
        c.setFillColorRGB(0, 0, 0)


def seal(c, cx, cy, r=48, top="北京市朝阳区市场监督管理局", bottom="行政处罚专用章"):
    c.setStrokeColorRGB(1, 0, 0)
    c.setFillColorRGB(1, 0, 0)
    c.circle(cx, cy, r)
    n = len(top)
    span = 240
    for i, ch in enumerate(top):
        a = math.radians(90 + span / 2 - i * span / (n - 1))
        x, y = cx + (r - 12) * math.cos(a), cy + (r - 12) * math.sin(a)
        c.saveState()
        c.translate(x, y)
        c.rotate(math.degrees(a) - 90)
        c.setFont(FONT, 9)
        c.drawCentredString(0, -4, ch)
        c.restoreState()
    c.setFont(FONT, 9)
    c.drawCentredString(cx, cy - r / 2, bottom)
    c.drawCentredString(cx, cy - 3, "★")
    c.setStrokeColorRGB(0, 0, 0)
    c.setFillColorRGB(0, 0, 0)


def build(path: Path, pages) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4)
    for draw in pages:
        draw(c)
        c.showPage()
    c.save()
    return path


AG = "北京市朝阳区市场监督管理局"
NO = "京朝市监罚〔2024〕128号"
PARTY = "北京鑫达食品有限公司"
CODE = "91110105MA01ABCD2X"


def decision_chars(c):
    # 1 per-char tracking, 2 justified labels, 8 full-width digits / ideographic spaces
    y = 780
    put(c, 200, y, AG, 16, chars=True, track=1)
    y -= 30
    put(c, 220, y, "行政处罚决定书", 20, chars=True, track=8)
    y -= 28
    put(c, 220, y, "京朝市监罚〔２０２４〕１２８号", 12, chars=True, track=0.5)
    y -= 30
    for lab, val in [
        ("当事人", PARTY),
        ("统一社会信用代码", CODE),
        ("法定代表人", "王某某"),
        ("住所", "北京市朝阳区建国路８８号"),
    ]:
        # justify label to 8 em
        n = len(lab)
        step = (8 * 12 - 12) / max(n - 1, 1) if n > 1 else 0
        for i, ch in enumerate(lab):
            put(c, 72 + i * step, y, ch)
        put(c, 72 + 8 * 12, y, "：" + val, chars=True)
        y -= 22
    body = [
        "　　经查，当事人于２０２４年１月９日在其经营场所销售超过保质期的食品。",
        "以上事实有现场笔录、询问笔录等证据证明。当事人的上述行为违反了《中华",
        "人民共和国食品安全法》第三十四条第（十）项的规定。依据《中华人民共和国",
        "食品安全法》第一百二十四条第一款第（五）项的规定，本局决定：没收违法所",
        "得，并处罚款人民币５００００元。",
        "　　如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向北京市朝阳区人民",
        "政府申请行政复议，也可以在六个月内向北京市朝阳区人民法院提起行政诉讼。",
    ]
    for line in body:
        put(c, 72, y, line, chars=True, track=0.3)
        y -= 20
    y -= 20
    put(c, 330, y, AG, chars=True)
    y -= 20
    put(c, 360, y, "２０２４年３月５日", chars=True)


def decision_layout_p1(c):
    put(c, 72, 810, NO, 9)
    put(c, 450, 810, "第 1 页 共 2 页", 9)
    y = 770
    put(c, 200, y, AG, 16)
    y -= 30
    put(c, 230, y, "行 政 处 罚 决 定 书", 18)
    y -= 26
    put(c, 230, y, NO)
    y -= 30
    rows = [
        ("当事人：", [PARTY]),
        ("统一社会信用代码：", [CODE]),
        ("法定代表人：", ["王某某"]),
        ("住所：", ["北京市朝阳区建国路88号院3号楼", "12层1205室"]),
        ("联系电话：", ["010-88888888"]),
    ]
    for lab, vals in rows:
        put(c, 72, y, lab)
        for v in vals:
            put(c, 190, y, v)
            y -= 20
    y -= 10
    body = [
        "    经查，当事人于2024年1月9日在其经营场所销售超过保质期的食品。以上",
        "事实有现场笔录、询问笔录等证据证明。当事人的上述行为违反了《中华人民",
        "共和国食品安全法》第三十四条第（十）项的规定。依据《中华人民共和国食品",
        "安全法》第一百二十四条第一款第（五）项的规定，本局决定：没收违法所得，",
        "并处罚款人民币50000元。",
    ]
    for line in body:
        put(c, 72, y, line)
        y -= 20
    put(c, 280, 40, "— 1 —", 10)


def decision_layout_p2(c):
    put(c, 72, 810, NO, 9)
    put(c, 450, 810, "第 2 页 共 2 页", 9)
    y = 770
    for line in [
        "    当事人应当自收到本决定书之日起十五日内缴纳罚款。如不服本处罚决定，",
        "可以在收到本处罚决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，",
        "也可以在六个月内向北京市朝阳区人民法院提起行政诉讼。",
        "    执法人员：张三（执法证号：11010012345）、李四（执法证号：11010012346）",
    ]:
        put(c, 72, y, line)
        y -= 20
    # signature + seal overlapping
    put(c, 340, 560, AG)
    put(c, 360, 540, "2024年3月5日")
    seal(c, 410, 550)
    put(c, 280, 40, "— 2 —", 10)


def receipt_table(c):
    # 送达回证: grid drawn with lines, cell texts written column by column, bottom row first
    put(c, 200, 780, AG, 14)
    put(c, 250, 750, "送 达 回 证", 18)
    xs = [72, 200, 520]
    ys = [720, 690, 660, 630, 600, 560, 520]
    for y in ys:
        c.line(xs[0], y, xs[-1], y)
    for x in xs:
        c.line(x, ys[0], x, ys[-1])
    labels = ["案由", "受送达人", "送达文书名称及文号", "送达地点", "送达方式", "受送达人签收"]
    values = [
        ["北京鑫达食品有限公司销售过期食品案"],
        [PARTY],
        ["行政处罚决定书"],
        ["北京市朝阳区建国路88号"],
        ["直接送达"],
        ["王某某  2024年3月8日"],
    ]
    for i in reversed(range(len(labels))):
        top, bot = ys[i], ys[i + 1]
        put(c, 80, (top + bot) / 2 - 4, labels[i], 11)
    for i in reversed(range(len(values))):
        top, bot = ys[i], ys[i + 1]
        put(c, 208, (top + bot) / 2 - 4, values[i][0], 11)
    put(c, 72, 490, "送达人：张三、李四", 11)
    put(c, 380, 460, "2024年3月6日", 11)  # 填发日期


def decision_bottom_up(c):
    lines = [
        "北京市朝阳区市场监督管理局",
        "行政处罚决定书",
        NO,
        "当事人：" + PARTY,
        "统一社会信用代码：" + CODE,
        "经查，当事人于2024年1月9日在其经营场所销售超过保质期的食品。",
        "当事人的上述行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。",
        "依据《中华人民共和国食品安全法》第一百二十四条第一款第（五）项的规定，",
        "本局决定：并处罚款人民币50000元。",
        "如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向北京市朝阳区人民政府申请行政复议。",
        "北京市朝阳区市场监督管理局",
        "2024年3月5日",
    ]
    ys = [780 - 24 * i for i in range(len(lines))]
    for line, y in reversed(list(zip(lines, ys, strict=False))):
        put(c, 72 if len(line) > 20 else 200, y, line, 11)


def lastpage_p1(c):
    y = 780
    for line in [
        AG,
        "行政处罚决定书",
        NO,
        "当事人：" + PARTY,
        "统一社会信用代码：" + CODE,
        "经查，当事人于2024年1月9日销售超过保质期的食品，违反了《中华人民共和国食品安全法》",
        "第三十四条第（十）项的规定。依据《中华人民共和国食品安全法》第一百二十四条第一款",
        "第（五）项的规定，本局决定：罚款人民币５００００元。",
        "如不服本处罚决定，可以在收到本处罚决定书之日起六十日内向北京市朝阳区人民政府申请",
        "行政复议，也可以在六个月内向北京市朝阳区人民法院提起行政诉讼。",
    ]:
        put(c, 72, y, line, 11)
        y -= 22
    put(c, 250, 40, "第 1 页 共 2 页", 9)


def lastpage_p2(c):
    put(c, 72, 810, NO, 9)
    put(c, 340, 700, AG)
    put(c, 350, 680, "二〇二四年三月五日")
    seal(c, 400, 690)
    put(c, 250, 40, "第 2 页 共 2 页", 9)


def _facts(tmp_path: Path, name: str, pages):
    path = build(tmp_path / f"{name}.pdf", pages)
    doc = read_file(path, path.name)
    parts = split_documents(doc)
    assert len(parts) == 1
    return doc, extract_document(parts[0])


def _lines(doc) -> list[tuple[int, str]]:
    return [(b.position.page, b.text) for b in doc.blocks]


def test_characters_placed_one_by_one(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "chars", [decision_chars])
    lines = [t for _, t in _lines(doc)]
    assert "行政处罚决定书" in lines  # tracking spaces dropped
    assert "统一社会信用代码：91110105MA01ABCD2X" in lines
    assert f.kind == DocKind.DECISION
    assert f.party_name.value == PARTY and f.party_id.value == CODE
    assert f.party_representative.value == "王某某"
    assert f.fine.value == Decimal(50000)
    assert f.dates[DateRole.DECISION].value == date(2024, 3, 5)
    assert f.dates[DateRole.VIOLATION].value == date(2024, 1, 9)
    assert f.review_body.value == "北京市朝阳区人民政府"


def test_two_column_form_headers_footers_and_a_seal_over_the_date(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "layout", [decision_layout_p1, decision_layout_p2])
    assert f.own_no.value == NO and f.party_id.value == CODE
    assert f.dates[DateRole.DECISION].value == date(2024, 3, 5)
    assert f.dates[DateRole.DECISION].evidence.position.page == 2
    assert [o.name for o in f.officers] == ["张三", "李四"]
    assert f.fine.value == Decimal(50000)
    page2 = [t for p, t in _lines(doc) if p == 2]
    assert page2[-1] == AG  # the seal's ring, one line at the end of its page
    assert not any(len(t.strip()) == 1 for t in page2)


def test_columns_drawn_one_after_the_other(tmp_path: Path) -> None:
    def cols(c):
        for y, label in ((700, "当事人"), (680, "地址")):
            put(c, 72, y, label)
        for y, value in ((700, PARTY), (680, "北京市朝阳区某某路")):
            put(c, 200, y, value)

    path = build(tmp_path / "cols.pdf", [cols])
    assert [b.text for b in read_file(path, path.name).blocks] == [
        "当事人 " + PARTY,
        "地址 北京市朝阳区某某路",
    ]


def test_receipt_grid_written_out_of_order(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "receipt", [receipt_table])
    assert f.kind == DocKind.SERVICE_RECEIPT
    assert f.served_document.value == "行政处罚决定书"
    assert f.dates[DateRole.DELIVERY].value == date(2024, 3, 8)
    assert f.fields["受送达人"].value == PARTY


def test_page_drawn_bottom_to_top(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "bottom", [decision_bottom_up])
    assert [t for _, t in _lines(doc)][:3] == [AG, "行政处罚决定书", NO]
    assert f.own_no.value == NO and f.party_name.value == PARTY
    assert f.dates[DateRole.DECISION].value == date(2024, 3, 5)
    assert f.fine.value == Decimal(50000)


def test_last_page_holds_only_the_date_and_seal(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "last", [lastpage_p1, lastpage_p2])
    assert f.fine.value == Decimal(50000)
    assert f.dates[DateRole.DECISION].value == date(2024, 3, 5)
    assert f.dates[DateRole.DECISION].evidence.position.page == 2
    assert f.party_id.value == CODE


def test_full_width_and_ideographic_space_kept(tmp_path: Path) -> None:
    path = build(tmp_path / "fw.pdf", [lambda c: put(c, 72, 700, "罚款人民币５００００元\u3000整")])
    assert [b.text for b in read_file(path, path.name).blocks] == ["罚款人民币５００００元\u3000整"]


def receipt_centred(c) -> None:
    """A 送达回证 written cell by cell in reading order, each label centred beside a value of 1–3 lines."""
    put(c, 200, 780, AG, 14)
    put(c, 250, 750, "送达回证", 18)
    rows = [
        ("受送达人", [PARTY]),
        ("送达文书名称及文号", ["行政处罚决定书", "（京朝市监罚〔2024〕128号）"]),
        ("送达地点", ["北京市朝阳区建国路88号院", "3号楼", "12层1205室"]),
        ("签收日期", ["2024年3月8日"]),
    ]
    y = 720
    for label, values in rows:
        height = 20 * len(values) + 10
        c.line(72, y, 520, y)
        first = y - 5 - (height - 20 * len(values)) / 2 - 11
        put(c, 80, first - 20 * (len(values) - 1) / 2, label, 11)
        for k, value in enumerate(values):
            put(c, 208, first - 20 * k, value, 11)
        y -= height
    c.line(72, y, 520, y)
    put(c, 72, y - 30, "送达人：张三、李四", 11)


def test_labels_centred_beside_wrapped_values(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "centred", [receipt_centred])
    assert [t for _, t in _lines(doc)][2:8] == [
        "受送达人 " + PARTY,
        "送达文书名称及文号 行政处罚决定书",
        "（京朝市监罚〔2024〕128号）",
        "送达地点 北京市朝阳区建国路88号院",
        "3号楼",
        "12层1205室",
    ]
    assert f.served_document.value == "行政处罚决定书"
    assert f.dates[DateRole.DELIVERY].value == date(2024, 3, 8)


def numbered_items(c) -> None:
    """Indented numbered items whose first one wraps: its short last line sits at the left margin, between two
    lines that start at the indent (the shape of a centred form label, but a sentence's end)."""
    put(c, 200, 780, AG, 14)
    put(c, 230, 750, "行政处罚决定书", 18)
    put(c, 72, 700, "当事人：" + PARTY, 12)
    put(c, 72, 676, "本机关决定对你单位给予以下行政处罚：", 12)
    put(c, 110, 652, "1、处以697平方米×11元/平方米=7667元(柒仟陆佰陆拾柒元整)的罚", 12)
    put(c, 72, 628, "款；", 12)
    put(c, 110, 604, "2、责令限期恢复原状。", 12)


def test_a_paragraphs_last_line_is_not_lifted_as_a_label(tmp_path: Path) -> None:
    doc, f = _facts(tmp_path, "items", [numbered_items])
    lines = [t for _, t in _lines(doc)]
    assert lines.index("款；") == lines.index("1、处以697平方米×11元/平方米=7667元(柒仟陆佰陆拾柒元整)的罚") + 1
    assert f.fine.value == Decimal("7667")


def restated_fine(c) -> None:
    """A penalty item hard-wrapped after "即：", its amount (moved whole) opening the next line."""
    put(c, 200, 780, AG, 14)
    put(c, 230, 750, "行政处罚决定书", 18)
    put(c, 72, 700, "当事人：" + PARTY, 12)
    put(c, 72, 676, "经查，当事人擅自改变林地用途，本机关决定给予以下行政处罚：", 12)
    put(c, 72, 652, "处恢复植被和林业生产条件所需费用两倍的罚款，即：", 12)
    put(c, 72, 628, "29500.00元（贰万玖仟伍佰元整）。", 12)


def test_a_sentence_wrapped_after_namely_goes_on(tmp_path: Path) -> None:
    _, f = _facts(tmp_path, "namely", [restated_fine])
    assert f.fine.value == Decimal("29500")
