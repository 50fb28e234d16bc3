"""The documents of the investigation: cover and catalog, case source, records, filing, evidence, report."""

from __future__ import annotations

from datetime import date

import samplegen.catalog as cat
from samplegen.document import Doc
from samplegen.model import DocSpec
from samplegen.phrases import DossierPhrases, chief


class InvestigationDocs(DossierPhrases):
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
        if "record_unsigned" in self.has:
            out.p("被检查人（签名）：")  # the signature line left blank, as an unsigned form shows it
        elif (d.source_date.day % 4) == 0:
            out.p(f"当事人拒绝签名。见证人：{d.party.representative[0]}某某（签名）  {self.date(d.source_date)}")
        else:
            out.p(f"被检查人（签名）：{d.party.representative}    {self.date(d.source_date)}")
        out.p(f"执法人员（签名）：{d.officers[0][0]}  {d.officers[1][0]}")
        return out

    def _filing_approval(self, doc: DocSpec) -> Doc:
        d = self.d
        incomplete = "filing_form_incomplete" in self.has  # the two rows printed but left blank
        rows = [["案件名称", self.case_name()], ["案件来源", "" if incomplete else d.source_kind]]
        rows += [
            ["当事人", d.party_name],
            ["统一社会信用代码（身份证件号码）", d.party_id],
            ["地址", d.party.address],
            ["简要案情", f"{self.date(d.source_date)}，当事人{d.fact}，涉嫌违反{self.violated()}的规定。"],
        ]
        rows.append(["承办人", "" if incomplete else "、".join(f"{n}（{c}）" if c else n for n, c in d.officers)])
        rows += [
            ["承办人意见", "建议立案调查。"],
            ["负责人审批意见", f"同意立案。负责人：{chief(d)}  {self.date(d.filing_date)}"],
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
            ["负责人审批意见", f"同意延期三十日。负责人：{chief(d)}  {self.date(d.timeline['extension'])}"],
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
