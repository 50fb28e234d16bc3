"""林业行政许可文书样本 (行政许可申请书, 受理通知书, 核查笔录, 行政许可决定审批表, 准予/不予行政许可决定书,
行政许可文书送达回证): 编号 right-aligned, labelled blanks kept flush left."""

from tests.realworld.writers.family import Family

SECTOR = "forestry"
FAMILY = Family(name="林业行政许可文书样本", number_align="right", title_size=18, heading_size=15, body_size=12,
                docx_font="宋体", wrap_chars=27, first_line_indent=False)
