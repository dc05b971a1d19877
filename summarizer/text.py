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
# titles and short forms whose full stop ends no sentence: "Sen. Elizabeth Warren", "Gov. Doug Ducey"
TITLES = frozenset("sen gov rep gen col capt sgt lt dr mr mrs ms st".split())
ABBREVIATIONS = TITLES | frozenset("rev cpl jr sr prof inc corp co ltd bros no nos vs jan feb aug sept oct nov dec ft "
                                   "mt ave dept est approx".split())
# the word before a full stop: a short form, letters with full stops ("u.s", "d.c", "p.m") or an initial
# (not a unit after a number: "cost £ 6.5 m. the club ...")
_BEFORE_STOP = re.compile(r"(?:^|(?<!\d\s)(?<=\s))[(\"'\u201c\u2018]?([a-z](?:\.[a-z])*|[a-z]+)$")
# short forms that often end a lowercased sentence: "warren didn't say no. she said ..."
_ENDS_SENTENCES = frozenset({"no", "nos"})


# English function words: content words are the rest (selection, alignment), and a text in which
# they are rare is not English
STOPWORDS = frozenset(
    """a an the of to in on at for by with from and or but as is are was were be been being it its
    this that these those he she they his her their them we you i has have had will would can could
    not no said says say after before over about into than then there here who which what when where
    s t also up out more one""".split()
)


# In English news prose these words are about 40% of all words (the median of the CNN/DM, XSum and
# Inshorts validation articles; of their 5,440 articles only two player/score lists fall under
# 10%); in French, German, Spanish or Chinese text they are 0-3%
MIN_ENGLISH_SHARE = 0.1


def looks_english(text: str) -> bool:
    """True when English function words are a usual share of the words of the text's first 5,000
    characters (the model was trained on English news only)."""
    words = [w.lower() for w in _WORD.findall(text[:5000])]
    return bool(words) and sum(w in STOPWORDS for w in words) >= MIN_ENGLISH_SHARE * len(words)


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


_BOMS = (  # longest first: the UTF-32-LE mark begins with the UTF-16-LE one
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)


