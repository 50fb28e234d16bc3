"""Progress reporting from the flow to whoever runs it (the CLI shows a bar; deployments log).

The flow calls `report(...)`; the CLI installs a sink. Without a sink nothing is printed, so a flow run
by a Prefect worker stays quiet.
"""

from __future__ import annotations

from collections.abc import Callable

ProgressSink = Callable[[str, int, int], None]  # (event, done, total)

_sink: ProgressSink | None = None


def install(sink: ProgressSink | None) -> None:
    global _sink
    _sink = sink


def report(event: str, done: int, total: int) -> None:
    if _sink is not None:
        _sink(event, done, total)
