"""The standards of 行政强制 and 行政检查 files as the generator knows them: items, points, caps, categories, copied
by hand from scoring/checklists/coercion-measure.yaml, inspection.yaml and, for coercion-execution, from the draft
shared/reference/checklist-enforcement.md Part B (its YAML is written apart); never loaded from scoring.

Kept apart from standards.py so that the first types' entries are not touched.
"""

from __future__ import annotations

from samplegen.standards import Standard


def _codes(first: int, last: int) -> tuple[str, ...]:
    return tuple(f"R{n:02d}" for n in range(first, last + 1))


# 行政强制措施（查封、扣押、冻结）: coercion-measure.yaml.
COERCION_MEASURE = Standard(
    checklist="coercion-measure",
    veto=tuple(f"V{n:02d}" for n in range(1, 9)),
    manual=frozenset({"V01", "V07", "R09", "R14", "R15", "R17", "R19"}),
    points={
        "R01": (10, 10), "R02": (4, 4), "R03": (4, 4), "R04": (4, 4), "R05": (3, 3), "R06": (2, 2),
        "R07": (3, 3), "R08": (3, 12), "R09": (4, 4), "R10": (4, 4), "R11": (3, 6), "R12": (4, 4),
        "R13": (5, 5), "R14": (5, 5), "R15": (5, 5), "R16": (5, 5), "R17": (5, 5), "R18": (5, 5),
        "R19": (5, 5), "R20": (1, 5), "T01": (2, 2), "T03": (2, 2), "T04": (3, 3),
    },
    # 三项制度 holds R07 (全程音像记录, its code kept), T01 公示, T03 法制审核, T04 重大行政强制
    categories={
        "实施程序": (27, _codes(1, 6)),
        "决定书与清单": (30, _codes(8, 12)),
        "期限与延长": (17, _codes(13, 16)),
        "处理与解除": (11, _codes(17, 19)),
        "文书归档": (5, _codes(20, 20)),
        "三项制度": (10, ("T01", "R07", "T03", "T04")),
    },
)

# 行政检查: inspection.yaml.
INSPECTION = Standard(
    checklist="inspection",
    veto=("V01", "V02", "V03", "V04"),
    manual=frozenset({"V01", "V03", "V04", "R02", "R10", "R11", "R13", "R15", "R17", "R18"}),
    points={
        "R01": (8, 8), "R02": (4, 8), "R03": (4, 4), "R04": (4, 4), "R05": (5, 5), "R06": (4, 4),
        "R07": (4, 4), "R08": (2, 4), "R09": (2, 12), "R10": (3, 3), "R11": (3, 3), "R12": (8, 8),
        "R13": (6, 6), "R14": (3, 6), "R15": (5, 5), "R16": (3, 3), "R17": (5, 5), "R18": (5, 5),
        "R19": (4, 4), "R20": (2, 6), "T02": (2, 2),
    },
    # 三项制度 holds R15 (检查结果公示, its code kept) and T02 全过程记录
    categories={
        "检查启动": (20, _codes(1, 4)),
        "检查实施": (35, _codes(5, 11)),
        "检查结果": (20, ("R12", "R13", "R14", "R16")),
        "统筹与备案": (8, _codes(17, 18)),
        "文书归档": (10, _codes(19, 20)),
        "三项制度": (7, ("R15", "T02")),
    },
)

# 行政强制执行 / 申请人民法院强制执行: the draft's Part B (V01–V06, R01–R18). Manual: V01 and V06 (the draft), R03
# (triggered by the party's statement), R10 and R11 (the application's materials and its head's signature and
# seal) and R17 (中止、终结、执行协议, shown by the register): as coercion-execution.yaml has them.
COERCION_EXECUTION = Standard(
    checklist="coercion-execution",
    veto=tuple(f"V{n:02d}" for n in range(1, 7)),
    manual=frozenset({"V01", "V06", "R03", "R10", "R11", "R17"}),
    points={
        "R01": (3, 12), "R02": (4, 4), "R03": (4, 4), "R04": (3, 12), "R05": (5, 5), "R06": (4, 4),
        "R07": (4, 4), "R08": (6, 6), "R09": (6, 6), "R10": (2, 8), "R11": (3, 3), "R12": (2, 2),
        "R13": (4, 4), "R14": (4, 4), "R15": (2, 7), "R16": (5, 5), "R17": (3, 3), "R18": (1, 7),
        "T01": (3, 3), "T02": (4, 4), "T03": (3, 3),
    },
    # 三项制度: T01 公示 of the agency's decision, T02 全程音像记录 of a 强制拆除, T03 法制审核
    categories={
        "催告": (20, _codes(1, 3)),
        "强制执行决定与实施": (22, _codes(4, 7)),
        "申请人民法院强制执行": (22, _codes(8, 12)),
        "加处罚款与代履行": (15, _codes(13, 15)),
        "特别情形与归档": (11, _codes(16, 18)),
        "三项制度": (10, ("T01", "T02", "T03")),
    },
)
