"""Hand-built 行政强制措施 dossiers: small .docx files in the wording of the 市场监督管理 form book (2019:
行政强制措施审批表, 行政强制措施现场笔录, 实施行政强制措施决定书, 场所/设施/财物清单, 延长行政强制措施期限决定书,
解除行政强制措施决定书), not the generator's wording.

`write_dossier(folder, **dates)` writes one file per document; a date left None leaves that document out.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.ingest.builders import make_docx

AGENCY = "北京市朝阳区市场监督管理局"
PARTY = "北京某某商贸有限公司"
SEAL = "（印章）"
REMEDIES = ("如不服本决定，可以在收到本决定书之日起六十日内向北京市朝阳区人民政府申请行政复议，"
            "或者在六个月内依法向北京市朝阳区人民法院提起行政诉讼。")


def zh(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _approval(head_signed: date, proposed: date) -> list:
    return [
        "行政强制措施审批表",
        (("案由", "涉嫌经营超过保质期的食品"),
         ("当事人", PARTY),
         ("拟采取的强制措施", "扣押涉嫌超过保质期的预包装食品"),
         ("承办人意见", f"建议依法实施扣押。承办人：张三、李四  {zh(proposed)}"),
         ("负责人审批意见", f"同意。负责人：王五  {zh(head_signed)}")),
    ]


STEPS = ("执法人员向当事人出示了执法证件，当场告知当事人采取行政强制措施的理由、依据以及依法享有的陈述、申辩权利和救济途径，"
         "听取了当事人的陈述和申辩。")


def _record(day: date, officers: tuple[tuple[str, str], ...], steps: tuple[str, ...] = (STEPS,),
            signatures: tuple[str, ...] | None = None, recorded: bool = True,
            title: str = "行政强制措施现场笔录") -> list:
    """The 现场笔录; `steps` the lines on 出示证件、告知、陈述申辩 (and presence), `signatures` its last lines, `recorded`
    whether it says the seizure was filmed (执法记录仪)."""
    names = "、".join(f"{name}（执法证号：{cert}）" for name, cert in officers)
    signed = "、".join(name for name, _ in officers)
    return [
        title,
        f"时间：{zh(day)}9时30分至10时40分",
        "地点：北京市朝阳区某某路2号当事人仓库",
        f"当事人：{PARTY}",
        f"执法人员：{names}",
        f"记录人：{officers[-1][0]}",
        *steps,
        "现场情况：当事人仓库内存放的某品牌饼干120箱已超过标注的保质期，执法人员依法予以扣押，并当场交付扣押决定书和清单。"
        + ("扣押过程使用执法记录仪全程录音录像。" if recorded else "扣押过程未使用执法记录仪。"),
        *(signatures if signatures is not None else (f"当事人签名：赵六    执法人员签名：{signed}",)),
        zh(day),
    ]


GOODS = (("序号", "名称", "规格", "数量"), ("1", "某品牌饼干", "500克/袋", "120箱"))


def _decision(day: date, list_inside: bool = False) -> list:
    """The decision; `list_inside`: its 清单 printed as a table after the remedies (附：扣押财物清单)."""
    return [
        "实施行政强制措施决定书",
        "朝市监强制〔2025〕5号",
        f"当事人：{PARTY}",
        "住所：北京市朝阳区某某路2号",
        "统一社会信用代码：91110105MA01ABCD1X",
        "你单位涉嫌经营超过保质期的食品，依据《中华人民共和国食品安全法》第一百一十条第（四）项的规定，本局决定对你单位的"
        "有关财物实施扣押，期限为三十日。扣押财物详见场所/设施/财物清单。",
        REMEDIES,
        *(("附：扣押财物清单", GOODS) if list_inside else ()),
        AGENCY,
        SEAL,
        zh(day),
    ]


def _list(day: date) -> list:
    return [
        "场所/设施/财物清单",
        "朝市监强制〔2025〕5号决定书附件",
        GOODS,
        "本清单一式二份，当事人和行政机关各执一份。",
        f"当事人签名：赵六  {zh(day)}",
        f"执法人员签名：张三、李四  {zh(day)}",
    ]


def _extension(day: date) -> list:
    return [
        "延长行政强制措施期限决定书",
        "朝市监延强〔2025〕2号",
        f"{PARTY}：",
        "本局于2025年3月3日对你单位的有关财物实施了扣押（朝市监强制〔2025〕5号）。因案情复杂，经本局负责人批准，"
        "决定将扣押期限延长三十日。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _release(day: date) -> list:
    return [
        "解除行政强制措施决定书",
        "朝市监解强〔2025〕3号",
        f"{PARTY}：",
        "本局于2025年3月3日对你单位的有关财物实施了扣押（朝市监强制〔2025〕5号）。依据《中华人民共和国行政强制法》"
        "第二十八条第一款第（三）项的规定，本局决定解除上述扣押，并退还扣押的财物。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _freeze_notice(day: date) -> list:
    return [
        "协助冻结存款通知书",
        "朝市监冻通〔2025〕1号",
        "中国某某银行北京朝阳支行：",
        f"根据《中华人民共和国反垄断法》第四十七条的规定，请协助冻结{PARTY}在你行开立的账户（账号：0200123456789）中的存款"
        "人民币伍拾万元整，冻结期限为三十日。",
        AGENCY,
        SEAL,
        zh(day),
    ]


def _freeze_decision(day: date) -> list:
    return [
        "冻结存款决定书",
        "朝市监冻〔2025〕1号",
        f"当事人：{PARTY}",
        "住所：北京市朝阳区某某路2号",
        "你单位涉嫌实施垄断协议，依据《中华人民共和国反垄断法》第四十七条的规定，本局决定冻结你单位在中国某某银行北京朝阳支行"
        "账户（账号：0200123456789）中的存款人民币伍拾万元整，冻结期限为三十日。",
        REMEDIES,
        AGENCY,
        SEAL,
        zh(day),
    ]


def write_freeze_dossier(folder: Path, *, approved: date, noticed: date, decided: date) -> Path:
    """A freezing of deposits: the head's approval, the notice to the bank, the decision to the party."""
    folder.mkdir(parents=True, exist_ok=True)
    make_docx(folder / "01审批表.docx", _approval(approved, approved))
    make_docx(folder / "02协助冻结通知书.docx", _freeze_notice(noticed))
    make_docx(folder / "03冻结决定书.docx", _freeze_decision(decided))
    return folder


