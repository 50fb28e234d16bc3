"""安全生产行政执法文书 as provincial 应急管理 departments print them (reconstructed: the national 式样 text was
not found): a 安全生产行政执法文书 banner over every form, number right-aligned, page numbers."""

from tests.realworld.writers.family import Family

SECTOR = "safety"
FAMILY = Family(name="安全生产行政执法文书式样（省级印制，重构）", banner="安全生产行政执法文书",
                number_align="right", title_size=18, heading_size=14, body_size=12, footer="page",
                docx_font="仿宋", wrap_chars=30)
