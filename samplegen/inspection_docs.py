"""The words of a 行政检查 file after the 司法部 form texts (2025) and the market-supervision books: 双随机抽取记录,
行政检查审批表 (a table) or 行政检查方案 (paragraphs), 行政检查通知书, 现场检查笔录 (lines or a table) and the result
told (检查结果告知书, or 责令改正通知书 when something was found). Planted defects change the words here only."""

from __future__ import annotations

import random
from datetime import date

import samplegen.catalog as cat
from ingest.glossary import DocKind
from samplegen.catalog_enforcement import INSPECTION_MATTERS
from samplegen.document import Doc
from samplegen.model import TypedDossierSpec
from samplegen.summary_docs import add_documents, zh

SEAL = "（印章）"


class _Words:
    def __init__(self, rng: random.Random, d: TypedDossierSpec) -> None:
        self.rng, self.d, self.has = rng, d, set(d.defects)
        self.m = INSPECTION_MATTERS[str(d.facts["matter"])]
        self.table_style = d.facts["style"] == "table"
        self.agency, self.code, self.year = str(d.facts["agency"]), str(d.facts["code"]), int(d.facts["year"])
        self.officers: list = list(d.elements["officers"])  # type: ignore[arg-type]
        self.kind = str(d.elements["inspection_kind"])

    def heading(self, title: str) -> Doc:
        doc = Doc(title)
        if title.endswith("书"):
            doc.p(self.agency, align="center", bold=True, size=16)
        return doc.p(title, align="center", bold=True, size=18)

    def listed(self) -> str:
        return "、".join(f"{n}（执法证号：{c}）" if c else n for n, c in self.officers)

    def no(self, mark: str) -> str:
        return f"{self.code}{mark}〔{self.year}〕{self.d.facts['serial']}号"

    def sign(self, doc: Doc, day: date | None) -> None:
        doc.p(self.agency, align="right")
        doc.p(SEAL, align="right")
        if day is not None:
            doc.p(zh(day), align="right")

    def draw(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading("双随机抽查抽取记录")
        doc.table([["抽查任务", f"{self.year}年度{self.m.items.split('、')[0]}双随机抽查"],
                   ["抽取方式", "随机抽取检查对象、随机选派执法检查人员"], ["抽取日期", zh(t["draw"])],
                   ["抽中检查对象", f"{d.party.name}（{d.party.id}）"],
                   ["抽中执法人员", "、".join(n for n, _ in self.officers)],
                   ["监督人", self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN)]], (1, 3))
        return doc

    def approval(self) -> Doc:
        d, t = self.d, self.d.timeline
        basis = "" if "basis_missing" in self.has else self.m.basis
        clerk = f"建议于{zh(t['inspection'])}实施现场检查。承办人：{self.officers[0][0]}  {zh(t['approval'])}"
        head = f"同意。负责人：{d.facts['head']}  {zh(t['approval'])}"
        if self.table_style:
            doc = self.heading("行政检查审批表")
            rows = [["检查对象", d.party.name], ["统一社会信用代码", d.party.id], ["检查类型", self.kind],
                    ["检查依据", basis], ["检查事项", self.m.items], ["检查人员", self.listed()], ["承办机构意见", clerk],
                     ["负责人审批意见", head]]
            return doc.table(rows, (1, 3))
        doc = self.heading("行政检查方案（审批表）")
        doc.p(f"一、检查对象：{d.party.name}（统一社会信用代码：{d.party.id}）")
        doc.p(f"二、检查类型：{self.kind}")
        doc.p(f"三、检查依据：{basis}")
        doc.p(f"四、检查事项：{self.m.items}")
        doc.p(f"五、检查人员：{self.listed()}")
        doc.p(f"承办机构意见：{clerk}")
        doc.p(f"负责人审批意见：{head}")
        return doc

    def notice(self) -> Doc:
        d, t = self.d, self.d.timeline
        party = d.party.name.replace("有限公司", "有限责任公司") if "party_mismatch" in self.has else d.party.name
        doc = self.heading("行政检查通知书")
        doc.p(self.d.case_no, align="right")
        doc.p(f"{party}：")
        doc.p(f"根据{self.m.basis}的规定，本机关定于{zh(t['inspection'])}对你单位实施{self.kind.split('（')[0]}，"
              f"检查事项为{self.m.items}。检查人员：{'、'.join(n for n, _ in self.officers)}，将出示行政执法证件。",
              indent=True)
        doc.p(("" if "rights_untold" in self.has else "你单位有权对检查人员申请回避，并对检查结果进行陈述和申辩；")
              + "请予以配合，如实提供有关资料。", indent=True)
        doc.p(f"联系人：{self.officers[0][0]}    联系电话：010-{self.rng.randint(60000000, 89999999)}")
        self.sign(doc, None if "notice_undated" in self.has else t["notice"])
        return doc

    def record(self) -> Doc:
        d, t = self.d, self.d.timeline
        e = d.elements
        span = f"{zh(t['inspection'])}{e['start']}" + ("" if "no_end_time" in self.has else
                                                       f"至{zh(t['inspection'])}{e['end']}")
        place = "" if "no_place" in self.has else str(e["place"])
        told = (f"告知事项：我们是{self.agency}的执法人员，" +
                ("现依法进行检查，已向你出示执法证件。" if "not_shown" not in self.has else "现依法对你单位进行检查。") +
                ("" if "rights_untold" in self.has else "你有申请回避的权利，") + "有如实回答询问、协助检查的义务。")
        result = "检查结果：" + (f"发现{self.m.found}，当场责令改正。" if e["found"] else "未发现违法行为。")
        seen = (f"检查情况：执法人员对{self.m.items}进行了检查，查看了相关台账记录，"
                + (f"{self.m.found}。" if e["found"] else "相关制度落实到位。"))
        party_sign = "被检查人（签名）：" + ("" if "party_unsigned" in self.has else
                                       f"{d.party.representative}    {zh(t['inspection'])}")
        officers_sign = "检查人员（签名）：" + ("" if "officers_unsigned" in self.has else
                                        "  ".join(n for n, _ in self.officers))
        doc = self.heading("现场检查笔录")
        if self.table_style:
            rows = [["检查时间", span], ["检查地点", place], ["被检查人", d.party.name], ["统一社会信用代码", d.party.id],
                     ["现场负责人", f"{d.party.representative}    联系电话：{d.party.phone}"],
                     ["执法人员", self.listed()], ["记录人", self.officers[-1][0]]]
            doc.table(rows, (1, 3))
        else:
            doc.p(f"检查时间：{span}").p(f"检查地点：{place}")
            doc.p(f"被检查人：{d.party.name}").p(f"统一社会信用代码：{d.party.id}")
            doc.p(f"现场负责人：{d.party.representative}    联系电话：{d.party.phone}")
            doc.p(f"执法人员：{self.listed()}").p(f"记录人：{self.officers[-1][0]}")
        doc.p(told).p(seen)
        if "result_untold" not in self.has:
            doc.p(result)
        doc.p("被检查人意见：以上笔录我已看过，与事实相符。").p(party_sign).p(officers_sign)
        return doc

    def result(self) -> Doc:
        d, t = self.d, self.d.timeline
        if d.elements["found"]:
            doc = self.heading("责令改正通知书")
            doc.p(self.no("责改"), align="right")
            doc.p(f"{d.party.name}：")
            doc.p(f"本机关于{zh(t['inspection'])}对你单位进行了{self.kind.split('（')[0]}，发现你单位{self.m.found}。"
                  f"依据{self.m.order_basis}的规定，责令你单位" +
                  ("予以改正。" if "order_no_deadline" in self.has else f"于{zh(t['decision'])}起十五日内改正。"),
                  indent=True)
            doc.p("逾期不改正的，本机关将依法处理。", indent=True)
        else:
            doc = self.heading("检查结果告知书")
            doc.p(self.no("检告"), align="right")
            doc.p(f"{d.party.name}：")
            doc.p(f"本机关于{zh(t['inspection'])}对你单位进行了{self.kind.split('（')[0]}，检查事项为{self.m.items}。"
                  "检查结果为：未发现违法行为。", indent=True)
            doc.p("如对检查结果有异议，可以自收到本告知书之日起五个工作日内向本机关提出。", indent=True)
        self.sign(doc, t["decision"])
        return doc


def inspection_documents(rng: random.Random, d: TypedDossierSpec, single: bool) -> None:
    """Fill `d.documents` and `d.contents` in filing order."""
    w, t, has = _Words(rng, d), d.timeline, set(d.defects)
    plan: list = []
    if "no_approval" not in has:
        if "draw" in t:
            plan.append((DocKind.INSPECTION_PLAN, "inspection_plan", w.draw(), t["draw"]))
        plan.append((DocKind.INSPECTION_APPROVAL, "inspection_approval", w.approval(), t["approval"]))
    if "no_notice" not in has:
        plan.append((DocKind.INSPECTION_NOTICE, "inspection_notice", w.notice(),
                     None if "notice_undated" in has else t["notice"]))
    plan.append((DocKind.INSPECTION_RECORD, "inspection_record", w.record(), t["inspection"]))
    if "result_untold" not in has:
        kind = DocKind.RECTIFICATION_ORDER if d.elements["found"] else DocKind.INSPECTION_RESULT_NOTICE
        plan.append((kind, "inspection_result", w.result(), t["decision"]))
    add_documents(rng, d, plan, single)
