"""公安交通管理法律文书式样 (公安部《道路交通安全违法行为处理程序规定》附件, 式样二 公安交通管理简易程序处罚决定书):
the issuing traffic police unit printed above the title, a 16-digit 编号 right-aligned, the form as labelled
blanks, narrow ticket paper (a short wrap)."""

from tests.realworld.writers.family import Family

SECTOR = "police"
FAMILY = Family(name="公安交通管理法律文书式样", number_align="right", title_size=16, heading_size=13,
                body_size=11, docx_font="宋体", wrap_chars=22, first_line_indent=False)
