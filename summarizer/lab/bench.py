"""`summarizer bench`: speed of the model, beside reference model shapes, in one run.

    summarizer bench [--model PATH] [--words 600] [--articles 8] [--threads T] [--device cpu|cuda] [--out bench.json]

Measured for our model: load time; articles per second of batched `summarize`;
p50/p95 latency of single-article calls; peak memory (process RSS; CUDA
allocator peak on GPU); FLOPs per article (torch's FlopCounterMode on one call).

Reference shapes: `bart-large-cnn` (406M) and `t5-small` (60M) built from their
configs with random weights (weights do not change speed at a fixed length).
Each generates, for one article of the same length, exactly as many tokens as our
model writes per article on average (min_new_tokens = max_new_tokens), with the
same beam count. Our seq2seq is timed the same way: one batch of the rewrite
inputs of one article (NUM_TAKEAWAYS + 1 rows of the checkpoint's source length), forced to the
same total of generated tokens (without the source-vocabulary constraint).
Article lengths are counted in our (WordPiece) tokens and given to the references
as such. Ratios are reference seconds / our seconds per article = our speed /
their speed (above 1: ours is faster).

The arithmetic floor: FLOPs per article / the machine's measured matmul rate
(a large torch.matmul in the model's dtype), the time a perfect implementation
would need; `x floor` says how far each measured time is from it.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import random
import resource
import sys
import time
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np
import torch

# the published configs of facebook/bart-large-cnn and t5-small (architecture fields only)
REFERENCE_SHAPES = {
    "bart-large-cnn": ("bart", dict(vocab_size=50264, d_model=1024, encoder_layers=12, decoder_layers=12,
                                    encoder_attention_heads=16, decoder_attention_heads=16, encoder_ffn_dim=4096,
                                    decoder_ffn_dim=4096, max_position_embeddings=1024, activation_function="gelu",
                                    pad_token_id=1, bos_token_id=0, eos_token_id=2, decoder_start_token_id=2)),
    "t5-small": ("t5", dict(vocab_size=32128, d_model=512, d_kv=64, d_ff=2048, num_layers=6, num_decoder_layers=6,
                            num_heads=8, relative_attention_num_buckets=32, feed_forward_proj="relu",
                            pad_token_id=0, eos_token_id=1, decoder_start_token_id=0)),
}
# --quick: the same code path with toy sizes, for tests
QUICK_SHAPES = {"bart": dict(d_model=32, encoder_layers=1, decoder_layers=1, encoder_attention_heads=2,
                             decoder_attention_heads=2, encoder_ffn_dim=64, decoder_ffn_dim=64, vocab_size=1000),
                "t5": dict(d_model=32, d_kv=16, d_ff=64, num_layers=1, num_decoder_layers=1, num_heads=2,
                           vocab_size=1000)}

_SUBJECTS = ["The city council", "Police in Leeds", "A spokesman for the company", "Doctors at the hospital",
             "The prime minister", "Local residents", "The football club", "Scientists in Oslo"]
_VERBS = ["said on Tuesday that", "announced that", "confirmed that", "warned that", "told reporters that"]
_CLAUSES = ["{n} homes had lost power after the storm", "the bridge would stay closed for {n} weeks",
            "the plan would cost about ${n} million", "{n} people had been taken to hospital",
            "the new rules would start in {month}", "talks with the unions had broken down again",
            "the team had won {n} of its last ten games", "the report would be published in {month}"]
_MONTHS = ["January", "March", "June", "September", "November"]


def make_articles(n: int, words: int, seed: int = 0) -> list[str]:
    """`n` synthetic news-like articles of about `words` words (the project's own text)."""
    rng = random.Random(seed)
    articles = []
    for _ in range(n):
        sents, count = [], 0
        while count < words:
            s = (f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} "
                 + rng.choice(_CLAUSES).format(n=rng.randint(2, 900), month=rng.choice(_MONTHS)) + ".")
            sents.append(s)
            count += len(s.split())
        articles.append(" ".join(sents))
    return articles


def _sync(device: torch.device) -> None:
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def _timed(fn, device: torch.device) -> float:
    _sync(device)
    t = time.perf_counter()
    fn()
    _sync(device)
    return time.perf_counter() - t


