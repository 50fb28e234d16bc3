"""食品经营许可文书 (食品经营许可和备案管理办法, 国家市场监督管理总局令第78号 配套 文书): agency heading,
number right-aligned, 受理通知书 and 决定书 as letters; 现场核查记录 as a ruled table."""

from tests.realworld.writers.family import Family

SECTOR = "samr_license"
FAMILY = Family(name="食品经营许可文书", number_align="right", title_size=20, heading_size=16, body_size=12,
                docx_font="仿宋", wrap_chars=28)
