"""What the run's safety machinery tells the operator (lock, interruption, crashed worker), in one place."""

from __future__ import annotations

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
}