def _flops(fn) -> int:
    from torch.utils.flop_counter import FlopCounterMode

    with FlopCounterMode(display=False) as counter:
        fn()
    return int(counter.get_total_flops())


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def matmul_rate(device: torch.device, dtype: torch.dtype, n: int = 2048, reps: int = 5) -> float:
    """Measured FLOP/s of an n x n matmul in `dtype` (best of `reps`)."""
    a = torch.randn(n, n, device=device, dtype=dtype)
    b = torch.randn(n, n, device=device, dtype=dtype)
    torch.matmul(a, b)  # warm-up
    best = min(_timed(lambda: torch.matmul(a, b), device) for _ in range(reps))
    return 2 * n ** 3 / best


def reference_config(name: str, quick: bool = False):
    from transformers import BartConfig, T5Config

    kind, cfg = REFERENCE_SHAPES[name]
    return (BartConfig if kind == "bart" else T5Config)(**{**cfg, **(QUICK_SHAPES[kind] if quick else {})})


def reference_model(name: str, device: torch.device, dtype: torch.dtype, quick: bool = False):
    """A randomly initialised model of a published shape (nothing is downloaded)."""
    from transformers import AutoModelForSeq2SeqLM

    torch.manual_seed(0)
    return AutoModelForSeq2SeqLM.from_config(reference_config(name, quick)).to(device=device, dtype=dtype).eval()


@torch.no_grad()
def time_generate(model, rows: int, input_tokens: int, new_tokens: int, num_beams: int, no_repeat: int,
                  reps: int, device: torch.device) -> dict:
    """Seconds per call of `generate` on `rows` random inputs of `input_tokens`,
    each forced to write exactly `new_tokens`; FLOPs of one call (also the warm-up)."""
    vocab = model.config.vocab_size if hasattr(model.config, "vocab_size") else model.config.decoder.vocab_size
    gen = torch.Generator().manual_seed(0)
    ids = torch.randint(1000 if vocab > 2000 else 3, vocab, (rows, input_tokens), generator=gen).to(device)
    kwargs = dict(input_ids=ids, attention_mask=torch.ones_like(ids), num_beams=num_beams, do_sample=False,
                  min_new_tokens=new_tokens, max_new_tokens=new_tokens, no_repeat_ngram_size=no_repeat)
    out = None

    def call():
        nonlocal out
        out = model.generate(**kwargs)

    flops = _flops(call)
    written = out.shape[1] - 1  # minus the decoder start token
    times = [_timed(call, device) for _ in range(reps)]
    return {"seconds": float(np.median(times)), "flops": flops, "generated_tokens_per_row": int(written),
            "rows": rows, "input_tokens": input_tokens, "params": sum(p.numel() for p in model.parameters())}


def _tokens_written(engine, draft) -> int:
    """Tokens of one article's takeaways and abstract, each plus its end token: what
    the model writes per article (a fallback takeaway was generated, then replaced
    by its source sentence, of about the same length)."""
    return sum(len(engine.tokenizer(t, add_special_tokens=False)["input_ids"]) + 1
               for t in [*draft.takeaways, draft.abstract])


BATCHED_REPS = 3  # batched timings are repeated and the fastest kept: a few seconds each, easily disturbed


class ForwardClock:
    """Seconds spent inside the model's forward passes (encoder and decoder calls): the rest of a
    call's time is the CPU-side work around them (splitting, selection, beam bookkeeping,
    realisation), which a GPU cannot speed up."""

    def __init__(self, model, device: torch.device, extra=()):
        self.seconds, self.device, self._t0, self._depth = 0.0, device, 0.0, 0
        parts = [m for m in (getattr(model, "encoder", None), getattr(model, "decoder", None)) if m is not None]
        # other models of the engine (the extractor): their base model, which is what the engine calls
        # (`Extractor.score` runs `model.bert` and its own head)
        parts += [getattr(m, "base_model", m) for m in extra]
        self.handles = [h for m in (parts or [model]) for h in (m.register_forward_pre_hook(self._start),
                                                                  m.register_forward_hook(self._stop))]

    def _start(self, *_):
        if self._depth == 0:
            _sync(self.device)
            self._t0 = time.perf_counter()
        self._depth += 1

    def _stop(self, *_):
        self._depth -= 1
        if self._depth == 0:
            _sync(self.device)
            self.seconds += time.perf_counter() - self._t0

    def remove(self):
        for h in self.handles:
            h.remove()


