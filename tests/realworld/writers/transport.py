"""交通运输行政执法文书式样（交通运输部，《交通运输行政执法程序规定》配套，2019/2021）: 案号 right-aligned, grid
forms (立案登记表, 询问笔录 with 时间…至…), the 式样 caption is not printed on filled forms."""

from tests.realworld.writers.family import Family

SECTOR = "transport"
FAMILY = Family(name="交通运输行政执法文书式样", number_align="right", title_size=18, heading_size=14,
                body_size=11, docx_font="宋体", wrap_chars=32, first_line_indent=True)
