"""卫生健康行政执法文书 (国家卫生健康委 卫生行政执法文书规范 附件 当场行政处罚决定书): 文书编号 centred under
the title, labelled blanks, page numbers under every page."""

from tests.realworld.writers.family import Family

SECTOR = "health"
FAMILY = Family(name="卫生行政执法文书", number_align="center", title_size=18, heading_size=14, body_size=12,
                footer="page", docx_font="宋体", wrap_chars=26, first_line_indent=False)
