"""Reading back the campaign's own workbooks (reviewers, sample, assignment) with errors a user can act on."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ingest.errors import PingchaError


def read_sheet_rows(
    path: Path, sheets: Sequence[str | int], what: str, error: type[PingchaError], producer: str = ""
) -> dict[str | int, list[tuple]]:
    """Rows (values only) of the named sheets, or of sheet number N for an int; `what` names the file's
    role in messages (评查人员名单, 抽样结果 …) and `producer` the pingcha command that writes it."""
    import openpyxl

    path = Path(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as exc:
        raise error(f"{what}文件不存在：{path}") from exc
    except Exception as exc:  # openpyxl raises several unrelated types for unreadable files
        raise error(f"{path.name}：无法读取{what}（{type(exc).__name__}: {exc}）") from exc
    try:
        rows: dict[str | int, list[tuple]] = {}
        for sheet in sheets:
            if isinstance(sheet, str) and sheet not in book.sheetnames:
                made_by = f"，不是 {producer} 生成的{what}" if producer else ""
                raise error(f"{path.name}：缺少工作表“{sheet}”{made_by}")
            worksheet = book[sheet] if isinstance(sheet, str) else book.worksheets[sheet]
            rows[sheet] = list(worksheet.iter_rows(values_only=True))
        return rows
    finally:
        book.close()
