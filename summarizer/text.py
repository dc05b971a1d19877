"""Sentences and surface text: splitting, detokenising and recasing.

Everything here is plain string work with no model: the sentence splitter is
pysbd (rule based, offline), and the recaser takes its casing from the article
itself, so an uncased model still writes "Barack Obama" when the article does.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

_WS = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_PARA = re.compile(r"\n\s*\n|\n")
# the start of a sentence in all-lowercase text: used only to help the splitter
_LOWER_START = re.compile(r"(^|[.!?][\"'\u201d\u2019)\]]?\s+[\"'\u201c\u2018(]?)([a-z])")


def normalize_text(text: str) -> str:
    """Unicode NFC, no control characters, single spaces, at most one blank line."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch)[0] != "C")
    lines = [_WS.sub(" ", line).strip() for line in text.split("\n")]
    out, blank = [], False
    for line in lines:
        if not line:
            if out and not blank:
                out.append("")
            blank = True
            continue
        out.append(line)
        blank = False
    return "\n".join(out).strip()


@lru_cache(maxsize=1)
def _segmenter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def is_lowercase_text(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.005 * len(letters)


def split_sentences(text: str, min_words: int = 1) -> list[str]:
    """Split text into sentences; paragraphs (line breaks) always end a sentence.

    Cased text goes through pysbd (rule based, good with abbreviations and
    quotes). All-lowercase text (the CNN/DM training data) goes through blingfire
    on a copy with sentence starts capitalised, and the pieces are lowercased
    back, so each sentence is still a substring of the input.
    """
    lower = is_lowercase_text(text)
    sentences: list[str] = []
    for para in _PARA.split(text):
        para = para.strip()
        if not para:
            continue
        if lower:
            import blingfire

            shown = _LOWER_START.sub(lambda m: m.group(1) + m.group(2).upper(), para)
            pieces = [s.lower() for s in blingfire.text_to_sentences(shown).split("\n")]
        else:
            pieces = _segmenter().segment(para)
        for s in pieces:
            s = s.strip()
            if s and len(s.split()) >= min_words:
                sentences.append(s)
    return sentences


# --- detokenising what a WordPiece model writes ------------------------------

_DETOK_RULES = [
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$£€#])\s+"), r"\1"),
    (re.compile(r"(\d)\s*([.,:])\s*(\d)"), r"\1\2\3"),
    (re.compile(r"\s*([-/])\s*(?=\w)(?<=\w[-/])"), r"\1"),
    (re.compile(r"(\w)\s*-\s*(\w)"), r"\1-\2"),
    (re.compile(r"\s*([\u2019'])\s*(s|t|re|ve|ll|d|m)\b", re.I), r"\1\2"),
    (re.compile(r"\s+n\s*'\s*t\b"), "n't"),
]


def detokenize(text: str) -> str:
    """Undo the spaces a WordPiece decode puts around punctuation."""
    text = " ".join(text.split())
    for pattern, repl in _DETOK_RULES:
        text = pattern.sub(repl, text)
    # straight double quotes alternate open/close: glue each to its inside
    pieces = text.split('"')
    if len(pieces) > 2 and len(pieces) % 2 == 1:
        text = pieces[0]
        for i, piece in enumerate(pieces[1:]):
            text = (text + '"' + piece.lstrip()) if i % 2 == 0 else (text.rstrip() + '"' + piece)
    return text.strip()


# --- casing ---------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:['\u2019.\-][^\W_]+)*", re.UNICODE)


def casing_table(reference: str | list[str]) -> dict[str, str]:
    """Most frequent casing of each word in `reference` (a text, or its sentences),
    preferring occurrences that do not start a sentence (those are capitalised
    whatever the word)."""
    inner: dict[str, Counter] = {}
    initial: dict[str, Counter] = {}
    sentences = split_sentences(reference) if isinstance(reference, str) else reference
    for sent in sentences:
        for i, m in enumerate(_WORD.finditer(sent)):
            w = m.group(0)
            table = initial if i == 0 else inner
            table.setdefault(w.lower(), Counter())[w] += 1
    out = {}
    for key in set(inner) | set(initial):
        if key in inner:
            out[key] = inner[key].most_common(1)[0][0]
        else:
            form = initial[key].most_common(1)[0][0]
            # a word seen only at sentence starts: keep capitals only for acronyms
            out[key] = form if form.isupper() and len(form) > 1 else key
    return out


def recase(text: str, table: dict[str, str], capitalize: bool = True) -> str:
    """Give each word its casing from `table`; capitalise the first letter."""
    text = _WORD.sub(lambda m: table.get(m.group(0).lower(), m.group(0)), text)
    text = re.sub(r"\bi\b", "I", text)
    return _capitalize_first(text) if capitalize else text


def _capitalize_first(text: str) -> str:
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i] + ch.upper() + text[i + 1 :]
        if ch.isdigit():
            break
    return text


def ensure_sentence_end(text: str) -> str:
    text = text.strip()
    if text and text[-1] not in ".!?\"'\u201d\u2019)":
        text += "."
    return text


def word_count(text: str) -> int:
    return len(_WORD.findall(text))