def decode_bytes(data: bytes) -> str:
    """Text of a file's bytes: UTF-8 (with or without a byte-order mark), or UTF-16 / UTF-32 with a
    byte-order mark or with the zero bytes that ASCII text has in those encodings. ValueError, with
    the reason, for anything else (binary data, another encoding)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return _decode(data[len(bom):], codec)
    if b"\0" in data:
        codec = _wide_codec(data)
        if codec is None:
            raise ValueError("binary file (contains NUL bytes), not text")
        return _decode(data, codec)
    return _decode(data, "utf-8")


def _wide_codec(data: bytes) -> str | None:
    """UTF-16/32 without a byte-order mark, told by where the zero bytes of mostly-ASCII text fall."""
    head = data[:4096]
    for codec, width, zero_at in (("utf-32-le", 4, (1, 2, 3)), ("utf-32-be", 4, (0, 1, 2)),
                                  ("utf-16-le", 2, (1,)), ("utf-16-be", 2, (0,))):
        if len(data) % width:
            continue
        zeros = sum(head[k] == 0 for i in range(0, len(head) - width + 1, width) for k in zero_at)
        if zeros >= 0.9 * len(zero_at) * (len(head) // width):  # 90%: a few non-ASCII characters allowed
            return codec
    return None


def _decode(data: bytes, codec: str) -> str:
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as e:
        name = "UTF-8" if codec == "utf-8" else codec.upper()
        raise ValueError(f"not {name}: invalid byte 0x{data[e.start]:02x} at offset {e.start}") from None
    if "\0" in text:
        raise ValueError("binary file (contains NUL characters), not text")
    return text


# pysbd writes its rules as pattern strings, over 500 of them, that `re` compiles and caches; `re` keeps
# 512 and evicts the oldest first, so in a process that uses a few patterns of its own every pysbd call
# compiled all of them again (550 compiles a batch of 8 articles: 45% of the split's time)
RE_CACHE_SIZE = 2048


@lru_cache(maxsize=1)
def _segmenter():
    from .fast_pysbd import Segmenter  # pysbd's English splitter, same sentences, a third of the time

    if getattr(re, "_MAXCACHE", RE_CACHE_SIZE) < RE_CACHE_SIZE:  # CPython's cache size (a module global)
        re._MAXCACHE = RE_CACHE_SIZE
    return Segmenter()


def is_lowercase_text(text: str) -> bool:
    letters = [c for c in text[:5000] if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) < 0.005 * len(letters)


def split_sentences(text: str, min_words: int = 1) -> list[str]:
    """Split text into sentences; paragraphs (line breaks) always end a sentence.

    Cased text goes through pysbd (rule based, good with abbreviations and
    quotes). All-lowercase text (the CNN/DM training data) goes through blingfire
    on a copy with sentence starts capitalised, and the pieces are lowercased
    back, so each sentence is still a substring of the input.

    Time is linear in the length of the text: a long paragraph is cut into
    chunks before pysbd sees it, and a "sentence" over MAX_SENTENCE_CHARS (text
    with no sentence boundaries) is cut into pieces (`split_sentences_cut` says
    whether that happened).
    """
    return split_sentences_cut(text, min_words)[0]


# pysbd's time grows with the square of the length of what it is given (27.9 s for a
# 2,000-sentence paragraph): paragraphs are handed to it in chunks of about this many characters
PYSBD_CHUNK_CHARS = 2000
# no real sentence is this long (the longest of 5,942 cased CNN/DM validation sentences: 1,911
# characters); a longer "sentence" is text without boundaries and is cut into pieces
MAX_SENTENCE_CHARS = 2000
# a safe place to cut a long paragraph: end punctuation after a lowercase word of three or more
# letters (not an abbreviation such as "Mr." or "U.S."), then a capital or an opening quote
_SAFE_BREAK = re.compile(r"(?<=[a-z]{3}[.!?])[\"'\u201d\u2019)]?\s+(?=[\"'\u201c\u2018(]?[A-Z])")
# where to cut an over-long sentence, best first: after a clause mark, then at a space
_CLAUSE_BREAK = re.compile(r"[;:,\u2014]\s+|\s+(?:--|\u2013|\u2014)\s+")


def split_sentences_cut(text: str, min_words: int = 1) -> tuple[list[str], bool]:
    """(sentences, cut): `split_sentences`, and whether an over-long sentence had to be cut."""
    lower = is_lowercase_text(text)
    sentences: list[str] = []
    cut = False
    for para in _PARA.split(text):
        para = para.strip()
        if not para:
            continue
        if lower:
            import blingfire

            shown = _LOWER_START.sub(_lower_start, para)
            pieces = [s.lower() for s in blingfire.text_to_sentences(shown).split("\n")]
        else:
            pieces = [s for chunk in _chunks(para, PYSBD_CHUNK_CHARS, _SAFE_BREAK) for s in _segmenter().segment(chunk)]
        for s in (p for piece in pieces for p in _after_photo_marks(piece)):
            s = s.strip()
            if len(s) > MAX_SENTENCE_CHARS:
                cut = True
                sentences += [p for p in _chunks(s, MAX_SENTENCE_CHARS, _CLAUSE_BREAK) if len(p.split()) >= min_words]
            elif s and len(s.split()) >= min_words:
                sentences.append(s)
    return sentences, cut


# a photo's caption that runs into the next sentence with no full stop, as captions are written: "... congratulated
# by Li Hao-tong (right) another birdie on the 17th made Li favourite ...", "... in the East Village (pictured) he
# had been wanted on a robbery charge"; the mark ends the caption when a sentence's first word follows it
_PHOTO_BREAK = re.compile(r"\((?:(?:far|second|third) )?(?:left|right|centre|center|top|bottom|pictured|above|below|"
                          r"inset)\)\s+(?=(?:the|a|an|another|he|she|they|it|his|her|their|this|there|i|we)\s)", re.I)


def _after_photo_marks(sentence: str) -> list[str]:
    """`sentence` cut after each photo mark (`_PHOTO_BREAK`) that a new sentence follows."""
    out, start = [], 0
    for m in _PHOTO_BREAK.finditer(sentence):
        out.append(sentence[start:m.end()].strip())
        start = m.end()
    return out + [sentence[start:]]


def _lower_start(m: re.Match) -> str:
    """A sentence's first letter capitalised for the splitter, unless the full stop before it follows a
    short form or an initial ("talks between u.s. and cuban officials", "warner bros. ' all-star
    movie", "mr. smith", "j. k. rowling"): blingfire cuts before any capital, and leaves those whole."""
    if m.group(1).startswith("."):
        word = _BEFORE_STOP.search(m.string, 0, m.start())
        if word and ("." in word.group(1) or len(word.group(1)) == 1
                     or word.group(1) in ABBREVIATIONS - _ENDS_SENTENCES):
            return m.group(0)
    return m.group(1) + m.group(2).upper()


def _chunks(text: str, size: int, breaks: re.Pattern) -> list[str]:
    """`text` cut into pieces of at most `size` characters: at the first match of `breaks` in the
    second half of each window, else at its last space, else anywhere. Linear in len(text)."""
    out, start = [], 0
    while len(text) - start > size:
        end = start + size
        m = breaks.search(text, start + size // 2, end)
        if m:
            cut, nxt = m.start(), m.end()
        else:
            space = text.rfind(" ", start + size // 2, end)
            cut, nxt = (space, space + 1) if space > start else (end, end)
        if m and not text[cut].isspace():
            cut += 1  # a clause mark or closing quote stays with the piece it ends
        piece = text[start:cut].strip()
        if piece:
            out.append(piece)
        start = nxt
    piece = text[start:].strip()
    if piece:
        out.append(piece)
    return out


# --- detokenising what a WordPiece model writes ------------------------------

_DETOK_RULES = [
    (re.compile(r"\s+([.,;:!?%)\]}])"), r"\1"),
    (re.compile(r"([(\[{$£€#])\s+"), r"\1"),
    # "3, 000" -> "3,000" (a thousands group is three digits: "in 1961, 1962 and 1967" stays a list),
    # "4. 5" -> "4.5", "10: 30" -> "10:30"
    (re.compile(r"(\d)\s*,\s*(\d{3})(?!\d)"), r"\1,\2"),
    (re.compile(r"(\d)\s*([.:])\s*(\d)"), r"\1\2\3"),
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
    whatever the word); between forms seen as often, the first seen."""
    sentences = split_sentences(reference) if isinstance(reference, str) else reference
    inner: Counter = Counter()  # counted in C: a Counter per word cost 0.7 ms an article
    initial: Counter = Counter()
    for sent in sentences:
        words = _WORD.findall(sent)
        if words:
            initial[words[0]] += 1
            inner.update(words[1:])
    out: dict[str, str] = {}
    best: dict[str, int] = {}
    for form, n in inner.items():  # in order of first sight: the first of the most frequent wins
        key = form.lower()
        if n > best.get(key, 0):
            out[key], best[key] = form, n
    first: dict[str, int] = {}
    for form, n in initial.items():
        key = form.lower()
        if key not in best and n > first.get(key, 0):
            first[key] = n
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
    if text and text[-1] not in ".!?\"'\u201d\u2019)\u2026\u3002\uff01\uff1f":  # also 。！？
        text += "."
    elif len(text) > 1 and text[-1] in "\"'\u201d\u2019" and text[-2] not in ".!?,\u2026" \
            and text.rstrip("\"'\u201d\u2019 ")[-1:] not in (".", "!", "?", "\u2026", ""):
        text += "."  # 'he was called "Africa's youngest billionaire"' ends as a sentence
    return text
