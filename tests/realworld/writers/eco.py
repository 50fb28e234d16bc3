"""环境行政执法文书制作指南（环境保护部，2016年5月）as 生态环境 bureaus still print it: ×××生态环境局 over the
title, the number centred, 表格 forms with labels in bold left columns."""

from tests.realworld.writers.family import Family

SECTOR = "eco"
FAMILY = Family(name="环境行政执法文书制作指南（2016）", number_align="center", title_size=18, heading_size=15,
                body_size=12, docx_font="宋体", label_bold=True, wrap_chars=26, footer="page")
