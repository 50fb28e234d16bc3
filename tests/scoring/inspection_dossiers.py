"""Hand-built 行政检查 dossiers: small .docx files in the wording of the 司法部 form texts (2025) and the
market-supervision books (行政检查审批表, 行政检查通知书, 现场检查笔录, 检查结果告知书), not the generator's wording.

`write_dossier(folder, ...)` writes one file per document; a flag left False leaves that document (or line) out.
"""

from __future__ import annotations

from pathlib import Path

from tests.ingest.builders import make_docx

AGENCY = "南京市江宁区市场监督管理局"
PARTY = "南京某某食品有限公司"
CODE = "91320115MA1XK7P30C"
OFFICERS = (("张三", "32011512345"), ("李四", "32011512346"))


def _listed(officers: tuple[tuple[str, str], ...]) -> str:
    return "、".join(f"{n}（执法证号：{c}）" if c else n for n, c in officers)


def _approval(officers: tuple[tuple[str, str], ...], approved: str = "2025年3月10日", note: str = "") -> list:
    return [
        "行政检查审批表",
        [["检查对象", PARTY], ["统一社会信用代码", CODE],
         ["检查类型", "日常检查（双随机抽查）"],
         ["检查依据", "《中华人民共和国食品安全法》第一百一十条"],
         ["检查事项", "食品生产经营过程控制、食品标签标识"],
         ["检查人员", _listed(officers)],
         ["承办机构意见", "建议于2025年3月12日实施现场检查。张三 2025年3月10日"],
         ["负责人审批意见", f"同意。王局长 {approved}"],
         *([["备注", note]] if note else [])],
    ]


def _notice(rights: bool = True, closing: tuple[str, ...] | None = None) -> list:
    """The notice; `closing` its last lines (the agency and the date by default)."""
    return [
        "行政检查通知书",
        "宁江市监检通〔2025〕12号",
        f"{PARTY}：",
        "根据《中华人民共和国食品安全法》第一百一十条的规定，本局定于2025年3月12日对你单位实施日常检查，"
        "检查事项为食品生产经营过程控制、食品标签标识。检查人员将出示行政执法证件。",
        *(["你单位有权对检查人员申请回避，并对检查结果进行陈述和申辩。"] if rights else []),
        *(closing if closing is not None else (AGENCY, "2025年3月10日")),
    ]


def _record(*, shown: bool, officers: tuple[tuple[str, str], ...], party_signed: bool, result_line: bool,
            rights: bool = True) -> list:
    listed = _listed(officers)
    told = ("告知事项：我们是南京市江宁区市场监督管理局的执法人员，现依法进行检查，已向你出示执法证件。"
            if shown else "告知事项：我们是南京市江宁区市场监督管理局的执法人员，现依法对你单位进行检查。")
    return [
        "现场检查笔录",
        "检查时间：2025年3月12日9时30分至2025年3月12日10时40分",
        "检查地点：南京市江宁区某某路1号",
        f"被检查人：{PARTY}",
        f"统一社会信用代码：{CODE}",
        "现场负责人：王五    联系电话：025-52123456",
        f"执法人员：{listed}",
        f"记录人：{officers[-1][0]}",
        told + ("你有申请回避的权利，有如实回答询问、协助检查的义务。" if rights else "请你如实回答询问、协助检查。"),
        "检查情况：执法人员对生产车间、原料库及成品库进行了检查，查看了进货查验记录，未发现违法行为。",
        *(["检查结果：未发现违法行为。"] if result_line else []),
        "被检查人意见：以上笔录我已看过，与事实相符。",
        "被检查人（签名）：王五    2025年3月12日" if party_signed else "被检查人（签名）：",
        "检查人员（签名）：" + "  ".join(n for n, _ in officers),
    ]


def _result() -> list:
    return [
        "检查结果告知书",
        "宁江市监检告〔2025〕12号",
        f"{PARTY}：",
        "本局于2025年3月12日对你单位进行了日常检查，检查结果为：未发现违法行为。",
        AGENCY,
        "2025年3月13日",
    ]


def _rectification(order: str) -> list:
    return [
        "责令改正通知书",
        "宁江市监责改〔2025〕12号",
        f"{PARTY}：",
        f"经查，你单位未按规定查验进货票据。依据《中华人民共和国食品安全法》第一百二十六条的规定，{order}",
        AGENCY,
        "2025年3月13日",
    ]


def write_dossier(
    folder: Path,
    *,
    approval: bool = True,
    notice: bool = True,
    shown: bool = True,
    officers: tuple[tuple[str, str], ...] = OFFICERS,
    party_signed: bool = True,
    result: bool = True,
    result_line: bool = True,  # the record's own 检查结果 box
    rights: bool = True,  # the notice's and the record's sentences on 申请回避、陈述申辩
    approved: str = "2025年3月10日",  # the head's date on the 审批表 (the inspection is on 3月12日)
    approval_note: str = "",  # the 审批表's 备注 (情况紧急，先行检查，事后补办审批手续。)
    notice_closing: tuple[str, ...] | None = None,  # the notice's last lines (the agency and its date)
    rectification: str = "",  # a 责令改正通知书 with this order (责令你单位于…前改正…), none when ''
) -> Path:
    """One inspection dossier as a folder of .docx files, named as units file them."""
    folder.mkdir(parents=True, exist_ok=True)
    docs: list[tuple[str, list]] = []
    if approval:
        docs.append(("01行政检查审批表.docx", _approval(officers, approved, approval_note)))
    if notice:
        docs.append(("02行政检查通知书.docx", _notice(rights, notice_closing)))
    docs.append(("03现场检查笔录.docx", _record(shown=shown, officers=officers, party_signed=party_signed,
                                                          result_line=result_line, rights=rights)))
    if result:
        docs.append(("04检查结果告知书.docx", _result()))
    if rectification:
        docs.append(("05责令改正通知书.docx", _rectification(rectification)))
    for name, items in docs:
        make_docx(folder / name, items)
    return folder
