"""The support classifier: how likely a rewrite says only what its sentence says (FactCC-style).

A small cross-encoder reads "[CLS] rewrite [SEP] sentence [SEP]" and gives one probability. It was
trained (`summarizer.lab.train_support`) on newsroom highlights and the article sentences they were
compressed from, against rule-made corruptions of them (a verb or a main clause deleted, a negation
dropped, a number changed, a speech verb deleted, another subject), so it judges the deletions the
rules in `faithfulness` cannot read: a rewrite it scores under the checkpoint's threshold is not
taken (the next beam is tried, then the sentence is quoted), and every takeaway's score is in the
result (`Summary.support_prob`).

It lives in `<checkpoint>/support/`: the first layers of an encoder, fp16, without embeddings. It
borrows the extractor's embeddings (it was fine-tuned with them frozen), so the checkpoint grows by
its layers alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import torch

SUBFOLDER = "support"
SETTINGS = "support.json"


class SupportClassifier:
    def __init__(self, model, tokenizer, threshold: float, max_len: int):
        self.model, self.tokenizer, self.threshold, self.max_len = model, tokenizer, threshold, max_len
        self.device = next(model.parameters()).device

    @staticmethod
    def present(checkpoint: str | Path) -> bool:
        return (Path(checkpoint) / SUBFOLDER / SETTINGS).exists()

    @classmethod
    def load(cls, folder: str | Path, embeddings: torch.nn.Module, device="cpu", dtype=torch.float32):
        """The classifier in `folder`, with `embeddings` (the extractor's `BertEmbeddings`, shared: the
        classifier was trained with them frozen). safetensors only: nothing in the folder runs code."""
        from safetensors.torch import load_file
        from transformers import AutoConfig, AutoTokenizer, BertForSequenceClassification

        from .model import refuse_custom_code

        folder = Path(folder)
        refuse_custom_code(folder)
        settings = json.loads((folder / SETTINGS).read_text())
        config = AutoConfig.from_pretrained(folder, local_files_only=True)
        config._attn_implementation = "eager" if torch.device(device).type == "cpu" else "sdpa"
        vocab, config.vocab_size = config.vocab_size, 1  # no embedding table of its own: it gets the extractor's
        model = BertForSequenceClassification(config)
        config.vocab_size = vocab
        model.bert.embeddings = embeddings  # the same module, not a copy
        result = model.load_state_dict(load_file(str(folder / "model.safetensors")), strict=False)
        missing = [k for k in result.missing_keys if not k.startswith("bert.embeddings.")]
        if missing or result.unexpected_keys:
            raise ValueError(f"{folder}: not a support classifier's weights (missing {missing[:3]}, "
                             f"unexpected {result.unexpected_keys[:3]})")
        model = model.to(device=device, dtype=dtype).eval()
        tok = AutoTokenizer.from_pretrained(folder, local_files_only=True)
        return cls(model, tok, float(settings.get("threshold", 0.5)), int(settings.get("max_len", 160)))

    @torch.no_grad()
    def score(self, texts: list[str], sources: list[str], batch_size: int = 64) -> list[float]:
        """P(supported) of each (text, source) pair. Pairs are padded to their own length rounded up
        (`model.width_groups`), so a pair's score never depends on the others scored with it."""
        from .model import pad_rows, width_groups

        enc = self.tokenizer(texts, sources, truncation="longest_first", max_length=self.max_len)
        pad = self.tokenizer.pad_token_id or 0
        out = [0.0] * len(texts)
        for width, idx in width_groups(enc["input_ids"], self.max_len).items():
            for j in range(0, len(idx), batch_size):
                chunk = idx[j:j + batch_size]
                ids, mask = pad_rows([enc["input_ids"][i] for i in chunk], width, pad)
                types, _ = pad_rows([enc["token_type_ids"][i] for i in chunk], width, 0)
                logits = self.model(input_ids=ids.to(self.device), attention_mask=mask.to(self.device),
                                    token_type_ids=types.to(self.device)).logits
                for i, p in zip(chunk, torch.sigmoid(logits.squeeze(-1).float()).tolist()):
                    out[i] = p
        return out
