"""penalty-simple on hand-written 简易程序 dossiers: .docx forms in the style of printed 当场行政处罚决定书 (boxes
ticked by hand, a serial number printed at the top, a receipt line at the foot), read by ingest and scored.

Each dossier asserts what a reviewer reads per item: pass, fail (with its words) or unknown, never a fail
without positive evidence.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.discover import DossierRef
from ingest.extract import extract_case
from ingest.glossary import DocKind
from ingest.load import load_dossier
from scoring.checklist import load_checklist
from scoring.engine import score_case
from scoring.glossary import Status
from tests.ingest.builders import make_docx

CHECKLIST = load_checklist("penalty-simple")
AGENCY = "北京市朝阳区市场监督管理局"
REMEDIES = ("如不服本决定，可以在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，"
            "或者在六个月内依法向北京市朝阳区人民法院提起行政诉讼。")


def form(*, serial="No.1100250107", case_no="京朝市监当罚〔2025〕第0107号", party=("当事人", "王建国", "公民身份号码", "110105198003154312"),
         when="2025年4月8日10时15分", where="朝阳区安定路甲3号门前", penalty="□警告  ☑罚款：人民币壹佰元整（¥100.00）",
         payment="罚款缴纳方式：☑当场缴纳  □自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳。",
         told=True, opinion="无异议", remedies=REMEDIES,
         officers="执法人员：李明（执法证号：11010120001）  张强（执法证号：11010120002）",
         decided="2025年4月8日", receipt="当事人签收：王建国  2025年4月8日", extra=()) -> list:
    told_line = ("执法人员已当场出示执法证件，告知当事人作出行政处罚决定的事实、理由及依据，"
                 "并告知当事人依法享有陈述、申辩的权利。") if told else "执法人员已当场出示执法证件。"
    return [
        AGENCY,
        "当场行政处罚决定书",
        f"{case_no}          {serial}",
        [list(party), ["住址", "北京市朝阳区安贞西里5号楼3单元201", "联系电话", "13811112222"],
         ["违法时间", when, "违法地点", where]],
        "违法事实：当事人在朝阳区安定路甲3号门前占道摆卖水果，经执法人员当场责令改正。",
        "以上事实有现场照片为证。当事人的行为违反了《北京市市容环境卫生条例》第二十条第一款的规定，"
        "依据《北京市市容环境卫生条例》第六十七条第一款的规定，决定给予如下行政处罚：",
        penalty,
        payment,
        told_line,
        f"当事人陈述申辩意见：{opinion}",
        remedies,
        officers,
        f"{AGENCY}（印章）",
        decided,
        receipt,
        *extra,
    ]


RECEIPT = ["北京市罚没款收据", "No.0031245", "缴款人：王建国", "收款项目：罚款", "金额（大写）：壹佰元整",
           "金额（小写）：¥100.00", "执收单位：北京市朝阳区市场监督管理局", "2025年4月8日"]
FILING = ["简易程序备案登记表", [["决定书编号", "京朝市监当罚〔2025〕第0107号"], ["当事人", "王建国"],
                               ["备案日期", "2025年4月9日"], ["备案人", "赵敏"]]]


def dossier(tmp_path: Path, files: dict[str, list]) -> object:
    folder = tmp_path / "朝阳市场监管" / "2025-当场-0107"
    folder.mkdir(parents=True)
    for name, items in files.items():
        make_docx(folder / name, items)
    ref = DossierRef("朝阳市场监管/2025-当场-0107", "朝阳市场监管", folder, False, tuple(sorted(files)))
    facts = extract_case(load_dossier(ref))
    return facts, score_case(facts, CHECKLIST)


def statuses(result) -> dict[str, Status]:
    return {f.item_code: f.status for f in result.findings}


def finding(result, code: str):
    return next(f for f in result.findings if f.item_code == code)


def test_a_clean_on_the_spot_file_passes_every_checkable_item(tmp_path: Path) -> None:
    facts, result = dossier(tmp_path, {"01当场处罚决定书.docx": form(), "02罚没款收据.docx": RECEIPT,
                                       "03备案登记表.docx": FILING})
    assert [d.kind for d in facts.documents] == [DocKind.ON_THE_SPOT_DECISION, DocKind.PAYMENT_RECEIPT,
                                                 DocKind.SUMMARY_FILING_RECORD]
    assert facts.elements.procedure == "summary"
    got = statuses(result)
    for code in ("V01", "V03", "V04", "V05", "R01", "R02", "R03", "R04", "R05", "R06", "R07", "R08", "R09",
                 "R12", "R13", "R14", "R15", "R18"):
        assert got[code] == Status.PASS, (code, finding(result, code).message)
    assert {got[c] for c in ("V02", "V06", "V07")} == {Status.MANUAL}
    # collected on the spot: nothing left to pay later; the local rules are off by default
    assert {got[c] for c in ("R10", "R17", "R11", "R19", "R20")} == {Status.NA}
    # the handover to the agency is not recorded in this file: unknown, never a deduction
    assert got["R16"] == Status.UNKNOWN
    assert result.total_score == 100 and not result.vetoed
    assert "罚款100元，未超过个人200元的简易程序限额" in finding(result, "V01").message


def test_a_fine_above_the_citizens_limit_vetoes_and_on_the_spot_collection_above_100_is_deducted(tmp_path: Path) -> None:
    _, result = dossier(tmp_path, {
        "01当场处罚决定书.docx": form(penalty="□警告  ☑罚款：人民币伍佰元整（¥500.00）"),
        "02罚没款收据.docx": RECEIPT, "03备案登记表.docx": FILING})
    v01, r14 = finding(result, "V01"), finding(result, "R14")
    assert v01.status == Status.FAIL and "罚款500元，超过个人200元的简易程序限额" in v01.message
    assert v01.evidence is not None and "伍佰元" in v01.evidence.quote
    assert result.vetoed and result.total_score == 0
    assert r14.status == Status.FAIL and "超过当场收缴限额100元" in r14.message and r14.points_deducted == 5


def test_a_confiscation_is_outside_the_summary_procedure(tmp_path: Path) -> None:
    _, result = dossier(tmp_path, {"01当场处罚决定书.docx": form(
        penalty="决定给予警告，并没收违法所得人民币伍拾元。",
        payment="罚款缴纳方式：自收到本决定书之日起十五日内到指定银行缴纳。")})
    v01 = finding(result, "V01")
    assert v01.status == Status.FAIL and "处以没收违法所得" in v01.message


def test_a_blank_form_is_deducted_only_where_a_label_was_read_blank(tmp_path: Path) -> None:
    _, result = dossier(tmp_path, {"01当场处罚决定书.docx": form(
        serial="编号：", case_no="", where="", opinion="", receipt="当事人签收：", told=False,
        payment="罚款缴纳方式：□当场缴纳  ☑自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳。")})
    got = statuses(result)
    r01, r06, r12 = finding(result, "R01"), finding(result, "R06"), finding(result, "R12")
    assert r01.status == Status.FAIL and "违法地点" in r01.message and r01.occurrences == 1
    assert r06.status == Status.FAIL and "预定格式的编号" in r06.message
    assert r12.status == Status.FAIL and r12.points_deducted == 10
    assert got["R02"] == Status.FAIL
    # the right to state a case is neither printed nor answered: the veto has its positive evidence
    assert got["V04"] == Status.FAIL and result.vetoed
    # paid at the bank: no receipt and no 催告 in the file is a deduction; no filing record either
    assert got["R17"] == Status.FAIL and got["R18"] == Status.FAIL
    assert got["R14"] == Status.NA and got["R15"] == Status.NA


def test_late_receipt_and_a_decision_made_days_after_the_violation(tmp_path: Path) -> None:
    _, result = dossier(tmp_path, {"01当场处罚决定书.docx": form(
        when="2025年4月3日10时15分", decided="2025年4月8日", receipt="当事人签收：王建国  2025年4月10日"),
        "02罚没款收据.docx": RECEIPT, "03备案登记表.docx": FILING})
    r04, r13 = finding(result, "R04"), finding(result, "R13")
    assert r04.status == Status.FAIL and r04.message.startswith("非当场作出：")
    assert "作出决定（2025年4月8日）晚于违法行为发生（2025年4月3日）" in r04.message
    assert r13.status == Status.FAIL and "当事人签收（2025年4月10日）晚于作出决定（2025年4月8日）" in r13.message


def test_wrong_remedy_periods_and_a_sole_trader_between_the_limits(tmp_path: Path) -> None:
    _, result = dossier(tmp_path, {"01当场处罚决定书.docx": form(
        party=("当事人", "朝阳区鲜果坊（个体工商户）", "经营者", "王建国"),
        penalty="□警告  ☑罚款：人民币伍佰元整（¥500.00）",
        payment="罚款缴纳方式：□当场缴纳  ☑自收到本决定书之日起十五日内到指定银行缴纳。",
        remedies="如不服本决定，可以在收到本决定书之日起十五日内申请行政复议，或者在三个月内提起行政诉讼。")})
    r08, v01 = finding(result, "R08"), finding(result, "V01")
    assert r08.status == Status.FAIL and "复议期限15日（应为60日）" in r08.message
    # 个体工商户: citizen or organisation is a doubt of the draft: between 200 and 3000 yuan it is the reviewer's
    assert v01.status == Status.UNKNOWN and "个体工商户" in v01.message


@pytest.mark.parametrize("officers, status", [
    ("执法人员：李明（执法证号：11010120001）", Status.FAIL),
    ("执法人员：李明（执法证号：11010120001）  张强（执法证号：11010120002）", Status.PASS),
])
def test_one_officer_on_the_form_is_a_veto(tmp_path: Path, officers: str, status: Status) -> None:
    _, result = dossier(tmp_path, {"01当场处罚决定书.docx": form(officers=officers)})
    assert finding(result, "V03").status == status
