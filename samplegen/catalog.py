"""Realistic names for a fictional district (清河区): units, their violation scenarios, parties, officers.

Scenario articles are real provisions of the named laws; fine ranges are the statutory ranges, per party
kind (None: the scenario does not occur for that kind).
"""

from __future__ import annotations

from dataclasses import dataclass, field

DISTRICT = "清河区"
CITY = "北京市"
REGION_CODE = "110105"
GOVERNMENT = f"{DISTRICT}人民政府"
COURT = f"{DISTRICT}人民法院"


@dataclass(frozen=True)
class Provision:
    law: str
    article: int
    clause: int | None = None
    item: int | None = None


@dataclass(frozen=True)
class Scenario:
    key: str
    cause: str  # 案由 (without 当事人 and 案)
    violated: Provision
    penalty: Provision
    fact: str  # what officers found; {place} is filled in
    remedy: str  # 责令改正 wording
    industry: str  # for company names
    evidence: tuple[str, ...]
    fine_range: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> statutory range
    sole_trader_ok: bool = False  # plausible for a 个体工商户 (only low fines, see spec.py)


FOOD = "中华人民共和国食品安全法"
AIR = "中华人民共和国大气污染防治法"
PRICE = "中华人民共和国价格法"
CITY_REG = "城市市容和环境卫生管理条例"
WASTE = "城市建筑垃圾管理规定"
SAFETY = "中华人民共和国安全生产法"
# laws about 公民生命健康安全 (行政处罚法第三十六条): a harmful violation is time-barred after 5 years, not 2
LIFE_OR_FINANCE_LAWS = frozenset({FOOD, AIR, SAFETY})

SCENARIOS: dict[str, Scenario] = {
    s.key: s
    for s in (
        Scenario(
            "food_expired", "经营超过保质期的食品",
            Provision(FOOD, 34, None, 10), Provision(FOOD, 124, 1, 5),
            "在{place}的货架上陈列销售超过保质期的预包装食品共计{n}种{m}件，货值金额{v}元",
            "责令当事人立即改正违法行为，没收超过保质期的食品", "商贸",
            ("现场检查笔录", "询问笔录", "现场照片", "产品标签复印件", "营业执照复印件"),
            {"organisation": (50000, 100000)},
        ),
        Scenario(
            "food_no_license", "未取得食品经营许可从事食品经营",
            Provision(FOOD, 35, 1), Provision(FOOD, 122, 1),
            "在{place}未取得食品经营许可证从事预包装食品及散装食品销售活动，违法经营的食品货值金额{v}元",
            "责令当事人立即停止违法经营活动，没收违法经营的食品", "食品",
            ("现场检查笔录", "询问笔录", "现场照片", "进货单据", "身份证明材料"),
            {"organisation": (50000, 100000), "individual": (50000, 100000)},
        ),
        Scenario(
            "price_tag", "未按规定明码标价",
            Provision(PRICE, 13, 1), Provision(PRICE, 42),
            "在{place}销售的{n}种商品未按照规定标示品名、价格等信息",
            "责令当事人改正违法行为", "商贸",
            ("现场检查笔录", "询问笔录", "现场照片", "营业执照复印件"),
            {"organisation": (500, 5000), "individual": (500, 5000)}, True,
        ),
        Scenario(
            "construction_dust", "施工工地未采取有效防尘降尘措施",
            Provision(AIR, 69, 3), Provision(AIR, 115, 1, 1),
            "在{place}施工工地未设置硬质围挡，裸露土方约{m}平方米未采取覆盖等有效防尘降尘措施",
            "责令当事人立即改正违法行为", "建设工程",
            ("现场检查笔录", "询问笔录", "现场照片", "施工合同复印件", "营业执照复印件"),
            {"organisation": (10000, 100000)},
        ),
        Scenario(
            "debris", "随意倾倒建筑垃圾",
            Provision(WASTE, 15), Provision(WASTE, 26),
            "在{place}随意倾倒建筑垃圾约{m}立方米",
            "责令当事人限期清理", "建筑工程",
            ("现场检查笔录", "询问笔录", "现场照片", "车辆信息", "营业执照复印件"),
            {"organisation": (5000, 50000)},
        ),
        Scenario(
            "stacking", "擅自在街道两侧堆放物料",
            Provision(CITY_REG, 14), Provision(CITY_REG, 36, None, 1),
            "未经批准，擅自在{place}的街道两侧堆放物料，占用面积约{m}平方米",
            "责令当事人立即停止违法行为，限期清理", "物资",
            ("现场检查笔录", "询问笔录", "现场照片"),
            {"organisation": (5000, 30000), "individual": (500, 2000)}, True,
        ),
        Scenario(
            "voc", "未采取措施减少挥发性有机物废气排放",
            Provision(AIR, 45), Provision(AIR, 108, None, 1),
            "在{place}的喷漆作业未在密闭空间或者设备中进行，未按照规定安装、使用污染防治设施",
            "责令当事人立即改正违法行为", "家具制造",
            ("现场检查笔录", "询问笔录", "现场照片", "监测报告", "营业执照复印件"),
            {"organisation": (20000, 200000)},
        ),
        Scenario(
            "material_dust", "未密闭易产生扬尘的物料",
            Provision(AIR, 72, 1), Provision(AIR, 117, None, 1),
            "在{place}露天堆放砂土、水泥等易产生扬尘的物料约{m}立方米，未采取密闭或者覆盖措施",
            "责令当事人立即改正违法行为", "建材",
            ("现场检查笔录", "询问笔录", "现场照片", "营业执照复印件"),
            {"organisation": (10000, 100000)},
        ),
        Scenario(
            "cooking_fume", "超过排放标准排放油烟",
            Provision(AIR, 81, 1), Provision(AIR, 118, 1),
            "在{place}经营餐饮服务，未安装油烟净化设施，油烟直排，经检测超过排放标准",
            "责令当事人立即改正违法行为", "餐饮管理",
            ("现场检查笔录", "询问笔录", "现场照片", "检测报告"),
            {"organisation": (5000, 50000), "individual": (5000, 50000)},
        ),
        Scenario(
            "safety_training", "未按照规定对从业人员进行安全生产教育和培训",
            Provision(SAFETY, 28, 1), Provision(SAFETY, 97, None, 3),
            "在{place}的生产经营活动中，{n}名从业人员未经安全生产教育和培训即上岗作业",
            "责令当事人限期改正", "机械加工",
            ("现场检查笔录", "询问笔录", "培训档案", "员工花名册", "营业执照复印件"),
            {"organisation": (5000, 100000)},
        ),
    )
}


