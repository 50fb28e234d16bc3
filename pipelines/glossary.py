"""The command line's words (pipelines/console.py). See ingest/glossary.py for how the layers share their words."""

from __future__ import annotations

CONSOLE_ZH: dict[str, str] = {
    "progress_bar": "评查",
    "progress": "评查进度",
    "scored": "已评分",
    "cached": "复用上次结果的案卷",
    "elapsed": "用时",
    "history_not_written": "历史库未写入 (history store not written)",
    "scorecard": "评查表 (scorecard)",
}
