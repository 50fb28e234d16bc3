"""水行政许可法律文书示范格式文本 (水利部办公厅, 2006; 办公厅 2006年6月20日 印发): 实施机关名称 over the title,
(文号) right-aligned, 公文 body."""

from tests.realworld.writers.family import Family

SECTOR = "water"
FAMILY = Family(name="水行政许可法律文书示范格式文本", number_align="right", title_size=20, heading_size=16,
                body_size=12, docx_font="仿宋", wrap_chars=28)
