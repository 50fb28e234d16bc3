"""农业行政执法基本文书格式（农业农村部，2020，与《农业行政执法文书制作规范》配套）: number as 农（简称）〔年〕号
under a centred title, a 农业行政执法机关（印章） 落款, forms numbered 文书格式N."""

from tests.realworld.writers.family import Family

SECTOR = "agri"
FAMILY = Family(name="农业行政执法基本文书格式（2020）", number_align="center", title_size=18, heading_size=15,
                body_size=12, docx_font="宋体", wrap_chars=27, footer="page")
