"""城市管理综合行政执法文书 (住房和城乡建设部 城市管理执法办法 配套; printed by city 城管 bureaus; the 送达回证
layout found as a city's 示范文本): two-line heading (agency, title), number centred, label cells wrapped."""

from tests.realworld.writers.family import Family

SECTOR = "urban"
FAMILY = Family(name="城市管理行政执法文书示范文本", number_align="center", title_size=18, heading_size=16,
                body_size=12, docx_font="仿宋", wrap_chars=24)
