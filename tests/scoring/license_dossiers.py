"""Hand-built 行政许可 dossiers: small .docx files in the wording of the provinces' template books (河南 2016,
云南, 林业 and 水利部 form books: 行政许可申请材料补正告知书, 行政许可受理通知书, 延长行政许可批准时限告知书,
行政许可特别程序告知书, 准予/不予行政许可决定书, 行政许可文书送达回证), not the generator's wording.

`write_dossier(folder, **dates)` writes one file per document; a date left None leaves that document out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.ingest.builders import make_docx

AGENCY = "北京市朝阳区市场监督管理局"
APPLICANT = "北京某某餐饮有限公司"
SEAL = "（行政许可专用章）"


def zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _application(day: date) -> list:
    return [
        "行政许可申请书",
        f"{AGENCY}：",
        "我单位现向你局申请食品经营许可，并提交如下申请材料：1.食品经营许可申请书；2.营业执照复印件；"
        "3.法定代表人身份证明；4.经营场所平面图。",
        "申请人承诺：以上提交材料真实合法有效。请依法审查并予以批准。",
        f"申请人名称：{APPLICANT}",
        "法定代表人：王五",
        "联系电话：010-85551234",
        "申请人（签字/盖章）：王五",
        zh(day),
    ]


def _receipt(day: date) -> list:
    return [
        "行政许可申请材料接收凭证",
        "朝市监许收〔2025〕15号",
        f"{APPLICANT}：",
        f"本机关于{zh(day)}收到你单位提交的食品经营许可申请材料共4份，材料清单附后。",
        "经办人：张三",
        SEAL,
        zh(day),
    ]


def _correction(day: date, applied: date, number: int) -> list:
    return [
        "行政许可申请材料补正告知书",
        f"朝市监许补〔2025〕{number}号",
        f"{APPLICANT}：",
        f"{zh(applied)}，本机关收到你单位申请食品经营许可所送的有关材料后，依法进行了审查，发现你单位所送材料不齐全，"
        "具体存在问题及需补正的内容如下：",
        "1.食品安全管理制度文本；",
        "2.主要设备设施布局、操作流程等文件。",
        "请你单位补正后重新提交。根据《中华人民共和国行政许可法》第三十二条第一款第（四）项的规定，特此告知。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _acceptance(day: date, applied: date) -> list:
    return [
        "行政许可受理通知书",
        "朝市监许受〔2025〕15号",
        f"{APPLICANT}：",
        f"你单位于{zh(applied)}提出的食品经营许可申请，申请材料齐全，符合法定形式。根据《中华人民共和国行政许可法》"
        "第三十二条第一款第（五）项的规定，本机关决定予以受理。",
        "本机关将自受理之日起二十个工作日内作出行政许可决定。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _special(day: date, days: int) -> list:
    return [
        "行政许可特别程序告知书",
        "朝市监许特〔2025〕3号",
        f"{APPLICANT}：",
        "你单位申请的食品经营许可事项，依法需要组织专家评审。根据《中华人民共和国行政许可法》第四十五条的规定，"
        f"专家评审所需时间为{days}个工作日，该时间不计算在作出行政许可决定的期限内。",
        "特此告知。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _expert_opinion(day: date) -> list:
    return [
        "专家评审意见",
        "评审事项：北京某某餐饮有限公司中央厨房食品经营许可",
        "评审意见：经现场查看和资料审查，专家组认为该单位布局流程基本合理，同意通过评审。",
        "专家组组长（签名）：赵六",
        zh(day),
    ]


def _extension(day: date, accepted: date, approved: bool) -> list:
    approval = "经本机关负责人批准，" if approved else ""
    return [
        "延长行政许可批准时限告知书",
        "朝市监许延〔2025〕2号",
        f"{APPLICANT}：",
        f"本机关于{zh(accepted)}受理你单位的食品经营许可申请。因需对经营场所进行现场核查，不能在二十个工作日内作出决定，"
        f"{approval}决定延长十个工作日。根据《中华人民共和国行政许可法》第四十二条第一款的规定，特此告知。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _decision(day: date, applied: date, accepted: date) -> list:
    return [
        AGENCY,
        "准予行政许可决定书",
        "朝市监许准〔2025〕15号",
        f"{APPLICANT}：",
        f"你单位于{zh(applied)}提出的食品经营许可申请，本机关于{zh(accepted)}受理。经审查，你单位的申请符合"
        "《中华人民共和国食品安全法》第三十五条规定的条件，根据《中华人民共和国行政许可法》第三十八条第一款的规定，"
        "本机关决定准予行政许可。",
        "许可事项：食品经营（热食类食品制售）",
        "请于收到本决定书之日起到本机关领取《食品经营许可证》。",
        SEAL,
        zh(day),
    ]


def _refusal(day: date, applied: date, accepted: date, reasons: bool, remedies: bool) -> list:
    body = [
        AGENCY,
        "不予行政许可决定书",
        "朝市监许不〔2025〕4号",
        f"{APPLICANT}：",
        f"你单位于{zh(applied)}提出的食品经营许可申请，本机关于{zh(accepted)}受理。",
    ]
    if reasons:
        body.append("经审查，你单位的经营场所与污染源距离不符合《食品经营许可和备案管理办法》第十二条规定的条件，"
                    "根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。")
    else:
        body.append("根据《中华人民共和国行政许可法》第三十八条第二款的规定，本机关决定不予行政许可。")
    if remedies:
        body.append("如不服本决定，可以在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，"
                    "或者在六个月内依法向北京市朝阳区人民法院提起行政诉讼。")
    return [*body, SEAL, zh(day)]


def _receipt_of_service(day: date, served: str) -> list:
    return [
        "行政许可文书送达回证",
        (("送达文书名称及文号", served),
         ("受送达人", APPLICANT),
         ("送达地点", "北京市朝阳区某某路1号"),
         ("送达方式", "直接送达"),
         ("受送达人签名", f"王五  {zh(day)}"),
         ("送达人", "张三、李四")),
    ]


def _publication(day: date) -> list:
    return [
        "行政许可决定公开书",
        "许可决定书文号：朝市监许准〔2025〕15号",
        f"行政相对人名称：{APPLICANT}",
        "许可内容：食品经营（热食类食品制售）",
        f"公示日期：{zh(day)}",
    ]


def write_dossier(
    folder: Path,
    *,
    applied: date,
    accepted: date | None,
    decided: date,
    corrections: tuple[date, ...] = (),
    special: tuple[date, int] | None = None,
    expert_opinion: date | None = None,
    extension: tuple[date, bool] | None = None,
    refusal: tuple[bool, bool] | None = None,  # (reasons, remedies) of a 不予行政许可决定书
    served: date | None = None,
    published: date | None = None,
) -> Path:
    """One licence dossier as a folder of .docx files, named as units file them."""
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[tuple[str, list]] = [("01申请书.docx", _application(applied)), ("02接收凭证.docx", _receipt(applied))]
    for n, day in enumerate(corrections, start=1):
        docs.append((f"03补正告知书{n}.docx", _correction(day, applied, 7 + n)))
    if accepted is not None:
        docs.append(("04受理通知书.docx", _acceptance(accepted, applied)))
    if special is not None:
        docs.append(("05特别程序告知书.docx", _special(*special)))
    if expert_opinion is not None:
        docs.append(("05专家评审意见.docx", _expert_opinion(expert_opinion)))
    if extension is not None and accepted is not None:
        docs.append(("06延期告知书.docx", _extension(extension[0], accepted, extension[1])))
    if refusal is None:
        docs.append(("07准予行政许可决定书.docx", _decision(decided, applied, accepted or applied)))
        what = "准予行政许可决定书 朝市监许准〔2025〕15号、食品经营许可证"
    else:
        docs.append(("07不予行政许可决定书.docx", _refusal(decided, applied, accepted or applied, *refusal)))
        what = "不予行政许可决定书 朝市监许不〔2025〕4号"
    if served is not None:
        docs.append(("08送达回证.docx", _receipt_of_service(served, what)))
    if published is not None:
        docs.append(("09公示.docx", _publication(published)))
    for name, items in docs:
        make_docx(folder / name, items)
    return folder
