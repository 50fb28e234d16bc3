"""Unit tests of the pure parsers, with the real formats of domain.md "How elements look in real documents"."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal

import pytest

from ingest.errors import ParseError
from ingest.extract.amounts import find_amounts, find_fine
from ingest.extract.case_numbers import classify, find_case_numbers
from ingest.extract.credit_code import check_code
from ingest.extract.dates import find_dates, find_time_spans, parse_date
from ingest.extract.fields import extract_fields
from ingest.extract.officers import find_officers_in_lines
from ingest.extract.party import parse_party
from ingest.extract.provisions import classify_citations, find_citations
from ingest.extract.remedies import (
    find_defense_right,
    find_hearing_right,
    find_payment_terms,
    find_remedies,
    find_waiver,
)
from ingest.normalize import cn_amount, cn_to_int, collapse_spaces, fold, int_to_cn, squash

# ---------------------------------------------------------------------------------------------- normalize


@pytest.mark.parametrize(
    ("text", "value"),
    [("一百零八", 108), ("二十", 20), ("十五", 15), ("两千", 2000), ("〇", 0), ("二〇二四", 2024), ("二○二四", 2024),
     ("二0二四", 2024), ("一千零五十", 1050), ("三十一", 31), ("108", 108), ("十", 10), ("一万零八", 10008),
     ("伍万贰仟壹佰贰拾", 52120), ("3万", 30000)],
)  # fmt: skip
def test_cn_to_int(text: str, value: int) -> None:
    assert cn_to_int(text) == value


@pytest.mark.parametrize("n", [0, 1, 10, 15, 20, 108, 1050, 10008, 100000, 123456789])
def test_int_to_cn_round_trip(n: int) -> None:
    assert cn_to_int(int_to_cn(n)) == n


def test_cn_to_int_rejects_words() -> None:
    with pytest.raises(ParseError):
        cn_to_int("条款")


@pytest.mark.parametrize(
    ("text", "value"),
    [("伍万贰仟壹佰贰拾元", "52120"), ("伍佰肆拾伍元整", "545"), ("壹拾元伍角陆分", "10.56"), ("零元伍角", "0.5"),
     ("人民币叁仟元正", "3000"), ("壹佰万元整", "1000000")],
)  # fmt: skip
def test_cn_amount(text: str, value: str) -> None:
    assert cn_amount(text) == Decimal(value)


def test_fold_keeps_length_and_squash_maps_offsets() -> None:
    text = "京朝环罚字［２０２４］１５号：（印章）\u3000"
    assert fold(text) == "京朝环罚字[2024]15号:(印章) "
    assert len(fold(text)) == len(text)
    compact, offsets = squash("行 政　处 罚")
    assert compact == "行政处罚" and offsets == [0, 2, 4, 6]
    assert collapse_spaces("行 政 处 罚 决 定 书") == "行政处罚决定书"
    assert collapse_spaces("当事人：  A   B公司") == "当事人: A B公司"


# ---------------------------------------------------------------------------------------------- case numbers

REAL_DECISION_NUMBERS = [
    ("岳汨环罚决字〔2023〕020号", "020"),
    ("盘环罚决(2021)138号", "138"),
    ("(津保)应急罚[2023]k-39号", "k-39"),
    ("豫0185环罚决字〔2023〕22号", "22"),
    ("昌州环罚字〔2022〕1-10号", "1-10"),
    ("湛(吴)环罚字〔2021〕18号", "18"),
    ("兴消行罚决字〔2023〕第100066号", "100066"),
    ("京环境监察罚字〔2018〕29号", "29"),
    ("京建法罚（朝房）字[2008]第XX-XXXX号", "XX-XXXX"),
    ("（津保）应急罚［2023］k-39号", "k-39"),
    ("京朝环罚字【2024】15号", "15"),
]


@pytest.mark.parametrize(("number", "serial"), REAL_DECISION_NUMBERS)
def test_real_decision_numbers(number: str, serial: str) -> None:
    found = find_case_numbers(f"文号：{number}。")
    assert [(c.text, c.kind, c.serial) for c in found] == [(number, "decision", serial)]


def test_case_number_in_running_text_and_with_spaces() -> None:
    text = "根据岳汨环罚告字 〔2023〕 020 号告知书，依据京朝环罚字〔2024〕15号决定书"
    found = find_case_numbers(text)
    assert [(c.text, c.kind) for c in found] == [("岳汨环罚告字〔2023〕020号", "notice"), ("京朝环罚字〔2024〕15号", "decision")]
    assert text[found[0].start : found[0].end] == "岳汨环罚告字 〔2023〕 020 号"
    receipt = find_case_numbers("送达文书：行政处罚决定书（京朝环罚字［2024］15号）")
    assert [c.text for c in receipt] == ["京朝环罚字［2024］15号"]


@pytest.mark.parametrize(
    ("number", "kind"),
    [("京朝环罚告字〔2024〕9号", "notice"), ("京朝城管告字〔2024〕9号", "notice"), ("京朝环罚决字〔2024〕9号", "decision"),
     ("京朝环罚字〔2024〕9号", "decision"), ("京朝环听告字〔2024〕9号", "hearing"), ("京朝环立字〔2024〕第3号", "other"),
     ("(津保)应急罚[2023]k-39号", "decision")],
)  # fmt: skip
def test_classify_case_numbers(number: str, kind: str) -> None:
    assert classify(number) == kind


# ---------------------------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    "text",
    ["2024年3月5日", "2024年03月05日", "2024年 3月 5日", "2024.3.5", "2024-03-05", "2024/3/5", "二〇二四年三月五日",
     "二○二四年三月五日", "二0二四年三月五日", "二Ｏ二四年三月五日", "２０２４年３月５日", "2024年3月5号"],
)  # fmt: skip
def test_date_formats(text: str) -> None:
    hits = find_dates(f"日期：{text}。")
    assert [h.value for h in hits] == [date(2024, 3, 5)]


def test_dates_are_validated_and_not_amounts() -> None:
    assert find_dates("2024年2月30日") == []
    assert find_dates("二〇二三年二月二十九日") == []
    assert [h.value for h in find_dates("二〇二四年二月二十九日")] == [date(2024, 2, 29)]
    assert find_dates("罚款2024.35元") == []
    assert find_dates("____年__月__日") == []
    assert parse_date("落款：二〇二四年十二月三十一日") == date(2024, 12, 31)
    with pytest.raises(ParseError):
        parse_date("无日期")


def test_times_and_spans() -> None:
    (hit,) = find_dates("2024年3月5日9时30分")
    assert hit.time == time(9, 30)
    spans = find_time_spans("时间：2024年3月5日9时30分至10时15分")
    assert [(s.begin, s.finish) for s in spans] == [(datetime(2024, 3, 5, 9, 30), datetime(2024, 3, 5, 10, 15))]
    spans = find_time_spans("2024年3月5日 9:30—10:15")
    assert spans[0].finish == datetime(2024, 3, 5, 10, 15)
    spans = find_time_spans("2024年3月5日9时30分至2024年3月5日10时15分")
    assert spans[0].finish == datetime(2024, 3, 5, 10, 15)
    spans = find_time_spans("2024年3月5日下午2时30分至3时")
    assert (spans[0].begin, spans[0].finish) == (datetime(2024, 3, 5, 14, 30), datetime(2024, 3, 5, 15, 0))


# ---------------------------------------------------------------------------------------------- amounts


@pytest.mark.parametrize(
    ("text", "upper", "figures"),
    [("罚款伍万贰仟壹佰贰拾元", "52120", None), ("罚款人民币50000元", None, "50000"),
     ("罚款伍佰肆拾伍元整(¥545元)", "545", "545"), ("处5万元罚款", None, "50000"), ("罚款50,000.00元", None, "50000"),
     ("罚款：人民币伍万元（¥50000.00）", "50000", "50000"), ("罚款10000元（大写：壹万元整）", "10000", "10000"),
     ("罚款壹拾元伍角陆分", "10.56", None), ("罚款叁仟元（￥3000元）", "3000", "3000"), ("罚款人民币五千元", "5000", None),
     ("罚款545.50元", None, "545.5"), ("处以1.5万元罚款", None, "15000")],
)  # fmt: skip
def test_amount_formats(text: str, upper: str | None, figures: str | None) -> None:
    fine = find_fine(text)
    assert fine is not None
    assert fine.upper == (Decimal(upper) if upper else None)
    assert fine.figures == (Decimal(figures) if figures else None)


def test_amount_roles() -> None:
    hits = find_amounts("没收违法所得3000元，并处罚款人民币壹万元整（小写：10000元）")
    assert [(h.role, h.value) for h in hits] == [("other", Decimal("3000")), ("fine", Decimal("10000"))]
    ranges = find_amounts("处五万元以上二十万元以下的罚款")
    assert [h.role for h in ranges] == ["range", "range"]
    assert find_fine("处五万元以上二十万元以下的罚款") is None
    assert find_amounts("第三单元") == []
    mismatch = find_amounts("罚款伍仟元（¥50000元）")[0]
    assert (mismatch.upper, mismatch.figures) == (Decimal("5000"), Decimal("50000"))


# ---------------------------------------------------------------------------------------------- codes


@pytest.mark.parametrize(
    "code", ["914101850572028342", "91120116697415782C", "92430621MA4RE6UX2M", "93211221MA0U20A84Q", "9121012406473197XW"]
)
def test_valid_credit_codes(code: str) -> None:
    check = check_code(code)
    assert (check.kind, check.status, check.org_code_ok) == ("uscc", "valid", True)


def test_invalid_masked_and_other_codes() -> None:
    assert check_code("914101850572028343").status == "invalid"
    assert check_code("91120116697415782I").status == "invalid"  # I is not in the charset
    masked = check_code("91430102**********")
    assert (masked.kind, masked.status) == ("uscc", "masked")
    assert check_code("11010519491231002X").kind == "id_card" and check_code("11010519491231002X").valid
    assert check_code("110105194912310021").status == "invalid"
    assert check_code("4301**********1234").status == "masked"
    assert check_code("110108000000016").kind == "registration_no" and check_code("110108000000016").valid
    assert check_code("110108000000017").status == "invalid"
    assert check_code("９１４１０１８５０５７２０２８３４２").valid  # full-width digits


# ---------------------------------------------------------------------------------------------- party


def test_party_label_style_organisation() -> None:
    info = parse_party(["行政处罚决定书", "当事人：北京某某科技（中国）有限公司", "统一社会信用代码：914101850572028342",
                        "法定代表人：王某", "住所：北京市朝阳区某某路1号", "经查，你单位于2024年3月1日…"])  # fmt: skip
    assert info.name is not None and info.name.value == "北京某某科技（中国）有限公司" and info.name.line == 1
    assert info.kind == "organisation"
    assert info.party_id is not None and info.party_id.value == "914101850572028342"
    assert info.representative is not None and info.representative.value == "王某"
    assert info.address is not None and info.address.value == "北京市朝阳区某某路1号"


def test_party_salutation_style_one_line_details() -> None:
    info = parse_party(["北京某某餐饮有限公司：", "统一社会信用代码：91120116697415782C，法定代表人：李某，地址：天津市某区某路8号。"])
    assert info.name is not None and info.name.value == "北京某某餐饮有限公司"
    assert info.party_id is not None and info.party_id.value == "91120116697415782C"
    assert info.address is not None and info.address.value == "天津市某区某路8号"
    assert info.kind == "organisation"


def test_party_individual() -> None:
    info = parse_party(["当事人：张三，男，1980年1月1日出生，汉族，公民身份号码：11010519491231002X，住址：北京市海淀区某小区1号楼。"])
    assert info.name is not None and info.name.value == "张三"
    assert info.kind == "individual"
    assert info.party_id is not None and info.party_id.value == "11010519491231002X"
    assert info.address is not None and info.address.value == "北京市海淀区某小区1号楼"
    named = parse_party(["姓名：李四", "性别：女", "住址：北京市朝阳区"])
    assert named.name is not None and named.name.value == "李四" and named.kind == "individual"


@pytest.mark.parametrize(
    "lines",
    [["当事人：汨罗市某某小吃店（个体工商户）", "经营者：张某", "统一社会信用代码：92430621MA4RE6UX2M"],
     ["当事人：张某", "字号名称：汨罗市某某小吃店", "统一社会信用代码：92430621MA4RE6UX2M"],
     ["汨罗市某某小吃店：", "统一社会信用代码：92430621MA4RE6UX2M；经营者：张某，性别：女"]],
)  # fmt: skip
def test_party_sole_trader_trade_name_is_the_party(lines: list[str]) -> None:
    info = parse_party(lines)
    assert info.name is not None and info.name.value == "汨罗市某某小吃店"
    assert info.representative is not None and info.representative.value == "张某"
    assert info.kind == "individual"  # a 个体工商户 is a natural person in law


def test_party_table_row_and_masked_code() -> None:
    info = parse_party(["当事人\t北京某某有限公司\t统一社会信用代码\t91430102**********"])
    assert info.name is not None and info.name.value == "北京某某有限公司"
    assert info.party_id is not None and info.party_id.value == "91430102**********"


def test_salutation_is_not_a_heading() -> None:
    assert parse_party(["行政处罚决定书", "经查明：", "处罚决定如下："]).name is None


# ---------------------------------------------------------------------------------------------- officers


@pytest.mark.parametrize(
    "lines",
    [["执法人员：张三（执法证号：11010012345）、李四（执法证号：11010012346）"],
     ["执法人员张三、李四，执法证号分别为11010012345、11010012346，向你出示了执法证件。"],
     ["检查人：张三、李四    执法证号：11010012345、11010012346"],
     ["执法人员\t张三\t执法证号\t11010012345", "执法人员\t李四\t执法证号\t11010012346"],
     ["执法人员\t姓名\t执法证号", "\t张三\t11010012345", "\t李四\t11010012346"],
     ["问：我们是某某局的执法人员张三、李四，执法证号分别为11010012345、11010012346，这是我们的执法证件，请过目。"],
     ["执法人员：张三（执法证号：11010012345），李四（执法证号：11010012346）", "执法人员签名：张三 李四"]],
)  # fmt: skip
def test_officer_styles(lines: list[str]) -> None:
    found = find_officers_in_lines(lines)
    assert [(o.name, o.cert) for o in found] == [("张三", "11010012345"), ("李四", "11010012346")]


def test_officers_not_read_from_narrative_or_other_labels() -> None:
    assert find_officers_in_lines(["我局执法人员于2024年3月5日对你单位进行了检查。"]) == []
    assert find_officers_in_lines(["承办人意见\t建议立案调查。", "调查人员陈述：当事人未采取措施。"]) == []
    lettered = find_officers_in_lines(["询问人：欧阳明明（证号：JZ110001）  记录人：李四（证号：JZ110002）"])
    assert [(o.name, o.cert) for o in lettered] == [("欧阳明明", "JZ110001"), ("李四", "JZ110002")]


# ---------------------------------------------------------------------------------------------- provisions


@pytest.mark.parametrize(
    ("text", "expected"),
    [("《中华人民共和国大气污染防治法》第一百零八条第(一)项", [(108, None, 1)]),
     ("《中华人民共和国大气污染防治法》第一百零八条第（一）项", [(108, None, 1)]),
     ("《X法》第三十一条第一款", [(31, 1, None)]),
     ("《X法》第四十五条第一款第五项", [(45, 1, 5)]),
     ("《X法》第108条第1款第3项", [(108, 1, 3)]),
     ("《X法》第十条、第十二条第一款和第二款", [(10, None, None), (12, 1, None), (12, 2, None)]),
     ("《X法》第十条第（一）项、第（三）项", [(10, None, 1), (10, None, 3)]),
     ("《X条例》", [(None, None, None)])],
)  # fmt: skip
def test_citation_formats(text: str, expected: list[tuple]) -> None:
    found = find_citations(f"依据{text}的规定")
    assert [(c.provision.article, c.provision.clause, c.provision.item) for c in found] == expected


def test_violated_and_penalty_provisions() -> None:
    text = "违反了《中华人民共和国大气污染防治法》第四十八条的规定，依据该法第一百零八条第（一）项的规定，决定处罚如下"
    violated, basis = classify_citations(text)
    assert [(c.provision.law, c.provision.article) for c in violated] == [("中华人民共和国大气污染防治法", 48)]
    assert [(c.provision.law, c.provision.article, c.provision.item) for c in basis] == [
        ("中华人民共和国大气污染防治法", 108, 1)
    ]
    rights = "根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你单位享有陈述、申辩的权利。"
    assert classify_citations(rights) == ([], [])


# ---------------------------------------------------------------------------------------------- remedies


def test_remedies_and_payment() -> None:
    text = ("如不服本处罚决定，可在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，或者在六个月内向北京市朝阳区"
            "人民法院提起行政诉讼。罚款应于收到本决定书之日起十五日内缴至指定银行。")  # fmt: skip
    r = find_remedies(text)
    assert r is not None and (r.days, r.months, r.body) == (60, 6, "北京市朝阳区人民政府")
    assert find_remedies("可在60日内向上级主管部门申请行政复议。").body == "上级主管部门"
    p = find_payment_terms(text)
    assert p is not None and p.days == 15 and text[p.start : p.end].startswith("罚款")


def test_notice_rights_and_waiver() -> None:
    notice = ("你单位享有陈述、申辩的权利，可在收到本告知书之日起三个工作日内提出。你单位有权要求举行听证，"
              "应当在收到本告知书之日起五日内提出。逾期未提出的，视为放弃上述权利。")  # fmt: skip
    d = find_defense_right(notice)
    assert d is not None and d.days == 3 and d.working_days
    h = find_hearing_right(notice)
    assert h is not None and h.days == 5
    assert find_waiver(notice) is None
    assert find_waiver("本人放弃陈述、申辩和听证权利。") is not None
    assert find_waiver("我公司不要求听证。") is not None


# ---------------------------------------------------------------------------------------------- fields


def test_form_fields_text_rows_and_header_rows() -> None:
    lines = ["当事人：北京某某有限公司    案件来源：日常检查", "案 由\t涉嫌超标排放大气污染物", "承办人\t张三、李四",
             "负责人审批意见\t同意立案。王五 2024年3月2日", "送达文书名称\t送达地点\t送达时间\t送达方式",
             "行政处罚决定书（京朝环罚字〔2024〕15号）\t公司办公室\t2024年4月1日10时\t直接送达",
             "受送达人签名：____________", "被询问人（签名）：张三"]  # fmt: skip
    fields = extract_fields(lines)
    values = {k: v.value for k, v in fields.items()}
    assert values["当事人"] == "北京某某有限公司" and values["案件来源"] == "日常检查"
    assert values["案由"] == "涉嫌超标排放大气污染物" and values["承办人"] == "张三、李四"
    assert values["负责人审批意见"].startswith("同意立案")
    assert values["送达文书"] == "行政处罚决定书（京朝环罚字〔2024〕15号）"
    assert values["送达方式"] == "直接送达" and values["送达地点"] == "公司办公室"
    assert fields["送达日期"].line == 5
    assert values["受送达人签名"] == ""  # read blank: the positive evidence of a missing element
    assert values["被询问人签名"] == "张三"


@pytest.mark.parametrize(
    ("line", "mark"),
    [
        ("第 1 页 共 3 页", True), ("第2页（共3页）", True), ("共3页 第2页", True), ("— 2 —", True), ("－２－", True),
        ("2/3", True), ("Page 2 of 3", True), ("12", True),
        ("第2页记载的证据", False), ("行政处罚决定书", False), ("京朝市监罚〔2024〕3号", False),
    ],
)
def test_page_marks(line: str, mark: bool) -> None:
    from ingest.normalize import is_page_mark

    assert is_page_mark(line) is mark


@pytest.mark.parametrize(("lines", "name", "kind", "party_id"), [
    # the page ran the heading into the text: the name ends where the decision's body begins
    (["当事人:张德利 你未经依法批准,于2015年擅自占用崮山镇土地"], "张德利", "individual", None),
    # a template's placeholder label left in brackets
    (["(公司名称):天津奥港汽车部件科技发展有限公司", "统一社会信用代码:91120116697415782C"],
     "天津奥港汽车部件科技发展有限公司", "organisation", "91120116697415782C"),
    # the combined label of forms for both kinds of party, and an ID behind 主体资格证件名称及号码
    (["当事人姓名或者单位名称:天津市西青区金福家乐食品店（黄子强）", "主体资格证件名称及号码:营业执照120111600435901"],
     "天津市西青区金福家乐食品店", "organisation", "120111600435901"),
    # no 当事人 label: the name alone above its code
    (["行政处罚决定书", "豫 0329 环罚决字〔2024〕18 号", "伊川县路驰建筑工程有限公司", "统一社会信用代码:91410329MADG3F3D8T"],
     "伊川县路驰建筑工程有限公司", "organisation", "91410329MADG3F3D8T"),
])
def test_party_blocks_of_other_units(lines, name, kind, party_id) -> None:
    info = parse_party(lines)
    assert (info.name.value, info.kind, info.party_id.value if info.party_id else None) == (name, kind, party_id)


def test_a_number_line_above_a_salutation_is_not_the_party() -> None:
    info = parse_party(["行政处罚决定书", "岳环罚决字〔2024〕5号", "岳阳市君山区鑫源化工有限公司（统一社会信用代码：91430611**********）："])
    assert info.name.value == "岳阳市君山区鑫源化工有限公司"


@pytest.mark.parametrize(("line", "officers"), [
    ("执法人员周婷、王丽娟向当事人出示执法证件", [("周婷", None), ("王丽娟", None)]),  # a list, then a verb
    ("执法人员方识宇、王江瑞于当天前往该场所进行调查", [("方识宇", None), ("王江瑞", None)]),
    ("执法人员当场查获涉案物品", []),  # a verb phrase, not a name
    ("对此材料执法人员以予采纳。", []),
    ("1、案件承办人员执法证件复印件;", []),  # a noun phrase around the label
    ("证据四:本机关调查人员行政执法证复印件 2 份 2 张。", []),
    ("执法人员：张三", [("张三", None)]),  # a form field: one name is an answer
    ("执法人员王丽娟（执法证号：11010012345）、李四（执法证号：11010012346）",
     [("王丽娟", "11010012345"), ("李四", "11010012346")]),
])
def test_officers_are_names_a_reader_would_take_for_officers(line, officers) -> None:
    from ingest.extract.officers import find_officers_in_lines

    assert [(h.name, h.cert) for h in find_officers_in_lines([line])] == officers


@pytest.mark.parametrize(("title", "legal"), [
    ("中华人民共和国土地管理法", True), ("排污许可管理条例", True), ("公共场所卫生管理条例实施细则", True),
    ("市场监督管理行政处罚程序规定", True), ("食品安全法（2021年修正）", True),
    ("全国人民代表大会常务委员会关于修改〈中华人民共和国会计法〉等十一部法律的决定", True),
    ("责令改正违法行为决定书", False), ("排污许可证", False), ("中华人民共和国农业部公告第2552号", False),
    ("湖南省卫生健康行政处罚裁量权基准", False), ("自治区市场监管局办公室关于核查处置的通知", False),
])
def test_only_laws_regulations_and_rules_are_legal_titles(title: str, legal: bool) -> None:
    from ingest.extract.provisions import is_legal_title

    assert is_legal_title(title) is legal


def test_a_decision_citing_only_documents_has_no_penalty_basis() -> None:
    violated, basis = classify_citations(
        "根据以上查明的事实，我局对你单位下达《责令改正违法行为决定书》（豫0329环责改字〔2024〕14号），"
        "依据《排污许可证》载明的要求，决定对你单位处以罚款。")
    assert basis == [] and violated == []


@pytest.mark.parametrize(("text", "number"), [
    ("威海市自然资源和规划局 行 政 处 罚 决 定 书 威自然执(经)罚字〔2024〕4号", "威自然执(经)罚字〔2024〕4号"),  # 经 inside ()
    ("渝北农(农\n药)罚〔2025〕10号", "渝北农(农药)罚〔2025〕10号"),  # wrapped inside the bracketed part
    ("湘攸交处罚〔2025〕092(非)号", "湘攸交处罚〔2025〕092(非)号"),  # a note after the serial
])
def test_case_numbers_of_other_units(text: str, number: str) -> None:
    assert [n.text for n in find_case_numbers(text)] == [number]


def test_a_rate_per_unit_is_not_the_fine() -> None:
    hits = find_amounts("对非法占用的494平方米土地处以每平方米20元的罚款,罚款金额为人民币9880元整。")
    assert [(str(h.value), h.role) for h in hits] == [("20", "other"), ("9880", "fine")]
