"""Scale-out: the review_campaign flow on a Dask cluster (prefect-dask) writes the same cases.csv as a local run.

A two-worker LocalCluster started here stands in for a province's cluster; inside Dask workers there is no
local process pool, so each dossier task runs in the worker's thread.
"""

from __future__ import annotations

import os

import pytest

from tests.paths import SAMPLE_DOSSIERS

pytestmark = pytest.mark.slow

distributed = pytest.importorskip("distributed")
pytest.importorskip("prefect_dask")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory, prefect_harness):
    """Workers inherit this process's environment (Prefect settings, storage path) when they start."""
    os.environ["DASK_TEMPORARY_DIRECTORY"] = str(tmp_path_factory.mktemp("dask"))
    import dask

    with (
        dask.config.set({"distributed.worker.daemon": False, "temporary-directory": os.environ["DASK_TEMPORARY_DIRECTORY"]}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as local,
    ):
        yield local


def test_dask_run_matches_local_run(cluster, tmp_path):
    from pipelines.flow import campaign_flow, review_campaign

    local_out, dask_out = tmp_path / "local", tmp_path / "dask"
    review_campaign(dossiers=str(SAMPLE_DOSSIERS), out=str(local_out), workers_count=1, history=None)
    summary = campaign_flow(cluster.scheduler_address)(
        dossiers=str(SAMPLE_DOSSIERS), out=str(dask_out), history=None
    )
    assert summary["timings"]["task_runner"] == "DaskTaskRunner"
    local_cases = (local_out / "cases.csv").read_bytes()
    assert local_cases.count(b"\n") > 5
    assert (dask_out / "cases.csv").read_bytes() == local_cases
    assert (dask_out / "findings.csv").read_bytes() == (local_out / "findings.csv").read_bytes()
