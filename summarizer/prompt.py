"""The prompt format, shared by the engine and the trainer.

The model rewrites one chosen article sentence at a time (select, then rewrite):

    source  = "takeaway: <sentence>"               context = <the article's lead sentence>
    source  = "abstract: <sentence> <sentence>"    context = <lead sentence>

encoded as a BERT sentence pair (`source [SEP] context`). The training pairs that
teach it (aligned from the references) are built in `summarizer/lab/data.py`.
"""

from __future__ import annotations

import re

from .text import STOPWORDS

TAKEAWAY, ABSTRACT = "takeaway", "abstract"
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def content(text: str) -> list[str]:
    return [t for t in tokens(text) if t not in STOPWORDS]


def rewrite_source(mode: str, sentences: list[str]) -> str:
    return f"{mode}: " + " ".join(s.strip() for s in sentences)


_MODE_PREFIX = re.compile(rf"^({TAKEAWAY}|{ABSTRACT})\s*:\s*")


def strip_mode(text: str) -> str:
    """The text without the "takeaway:" / "abstract:" prefix of `rewrite_source` (a model may echo it)."""
    return _MODE_PREFIX.sub("", text)


def context_for(article_sentences: list[str], chosen: list[int]) -> str:
    """The lead sentence (who and what the story is about); the second one when the
    lead is itself chosen."""
    for i in range(min(3, len(article_sentences))):
        if i not in chosen:
            return article_sentences[i]
    return ""
