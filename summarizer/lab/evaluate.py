"""`summarizer evaluate`: ROUGE of the model beside its baselines, and format and
faithfulness figures, on one split of ../shared/data, in one run.

    summarizer evaluate --model PATH --data ../shared/data/cnndm --split test --limit 200 --out runs/eval/cnndm.json

What is compared with what:
* CNN/DM (`cnndm`, `cnndm_cased`): the five takeaways, one per line, against the
  highlights (the model's abstract against the highlights is shown too);
* XSum and Inshorts: the abstract against the reference abstract.
Baselines on the same articles: Lead-1 (abstract data sets only), Lead-3, Lead-5
and the extractive oracle (greedy ROUGE-1 + ROUGE-2 sentence picking, at most 5
sentences, an upper bound for any sentence picker). ROUGE comes from the
project's `evaluate` metric module (offline, stemmed, ROUGE-Lsum one sentence per
line), with bootstrap 95% intervals over articles; the intervals of the model
minus each baseline use the same resamples (paired).

Written: the report (JSON, every figure and the settings), a Markdown table
(also printed), and `<out>.outputs.jsonl` with each article's outputs beside its
reference for reading.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from dataclasses import asdict, replace
from pathlib import Path

import numpy as np

from ..faithfulness import (ArticleFacts, align, deletion_problems, fragment, max_pair_similarity, name_words,
                            novel_ngram_ratio, number_spans, support_score)
from ..options import NUM_TAKEAWAYS
from ..pipeline import NEAR_DUPLICATE, similarity
from ..prompt import context_for
from ..text import is_lowercase_text
from ..text import split_sentences
from .data import load_split, references
from .metrics import load_rouge, scorer, stems
from .metrics.rouge import ROUGE_TYPES

DEFAULT_DATA = Path(__file__).resolve().parents[3] / "shared" / "data"  # ../shared/data beside the checkout
DATASETS = ("cnndm", "cnndm_cased", "xsum", "inshorts")
ORACLE_MAX = 5
TEXTS = ("takeaways", "abstract", "reference")  # the texts whose format and faithfulness are measured


# --- baselines -----------------------------------------------------------------

def _f1(overlap: int, predicted: int, reference: int) -> float:
    return 0.0 if overlap == 0 else 2 * overlap / (predicted + reference)


def oracle(sentences: list[str], reference: list[str], max_sentences: int = ORACLE_MAX) -> list[int]:
    """Greedy extractive oracle: add the sentence that most raises ROUGE-1 F1 +
    ROUGE-2 F1 against the reference, until none does. Indices in article order."""
    grams = []
    for s in sentences:
        t = stems(s)
        grams.append((Counter(t), Counter(zip(t, t[1:]))))
    ref_tokens = [stems(r) for r in reference]
    ref1 = sum((Counter(t) for t in ref_tokens), Counter())
    ref2 = sum((Counter(zip(t, t[1:])) for t in ref_tokens), Counter())
    n1, n2 = sum(ref1.values()), sum(ref2.values())
    chosen, best = [], 0.0
    cur1, cur2 = Counter(), Counter()
    while len(chosen) < min(max_sentences, len(sentences)):
        pick = None
        for i, (g1, g2) in enumerate(grams):
            if i in chosen:
                continue
            c1, c2 = cur1 + g1, cur2 + g2
            score = (_f1(sum((c1 & ref1).values()), sum(c1.values()), n1)
                     + _f1(sum((c2 & ref2).values()), sum(c2.values()), n2))
            if score > best:
                best, pick = score, (i, c1, c2)
        if pick is None:
            break
        chosen.append(pick[0])
        cur1, cur2 = pick[1], pick[2]
    return sorted(chosen)


def top_sentences(ranking: list[int], sentences: list[str], k: int) -> list[str]:
    """The k best sentences of a ranking, in article order, skipping a sentence that shares a word
    trigram with one already taken (trigram blocking, as BertSum reports its extractor)."""
    taken, grams = [], set()
    for i in ranking:
        if len(taken) == k:
            break
        t = stems(sentences[i])
        tri = set(zip(t, t[1:], t[2:]))
        if tri & grams:
            continue
        taken.append(i)
        grams |= tri
    return [sentences[i] for i in sorted(taken)]


def baselines(sentences: list[str], reference: list[str], abstract_data: bool) -> dict[str, list[str]]:
    """Each baseline's summary (a list of sentences) for one article."""
    out = {"lead-1": sentences[:1], "lead-2": sentences[:2]} if abstract_data else {}
    out["lead-3"] = sentences[:3]
    out["lead-5"] = sentences[:5]
    out["oracle"] = [sentences[i] for i in oracle(sentences, reference)]
    return out


