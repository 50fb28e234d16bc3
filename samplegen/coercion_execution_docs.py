"""The words of a 行政强制执行 file: the decision enforced and its 送达回证, the 催告书 and its 送达回证, then either
the 强制执行申请书 and the court's 裁定书 or the 强制执行决定书, the 限期拆除公告 and the 强制拆除现场笔录.
Planted defects change the words here only."""

from __future__ import annotations

import random
from datetime import date

import samplegen.catalog as cat
import samplegen.styles as styles
from ingest.glossary import DocKind
from samplegen.document import Doc
from samplegen.model import TypedDossierSpec
from samplegen.summary_docs import add_documents, money, zh

SEAL = "（印章）"
PLANNING = "《中华人民共和国城乡规划法》"


class _Words:
    def __init__(self, rng: random.Random, d: TypedDossierSpec) -> None:
        self.rng, self.d, self.has = rng, d, set(d.defects)
        self.court = d.elements["path"] == "court"
        self.agency, self.code, self.year = str(d.facts["agency"]), str(d.facts["code"]), int(d.facts["year"])
        self.officers: list = list(d.elements["officers"])  # type: ignore[arg-type]
        self.underlying = str(d.elements["underlying_no"])

    def heading(self, title: str) -> Doc:
        return Doc(title).p(self.agency, align="center", bold=True, size=16).p(title, align="center", bold=True,
                                                                                size=18)

    def no(self, mark: str) -> str:
        return f"{self.code}{mark}〔{self.year}〕{self.d.facts['serial']}号"

    def sign(self, doc: Doc, day: date) -> None:
        doc.p(self.agency, align="right").p(SEAL, align="right").p(zh(day), align="right")

    def remedies(self) -> str:
        return (f"如不服本决定，可以在收到本决定书之日起六十日内向{cat.GOVERNMENT}申请行政复议，"
                f"或者在六个月内依法向{cat.COURT}提起行政诉讼。")

    def underlying_decision(self) -> Doc:
        d, t, e = self.d, self.d.timeline, self.d.elements
        if self.court:
            doc = self.heading("行政处罚决定书").p(self.underlying, align="right")
            doc.p(f"当事人：{d.party.name}").p(f"统一社会信用代码：{d.party.id}").p(f"住所：{d.party.address}")
            doc.p("当事人未按规定办理相关手续擅自从事经营活动，违反了有关法律规定。依据有关规定，本机关决定对当事人处以"
                  f"罚款{money(e['fine_amount'])}。", indent=True)
            doc.p("当事人应当自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款。"
                  + ("" if "no_surcharge_notice" in self.has else
                     "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。"),
                  indent=True)
        else:
            doc = self.heading("限期拆除决定书").p(self.underlying, align="right")
            doc.p(f"{d.party.name}：")
            doc.p(f"你单位未取得建设工程规划许可证，在{e['building']}，违反了{PLANNING}第四十条第一款的规定。"
                  f"依据{PLANNING}第六十四条的规定，本机关责令你单位自收到本决定书之日起十日内自行拆除。", indent=True)
        doc.p(self.remedies(), indent=True)
        self.sign(doc, t["underlying"])
        return doc

    def receipt(self, served: str, day: date) -> Doc:
        d = self.d
        doc = Doc("送达回证").p("送达回证", align="center", bold=True, size=18)
        doc.table([["送达文书名称及文号", served], ["受送达人", d.party.name], ["送达地点", d.party.address],
                   ["送达方式", "直接送达"], ["受送达人签名", f"{d.party.representative}  {zh(day)}"],
                   ["送达人", "、".join(n for n, _ in self.officers)]], (1, 2))
        return doc

    def reminder(self) -> Doc:
        d, t, e = self.d, self.d.timeline, self.d.elements
        cited = self.underlying
        party = d.party.name.replace("有限公司", "有限责任公司") if "party_mismatch" in self.has else d.party.name
        doc = self.heading("催告书").p(self.no("催"), align="right").p(f"{party}：")
        if self.court:
            doc.p(f"本机关于{zh(t['underlying'])}作出{cited}行政处罚决定书，对你单位处以罚款"
                  f"{money(e['fine_amount'])}，该决定书已于{zh(t['underlying_served'])}送达。你单位至今未履行缴纳罚款的义务，"
                  f"已加处罚款{styles.fig_amount(e['surcharge'])}元。", indent=True)
            doc.p(f"依据《中华人民共和国行政强制法》第三十五条、第五十四条的规定，现催告你单位自收到本催告书之日起十日内，"
                  f"到指定银行或者通过电子支付系统缴纳罚款{styles.fig_amount(e['fine_amount'])}元及加处罚款"
                  f"{styles.fig_amount(e['surcharge'])}元。逾期仍不履行的，本机关将依法申请{cat.COURT}强制执行。", indent=True)
        else:
            doc.p(f"本机关于{zh(t['underlying'])}作出{cited}限期拆除决定书，责令你单位限期拆除{e['building']}，"
                  f"该决定书已于{zh(t['underlying_served'])}送达。你单位逾期未拆除。依据《中华人民共和国行政强制法》"
                  f"第三十五条的规定，现催告你单位于{zh(t['reminder_deadline'])}前自行拆除。逾期仍不履行的，本机关将依法"
                  "强制拆除。", indent=True)
        if "reminder_no_defense" not in self.has:
            doc.p("你单位有权进行陈述和申辩，可以在收到本催告书之日起三日内向本机关提出。", indent=True)
        self.sign(doc, t["reminder"])
        return doc

    def application(self) -> Doc:
        d, t, e = self.d, self.d.timeline, self.d.elements
        doc = Doc("强制执行申请书").p("强制执行申请书", align="center", bold=True, size=18)
        doc.p(f"申请人：{self.agency}    负责人：{d.facts['head']}")
        doc.p(f"被申请人：{d.party.name}    统一社会信用代码：{d.party.id}    住所：{d.party.address}")
        doc.p(f"申请事项：强制执行{self.underlying}行政处罚决定书确定的罚款{styles.fig_amount(e['fine_amount'])}元及加处罚款"
              f"{styles.fig_amount(e['surcharge'])}元。")
        doc.p(f"事实和理由：申请人于{zh(t['underlying'])}作出{self.underlying}行政处罚决定书，于{zh(t['underlying_served'])}"
              f"送达被申请人。被申请人在法定期限内未申请行政复议或者提起行政诉讼，又不履行。申请人于{zh(t['reminder_served'])}"
              "送达催告书，被申请人逾期仍未履行。依据《中华人民共和国行政强制法》第五十三条、第五十四条的规定，特申请强制执行。",
              indent=True)
        doc.p("此致").p(cat.COURT)
        attached = ["行政处罚决定书及作出决定的事实、理由和依据", "当事人的意见及催告情况", "申请强制执行标的情况",
                    "财产状况"]
        doc.p("附件：" + "；".join(f"{i}.{x}" for i, x in enumerate(attached, start=1)) + "。")
        doc.p("申请人（印章）", align="right")
        doc.p(f"负责人（签名）：{d.facts['head']}", align="right")
        doc.p(zh(t["application"]), align="right")
        return doc

    def ruling(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = Doc("行政裁定书").p(cat.COURT, align="center", bold=True, size=16)
        doc.p("行政裁定书", align="center", bold=True, size=18)
        doc.p(f"（{self.year}）京0105行审{self.rng.randint(100, 999)}号", align="right")
        doc.p(f"申请执行人：{self.agency}。").p(f"被执行人：{d.party.name}。")
        doc.p(f"申请执行人于{zh(t['application'])}向本院申请强制执行{self.underlying}行政处罚决定书。本院经审查认为，"
              "该行政行为事实清楚，证据充分，适用法律正确，符合法定程序。依照《中华人民共和国行政强制法》第五十七条的规定，"
              "裁定如下：", indent=True)
        doc.p(f"准予强制执行{self.underlying}行政处罚决定书。", indent=True)
        doc.p("审判员：" + self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN), align="right")
        doc.p(zh(t["ruling"]), align="right")
        return doc

    def enforcement_decision(self) -> Doc:
        d, t, e = self.d, self.d.timeline, self.d.elements
        doc = self.heading("行政强制执行决定书").p(d.case_no, align="right")
        doc.p(f"当事人：{d.party.name}").p(f"住所：{d.party.address}")
        doc.p(f"本机关于{zh(t['underlying'])}作出{self.underlying}限期拆除决定书，并于{zh(t['reminder_served'])}送达催告书，"
              f"你单位逾期仍未拆除{e['building']}。依据{PLANNING}第六十八条、《中华人民共和国行政强制法》第三十七条的规定，"
              f"本机关决定于{zh(t['execution'])}对上述违法建设实施强制拆除。", indent=True)
        if "decision_no_remedies" not in self.has:
            doc.p(self.remedies(), indent=True)
        self.sign(doc, t["decision"])
        return doc

    def demolition_notice(self) -> Doc:
        d, t, e = self.d, self.d.timeline, self.d.elements
        doc = self.heading("限期拆除公告").p(self.no("拆告"), align="right")
        doc.p(f"{d.party.name}在{e['building']}系违法建设，本机关已作出{self.underlying}限期拆除决定书和{d.case_no}"
              f"行政强制执行决定书。依据《中华人民共和国行政强制法》第四十四条的规定，现予公告：请当事人于{zh(t['execution'])}"
              "前自行拆除；逾期不拆除的，本机关将依法强制拆除。", indent=True)
        self.sign(doc, t["demolition_notice"])
        return doc

    def execution_record(self) -> Doc:
        d, t, e = self.d, self.d.timeline, self.d.elements
        hour = int(e["execution_hour"])  # type: ignore[call-overload]
        doc = Doc("强制执行现场笔录").p("强制执行现场笔录", align="center", bold=True, size=18)
        end = f"{hour + 1}时30分" if hour < 23 else "23时55分"
        doc.table([["执行时间", f"{zh(t['execution'])}{hour}时00分至{zh(t['execution'])}{end}"],
                   ["执行地点", str(e["building"])], ["被执行人", d.party.name],
                   ["执法人员", "、".join(f"{n}（执法证号：{c}）" for n, c in self.officers)],
                   ["见证人", "社区工作人员一名（签名见笔录末页）"]], (1, 3))
        doc.p(f"执行情况：执法人员到达现场后，出示执法证件，宣读{d.case_no}行政强制执行决定书，当事人未自行拆除。"
              "执法人员组织施工人员对违法建设实施强制拆除，现场物品已清点登记并交当事人签收，全程进行音像记录。")
        witness = self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN)
        doc.p(f"当事人签名：{d.party.representative}    见证人签名：{witness}")
        doc.p(f"执法人员签名：{'、'.join(n for n, _ in self.officers)}")
        return doc


