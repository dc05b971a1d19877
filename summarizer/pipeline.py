"""The engine: select sentences, rewrite each with the seq2seq model, realise text.

    article -> sentences -> selector picks 5 (distinct) -> model rewrites each
            -> "takeaway" ; the 2 best -> model writes the "abstract"

Every takeaway keeps the index of the sentence it was written from. Decoding is
beam search, deterministic, optionally constrained to the words of the source
sentence, its context and a short list of function words (so a number or a name
the article does not contain cannot be written). The uncased model's output is
given back its surface form from the article: spans copied from the source keep
their punctuation and the article's own casing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import torch
from transformers import LogitsProcessor, LogitsProcessorList

from .data import ABSTRACT, TAKEAWAY, content, context_for, rewrite_source
from .model import load_seq2seq
from .selector import Selector, embed_sentences, features
from .text import casing_table, detokenize, ensure_sentence_end, recase, split_sentences

CHECKPOINT_NAME = "bert2bert-minilm-news"
DEFAULT_MODEL = Path(os.environ.get("SUMMARIZER_MODEL") or
                     Path(__file__).resolve().parent.parent / "checkpoints" / CHECKPOINT_NAME)


class ModelNotFoundError(FileNotFoundError):
    pass


@dataclass(frozen=True)
class DecodingOptions:
    num_takeaways: int = 5  # the product promises five
    num_beams: int = 4  # beam search; 1 = greedy (about 2x faster on CPU)
    max_takeaway_tokens: int = 48  # a highlight averages ~20 WordPiece tokens
    max_abstract_tokens: int = 96  # the abstract is written from two sentences
    constrain_to_source: bool = True  # only tokens of the source, its context and function words
    max_sentences: int = 200  # sentences past this are not read (the Draft says truncated)
    no_repeat_ngram_size: int = 3  # no trigram twice in one output
    max_source_tokens: int = 96  # as in training (configs/*.yaml: max_source_len)


@dataclass
class Draft:
    sentences: list[str]  # article sentences as split (clauses when there were fewer than five)
    abstract: str
    abstract_sources: list[int]  # indices into sentences
    takeaways: list[str]  # exactly num_takeaways
    takeaway_sources: list[list[int]]  # source sentence indices per takeaway
    fallback: list[bool]  # takeaway i is an article sentence used as-is, not model-written
    truncated: bool  # sentences beyond max_sentences were not read
    flags: list[str] = field(default_factory=list)


# function words and punctuation the constrained decoder may always write
_FUNCTION_WORDS = """the a an of to in on at for by with from and or but as is are was were be been has have had
will would can could may might should must not no it its he she they his her their them this that these those who
which what when where after before over about into than then there also up out more most says said say after
during while amid against under since until between new now year years first last one two three four five
i we you our your us him do does did being been if so all some any many much other police court man woman""".split()
_PUNCT = list(".,;:!?'\"-()$%&/")


class SourceVocabulary(LogitsProcessor):
    """Masks every token that is neither in the row's source nor always allowed."""

    def __init__(self, allowed: torch.Tensor, num_beams: int):
        self.allowed = allowed.repeat_interleave(num_beams, dim=0)  # (batch*beams, vocab) bool

    def __call__(self, input_ids, scores):
        return scores.masked_fill(~self.allowed[:, : scores.shape[-1]].to(scores.device), float("-inf"))


def resolve_device(device: str | torch.device = "auto") -> torch.device:
    if str(device) == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


