"""Sentence salience: which article sentences the takeaways are written from.

A logistic regression over features of each sentence: its embedding from the
model's own encoder (mean-pooled, so the selector costs no extra weights), its
similarity to the article's centroid and lead, its position and its length.
Labels come free from the references: a sentence is salient when a highlight is
aligned to it (`summarizer.lab.data.align`). Weights live beside the model as
`selector.safetensors` with its feature settings in `selector.json`.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path

import torch
import torch.nn.functional as F
from safetensors.torch import load_file, save_file

WEIGHTS, SETTINGS = "selector.safetensors", "selector.json"
POSITION_BUCKETS = (0, 1, 2, 3, 4, 5, 10, 20)  # bucket k holds positions [b_k, b_{k+1})
_DIGIT = re.compile(r"\d")


@torch.no_grad()
def embed_sentences(model, tokenizer, sentences: list[str], device, batch_size: int = 64, max_len: int = 64):
    """Mean-pooled, L2-normalised encoder states of each sentence: (n, hidden). Sentences are
    encoded in groups of one padded width (`model.width_groups`), so an embedding never depends on
    the other sentences of the article or the batch."""
    from .model import pad_rows, width_groups

    encoder = model.get_encoder()
    rows = tokenizer(sentences, truncation=True, max_length=max_len)["input_ids"] if sentences else []
    out = torch.zeros(len(rows), encoder.config.hidden_size)
    for width, idx in width_groups(rows, max_len).items():
        for j in range(0, len(idx), batch_size):
            chunk = idx[j:j + batch_size]
            ids, mask = pad_rows([rows[i] for i in chunk], width, tokenizer.pad_token_id or 0)
            ids, mask = ids.to(device), mask.to(device)
            h = encoder(input_ids=ids, attention_mask=mask).last_hidden_state.float()
            m = mask.unsqueeze(-1).float()
            out[chunk] = F.normalize((h * m).sum(1) / m.sum(1).clamp(min=1), dim=-1).cpu()
    return out


def features(emb: torch.Tensor, sentences: list[str]) -> torch.Tensor:
    """(n, hidden + 16) feature matrix for the sentences of one article."""
    n = len(sentences)
    centroid = F.normalize(emb.mean(0, keepdim=True), dim=-1)
    rows = []
    for i, s in enumerate(sentences):
        words = len(s.split())
        pos = [0.0] * len(POSITION_BUCKETS)
        pos[max(k for k, b in enumerate(POSITION_BUCKETS) if i >= b)] = 1.0
        rows.append(pos + [
            i / max(1, n - 1),
            float(emb[i] @ centroid[0]),
            float(emb[i] @ emb[0]),
            math.log1p(words) / 4,
            float(words < 8),
            float(words > 45),
            float(bool(_DIGIT.search(s))),
            float(s[:1] in "\"'\u201c\u2018"),
        ])
    return torch.cat([emb, torch.tensor(rows, dtype=emb.dtype)], dim=1)


class Selector:
    """Scores sentences: higher is more likely to carry a highlight."""

    def __init__(self, weight: torch.Tensor, bias: torch.Tensor, settings: dict | None = None):
        self.weight, self.bias = weight.float(), bias.float()
        self.settings = settings or {}

    def scores(self, feats: torch.Tensor) -> torch.Tensor:
        return feats.float() @ self.weight + self.bias

    def save(self, folder: str | Path) -> None:
        folder = Path(folder)
        save_file({"weight": self.weight.contiguous(), "bias": self.bias.reshape(1).contiguous()},
                  str(folder / WEIGHTS))
        (folder / SETTINGS).write_text(json.dumps(self.settings, indent=2) + "\n")

    @classmethod
    def load(cls, folder: str | Path) -> "Selector":
        folder = Path(folder)
        t = load_file(str(folder / WEIGHTS))
        settings = json.loads((folder / SETTINGS).read_text()) if (folder / SETTINGS).exists() else {}
        return cls(t["weight"], t["bias"][0], settings)

    @classmethod
    def lead_prior(cls, dim: int) -> "Selector":
        """No learned weights: prefer early sentences (Lead-k). Used by tiny test models."""
        w = torch.zeros(dim + 16)
        for k in range(len(POSITION_BUCKETS)):
            w[dim + k] = -float(k)
        return cls(w, torch.tensor(0.0), {"kind": "lead prior"})


def fit(feats: torch.Tensor, labels: torch.Tensor, epochs: int = 300, weight_decay: float = 1e-3,
        lr: float = 0.05) -> Selector:
    """Logistic regression by full-batch Adam (a few seconds for 100k sentences)."""
    torch.manual_seed(0)
    w = torch.zeros(feats.shape[1], requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    pos_weight = (labels == 0).sum() / labels.sum().clamp(min=1)
    opt = torch.optim.Adam([w, b], lr=lr)
    for _ in range(epochs):
        opt.zero_grad()
        loss = F.binary_cross_entropy_with_logits(feats @ w + b, labels, pos_weight=pos_weight)
        (loss + weight_decay * (w ** 2).sum()).backward()
        opt.step()
    return Selector(w.detach(), b.detach(), {"kind": "logistic regression", "train_sentences": len(labels),
                                             "final_loss": round(loss.item(), 4)})
