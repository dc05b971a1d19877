"""Metric modules shipped with the package, loaded offline with `evaluate.load(<path>)`."""

from __future__ import annotations

import os
from pathlib import Path

ROUGE_PATH = Path(__file__).with_name("rouge.py")


def load_rouge():
    """The project's ROUGE metric (`metrics/rouge.py`) through `evaluate`, without network."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_EVALUATE_OFFLINE", "1")
    import evaluate

    return evaluate.load(str(ROUGE_PATH))
