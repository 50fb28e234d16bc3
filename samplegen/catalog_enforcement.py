"""Data of the 行政强制 and 行政检查 files per unit: what is seized and under which provision, what is inspected.

Every provision is a real one of the named law (查封、扣押 under 食品安全法第一百一十条、大气污染防治法第三十条、
环境保护法第二十五条).
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import samplegen.catalog as cat
import samplegen.ids as ids
from samplegen.model import PartySpec


@dataclass(frozen=True)
class MeasureMatter:
    key: str
    measure: str  # 查封 | 扣押
    cause: str
    basis: str  # the provision granting the measure, as the decision cites it
    disposal_basis: str
    industry: str
    goods: tuple[tuple[str, str, str], ...]  # 名称, 规格, 数量


MATTERS: dict[str, MeasureMatter] = {m.key: m for m in (
    MeasureMatter("food_expired", "扣押", "涉嫌经营超过保质期的食品",
                  "《中华人民共和国食品安全法》第一百一十条第（四）项", "《中华人民共和国食品安全法》第一百二十四条第一款",
                  "食品", (("饼干", "500克/袋", "120箱"), ("袋装牛奶", "250毫升/袋", "36箱"),
                           ("速冻水饺", "1千克/袋", "58袋"))),
    MeasureMatter("fume_equipment", "查封", "涉嫌未安装油烟净化设施排放油烟",
                  "《中华人民共和国大气污染防治法》第三十条", "《中华人民共和国大气污染防治法》第一百一十八条第一款",
                  "餐饮", (("燃气灶具", "双眼", "2台"), ("排烟风机", "3千瓦", "1台"), ("烧烤炉", "1.2米", "3台"))),
    MeasureMatter("waste_equipment", "查封", "涉嫌通过暗管排放水污染物",
                  "《中华人民共和国环境保护法》第二十五条", "《中华人民共和国水污染防治法》第八十三条",
                  "化工", (("污水提升泵", "7.5千瓦", "1台"), ("排污暗管", "DN100", "约40米"),
                           ("储液罐", "5立方米", "2个"))),
)}
MATTER_BY_UNIT = {"清市监": ("food_expired",), "清环": ("waste_equipment",), "清河街": ("fume_equipment",),
                  "清城管": ("fume_equipment",)}


@dataclass(frozen=True)
class InspectionMatter:
    key: str
    basis: str
    items: str  # 检查事项
    industry: str
    found: str  # what a finding looks like ("" never found)
    order_basis: str  # the provision a 责令改正 cites


INSPECTION_MATTERS: dict[str, InspectionMatter] = {m.key: m for m in (
    InspectionMatter("food", "《中华人民共和国食品安全法》第一百一十条", "食品经营过程控制、进货查验记录、食品标签标识",
                     "食品", "部分预包装食品未按规定查验供货者的许可证和食品出厂检验合格证明",
                     "《中华人民共和国食品安全法》第一百二十六条第一款"),
    InspectionMatter("fume", "《中华人民共和国大气污染防治法》第二十九条", "餐饮油烟净化设施安装使用及清洗维护情况",
                     "餐饮", "油烟净化设施未按规定定期清洗维护", "《中华人民共和国大气污染防治法》第一百一十八条第一款"),
    InspectionMatter("safety", "《中华人民共和国安全生产法》第六十五条", "安全生产责任制、安全生产教育培训、隐患排查治理",
                     "制造", "未如实记录安全生产教育和培训情况", "《中华人民共和国安全生产法》第九十七条"),
    InspectionMatter("waste", "《中华人民共和国水污染防治法》第三十条", "排污许可执行情况、污染防治设施运行情况",
                     "化工", "", ""),
)}
MATTER_BY_UNIT_INSPECTION = {"清市监": ("food",), "清环": ("waste", "fume"), "清河街": ("fume", "food"), "清城管": ("fume",),
                  "清应急": ("safety",)}
KINDS = ("日常检查（双随机抽查）", "专项检查", "投诉举报核查")


def company_party(rng: random.Random, industry: str | tuple[str, ...]) -> PartySpec:
    """A company of `industry` (食品, 建材 …; one drawn from a tuple) in the catalogue's district, with a valid
    credit code. The draws keep their order, so a seed gives the same files."""
    address = f"{cat.CITY}{cat.DISTRICT}{rng.choice(cat.ROADS)}{rng.randint(1, 300)}号"
    person = rng.choice(cat.SURNAMES) + rng.choice(cat.GIVEN)
    trade = rng.choice(cat.TRADE_NAMES)
    name = f"{cat.CITY}{trade}{industry if isinstance(industry, str) else rng.choice(industry)}有限公司"
    return PartySpec(name, "organisation", ids.make_credit_code(rng, cat.REGION_CODE, "91"), address, person,
                     phone=f"010-{rng.randint(60000000, 89999999)}")
