"""The words of a 查封/扣押 file in two form books: the 市场监管 book (行政强制措施审批表, 行政强制措施现场笔录,
实施行政强制措施决定书, 场所/设施/财物清单, 延长/解除行政强制措施…决定书) and the older 查封（扣押） book (审批表,
现场笔录 as a table, 查封（扣押）决定书, 财物清单, 物品处理决定书). Planted defects change the words here only."""

from __future__ import annotations

import random
from datetime import date

import samplegen.catalog as cat
from ingest.glossary import DocKind
from samplegen.catalog_enforcement import MATTERS
from samplegen.document import Doc
from samplegen.model import TypedDossierSpec
from samplegen.summary_docs import add_documents, zh

SEAL = "（印章）"


class _Words:
    def __init__(self, rng: random.Random, d: TypedDossierSpec) -> None:
        self.rng, self.d, self.has = rng, d, set(d.defects)
        self.book = str(d.facts["style"]) == "form_book"
        self.m = str(d.elements["measure"])
        self.agency, self.code, self.year = str(d.facts["agency"]), str(d.facts["code"]), int(d.facts["year"])
        self.officers: list = list(d.elements["officers"])  # type: ignore[arg-type]
        self.goods: list = list(d.elements["goods"])  # type: ignore[arg-type]
        self.matter = MATTERS[str(d.facts["matter"])]

    def title(self, book: str, classic: str) -> str:
        return book if self.book else classic.replace("M", f"{self.m}")

    def heading(self, title: str) -> Doc:
        doc = Doc(title.replace("/", "、"))  # the title names the file too
        if title.endswith("决定书"):
            doc.p(self.agency, align="center", bold=True, size=16)
        return doc.p(title, align="center", bold=True, size=18)

    def no(self, mark: str) -> str:
        return f"{self.code}{mark}〔{self.year}〕{self.d.facts['serial']}号"

    def sign(self, doc: Doc, day: date) -> None:
        doc.p(self.agency, align="right")
        doc.p(SEAL, align="right")
        doc.p(zh(day), align="right")

    def remedies(self) -> str:
        return (f"如不服本决定，可以在收到本决定书之日起六十日内向{cat.GOVERNMENT}申请行政复议，"
                f"或者在六个月内依法向{cat.COURT}提起行政诉讼。")

    def goods_text(self) -> str:
        return "、".join(f"{name}{qty}" for name, _, qty in self.goods)

    def approval(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading(self.title("行政强制措施审批表", "M审批表"))
        clerk = "、".join(n for n, _ in self.officers)
        doc.table([["案由", d.cause], ["当事人", d.party.name], ["住所", d.party.address],
                   ["拟采取的强制措施", f"{self.m}{self.goods_text()}"],
                   ["承办人意见", f"当事人{d.cause[2:]}，为防止证据灭失，建议依法实施{self.m}。承办人：{clerk}  "
                               f"{zh(t['onsite'] if t['approval'] >= t['onsite'] else t['approval'])}"],
                   ["负责人审批意见", f"同意。负责人：{d.facts['head']}  {zh(t['approval'])}"]], (1, 3))
        return doc

    def record(self) -> Doc:
        d, t = self.d, self.d.timeline
        party = d.party.name.replace("有限公司", "有限责任公司") if "party_mismatch" in self.has else d.party.name
        doc = self.heading(self.title("行政强制措施现场笔录", "M现场笔录"))
        start = self.rng.choice((9, 10, 14, 15))
        when = f"{zh(t['onsite'])}{start}时{self.rng.choice((0, 10, 20, 30))}分至{start + 1}时{self.rng.choice((5, 25, 45))}分"
        names = "、".join(f"{n}（执法证号：{c}）" for n, c in self.officers)
        told = "执法人员" + ("" if "credentials_unshown" in self.has else "向当事人出示了执法证件，") + \
            ("" if "rights_untold" in self.has else
             f"当场告知当事人采取{self.m}的理由、依据以及依法享有的陈述、申辩权利和救济途径，") + \
            ("" if "defense_unheard" in self.has else "听取了当事人的陈述和申辩，") + \
            ("" if "no_av_record" in self.has else "使用执法记录仪全程录音录像，") + "制作本笔录。"
        scene = (f"现场情况：当事人在场，由其法定代表人{d.party.representative}陪同。{d.elements['place']}，当事人{d.cause[2:]}。执法人员依法对{self.goods_text()}实施{self.m}，"
                 f"并当场交付{self.m}决定书和清单。")
        party_signs = "" if "record_unsigned" in self.has else d.party.representative
        signatures = f"当事人签名：{party_signs}    执法人员签名：{'、'.join(n for n, _ in self.officers)}"
        heard = "" if "defense_unheard" in self.has else "当事人陈述申辩："
        if self.book:
            doc.p(f"时间：{when}").p(f"地点：{d.elements['place']}").p(f"当事人：{party}")
            doc.p(f"执法人员：{names}").p(f"记录人：{self.officers[-1][0]}")
            doc.p(told).p(scene)
            if heard:
                doc.p(heard + "无异议。")
            doc.p(signatures).p(zh(t["onsite"]), align="right")
        else:
            doc.table([["时间", when], ["地点", str(d.elements["place"])], ["当事人", party],
                       ["法定代表人（负责人）", d.party.representative], ["执法人员", names],
                       ["记录人", self.officers[-1][0]]], (1, 3))
            doc.p(told).p(scene)
            if heard:
                doc.p(heard + "对上述事实无异议。")
            doc.p("以上笔录我已看过，与事实相符。").p(signatures).p(zh(t["onsite"]), align="right")
        return doc

    def decision(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading(self.title("实施行政强制措施决定书", "M决定书"))
        doc.p(d.case_no, align="right")
        doc.p(f"当事人：{d.party.name}").p(f"住所：{d.party.address}").p(f"统一社会信用代码：{d.party.id}")
        basis = "" if "no_legal_basis" in self.has else f"依据{self.matter.basis}的规定，"
        doc.p(f"经查，你单位{d.cause[2:]}。为防止证据损毁、制止违法行为，{basis}本机关决定对你单位的有关"
              f"{'场所、设施' if self.m == '查封' else '财物'}实施{self.m}，期限为三十日（自{zh(t['decision'])}起）。"
              f"{self.m}的{'场所、设施、财物' if self.book else '物品'}详见{self.title('场所/设施/财物清单', 'M财物清单')}。",
              indent=True)
        doc.p("在" + self.m + "期间，不得擅自使用、转移、损毁" + self.m + "的物品。" + self.remedies(), indent=True)
        self.sign(doc, t["decision"])
        return doc

    def goods_list(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading(self.title("场所/设施/财物清单", "M财物清单"))
        doc.p(f"{d.case_no}决定书附件", align="right")
        doc.table([["序号", "名称", "规格", "数量", "备注"],
                   *[[str(i), n, s, q, "完好"] for i, (n, s, q) in enumerate(self.goods, start=1)]], (1, 3, 2, 2, 2))
        doc.p("本清单一式二份，当事人和行政机关各执一份。")
        doc.p(f"当事人签名：{d.party.representative}  {zh(t['decision'])}")
        doc.p(f"执法人员签名：{'、'.join(n for n, _ in self.officers)}  {zh(t['decision'])}")
        return doc

    def extension(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading(self.title("延长行政强制措施期限决定书", "延长M期限决定书"))
        doc.p(self.no("延强" if self.book else f"延{self.m[1]}"), align="right")
        doc.p(f"{d.party.name}：")
        doc.p(f"本机关于{zh(t['decision'])}对你单位的有关财物实施了{self.m}（{d.case_no}）。因案情复杂，需进一步调查核实，"
              f"经本机关负责人批准，依据《中华人民共和国行政强制法》第二十五条第一款、第二款的规定，决定将{self.m}期限延长三十日。",
              indent=True)
        self.sign(doc, t["extension"])
        return doc

    def release(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading(self.title("解除行政强制措施决定书", "解除M决定书"))
        doc.p(self.no("解强" if self.book else f"解{self.m[1]}"), align="right")
        doc.p(f"{d.party.name}：")
        doc.p(f"本机关于{zh(t['decision'])}对你单位的有关财物实施了{self.m}（{d.case_no}）。经查，已不再需要{self.m}。"
              f"依据《中华人民共和国行政强制法》第二十八条第一款第（三）项的规定，本机关决定解除上述{self.m}，"
              f"并退还{self.m}的财物。", indent=True)
        self.sign(doc, t["release"])
        return doc

    def disposal(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = self.heading(f"{self.m}物品处理决定书" if not self.book else f"{self.m}财物处理决定书")
        doc.p(self.no("处" if self.book else f"{self.m[1]}处"), align="right")
        doc.p(f"{d.party.name}：")
        basis = "" if "disposal_no_basis" in self.has else \
            f"依据《中华人民共和国行政强制法》第二十七条和{self.matter.disposal_basis}的规定，"
        doc.p(f"本机关于{zh(t['decision'])}对你单位的{self.goods_text()}实施了{self.m}（{d.case_no}）。经查，"
              f"上述物品系违法行为的涉案物品，{basis}本机关决定对上述物品予以没收。", indent=True)
        doc.p(self.remedies(), indent=True)
        self.sign(doc, t["disposal"])
        return doc


def measure_documents(rng: random.Random, d: TypedDossierSpec, single: bool) -> None:
    """Fill `d.documents` and `d.contents` in filing order."""
    w, t, has = _Words(rng, d), d.timeline, set(d.defects)
    plan: list = []
    if "missing_approval" not in has:
        plan.append((DocKind.COERCION_APPROVAL, "coercion_approval", w.approval(), t["approval"]))
    if "missing_record" not in has:
        plan.append((DocKind.SEIZURE_RECORD, "seizure_record", w.record(), t["onsite"]))
    plan.append((DocKind.SEIZURE, "seizure", w.decision(), t["decision"]))
    if "missing_list" not in has:
        plan.append((DocKind.SEIZURE_LIST, "seizure_list", w.goods_list(), t["decision"]))
    if "extension" in t:
        plan.append((DocKind.SEIZURE_EXTENSION, "seizure_extension", w.extension(), t["extension"]))
    if "release" in t:
        plan.append((DocKind.SEIZURE_RELEASE, "seizure_release", w.release(), t["release"]))
    if "disposal" in t:
        plan.append((DocKind.SEIZURE_DISPOSAL, "seizure_disposal", w.disposal(), t["disposal"]))
    add_documents(rng, d, plan, single)
