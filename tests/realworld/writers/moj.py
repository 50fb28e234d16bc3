"""行政检查文书基本格式文本（试行）(司法部办公厅, 2025): seven forms along 审批—通知—实施—记录—反馈; as city
bureaus print them: agency line over the title, number right-aligned, 审批表 and 笔录 as ruled tables (the national
text itself was not found: its description on moj.gov.cn, 2025-05-08, fixes the elements, the look is reconstructed)."""

from tests.realworld.writers.family import Family

SECTOR = "moj"
FAMILY = Family(name="行政检查文书基本格式文本（试行）", number_align="right", title_size=20, heading_size=16,
                body_size=12, docx_font="仿宋", wrap_chars=28)