class Engine:
    """A loaded model + tokenizer + selector. Load once, call `summarize` many times."""

    def __init__(self, path: str | Path | None = None, device: str | torch.device = "auto"):
        self.path = Path(path) if path is not None else DEFAULT_MODEL
        if not (self.path / "config.json").exists():
            raise ModelNotFoundError(
                f"no model at {self.path}: expected a save_pretrained folder (config.json, model.safetensors, "
                "tokenizer). Train one with `summarizer train --config configs/bert2bert-minilm.yaml`, "
                "or pass model=PATH to a local checkpoint.")
        self.device = resolve_device(device)
        dtype = torch.float16 if self.device.type == "cuda" else torch.float32
        self.model, self.tokenizer = load_seq2seq(self.path, device=self.device, dtype=dtype)
        hidden = self.model.config.encoder.hidden_size
        self.selector = (Selector.load(self.path) if (self.path / "selector.safetensors").exists()
                         else Selector.lead_prior(hidden))
        tok = self.tokenizer
        always = {tok.sep_token_id}
        for w in _FUNCTION_WORDS + _PUNCT:
            ids = tok.convert_tokens_to_ids([w])
            if ids and ids[0] != tok.unk_token_id:
                always.add(ids[0])
        self._always = torch.tensor(sorted(always))

    # --- public -----------------------------------------------------------
    @torch.no_grad()
    def summarize(self, texts: list[str], options: DecodingOptions = DecodingOptions(),
                  batch_size: int = 8) -> list[Draft]:
        drafts = []
        for i in range(0, len(texts), batch_size):
            drafts.extend(self._summarize_batch(texts[i:i + batch_size], options))
        return drafts

    # --- steps ------------------------------------------------------------
    def _units(self, text: str, options: DecodingOptions) -> tuple[list[str], bool]:
        sents = split_sentences(text)
        if not sents:
            raise ValueError("the text has no sentence to summarise")
        truncated = len(sents) > options.max_sentences
        sents = sents[: options.max_sentences]
        if len(sents) < options.num_takeaways:
            clauses = [c.strip() for s in sents for c in _CLAUSE.split(s)]
            clauses = [c for c in clauses if len(c.split()) >= 4]
            if len(clauses) > len(sents):
                sents = clauses
        return sents, truncated

    def _summarize_batch(self, texts: list[str], options: DecodingOptions) -> list[Draft]:
        k = options.num_takeaways
        docs = [self._units(t, options) for t in texts]
        flat = [s for sents, _ in docs for s in sents]
        emb_all = embed_sentences(self.model, self.tokenizer, flat, self.device)
        plans, start = [], 0
        for sents, truncated in docs:
            emb = emb_all[start:start + len(sents)]
            start += len(sents)
            scores = self.selector.scores(features(emb, sents))
            picked = self.selector.pick(scores, emb, k)
            abstract_src = sorted(self.selector.pick(scores, emb, min(2, len(sents))))
            plans.append((sents, truncated, picked, abstract_src, scores, emb))
        # rewrite every picked sentence of every article in one batched generate
        rows = [(d, i) for d, p in enumerate(plans) for i in p[2]]
        outs = self._generate([(TAKEAWAY, plans[d][0], [i]) for d, i in rows], options, options.max_takeaway_tokens)
        rewrites = {(d, i): o for (d, i), o in zip(rows, outs)}
        abstracts = self._generate([(ABSTRACT, p[0], p[3]) for p in plans], options, options.max_abstract_tokens)
        drafts = []
        for d, (sents, truncated, picked, abstract_src, scores, emb) in enumerate(plans):
            table = casing_table(texts[d])
            takeaways, sources, fallback, flags = [], [], [], []
            for i in picked:
                text, fb = self._finish(rewrites[(d, i)], sents[i], table)
                if any(_near_duplicate(text, t) for t in takeaways):
                    text, fb = self._finish("", sents[i], table)
                takeaways.append(text)
                sources.append([i])
                fallback.append(fb)
            while len(takeaways) < k:  # fewer distinct units than takeaways: fill, and say so
                i = len(takeaways) % len(sents)
                takeaways.append(ensure_sentence_end(recase(sents[i], table)))
                sources.append([i])
                fallback.append(True)
                flags.append("takeaway_filled")
            abstract = " ".join(split_sentences(_realize_case(abstracts[d], table))[:3])
            if len(abstract.split()) < 4:
                abstract = " ".join(sents[i] for i in abstract_src)
                flags.append("abstract_fallback")
            if truncated:
                flags.append("input_truncated")
            drafts.append(Draft(sents, ensure_sentence_end(abstract), abstract_src, takeaways, sources, fallback,
                                truncated, sorted(set(flags))))
        return drafts

    def _finish(self, generated: str, source: str, table: dict) -> tuple[str, bool]:
        """Final surface text of a takeaway; the source sentence when the model gave nothing usable."""
        text = _realize_case(generated, table)
        if len(content(text)) < 2:
            return ensure_sentence_end(recase(source, table)), True
        return ensure_sentence_end(text), False

    def _generate(self, items, options: DecodingOptions, max_new_tokens: int) -> list[str]:
        """items: (mode, sentences, indices). Returns the realised text of each rewrite."""
        if not items:
            return []
        tok = self.tokenizer
        sources = [rewrite_source(mode, [sents[i] for i in idx]) for mode, sents, idx in items]
        contexts = [context_for(sents, idx) for _, sents, idx in items]
        enc = tok(sources, contexts, truncation="longest_first", max_length=options.max_source_tokens,
                  padding=True, return_tensors="pt")
        kwargs = {}
        if options.constrain_to_source:
            allowed = torch.zeros(len(items), self.model.config.decoder.vocab_size
                                  if hasattr(self.model.config, "decoder") else len(tok), dtype=torch.bool)
            allowed[:, self._always] = True
            allowed.scatter_(1, enc["input_ids"], True)
            allowed[:, [tok.pad_token_id, tok.cls_token_id]] = False
            kwargs["logits_processor"] = LogitsProcessorList([SourceVocabulary(allowed, options.num_beams)])
        out = self.model.generate(
            input_ids=enc["input_ids"].to(self.device), attention_mask=enc["attention_mask"].to(self.device),
            num_beams=options.num_beams, max_new_tokens=max_new_tokens, no_repeat_ngram_size=options.no_repeat_ngram_size,
            early_stopping=True, do_sample=False, **kwargs)
        texts = []
        for ids, source, context in zip(out.tolist(), sources, contexts):
            texts.append(realize(ids, source + " " + context, tok))
        return [re.sub(r"^(takeaway|abstract)\s*:\s*", "", t) for t in texts]


