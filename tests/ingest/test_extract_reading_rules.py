"""General reading rules found on real published decisions (issue 14): each test writes a short invented
example of the class, never a copy of a corpus file."""

from __future__ import annotations

from decimal import Decimal

from ingest.extract import extract_document
from ingest.extract.case_numbers import find_case_numbers_in_lines
from ingest.extract.officers import find_officers_in_lines
from ingest.extract.party import parse_party
from ingest.extract.provisions import classify_citations
from ingest.extract.remedies import find_payment_terms
from ingest.glossary import DocKind
from ingest.model import Document, Position, TextBlock


def _doc(lines: list[str], kind: DocKind = DocKind.DECISION, fmt: str = "pdf") -> Document:
    return Document("x." + fmt, fmt, blocks=[TextBlock(t, Position(page=1)) for t in lines], kind=kind,
                    title="行政处罚决定书")


# ---------------------------------------------------------------------------------------------------- case numbers


def test_a_number_cut_by_a_line_end_is_read_whole():
    # a heading in a large size wraps where its width ends: after the opening bracket, inside the year, or
    # after the bracketed part of the 代字
    for head, tail, want in (
        ("某某县林业局行政处罚决定书某林罚字〔", "2024〕17号", "某林罚字〔2024〕17号"),
        ("某某县林业局行政处罚决定书(某林罚字〔2024", "〕第17号)", "某林罚字〔2024〕第17号"),
        ("某某县林业局 行 政 处 罚 决 定 书 某林执(综)", "罚字〔2024〕17号", "某林执(综)罚字〔2024〕17号"),
    ):
        numbers = find_case_numbers_in_lines([head, tail, "当事人：某某有限公司"])
        assert [(i, no.text) for i, no in numbers] == [(0, want)], head


def test_a_number_on_its_own_line_is_not_joined_to_the_line_above():
    numbers = find_case_numbers_in_lines(["某某县林业局", "某林罚字〔2024〕17号"])
    assert [(i, no.text) for i, no in numbers] == [(1, "某林罚字〔2024〕17号")]


def test_a_decision_never_takes_a_hearing_notice_number_as_its_own():
    doc = _doc([
        "当事人：某某塑料有限公司",
        "统一社会信用代码：91440000MA00000000",
        "经查，你单位未经验收擅自投入生产。",
        "我局于2024年3月1日向你送达了《行政处罚听证告知书》(某环罚听告〔2024〕5号)。",
    ], fmt="docx")
    facts = extract_document(doc)
    assert facts.own_no is None
    assert [f.value for f in facts.cited_case_nos] == []  # a hearing number is no decision cited either


# ---------------------------------------------------------------------------------------------------- agency


def test_a_customs_office_is_an_agency():
    for lines in (
        ["中华人民共和国某港海关行政处罚决定书某关缉违字〔2024〕9号", "当事人：某某贸易有限公司"],
        ["中华人民共和国某港海关", "行政处罚决定书", "某关缉违字〔2024〕9号", "当事人：某某贸易有限公司"],
    ):
        facts = extract_document(_doc(lines, fmt="docx"))
        assert facts.agency is not None and facts.agency.value == "中华人民共和国某港海关", lines


# ---------------------------------------------------------------------------------------------------- party id


def test_a_licence_named_with_its_number_gives_the_party_id():
    info = parse_party(["当事人：某某娱乐会所", "证照(证件)名称及编号(号码)：娱乐经营许可证 12340056XXXX",
                        "法定代表人：王某"])
    assert info.party_id is not None and info.party_id.value == "12340056XXXX"
    info = parse_party(["当事人：某某文化传播有限公司", "证照名称及编号：《营业执照》统一社会信用代码(91500000MA00000000)"])
    assert info.party_id is not None and info.party_id.value == "91500000MA00000000"


def test_an_identity_label_closing_a_line_takes_the_code_that_opens_the_next():
    for first, second in (
        ("被处罚单位：某某花炮厂（统一社会信用代码：", "91430000123456xxxx）"),
        ("证照名称及编号：《营业执照》统一社会信用代码（", "91500000MA00000000）"),
    ):
        info = parse_party([first, second, "地址：某某县某某镇"])
        assert info.party_id is not None and info.party_id.value == second[:18], first


def test_a_licence_field_without_a_number_gives_no_party_id():
    info = parse_party(["当事人：某某娱乐会所", "证照名称及编号：娱乐经营许可证", "法定代表人：王某"])
    assert info.party_id is None


# ---------------------------------------------------------------------------------------------------- party name


