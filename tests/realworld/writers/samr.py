"""市场监督管理行政处罚文书格式范本（2021年修订版，国家市场监督管理总局，国市监法发〔2021〕42号）: agency name
as a heading line over the form's title, the number right-aligned under it, 党政机关公文格式 body (仿宋)."""

from tests.realworld.writers.family import Family

SECTOR = "samr"
FAMILY = Family(name="市场监督管理行政处罚文书格式范本（2021年修订版）", number_align="right",
                title_size=20, heading_size=16, body_size=12, docx_font="仿宋", wrap_chars=28)
