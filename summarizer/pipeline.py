"""The engine: select sentences, rewrite each with the seq2seq model, check, realise text.

    article -> sentences -> extractor or selector picks 5 (distinct) -> model rewrites each
            -> "takeaway" ; the 2 best -> model writes the "abstract"
            -> each rewrite checked against its sentence (faithfulness.unfaithful)

Every takeaway keeps the index of the sentence it was written from. Decoding is
beam search, deterministic, optionally constrained to the words of the source
sentence, its context and a short list of function words. A rewrite that states a
number its sentence does not state as written, a name or subject the sentence does
not have, or that is not a complete sentence, is replaced by the sentence as
written (flag rewrite_rejected). The uncased model's output is given back its
surface form from the article: spans copied from the source keep their punctuation
and the article's own casing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import torch
from transformers import LogitsProcessorList

from .clean import BOX_BREAK
from .cuts import _open_marks, checked_cuts, holder_cut, unlisted_cuts
from .decoding import SourceSpans, beam_cache, beam_search, source_vocabulary, supports_small_vocabulary
from .extractor import SUBFOLDER as EXTRACTOR_SUBFOLDER
from .extractor import Extractor
from .faithfulness import (TITLES, first_sentence, has_verb, is_caption, is_promo, is_question, opening_only,
                           opens_mid_quote, opens_quote_unattributed, plain_quote, relative_clause_only,
                           speaks_unattributed, unfaithful)
from .model import load_seq2seq, pad_rows, width_groups
from .options import DTYPES, NUM_TAKEAWAYS, SummarizeOptions
from .prompt import ABSTRACT, TAKEAWAY, content, context_for, rewrite_source, strip_mode, tokens
from .selector import Selector, embed_sentences, features
from .support import SUBFOLDER as SUPPORT_SUBFOLDER
from .support import SupportClassifier
from .text import (casing_table, detokenize, ensure_sentence_end, looks_english, recase, split_sentences,
                   split_sentences_cut)

CHECKPOINT_NAME = "bert2bert-minilm-news"
DEFAULT_MODEL = Path(os.environ.get("SUMMARIZER_MODEL") or
                     Path(__file__).resolve().parent.parent / "checkpoints" / CHECKPOINT_NAME)


class ModelNotFoundError(FileNotFoundError):
    pass


def model_path(model: str | Path | None) -> Path:
    """The checkpoint folder a `model` option names: `~` expanded, absolute; None is the default
    checkpoint ($SUMMARIZER_MODEL, else checkpoints/bert2bert-minilm-news), and so is "" (an unset option)."""
    return Path(model).expanduser().resolve() if model not in (None, "") else DEFAULT_MODEL


# source tokens of one rewrite (sentence + context) when the checkpoint does not say
# (its training_config.json: max_source_len): the length the model was trained on
DEFAULT_MAX_SOURCE_TOKENS = 96


@dataclass
class Draft:
    sentences: list[str]  # article sentences as split (clauses when there were fewer than five)
    abstract: str
    abstract_sources: list[int]  # indices into sentences
    takeaways: list[str]  # exactly NUM_TAKEAWAYS
    takeaway_sources: list[list[int]]  # source sentence indices per takeaway
    fallback: list[bool]  # takeaway i is an article sentence used as-is, not model-written
    truncated: bool  # sentences beyond max_sentences were not read
    flags: list[str] = field(default_factory=list)
    ranking: list[int] = field(default_factory=list)  # sentence indices, most salient first (the selection)
    rejected: list[str] = field(default_factory=list)  # why rewrites were replaced by their sentence (evaluation)
    support_prob: list[float] = field(default_factory=list)  # per takeaway, the support classifier's P(supported)


# A takeaway is one sentence and the abstract one to three: text quoted from the article as-is
# (a fallback, or a "sentence" from text without boundaries) is cut to these many words, with an
# ellipsis, and flagged quote_shortened. The model's own rewrites are capped in tokens
# (max_takeaway_tokens, max_abstract_tokens); these caps hold quotes to a few times that length
MAX_TAKEAWAY_QUOTE_WORDS = 75
MAX_ABSTRACT_QUOTE_WORDS = 120


def shorten(text: str, max_words: int) -> tuple[str, bool]:
    """(text cut to at most max_words words and 8 characters a word, with an ellipsis; whether it
    was cut). The character bound (an English word and its space average about 6) holds text with
    no spaces at all to the same size."""
    words = text.split()
    limit = max_words * 8
    if len(words) <= max_words and len(text) <= limit:
        return text, False
    out = " ".join(words[:max_words])
    if len(out) > limit:
        space = out.rfind(" ", 0, limit)
        out = out[:space] if space > limit // 2 else out[:limit]
    return out.rstrip(",;: ") + " \u2026", True


# share of its sentences' word pieces an abstract keeps at least (when it can)
ABSTRACT_MIN_KEEP = 0.4
# a quoted abstract takes the best of its sentences until it has this many words (Inshorts abstracts
# average 60 words, XSum's 23)
ABSTRACT_QUOTE_WORDS = 40
# tokens the constrained decoder may always write: a sentence's words come from the sentence itself
_FREE_TOKENS = ["the", "a", "an", "."]


def source_length(path: Path) -> int:
    """Source tokens of one rewrite, as the checkpoint was trained (`training_config.json`: max_source_len)."""
    import json

    cfg = path / "training_config.json"
    try:
        return int(json.loads(cfg.read_text())["max_source_len"])
    except (OSError, ValueError, KeyError, TypeError):  # a checkpoint from elsewhere (T5, BART): the default
        return DEFAULT_MAX_SOURCE_TOKENS


def resolve_device(device: str | torch.device = "auto") -> torch.device:
    if str(device) == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    return torch.device(device)


@lru_cache(maxsize=1)
def cpu_has_native_bf16() -> bool:
    """True when this CPU computes in bfloat16 natively (AVX-512 BF16 or AMX): there bf16 weights
    make decoding about twice as fast as fp32. Elsewhere (AVX2 laptops, ARM) bf16 is emulated and slow."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return bool(re.search(r"\b(avx512_bf16|amx_bf16)\b", flags))