TWO_OFFICERS = (("张三", "11010020001"), ("李四", "11010020002"))


def write_dossier(
    folder: Path,
    *,
    onsite: date,
    decided: date,
    approved: date | None,
    listed: bool = True,
    officers: tuple[tuple[str, str], ...] = TWO_OFFICERS,
    extended: date | None = None,
    released: date | None = None,
    steps: tuple[str, ...] = (STEPS,),
    signatures: tuple[str, ...] | None = None,
    recorded: bool = True,
    record_title: str = "行政强制措施现场笔录",  # a seizure recorded in a 现场检查笔录: its title
    list_inside: bool = False,  # the 清单 printed inside the decision (then no 清单 of its own)
) -> Path:
    """One coercive-measure dossier as a folder of .docx files, named as units file them; `recorded`: the record
    says the seizure was filmed (执法记录仪), else that it was not."""
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[tuple[str, list]] = []
    if approved is not None:
        docs.append(("01审批表.docx", _approval(approved, onsite)))
    docs.append(("02现场笔录.docx", _record(onsite, officers, steps, signatures, recorded, record_title)))
    docs.append(("03决定书.docx", _decision(decided, list_inside)))
    if listed and not list_inside:
        docs.append(("04清单.docx", _list(decided)))
    if extended is not None:
        docs.append(("05延长决定书.docx", _extension(extended)))
    if released is not None:
        docs.append(("06解除决定书.docx", _release(released)))
    for name, items in docs:
        make_docx(folder / name, items)
    return folder