def test_a_name_stops_before_brackets_a_comma_cut_open():
    info = parse_party(["单位名称：某某县王五建材经营部(王五明，410XXXXXXXXXXXXXXX)", "经营者：王五明"])
    assert info.name is not None and info.name.value == "某某县王五建材经营部"


def test_a_table_flattened_to_one_cell_a_line_gives_the_party():
    # a form's label cells and value cells each on their own line, no colons
    info = parse_party(["当事人", "基本情况", "姓名或名称", "某某镇星光网吧", "法定代表人", "赵某某", "证件号码",
                        "130000197001010000", "地    址", "某某镇某某街"])
    assert info.name is not None and info.name.value == "某某镇星光网吧"
    assert info.party_id is not None and info.party_id.value == "130000197001010000"
    assert info.kind == "organisation"  # the identity number after a 法定代表人 is the representative's


def test_a_personal_identity_number_still_marks_an_individual():
    info = parse_party(["当事人：张某某", "身份证号码：", "130000197001010000", "住址：某某村"])
    assert info.party_id is not None and info.party_id.value == "130000197001010000"
    assert info.kind == "individual"


# ---------------------------------------------------------------------------------------------------- officers


def test_names_and_numbers_run_together_give_every_officer():
    hits = find_officers_in_lines(["我局执法人员赵某明13000000011钱丽13000000012在出示执法证件后进行检查。"])
    assert [(h.name, h.cert) for h in hits] == [("赵某明", "13000000011"), ("钱丽", "13000000012")]


def test_narrative_after_a_numbered_officer_is_no_name():
    hits = find_officers_in_lines(["执法人员赵某明13000000011现场检查发现问题。"])
    assert [(h.name, h.cert) for h in hits] == [("赵某明", "13000000011")]


def test_officers_named_only_by_their_certificates_in_the_evidence_list():
    for line in ("4.孙某、李晓红行政执法证复印件各1份，证明其执法身份；",
                 "6.执法人员的执法证复印件2份，证明孙某、李晓红的身份和资格；"):
        assert [h.name for h in find_officers_in_lines([line])] == ["孙某", "李晓红"], line


def test_a_certificate_of_the_party_names_no_officer():
    for line in ("2.当事人的营业执照复印件1份，证明当事人的主体资格；",
                 "5.执法人员的执法证复印件2份，证明执法人员的身份；"):
        assert find_officers_in_lines([line]) == [], line


# ---------------------------------------------------------------------------------------------------- fine


def _fine(lines: list[str]):
    facts = extract_document(_doc(lines, fmt="docx"))
    return facts.fine.value if facts.fine else None


def test_the_stated_total_of_a_combined_fine_is_the_fine():
    assert _fine(["当事人：某某有限公司",
                  "本局决定：1.对第一项违法行为罚款人民币4万元；2.对第二项违法行为罚款人民币1万元，合计罚款人民币伍万元"
                  "（¥50000元）。"]) == 50000


def test_a_total_with_the_confiscation_is_not_the_fine():
    assert _fine(["当事人：某某有限公司", "本局决定对你单位处以罚款人民币4万元，没收违法所得3000元，罚没款共计43000元。"]) == 40000


# ---------------------------------------------------------------------------------------------------- legal basis


def _bases(text: str) -> list[str]:
    return [c.provision.text for c in classify_citations(text)[1]]


def test_a_rule_cited_for_how_evidence_is_used_is_no_penalty_basis():
    assert _bases("上述证据经当事人阅示，根据《某某省行政程序规定》第六十条规定，可作为本案证据材料使用。") == []


def test_the_article_listing_the_act_is_the_penalty_basis():
    assert _bases("该行为违反了《中华人民共和国海关法》第二十四条第一款之规定，构成同法第八十六条第三项所列之违法行为，"
                  "应当予以行政处罚。") == ["同法第八十六条第三项"]
    assert _bases("你单位的行为违反了《某某条例》第十条，构成《某某条例》第十条规定的违法行为。") == []


# ---------------------------------------------------------------------------------------------------- payment


def test_a_fine_handed_in_to_a_collecting_bank_is_a_payment_clause():
    hit = find_payment_terms("当事人应当自收到本决定书之日起十五日内将罚款交至某某银行某某支行。逾期不缴纳的，每日加处罚款。")
    assert hit is not None and hit.days == 15
    assert find_payment_terms("执法人员将现场照片交至法制科审核。") is None


