"""Which sentences matter: a document-level extractor that reads the whole article.

BertSum (Liu and Lapata 2019, "Text Summarization with Pretrained Encoders") on
all-MiniLM-L6-v2: the article goes in as

    [CLS] s1 [SEP] [CLS] s2 [SEP] [CLS] s3 [SEP] ...    segment ids 0 0 0 1 1 1 0 0 0 ...

and a linear head on each sentence's [CLS] state gives its score, so every
sentence is judged beside the others (a lead that every later sentence repeats,
a quote that only colours the story). The model is a plain
`BertForTokenClassification` with one label: `save_pretrained` /
`from_pretrained` in `<checkpoint>/extractor/`, loadable without this package.

An article longer than one window (`max_len` tokens) is read in windows: each
later window starts with the lead sentence and the `overlap` sentences before its
new ones, as context, and scores only its new sentences. No sentence is dropped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F

SUBFOLDER = "extractor"
SETTINGS = "extractor.json"  # the window settings training used, read back at load time


@dataclass(frozen=True)
class WindowSettings:
    max_len: int = 512  # BERT's position limit: the longest window
    max_sentence_tokens: int = 80  # a longer sentence is cut here (its score needs only its start)
    overlap: int = 2  # sentences before a later window's new ones, given as context


@dataclass
class Window:
    input_ids: list[int]
    token_type_ids: list[int]
    cls_positions: list[int]  # one per sentence in the window
    sentences: list[int]  # article index of each of those sentences
    scored: list[bool]  # False for the context sentences of a later window


def _piece(ids: list[int], cls_id: int, sep_id: int) -> list[int]:
    return [cls_id] + ids + [sep_id]


def windows(sentence_ids: list[list[int]], cls_id: int, sep_id: int,
            settings: WindowSettings = WindowSettings()) -> list[Window]:
    """The windows that score every sentence of one article exactly once (`sentence_ids`: WordPiece
    ids of each sentence, no special tokens)."""
    pieces = [_piece(ids[: settings.max_sentence_tokens], cls_id, sep_id) for ids in sentence_ids]
    out: list[Window] = []
    nxt = 0
    while nxt < len(pieces):
        context = [] if nxt == 0 else sorted({0, *range(max(1, nxt - settings.overlap), nxt)})
        members = [(i, False) for i in context]
        used = sum(len(pieces[i]) for i in context)
        while nxt < len(pieces) and (used + len(pieces[nxt]) <= settings.max_len or
                                     not any(s for _, s in members)):
            members.append((nxt, True))
            used += len(pieces[nxt])
            nxt += 1
        ids, types, cls_pos = [], [], []
        for k, (i, _) in enumerate(members):
            cls_pos.append(len(ids))
            ids += pieces[i]
            types += [k % 2] * len(pieces[i])
        out.append(Window(ids[: settings.max_len], types[: settings.max_len], cls_pos,
                          [i for i, _ in members], [s for _, s in members]))
    return out


def collate(batch: list[Window], pad_id: int, width: int | None = None) -> dict[str, torch.Tensor]:
    """Padded tensors of windows (to `width`, or the longest)."""
    from .model import pad_rows

    width = width or max(len(w.input_ids) for w in batch)
    ids, mask = pad_rows([w.input_ids for w in batch], width, pad_id)
    types, _ = pad_rows([w.token_type_ids for w in batch], width, 0)
    return {"input_ids": ids, "token_type_ids": types, "attention_mask": mask}


class Extractor:
    """Scores the sentences of articles: higher is more likely to carry a highlight."""

    def __init__(self, model, tokenizer, settings: WindowSettings = WindowSettings(), position_prior: float = 0.0):
        self.model, self.tokenizer, self.settings = model, tokenizer, settings
        # a sentence's score is its logit minus position_prior * log(1 + its index): the news lead bias
        # as one number fitted on validation articles (`lab/train_extractor.fit_position_prior`)
        self.position_prior = position_prior

    @classmethod
    def load(cls, folder: str | Path, device="cpu", dtype: torch.dtype | None = None) -> "Extractor":
        from transformers import AutoTokenizer, BertForTokenClassification

        from .model import refuse_custom_code

        folder = Path(folder)
        refuse_custom_code(folder)
        model = BertForTokenClassification.from_pretrained(str(folder), trust_remote_code=False,
                                                           local_files_only=True)
        model = model.to(device=device, dtype=dtype or torch.float32).eval()
        tok = AutoTokenizer.from_pretrained(str(folder), trust_remote_code=False, local_files_only=True)
        raw = json.loads((folder / SETTINGS).read_text()) if (folder / SETTINGS).exists() else {}
        known = {k: v for k, v in raw.get("windows", {}).items() if k in WindowSettings.__dataclass_fields__}
        return cls(model, tok, WindowSettings(**known), float(raw.get("position_prior", 0.0)))

    @staticmethod
    def present(checkpoint: str | Path) -> bool:
        return (Path(checkpoint) / SUBFOLDER / "config.json").exists()

    def article_windows(self, sentences: list[str]) -> list[Window]:
        tok = self.tokenizer
        ids = tok(sentences, add_special_tokens=False, truncation=True,
                  max_length=self.settings.max_sentence_tokens)["input_ids"] if sentences else []
        return windows(ids, tok.cls_token_id, tok.sep_token_id, self.settings)

    @torch.no_grad()
    def score(self, articles: list[list[str]], batch_size: int = 8) -> list[tuple[torch.Tensor, torch.Tensor]]:
        """For each article (a list of sentences): (scores (n,), L2-normalised [CLS] states (n, hidden)).
        Windows are padded to a multiple of 16 of their own length, so an article's scores never depend
        on the other articles of the batch; `batch_size` windows go at a time (16 of 512 tokens added 114 MB
        to a process's peak, 8 half that)."""
        from .model import width_groups

        all_windows = [(a, w) for a, sents in enumerate(articles) for w in self.article_windows(sents)]
        hidden = self.model.config.hidden_size
        scores = [torch.zeros(len(s)) for s in articles]
        states = [torch.zeros(len(s), hidden) for s in articles]
        device = self.model.device
        groups = width_groups([w.input_ids for _, w in all_windows], self.settings.max_len)
        for width, idx in groups.items():
            for j in range(0, len(idx), batch_size):
                chunk = [all_windows[i] for i in idx[j:j + batch_size]]
                enc = collate([w for _, w in chunk], self.tokenizer.pad_token_id or 0, width)
                out = self.model.bert(**{k: v.to(device) for k, v in enc.items()})
                # only the scored sentences' [CLS] states, gathered on the device: one small copy back
                # per chunk, not the whole (windows x width x hidden) state
                where = [(r, pos, a, i) for r, (a, w) in enumerate(chunk)
                         for pos, i, keep in zip(w.cls_positions, w.sentences, w.scored) if keep]
                rows = torch.tensor([[r, pos] for r, pos, _, _ in where], device=out.last_hidden_state.device)
                h = out.last_hidden_state[rows[:, 0], rows[:, 1]]
                logits = self.model.classifier(h).squeeze(-1).float().cpu()
                h = F.normalize(h.float(), dim=-1).cpu()
                for k, (_, _, a, i) in enumerate(where):
                    scores[a][i] = logits[k]
                    states[a][i] = h[k]
        if self.position_prior:
            scores = [s - self.position_prior * torch.log1p(torch.arange(len(s), dtype=s.dtype)) for s in scores]
        return list(zip(scores, states))
