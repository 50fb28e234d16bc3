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

# Inputs a user gets wrong (pipelines/input_checks.py): one line each, exit 2.
INPUT_ERRORS_ZH: dict[str, str] = {
    "unit_folder": "“{path}”像是一个单位的文件夹（其中 {examples} 是案卷），不是评查目录；请传入它的上一级目录：{parent}",
    "no_dossiers": "评查目录中没有找到案卷：{path}（应为“单位名称/案卷文件夹或文件”的结构）",
    "unknown_units": "--unit 没有匹配的单位：{wanted}；评查目录中的单位有：{units}",
    "no_unit_dossiers": "--unit 所选单位没有案卷：{wanted}",
    "no_history": "找不到历史库：{path}（请检查 --history；历史库由 pingcha run 写入）",
}