# --- statistics -------------------------------------------------------------------

def bootstrap_ci(values, draws: int = 1000, seed: int = 0, alpha: float = 0.05,
                 indices: np.ndarray | None = None) -> tuple[float, float, float]:
    """(mean, low, high): percentile bootstrap interval of the mean over articles."""
    values = np.asarray(values, dtype=float)
    if len(values) == 0:
        return float("nan"), float("nan"), float("nan")
    if indices is None:
        indices = np.random.default_rng(seed).integers(0, len(values), size=(draws, len(values)))
    means = values[indices].mean(axis=1)
    low, high = np.quantile(means, [alpha / 2, 1 - alpha / 2])
    return float(values.mean()), float(low), float(high)


def _figure(values, indices) -> dict:
    mean, low, high = bootstrap_ci(values, indices=indices)
    return {"mean": mean, "ci95": [low, high]}


def _mean(values) -> float | None:
    values = [v for v in values if v is not None]
    return float(np.mean(values)) if values else None


def _share(flags) -> float | None:
    flags = list(flags)
    return float(np.mean(flags)) if flags else None


# --- format and faithfulness ------------------------------------------------------

def _best_match(scorer, text: str, reference: list[str]) -> float:
    """Mean of ROUGE-1/2/L F1 of `text` against its best-matching reference sentence."""
    best = 0.0
    for r in reference:
        s = scorer.score(r, text)
        best = max(best, (s["rouge1"].fmeasure + s["rouge2"].fmeasure + s["rougeL"].fmeasure) / 3)
    return best


