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
    "review_out_in_run": "新输出目录不能位于原评查结果目录之内（原结果不会被修改）: {out}",
}