def resolve_dtype(dtype: str, device: torch.device) -> torch.dtype:
    """The weights' dtype: "auto" is float16 on CUDA, bfloat16 on a CPU with native bf16, else float32."""
    if dtype not in DTYPES:
        raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, not {dtype!r}")
    if dtype == "auto":
        if device.type == "cuda":
            return torch.float16
        return torch.bfloat16 if cpu_has_native_bf16() else torch.float32
    return getattr(torch, dtype)


# source tokens decoded by one generate call: memory is bounded by this, not by articles per batch.
# generate copies each row's encoder states to its beams, so 64 takeaway rows at 4 beams grew a process
# by 333 MB (their cross-attention keys and values in bf16) and took it past 1 GB at batch 32; 40 rows
# (a batch of 8 articles' takeaways, in one call), or 13 to 40 abstract rows by their width, keep it under
MAX_TOKENS_PER_GENERATE = 40 * 96
DEFAULT_BEAMS = SummarizeOptions().num_beams  # the width MAX_TOKENS_PER_GENERATE was measured at


class Engine:
    """A loaded model + tokenizer + selector. Load once, call `summarize` many times."""

    def __init__(self, path: str | Path | None = None, device: str | torch.device = "auto", dtype: str = "auto"):
        self.path = model_path(path)
        if not (self.path / "config.json").exists():
            raise ModelNotFoundError(
                f"no model at {self.path}: expected a save_pretrained folder (config.json, model.safetensors, "
                "tokenizer). Train one with `summarizer train --config configs/bert2bert-minilm.yaml`, "
                "or pass model=PATH to a local checkpoint.")
        self.device = resolve_device(device)
        self.dtype = resolve_dtype(dtype, self.device)
        self.model, self.tokenizer = load_seq2seq(self.path, device=self.device, dtype=self.dtype)
        self.max_source_tokens = source_length(self.path)
        # the longest input the encoder can read (BERT and BART: absolute positions; T5: no limit)
        self.max_positions = getattr(getattr(self.model.config, "encoder", self.model.config), "max_position_embeddings",
                                     None) or 1 << 30
        if self.device.type == "cpu" and self.dtype == torch.bfloat16:
            # measured on 2 AVX-512 cores: PyTorch's fused CPU attention in bf16 took a third of decoding,
            # the plain implementation is 1.2x faster end to end (in fp32 the two are equal)
            try:
                self.model.set_attn_implementation("eager")
            except (AttributeError, ValueError):  # an older transformers, or a model without the choice
                pass
        cfg = self.model.config
        hidden = cfg.encoder.hidden_size if hasattr(cfg, "encoder") else cfg.d_model  # ours, or T5 / BART
        self.selector = (Selector.load(self.path) if (self.path / "selector.safetensors").exists()
                         else Selector.lead_prior(hidden))
        # the document-level extractor, when the checkpoint has one (`<checkpoint>/extractor/`); else the
        # per-sentence selector above
        self.extractor = None
        if Extractor.present(self.path):
            self.extractor = Extractor.load(self.path / EXTRACTOR_SUBFOLDER, device=self.device, dtype=self.dtype)
            # it keeps PyTorch's fused attention (SDPA), in bf16 on CPU too: 64 ms a 600-word article on 2 cores,
            # against 94-122 ms with the plain one the rewriter uses. The two round differently: 296 of 300 cased
            # validation articles keep the same top 5 sentences, 297 the same top 3
        # the support classifier, when the checkpoint has one (`<checkpoint>/support/`): it borrows the
        # extractor's embeddings, so it needs the extractor
        self.support = None
        if self.extractor is not None and SupportClassifier.present(self.path):
            self.support = SupportClassifier.load(self.path / SUPPORT_SUBFOLDER,
                                                  self.extractor.model.bert.embeddings, self.device, self.dtype)
        tok = self.tokenizer
        free = {t for t in (tok.sep_token_id, tok.eos_token_id) if t is not None}
        for w in _FREE_TOKENS:
            for form in (w, "\u2581" + w, "\u0120" + w):  # WordPiece, SentencePiece (T5), byte BPE (BART)
                ids = tok.convert_tokens_to_ids([form])
                if ids and ids[0] is not None and ids[0] != tok.unk_token_id:
                    free.add(ids[0])
        self._free = sorted(free)
        self._continuation = {i for t, i in tok.get_vocab().items() if t.startswith("##")}
        self._colon = tok.convert_tokens_to_ids(":")

    # --- public -----------------------------------------------------------
    @torch.no_grad()
    def summarize(self, texts: list[str], options: SummarizeOptions = SummarizeOptions(),
                  flags: list[list[str]] | None = None) -> list[Draft]:
        """Drafts of article texts (already cleaned: `api.prepare`), `options.batch_size` at a time.
        `flags`: what cleaning said of each text; each draft's flags are all there is to say of it."""
        drafts = []
        step = options.batch_size
        flags = flags or [[] for _ in texts]
        for i in range(0, len(texts), step):
            boxed = ["side_box_moved" in f for f in flags[i:i + step]]
            drafts.extend(self._summarize_batch(texts[i:i + step], options, boxed))
        for draft, more in zip(drafts, flags):
            draft.flags = sorted(set(draft.flags) | set(more))
        return drafts

    # --- steps ------------------------------------------------------------
    def _units(self, text: str, options: SummarizeOptions, boxed: bool = False):
        """(units to summarise, truncated, the article's casing table, flags, how many units the story
        has): one sentence split serves all. `boxed`: cleaning moved side boxes after the story, past
        a blank line (`BOX_BREAK`); the units after it are theirs."""
        story, _, boxes = text.partition(BOX_BREAK) if boxed else (text, "", "")
        split, cut = split_sentences_cut(story)
        in_story = len(split)
        if boxes:
            more, cut_box = split_sentences_cut(boxes)
            split, cut = split + more, cut or cut_box
        if not split:
            raise ValueError("the text has no sentence to summarise")
        flags = (["long_sentence_cut"] if cut else []) + ([] if looks_english(text) else ["not_english"])
        truncated = len(split) > options.max_sentences
        sents = split[: options.max_sentences]
        if len(sents) < NUM_TAKEAWAYS:
            clauses = [c.strip() for s in sents for c in _CLAUSE.split(s)]
            clauses = [c for c in clauses if len(c.split()) >= 4]
            if len(clauses) > len(sents):
                sents, in_story = clauses, len(clauses)  # too short to tell story from box: all count
        return sents, truncated, casing_table(split), flags, min(in_story, len(sents))

    def _summarize_batch(self, texts: list[str], options: SummarizeOptions,
                         boxed: list[bool] | None = None) -> list[Draft]:
        k = NUM_TAKEAWAYS
        units = [self._units(t, options, b) for t, b in zip(texts, boxed or [False] * len(texts))]
        docs = []
        if self.extractor is not None:
            scored = self.extractor.score([sents for sents, *_ in units])
            for (sents, truncated, table, flags, in_story), (scores, _) in zip(units, scored):
                docs.append(_Doc(sents, truncated, _ranking(scores, in_story), None, table, flags))
        else:
            emb_all = embed_sentences(self.model, self.tokenizer, [s for sents, *_ in units for s in sents],
                                      self.device)
            start = 0
            for sents, truncated, table, flags, in_story in units:
                emb = emb_all[start:start + len(sents)]
                start += len(sents)
                scores = self.selector.scores(features(emb, sents))
                docs.append(_Doc(sents, truncated, _ranking(scores, in_story), emb, table, flags))
        # rounds of rewriting, all articles batched together: each article proposes its best
        # untried sentences until it has k takeaways that are not near-duplicates of each other
        judged: dict[tuple[str, str], float] = {}  # (rewrite, sentence) -> the support classifier's P(supported)
        listed = options.cuts == "listed"
        for _ in range(3):
            rows = [(doc, i) for doc in docs for i in doc.candidates(k - len(doc.accepted))]
            if not rows:
                break
            outs = self._generate([(TAKEAWAY, doc.sents, [i], doc.table) for doc, i in rows], options,
                                  options.max_takeaway_tokens)
            # the first beam each row's rules pass; with a classifier, judged in one batched pass, and only
            # for the rows whose first falls short, every other beam the rules pass, in a second
            checked = [_supported(candidates, doc.sents[i], context_for(doc.sents, [i]), first_only=True,
                                  listed=listed) for (doc, i), candidates in zip(rows, outs)]
            self._retry(rows, outs, checked, options)
            self._judge([(texts[0], doc.sents[i]) for (doc, i), (texts, _) in zip(rows, checked) if texts], judged)
            if self.support is not None:
                for r, ((doc, i), (texts, _)) in enumerate(zip(rows, checked)):
                    if texts and judged[(texts[0], doc.sents[i])] < self.support.threshold:
                        checked[r] = _supported(outs[r], doc.sents[i], context_for(doc.sents, [i]), listed=listed)
                self._judge([(t, doc.sents[i]) for (doc, i), (texts, _) in zip(rows, checked) for t in texts[1:]],
                            judged)
            for (doc, i), (texts, problems) in zip(rows, checked):
                doc.offer(i, texts, problems, judged, self.support.threshold if self.support else None)
        abstract_src = [sorted(doc.ranking[:min(options.abstract_sentences, len(doc.sents))]) for doc in docs]
        abstracts = self._generate([(ABSTRACT, doc.sents, src, doc.table) for doc, src in zip(docs, abstract_src)], options,
                                   options.max_abstract_tokens)
        drafts = [doc.draft(k, abstract, src) for doc, abstract, src in zip(docs, abstracts, abstract_src)]
        if self.support is not None:  # every takeaway's score: quotes and fills too
            pairs = [[(t, " ".join(d.sentences[j] for j in idx)) for t, idx in zip(d.takeaways, d.takeaway_sources)]
                     for d in drafts]
            self._judge([pair for ps in pairs for pair in ps], judged)
            for d, ps in zip(drafts, pairs):
                d.support_prob = [round(judged[pair], 3) for pair in ps]
        return drafts

    def _retry(self, rows: list, outs: list, checked: list, options: SummarizeOptions) -> None:
        """Rows none of whose beams the rules pass are decoded again, with `options.retry_beams` beams:
        the wider search finds a safe deletion for many of them, which a reader gets instead of the whole
        sentence quoted. `outs` and `checked` take the new beams of the rows where one passes."""
        if options.retry_beams <= options.num_beams:
            return
        again = [r for r, (texts, problems) in enumerate(checked) if not texts and problems]
        if not again:
            return
        wide = replace(options, num_beams=options.retry_beams)
        more = self._generate([(TAKEAWAY, rows[r][0].sents, [rows[r][1]], rows[r][0].table) for r in again], wide,
                              options.max_takeaway_tokens)
        for r, candidates in zip(again, more):
            doc, i = rows[r]
            found = _supported(candidates, doc.sents[i], context_for(doc.sents, [i]), first_only=True,
                               listed=options.cuts == "listed")
            if found[0]:
                outs[r], checked[r] = candidates, found

    def _judge(self, pairs: list[tuple[str, str]], judged: dict) -> None:
        """The support classifier's P(supported) of each (text, source) pair not judged yet, into
        `judged`, in one batched pass (nothing without a classifier)."""
        todo = list(dict.fromkeys(p for p in pairs if p not in judged))
        if self.support is None or not todo:
            return
        for pair, prob in zip(todo, self.support.score([t for t, _ in todo], [s for _, s in todo])):
            judged[pair] = prob

    def _generate(self, items, options: SummarizeOptions, max_new_tokens: int) -> list[list[str]]:
        """items: (mode, sentences, indices, casing table). Returns each item's rewrites, realised: the
        finished beams, best first (the engine takes the first that its sentence supports)."""
        if not items:
            return []
        tok = self.tokenizer
        sources = [rewrite_source(mode, [sents[i] for i in idx]) for mode, sents, idx, _ in items]
        contexts = [context_for(sents, idx) for _, sents, idx, _ in items]
        # a row reads at most the checkpoint's source length for each of its sentences (an abstract reads
        # several), within the encoder's positions, and is padded to a whole number of those lengths, not to
        # its own: its result depends on nothing else in the batch, and a batch's rewrites go in one or two
        # `generate` calls (in chunks of MAX_TOKENS_PER_GENERATE tokens), not one per length rounded to 16.
        # 16 cased validation articles, batch 8, 2 cores, one process, interleaved: 7.65-7.80 s against
        # 9.22-10.83 s (and 7.34-7.87 s with every row padded to its cap, but a single call 0.67-0.70 s
        # against 0.57-0.62 s); 48 articles give the same outputs
        unit = self.max_source_tokens
        caps = [min(unit * len(idx), self.max_positions) for _, _, idx, _ in items]
        rows: list = [None] * len(items)
        for cap in set(caps):
            idx = [i for i, c in enumerate(caps) if c == cap]
            enc = tok([sources[i] for i in idx], [contexts[i] for i in idx], truncation="longest_first",
                      max_length=cap)["input_ids"]
            for i, row in zip(idx, enc):
                rows[i] = row
        out: list = [None] * len(rows)
        # every row is within its own cap, a whole number of units or the encoder's limit: rounding up to a
        # unit within the largest cap never passes it
        for width, idx in width_groups(rows, max(caps), multiple=unit).items():
            # wider beams hold more cache per row: as many beam-tokens a call as at the default width
            step = max(1, MAX_TOKENS_PER_GENERATE * DEFAULT_BEAMS // (width * max(options.num_beams, DEFAULT_BEAMS)))
            for j in range(0, len(idx), step):
                chunk = idx[j:j + step]
                ids, mask = pad_rows([rows[i] for i in chunk], width, tok.pad_token_id or 0)
                for i, written in zip(chunk, self._generate_rows(ids, mask, options, max_new_tokens,
                                                                 abstract=items[0][0] == ABSTRACT)):
                    out[i] = written
        written = []
        for beams, source, context, item in zip(out, sources, contexts, items):
            text = source + " " + context
            index = source_index(text, tok)
            written.append([strip_mode(realize(ids, text, tok, item[3], index)) for ids in beams])
        return written

    def _generate_rows(self, input_ids, attention_mask, options: SummarizeOptions, max_new_tokens: int,
                       abstract: bool = False) -> list:
        """Token ids written for one chunk of rows: each row's beams, best first."""
        tok = self.tokenizer
        kwargs = {}
        if options.num_beams > 1 and self.model.config.is_encoder_decoder:
            kwargs.update(beam_cache(self.model))
        if not options.constrain_to_source:
            return self._beams(self._generate_ids(input_ids, attention_mask, options, max_new_tokens, kwargs),
                               options.num_beams)
        sources = []
        for row in input_ids.tolist():  # [CLS] mode : sentence [SEP] context [SEP]
            end = row.index(tok.sep_token_id) if tok.sep_token_id in row else len(row)
            head = row[1:5]  # the mode ("takeaway :" / "abstract :") is not the sentence's
            start = 1 + (head.index(self._colon) + 1 if self._colon in head else 0)
            sources.append(row[start:end])
        # an abstract keeps at least ABSTRACT_MIN_KEEP of its sentences' pieces: left free, it wrote
        # one sentence (a copy of takeaway 1) in most articles
        min_new = [int(ABSTRACT_MIN_KEEP * len(src)) if abstract else 0 for src in sources]
        end = {t for t in (tok.sep_token_id, tok.eos_token_id) if t is not None}
        free, cont, keep = self._free, self._continuation, None
        if supports_small_vocabulary(self.model):
            # decode in the few hundred tokens these rows may write, not the 30,522 of the vocabulary:
            # beam search then sorts and masks short rows; the scores stay the full vocabulary's (`decoding`)
            cfg = self.model.generation_config
            special = {k: getattr(cfg, k) for k in ("decoder_start_token_id", "bos_token_id", "eos_token_id",
                                                    "pad_token_id") if isinstance(getattr(cfg, k), int)}
            keep = sorted({t for src in sources for t in src} | set(free) | end | set(special.values()))
            small = {t: i for i, t in enumerate(keep)}
            sources = [[small[t] for t in src] for src in sources]
            free, cont, end = [small[t] for t in free], {small[t] for t in keep if t in cont}, {small[t] for t in end}
            kwargs.update({k: small[t] for k, t in special.items()})
        spans = SourceSpans(sources, options.num_beams, free, cont, end, min_new)
        kwargs["logits_processor"] = LogitsProcessorList([spans])
        if keep is None:
            return self._beams(self._generate_ids(input_ids, attention_mask, options, max_new_tokens, kwargs),
                               options.num_beams)
        with source_vocabulary(self.model, keep) as table:
            if options.num_beams > 1 and end == {kwargs.get("eos_token_id")} and "decoder_start_token_id" in kwargs:
                # the engine's own loop: generate's steps and arithmetic, less of its overhead
                ids = beam_search(self.model, input_ids.to(self.device), attention_mask.to(self.device),
                                  spans, options.num_beams, max_new_tokens,
                                  options.no_repeat_ngram_size, kwargs["decoder_start_token_id"],
                                  kwargs["eos_token_id"], self.model.generation_config.length_penalty)
            else:
                ids = self._generate_ids(input_ids, attention_mask, options, max_new_tokens, kwargs)
            return self._beams(table[ids], options.num_beams)

    def _generate_ids(self, input_ids, attention_mask, options: SummarizeOptions, max_new_tokens: int,
                      kwargs: dict) -> torch.Tensor:
        return self.model.generate(
            input_ids=input_ids.to(self.device), attention_mask=attention_mask.to(self.device),
            num_beams=options.num_beams, num_return_sequences=options.num_beams, max_new_tokens=max_new_tokens,
            no_repeat_ngram_size=options.no_repeat_ngram_size, early_stopping=options.num_beams > 1,
            do_sample=False, **kwargs)

    @staticmethod
    def _beams(out: torch.Tensor, n: int) -> list:
        """Each row's n finished beams, best first: the sentence may support only a later one."""
        out = out.tolist()
        return [out[r * n:(r + 1) * n] for r in range(len(out) // n)]


def _first_supported(candidates: list[str], source: str, context: str, max_sentences: int = 1,
                     min_words: int = 2, unlike: str = "") -> tuple[str | None, list[str]]:
    """(the first candidate, finished as a sentence, that `source` supports and that is no near-duplicate
    of `unlike`, []), or (None, the first real candidate's problems) when none is: [] when the model
    wrote nothing usable."""
    texts, problems = _supported(candidates, source, context, max_sentences, min_words, unlike, first_only=True)
    return (texts[0], []) if texts else (None, problems)


def _supported(candidates: list[str], source: str, context: str, max_sentences: int = 1, min_words: int = 2,
               unlike: str = "", first_only: bool = False, listed: bool = False) -> tuple[list[str], list[str]]:
    """(the candidates, finished as sentences, that `source` supports by the rules (with `listed`, only by
    cuts of a listed safe kind: `unlisted_cuts`; without it, with the checks of that list the default adds:
    `checked_cuts`) and that are no near-duplicate of `unlike`, best first; the first real candidate's
    problems, [] when the model wrote nothing usable or the first one passes)."""
    first_problems = None
    passing: list[str] = []
    for raw in candidates:
        text = detokenize(raw)
        if max_sentences > 1:  # an abstract: at most this many sentences
            text = " ".join(_capitalize(x) for x in split_sentences(text)[:max_sentences])
        text = ensure_sentence_end(_capitalize(_PHOTO_MARK.sub("", text)))  # "Raul's (l) club record"
        if len(content(text)) < 2 or len(text.split()) < min_words:
            continue
        problems = unfaithful(text, source, context)
        if not problems:
            problems = (unlisted_cuts if listed else checked_cuts)(text, source, context)
        if not problems:
            if unlike and similarity(text, unlike) >= NEAR_DUPLICATE or text in passing:
                continue
            passing.append(text)
            if first_only:
                break
            continue
        if first_problems is None:
            first_problems = problems
    return passing, ([] if passing else first_problems or [])


# where someone stands in a photo, which a rewrite may copy: "the forward is catching Raul's (l) club record"
_PHOTO_MARK = re.compile(r"\s*\((?:(?:far|second|third) )?(?:left|right|centre|center|l|r|top|bottom|pictured)\)",
                         re.I)
# a unit the splitter cut at an initial: "... who is co-chair of the a." (the A. Alfred Taubman Foundation)
_CUT_AT_INITIAL = re.compile(r"\s[a-hj-z]\.$")
# a unit the splitter cut after a determiner or a title: "... in five separate operations, the.", "... sgt."
_ENDS_ON_A_DETERMINER = re.compile(r"\b(?:" + "|".join(sorted(TITLES | {"the", "a", "an"})) + r")\.$", re.I)
# an item of a list ("a) being a global leader in ..."), a "that" clause without its main clause
_LIST_ITEM = re.compile(r"^\s*\(?[a-h1-9]\)\s|^that (?:a|an|the|his|her|their|its)\b", re.I)


# a teaser cut off after a word that needs more: "Just 10 seconds after the worker told police that..."
_TRAILS_OFF = re.compile(r"\b(?:that|the|a|an|and|or|but|to|of|with|for|in|on|at|by|from|as|if|when|who|which)\s*"
                         r"(?:\.\.\.|\u2026)\s*$", re.I)
# a unit that opens with a verb in the past and has no subject, where the splitter cut a title off its sentence ("I'm
# a Celebrity... Get Me Out of Here! | aired on Network Ten and involved ...") (not an opening participle, which a
# comma closes, "Based in London, the firm ...", nor an inversion, "Added to this is ..."): two verbs and no subject;
# or that opens with an auxiliary and a verb, the entry of a player's rating under his name ("Could do nothing to stop
# Coutinho's winner but ..."), not a question
_NO_SUBJECT = re.compile(r"^[a-z]{3,}ed\s+(?:on|in|at|by|for|from|with|into|during)\b[^,;:]*\band\s+[a-z]{3,}ed\b"
                         r"(?![^,;:]*[,;:])(?!.*\b(?:is|are|was|were)\b)"
                         r"|^(?:could|would|should|did|was|were|has|had)\s+(?:not\s+|n't\s+)?"
                         r"(?:do|be|have|make|get|take|go|come|see|been|done|made|got|taken|nothing|little|well|enough)\b"
                         r"(?!.*\?\s*$)", re.I)
# a sentence that only announces what follows: "Here's what the critics are saying:."
_LEAD_IN = re.compile(r":\s*[.!?]?\s*$")
# a unit that opens with the last words of a quotation: "His fight. ' McIlroy and Woods will line up ..."
_QUOTE_TAIL = re.compile(r"^\S+(?:\s\S+){0,2}[.!?]\s*['\u2019\"\u201d]\s")


def _takeable(sentence: str) -> bool:
    """Whether a takeaway may be written from `sentence`: it has a verb (a caption such as "Dress, £270, at
    johnlewis.com." has none), does not begin inside a quotation, is no question ("How do I get tickets?" is a
    heading), no promotion, link label or table line (`is_promo`), no noun with only a relative clause ("The fight
    which made George Foreman famous in defeat.", a caption), no opening phrase with only a relative clause ("At the
    driving experience, which bills itself as ..."), not cut at an initial, after "the" or at a title ("co-chair of
    the a.", "... washougal sgt."), no item of a list ("a) being ..."), no "that" clause alone, no heading under
    four words ("Centre-backs.") and no teaser that trails off, short or cut after a word that needs more ("For
    Biden, watch, wait and...", "... told police that..."), no photo's caption (`is_caption`: "Jose Luis Gaya
    celebrates after scoring ...", "Father-of-two: Paul Doyle, 56, ..."), no one's words without who says them
    (`speaks_unattributed`: "I'm progressing with my rehab ...", a unit of one sentence; in a unit of several the
    rewrite check refuses what keeps only those words), no lead-in ("Here's what the critics are saying:"), no unit
    that opens with a quotation's last words ("His fight. ' McIlroy and Woods ...") and none that opens someone's
    words and leaves them open with no word of who speaks ('"People are ready for a woman president.'), and none
    without a subject (`_NO_SUBJECT`: "aired on Network Ten and involved ...", "Could do nothing to stop ...").
    A fixture list ("X United vs Y (3pm) ...") has no verb: `has_verb` reads "United" as none."""
    return has_verb(sentence) and not opens_mid_quote(sentence) and not is_question(sentence) \
        and not is_promo(sentence) and not is_caption(sentence) and not relative_clause_only(sentence) \
        and not (speaks_unattributed(sentence) and first_sentence(sentence, 1) == sentence) \
        and not opening_only(sentence) \
        and not _CUT_AT_INITIAL.search(sentence) and not _LIST_ITEM.match(sentence) and len(sentence.split()) >= 4 \
        and not (sentence.rstrip().endswith(("...", "\u2026"))
                 and (len(sentence.split()) < 10 or _TRAILS_OFF.search(sentence))) \
        and not _ENDS_ON_A_DETERMINER.search(sentence) and not _LEAD_IN.search(sentence) \
        and not _QUOTE_TAIL.match(sentence) and not opens_quote_unattributed(sentence) \
        and not _NO_SUBJECT.match(sentence)


def _quote(sentence: str) -> str:
    """What a takeaway quotes of its sentence when no rewrite of it can be trusted: `plain_quote`'s sentence,
    only its first when the splitter left several in one, ending as a sentence. A closing attribution stays
    when what it attributes is a view (`holder_cut`: "..., according to former international Dietmar Hamann")."""
    quoted = plain_quote(sentence)
    if holder_cut(quoted, sentence):
        quoted = plain_quote(sentence, attribution=True)
    return ensure_sentence_end(first_sentence(quoted))


_SPEAKING = frozenset("i me my we our you your".split())  # not "us": "the US flag"


def _someones_words(quoted: str, unit: str) -> bool:
    """Whether a quote of `unit` (`_quote`) is someone's words with no word of who says them: a first-person
    pronoun and no speech verb (`speaks_unattributed`), or the end of a quotation that opened before the unit
    ("To turn down one hundred grand a week in our world is crazy ... in the world. ' Sterling shares ...": the
    sentence has no quote mark, and the mark after it closes, an odd number following)."""
    if speaks_unattributed(quoted):
        return True
    head = first_sentence(unit)
    rest = unit[len(head):].lstrip() if head != unit and unit.startswith(head) else ""
    if _open_marks(head) != 0 or not re.match(r"[\"'\u2019\u201d]\s", rest):
        return False
    if rest[0] in "\u2019\u201d":  # a curly mark that closes
        return True
    # a straight mark opens as often as it closes (a quotation running on into the next unit): it closes when an
    # odd number follow and the sentence speaks to or for someone ("in our world")
    after = _open_marks(rest)
    return after is not None and after % 2 == 1 and bool(_SPEAKING.intersection(tokens(head)))


def _ranking(scores: torch.Tensor, in_story: int | None = None) -> list[int]:
    """Sentence indices, best score first; equal scores in article order. Sentences from `in_story` on
    are a side box's: they come after every sentence of the story, whatever their score (a page's own
    summary box reads like the best summary of all, and says less than the story it sums up)."""
    in_story = len(scores) if in_story is None else in_story
    return sorted(range(len(scores)), key=lambda i: (i >= in_story, -float(scores[i]), i))


@dataclass
class _Doc:
    """One article on its way through the engine."""

    sents: list[str]
    truncated: bool
    ranking: list[int]  # sentence indices, most salient first
    emb: torch.Tensor | None  # sentence embeddings for the near-duplicate check (None: words only)
    table: dict  # the article's casing
    flags: list[str]  # what the engine saw in the text (long_sentence_cut, not_english)
    accepted: list[tuple[int, str, bool]] = field(default_factory=list)  # (sentence, text, fallback)
    rejected: list[str] = field(default_factory=list)  # rewrites replaced by their sentence, and why
    tried: set = field(default_factory=set)

    def candidates(self, n: int) -> list[int]:
        """The n most salient untried sentences unlike each other and the accepted ones that a takeaway may
        be written from (`_takeable`; the fill may still quote another when the article has nothing else)."""
        out: list[int] = []
        for i in self.ranking:
            if len(out) >= n:
                break
            if i in self.tried:
                continue
            self.tried.add(i)
            if not _takeable(self.sents[i]):
                continue
            others = out + [j for j, _, _ in self.accepted]
            if all((self.emb is None or float(self.emb[i] @ self.emb[j]) < 0.9)
                   and similarity(self.sents[i], self.sents[j]) < NEAR_DUPLICATE for j in others):
                out.append(i)
        return out

    def offer(self, i: int, texts: list[str], problems: list[str], judged: dict | None = None,
              threshold: float | None = None) -> None:
        """Accept the takeaway written from sentence i unless it repeats one already taken: the first
        of the model's rewrites (best beam first) that its sentence supports by the rules
        (`faithfulness.unfaithful`: a safe deletion of the sentence, numbers as written, no name or
        subject from elsewhere, a complete sentence: `texts` are those that pass, `problems` the best
        beam's when none does) and, with a support classifier, that it judges supported (`judged`:
        (text, sentence) -> P(supported), at least `threshold`). When none is, the sentence as written
        (`faithfulness.plain_quote`: less asides in brackets, an opening "But" and a closing
        attribution, and only its first sentence when the splitter left several in one), and the draft says
        so (rewrite_rejected, with the reason); not that either when it is someone's words with no word of who
        says them (`_someones_words`: "I'm progressing with my rehab ...", or the end of a quotation that opened
        before its unit), nor a question."""
        if threshold is not None and texts:
            probs = []
            for t in texts:  # best beam first: the first the classifier supports
                probs.append(judged[(t, self.sents[i])])
                if probs[-1] >= threshold:
                    break
            if probs[-1] < threshold:
                problems = [f"support classifier {max(probs):.2f} < {threshold:.2f}"]
                texts = []
            else:
                texts = [texts[len(probs) - 1]]
        text = texts[0] if texts else None
        fallback = text is None
        if fallback:
            text = _quote(self.sents[i])
            if problems:
                self.flags.append("rewrite_rejected")
                self.rejected.append("takeaway " + "; ".join(problems))
            if _someones_words(text, self.sents[i]) or is_question(text):  # someone's words alone, or a question
                return  # ("People have asked ' what's my favourite goal?"): the next sentence
        if all(similarity(text, t) < NEAR_DUPLICATE for _, t, _ in self.accepted):
            self.accepted.append((i, text, fallback))

    def draft(self, k: int, abstracts: list[str], abstract_src: list[int]) -> Draft:
        flags = list(self.flags)
        taken = sorted(self.accepted)
        if len(taken) < k:  # fewer distinct sentences than takeaways: fill, and say so
            flags.append("takeaway_filled")
            used = {i for i, _, _ in taken}
            texts = [t for _, t, _ in taken]
            # sentences not used yet (those a takeaway could be written from first), then the sources of the
            # rewrites, as written
            unused = [i for i in range(len(self.sents)) if i not in used]
            # (and of those, someone's words alone and questions last)
            quotes = {i: _quote(self.sents[i]) for i in range(len(self.sents))}  # each sentence quoted once
            ordered = sorted(unused, key=lambda i: (not _takeable(self.sents[i]),
                                                    _someones_words(quotes[i], self.sents[i]) or is_question(quotes[i])))
            for i in ordered + sorted(used):
                text = quotes[i]
                if len(taken) < k and text not in texts:
                    taken.append((i, text, True))
                    texts.append(text)
            if len(taken) < k:  # a one- or two-sentence text: the same sentences again, and say so
                flags.append("takeaway_repeated")
            for n in range(k - len(taken)):
                taken.append((n % len(self.sents), ensure_sentence_end(self.sents[n % len(self.sents)]), True))
            taken.sort()
        # the abstract says what the article is about, not again what takeaway 1 says: a rewrite that
        # repeats it is passed over, and a quote goes on to the next best sentence
        first = taken[0][1] if taken else ""
        written_from = " ".join(self.sents[i] for i in abstract_src)
        abstract, problems = _first_supported(abstracts, written_from, context_for(self.sents, abstract_src),
                                              max_sentences=3, min_words=4, unlike=first)
        if abstract is None:  # the best of its sentences, quoted, until the abstract has about 40 words
            # (leaving out the sentence takeaway 1 quotes cost 3.9 ROUGE-1 on Inshorts validation: the lead is
            # the news)
            quotes = {i: plain_quote(self.sents[i]) for i in abstract_src}
            quoted, words = [], 0
            for i in sorted(abstract_src, key=self.ranking.index):
                quoted.append(i)
                words += len(quotes[i].split())
                if words >= ABSTRACT_QUOTE_WORDS and similarity(" ".join(quotes[j] for j in quoted), first) \
                        < NEAR_DUPLICATE:
                    break
            abstract_src = sorted(quoted)
            abstract = " ".join(ensure_sentence_end(quotes[i]) for i in abstract_src)
            flags.append("abstract_fallback")
            if problems:
                flags.append("rewrite_rejected")
                self.rejected.append("abstract " + "; ".join(problems))
        abstract, cut = shorten(abstract, MAX_ABSTRACT_QUOTE_WORDS)
        takeaways = [shorten(t, MAX_TAKEAWAY_QUOTE_WORDS) for _, t, _ in taken]
        if cut or any(c for _, c in takeaways):
            flags.append("quote_shortened")
        if self.truncated:
            flags.append("input_truncated")
        if any(fb for _, _, fb in taken):
            flags.append("takeaway_fallback")
        flags = sorted(set(flags))
        return Draft(self.sents, ensure_sentence_end(abstract), abstract_src, [t for t, _ in takeaways],
                     [[i] for i, _, _ in taken], [fb for _, _, fb in taken], self.truncated, sorted(flags),
                     list(self.ranking), list(self.rejected))


# two texts with at least this similarity say the same thing: the engine never takes both as
# takeaways (nor two sentences this alike as sources), and the evaluation counts such pairs
NEAR_DUPLICATE = 0.5


def lcs_length(x: list, y: list) -> int:
    """Length of the longest common subsequence of x and y, bit-parallel (Hyyro 2004): one integer
    operation per item of x instead of a table of len(x) x len(y) (17x faster on 25 x 30 words)."""
    where: dict = {}
    for j, item in enumerate(y):
        where[item] = where.get(item, 0) | (1 << j)
    full = (1 << len(y)) - 1
    v = full  # a 0 bit marks where the common subsequence grew
    for item in x:
        u = v & where.get(item, 0)
        v = ((v + u) | (v - u)) & full
    return len(y) - v.bit_count()


def similarity(a: str, b: str) -> float:
    """The larger of word-LCS F1 (ROUGE-L) and content-word Jaccard: 1 for the same words."""
    x, y = tokens(a), tokens(b)
    if not x or not y:
        return 0.0
    f1 = 2 * lcs_length(x, y) / (len(x) + len(y))
    cx, cy = set(content(a)), set(content(b))
    jac = len(cx & cy) / len(cx | cy) if cx and cy else 0.0
    return max(f1, jac)


_CLAUSE = re.compile(r"(?<=[;:])\s+|\s+(?:--|\u2014)\s+|,\s+(?=(?:and|but|while|which|who|after)\b)")


def _capitalize(text: str) -> str:
    return text[:1].upper() + text[1:]


_SENTENCE_START = re.compile(r"^(?:takeaway|abstract):\s*$|[.!?][\"'\u201d\u2019)]?\s*$")


def source_index(src_text: str, tokenizer) -> tuple[list[int], list, dict[int, list[int]]]:
    """What `realize` reads of a source: its ids, their character offsets, and where each id occurs.
    Made once per source and shared by all of its beams."""
    enc = tokenizer(src_text, add_special_tokens=False, return_offsets_mapping=True, verbose=False)  # no length warning
    sid, offs = enc["input_ids"], enc["offset_mapping"]
    where: dict[int, list[int]] = {}
    for j, t in enumerate(sid):
        where.setdefault(t, []).append(j)
    return sid, offs, where


def realize(gen_ids: list[int], src_text: str, tokenizer, table: dict | None = None, index=None) -> str:
    """Text of generated ids, copying the surface form of runs found in the source.

    WordPiece decoding loses the article's spacing ("$ 41. 1") and casing; a run
    of generated tokens that also occurs in the source is replaced by the
    source's own characters. Other tokens are decoded as usual and take the
    casing the article gives them (`table`), as does the first word of a run
    copied from a sentence start ("The" in the middle of a takeaway is "the"). `index`: the source's
    `source_index`, when the caller has it.
    """
    table = table or {}
    special = set(tokenizer.all_special_ids)
    gen = [t for t in gen_ids if t not in special]
    sid, offs, where = index or source_index(src_text, tokenizer)
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
            text = src_text[a:b]
            if _SENTENCE_START.search(src_text[:a]) or a == 0:
                first_word = re.match(r"[^\W_]+", text)
                if first_word and first_word.group(0).lower() in table:
                    text = table[first_word.group(0).lower()] + text[first_word.end():]
            pieces.append((text, glue))
            i += best_len
        else:
            pieces.append((recase(first[2:] if glue else first, table, capitalize=False), glue))
            i += 1
    out = ""
    for text, glue in pieces:
        out += text if (glue or not out) else " " + text
    return out
