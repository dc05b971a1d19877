"""A tiny randomly initialised checkpoint for tests and fault injection: the machinery without weights."""

from __future__ import annotations

from pathlib import Path

from ..model import build_random, save_checkpoint
from ..selector import Selector


def make_tiny_checkpoint(out_dir: str | Path, seed: int = 0) -> Path:
    """A tiny randomly initialised checkpoint (model, tokenizer, selector) for tests."""
    model, tokenizer = build_random(seed=seed)
    out = save_checkpoint(model, tokenizer, out_dir, fp16=False)
    Selector.lead_prior(model.config.encoder.hidden_size).save(out)
    return out
