"""Data for the new case types: on-the-spot violations (简易程序) and licence matters (行政许可) per unit.

Summary-procedure fines sit far from the limits of 行政处罚法第五十一条 (公民200元、组织3000元) and of on-the-spot
collection (第六十八条: 100元) unless a defect plants a breach; every provision is a real one of the named law.
"""

from __future__ import annotations

from dataclasses import dataclass

from samplegen.catalog import CITY_REG, PRICE, Provision

FOOD = "中华人民共和国食品安全法"
ROADS_REG = "城市道路管理条例"
PERMIT_REG = "排污许可管理条例"
CHEM_REG = "危险化学品安全管理条例"
LICENSING_LAW = "中华人民共和国行政许可法"


@dataclass(frozen=True)
class SummaryScenario:
    key: str
    cause: str
    violated: Provision
    penalty: Provision
    fact: str  # {place} {n}
    kinds: tuple[str, ...]  # party kinds it occurs for


SUMMARY_SCENARIOS: dict[str, SummaryScenario] = {
    s.key: s
    for s in (
        SummaryScenario("poster", "未经批准在城市建筑物、设施上张贴宣传品",
                        Provision(CITY_REG, 17), Provision(CITY_REG, 34, None, 2),
                        "未经批准，在{place}的电线杆、配电箱上张贴小广告{n}张", ("individual", "organisation")),
        SummaryScenario("stall", "擅自在街道两侧堆放物料",
                        Provision(CITY_REG, 14), Provision(CITY_REG, 36, None, 1),
                        "未经批准，在{place}门前人行道上堆放纸箱、货架等物料约{n}平方米", ("individual", "organisation")),
        SummaryScenario("price_tag", "未按规定明码标价",
                        Provision(PRICE, 13, 1), Provision(PRICE, 42),
                        "在{place}经营场所销售的{n}种商品未标示价格", ("individual", "organisation")),
    )
}

# Which on-the-spot violations a unit meets, by its code (the rest: poster and stall, 综合执法).
SUMMARY_BY_UNIT = {"清市监": ("price_tag",), "清城管": ("poster", "stall"), "清河街": ("poster", "stall", "price_tag")}

# fines in yuan: within the summary limit, away from it; collected on the spot only at or below 100
SUMMARY_FINES = {"individual": (50, 100, 150), "organisation": (500, 1000, 2000)}
ONSITE_FINES = (50, 100)
OVER_LIMIT_FINES = {"individual": (500, 1000), "organisation": (5000,)}
OVER_ONSITE_FINES = {"individual": (150,), "organisation": (500, 1000)}


@dataclass(frozen=True)
class LicenseMatter:
    key: str
    matter: str  # 许可事项
    basis: Provision  # the law that requires the licence
    certificate: str  # 许可证件 name
    materials: tuple[str, ...]
    industry: str  # for applicants' names
    refusal: str  # a reason for a refusal: which condition is not met


LICENSE_MATTERS: dict[str, LicenseMatter] = {
    m.key: m
    for m in (
        LicenseMatter("food", "食品经营许可", Provision(FOOD, 35, 1), "食品经营许可证",
                      ("食品经营许可申请书", "营业执照复印件", "法定代表人身份证明", "经营场所平面图", "食品安全管理制度"),
                      "餐饮管理", "经营场所与污染源的距离不符合食品经营许可的条件"),
        LicenseMatter("road", "临时占用城市道路许可", Provision(ROADS_REG, 31), "临时占用城市道路许可证",
                      ("临时占用城市道路申请书", "营业执照复印件", "占道位置平面图", "交通安全保障方案"),
                      "建设工程", "拟占用路段为城市主干道交通繁忙路段，占用道路将严重影响交通安全，不符合临时占用的条件"),
        LicenseMatter("discharge", "排污许可", Provision(PERMIT_REG, 2), "排污许可证",
                      ("排污许可证申请表", "营业执照复印件", "污染防治设施说明", "自行监测方案"),
                      "家具制造", "污染防治设施不能满足污染物排放标准的要求，不符合排污许可的条件"),
        LicenseMatter("chemicals", "危险化学品经营许可", Provision(CHEM_REG, 33, 1), "危险化学品经营许可证",
                      ("危险化学品经营许可证申请书", "营业执照复印件", "安全管理制度", "储存设施说明"),
                      "化工贸易", "储存设施与周边建筑的安全距离不符合危险化学品经营的条件"),
    )
}

LICENSE_BY_UNIT = {"清市监": "food", "清城管": "road", "清环": "discharge", "清应急": "chemicals"}
DEFAULT_LICENSE = "road"
