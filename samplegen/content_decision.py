"""The documents of the decision and after: review and discussion, notice, hearing, decision, service,
payment, closing and remarks."""

from __future__ import annotations

import samplegen.catalog as cat
import samplegen.styles as styles
from samplegen.document import Doc
from samplegen.model import DocSpec
from samplegen.phrases import DossierPhrases, chief, clerk, deputy, reviewer


class DecisionDocs(DossierPhrases):
    def _legal_review(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"案件名称：{self.case_name()}")
        out.p(f"送审机构：{d.department}")
        out.p(f"审核意见：经审核，本案事实清楚，证据确凿，适用依据正确，程序合法，拟作出罚款{self.money(d.fine_amount)}"
              "的行政处罚决定适当，同意提交集体讨论。", indent=True)
        out.p(f"审核人：{reviewer(d)}（法制审核人员）")
        out.p(f"{d.agency}法制科", align="right")
        out.p(self.date(d.timeline["legal_review"]), align="right")
        return out

    def _collective_discussion(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"时间：{self.date(d.timeline['discussion'])}15时00分至16时10分")
        out.p(f"地点：{d.agency}会议室")
        out.p(f"主持人：{chief(d)}（局长）")
        out.p(f"参加人员：{chief(d)}、{deputy(d)}、{reviewer(d)}、{d.officers[0][0]}")
        out.p(f"记录人：{d.officers[1][0]}")
        out.p(f"讨论案件：{self.case_name()}")
        out.p(f"承办人汇报：当事人{d.fact}，违反了{self.violated()}的规定。", indent=True)
        out.p(f"讨论意见：与会人员一致认为，本案事实清楚，证据充分，决定依据{self.penalty()}的规定，"
              f"对当事人处以罚款{self.money(d.fine_amount)}。", indent=True)
        out.p(f"参加人员签名：{chief(d)}  {deputy(d)}  {reviewer(d)}  {d.officers[0][0]}")
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
        blank = serves_decision and "receipt_incomplete" in self.has  # the two rows printed but left blank
        rows += [["送达地点", "" if blank else d.party.address], ["送达方式", "" if blank else "直接送达"]]
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
              f"{self.date(t['hearing'])}9时00分在{d.agency}听证室举行听证。听证主持人：{deputy(d)}。"
              f"请{self.you()}准时参加，并可委托一至二人代理。无正当理由不参加的，视为放弃听证权利。", indent=True)
        self.seal(out, t["hearing_notice"])
        return out

    def _hearing_record(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"时间：{self.span('hearing_record')}")
        out.p(f"地点：{d.agency}听证室")
        out.p(f"听证主持人：{deputy(d)}    听证员：{reviewer(d)}    记录员：{clerk(d)}")
        out.p(f"案件调查人员：{self.officers_text()}")
        out.p(f"当事人：{d.party_name}    参加人：{d.party.representative}")
        out.p(f"调查人员陈述：当事人{d.fact}，违反了{self.violated()}的规定，拟依据{self.penalty()}的规定"
              f"处以罚款{self.money(d.fine_amount)}。", indent=True)
        out.p("当事人申辩：对违法事实无异议，请求考虑已整改的情节。", indent=True)
        out.p("主持人：听证结束。请核对笔录后签名。")
        out.p(f"当事人（签名）：{d.party.representative}    主持人（签名）：{deputy(d)}")
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
            ["法制机构意见", f"同意。{reviewer(d)}"],
            ["负责人审批意见", f"同意。负责人：{chief(d)}  {self.date(day)}"],
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
            ["负责人审批意见", f"同意结案。负责人：{chief(d)}"],
            ["审批日期", self.date(doc.date)],
        ], (1, 3))

    def _remarks(self, doc: DocSpec) -> Doc:
        d = self.d
        out = Doc(doc.title)
        out.p(f"本卷共{len(d.documents)}件，文书材料齐全，已按规定整理归档。", indent=True)
        out.p(f"立卷人：{d.officers[0][0]}    检查人：{deputy(d)}")
        out.p(f"立卷时间：{self.date(d.timeline['archive'])}")
        return out

