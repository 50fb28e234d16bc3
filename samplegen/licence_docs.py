"""The words of a licence file: 申请书, 收件凭证, 补正 notices, 受理通知书, 特别程序 and extension notices, the
审批表, the decision (准予 or 不予), the certificate, the 送达回证 and the 公示 record. Planted defects change the
words here and nowhere else."""

from __future__ import annotations

import random
from datetime import date

import samplegen.catalog as cat
import samplegen.catalog_types as ct
import samplegen.styles as styles
from ingest.glossary import DocKind
from samplegen.document import Doc
from samplegen.model import TypedDossierSpec
from samplegen.summary_docs import add_documents, zh

SEAL = "（行政许可专用章）"


class _Words:
    def __init__(self, rng: random.Random, d: TypedDossierSpec) -> None:
        self.rng, self.d = rng, d
        self.matter = ct.LICENSE_MATTERS[str(d.facts["matter"])]
        self.agency = str(d.facts["agency"])
        self.code, self.year = str(d.facts["code"]), int(d.facts["year"])
        self.has = set(d.defects)

    def no(self, mark: str, serial: int | None = None) -> str:
        return f"{self.code}许{mark}〔{self.year}〕{serial if serial is not None else self.d.facts['serial']}号"

    def head(self, doc: Doc, number: str) -> None:
        doc.p(number, align="right")
        doc.p(f"{self.d.party.name}：")

    def sign(self, doc: Doc, day: date) -> None:
        doc.p(self.agency, align="right")
        doc.p(SEAL, align="right")
        doc.p(zh(day), align="right")

    def basis(self) -> str:
        b = self.matter.basis
        return styles.provision(b.law, b.article, b.clause, b.item)

    def application(self) -> Doc:
        d, m = self.d, self.matter
        doc = Doc("行政许可申请书").p("行政许可申请书", align="center", bold=True, size=18)
        doc.p(f"{self.agency}：")
        doc.p(f"我单位现向你机关申请{m.matter}，并提交如下申请材料："
              + "；".join(f"{i}.{x}" for i, x in enumerate(m.materials, start=1)) + "。", indent=True)
        doc.p("我单位承诺所提交的材料真实、合法、有效，请依法审查。", indent=True)
        for label, value in (("申请人名称", d.party.name), ("统一社会信用代码", d.party.id),
                             ("法定代表人", d.party.representative), ("住所", d.party.address),
                             ("联系电话", d.party.phone), ("申请日期", zh(d.timeline["application"]))):
            doc.p(f"{label}：{value}")
        doc.p("申请人（盖章）：", align="right")
        doc.p(f"法定代表人（签字）：{d.party.representative}", align="right")
        return doc

    def receipt(self) -> Doc:
        d, m = self.d, self.matter
        doc = Doc("行政许可申请材料接收凭证").p("行政许可申请材料接收凭证", align="center", bold=True, size=18)
        self.head(doc, self.no("收"))
        doc.p(f"本机关于{zh(d.timeline['application'])}收到你单位提交的{m.matter}申请材料共{len(m.materials)}份：",
              indent=True)
        doc.table([["序号", "材料名称", "份数"], *[[str(i), x, "1"] for i, x in enumerate(m.materials, start=1)]],
                  (1, 4, 1))
        doc.p(f"经办人：{self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN)}")
        self.sign(doc, d.timeline["application"])
        return doc

    def correction(self, day: date, n: int) -> Doc:
        d = self.d
        doc = Doc("行政许可申请材料补正告知书").p("行政许可申请材料补正告知书", align="center", bold=True, size=18)
        self.head(doc, self.no("补", int(d.facts["serial"]) * 10 + n))
        wanted = ("经营场所产权证明或者租赁协议", "主要设备设施清单") if n == 1 else ("负责人任职文件",)
        doc.p(f"{zh(d.timeline['application'])}，本机关收到你单位{self.matter.matter}申请的有关材料。经审查，"
              "申请材料不齐全，请补正以下内容：" + "；".join(f"{i}.{x}" for i, x in enumerate(wanted, start=1)) + "。",
              indent=True)
        doc.p("补正材料齐全后，本机关将依法受理。依据《中华人民共和国行政许可法》第三十二条第一款第（四）项，特此告知。",
              indent=True)
        self.sign(doc, day)
        return doc

    def acceptance(self) -> Doc:
        d = self.d
        doc = Doc("行政许可受理通知书").p("行政许可受理通知书", align="center", bold=True, size=18)
        self.head(doc, self.no("受"))
        doc.p(f"你单位于{zh(d.timeline['application'])}提出的{self.matter.matter}申请，申请材料齐全、符合法定形式。"
              "依据《中华人民共和国行政许可法》第三十二条第一款第（五）项，本机关决定予以受理，"
              "并将自受理之日起二十个工作日内作出决定。", indent=True)
        self.sign(doc, d.timeline["acceptance"])
        return doc

    def special(self) -> Doc:
        d = self.d
        doc = Doc("行政许可特别程序告知书").p("行政许可特别程序告知书", align="center", bold=True, size=18)
        self.head(doc, self.no("特"))
        doc.p(f"你单位申请的{self.matter.matter}事项需组织专家评审。依据《中华人民共和国行政许可法》第四十五条，"
              f"专家评审所需时间为{d.elements['excluded_days']}个工作日，不计算在作出行政许可决定的期限内。",
              indent=True)
        self.sign(doc, d.timeline["special"])
        return doc

    def expert(self) -> Doc:
        doc = Doc("专家评审意见").p("专家评审意见", align="center", bold=True, size=18)
        doc.p(f"评审事项：{self.d.party.name}{self.matter.matter}")
        doc.p("评审意见：经审查资料和现场查看，专家组认为申请人的场所、设施和管理制度符合要求，同意通过评审。")
        doc.p(f"专家组组长（签名）：{self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN)}")
        doc.p(zh(self.d.timeline["expert_review"]), align="right")
        return doc

    def extension(self) -> Doc:
        d = self.d
        doc = Doc("延长行政许可批准时限告知书").p("延长行政许可批准时限告知书", align="center", bold=True, size=18)
        self.head(doc, self.no("延"))
        approval = "经本机关负责人批准，" if d.elements["extension_approved"] else ""
        doc.p(f"本机关于{zh(d.timeline['acceptance'])}受理你单位的{self.matter.matter}申请。因需现场核查申请人的"
              f"场所和设施，不能在二十个工作日内作出决定，{approval}决定延长十个工作日。依据《中华人民共和国行政许可法》"
              "第四十二条第一款，特此告知。", indent=True)
        self.sign(doc, d.timeline["extension"])
        return doc

    def review(self) -> Doc:
        d, t = self.d, self.d.timeline
        refused = d.elements["license_decision"] == "refuse"
        doc = Doc("行政许可审批表").p("行政许可审批表", align="center", bold=True, size=18)
        opinion = f"经审查，{self.matter.refusal}，建议不予许可。" if refused else \
            "经审查，申请材料齐全，符合法定条件、标准，建议准予许可。"
        doc.table([["申请人", d.party.name], ["许可事项", self.matter.matter], ["受理日期", zh(t["acceptance"])],
                   ["承办机构意见", f"{opinion}  承办人：{self.rng.choice(cat.SURNAMES) + self.rng.choice(cat.GIVEN)}"],
                   ["负责人审批意见", f"同意。  {zh(t['review'])}"]], (1, 3))
        return doc

    def decision(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = Doc("准予行政许可决定书")
        doc.p(self.agency, align="center", bold=True, size=16)
        doc.p("准予行政许可决定书", align="center", bold=True, size=18)
        self.head(doc, d.case_no)
        doc.p(f"你单位于{zh(t['application'])}提出的{self.matter.matter}申请，本机关于{zh(t['acceptance'])}受理。"
              f"经审查，你单位的申请符合{self.basis()}规定的条件，依据《中华人民共和国行政许可法》第三十八条第一款，"
              "本机关决定准予行政许可。", indent=True)
        doc.p(f"许可事项：{self.matter.matter}")
        doc.p(f"统一社会信用代码：{d.party.id}")
        doc.p(f"请于收到本决定书之日起到本机关领取《{self.matter.certificate}》。", indent=True)
        self.sign(doc, t["decision"])
        return doc

    def refusal(self) -> Doc:
        d, t = self.d, self.d.timeline
        doc = Doc("不予行政许可决定书")
        doc.p(self.agency, align="center", bold=True, size=16)
        doc.p("不予行政许可决定书", align="center", bold=True, size=18)
        self.head(doc, d.case_no)
        doc.p(f"你单位于{zh(t['application'])}提出的{self.matter.matter}申请，本机关于{zh(t['acceptance'])}受理。",
              indent=True)
        if "refusal_no_reasons" in self.has:
            doc.p("依据《中华人民共和国行政许可法》第三十八条第二款，本机关决定不予行政许可。", indent=True)
        else:
            doc.p(f"经审查，{self.matter.refusal}（{self.basis()}）。依据《中华人民共和国行政许可法》第三十八条第二款，"
                  "本机关决定不予行政许可。", indent=True)
        if "refusal_no_remedies" not in self.has:
            doc.p(f"如不服本决定，可以在收到本决定书之日起六十日内向{cat.GOVERNMENT}申请行政复议，"
                  f"或者在六个月内依法向{cat.COURT}提起行政诉讼。", indent=True)
        self.sign(doc, t["decision"])
        return doc

    def certificate(self) -> Doc:
        d, t = self.d, self.d.timeline
        title = f"{self.matter.certificate}（副本）"
        doc = Doc(title).p(title, align="center", bold=True, size=18)
        doc.table([["持证单位", d.party.name], ["统一社会信用代码", d.party.id], ["许可事项", self.matter.matter],
                   ["许可证编号", f"{self.code}{self.year}{int(d.facts['serial']):05d}"],
                   ["发证机关", self.agency], ["发证日期", zh(t["decision"])]], (1, 2))
        return doc

    def service_receipt(self) -> Doc:
        d, t = self.d, self.d.timeline
        refused = d.elements["license_decision"] == "refuse"
        served = f"不予行政许可决定书（{d.case_no}）" if refused else \
            f"准予行政许可决定书（{d.case_no}）、{self.matter.certificate}"
        doc = Doc("行政许可文书送达回证").p("行政许可文书送达回证", align="center", bold=True, size=18)
        doc.table([["送达文书名称及文号", served], ["受送达人", d.party.name], ["送达地点", d.party.address],
                   ["送达方式", "直接送达"], ["受送达人签名", f"{d.party.representative}  {zh(t['delivery'])}"],
                   ["送达人", "、".join(self.rng.sample([s + g for s in "张王李" for g in ("明", "华")], 2))]], (1, 2))
        return doc

    def publication(self) -> Doc:
        d = self.d
        doc = Doc("行政许可决定公示记录").p("行政许可决定公示记录", align="center", bold=True, size=18)
        doc.table([["许可决定书文号", d.case_no], ["行政相对人名称", d.party.name], ["许可内容", self.matter.matter],
                   ["公示网站", "信用中国（北京）"], ["公示日期", zh(d.timeline["publication"])]], (1, 2))
        return doc


def licence_documents(rng: random.Random, d: TypedDossierSpec, single: bool) -> None:
    """Fill `d.documents` and `d.contents` in filing order."""
    w, t, has = _Words(rng, d), d.timeline, set(d.defects)
    refused = d.elements["license_decision"] == "refuse"
    plan: list = [(DocKind.LICENSE_APPLICATION, "license_application", w.application(), t["application"])]
    if "missing_receipt" not in has:
        plan.append((DocKind.RECEIPT_OF_MATERIALS, "receipt_of_materials", w.receipt(), t["application"]))
    for n, day in enumerate(d.elements["corrections"], start=1):
        plan.append((DocKind.CORRECTION_NOTICE, f"correction_notice:{n}", w.correction(day, n), day))
    plan.append((DocKind.ACCEPTANCE_NOTICE, "acceptance_notice", w.acceptance(), t["acceptance"]))
    if "special" in t:
        plan.append((DocKind.SPECIAL_PROCEDURE_NOTICE, "special_procedure_notice", w.special(), t["special"]))
        plan.append((DocKind.EVIDENCE, "expert_opinion", w.expert(), t["expert_review"]))
    if "extension" in t:
        plan.append((DocKind.LICENSE_EXTENSION_NOTICE, "license_extension_notice", w.extension(), t["extension"]))
    if "missing_review_form" not in has:
        plan.append((DocKind.LICENSE_REVIEW_RECORD, "license_review_record", w.review(), t["review"]))
    if refused:
        plan.append((DocKind.LICENSE_REFUSAL, "license_refusal", w.refusal(), t["decision"]))
    else:
        plan.append((DocKind.LICENSE_DECISION, "license_decision", w.decision(), t["decision"]))
        plan.append((DocKind.LICENSE_CERTIFICATE, "license_certificate", w.certificate(), t["decision"]))
    if "missing_service_receipt" not in has:
        plan.append((DocKind.SERVICE_RECEIPT, "service_receipt", w.service_receipt(), t["delivery"]))
    if d.facts["published"]:
        plan.append((DocKind.PUBLICATION_PROOF, "publication_proof", w.publication(), t["publication"]))
    add_documents(rng, d, plan, single)
