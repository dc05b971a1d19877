"""Every setting of a summary, in one frozen dataclass: `SummarizeOptions`.

`summarize(text, **options)`, `summarize_many`, `summarizer summarize` / `summarizer batch` (one flag
per field: `num_beams` is `--num-beams`), `summarizer evaluate` and `summarizer bench` all read
this one object; each field's help is written once, in its metadata, and the CLI shows it.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field

NUM_TAKEAWAYS = 5  # the product promises exactly five Key Takeaways
DEVICES = ("auto", "cpu", "cuda")
DTYPES = ("auto", "float32", "bfloat16", "float16")
CUTS = ("listed", "checked")


def _opt(default, help: str):
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class SummarizeOptions:
    model: str | None = _opt(None, "save_pretrained folder; default: checkpoints/bert2bert-minilm-news "
                                   "($SUMMARIZER_MODEL)")
    device: str = _opt("auto", "auto (CUDA when available), cpu, cuda or cuda:N")
    dtype: str = _opt("auto", "weights: auto (float16 on CUDA, bfloat16 on CPUs with native bf16, else float32), "
                              "float32, bfloat16, float16")
    threads: int = _opt(0, "CPU threads for torch; 0 = auto (OMP_NUM_THREADS when set, else the CPUs this "
                           "process may use)")
    batch_size: int = _opt(8, "articles decoded together by summarize_many, batch, evaluate and bench")
    num_beams: int = _opt(4, "beam width of the decoder; 1 = greedy, about twice as fast on CPU")
    retry_beams: int = _opt(0, "a sentence none of whose beams passes the checks is decoded again with this "
                               "many beams before it is quoted as written (8: fewer quotes, about 1.25x the time); "
                               "0 (or num_beams or less) = off")
    no_repeat_ngram_size: int = _opt(3, "no word-piece n-gram of this length twice in one output; 0 = off")
    max_takeaway_tokens: int = _opt(48, "longest takeaway the model may write, in WordPiece tokens "
                                        "(a highlight averages about 20)")
    max_abstract_tokens: int = _opt(96, "longest abstract the model may write, in WordPiece tokens")
    abstract_sentences: int = _opt(3, "the abstract is written from this many of the article's best sentences "
                                      "(in article order)")
    constrain_to_source: bool = _opt(True, "the model may only write a deletion of the article sentence it "
                                           "rewrites: its words in order, whole, plus 'the', 'a', 'an'")
    cuts: str = _opt("checked", "which cuts a takeaway's rewrite may make: 'listed', only cuts of a kind known to be "
                                "safe (asides, attributions, times, openings and closings that limit nothing: "
                                "summarizer.cuts), else the next beam or the sentence quoted; 'checked', any cut the "
                                "rules and the support classifier pass (shorter, more often wrong)")
    max_sentences: int = _opt(200, "read at most this many sentences; longer articles are flagged "
                                   "input_truncated")
    max_input_chars: int = _opt(2_000_000, "refuse a text longer than this (characters, before cleaning)")
    clean: bool = _opt(True, "extract the main text from HTML and drop page furniture before summarising")

    def __post_init__(self):
        for f in dataclasses.fields(self):  # num_beams="4" is a clear error here, not a failure deep inside
            value, kind = getattr(self, f.name), (str if f.default is None else type(f.default))
            if not (isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
                    or (value is None and f.default is None)):
                raise TypeError(f"{f.name} must be {'a ' + kind.__name__ if kind is not int else 'an int'}"
                                f"{' or None' if f.default is None else ''}, not {type(value).__name__} {value!r}")
        if not re.fullmatch(r"auto|cpu|cuda(:\d+)?", self.device):
            raise ValueError(f"device must be one of {', '.join(DEVICES)} (or cuda:N), not {self.device!r}")
        for name in ("batch_size", "num_beams", "max_takeaway_tokens", "max_abstract_tokens", "abstract_sentences",
                     "max_sentences", "max_input_chars"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1, not {getattr(self, name)}")
        for name in ("retry_beams", "no_repeat_ngram_size"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must be 0 (off) or more, not {getattr(self, name)}")
        if self.cuts not in CUTS:
            raise ValueError(f"cuts must be one of {', '.join(CUTS)}, not {self.cuts!r}")
        if self.dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, not {self.dtype!r}")
        if self.threads < 0:
            raise ValueError(f"threads must be 0 (auto) or more, not {self.threads}")


def option_help() -> dict[str, str]:
    """Each option's help (its field metadata), in field order: the CLI's help text."""
    return {f.name: f.metadata["help"] for f in dataclasses.fields(SummarizeOptions)}
