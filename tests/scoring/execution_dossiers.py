"""Hand-built 行政强制执行 dossiers: small .docx files in the wording units use (城管 强制拆除 by the agency itself;
市场监管 申请人民法院强制执行 of a fine), not the generator's wording.

`write_agency_dossier` / `write_court_dossier` write one file per document; a value left None leaves that
document (or sentence) out.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tests.ingest.builders import make_docx

AGENCY = "北京市朝阳区城市管理综合行政执法局"
COURT_AGENCY = "北京市朝阳区市场监督管理局"
PARTY = "北京某某商贸有限公司"
SEAL = "（印章）"
REMEDIES = ("如不服本决定，可以在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，"
            "或者在六个月内依法向北京市朝阳区人民法院提起行政诉讼。")


def zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _reminder(day: date, *, delivered: date, deadline: date, money: bool, defense: bool = True,
              surcharge: bool = True, agency: str = AGENCY) -> list:
    duty = ("缴纳罚款人民币伍仟元整（¥5000元）。请于" + zh(deadline) + "前到中国工商银行北京朝阳支行缴纳罚款"
            if money else "自行拆除位于北京市朝阳区某某路2号的违法建设。请于" + zh(deadline) + "前自行拆除")
    lines = [
        "履行行政处罚决定催告书",
        "朝城管催〔2025〕3号",
        f"{PARTY}：",
        f"本机关于{zh(delivered)}向你单位送达了朝城管罚〔2024〕12号行政处罚决定书，要求你单位{duty[:2]}"
        f"{duty[2:].split('。')[0]}。你单位至今未履行。",
        f"根据《中华人民共和国行政强制法》第三十五条的规定，现催告你单位履行上述义务。{duty.split('。')[1]}。",
    ]
    if surcharge:
        lines.append("逾期不缴纳罚款的，每日按罚款数额的百分之三加处罚款。")
    if defense:
        lines.append("你单位收到本催告书后有权进行陈述和申辩。")
    return [*lines, agency, SEAL, zh(day)]


def _receipt(served: date, what: str) -> list:
    return [
        "送达回证",
        (("送达文书", what), ("受送达人", PARTY), ("送达地点", "北京市朝阳区某某路2号"),
         ("送达方式", "直接送达"), ("送达日期", zh(served)), ("受送达人签名", "赵六")),
    ]


def _demolition_notice(day: date) -> list:
    return [
        "限期拆除公告",
        f"{PARTY}在北京市朝阳区某某路2号建设的违法建设，本机关已依法作出限期拆除决定。"
        f"请当事人于{zh(day.replace(day=day.day + 3))}前自行拆除，逾期不拆除的，本机关将依法强制拆除。",
        AGENCY, SEAL, zh(day),
    ]


def _enforcement_decision(day: date, *, execute_on: date | None, immediate: bool = False,
                          with_remedies: bool = True) -> list:
    lines = [
        "行政强制执行决定书",
        "朝城管强执〔2025〕2号",
        f"当事人：{PARTY}",
        "地址：北京市朝阳区某某路2号",
        "你单位在本机关催告后逾期仍未履行朝城管罚〔2024〕12号行政处罚决定书确定的拆除违法建设义务，且无正当理由。"
        "依据《中华人民共和国行政强制法》第三十七条、《中华人民共和国城乡规划法》第六十八条的规定，本机关决定对你单位"
        "的违法建设实施强制拆除。",
    ]
    if immediate:
        lines.append("因你单位在催告期间有转移财物的迹象，本机关决定立即强制执行。")
    if execute_on is not None:
        lines.append(f"强制执行方式：强制拆除；强制执行时间：{zh(execute_on)}。")
    if with_remedies:
        lines.append(REMEDIES)
    return [*lines, AGENCY, SEAL, zh(day)]


def _execution_record(start: datetime, end: datetime, emergency: bool = False) -> list:
    when = f"{zh(start.date())}{start.hour}时{start.minute:02d}分至{end.hour}时{end.minute:02d}分"
    lines = [
        "强制执行现场笔录",
        f"时间：{when}",
        "地点：北京市朝阳区某某路2号",
        f"当事人：{PARTY}",
        "执法人员：张三（执法证号：11010020001）、李四（执法证号：11010020002）",
        "执法人员出示执法证件，宣读行政强制执行决定书后，依法对违法建设实施强制拆除，全程进行音像记录。",
    ]
    if emergency:
        lines.append("因违法建设存在倒塌危险，情况紧急，连夜实施。")
    return [*lines, "当事人签名：赵六    执法人员签名：张三、李四", zh(start.date())]


def write_agency_dossier(
    folder: Path,
    *,
    delivered: date,
    reminded: date | None,
    served: date | None,
    deadline: date,
    decided: date,
    executed: tuple[datetime, datetime] | None,
    noticed: date | None = None,
    immediate: bool = False,
    emergency: bool = False,
    with_remedies: bool = True,
) -> Path:
    """强制拆除 by the agency: 催告书, its 送达回证, 限期拆除公告, 行政强制执行决定书, 强制执行现场笔录."""
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[tuple[str, list]] = []
    if reminded is not None:
        docs.append(("01催告书.docx", _reminder(reminded, delivered=delivered, deadline=deadline, money=False,
                                                surcharge=False)))
    if served is not None:
        docs.append(("02送达回证.docx", _receipt(served, "履行行政处罚决定催告书（朝城管催〔2025〕3号）")))
    if noticed is not None:
        docs.append(("03公告.docx", _demolition_notice(noticed)))
    docs.append(("04强制执行决定书.docx", _enforcement_decision(decided, execute_on=executed[0].date() if executed else None,
                                                          immediate=immediate, with_remedies=with_remedies)))
    if executed is not None:
        docs.append(("05现场笔录.docx", _execution_record(*executed, emergency=emergency)))
    for name, items in docs:
        make_docx(folder / name, items)
    return folder


def _application(day: date, *, delivered: date, reminder_served: date, surcharge: int, review: bool) -> list:
    history = (f"当事人不服，于{zh(delivered.replace(day=10))}申请行政复议，复议机关维持原决定。" if review
               else "当事人在法定期限内未申请行政复议，也未提起行政诉讼。")
    return [
        "强制执行申请书",
        "申请人：北京市朝阳区市场监督管理局",
        f"被申请人：{PARTY}",
        "地址：北京市朝阳区某某路2号",
        f"申请人于2024年8月20日作出朝市监罚〔2024〕88号行政处罚决定书，该决定书已于{zh(delivered)}直接送达被申请人，"
        "决定对被申请人罚款人民币伍仟元整。" + history,
        f"申请人于2025年3月3日作出履行行政处罚决定催告书，于{zh(reminder_served)}送达被申请人，被申请人逾期仍未履行。",
        f"截至申请之日，被申请人应缴纳罚款本金5000元，加处罚款{surcharge}元。",
        "依据《中华人民共和国行政强制法》第五十三条、第五十四条的规定，特申请人民法院强制执行。",
        "此致",
        "北京市朝阳区人民法院",
        "负责人（签名）：王五",
        COURT_AGENCY, SEAL, zh(day),
    ]


def _ruling(day: date) -> list:
    return [
        "北京市朝阳区人民法院",
        "行政裁定书",
        "（2025）京0105行审123号",
        f"申请执行人：{COURT_AGENCY}。被执行人：{PARTY}。",
        "本院经审查认为，申请执行的行政处罚决定认定事实清楚，适用法律正确，程序合法。裁定如下：准予强制执行。",
        zh(day),
    ]


def write_court_dossier(
    folder: Path,
    *,
    delivered: date,
    reminded: date,
    served: date,
    applied: date,
    surcharge: int = 3000,
    review: bool = False,
    ruled: date | None = None,
    defense: bool = True,
) -> Path:
    """申请人民法院强制执行 of a fine: 催告书, its 送达回证, 强制执行申请书, the court's 行政裁定书."""
    folder.mkdir(parents=True, exist_ok=True)
    make_docx(folder / "01催告书.docx", _reminder(reminded, delivered=delivered, deadline=date(2025, 3, 13),
                                                   money=True, defense=defense, agency=COURT_AGENCY))
    make_docx(folder / "02送达回证.docx", _receipt(served, "履行行政处罚决定催告书"))
    make_docx(folder / "03申请书.docx", _application(applied, delivered=delivered, reminder_served=served,
                                                    surcharge=surcharge, review=review))
    if ruled is not None:
        make_docx(folder / "04裁定书.docx", _ruling(ruled))
    return folder


