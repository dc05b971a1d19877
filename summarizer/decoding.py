"""The decoding loop: the deletion constraint, a cache beam search never reorders, a vocabulary cut to the
tokens a chunk of rows may write, and the engine's own beam search over them.

`SourceSpans` lets a row write only a deletion of its sentence. With it on, a chunk of rows can only ever
write a few hundred of the vocabulary's 30,522 tokens, yet beam search would still normalise, mask, sort
and copy 30,522 scores per beam per step. `source_vocabulary` runs `generate` in that small vocabulary
instead, with the same scores: the model's output layer still computes every logit and normalises over
all of them, and gives back the log-probabilities of the tokens the rows may write plus one "rest"
column holding the probability of all the others, so the log-softmax that beam search takes over the
small row equals the full one for every token that can be written (the rest column is never allowed).
The decoder reads the small ids through a table back to the real ones.

`beam_search` then takes `generate`'s beam-search steps with the same arithmetic, and so the same beams,
without its per-step bookkeeping, which was about half of the CPU time outside the model on 2 cores.
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
        self.moves: dict[tuple[int, int, int], int] = {}  # (row, position, token) -> position, for `advance`
        self._table: tuple | None = None  # `banned`'s table, made on its first call
        self._longest_min = max(self.min_new, default=0)

    def _position(self, row: int, gen: tuple) -> int:
        key = (row, gen)
        if key in self.state:
            return self.state[key]
        p = self.advance(row, self._position(row, gen[:-1]), gen[-1]) if gen else -1
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

    # `_position` walks a beam's prefix (generate gives only that); the engine's own beam search
    # (`beam_search`) follows each beam from its parent, one `advance` a step, and its mask is one row of
    # a table

    def advance(self, row: int, p: int, t: int) -> int:
        """The position after a beam at position `p` of `row`'s sentence writes token `t`: a piece that
        finishes a word right after its start, any other token at its first match after p."""
        src = self.sources[row]
        if t in self.cont:
            return p + 1 if p + 1 < len(src) and src[p + 1] == t else p
        key = (row, p, t)
        if key not in self.moves:
            self.moves[key] = next((k for k in range(p + 1, len(src)) if src[k] == t), p)
        return self.moves[key]

    def banned(self, rows: torch.Tensor, positions: torch.Tensor, generated: int, vocab: int) -> torch.Tensor:
        """(beams x vocab) True where a beam may not write the token: the same sets as `_columns`, for all
        beams at once. A beam of `rows` at position p may write a word piece of its sentence after p that
        starts a word or a free token; right after a piece whose word goes on, only the next piece; an end
        only once it has written `min_new` or has no word left. Each (row, position)'s set is a row of a
        table made on the first call (on the device of `rows`), so a step reads one row per beam."""
        if self._table is None or self._table[0] != vocab:
            n, width = len(self.sources), max(len(src) for src in self.sources) + 1
            last = torch.full((n, vocab), -1, dtype=torch.int16)  # a token's last start in the sentence
            forced = ([], [], [])  # (row, position + 1, the piece) where a word goes on
            for r, src in enumerate(self.sources):
                starts = {t: k for k, t in enumerate(src) if t not in self.cont}  # the last start of each
                if starts:
                    last[r, list(starts)] = torch.tensor(list(starts.values()), dtype=torch.int16)
                for k in range(1, len(src)):
                    if src[k] in self.cont:
                        forced[0].append(r), forced[1].append(k), forced[2].append(src[k])
            free = torch.zeros(vocab, dtype=torch.bool)
            free[list(self.free)] = True
            # allowed[r, p + 1]: a start after p, or a free token
            allowed = (last[:, None, :] >= torch.arange(width, dtype=torch.int16)[None, :, None]) | free
            if forced[0]:
                allowed[forced[0], forced[1]] = False
                allowed[forced] = True
            self._table = (vocab, width, *(t.to(rows.device) for t in (
                (~allowed).view(n * width, vocab), torch.tensor(self.min_new),
                torch.tensor([len(src) for src in self.sources]))))
        _, width, table, min_new, length = self._table
        banned = table.index_select(0, rows * width + positions + 1)
        if generated < self._longest_min:  # an abstract too short to end, unless its sentences are used up
            no_end = (generated < min_new[rows]) & (positions < length[rows] - 1)
            for e in sorted(self.end):
                banned[:, e] |= no_end
        return banned


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


_NEG_INF_BITS = -8388608  # 0xFF800000 read as an int32: the bits of float32 -inf


def _minus_inf_where(banned: torch.Tensor) -> torch.Tensor:
    """A float32 tensor that is -inf where `banned` and +0.0 elsewhere, to add to scores: the same result
    as `masked_fill_(banned, -inf)`, built from the bits in a fraction of its time on CPU (42 against
    146 us for 160 x 1,600)."""
    return banned.to(torch.int32).mul_(_NEG_INF_BITS).view(torch.float32)


def _banned_ngrams(sequences: torch.Tensor, n: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(beam, token) pairs that would repeat an n-gram of the beam's `sequences` (beams x length): the
    tokens that followed the beam's last n - 1 tokens anywhere before, as `NoRepeatNGramLogitsProcessor`
    bans them, in a few tensor operations instead of a Python walk over every beam."""
    length = sequences.shape[1]
    if n < 1 or length < n:  # no n-gram written yet
        return sequences.new_zeros(0), sequences.new_zeros(0)
    if n == 1:  # no token twice
        beams = torch.arange(sequences.shape[0], device=sequences.device)[:, None].expand_as(sequences)
        return beams.reshape(-1), sequences.reshape(-1)
    windows = sequences.unfold(1, n, 1)  # beams x (length - n + 1) x n: every n-gram written
    hit = (windows[:, :, :-1] == sequences[:, None, length - n + 1:]).all(-1)
    beam, at = hit.nonzero(as_tuple=True)
    return beam, windows[beam, at, -1]


