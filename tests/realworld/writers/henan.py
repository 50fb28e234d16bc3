"""行政许可文书格式范本 (河南省人民政府法制办公室, 2016年5月): "(行政机关名称)行政许可…书" - the agency as the
first heading line, the number centred, 仿宋 body; 审批表 as ruled tables."""

from tests.realworld.writers.family import Family

SECTOR = "henan"
FAMILY = Family(name="行政许可文书格式范本（河南省人民政府法制办公室2016）", number_align="center", title_size=20,
                heading_size=16, body_size=12, docx_font="仿宋", wrap_chars=28)
