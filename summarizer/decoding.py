"""Decoding machinery for `generate`: the deletion constraint, a cache beam search never reorders, and a
vocabulary cut to the tokens a chunk of rows may write.

`SourceSpans` lets a row write only a deletion of its sentence. With it on, a chunk of rows can only ever
write a few hundred of the vocabulary's 30,522 tokens, yet beam search would still normalise, mask, sort
and copy 30,522 scores per beam per step. `source_vocabulary` runs `generate` in that small vocabulary
instead, with the same scores: the model's output layer still computes every logit and normalises over
all of them, and gives back the log-probabilities of the tokens the rows may write plus one "rest"
column holding the probability of all the others, so the log-softmax that beam search takes over the
small row equals the full one for every token that can be written (the rest column is never allowed).
The decoder reads the small ids through a table back to the real ones.
"""

from __future__ import annotations

import inspect
import re
from contextlib import contextmanager
from functools import lru_cache

import torch
import torch.nn.functional as F
import transformers
from torch import nn
from transformers import DynamicCache, EncoderDecoderCache, LogitsProcessor


class SourceSpans(LogitsProcessor):
    """The decoder may only write a deletion of its row's sentence: the sentence's word pieces in their
    order, whole words (a word begun is finished), plus a few free tokens ("the", "a", "an", ".", the
    end). So every word, number and name is copied from the sentence and nothing moves; what a deletion
    may still change is checked afterwards (`faithfulness.unfaithful`).

    The state of a beam is the position in the sentence of the last piece it copied, found by earliest
    match (which never rules out a deletion the model could still write), cached by prefix."""

    def __init__(self, sources: list[list[int]], num_beams: int, free: list[int], continuation: set[int],
                 end: set[int] = frozenset(), min_new: list[int] | None = None):
        self.sources, self.num_beams = sources, num_beams
        self.free, self.cont = free, continuation
        # a row may not end before it has written min_new tokens, unless its sentence has no word left
        self.end, self.min_new = set(end), min_new or [0] * len(sources)
        self.state: dict[tuple, int] = {}
        self.allowed: dict[tuple[int, int], list[int]] = {}
        self.columns: dict[tuple[int, int, bool], torch.Tensor] = {}  # the allowed ids as a tensor, per state

    def _position(self, row: int, gen: tuple) -> int:
        key = (row, gen)
        if key in self.state:
            return self.state[key]
        p = self._position(row, gen[:-1]) if gen else -1
        if gen:
            src, t = self.sources[row], gen[-1]
            if t in self.cont:  # a piece that finishes a word continues right after its start
                p = p + 1 if p + 1 < len(src) and src[p + 1] == t else p
            else:
                p = next((k for k in range(p + 1, len(src)) if src[k] == t), p)
        self.state[key] = p
        return p

    def _allowed(self, row: int, p: int) -> list[int]:
        key = (row, p)
        if key not in self.allowed:
            src = self.sources[row]
            if 0 <= p and p + 1 < len(src) and src[p + 1] in self.cont:
                self.allowed[key] = [src[p + 1]]
            else:
                self.allowed[key] = sorted({t for t in src[p + 1:] if t not in self.cont} | set(self.free))
        return self.allowed[key]

    def _columns(self, row: int, p: int, may_end: bool) -> torch.Tensor:
        key = (row, p, may_end)
        if key not in self.columns:
            allowed = self._allowed(row, p)
            self.columns[key] = torch.tensor(allowed if may_end else [t for t in allowed if t not in self.end],
                                             dtype=torch.long)
        return self.columns[key]

    def __call__(self, input_ids, scores):
        cols = []
        for r, ids in enumerate(input_ids.tolist()):
            row = r // self.num_beams
            p = self._position(row, tuple(ids[1:]))
            cols.append(self._columns(row, p, not (len(ids) - 1 < self.min_new[row]
                                                   and p < len(self.sources[row]) - 1)))
        rows = torch.repeat_interleave(torch.arange(len(cols)), torch.tensor([len(c) for c in cols]))
        at = (rows.to(scores.device), torch.cat(cols).to(scores.device))
        kept = scores[at]  # in place: a fresh (rows x vocab) mask and copy each step cost more than decoding's
        scores.fill_(float("-inf"))  # own bookkeeping
        scores[at] = kept
        return scores


class CrossAttentionCache(DynamicCache):
    """Cross-attention keys and values: the encoder's, the same for all beams of a row, and beams
    only move within their row, so beam search never needs to reorder them. Reordering them at
    every step was 14% of CPU decoding time; skipping it gives identical outputs."""

    def reorder_cache(self, beam_idx):
        pass


