"""Every deployment in prefect.yaml points at an importable flow whose signature takes its parameters."""

from __future__ import annotations

import importlib.util
import inspect
from pathlib import Path

import yaml

from tests.paths import ROOT


def _deployments() -> list[dict]:
    return yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]


def _load_flow(entrypoint: str):
    path, name = entrypoint.split(":")
    spec = importlib.util.spec_from_file_location("entry_" + Path(path).stem, ROOT / path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name)


def test_two_deployments_annual_and_june30():
    names = {d["name"] for d in _deployments()}
    assert names == {"annual-campaign", "june30-self-review"}


def test_entrypoints_import_and_parameters_match_signature():
    for deployment in _deployments():
        flow = _load_flow(deployment["entrypoint"])
        signature = inspect.signature(flow.fn)
        params = deployment.get("parameters", {})
        assert set(params) <= set(signature.parameters), (deployment["name"], set(params) - set(signature.parameters))
        required = {n for n, p in signature.parameters.items() if p.default is inspect.Parameter.empty}
        assert required <= set(params), (deployment["name"], required - set(params))
        flow.validate_parameters(params)  # Prefect's own check of types


def test_june30_schedule_is_cron_in_shanghai():
    june = next(d for d in _deployments() if d["name"] == "june30-self-review")
    schedule = june["schedules"][0]
    assert schedule["cron"] == "0 9 30 6 *"
    assert schedule["timezone"] == "Asia/Shanghai"