def quality_figures(rows: list[dict], drafts: list, num_takeaways: int) -> dict:
    """Format and faithfulness figures of the model's drafts (and of the references,
    for orientation: references also state facts their article does not)."""
    rouge = scorer()
    per = {k: [] for k in ("complete", "redundancy", "tw_words", "ab_words", "ab_sents", "ref_words")}
    novel = {f"{who}_{n}": [] for who in TEXTS for n in (1, 2, 3)}
    facts = {who: {"numbers": [], "dates": [], "names": [], "any": []} for who in TEXTS}
    fallback, rewrites = [], []
    own = {k: [] for k in ("number_not_in_source", "name_not_in_source", "fragment", "support_score",
                           "rewrite_is_deletion", "abstract_like_takeaway_1", "support_prob")}
    for row, d in zip(rows, drafts):
        article, ref = row["article"], references(row)
        per["complete"].append(len(d.takeaways) == num_takeaways and not any(d.fallback))
        per["redundancy"].append(max_pair_similarity(d.takeaways))
        per["tw_words"] += [len(t.split()) for t in d.takeaways]
        per["ab_words"].append(len(d.abstract.split()))
        per["ab_sents"].append(len(split_sentences(d.abstract)))
        per["ref_words"] += [len(r.split()) for r in ref]
        fallback += list(d.fallback)
        checker = ArticleFacts(article)
        for who, texts in zip(TEXTS, (d.takeaways, [d.abstract], ref)):
            for n in (1, 2, 3):
                novel[f"{who}_{n}"].append(novel_ngram_ratio(texts, article, n))
            for t in texts:
                u = checker.unsupported(t)
                for kind in ("numbers", "dates"):
                    facts[who][kind].append(bool(u[kind]))
                if u["names"] is not None:
                    facts[who]["names"].append(bool(u["names"]))
                facts[who]["any"].append(bool(u["numbers"] or u["dates"] or u["names"]))
        own["abstract_like_takeaway_1"].append(bool(d.takeaways) and similarity(d.abstract, d.takeaways[0])
                                                >= NEAR_DUPLICATE)
        own["support_prob"] += list(getattr(d, "support_prob", []))  # empty without a support classifier
        for text, src, fb in zip(d.takeaways, d.takeaway_sources, d.fallback):
            for k, v in own_source_figures(text, [d.sentences[i] for i in src],
                                           context_for(d.sentences, src), quoted=fb).items():
                if v is not None:
                    own[k].append(v)
            if not fb:
                own["rewrite_is_deletion"].append(align(text, " ".join(d.sentences[i] for i in src)) is not None)
        # a rewrite against the sentence it was written from: no worse against the reference, and shorter?
        for text, src, fb in zip(d.takeaways, d.takeaway_sources, d.fallback):
            if fb or not src:
                continue
            source = " ".join(d.sentences[i] for i in src)
            rewrites.append((_best_match(rouge, text, ref) >= _best_match(rouge, source, ref),
                             len(text.split()) < len(source.split())))
    return {
        "five_takeaways_no_fallback": _share(per["complete"]),
        "fallback_rate": _share(fallback),
        "words_per_takeaway": _mean(per["tw_words"]),
        "words_per_abstract": _mean(per["ab_words"]),
        "sentences_per_abstract": _mean(per["ab_sents"]),
        "words_per_reference_sentence": _mean(per["ref_words"]),
        "redundancy_max_pair_similarity": _mean(per["redundancy"]),
        "near_duplicate_share": _share(r >= NEAR_DUPLICATE for r in per["redundancy"]),
        "novel_ngram_ratio": {k: _mean(v) for k, v in novel.items()},
        # shares of sentences (takeaways, abstracts, reference sentences) stating what the article does not;
        # names are checked on cased articles only (None when there was none)
        "unsupported": {who: {k: _share(v) for k, v in f.items()} for who, f in facts.items()},
        # rewrites the engine replaced by their sentence as written (`faithfulness.unfaithful`), per
        # takeaway written, by kind: what the rewriter would have stated unsupported without the check
        "rejected": _rejected(drafts, num_takeaways),
        # each takeaway against its own sentence(s) and the context the model saw (not the whole article):
        # shares of takeaways with a number or (cased text only) a name they lack, that are not a
        # complete sentence; the mean support score (and the support classifier's mean probability); the
        # share of rewrites that are deletions of their sentence; the share of abstracts that say what
        # takeaway 1 says (near-duplicate)
        "own_source": {k: _mean(v) if k in ("support_score", "support_prob") else _share(v) for k, v in own.items()},
        "rewrites": {
            "count": len(rewrites),
            "no_worse_than_source": _share(a for a, _ in rewrites),
            "shorter_than_source": _share(b for _, b in rewrites),
            "no_worse_and_shorter": _share(a and b for a, b in rewrites),
        },
    }


# why a rewrite was replaced by its sentence (`faithfulness.unfaithful`), one or more per rewrite
REJECTION_KINDS = ("number", "name", "subject", "reworded", "negation", "contrast", "deletion", "fragment",
                   "support", "cut")  # support: the classifier's (`summarizer.support`); cut: not a listed cut
                                      # (`summarizer.cuts`, with cuts="listed")


def own_source_figures(text: str, source: list[str], context: str, quoted: bool = False) -> dict:
    """One takeaway against the sentence(s) it was written from and the context the model saw. A
    quoted sentence is as complete as the article wrote it (not counted as a fragment)."""
    both = " ".join(source) + " " + context
    numbers = set(number_spans(both))
    words = set(re.findall(r"[^\W\d_]+", both))
    cased = not is_lowercase_text(" ".join(source))
    joined = " ".join(source)
    return {
        "number_not_in_source": any(n not in numbers for n in number_spans(text)),
        "name_not_in_source": any(w not in words for w in name_words(text)) if cased else None,
        "fragment": not quoted and (bool(fragment(text, joined)) or any(
            p.startswith("fragment") for p in deletion_problems(text, joined, context))),
        "support_score": support_score(text, joined),
    }


