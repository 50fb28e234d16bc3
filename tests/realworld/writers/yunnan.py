"""云南 行政审批 windows' forms (补正材料通知书, 受理通知书 as printed by a county 政务服务中心 window): a
banner over every form, 编号 right-aligned, page numbers."""

from tests.realworld.writers.family import Family

SECTOR = "yunnan"
FAMILY = Family(name="政务服务中心窗口行政许可文书", banner="江城市南湖区政务服务中心", number_align="right",
                title_size=18, heading_size=13, body_size=12, footer="page", docx_font="宋体", wrap_chars=30)