_CLAUSE = re.compile(r"(?<=[;:])\s+|\s+(?:--|\u2014)\s+|,\s+(?=(?:and|but|while|which|who|after)\b)")


def _near_duplicate(a: str, b: str, threshold: float = 0.6) -> bool:
    x, y = set(content(a)), set(content(b))
    return bool(x and y) and len(x & y) / len(x | y) > threshold


def _realize_case(text: str, table: dict) -> str:
    return recase(detokenize(text), table) if text.strip() else ""


def realize(gen_ids: list[int], src_text: str, tokenizer) -> str:
    """Text of generated ids, copying the surface form of runs found in the source.

    WordPiece decoding loses the article's spacing ("$ 41. 1") and casing; a run
    of generated tokens that also occurs in the source is replaced by the
    source's own characters. Tokens not in the source are decoded as usual.
    """
    special = set(tokenizer.all_special_ids)
    gen = [t for t in gen_ids if t not in special]
    enc = tokenizer(src_text, add_special_tokens=False, return_offsets_mapping=True)
    sid, offs = enc["input_ids"], enc["offset_mapping"]
    where: dict[int, list[int]] = {}
    for j, t in enumerate(sid):
        where.setdefault(t, []).append(j)
    pieces: list[tuple[str, bool]] = []  # (text, glue to previous)
    i = 0
    while i < len(gen):
        best_j, best_len = -1, 0
        for j in where.get(gen[i], ()):
            n = 0
            while i + n < len(gen) and j + n < len(sid) and sid[j + n] == gen[i + n]:
                n += 1
            if n > best_len:
                best_j, best_len = j, n
        first = tokenizer.convert_ids_to_tokens(gen[i])
        glue = first.startswith("##")
        if best_len:
            a, b = offs[best_j][0], offs[best_j + best_len - 1][1]
            pieces.append((src_text[a:b], glue))
            i += best_len
        else:
            pieces.append((first[2:] if glue else first, glue))
            i += 1
    out = ""
    for text, glue in pieces:
        out += text if (glue or not out) else " " + text
    return out


def make_tiny_checkpoint(out_dir: str | Path, seed: int = 0) -> Path:
    """A tiny randomly initialised checkpoint (model, tokenizer, selector) for tests."""
    from .model import build_random, save_checkpoint

    model, tokenizer = build_random(seed=seed)
    out = save_checkpoint(model, tokenizer, out_dir, fp16=False)
    Selector.lead_prior(model.config.encoder.hidden_size).save(out)
    return out
