"""Two runs of `summarizer evaluate` on the same articles, compared article by article.

    python scripts/paired.py runs/eval/before.outputs.jsonl runs/eval/after.outputs.jsonl

For the takeaways (one per line, against the highlights) and the abstract: ROUGE-1/2/Lsum F1 x100 of each
run, and after minus before with a paired bootstrap 95% interval (the same resamples of articles for
every figure); how many takeaways and abstracts are the same text. What a change that should not move
quality (a faster decoder, another dtype) is judged by: the interval should hold zero.
"""

from __future__ import annotations

import argparse
import json
import sys

import numpy as np

from summarizer.lab.evaluate import bootstrap_ci
from summarizer.lab.metrics import load_rouge
from summarizer.text import split_sentences

TYPES = ("rouge1", "rouge2", "rougeLsum")


def read(path: str) -> dict[str, dict]:
    with open(path, encoding="utf-8") as f:
        return {row["id"]: row for row in map(json.loads, f)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--draws", type=int, default=1000)
    ap.add_argument("--references", default=None,
                    help="an outputs.jsonl of the same articles to take the references from (runs written "
                         "with --extractor-only before 0.5.0 lack them)")
    ap.add_argument("--system", default=None,
                    help="compare this baseline of both runs instead (e.g. 'extractor top-3': two extractors)")
    args = ap.parse_args(argv)
    a, b = read(args.before), read(args.after)
    ids = [i for i in a if i in b]
    if not ids:
        print("no article is in both files", file=sys.stderr)
        return 1
    rouge = load_rouge()
    known = read(args.references) if args.references else {}
    refs = [a[i].get("reference") or b[i].get("reference") or known[i]["reference"] for i in ids]
    indices = np.random.default_rng(0).integers(0, len(ids), size=(args.draws, len(ids)))
    print(f"{len(ids)} articles in both runs")
    if args.system:  # a baseline's sentences, as the takeaways are read: one a line
        for run in (a, b):
            for i in ids:
                run[i][args.system] = run[i]["baselines"][args.system]
    for field in [args.system] if args.system else ("takeaways", "abstract"):
        def texts(run):  # one sentence a line, as `summarizer evaluate` scores them (ROUGE-Lsum)
            return [split_sentences(run[i][field]) if field == "abstract" else run[i][field] for i in ids]

        before, after = (rouge.compute(predictions=texts(run), references=refs, use_aggregator=False)
                         for run in (a, b))
        same = (sum(a[i][field] == b[i][field] for i in ids) if field == "abstract"
                else sum(x == y for i in ids for x, y in zip(a[i][field], b[i][field])))
        total = len(ids) if field == "abstract" else sum(len(a[i][field]) for i in ids)
        print(f"\n{field}: {same} of {total} the same text")
        print("| | before | after | after - before [95% CI] |\n|---|---|---|---|")
        for t in TYPES:
            x, y = np.asarray(before[t]) * 100, np.asarray(after[t]) * 100
            d, lo, hi = bootstrap_ci(y - x, indices=indices)
            print(f"| {t} | {x.mean():.2f} | {y.mean():.2f} | {d:+.2f} [{lo:+.2f}, {hi:+.2f}] |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
