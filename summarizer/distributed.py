"""`summarizer batch IN_DIR --out OUT_DIR --dask SCHEDULER`: one batch spread over a Dask cluster.

The inputs are cut into shards by a hash of their id (as `--shard I/N` does for plain job
schedulers), and each shard is one Dask task: `run_batch(..., shard="I/N")` on a worker, which
reads IN_DIR and writes OUT_DIR itself. Workers therefore need both folders (and the model) at the
same paths as the machine that submits, e.g. on a shared file system; only small index entries
travel through Dask. Everything a plain batch promises holds: atomic writes, resume by input hash
(run the same command again after a crash, or a lost worker, and only what is missing is done),
and results byte-identical to a plain `summarizer batch` of the same folder, since an article's
result never depends on which articles share its batch.

Why Dask: it is pure Python and pip-installable (an optional extra, `pip install -e ".[distributed]"`),
runs on one laptop (`--dask local:4`), and reaches existing clusters through their own launchers
(dask-jobqueue for Slurm/PBS/SGE, dask-kubernetes, dask-yarn) with one scheduler address. Its
futures API fits the job exactly: run one function per shard, retry it on another worker if one
dies. Ray would work too but brings a large compiled runtime; Spark needs a JVM and would move
article text through its own data frames rather than the folder the batch already resumes from.
"""

from __future__ import annotations

from pathlib import Path

from .batch import INDEX, check_dirs, merge_shards, read_index


def _shard_task(i: int, n: int, in_dir: str, out_dir: str, kwargs: dict) -> int:
    """One shard, on a worker: returns how many of its inputs failed."""
    from .batch import run_batch

    index = run_batch(in_dir, out_dir, shard=(i, n), progress=False, **kwargs)
    return sum(e["status"] != "ok" for e in index)


def run_dask(in_dir, out_dir, *, scheduler: str = "local", shards: int | None = None, progress: bool = True,
             **kwargs) -> list[dict]:
    """Summarise every input under in_dir into out_dir on a Dask cluster; returns the index entries.

    `scheduler`: a scheduler address ("tcp://host:8786"), or "local" / "local:N" for a cluster of N
    single-threaded worker processes on this machine (default N: 2). `shards`: tasks to cut the
    folder into (default: 4 per worker, so a slow shard does not hold up the end). `kwargs`: those of
    `run_batch` (markdown, max_file_mb, follow_symlinks, model, num_beams, ...).
    """
    from dask.distributed import Client, LocalCluster, as_completed
    from tqdm import tqdm

    in_dir, out_dir = Path(in_dir).resolve(), Path(out_dir).resolve()
    check_dirs(in_dir, out_dir)
    cluster = None
    if scheduler == "local" or scheduler.startswith("local:"):
        workers = int(scheduler.partition(":")[2] or 2)
        # one torch thread per worker process: the workers already use every core between them
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                               env={"OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"})
    try:
        with Client(cluster or scheduler) as client:
            n = shards or 4 * max(1, len(client.scheduler_info()["workers"]))
            futures = [client.submit(_shard_task, i, n, str(in_dir), str(out_dir), kwargs, pure=False,
                                     key=f"summarizer-shard-{i}-of-{n}") for i in range(n)]
            with tqdm(total=n, unit="shard", disable=not progress or None, desc="shards") as bar:
                for future in as_completed(futures):
                    future.result()  # a task that raised raises here (a lost worker is retried by Dask)
                    bar.update(1)
    finally:
        if cluster is not None:
            cluster.close()
    if not merge_shards(out_dir, n):
        raise RuntimeError(f"not every shard of {n} wrote its part of the index in {out_dir}")
    return read_index(out_dir / INDEX)