def other_models(engine) -> list:
    """The engine's models besides the rewriter, whose forward passes are model time too: the extractor
    and the support classifier, when the checkpoint has them."""
    return [m.model for m in (getattr(engine, "extractor", None), getattr(engine, "support", None)) if m is not None]


_RSS_PROBE = """
import json, sys, time, torch
from summarizer.api import set_threads
from summarizer.lab.bench import ForwardClock, make_articles, other_models, run
from summarizer.options import SummarizeOptions
from summarizer.pipeline import Engine
options, n, words = json.loads(sys.argv[1])
options = SummarizeOptions(**options)
set_threads(options.threads)
engine, texts = Engine(options.model, options.device, options.dtype), make_articles(n, words)
run(engine, texts, options)
hwm = [line for line in open("/proc/self/status") if line.startswith("VmHWM")]  # ru_maxrss survives exec
rss = int(hwm[0].split()[1]) / 1024
clock = ForwardClock(engine.model, engine.device, other_models(engine))
t = time.perf_counter()
run(engine, texts, options)  # again, timed: the first run built the kernels of these shapes
seconds = time.perf_counter() - t
print(json.dumps({"rss_mb": rss, "articles_per_second": n / seconds, "cpu_side_ms": (seconds - clock.seconds) / n * 1000}))
"""