@torch.no_grad()
def beam_search(model, input_ids: torch.Tensor, attention_mask: torch.Tensor, spans: SourceSpans, num_beams: int,
                max_new_tokens: int, no_repeat_ngram_size: int, start: int, eos: int,
                length_penalty: float | None = None) -> torch.Tensor:
    """`model.generate(..., num_beams=num_beams, num_return_sequences=num_beams, early_stopping=True,
    no_repeat_ngram_size=..., logits_processor=[spans])` for an encoder-decoder, with the same steps and
    the same arithmetic as transformers 5's beam search (each row's finished beams, best first, padded
    with `eos`), without its per-step bookkeeping: a beam's deletion state follows from its parent's, the
    n-gram ban and the deletion mask are a few tensor operations, and the encoder's keys and values are
    never reordered. A test holds it to `generate`'s output."""
    device = input_ids.device
    batch, k = input_ids.shape[0], num_beams
    length_penalty = 1.0 if length_penalty is None else length_penalty  # generate's default
    encoder_outputs = model.get_encoder()(input_ids=input_ids, attention_mask=attention_mask, return_dict=True)
    hidden = encoder_outputs.last_hidden_state.repeat_interleave(k, dim=0)
    encoder_outputs.last_hidden_state = hidden
    attention_mask = attention_mask.repeat_interleave(k, dim=0)
    cache = beam_cache(model)
    prompt = 1  # the decoder starts from one token
    max_length = prompt + max_new_tokens
    keep = 2 * k  # candidates kept per row: enough that k of them are still running after an end
    top_k_mask = torch.arange(keep, device=device) < k
    running = torch.full((batch, k, max_length), eos, dtype=torch.long, device=device)
    running[:, :, 0] = start
    finished = running.clone()
    running_scores = torch.zeros(batch, k, device=device)
    running_scores[:, 1:] = -1e9
    finished_scores = torch.full((batch, k), -1e9, device=device)
    finished_len = torch.zeros(batch, k, dtype=torch.long, device=device)
    is_finished = torch.zeros(batch, k, dtype=torch.bool, device=device)
    rows = [r // k for r in range(batch * k)]
    row_of = torch.tensor(rows, device=device)
    positions = [-1] * (batch * k)
    offset = (torch.arange(batch, device=device) * k)[:, None]
    tokens = running[:, :, :1].reshape(batch * k, 1)
    cache_obj = next(iter(cache.values()))
    # the decoder itself, as EncoderDecoderModel.forward calls it, without that wrapper's per-step work
    # (when there is no projection between the two)
    direct = model.encoder.config.hidden_size == model.decoder.config.hidden_size or getattr(
        model.decoder.config, "cross_attention_hidden_size", None) is not None
    cur_len = 1
    while True:
        if direct:
            out = model.decoder(input_ids=tokens[:, -1:], encoder_hidden_states=hidden,
                                encoder_attention_mask=attention_mask, use_cache=True, return_dict=True, **cache)
        else:
            out = model(decoder_input_ids=tokens[:, -1:], encoder_outputs=encoder_outputs,
                        attention_mask=attention_mask, use_cache=True, return_dict=True, **cache)
        log_probs = F.log_softmax(out.logits[:, -1, :].float(), dim=-1)
        del out
        vocab = log_probs.shape[-1]
        banned = spans.banned(row_of, torch.tensor(positions, device=device), cur_len - 1, vocab)
        if no_repeat_ngram_size:
            banned[_banned_ngrams(tokens, no_repeat_ngram_size)] = True
        log_probs += _minus_inf_where(banned)
        log_probs = (log_probs.view(batch, k, vocab) + running_scores[:, :, None]).view(batch, k * vocab)
        top_scores, top_index = torch.topk(log_probs, k=keep)
        parent = top_index // vocab
        candidates = torch.take_along_dim(running, parent[:, :, None], dim=1)
        candidates[:, :, cur_len] = top_index % vocab
        hits = candidates[:, :, cur_len] == eos
        if cur_len + 1 >= max_length:
            hits = torch.ones_like(hits)
        # the k best candidates that did not end run on
        open_scores = top_scores + hits.float() * -1e9
        nxt = torch.topk(open_scores, k=k)[1]
        running = torch.take_along_dim(candidates, nxt[:, :, None], dim=1)
        running_scores = torch.take_along_dim(open_scores, nxt, dim=1)
        source_beam = torch.take_along_dim(parent + offset, nxt, dim=1).view(-1)
        # the k best of the finished so far and the candidates that just ended among the top k. Without
        # one, generate's merge only shuffles placeholders (scores of -1e9 give or take a rounding), which
        # every real end displaces and none of which is left at the end: it is skipped
        just = hits & top_k_mask[None, :]
        if bool(just.any()):
            scores = top_scores / ((cur_len + 1 - prompt) ** length_penalty)
            # (generate's "improvement possible" test adds nothing with early stopping: a row it stops is full)
            scores = scores + torch.all(is_finished, dim=-1, keepdim=True).float() * -1e9
            scores = scores + (~just) * -1e9
            merged = torch.topk(torch.cat((finished_scores, scores), dim=1), k=k)[1]
            finished = torch.take_along_dim(torch.cat((finished, candidates), dim=1), merged[:, :, None], dim=1)
            finished_scores = torch.take_along_dim(torch.cat((finished_scores, scores), dim=1), merged, dim=1)
            finished_len = torch.take_along_dim(
                torch.cat((finished_len, finished_len.new_full((batch, keep), cur_len + 1 - prompt)), dim=1), merged,
                dim=1)
            is_finished = torch.take_along_dim(torch.cat((is_finished, just), dim=1), merged, dim=1)
        cache_obj.reorder_cache(source_beam)
        new_tokens = running[:, :, cur_len].reshape(-1).tolist()
        parents = source_beam.tolist()
        positions = [spans.advance(rows[b], positions[parents[b]], t) for b, t in enumerate(new_tokens)]
        cur_len += 1
        if bool(torch.all(is_finished)) or bool(torch.all(hits)):
            break
        tokens = running[:, :, :cur_len].reshape(batch * k, cur_len)
    length = prompt + int(finished_len.max())
    return finished.reshape(batch * k, max_length)[:, :length]