def execution_documents(rng: random.Random, d: TypedDossierSpec, single: bool) -> None:
    """Fill `d.documents` and `d.contents` in filing order."""
    w, t, has = _Words(rng, d), d.timeline, set(d.defects)
    title = "行政处罚决定书" if w.court else "限期拆除决定书"
    plan: list = [(DocKind.DECISION if w.court else DocKind.RECTIFICATION_ORDER, "underlying_decision",
                   w.underlying_decision(), t["underlying"]),
                  (DocKind.SERVICE_RECEIPT, "service_receipt:decision",
                   w.receipt(f"{title}（{w.underlying}）", t["underlying_served"]), t["underlying_served"])]
    if "no_reminder" not in has:
        plan.append((DocKind.PAYMENT_REMINDER, "payment_reminder", w.reminder(), t["reminder"]))
        if "reminder_unserved" not in has:
            plan.append((DocKind.SERVICE_RECEIPT, "service_receipt:reminder",
                         w.receipt(f"催告书（{w.no('催')}）", t["reminder_served"]), t["reminder_served"]))
    if w.court:
        plan.append((DocKind.ENFORCEMENT_APPLICATION, "enforcement_application", w.application(), t["application"]))
        if "no_court_ruling" not in has:
            plan.append((DocKind.COURT_RULING, "court_ruling", w.ruling(), t["ruling"]))
    else:
        plan.append((DocKind.ENFORCEMENT_DECISION, "enforcement_decision", w.enforcement_decision(), t["decision"]))
        if "no_demolition_notice" not in has:
            plan.append((DocKind.DEMOLITION_NOTICE, "demolition_notice", w.demolition_notice(),
                         t["demolition_notice"]))
        if "no_execution_record" not in has:
            plan.append((DocKind.EXECUTION_RECORD, "execution_record", w.execution_record(), t["execution"]))
    add_documents(rng, d, plan, single)