def _rejected(drafts: list, num_takeaways: int) -> dict:
    reasons = [r for d in drafts for r in getattr(d, "rejected", [])]
    takeaways = [r for r in reasons if r.startswith("takeaway")]
    n = max(1, num_takeaways * len(drafts))
    out = {"takeaways": len(takeaways) / n,
           "abstracts": (len(reasons) - len(takeaways)) / max(1, len(drafts))}
    for kind in REJECTION_KINDS:
        mark = kind + ":" if kind == "cut" else kind  # not the "cut" of "fragment: clause cut short"
        out[f"takeaways_{kind}"] = sum(f" {mark}" in r or f"; {mark}" in r for r in takeaways) / n
    return out


# --- the run ---------------------------------------------------------------------------

def resolve_data(data: str | Path | None, dataset: str | None, split: str | None) -> tuple[Path, str, str]:
    """(data_dir, dataset, split) from either a data set folder (../shared/data/cnndm)
    or a data dir plus a data set name; the split defaults to test, else validation."""
    path = Path(data) if data is not None else DEFAULT_DATA
    if path.name == dataset or (dataset is None and (path.name in DATASETS or any(path.glob("*.jsonl.gz")))):
        path, dataset = path.parent, path.name
    dataset = dataset or "cnndm"
    if split is None:
        split = "test" if (path / dataset / "test.jsonl.gz").exists() else "validation"
    return path, dataset, split


def _engine(model, options):
    """A loaded engine (anything with `summarize`) as is; else the one `summarize` would use for
    these options (a path, or None for the default checkpoint)."""
    if hasattr(model, "summarize"):
        return model
    from ..api import get_engine

    return get_engine(replace(options, model=str(model) if model is not None else options.model))