@lru_cache(maxsize=8)
def _cache_keyword(model_class: type) -> str:
    return "cache" if "cache" in inspect.signature(model_class.forward).parameters else "past_key_values"


def beam_cache(model) -> dict:
    """generate() keyword for a fresh cache whose cross-attention half is never reordered: `cache`, or
    `past_key_values` where the model's forward still takes that name (transformers 5.17 does, 5.24 not)."""
    return {_cache_keyword(type(model)): EncoderDecoderCache(DynamicCache(), CrossAttentionCache())}


class _SmallIdEmbeddings(nn.Module):
    """The decoder's embeddings, read through small ids: small id i is the real token keep[i]."""

    def __init__(self, inner: nn.Module, keep: torch.Tensor):
        super().__init__()
        self.inner, self.keep = inner, keep

    def forward(self, input_ids=None, *args, **kwargs):
        return self.inner(self.keep[input_ids] if input_ids is not None else None, *args, **kwargs)


# output-layer rows computed at a time for the normaliser: a (rows x 4,096) block of logits stays in the
# cache, where the whole (rows x 30,522) float32 one did not (on 2 AVX-512 cores, 160 beams: 9 against 23 ms
# a step, the same log-probabilities to 2e-6)
VOCAB_CHUNK = 4096


class _SmallVocabularyHead(nn.Module):
    """The output layer as log-probabilities over the full vocabulary (normalised in float32, as beam search
    takes them) of the `keep` columns only, plus one last column holding the probability of all the others:
    a log-softmax over this row gives every kept token its full-vocabulary log-probability (to float
    rounding, about 1e-6). The normaliser is taken block by block over the vocabulary."""

    def __init__(self, inner: nn.Linear, keep: torch.Tensor):
        super().__init__()
        self.inner = inner
        self.kept_weight = inner.weight.index_select(0, keep)
        self.kept_bias = inner.bias.index_select(0, keep) if inner.bias is not None else None

    def forward(self, hidden):
        w, b = self.inner.weight, self.inner.bias
        blocks = [torch.logsumexp(F.linear(hidden, w[i:i + VOCAB_CHUNK], None if b is None else b[i:i + VOCAB_CHUNK])
                                  .float(), dim=-1, keepdim=True) for i in range(0, w.shape[0], VOCAB_CHUNK)]
        kept = F.linear(hidden, self.kept_weight, self.kept_bias).float() - torch.logsumexp(torch.cat(blocks, -1), -1,
                                                                                           keepdim=True)
        rest = (1 - kept.exp().sum(-1, keepdim=True)).clamp_min(torch.finfo(torch.float32).tiny).log()
        return torch.cat([kept, rest], dim=-1)


_TRANSFORMERS = tuple(int(x) for x in re.findall(r"\d+", transformers.__version__)[:2])


def supports_small_vocabulary(model) -> bool:
    """True for a BERT2BERT (`EncoderDecoderModel` with a BERT decoder): the model whose modules
    `source_vocabulary` knows how to swap, under a transformers whose beam search takes the vocabulary's
    size from the scores it is given (5.24 does; 5.17 reads it from the config and fails). Other models,
    and older versions, decode over the full vocabulary: the same outputs, more time."""
    if _TRANSFORMERS < (5, 24):
        return False
    dec = getattr(model, "decoder", None)
    return (hasattr(getattr(dec, "bert", None), "embeddings")
            and hasattr(getattr(getattr(dec, "cls", None), "predictions", None), "decoder"))


@contextmanager
def source_vocabulary(model, keep: list[int]):
    """Within the block, `model` (a BERT2BERT) decodes in a vocabulary of len(keep) + 1 tokens: small id i
    is the real token keep[i], and the last one stands for every other token (it must never be allowed).
    Yields the real-id table (a tensor: real = table[small]). The model is restored on exit; it must not
    be used by another thread meanwhile."""
    dec = model.decoder
    device = dec.cls.predictions.decoder.weight.device
    table = torch.tensor(list(keep), dtype=torch.long, device=device)
    embeddings, head = dec.bert.embeddings, dec.cls.predictions.decoder
    # the "rest" id reads as keep[0] if it is ever fed back (it cannot be written)
    dec.bert.embeddings = _SmallIdEmbeddings(embeddings, torch.cat([table, table[:1]]))
    dec.cls.predictions.decoder = _SmallVocabularyHead(head, table)
    try:
        yield table
    finally:
        dec.bert.embeddings, dec.cls.predictions.decoder = embeddings, head
