"""Fair sharing of the CPU: several processes of `summarize_many` at once against one alone.

    python scripts/under_load.py                  # 3 processes, 16 articles each, default settings
    python scripts/under_load.py --wait-policy ACTIVE --threads 2   # spinning OpenMP threads, as v0.1.0 ran
    python scripts/under_load.py --wait-policy PASSIVE --spin 0     # threads that sleep at once

Each process loads the model, waits for a common start time, summarises its own articles with
`summarize_many` and reports its articles per second. A process's fair share is the rate of one
process alone divided by the number of processes; the report gives each one's rate as a multiple
of its fair share (1.0 is fair; 1/1.5 = 0.67 is the worst this project accepts).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

WORKER = """
import json, sys, time
import summarizer
from summarizer import summarize_many
from summarizer.lab.bench import make_articles
n, words, start_at, threads, seed = json.loads(sys.argv[1])
texts = make_articles(n, words, seed=seed)
summarize_many(texts[:1], threads=threads)  # load the model before the common start
while time.time() < start_at:
    time.sleep(0.01)
t = time.perf_counter()
summarize_many(texts, batch_size=8, threads=threads)
print(json.dumps(n / (time.perf_counter() - t)))
"""


def run(processes: int, articles: int, words: int, threads: int, env: dict) -> list[float]:
    start_at = time.time() + 25  # time enough for every process to load the model
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, json.dumps([articles, words, start_at, threads, i])],
                              stdout=subprocess.PIPE, text=True, env=env) for i in range(processes)]
    return [float(p.communicate()[0].strip().splitlines()[-1]) for p in procs]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--processes", type=int, default=3)
    ap.add_argument("--articles", type=int, default=16, help="articles per process")
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--threads", type=int, default=0, help="torch threads per process (0: the package's auto)")
    ap.add_argument("--wait-policy", default=None, help="OMP_WAIT_POLICY for the processes (default: the package's)")
    ap.add_argument("--spin", default=None, help="GOMP_SPINCOUNT for the processes (default: the package's, 2000)")
    a = ap.parse_args(argv)
    env = dict(os.environ)
    if a.wait_policy:
        env["OMP_WAIT_POLICY"] = a.wait_policy
    if a.spin is not None:
        env["GOMP_SPINCOUNT"] = a.spin
    alone = run(1, a.articles, a.words, a.threads, env)[0]
    together = run(a.processes, a.articles, a.words, a.threads, env)
    fair = alone / a.processes
    print(json.dumps({"processes": a.processes, "threads": a.threads or "auto",
                      "omp_wait_policy": env.get("OMP_WAIT_POLICY", "(package default)"),
                      "gomp_spincount": env.get("GOMP_SPINCOUNT", "(package default)"),
                      "alone_articles_per_second": round(alone, 3), "fair_share": round(fair, 3),
                      "each_articles_per_second": [round(x, 3) for x in together],
                      "each_as_multiple_of_fair_share": [round(x / fair, 2) for x in together],
                      "worst_within_1.5x": min(together) >= fair / 1.5}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
