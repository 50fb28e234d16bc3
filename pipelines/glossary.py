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
    "no_prefect_template": "pingcha: 未生成 Prefect 数据库模板（{error}）；新的输出目录将自行建库",
    "prefect_template": "pingcha: Prefect 数据库模板：{path}",
}

# The run's safety machinery (pipelines/runlock.py, shutdown.py, workers.py): the lock, an interruption, a
# crashed worker process.
RUN_SAFETY_ZH: dict[str, str] = {
    "lock_held": "输出目录正被另一次运行使用（进程 {pid}，主机 {host}，开始于 {started}）：{out}",
    "lock_other_host": (
        "输出目录的锁由另一台主机上的运行持有（进程 {pid}，主机 {host}，开始于 {started}）；"
        "如确认该运行已结束，请删除 {lock} 后重试：{out}"
    ),
    "lock_stale": "pingcha: 注意：接管失效的锁（进程 {pid} 已不在运行，主机 {host}，开始于 {started}）：{lock}",
    "interrupted": "pingcha: 已中断；加 --overwrite 重新运行即可继续（已完成的案卷会复用）",
    "review_interrupted": "pingcha: 已中断；请重新运行 review apply（输出目录中的内容不完整）",
    "worker_crashed": "处理本案卷的工作进程意外终止（{cause}），案卷未评分，请重新运行或人工评查",
    "worker_signal": "被信号 {signal} 终止，可能是内存不足",
    "worker_exit": "退出码 {code}",
    "disk_low": "输出目录所在磁盘剩余空间不足：剩余 {free}，至少需要 {need}；请释放空间或用 --out 换一个目录：{out}",
    "disk_full": (
        "pingcha: 磁盘空间已满，运行未完成：{out}；本次输出未发布，原有输出未改动。"
        "释放空间后加 --overwrite 重新运行即可继续（已完成的案卷会复用）"
    ),
}

# Inputs a user gets wrong (pipelines/input_checks.py): one line each, exit 2.
INPUT_ERRORS_ZH: dict[str, str] = {
    "unit_folder": "“{path}”像是一个单位的文件夹（其中 {examples} 是案卷），不是评查目录；请传入它的上一级目录：{parent}",
    "no_dossiers": "评查目录中没有找到案卷：{path}（应为“单位名称/案卷文件夹或文件”的结构）",
    "unknown_units": "--unit 没有匹配的单位：{wanted}；评查目录中的单位有：{units}",
    "no_unit_dossiers": "--unit 所选单位没有案卷：{wanted}",
    "no_history": "找不到历史库：{path}（请检查 --history；历史库由 pingcha run 写入）",
    "no_input": "找不到评查目录：{path}",
    "no_file": "找不到{what}文件：{path}",
    "at_least_one": "{option} 至少为 1",
    "not_negative": "{option} 不能为负数",
    "no_out": "找不到输出目录：{path}",
    "record_exists": "{path} 已存在（它是评查活动的记录；如需替换请加 --overwrite）",
    "bad_checklist": "评查标准有误：{error}",
    "checklist_action": "checklist 需要指定操作：validate 文件 | show 标准编号或文件",
    "checklist_ok": "通过：{id} {version}（{count} 项，sha256 {digest}）",
    "unexpected": "pingcha: 意外错误：{kind}: {error}（加 --verbose 查看详情）",
}
