"""What one template book prints the same way on every form: the look a sector's writer fixes."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    name: str  # the template book, as the sector's forms are titled
    banner: str = ""  # a line printed above every form's heading (e.g. 安全生产行政执法文书)
    number_align: str = "right"  # right | center: where the form's number line sits under the title
    title_size: int = 18
    heading_size: int = 14  # the agency line(s) above the title
    body_size: int = 12
    footer: str = ""  # "page": 第 N 页 共 M 页 under every page of a file
    wrap_chars: int = 30  # characters per line in pdf-wrapped output
    docx_font: str = "宋体"
    label_bold: bool = False
    first_line_indent: bool = True