@dataclass(frozen=True)
class UnitInfo:
    folder: str  # the unit's folder name (its name in the campaign)
    agency: str  # full name in documents
    code: str  # 机关代字
    cert_prefix: str
    scenarios: tuple[str, ...]
    department: str  # 办案机构


UNITS: tuple[UnitInfo, ...] = (
    UnitInfo("区市场监督管理局", f"{DISTRICT}市场监督管理局", "清市监", "1101051",
             ("food_expired", "food_no_license", "price_tag"), "执法稽查科"),
    UnitInfo("区城市管理综合行政执法局", f"{DISTRICT}城市管理综合行政执法局", "清城管", "1101052",
             ("construction_dust", "debris", "stacking"), "执法一队"),
    UnitInfo("区生态环境局", f"{DISTRICT}生态环境局", "清环", "1101053",
             ("voc", "material_dust", "cooking_fume"), "生态环境综合执法支队"),
    UnitInfo("清河街道办事处", f"{DISTRICT}清河街道办事处", "清河街", "1101054",
             ("cooking_fume", "stacking", "price_tag"), "综合行政执法队"),
    UnitInfo("区应急管理局", f"{DISTRICT}应急管理局", "清应急", "1101055",
             ("safety_training",), "安全生产执法队"),
    UnitInfo("永泰街道办事处", f"{DISTRICT}永泰街道办事处", "清永街", "1101056",
             ("stacking", "cooking_fume"), "综合行政执法队"),
    UnitInfo("西山镇人民政府", f"{DISTRICT}西山镇人民政府", "清西镇", "1101057",
             ("stacking", "debris"), "综合行政执法队"),
)

SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = ("伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
         "超", "秀兰", "霞", "平", "刚", "桂英", "建国", "志强", "海燕", "晓东", "文博", "思远", "雪梅", "国庆",
         "红霞", "玉兰", "立新", "宏伟", "春生", "建华", "子涵", "浩然", "欣怡", "一鸣", "嘉怡")
TRADE_NAMES = ("鑫源", "华城", "恒瑞", "嘉禾", "瑞丰", "盛达", "宏远", "金穗", "博联", "润泽", "永安", "德润",
               "佳美", "天禾", "鸿运", "兴隆", "众诚", "安泰", "康宁", "信达", "聚福", "百川", "汇通", "启航")
ROADS = ("安宁路", "建设路", "清河南街", "文化路", "育新街", "花园路", "永泰路", "西山大街", "朝阳路", "东升路",
         "滨河路", "幸福街")
SHOP_KINDS = ("便利店", "小吃店", "水果店", "五金店", "烟酒店", "早餐店")
REFERRERS = ("日常检查", "投诉", "举报", "上级交办", "其他部门移送", "媒体曝光")