def _shown(path) -> str:
    """A path as reports show it: relative to the working directory when it lies inside it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _threads() -> int:
    import torch

    return torch.get_num_threads()


def evaluate_model(model=None, data_dir=None, dataset: str | None = None, split: str | None = None,
                   limit: int | None = None, out: str | Path | None = None, options=None, draws: int = 1000,
                   seed: int = 0, first: bool = False, progress: bool = True, extractor_only: bool = False) -> dict:
    """Evaluate a model (a path, None for `options.model` or the default checkpoint, or a loaded
    `Engine`) on one split, through the path `summarize` takes (checks, cleaning, the engine, every
    flag); returns the report and writes it when `out` is given. `extractor_only`: the extractor's
    sentences as written beside the baselines, without the rewriter (minutes on a full split)."""
    from tqdm.auto import tqdm

    from ..api import SummarizeOptions, prepare

    options = options or SummarizeOptions()
    data_dir, dataset, split = resolve_data(data_dir, dataset, split)
    rows = load_split(data_dir, dataset, split)
    if limit and limit < len(rows):
        # the splits are ordered (CNN/DM test: all CNN articles, then Daily Mail): a quick run takes a
        # seeded random sample, in split order, unless asked for the first N
        pick = range(limit) if first else sorted(np.random.default_rng(seed).choice(len(rows), limit, replace=False))
        rows = rows.select(pick)
    rows = list(rows)
    engine = _engine(model, options)
    abstract_data = "highlights" not in rows[0]

    if extractor_only and (getattr(engine, "extractor", None) is None or abstract_data):
        raise ValueError("extractor_only needs a checkpoint with an extractor/ and a data set with highlights")
    started = time.perf_counter()
    drafts = []
    step = options.batch_size
    with tqdm(total=len(rows), desc=f"summarizing {dataset}/{split}", unit="article", disable=not progress) as bar:
        for i in range(0, len(rows), step):
            prepared = [prepare(r["article"], options) for r in rows[i:i + step]]
            if extractor_only:
                drafts += rank_only(engine, prepared, options)
            else:
                drafts += engine.summarize([text for text, _ in prepared], options, flags=[f for _, f in prepared])
            bar.update(len(prepared))
    model_s = time.perf_counter() - started

    # every system's summary of every article, as a list of sentences
    refs = [references(r) for r in rows]
    systems: dict[str, list[list[str]]] = {}
    if extractor_only:
        pass
    elif abstract_data:
        systems["model (abstract)"] = [split_sentences(d.abstract) for d in drafts]
    else:
        systems["model (takeaways)"] = [d.takeaways for d in drafts]
        systems["model (abstract)"] = [split_sentences(d.abstract) for d in drafts]
    if getattr(engine, "extractor", None) is not None and not abstract_data:
        # the extractor on its own: its best sentences as written, on the sentences the engine read
        for k in (3, 5):
            systems[f"extractor top-{k}"] = [top_sentences(d.ranking, d.sentences, k) for d in drafts]
    for row, ref in zip(tqdm(rows, desc="baselines", disable=not progress), refs):
        # the article split on its own, not as the engine split it (it may cut short articles into clauses)
        for name, summary in baselines(split_sentences(row["article"]), ref, abstract_data).items():
            systems.setdefault(name, []).append(summary)

    rouge = load_rouge()
    per_article = {name: rouge.compute(predictions=preds, references=refs, use_aggregator=False)
                   for name, preds in systems.items()}
    indices = np.random.default_rng(seed).integers(0, len(rows), size=(draws, len(rows)))
    main = next(iter(systems))
    report = {
        "settings": {
            "model": _shown(engine.path), "data": str(data_dir / dataset / f"{split}.jsonl.gz"), "dataset": dataset,
            "split": split, "limit": limit, "articles": len(rows), "batch_size": options.batch_size,
            "selection": "all" if not limit else "first N" if first else f"random sample, seed {seed}",
            "device": str(engine.device), "dtype": str(getattr(engine, "dtype", "")).removeprefix("torch."),
            "threads": _threads(), "options": asdict(options),
            "compared": ("abstract vs reference abstract" if abstract_data else
                         "the extractor's sentences as written (one per line) vs highlights" if extractor_only else
                         "takeaways (one per line) vs highlights"),
            "rouge": "project metric module summarizer/lab/metrics/rouge.py (rouge_score, Porter stemming, "
                     "rougeLsum one sentence per line)",
            "bootstrap": {"draws": draws, "seed": seed, "interval": "percentile 95%, paired across systems"},
            "oracle": f"greedy ROUGE-1 F1 + ROUGE-2 F1, at most {ORACLE_MAX} sentences",
        },
        "main_system": main,
        "seconds": {"model": model_s, "per_article": model_s / len(rows)},
        "rouge": {name: {k: _figure(v, indices) for k, v in scores.items()} for name, scores in per_article.items()},
        "delta_vs_baselines": {
            name: {t: _figure(np.subtract(per_article[main][t], per_article[name][t]), indices) for t in ROUGE_TYPES}
            for name in systems if not name.startswith(("model", "extractor"))},
        "extractor_vs_lead": {
            f"{name} - lead-{name[-1]}": {
                t: _figure(np.subtract(per_article[name][t], per_article[f"lead-{name[-1]}"][t]), indices)
                for t in ROUGE_TYPES}
            for name in systems if name.startswith("extractor")},
        "quality": {} if extractor_only else quality_figures(rows, drafts, NUM_TAKEAWAYS),
    }
    report["table"] = markdown_table(report)
    if out:
        write_report(report, Path(out), rows, drafts, systems, per_article)
    return report


def rank_only(engine, prepared: list[tuple[str, list[str]]], options) -> list:
    """The engine's sentences and the extractor's ranking of them (side boxes last, as the engine ranks
    them), without rewriting. `prepared`: (text, flags) from `api.prepare`."""
    from types import SimpleNamespace

    from ..pipeline import _ranking

    units = [engine._units(t, options, "side_box_moved" in f) for t, f in prepared]
    scored = engine.extractor.score([u[0] for u in units])
    return [SimpleNamespace(sentences=u[0], ranking=_ranking(scores, u[-1])) for u, (scores, _) in zip(units, scored)]


def write_report(report: dict, out: Path, rows, drafts, systems, per_article) -> None:
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n")
    out.with_suffix(".md").write_text(report["table"] + "\n")
    with open(out.with_suffix(".outputs.jsonl"), "w") as f:
        for i, (row, d) in enumerate(zip(rows, drafts)):
            if not hasattr(d, "takeaways"):  # extractor only
                f.write(json.dumps({"id": row["id"], "reference": references(row), "ranking": d.ranking,
                                    "baselines": {n: s[i] for n, s in systems.items()}}, ensure_ascii=False) + "\n")
                continue
            f.write(json.dumps({
                "id": row["id"], "reference": references(row), "abstract": d.abstract, "takeaways": d.takeaways,
                "takeaway_sources": [[d.sentences[j] for j in s] for s in d.takeaway_sources],
                "fallback": d.fallback, "flags": getattr(d, "flags", []),
                "baselines": {n: s[i] for n, s in systems.items() if not n.startswith("model")},
                "rougeLsum_f1": {n: round(v["rougeLsum"][i], 4) for n, v in per_article.items()},
            }, ensure_ascii=False) + "\n")


def markdown_table(report: dict) -> str:
    def cell(fig):
        return f"{100 * fig['mean']:.2f} [{100 * fig['ci95'][0]:.1f}, {100 * fig['ci95'][1]:.1f}]"

    s = report["settings"]
    lines = [f"**{s['dataset']}/{s['split']}**, {s['articles']} articles ({s['selection']}), "
             f"model `{s['model']}`; {s['compared']}. ROUGE F1 x100 with bootstrap 95% CI; P and R of ROUGE-Lsum.", "",
             "| system | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum | Lsum P | Lsum R |",
             "|---|---|---|---|---|---|---|"]
    for name, r in report["rouge"].items():
        lines.append(f"| {name} | " + " | ".join(cell(r[t]) for t in ROUGE_TYPES)
                     + f" | {100 * r['rougeLsum_precision']['mean']:.2f} | {100 * r['rougeLsum_recall']['mean']:.2f} |")
    lines += ["", f"{report['main_system']} minus baseline (ROUGE F1 x100, paired 95% CI):", "",
              "| baseline | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum |", "|---|---|---|---|---|"]
    for name, d in report["delta_vs_baselines"].items():
        lines.append(f"| {name} | " + " | ".join(cell(d[t]) for t in ROUGE_TYPES) + " |")
    if report.get("extractor_vs_lead"):
        lines += ["", "the extractor's sentences as written minus Lead-k (ROUGE F1 x100, paired 95% CI):", "",
                  "| comparison | ROUGE-1 | ROUGE-2 | ROUGE-L | ROUGE-Lsum |", "|---|---|---|---|---|"]
        for name, d in report["extractor_vs_lead"].items():
            lines.append(f"| {name} | " + " | ".join(cell(d[t]) for t in ROUGE_TYPES) + " |")
    q = report["quality"]
    if not q:  # extractor only
        return "\n".join(lines)

    def pct(x):
        return "n/a" if x is None else f"{100 * x:.1f}%"

    def num(x):
        return "n/a" if x is None else f"{x:.2f}"

    nv, un, rw = q["novel_ngram_ratio"], q["unsupported"], q["rewrites"]
    lines += ["", "| format and faithfulness | takeaways | abstract | reference |", "|---|---|---|---|",
              f"| five takeaways, no fallback | {pct(q['five_takeaways_no_fallback'])} | | |",
              f"| fallback rate (share of takeaways) | {pct(q['fallback_rate'])} | | |",
              f"| words per takeaway / abstract / reference sentence | {num(q['words_per_takeaway'])} "
              f"| {num(q['words_per_abstract'])} | {num(q['words_per_reference_sentence'])} |",
              f"| redundancy: max pair similarity / near-duplicate share | {num(q['redundancy_max_pair_similarity'])} / "
              f"{pct(q['near_duplicate_share'])} | | |"]
    for n in (1, 2, 3):
        lines.append(f"| novel {n}-grams | " + " | ".join(pct(nv[f"{w}_{n}"]) for w in TEXTS) + " |")
    for kind in ("numbers", "names", "dates", "any"):
        lines.append(f"| unsupported {kind} | " + " | ".join(pct(un[w][kind]) for w in TEXTS) + " |")
    rj = q["rejected"]
    lines.append(f"| rewrites rejected as unsupported ({' / '.join(REJECTION_KINDS)}) | "
                 f"{pct(rj['takeaways'])} ({' / '.join(pct(rj['takeaways_' + k]) for k in REJECTION_KINDS)}) "
                 f"| {pct(rj['abstracts'])} | |")
    ow = q["own_source"]
    lines.append(f"| against its own sentence(s) and context: number / name not there | "
                 f"{pct(ow['number_not_in_source'])} / {pct(ow['name_not_in_source'])} | | |")
    lines.append(f"| not a complete sentence (fragment) | {pct(ow['fragment'])} | | |")
    lines.append(f"| support score (mean) / support classifier (mean P) / rewrites that are deletions of their "
                 f"sentence | {num(ow['support_score'])} / {num(ow['support_prob'])} / "
                 f"{pct(ow['rewrite_is_deletion'])} | | |")
    lines.append(f"| abstract says what takeaway 1 says (near-duplicate) | | {pct(ow['abstract_like_takeaway_1'])} | |")
    lines.append(f"| rewrites ({rw['count']}): no worse than source / shorter / both | {pct(rw['no_worse_than_source'])}"
                 f" / {pct(rw['shorter_than_source'])} / {pct(rw['no_worse_and_shorter'])} | | |")
    return "\n".join(lines)


def main(argv=None) -> int:
    from ..cli import add_summarize_options, summarize_options
    from ..options import SummarizeOptions

    p = argparse.ArgumentParser(prog="summarizer evaluate", description=__doc__.split("\n\n")[0])
    p.add_argument("--data", default=None,
                   help="a data set folder (../shared/data/cnndm), or the data dir with --dataset")
    p.add_argument("--dataset", choices=DATASETS, default=None)
    p.add_argument("--split", default=None, help="default: test, or validation where there is no test split")
    p.add_argument("--limit", type=int, default=None,
                   help="N articles only: a seeded random sample (the splits are ordered by source)")
    p.add_argument("--first", action="store_true", help="with --limit: the first N articles, not a sample")
    p.add_argument("--out", default=None, help="report JSON (default: runs/eval/<dataset>-<split>[-N].json)")
    p.add_argument("--bootstrap", type=int, default=1000, help="bootstrap draws")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--extractor-only", action="store_true",
                   help="only the extractor's sentences as written beside Lead-k and the oracle (no rewriting)")
    add_summarize_options(p)  # the options of `summarizer summarize`, one to one: --model, --num-beams 1 ...
    a = p.parse_args(argv)
    options = SummarizeOptions(**summarize_options(a))
    data_dir, dataset, split = resolve_data(a.data, a.dataset, a.split)
    out = a.out or f"runs/eval/{dataset}-{split}{f'-{a.limit}' if a.limit else ''}.json"
    report = evaluate_model(None, data_dir, dataset, split, limit=a.limit, out=out, options=options,
                            draws=a.bootstrap, seed=a.seed, first=a.first, extractor_only=a.extractor_only)
    print(report["table"])
    print(f"\nwritten: {out}, {Path(out).with_suffix('.md')}, {Path(out).with_suffix('.outputs.jsonl')}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