def _substitute_decision(day: date, *, execute_on: date, complete: bool, immediate: bool) -> list:
    title = "立即代履行决定书" if immediate else "代履行决定书"
    lines = [
        title,
        "朝城管代〔2025〕1号",
        f"当事人：{PARTY}",
        "地址：北京市朝阳区某某路2号",
        "你单位堆放在某某路2号门前人行道上的建筑垃圾妨碍通行，经催告逾期仍未清除。依据《中华人民共和国行政强制法》"
        "第五十条的规定，本机关决定代履行，清除上述建筑垃圾。" if not immediate else
        "你单位遗洒在某某路2号门前道路上的渣土危及交通安全，你单位不能清除。依据《中华人民共和国行政强制法》第五十二条的"
        "规定，本机关决定立即实施代履行，清除上述渣土。",
        f"代履行时间：{zh(execute_on)}；代履行方式：由代履行人清运。",
    ]
    if complete:
        lines += ["代履行人：北京某某环境服务有限公司", "代履行费用预算：人民币贰仟元整，由你单位承担。"]
    return [*lines, REMEDIES, AGENCY, SEAL, zh(day)]


def _substitute_record(day: datetime) -> list:
    return [
        "代履行现场记录",
        f"时间：{zh(day.date())}{day.hour}时00分至{day.hour + 2}时00分",
        "地点：北京市朝阳区某某路2号门前",
        "监督人员：张三（执法证号：11010020001）、李四（执法证号：11010020002）",
        "代履行人北京某某环境服务有限公司清运建筑垃圾共计12车，代履行完毕。",
        "监督人员签名：张三、李四    代履行人签名：钱七    见证人签名：孙八",
        zh(day.date()),
    ]


def write_substitute_dossier(folder: Path, *, reminded: date | None, served: date | None, decided: date,
                             executed: datetime, complete: bool = True, immediate: bool = False) -> Path:
    """代履行: 催告书 and its 送达回证 (none for 立即代履行), 代履行决定书, 代履行现场记录."""
    folder.mkdir(parents=True, exist_ok=True)
    if reminded is not None:
        make_docx(folder / "01催告书.docx", _reminder(reminded, delivered=date(2025, 2, 10),
                                                       deadline=reminded.replace(day=reminded.day + 2), money=False,
                                                       surcharge=False))
    if served is not None:
        make_docx(folder / "02送达回证.docx", _receipt(served, "履行行政决定催告书"))
    make_docx(folder / "03代履行决定书.docx", _substitute_decision(decided, execute_on=executed.date(),
                                                                  complete=complete, immediate=immediate))
    make_docx(folder / "04代履行记录.docx", _substitute_record(executed))
    return folder
