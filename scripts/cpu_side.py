"""Where the CPU-side time of a batch goes: everything but the models' forward passes, by stage.

    python scripts/cpu_side.py [--articles 8] [--words 600] [--batch-size 8] [--reps 10] [--threads 2]

`summarizer bench` reports the CPU-side cost per article as one figure (batched time minus the time
inside the encoder, decoder, extractor and support classifier). This script times the same batches as
bench (its synthetic 600-word articles, same options) and splits that figure by stage, each stage's wall
time less the forward passes inside it: splitting into sentences, the extractor's windows, beam search's
own bookkeeping (`decoding.beam_search` less the decoder), the rest of decoding (tokenizing, realising),
the rewrite check, the classifier's batching, the abstract's check. Stages are timed by wrapping the
engine's functions, which costs a little: the total here runs a few percent above bench's.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections import Counter

import summarizer  # noqa: F401  (sets the OpenMP defaults before torch loads)
from summarizer import api, pipeline
from summarizer.api import set_threads
from summarizer.lab.bench import ForwardClock, make_articles, other_models, run
from summarizer.options import SummarizeOptions
from summarizer.pipeline import Engine

STAGES = [  # (owner, attribute, label): an inner stage's time is not counted again in its outer one
    (api, "prepare", "checks and cleaning"),
    (Engine, "_units", "sentence splitting (pysbd), casing table"),
    (None, "extractor.score", "extractor: windows, batching"),
    (pipeline, "beam_search", "beam search bookkeeping (decoding.beam_search)"),
    (Engine, "_generate", "decoding: tokenizing, padding, realising"),
    (pipeline, "_supported", "rewrite check (rules)"),
    (Engine, "_judge", "support classifier: pairs, batching"),
    (pipeline._Doc, "draft", "abstract check, assembling the result"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=8)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--reps", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    set_threads(args.threads)
    options = SummarizeOptions(threads=args.threads, batch_size=args.batch_size)
    engine = Engine(options.model, options.device, options.dtype)
    texts = make_articles(args.articles, args.words)
    run(engine, texts, options)  # warm-up: kernels for these shapes
    clock = ForwardClock(engine.model, engine.device, other_models(engine))
    spent: Counter = Counter()
    active: list[str] = []

    def timed(fn, label):
        def wrapper(*a, **k):
            t, forward = time.perf_counter(), clock.seconds
            active.append(label)
            try:
                return fn(*a, **k)
            finally:
                active.pop()
                own = time.perf_counter() - t - (clock.seconds - forward)
                spent[label] += own
                if active:  # an inner stage's time is its own, not its caller's
                    spent[active[-1]] -= own
        return wrapper

    for owner, name, label in STAGES:
        if owner is None:  # an attribute of this engine's extractor
            obj = engine.extractor
            if obj is None:
                continue
            setattr(obj, "score", timed(obj.score, label))
        else:
            setattr(owner, name, timed(getattr(owner, name), label))

    totals, cpu = [], []
    for _ in range(args.reps):
        clock.seconds = 0.0
        t = time.perf_counter()
        run(engine, texts, options)
        totals.append(time.perf_counter() - t)
        cpu.append((totals[-1] - clock.seconds) / len(texts) * 1000)
    per = {label: v / args.reps / len(texts) * 1000 for label, v in spent.items()}
    mean = statistics.mean(cpu)
    print(f"{len(texts)} articles of {args.words} words, batch {args.batch_size}, {args.threads} threads, "
          f"{args.reps} runs: batched {statistics.median(totals):.2f} s (median), CPU-side {mean:.1f} ms an "
          f"article (mean; min {min(cpu):.1f}, median {statistics.median(cpu):.1f})")
    print("| stage | ms an article | share of CPU-side |\n|---|---|---|")
    for label, ms in sorted(per.items(), key=lambda x: -x[1]):
        print(f"| {label} | {ms:.2f} | {ms / mean:.0%} |")
    rest = mean - sum(per.values())
    print(f"| everything else (the engine's own loop, ranking, offers) | {rest:.2f} | {rest / mean:.0%} |")


if __name__ == "__main__":
    main()
