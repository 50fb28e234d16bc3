"""The words of a summary-procedure file: the pre-printed numbered 当场行政处罚决定书 with its ticked boxes, the
罚没款收据 or the bank's 缴款凭证, and the 备案登记表. Planted defects change the words here and nowhere else."""

from __future__ import annotations

import random
from datetime import date

import samplegen.catalog as cat
import samplegen.styles as styles
from ingest.glossary import DocKind
from samplegen.document import Doc
from samplegen.model import DocSpec, TypedDossierSpec


def zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def money(amount) -> str:
    return f"人民币{styles.upper_amount(amount)}（¥{styles.fig_amount(amount)}.00）"


def summary_documents(rng: random.Random, d: TypedDossierSpec, single: bool) -> None:
    """Fill `d.documents` and `d.contents`: the form, the payment proof, the filing record."""
    has = set(d.defects)
    t = d.timeline
    plan: list[tuple[DocKind, str, Doc, date | None]] = [
        (DocKind.ON_THE_SPOT_DECISION, "on_the_spot_decision", _form(d), t["decision"])]
    if d.facts["collected_on_spot"]:
        if "no_collection_receipt" not in has:
            plan.append((DocKind.PAYMENT_RECEIPT, "payment_receipt", _receipt(rng, d), t["decision"]))
    elif "fine_unpaid" not in has:
        plan.append((DocKind.PAYMENT_RECEIPT, "payment_receipt", _bank_slip(rng, d), t["payment"]))
    if "missing_filing_record" not in has:
        plan.append((DocKind.SUMMARY_FILING_RECORD, "summary_filing_record", _filing(rng, d), t["filed"]))
    add_documents(rng, d, plan, single)


def add_documents(rng: random.Random, d: TypedDossierSpec, plan: list, single: bool) -> None:
    """Each document as a DocSpec (format, file name) and its words, in filing order (docx or text PDF)."""
    for n, (kind, role, doc, day) in enumerate(plan, start=1):
        fmt = "pdf" if single or rng.random() < 0.4 else "docx"
        name = "" if single else f"{n:02d}_{doc.title}.{fmt}"
        d.documents.append(DocSpec(kind, role, doc.title, name, fmt, False, day))
        d.contents[role] = doc


def _form(d: TypedDossierSpec) -> Doc:
    has, e, t, p = set(d.defects), d.elements, d.timeline, d.party
    agency = str(d.facts["agency"])
    collected = bool(d.facts["collected_on_spot"])
    doc = Doc("当场行政处罚决定书")
    doc.p(agency, align="center", bold=True, size=16)
    doc.p("当场行政处罚决定书", align="center", bold=True, size=18)
    doc.p("编号：" if "no_serial" in has else f"{d.case_no}        {e['form_serial']}", align="right")
    id_label = "统一社会信用代码" if p.kind == "organisation" else "公民身份号码"
    when = e["violation_time"]
    doc.table([["当事人", p.name, id_label, p.id],
               ["住址" if p.kind == "individual" else "住所", p.address, "联系电话", p.phone],
               ["违法时间", f"{zh(when.date())}{when.hour}时{when.minute:02d}分", "违法地点",
                "" if "no_place" in has else str(e["place"])]], (1, 2, 1, 2))
    doc.p(f"违法事实：当事人{e['fact']}，执法人员当场责令改正。", indent=True)
    violated = styles.provision(e["violated_provision"].law, e["violated_provision"].article,
                                e["violated_provision"].clause, e["violated_provision"].item)
    penalty = styles.provision(e["penalty_provision"].law, e["penalty_provision"].article,
                               e["penalty_provision"].clause, e["penalty_provision"].item)
    doc.p(f"以上事实有现场照片为证。当事人的行为违反了{violated}的规定，依据{penalty}的规定，决定给予如下行政处罚：",
          indent=True)
    doc.p(f"□警告  ■罚款：{money(e['fine_amount'])}")
    on_spot, bank = ("■", "□") if collected else ("□", "■")
    doc.p(f"罚款缴纳方式：{on_spot}当场缴纳  {bank}自收到本决定书之日起十五日内到指定银行或者通过电子支付系统缴纳。")
    if "no_defense_right" in has:
        doc.p("执法人员已当场出示执法证件，告知当事人作出行政处罚决定的事实、理由及依据。")
    else:
        doc.p("执法人员已当场出示执法证件，告知当事人作出行政处罚决定的事实、理由及依据，"
              "并告知当事人依法享有陈述、申辩的权利。")
    doc.p("当事人陈述申辩意见：" + ("" if {"opinion_not_recorded", "no_defense_right"} & has else "无异议"))
    if "missing_remedies" not in has:
        days = "三十" if "wrong_review_period" in has else "六十"
        doc.p(f"如不服本决定，可以在收到本决定书之日起{days}日内向{cat.GOVERNMENT}申请行政复议，"
              f"或者在六个月内依法向{cat.COURT}提起行政诉讼。", indent=True)
    doc.p("执法人员：" + "  ".join(f"{n}（执法证号：{c}）" for n, c in e["officers"]))
    doc.p(f"{agency}（印章）", align="right")
    doc.p(zh(t["decision"]), align="right")
    doc.p("当事人签收：" if "receipt_unsigned" in has else f"当事人签收：{p.representative}  {zh(t['receipt'])}")
    return doc


def _receipt(rng: random.Random, d: TypedDossierSpec) -> Doc:
    amount = d.elements["fine_amount"]
    doc = Doc("罚没款收据")
    doc.p("北京市罚没款收据", align="center", bold=True, size=16)
    doc.p(f"No.{rng.randint(1000000, 9999999)}", align="right")
    doc.table([["缴款人", d.party.name], ["收款项目", f"罚款（{d.case_no}）"],
               ["金额（大写）", styles.upper_amount(amount)], ["金额（小写）", f"¥{styles.fig_amount(amount)}.00"],
               ["执收单位", str(d.facts["agency"])], ["收款人", d.elements["officers"][0][0]],
               ["开票日期", zh(d.timeline["decision"])]], (1, 2))
    return doc


def _bank_slip(rng: random.Random, d: TypedDossierSpec) -> Doc:
    amount = d.elements["fine_amount"]
    doc = Doc("罚没款缴款凭证")
    doc.p("北京市非税收入一般缴款书", align="center", bold=True, size=16)
    doc.table([["缴款人", d.party.name], ["执收单位", str(d.facts["agency"])],
               ["项目名称", f"罚没收入（{d.case_no}）"], ["金额（大写）", styles.upper_amount(amount)],
               ["金额（小写）", f"¥{styles.fig_amount(amount)}.00"], ["收款银行", "中国工商银行北京清河支行"],
               ["缴款日期", zh(d.timeline["payment"])]], (1, 2))
    return doc


def _filing(rng: random.Random, d: TypedDossierSpec) -> Doc:
    t = d.timeline
    doc = Doc("当场行政处罚决定备案登记表").p("当场行政处罚决定备案登记表", align="center", bold=True, size=18)
    rows = [["决定书编号", d.case_no], ["当事人", d.party.name], ["案由", d.cause],
            ["处罚内容", f"罚款{styles.fig_amount(d.elements['fine_amount'])}元"],
            ["执法人员", "、".join(n for n, _ in d.elements["officers"])]]
    if d.facts["collected_on_spot"]:
        rows += [["罚款上交日期", zh(t["handover"])], ["缴存银行日期", zh(t["bank_deposit"])]]
    rows += [["备案日期", zh(t["filed"])], ["备案人", rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)]]
    doc.table(rows, (1, 2))
    return doc