def test_a_decision_without_heading_names_its_agency_where_its_officers_act():
    facts = extract_document(_doc(["当事人：某某网吧",
                                   "2024年5月2日20时10分某某县文化和旅游局执法人员孙某(R100000001)、李某(R100000002)"
                                   "对当事人进行检查。"], fmt="docx"))
    assert facts.agency is not None and facts.agency.value == "某某县文化和旅游局"
    facts = extract_document(_doc(["当事人：某某网吧", "2024年5月2日，我局执法人员对当事人进行检查。"], fmt="docx"))
    assert facts.agency is None


def test_sector_forms_name_the_party_their_own_way():
    # 林业 form books: 被处罚行为人; 税务: the salutation with the taxpayer's number in brackets
    forest = parse_party(["被处罚行为人:李某某      性别:男     民族:汉", "身份证号码:430111198001011234"])
    assert forest is not None and forest.name.value == "李某某"
    tax = parse_party(["某某家具有限公司：（纳税人识别号：331021770742916）", "我局于2015年6月17日对你单位进行了检查"])
    assert tax is not None and tax.name.value == "某某家具有限公司" and tax.party_id.value == "331021770742916"


def test_officers_named_by_their_sector_title():
    # 卫生 forms sign as 卫生监督员, traffic police as 交通警察 with a 警号; the title in running text names nobody
    hits = find_officers_in_lines(["卫生监督员签名：钟某（执法证号：3201150020）　林某某（执法证号：3201150033）"])
    assert [(h.name, h.cert) for h in hits] == [("钟某", "3201150020"), ("林某某", "3201150033")]
    hits = find_officers_in_lines(["处罚地点：某某路口　　交通警察：张某（警号012345）"])
    assert [(h.name, h.cert) for h in hits] == [("张某", "012345")]
    assert find_officers_in_lines(["交通警察已当场口头告知被处罚人违法事实"]) == []


def test_collection_on_the_spot_said_in_words():
    from ingest.extract.facts_on_the_spot import _COLLECTED

    assert _COLLECTED.search("依据《某法》第一百零八条第二款当场收缴罚款，并出具罚没款收据")
    assert _COLLECTED.search("已当场收缴罚款") and _COLLECTED.search("当场收缴罚款50元")
    assert not _COLLECTED.search("执法人员可以当场收缴罚款，并出具收据")  # what the law allows, not what was done


def test_a_masked_identity_number_under_a_person_label_marks_an_individual():
    party = parse_party(["被处罚行为人:况**      性别:女     民族:汉", "身份证号码:512301**********02"])
    assert party.name.value == "况**" and party.kind == "individual"
    company = parse_party(["当事人：某某科技有限公司", "统一社会信用代码：9143**************"])
    assert company.kind == "organisation"


def test_a_masked_shortened_code_is_the_whole_value_of_its_label():
    party = parse_party(["企业名称:某某**公司,统一社会信用代码:911201**3307"])
    assert party.party_id.value == "911201**3307"


def test_a_fine_computed_or_restated_is_the_result():
    from ingest.extract.amounts import find_fine

    assert find_fine("1、处以697㎡×11元/㎡=7667元(柒仟陆佰陆拾柒元整)的罚款;").value == 7667
    assert find_fine("2.处恢复植被所需费用两倍的罚款,即:29500.00元(贰万玖仟伍佰元整)。").value == 29500


def test_a_total_in_a_later_paragraph_counts_only_when_it_is_the_sum_of_the_fines():
    def fine(lines):
        return extract_document(_doc(lines)).fine.value

    head = ["当事人：某某有限公司", "处少缴税款百分之六十的罚款，计金额23178.30元；处少缴税款百分之六十的罚款，计金额32470.43元。"]
    assert fine([*head, "以上应缴款项共计55648.73元，限你单位十五日内缴纳。"]) == Decimal("55648.73")
    # a "total" that also holds something else (tax owed, a confiscation) is not the fine
    assert fine([*head, "以上应缴款项共计93278.73元，限你单位十五日内缴纳。"]) == Decimal("23178.30")


def test_a_sole_traders_form_names_operator_then_business_one_party():
    party = parse_party(["被处罚人姓名:朱某 性别:男", "身份证号码:430902************", "单位名称:某某县某某家庭农场",
                         "统一社会信用代码:9243**************", "类型:个体工商户经营者:朱某"])
    assert (party.name.value, party.party_id.value, party.kind) == ("某某县某某家庭农场", "9243**************", "individual")
    assert party.operator.value == "朱某"
    # without a word of 个体工商户 or 经营者, a second name is a second party: the first is kept
    two = parse_party(["当事人:张某 性别:男", "身份证号码:430902198001011234", "单位名称:某某有限公司"])
    assert two.name.value == "张某"

