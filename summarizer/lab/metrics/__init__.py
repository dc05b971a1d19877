"""Metric modules shipped with the package, loaded offline with `evaluate.load(<path>)`."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

ROUGE_PATH = Path(__file__).with_name("rouge.py")


def load_rouge():
    """The project's ROUGE metric (`metrics/rouge.py`) through `evaluate`, without network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_EVALUATE_OFFLINE", "1")
    import evaluate

    return evaluate.load(str(ROUGE_PATH))


@lru_cache(maxsize=8)
def scorer(rouge_types: tuple[str, ...] = ("rouge1", "rouge2", "rougeL")):
    """A `rouge_score` scorer with Porter stemming, as the metric module scores (for per-pair figures)."""
    from rouge_score import rouge_scorer

    return rouge_scorer.RougeScorer(list(rouge_types), use_stemmer=True)


@lru_cache(maxsize=1)
def _tokenizer():
    from rouge_score import tokenizers

    return tokenizers.DefaultTokenizer(use_stemmer=True)


def mean_rouge(predictions, references, rouge_types=("rouge1", "rouge2", "rougeLsum")) -> dict[str, float]:
    """Mean F1 of each ROUGE type over the pairs: the figures `load_rouge().compute` gives, from
    `rouge_score` alone (no `evaluate` or `datasets`, e.g. on a GPU machine that has only PyTorch).
    A summary is a string or a list of sentences, read one sentence per line as in `metrics/rouge.py`."""
    def lines(text):
        return "\n".join(s.strip() for s in text if s and s.strip()) if isinstance(text, (list, tuple)) else text

    sc = scorer(tuple(rouge_types))
    tot = dict.fromkeys(rouge_types, 0.0)
    for pred, ref in zip(predictions, references):
        for t, fig in sc.score(lines(ref), lines(pred)).items():
            tot[t] += fig.fmeasure
    return {t: v / max(1, len(predictions)) for t, v in tot.items()}


def stems(text: str) -> list[str]:
    """Lowercased, stemmed tokens, as ROUGE sees them."""
    return _tokenizer().tokenize(text)