def probe_batch_size(options, articles: int, words: int) -> dict:
    """A fresh process that loads the model and summarises `articles` at `options.batch_size` twice:
    its peak RSS (MB, Linux VmHWM) after the first pass; articles/s and CPU-side ms an article of the
    second."""
    import subprocess

    arg = json.dumps([asdict(options), articles, words])
    r = subprocess.run([sys.executable, "-c", _RSS_PROBE, arg], capture_output=True, text=True, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def run(engine, texts: list[str], options, batch_size: int | None = None) -> list:
    """The path `summarize_many` takes (checks, cleaning, the engine), `batch_size` at a time."""
    from ..api import prepare

    if batch_size:
        options = replace(options, batch_size=batch_size)
    prepared = [prepare(t, options) for t in texts]
    return engine.summarize([t for t, _ in prepared], options, flags=[f for _, f in prepared])


def bench(options=None, words: int = 600, articles: int = 8, references=tuple(REFERENCE_SHAPES),
          ref_reps: int = 2, quick: bool = False, out: str | Path | None = None, baseline: bool = True,
          memory_batch_sizes: tuple[int, ...] = (), gpu_batch_sizes: tuple[int, ...] = (32, 128)) -> dict:
    """Run the benchmark for these `SummarizeOptions` (model, device, dtype, threads, batch size,
    decoding); returns the report (and writes JSON + Markdown when `out` is given).

    `baseline`: also time, in the same run, decoding in float32 as v0.1.0 did on CPU (float16 on
    CUDA), and count how many takeaways come out the same.
    `memory_batch_sizes`: peak RSS of a fresh process at each of these batch sizes.
    """
    from ..api import set_threads
    from ..options import NUM_TAKEAWAYS, SummarizeOptions
    from ..pipeline import Engine, resolve_device

    options = options or SummarizeOptions()
    model, dtype, batch_size = options.model, options.dtype, options.batch_size
    threads = set_threads(options.threads)
    dev = resolve_device(options.device)
    texts = make_articles(articles, words)
    rss_start = peak_rss_mb()

    t = time.perf_counter()
    engine = Engine(model, device=dev, dtype=dtype)
    load_s = time.perf_counter() - t
    dtype_t = next(engine.model.parameters()).dtype
    # warm-up at the batch size: oneDNN builds its bf16 kernels the first time it meets a shape,
    # which a long batch job pays once, not per batch
    run(engine, texts, options)

    extractor = getattr(engine, "extractor", None)
    clock = ForwardClock(engine.model, dev, other_models(engine))
    batched = []
    for _ in range(BATCHED_REPS):
        clock.seconds = 0.0
        batched.append((_timed(lambda: run(engine, texts, options), dev), clock.seconds))
    batched_s, forward_s = min(batched)  # the least disturbed of the repetitions
    single = [_timed(lambda: run(engine, [x], options), dev) for x in texts]
    clock.remove()
    drafts = run(engine, texts, options)
    flops_article = _flops(lambda: run(engine, texts[:1], options))  # after the timings: it slows what follows
    written = float(np.mean([_tokens_written(engine, d) for d in drafts]))
    article_tokens = int(np.mean([len(engine.tokenizer(x, verbose=False)["input_ids"]) for x in texts]))
    ours_rss = peak_rss_mb()
    cuda_peak = torch.cuda.max_memory_allocated(dev) / 2 ** 20 if dev.type == "cuda" else None
    throughput = {}
    if dev.type == "cuda":  # large batches: what a GPU is for
        for bs in gpu_batch_sizes:
            many = make_articles(max(bs, 2 * batch_size) * 2, words, seed=1)
            throughput[str(bs)] = len(many) / _timed(lambda: run(engine, many, options, bs), dev)

    compared = None
    if baseline:  # v0.1.0's decoding, same articles, same run
        base = Engine(model, device=dev, dtype="float16" if dev.type == "cuda" else "float32")
        run(base, texts, options)  # the same warm-up
        base_batched = min(_timed(lambda: run(base, texts, options), dev)
                           for _ in range(BATCHED_REPS))
        base_single = [_timed(lambda: run(base, [x], options), dev) for x in texts]
        base_drafts = run(base, texts, options)
        same = sum(a == b for d, e in zip(drafts, base_drafts) for a, b in zip(d.takeaways, e.takeaways))
        compared = {"dtype": str(next(base.model.parameters()).dtype).replace("torch.", ""),
                    "articles_per_second": articles / base_batched,
                    "latency_p50": float(np.median(base_single)),
                    "speedup_batched": base_batched / batched_s,
                    "speedup_single_p50": float(np.median(base_single) / np.median(single)),
                    "takeaways_identical": same, "takeaways": sum(len(d.takeaways) for d in drafts)}
        del base

    selection = None
    if baseline and extractor is not None:  # the same engine choosing sentences as v0.1.0 did (the selector)
        engine.extractor = None
        try:
            run(engine, texts, options)
            sel_batched = min(_timed(lambda: run(engine, texts, options), dev)
                              for _ in range(BATCHED_REPS))
            sel_single = [_timed(lambda: run(engine, [x], options), dev) for x in texts]
        finally:
            engine.extractor = extractor
        selection = {"articles_per_second": articles / sel_batched, "latency_p50": float(np.median(sel_single)),
                     "extractor_cost_batched": batched_s / sel_batched,
                     "extractor_cost_single_p50": float(np.median(single) / np.median(sel_single))}

    by_batch = {str(bs): probe_batch_size(replace(options, batch_size=bs, threads=threads), max(bs, articles), words)
                for bs in memory_batch_sizes}
    memory = {bs: v["rss_mb"] for bs, v in by_batch.items()}

    # the seq2seq alone, as the references are timed: one article's rewrite inputs, forced lengths
    rows = NUM_TAKEAWAYS + 1
    per_row = max(1, math.ceil(written / rows))
    seq2seq = time_generate(engine.model, rows, engine.max_source_tokens, per_row, options.num_beams,
                            options.no_repeat_ngram_size, ref_reps, dev)
    ours_single = float(np.median(single))
    systems = {
        "ours (end to end, single call)": {"seconds": ours_single, "flops": flops_article,
                                           "params": sum(p.numel() for p in engine.model.parameters()),
                                           "input_tokens": article_tokens, "generated_tokens": written},
        "ours (seq2seq, forced length)": {**seq2seq, "generated_tokens": rows * seq2seq["generated_tokens_per_row"]},
    }
    new_tokens = rows * per_row  # the same total for the references
    for name in references:
        ref = reference_model(name, dev, dtype_t, quick)
        limit = getattr(ref.config, "max_position_embeddings", None) or article_tokens
        r = time_generate(ref, 1, min(article_tokens, limit), new_tokens, options.num_beams,
                          options.no_repeat_ngram_size, ref_reps, dev)
        systems[f"{name} shape{' (quick)' if quick else ''}"] = {**r, "generated_tokens": r["generated_tokens_per_row"]}
        del ref

    n = 256 if quick else 2048
    rates = {str(d).replace("torch.", ""): matmul_rate(dev, d, n) for d in dict.fromkeys([dtype_t, torch.bfloat16])}
    rate = rates[str(dtype_t).replace("torch.", "")]  # the floor is in the model's own dtype
    for s in systems.values():
        s["floor_seconds"] = s["flops"] / rate
        s["x_floor"] = s["seconds"] / s["floor_seconds"] if s["floor_seconds"] else float("nan")
    ratios = {name: {"vs_end_to_end": s["seconds"] / ours_single, "vs_seq2seq": s["seconds"] / seq2seq["seconds"]}
              for name, s in systems.items() if not name.startswith("ours")}
    report = {
        "settings": {"model": str(engine.path), "device": str(dev), "dtype": str(dtype_t).replace("torch.", ""),
                     "threads": threads, "cpu_count": os.cpu_count(), "words": words,
                     "articles": articles, "batch_size": batch_size, "reference_reps": ref_reps, "quick": quick,
                     "options": asdict(options), "torch": torch.__version__,
                     "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"),
                     "gomp_spincount": os.environ.get("GOMP_SPINCOUNT"),
                     "gpu": torch.cuda.get_device_name(dev) if dev.type == "cuda" else None},
        "load_seconds": load_s,
        "articles_per_second": articles / batched_s,
        "latency_seconds": {"p50": float(np.percentile(single, 50)), "p95": float(np.percentile(single, 95))},
        "cpu_side": {"seconds_per_article": (batched_s - forward_s) / articles,
                     "share": (batched_s - forward_s) / batched_s},
        "gpu_articles_per_second_by_batch_size": throughput,
        # fresh processes at --memory-batch-sizes: articles/s and CPU-side ms an article of a second pass
        "by_batch_size": by_batch,
        "baseline_v010": compared,
        "selector_baseline": selection,
        "memory_mb": {"peak_rss_before_load": rss_start, "peak_rss_ours": ours_rss, "peak_rss_all": peak_rss_mb(),
                      "cuda_peak_allocated": cuda_peak, "peak_rss_by_batch_size": memory},
        "matmul_flops_per_second": rate,
        "matmul_flops_per_second_by_dtype": rates,
        "systems": systems,
        "speed_ratio": ratios,
    }
    report["table"] = markdown_table(report)
    if out:
        out = Path(out)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, indent=2) + "\n")
        out.with_suffix(".md").write_text(report["table"] + "\n")
    return report


