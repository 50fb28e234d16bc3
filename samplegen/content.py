"""The words of every document of a dossier, independent of the file format.

A `Doc` is a title and a list of blocks (paragraphs and tables); the renderers lay it out as .docx, text
PDF, image PDF or .xlsx. Planted defects change the words here and nowhere else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from samplegen import catalog as cat
from samplegen import styles
from samplegen.spec import DocSpec, DossierSpec


@dataclass(frozen=True)
class Para:
    text: str
    align: str = "left"  # left | center | right
    bold: bool = False
    size: float = 12
    indent: bool = False  # first-line indent of two characters


@dataclass(frozen=True)
class Table:
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()  # relative column widths


@dataclass
class Doc:
    title: str
    blocks: list[Para | Table] = field(default_factory=list)

    def p(self, text: str, **kw) -> Doc:
        self.blocks.append(Para(text, **kw))
        return self

    def table(self, rows: list[list[str]] | list[tuple[str, ...]], widths: tuple[float, ...] = ()) -> Doc:
        self.blocks.append(Table(tuple(tuple(r) for r in rows), widths))
        return self

    def text(self) -> str:
        lines = []
        for b in self.blocks:
            lines.extend([b.text] if isinstance(b, Para) else ["\t".join(r) for r in b.rows])
        return "\n".join(lines)


def build_doc(d: DossierSpec, doc: DocSpec) -> Doc:
    """The content of one document of the dossier."""
    return _Writer(d).build(doc)


class _Writer:
    def __init__(self, d: DossierSpec) -> None:
        self.d = d
        self.s = d.style
        self.has = set(d.defects)

    # -- small formatters -------------------------------------------------------------------------
    def date(self, day: date | None) -> str:
        return styles.fmt_date(day, self.s.date, self.s.zero) if day else ""

    def sign_date(self, day: date | None) -> str:
        return styles.fmt_date(day, self.s.sign_date, self.s.zero) if day else ""

    def span(self, role: str, with_end: bool = True) -> str:
        start, end = self.d.record_times[role]
        return styles.fmt_time_span(start, end if with_end else None, self.s.date)

    def money(self, amount: Decimal) -> str:
        return styles.fmt_fine(amount, self.s.amount)

    def officers_text(self, officers: list[tuple[str, str]] | None = None) -> str:
        officers = self.d.officers if officers is None else officers
        return "、".join(f"{n}（执法证号：{c}）" if c else n for n, c in officers)  # c "": officers_no_cert

    def officer_block(self, doc: Doc, label: str = "执法人员", officers: list[tuple[str, str]] | None = None) -> None:
        officers = self.d.officers if officers is None else officers
        if self.s.officers_table and all(c for _, c in officers):
            doc.table([[label, "执法证号"], *[[n, c] for n, c in officers]], (1, 1))
        else:
            doc.p(f"{label}：{self.officers_text(officers)}")

    def party_lines(self, name: str | None = None) -> list[str]:
        p = self.d.party
        name = name or p.name
        if p.kind == "organisation":
            return [f"统一社会信用代码：{p.id}", f"法定代表人：{p.representative}", f"住所：{p.address}"]
        if p.sole_trader:
            return [f"统一社会信用代码：{p.id}", f"经营者：{p.representative}，性别：{p.gender}，"
                    f"公民身份号码：{p.operator_id}", f"经营场所：{p.address}"]
        return [f"性别：{p.gender}", f"公民身份号码：{p.id}", f"住址：{p.address}"]

    def party_block(self, doc: Doc, salutation_ok: bool = True) -> None:
        p = self.d.party
        if self.s.party_label == "salutation" and salutation_ok:
            doc.p(f"{p.name}：")
            doc.p("；".join(self.party_lines()) + "。", indent=True)
        else:
            doc.p(f"当事人：{p.name}" + ("（个体工商户）" if p.sole_trader else ""))
            for line in self.party_lines():
                doc.p(line)

    def evidence(self) -> tuple[str, ...]:
        if self.d.party_kind == "individual" and not self.d.party.sole_trader:
            return tuple(e.replace("营业执照复印件", "身份证复印件") for e in self.d.evidence)
        return self.d.evidence

    def you(self) -> str:
        return "你单位" if self.d.party_kind == "organisation" else "你"

    def case_name(self) -> str:
        return f"{self.d.party_name}{self.d.cause}案"

    def seal(self, doc: Doc, day: date | None, agency: str | None = None) -> None:
        doc.p(agency or self.d.agency, align="right")
        doc.p("（印章）", align="right")
        doc.p(self.sign_date(day), align="right")

    def violated(self) -> str:
        return styles.provision(*_prov(self.d, "violated"), self.s.item)

    def penalty(self) -> str:
        return styles.provision(*_prov(self.d, "penalty"), self.s.item)

    # -- dispatch ---------------------------------------------------------------------------------
    def build(self, doc: DocSpec) -> Doc:
        role = doc.role.split(":")[0]
        method = getattr(self, f"_{role}")
        out: Doc = method(doc)
        out.blocks.insert(0, Para(doc.title, align="center", bold=True, size=18))
        return out

    def _cover(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(d.agency, align="center", size=14)
        out.p("行政处罚案卷", align="center", size=14)
        out.table([
            ["案件名称", self.case_name()],
            ["决定书文号", d.case_no],
            ["当事人", d.party_name],
            ["办案机构", d.department],
            ["立案日期", self.date(d.filing_date)],
            ["结案日期", self.date(d.timeline["closing"])],
            ["保管期限", "长期"],
            ["归档号", d.archive_no],
        ], (1, 3))
        return out

    def _catalog(self, doc: DocSpec) -> Doc:
        rows = [["序号", "文书名称", "日期", "页码"]]
        page = 1
        n = 0
        for other in self.d.documents:
            if other.role in ("cover", "catalog"):
                continue
            n += 1
            rows.append([str(n), other.title, self.date(other.date), str(page)])
            page += 2 if other.role in ("inquiry_record", "decision", "hearing_record") else 1
        return Doc(doc.title).table(rows, (1, 5, 3, 1))

    def _case_source(self, doc: DocSpec) -> Doc:
        d = self.d
        return Doc(doc.title).table([
            ["案件来源", d.source_kind],
            ["登记日期", self.date(d.source_date)],
            ["当事人", d.party_name],
            ["地址", d.party.address],
            ["联系电话", d.party.phone],
            ["案情简述", f"{self.date(d.source_date)}，执法人员检查时发现，当事人{d.fact}。"],
            ["登记人", d.officers[0][0]],
            ["负责人意见", f"建议立案调查。{self.date(d.source_date)}"],
        ], (1, 4))

    def _inspection_record(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"检查时间：{self.span('inspection_record')}")
        out.p(f"检查地点：{d.place}")
        out.p(f"被检查人：{d.party_name}")
        out.p(f"现场负责人：{d.party.representative}    联系电话：{d.party.phone}")
        self.officer_block(out)
        out.p(f"记录人：{d.officers[1][0]}")
        out.p(f"告知事项：我们是{d.agency}的执法人员，现依法进行检查，已向你出示执法证件。你有申请回避的权利，"
              "有如实回答询问、协助调查的义务。", indent=True)
        out.p(f"检查情况：执法人员到达现场时，{d.party.representative}在场。经检查发现，当事人{d.fact}。"
              "执法人员对现场进行了拍照取证。", indent=True)
        out.p("被检查人意见：以上笔录我已看过，与事实相符。")
        if "record_unsigned" not in self.has:
            if (d.source_date.day % 4) == 0:
                out.p(f"当事人拒绝签名。见证人：{d.party.representative[0]}某某（签名）  {self.date(d.source_date)}")
            else:
                out.p(f"被检查人（签名）：{d.party.representative}    {self.date(d.source_date)}")
        out.p(f"执法人员（签名）：{d.officers[0][0]}  {d.officers[1][0]}")
        return out

    def _filing_approval(self, doc: DocSpec) -> Doc:
        d = self.d
        incomplete = "filing_form_incomplete" in self.has
        rows = [["案件名称", self.case_name()]]
        if not incomplete:
            rows.append(["案件来源", d.source_kind])
        rows += [
            ["当事人", d.party_name],
            ["统一社会信用代码（身份证件号码）", d.party_id],
            ["地址", d.party.address],
            ["简要案情", f"{self.date(d.source_date)}，当事人{d.fact}，涉嫌违反{self.violated()}的规定。"],
        ]
        if not incomplete:
            rows.append(["承办人", "、".join(f"{n}（{c}）" if c else n for n, c in d.officers)])
        rows += [
            ["承办人意见", "建议立案调查。"],
            ["负责人审批意见", f"同意立案。负责人：{_chief(d)}  {self.date(d.filing_date)}"],
            ["立案日期", self.date(d.filing_date)],
        ]
        return Doc(doc.title).table(rows, (1, 3))

    def _inquiry_notice(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"{d.party_name}：")
        out.p(f"为调查{self.you()}涉嫌{d.cause}一案，请{self.you()}派员（本人）于"
              f"{self.date(d.timeline['inquiry'])}到{d.agency}接受询问调查，并携带营业执照（身份证件）等材料。",
              indent=True)
        self.seal(out, d.filing_date)
        return out

    def _inquiry_record(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"询问时间：{self.span('inquiry_record', 'record_no_end_time' not in self.has)}")
        out.p(f"询问地点：{d.agency}询问室")
        officers = d.officers[:1] if "record_one_officer" in self.has else d.officers
        self.officer_block(out, "询问人", officers)
        out.p(f"记录人：{officers[-1][0]}")
        p = d.party
        if p.kind == "organisation":
            out.p(f"被询问人：{p.representative}    职务：法定代表人    联系电话：{p.phone}")
            out.p(f"工作单位：{d.party_name}")
        else:
            out.p(f"被询问人：{p.representative}    性别：{p.gender}    联系电话：{p.phone}")
            out.p(f"公民身份号码：{p.operator_id or p.id}")
        qa = [
            ("问", f"我们是{d.agency}的执法人员，现向你出示执法证件，依法就有关问题进行调查询问，"
                   "你有如实回答的义务，也有申请回避的权利。你是否申请回避？"),
            ("答", "不申请回避。"),
            ("问", "请介绍一下你（单位）的基本情况。"),
            ("答", f"{d.party_name}，地址在{p.address}。"),
            ("问", f"{self.date(d.source_date)}执法人员检查时发现的情况是否属实？"),
            ("答", f"属实。{d.fact}。"),
            ("问", "你还有什么需要补充的吗？"),
            ("答", "没有了，我们会立即整改。"),
        ]
        for who, text in qa:
            out.p(f"{who}：{text}")
        out.p("以上笔录已经本人核对，与本人所述一致。")
        out.p(f"被询问人（签名）：{p.representative}    {self.date(d.timeline['inquiry'])}")
        out.p("询问人（签名）：" + "  ".join(n for n, _ in officers))
        return out

    def _party_identity(self, doc: DocSpec) -> Doc:
        d = self.d
        p = d.party
        out = Doc(doc.title)
        if p.kind == "organisation" or p.sole_trader:
            out.table([
                ["统一社会信用代码", p.id],
                ["名称", p.name],
                ["类型", "有限责任公司（自然人投资或控股）" if p.kind == "organisation" else "个体工商户"],
                ["法定代表人" if p.kind == "organisation" else "经营者", p.representative],
                ["住所" if p.kind == "organisation" else "经营场所", p.address],
                ["成立日期", self.date(date(d.source_date.year - 3, 5, 18))],
                ["登记机关", f"{cat.DISTRICT}市场监督管理局"],
            ], (1, 3))
        else:
            out.table([
                ["姓名", p.name], ["性别", p.gender], ["民族", "汉"],
                ["住址", p.address], ["公民身份号码", p.id],
            ], (1, 3))
        out.p("此复印件与原件核对一致。    当事人（签名）：" + p.representative)
        return out

    def _evidence(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        n = int(doc.role.split(":")[1])
        if n == 1:
            for i in range(1, 4):
                out.p(f"照片{i}：{d.place}现场情况（拍摄时间：{self.date(d.source_date)}，"
                      f"拍摄人：{d.officers[i % 2][0]}）")
            out.p(f"当事人（签名）：{d.party.representative}")
        else:
            out.table([["序号", "证据名称", "来源", "页数"],
                       *[[str(i), name, "当事人提供" if i % 2 else "执法人员制作", str(1 + i % 3)]
                         for i, name in enumerate(self.evidence(), start=1)]], (1, 4, 2, 1))
            out.p(f"提取人：{d.officers[0][0]}  {d.officers[1][0]}    提取日期：{self.date(d.source_date)}")
        return out

    def _extension_approval(self, doc: DocSpec) -> Doc:
        d = self.d
        return Doc(doc.title).table([
            ["案件名称", self.case_name()],
            ["立案日期", self.date(d.filing_date)],
            ["延期理由", "案情复杂，需进一步调查取证，不能在规定期限内作出处理决定。"],
            ["申请延长期限", "三十日"],
            ["承办人", "、".join(n for n, _ in d.officers)],
            ["负责人审批意见", f"同意延期三十日。负责人：{_chief(d)}  {self.date(d.timeline['extension'])}"],
        ], (1, 3))

    def _investigation_report(self, doc: DocSpec) -> Doc:
        d = self.d
        fine = d.notice_fine_amount if d.notice_fine_amount is not None else d.fine_amount
        out = Doc(doc.title)
        out.p(f"案件名称：{self.case_name()}")
        for line in [f"当事人：{d.party_name}", *self.party_lines()]:
            out.p(line)
        out.p(f"一、调查经过：本机关于{self.date(d.filing_date)}立案调查，执法人员{self.officers_text()}"
              "依法进行了现场检查和询问调查。", indent=True)
        out.p(f"二、违法事实：经查，当事人于{self.date(d.violation_date)}{d.fact}。", indent=True)
        out.p("三、证据：" + "、".join(self.evidence()) + "。", indent=True)
        out.p(f"四、处理意见：当事人的行为违反了{self.violated()}的规定，依据{self.penalty()}的规定，"
              f"建议给予罚款{self.money(fine)}的行政处罚。", indent=True)
        out.p("承办人（签名）：" + "  ".join(n for n, _ in d.officers))
        out.p(self.date(d.timeline["report"]), align="right")
        return out

    def _legal_review(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"案件名称：{self.case_name()}")
        out.p(f"送审机构：{d.department}")
        out.p(f"审核意见：经审核，本案事实清楚，证据确凿，适用依据正确，程序合法，拟作出罚款{self.money(d.fine_amount)}"
              "的行政处罚决定适当，同意提交集体讨论。", indent=True)
        out.p(f"审核人：{_reviewer(d)}（法制审核人员）")
        out.p(f"{d.agency}法制科", align="right")
        out.p(self.date(d.timeline["legal_review"]), align="right")
        return out

    def _collective_discussion(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"时间：{self.date(d.timeline['discussion'])}15时00分至16时10分")
        out.p(f"地点：{d.agency}会议室")
        out.p(f"主持人：{_chief(d)}（局长）")
        out.p(f"参加人员：{_chief(d)}、{_deputy(d)}、{_reviewer(d)}、{d.officers[0][0]}")
        out.p(f"记录人：{d.officers[1][0]}")
        out.p(f"讨论案件：{self.case_name()}")
        out.p(f"承办人汇报：当事人{d.fact}，违反了{self.violated()}的规定。", indent=True)
        out.p(f"讨论意见：与会人员一致认为，本案事实清楚，证据充分，决定依据{self.penalty()}的规定，"
              f"对当事人处以罚款{self.money(d.fine_amount)}。", indent=True)
        out.p(f"参加人员签名：{_chief(d)}  {_deputy(d)}  {_reviewer(d)}  {d.officers[0][0]}")
        return out

    def _penalty_notice(self, doc: DocSpec) -> Doc:
        d = self.d
        you = self.you()
        out = Doc(doc.title)
        out.p(d.notice_no or "", align="center")
        out.p(f"{d.party_name}：")
        fine = self.money(d.notice_fine_amount or d.fine_amount)
        if "notice_incomplete" in self.has:
            out.p(f"本机关拟对{you}作出如下行政处罚：罚款{fine}。", indent=True)
        else:
            out.p(f"经查，{you}于{self.date(d.violation_date)}{d.fact}。以上事实有"
                  + "、".join(self.evidence()[:3]) + "等证据为证。", indent=True)
            out.p(f"{you}的上述行为违反了{self.violated()}的规定。依据{self.penalty()}的规定，"
                  f"本机关拟对{you}作出如下行政处罚：罚款{fine}。", indent=True)
        hearing = d.hearing_applies and "no_hearing_right" not in self.has
        days = "五" if hearing else "三"
        out.p(f"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，{you}可在收到本告知书之日起"
              f"{days}个工作日内向本机关进行陈述和申辩。", indent=True)
        if hearing:
            out.p(f"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，{you}有要求举行听证的权利，"
                  f"可在收到本告知书之日起五个工作日内向本机关提出听证申请。", indent=True)
        out.p("逾期未提出的，视为放弃上述权利。", indent=True)
        out.p(f"联系人：{d.officers[0][0]}    联系电话：010-6{d.archive_no[-4:]}321")
        self.seal(out, d.notice_date)
        return out

    def _service_receipt(self, doc: DocSpec) -> Doc:
        d = self.d
        serves_decision = doc.role.endswith(":decision")
        if serves_decision:
            number = d.wrong_case_no or d.case_no
            served = f"行政处罚决定书（{number}）"
            day = d.timeline["delivery"]
        else:
            served = f"行政处罚事先告知书（{d.notice_no}）"
            day = d.notice_served_date
        rows = [["送达文书名称及文号", served], ["受送达人", d.party_name]]
        if not (serves_decision and "receipt_incomplete" in self.has):
            rows += [["送达地点", d.party.address], ["送达方式", "直接送达"]]
        rows += [
            ["送达时间", f"{self.date(day)}10时30分"],
            ["受送达人签名", f"{d.party.representative}  {self.date(day)}"],
            ["送达人", "、".join(n for n, _ in d.officers)],
            ["备注", ""],
        ]
        out = Doc(doc.title).table(rows, (1, 3))
        out.p(d.agency, align="right")
        return out

    def _defense_record(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        if d.defense == "waiver":
            out.p(f"本人（单位）已收到{d.agency}《行政处罚事先告知书》（{d.notice_no}），对告知的违法事实、"
                  "处罚依据和拟作出的行政处罚无异议，自愿放弃陈述、申辩的权利。", indent=True)
            out.p(f"声明人（签名）：{d.party.representative}")
            out.p(self.date(d.timeline["defense"]), align="right")
            return out
        out.p(f"时间：{self.span('defense_record')}")
        out.p(f"地点：{d.agency}")
        out.p(f"陈述申辩人：{d.party.representative}（{d.party_name}）")
        self.officer_block(out, "承办人")
        out.p("陈述申辩内容：当事人称已对违法行为进行了整改，系初次违法，请求从轻处罚。", indent=True)
        out.p("复核意见：经复核，当事人提出的理由已在拟处罚意见中予以考虑，维持原拟处罚意见。", indent=True)
        out.p(f"陈述申辩人（签名）：{d.party.representative}")
        return out

    def _hearing_notice(self, doc: DocSpec) -> Doc:
        d = self.d
        t = d.timeline
        out = Doc(doc.title)
        out.p(f"{d.party_name}：")
        out.p(f"根据{self.you()}于{self.date(t['hearing_request'])}提出的听证申请，本机关定于"
              f"{self.date(t['hearing'])}9时00分在{d.agency}听证室举行听证。听证主持人：{_deputy(d)}。"
              f"请{self.you()}准时参加，并可委托一至二人代理。无正当理由不参加的，视为放弃听证权利。", indent=True)
        self.seal(out, t["hearing_notice"])
        return out

    def _hearing_record(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"时间：{self.span('hearing_record')}")
        out.p(f"地点：{d.agency}听证室")
        out.p(f"听证主持人：{_deputy(d)}    听证员：{_reviewer(d)}    记录员：{_clerk(d)}")
        out.p(f"案件调查人员：{self.officers_text()}")
        out.p(f"当事人：{d.party_name}    参加人：{d.party.representative}")
        out.p(f"调查人员陈述：当事人{d.fact}，违反了{self.violated()}的规定，拟依据{self.penalty()}的规定"
              f"处以罚款{self.money(d.fine_amount)}。", indent=True)
        out.p("当事人申辩：对违法事实无异议，请求考虑已整改的情节。", indent=True)
        out.p("主持人：听证结束。请核对笔录后签名。")
        out.p(f"当事人（签名）：{d.party.representative}    主持人（签名）：{_deputy(d)}")
        return out

    def _decision_approval(self, doc: DocSpec) -> Doc:
        d = self.d
        day = d.timeline["decision_approval"]
        return Doc(doc.title).table([
            ["案件名称", self.case_name()],
            ["当事人", d.wrong_party_name or d.party_name],
            ["违法事实", f"当事人{d.fact}。"],
            ["处罚依据", f"违反了{self.violated()}，依据{self.penalty()}"],
            ["拟处罚意见", f"罚款{self.money(d.fine_amount)}"],
            ["承办人意见", f"建议按拟处罚意见作出处罚决定。承办人：{d.officers[0][0]}、{d.officers[1][0]}"],
            ["法制机构意见", f"同意。{_reviewer(d)}"],
            ["负责人审批意见", f"同意。负责人：{_chief(d)}  {self.date(day)}"],
        ], (1, 3))

    def _decision(self, doc: DocSpec) -> Doc:
        d = self.d
        t = d.timeline
        out = Doc(doc.title)
        out.p(d.case_no, align="center")
        self.party_block(out)
        out.p(f"{self.date(d.source_date)}，本机关执法人员在检查中发现当事人涉嫌{d.cause}，"
              f"本机关于{self.date(d.filing_date)}立案调查。", indent=True)
        out.p(f"经查明：当事人于{self.date(d.violation_date)}{d.fact}。以上事实有"
              + "、".join(self.evidence()) + "等证据为证。", indent=True)
        if d.notice_no:
            narrative = (f"本机关于{self.date(d.notice_served_date)}向当事人送达了《行政处罚事先告知书》（{d.notice_no}），"
                         "告知当事人拟作出行政处罚的事实、理由、依据及依法享有的陈述、申辩"
                         + ("和听证" if d.hearing_applies and "no_hearing_right" not in self.has else "")
                         + "权利。")
            if d.hearing_held:
                narrative += f"当事人申请听证，本机关于{self.date(d.hearing_date)}依法举行了听证。"
            elif d.defense == "statement":
                narrative += "当事人提出了陈述、申辩，经复核，其理由不足以改变处罚意见。"
            elif d.defense == "waiver":
                narrative += "当事人书面声明放弃陈述、申辩的权利。"
            elif "decision_before_defense_period" not in self.has:
                narrative += "当事人在规定期限内未提出陈述、申辩。"
            out.p(narrative, indent=True)
        fine_text = styles.fmt_fine(d.fine_amount, self.s.amount, d.upper_fine)
        if "no_legal_basis" in self.has:
            out.p(f"本机关认为，当事人的上述行为属于违法行为。本机关决定对当事人作出如下行政处罚：罚款{fine_text}。",
                  indent=True)
        elif "decision_no_violated_provision" in self.has:
            out.p(f"依据{d.penalty_provision}的规定，本机关决定对当事人作出如下行政处罚：罚款{fine_text}。",
                  indent=True)
        else:
            out.p(f"当事人的上述行为违反了{d.violated_provision}的规定。依据{d.penalty_provision}的规定，"
                  f"本机关决定{d.remedy}，并对当事人作出如下行政处罚：罚款{fine_text}。",
                  indent=True)
        out.p("当事人应当自收到本决定书之日起十五日内，持本决定书到指定银行缴纳罚款，或者通过电子支付系统缴纳。"
              "到期不缴纳罚款的，本机关可以每日按罚款数额的百分之三加处罚款。", indent=True)
        if "decision_missing_remedies" not in self.has:
            out.p(f"当事人如不服本处罚决定，可以在收到本决定书之日起六十日内向{cat.GOVERNMENT}申请行政复议，"
                  f"也可以在六个月内依法向{cat.COURT}提起行政诉讼。", indent=True)
            out.p("申请行政复议或者提起行政诉讼期间，行政处罚不停止执行，法律另有规定的除外。", indent=True)
        self.seal(out, t["decision"])
        return out

    def _payment_receipt(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p("（非税收入一般缴款书）", align="center")
        out.table([
            ["缴款人", d.party_name],
            ["执收单位", d.agency],
            ["决定书文号", d.case_no],
            ["收入项目", "罚没收入"],
            ["金额（大写）", styles.upper_amount(d.fine_amount)],
            ["金额（小写）", f"￥{styles.fig_amount(d.fine_amount)}元"],
            ["缴款日期", self.date(d.timeline["payment"])],
            ["收款银行", "中国工商银行北京清河支行"],
        ], (1, 3))
        return out

    def _closing_approval(self, doc: DocSpec) -> Doc:
        d = self.d
        paid = "fine_unpaid" not in self.has
        execution = (f"当事人已于{self.date(d.timeline['payment'])}缴纳罚款{self.money(d.fine_amount)}。" if paid
                     else "当事人已签收处罚决定书。")
        return Doc(doc.title).table([
            ["案件名称", self.case_name()],
            ["当事人", d.party_name],
            ["决定书文号", d.wrong_case_no or d.case_no],
            ["处罚内容", f"罚款{self.money(d.fine_amount)}"],
            ["执行情况", execution],
            ["承办人意见", "本案已执行完毕，建议结案。"],
            ["负责人审批意见", f"同意结案。负责人：{_chief(d)}"],
            ["审批日期", self.date(doc.date)],
        ], (1, 3))

    def _remarks(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"本卷共{len(d.documents)}件，文书材料齐全，已按规定整理归档。", indent=True)
        out.p(f"立卷人：{d.officers[0][0]}    检查人：{_deputy(d)}")
        out.p(f"立卷时间：{self.date(d.timeline['archive'])}")
        return out


def _prov(d: DossierSpec, which: str) -> tuple:
    sc = cat.SCENARIOS[d.scenario]
    p = sc.violated if which == "violated" else sc.penalty
    return p.law, p.article, p.clause, p.item


def _people(d: DossierSpec) -> list[str]:
    """Agency staff who are not the case officers (chief, deputy, legal reviewer, clerk), stable per unit."""
    from samplegen.spec import hash_str

    h = hash_str(d.unit)
    return [cat.SURNAMES[(h + 7 * i) % len(cat.SURNAMES)] + cat.GIVEN[(h + 11 * i) % len(cat.GIVEN)]
            for i in range(1, 5)]


def _chief(d: DossierSpec) -> str:
    return _people(d)[0]


def _deputy(d: DossierSpec) -> str:
    return _people(d)[1]


def _reviewer(d: DossierSpec) -> str:
    return _people(d)[2]


def _clerk(d: DossierSpec) -> str:
    return _people(d)[3]

