"""The public API: `summarize(text)` and `summarize_many(texts)`.

    text -> checks -> clean (HTML extraction, boilerplate) -> Engine (select, rewrite) -> Summary

`SummarizeOptions` holds every setting, one field each, and the `summarizer` CLI
exposes exactly these fields as options (`num_beams` -> `--num-beams`). The
engine, which holds the model, is loaded once per (model path, device) and kept
for the life of the process.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

from .options import DTYPES, NUM_TAKEAWAYS, SummarizeOptions, option_help  # noqa: F401 (the public names)


@dataclass
class Summary:
    abstract: str  # one to three sentences of prose
    takeaways: list[str]  # exactly five Key Takeaways, one sentence each
    support: list[list[str]]  # per takeaway: the article sentence(s) it was written from
    fallback: list[bool]  # per takeaway: True when it quotes an article sentence (less asides), not model-written
    flags: list[str] = field(default_factory=list)  # e.g. input_truncated, takeaway_filled, html_extracted
    # per takeaway, 0-1: share of its adjacent word pairs that stand side by side in its support (1.0: the
    # sentence quoted or a span cut from it; lower where a rewrite joins words the sentence keeps apart)
    support_score: list[float] = field(default_factory=list)
    # per takeaway, 0-1: the checkpoint's support classifier's probability that its support says what it
    # says (rewrites under its threshold are never taken); empty when the checkpoint has no classifier
    support_prob: list[float] = field(default_factory=list)
    abstract_support: list[str] = field(default_factory=list)  # the article sentences the abstract was written from
    model: str = ""  # name of the model folder that wrote it

    def to_dict(self) -> dict:
        """A JSON-ready dict (only str, bool, list)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Summary":
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

    def to_markdown(self) -> str:
        """A newsroom brief: the abstract, then the Key Takeaways numbered 1 to 5, then any caveats."""
        lines = ["## Abstract", "", self.abstract, "", "## Key Takeaways", ""]
        lines += [f"{i}. {t}" for i, t in enumerate(self.takeaways, 1)]
        notes = []
        quoted = [str(i) for i, fb in enumerate(self.fallback, 1) if fb]
        if quoted:
            notes.append(f"takeaway{'s' if len(quoted) > 1 else ''} {', '.join(quoted)} "
                         f"quoted from the article, not generated")
        if "input_truncated" in self.flags:
            notes.append("the article was truncated: only its beginning was read")
        if "abstract_fallback" in self.flags:
            notes.append("the abstract is quoted from the article, not generated")
        if notes:
            lines += ["", "_Note: " + "; ".join(notes) + "._"]
        return "\n".join(lines) + "\n"


# --- the engine, loaded once per process ----------------------------------------

@lru_cache(maxsize=4)
def _load_engine(path: str | None, device: str, dtype: str):
    from .pipeline import Engine

    return Engine(path, device, dtype)


def get_engine(options: SummarizeOptions):
    """The engine for these options' model, device and dtype (loaded on first use, then cached); also
    sets torch's CPU threads (`options.threads`)."""
    import torch

    if options.device.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(f"device {options.device!r} asked for, but CUDA is not available here")
    from .pipeline import model_path, resolve_device, resolve_dtype

    set_threads(options.threads)
    path = str(model_path(options.model))
    device = resolve_device(options.device)
    dtype = str(resolve_dtype(options.dtype, device)).removeprefix("torch.")
    return _load_engine(path, str(device), dtype)  # "auto" and "cpu" share one engine, as do equal dtypes


def auto_threads() -> int:
    """OMP_NUM_THREADS when it is set, else the CPUs this process may run on (its affinity mask,
    which containers and `taskset` narrow), never more."""
    import os

    env = os.environ.get("OMP_NUM_THREADS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def set_threads(threads: int = 0) -> int:
    """Set torch's CPU threads (0: `auto_threads()`); returns the number set."""
    import torch

    n = threads or auto_threads()
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
    return n


# --- the steps ---------------------------------------------------------------------

def prepare(text: str, options: SummarizeOptions, html: bool | None = None) -> tuple[str, list[str]]:
    """Check and clean one input: (article text, flags). ValueError says what is wrong with it.

    `html`: the input is a web page (True), is not (False), or look at it (None).
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not text.strip():
        raise ValueError("empty input: there is no text to summarise")
    if len(text) > options.max_input_chars:
        raise ValueError(f"input too large: {len(text):,} characters, over the limit of "
                         f"{options.max_input_chars:,} (max_input_chars)")
    if not options.clean:
        return text, []
    from .clean import clean

    cleaned = clean(text, html=html)
    if not cleaned.text:
        raise ValueError("no article text left after removing HTML and boilerplate")
    return cleaned.text, cleaned.flags


def run_engine(engine, prepared: list[tuple[str, list[str]]], options: SummarizeOptions) -> list[Summary]:
    """Summaries of prepared inputs, decoded `options.batch_size` at a time."""
    drafts = engine.summarize([text for text, _ in prepared], options, flags=[flags for _, flags in prepared])
    return [to_summary(d, engine) for d in drafts]


def to_summary(draft, engine) -> Summary:
    """The public result of an engine's draft (its flags are complete: the engine sets them all)."""
    from .faithfulness import support_score

    support = [[draft.sentences[i] for i in idx] for idx in draft.takeaway_sources]
    return Summary(
        abstract=draft.abstract,
        takeaways=list(draft.takeaways),
        support=support,
        fallback=[bool(fb) for fb in draft.fallback],
        flags=list(draft.flags),
        support_score=[support_score(t, " ".join(s)) for t, s in zip(draft.takeaways, support)],
        support_prob=list(draft.support_prob),
        abstract_support=[draft.sentences[i] for i in draft.abstract_sources],
        model=engine.path.name,
    )


# --- public --------------------------------------------------------------------------

def summarize(text: str, *, model: str | Path | None = None, device: str = "auto", **options) -> Summary:
    """Abstract and five Key Takeaways of one article (plain text or HTML).

    Keywords are the fields of `SummarizeOptions` (num_beams, max_sentences, ...).
    Raises ValueError for an empty or oversized input, `ModelNotFoundError` when
    there is no model at `model` (or no trained default checkpoint).
    """
    return summarize_many([text], model=model, device=device, **options)[0]


def summarize_many(texts, *, model: str | Path | None = None, device: str = "auto", batch_size: int = 8,
                   **options) -> list[Summary]:
    """`summarize` for many articles, decoded `batch_size` at a time; equal to calling it on each."""
    if isinstance(texts, (str, bytes)):  # would be summarised character by character
        raise TypeError("texts must be a list (or other iterable) of str; for one text use summarize(text)")
    opts = SummarizeOptions(model=str(model) if model is not None else None, device=device,
                            batch_size=batch_size, **options)
    prepared = [prepare(t, opts) for t in texts]
    return run_engine(get_engine(opts), prepared, opts) if prepared else []