def markdown_table(r: dict) -> str:
    s = r["settings"]
    lines = [f"**bench** `{s['model']}` on {s['device']}{' (' + s['gpu'] + ')' if s['gpu'] else ''}, "
             f"{s['threads']} threads (OMP_WAIT_POLICY {s.get('omp_wait_policy')}, GOMP_SPINCOUNT "
             f"{s.get('gomp_spincount')}), {s['dtype']}, {s['words']}-word articles, beams {s['options']['num_beams']}",
             "",
             f"load {r['load_seconds']:.2f} s · batched {r['articles_per_second']:.2f} articles/s "
             f"(batch {s['batch_size']}) · single call p50 {r['latency_seconds']['p50']:.3f} s, "
             f"p95 {r['latency_seconds']['p95']:.3f} s · peak RSS {r['memory_mb']['peak_rss_ours']:.0f} MB"
             + (f" · CUDA peak {r['memory_mb']['cuda_peak_allocated']:.0f} MB" if r['memory_mb']['cuda_peak_allocated']
                else "")
             + f" · matmul {r['matmul_flops_per_second'] / 1e9:.1f} GFLOP/s"
             + f" · CPU-side {r['cpu_side']['seconds_per_article'] * 1000:.0f} ms/article "
               f"({r['cpu_side']['share']:.0%} of batched time)",
             ""]
    b = r.get("baseline_v010")
    if b:
        lines += [f"v0.1.0 weights ({b['dtype']}) in the same run: {b['articles_per_second']:.2f} "
                  f"articles/s, p50 {b['latency_p50']:.3f} s; speed-up {b['speedup_batched']:.2f}x batched, "
                  f"{b['speedup_single_p50']:.2f}x single; takeaways identical {b['takeaways_identical']} of "
                  f"{b['takeaways']}", ""]
    sel = r.get("selector_baseline")
    if sel:
        lines += [f"v0.1.0's sentence selector instead of the extractor, same weights, same run: "
                  f"{sel['articles_per_second']:.2f} articles/s, p50 {sel['latency_p50']:.3f} s; the extractor costs "
                  f"{sel['extractor_cost_batched']:.2f}x batched, {sel['extractor_cost_single_p50']:.2f}x single "
                  "(time with it / time without)", ""]
    if r["memory_mb"]["peak_rss_by_batch_size"]:
        lines += ["by batch size (a fresh process each; peak RSS, then articles/s and CPU-side ms an article of a "
                  "second pass): " + ", ".join(
                      f"{k}: {v['rss_mb']:.0f} MB, {v['articles_per_second']:.2f}/s, {v['cpu_side_ms']:.0f} ms"
                      for k, v in r["by_batch_size"].items()), ""]
    if r["gpu_articles_per_second_by_batch_size"]:
        lines += ["GPU articles/s by batch size: " + ", ".join(
            f"{k}: {v:.1f}" for k, v in r["gpu_articles_per_second_by_batch_size"].items()), ""]
    lines += [
             "| system | params (M) | input tokens | generated tokens | s / article | GFLOP / article | floor s "
             "| x floor | speed ratio, ours end-to-end | speed ratio, ours seq2seq |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, x in r["systems"].items():
        ratio = r["speed_ratio"].get(name)
        lines.append(
            f"| {name} | {x['params'] / 1e6:.1f} | {x['input_tokens'] * x.get('rows', 1)} "
            f"| {x['generated_tokens']:.0f} "
            f"| {x['seconds']:.3f} | {x['flops'] / 1e9:.2f} | {x['floor_seconds']:.4f} | "
            f"{x['x_floor']:.1f} | " + (f"{ratio['vs_end_to_end']:.2f} | {ratio['vs_seq2seq']:.2f} |" if ratio
                                         else "| |"))
    return "\n".join(lines)


def main(argv=None) -> int:
    from ..cli import add_summarize_options, summarize_options
    from ..options import SummarizeOptions

    p = argparse.ArgumentParser(prog="summarizer bench", description=__doc__.split("\n\n")[0])
    p.add_argument("--words", type=int, default=600, help="words per article")
    p.add_argument("--articles", type=int, default=8)
    p.add_argument("--no-baseline", dest="baseline", action="store_false",
                   help="skip timing v0.1.0's weights (float32 on CPU) and its sentence selector in the same run")
    p.add_argument("--memory-batch-sizes", default="",
                   help="comma-separated batch sizes: peak RSS of a fresh process at each (e.g. 8,32,64)")
    p.add_argument("--references", default=",".join(REFERENCE_SHAPES),
                   help="reference shapes to time, comma separated, or 'none'")
    p.add_argument("--ref-reps", type=int, default=2, help="timed generate calls per reference model")
    p.add_argument("--quick", action="store_true", help="toy sizes for a smoke test (reference shapes shrunk)")
    p.add_argument("--out", default=None, help="write JSON here and Markdown beside it")
    add_summarize_options(p)  # the options of `summarizer summarize`, one to one: --model, --threads ...
    a = p.parse_args(argv)
    refs = [] if a.references == "none" else [x for x in a.references.split(",") if x]
    unknown = set(refs) - set(REFERENCE_SHAPES)
    if unknown:
        p.error(f"unknown reference shape(s) {sorted(unknown)}; known: {sorted(REFERENCE_SHAPES)}")
    report = bench(SummarizeOptions(**summarize_options(a)), words=a.words, articles=a.articles, references=refs,
                   ref_reps=a.ref_reps, quick=a.quick, out=a.out, baseline=a.baseline,
                   memory_batch_sizes=tuple(int(x) for x in a.memory_batch_sizes.split(",") if x))
    print(report["table"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
