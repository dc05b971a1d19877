"""Seconds per MB through cleaning and sentence splitting, for text of 0.1, 1 and 2 MB in one paragraph.

    python scripts/linear_time.py

Linear time means the same seconds per MB at every size. Four kinds of text: prose in one
paragraph (sentence boundaries, no line breaks), one different sentence a line (what the page
structure step compares line with line), words with no sentence boundary, and one
2-million-character "word". Each figure is the best of `--repeat` runs (the machine may be busy).
"""

from __future__ import annotations

import argparse
import time

from summarizer.clean import clean
from summarizer.text import split_sentences_cut

KINDS = {
    "prose, one paragraph": "Mr. Okafor said the council approved the plan for the new bridge on Monday. ",
    "a sentence a line": None,  # made by lines(): each line different
    "no sentence boundary": "word ",
    "one long word": "a",
}


def lines(n_chars: int) -> str:
    out, size, i = [], 0, 0
    while size < n_chars:
        line = f"The council met on day {i} and voted on the plan for the new bridge.\n"
        out.append(line)
        size, i = size + len(line), i + 1
    return "".join(out)


def seconds(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        split_sentences_cut(clean(text).text)
        best = min(best, time.perf_counter() - t)
    return best


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"{'text':<24}" + "".join(f"{mb:>10g} MB" for mb in (0.1, 1, 2)) + "   (seconds per MB)")
    for name, unit in KINDS.items():
        row = []
        for mb in (0.1, 1, 2):
            text = lines(int(mb * 1e6)) if unit is None else unit * int(mb * 1e6 / len(unit))
            row.append(seconds(text, args.repeat) / mb)
        print(f"{name:<24}" + "".join(f"{x:>13.2f}" for x in row))


if __name__ == "__main__":
    main()
