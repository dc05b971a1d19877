"""Surface checks of generated text against its article: facts, novelty, redundancy.

No model here, only string work, so the figures are cheap and reproducible:

* `unsupported_facts(text, article)`: the numbers, dates and names that `text`
  states and the article does not. Numbers are compared by value: "3,000" =
  "3000", "3.50" = "3.5", "five" = "5", "twenty-five" = "25", and a scale word
  gives a second value ("4.5 million" = "4,500,000" or "4.5"). Dates are month
  and weekday names ("may" and "march" only capitalised or before a day number);
  years are numbers. Names are capitalised words not at a sentence start (other
  than dates and number words), checked against the article's words in any
  case. They are only checked when the article is cased: in all-lowercase text
  (the CNN/DM data) a name cannot be told from a word, and `names` is None there
  (its unsupported words show in the novel 1-gram ratio instead).
* `novel_ngram_ratio`: share of the output's n-grams that are not in the article.
* `max_pair_similarity`: the most similar pair among takeaways (`pipeline.similarity`).
"""

from __future__ import annotations

import re
from itertools import combinations

from .prompt import tokens
from .text import STOPWORDS, is_lowercase_text

_NUMBER = re.compile(r"(?<![\w.,])(\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)")
_SCALES = {"thousand": 1e3, "million": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9, "trillion": 1e12}
_SCALED = re.compile(r"^\s*(thousand|million|billion|trillion|m|bn)\b", re.I)
_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
         "sixteen seventeen eighteen nineteen".split()
_TENS = dict(zip("twenty thirty forty fifty sixty seventy eighty ninety".split(), range(20, 100, 10)))
_WORD_VALUES = {**{w: i for i, w in enumerate(_UNITS)}, **_TENS, "hundred": 100, "dozen": 12}
_NUMBER_WORD = re.compile(r"\b(" + "|".join(sorted(_WORD_VALUES, key=len, reverse=True)) +
                          r")(?:-(one|two|three|four|five|six|seven|eight|nine))?\b", re.I)
# "may" and "march" are dates only when capitalised (never in lowercase text)
_MONTHS = "january february april june july august september october november december".split()
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
_DATE = re.compile(r"\b(" + "|".join(_MONTHS + _WEEKDAYS) + r")\b|\b((?-i:May|March)|(?:may|march)(?=\s+\d))\b",
                   re.I)
_DATE_WORDS = frozenset(_MONTHS + _WEEKDAYS + ["may", "march"])
_CAPITALISED = re.compile(r"(?<![\w'\u2019\-])([A-Z]\w*)")  # "Lerner's" -> "Lerner"; not "62-Year"
_NAME_WORD = re.compile(r"(?<![\w'\u2019\-])([A-Z][^\W\d_]*)")  # letters only: checked against the source's words
_SENTENCE_START = re.compile(r"(^|[.!?][\"'\u201d\u2019)]*\s+)[\"'\u201c\u2018(]*$")


def _fmt(value: float) -> str:
    return f"{value:.6g}"


def number_mentions(text: str) -> list[set[str]]:
    """Each number stated in `text` as the set of values it may stand for:
    "4.5 million" -> {"4.5", "4.5e+06"}; "3,000" -> {"3000"}; "twenty-five" -> {"25"}."""
    mentions = []
    for pattern, value_of in ((_NUMBER, lambda m: float(m.group(1).replace(",", ""))),
                              (_NUMBER_WORD, lambda m: _WORD_VALUES[m.group(1).lower()] +
                               (_WORD_VALUES[m.group(2).lower()] if m.group(2) else 0))):
        for m in pattern.finditer(text):
            value = value_of(m)
            forms = {_fmt(value)}
            scale = _SCALED.match(text[m.end():])
            if scale:
                forms.add(_fmt(value * _SCALES[scale.group(1).lower()]))
            mentions.append(forms)
    return mentions


def date_mentions(text: str) -> list[str]:
    """Month and weekday names; a capitalised "May" or "March" opening a sentence
    counts only when a day number follows."""
    return [m.group(0).lower() for m in _DATE.finditer(text)
            if m.group(1) or text[m.end():m.end() + 2].strip()[:1].isdigit()
            or not _SENTENCE_START.search(text[:m.start()])]


def name_mentions(text: str) -> list[str]:
    """Capitalised words that do not start a sentence (lowercased), other than
    dates and number words (checked as such)."""
    words = [w.lower() for w in _non_initial_capitals(text, _CAPITALISED)]
    return [w for w in words if w not in _DATE_WORDS and w not in _WORD_VALUES]


def _non_initial_capitals(text: str, pattern: re.Pattern) -> list[str]:
    """Words of `pattern` (a capital first) that do not open a sentence, as written; not "I"."""
    return [m.group(1) for m in pattern.finditer(text)
            if not _SENTENCE_START.search(text[:m.start()]) and m.group(1) != "I"]


class ArticleFacts:
    """What an article states, for checking many outputs against it."""

    def __init__(self, article: str):
        self.numbers = set().union(*number_mentions(article))
        self.dates = {m.group(0).lower() for m in _DATE.finditer(article)}  # "May" at a sentence start too
        self.words = set(re.findall(r"\w+", article.lower()))
        self.cased = not is_lowercase_text(article)

    def unsupported(self, text: str) -> dict:
        """{"numbers": [...], "dates": [...], "names": [...] or None} not found in the article."""
        numbers = [sorted(f)[0] for f in number_mentions(text) if not f & self.numbers]
        dates = [d for d in date_mentions(text) if d not in self.dates]
        names = [n for n in name_mentions(text) if n not in self.words] if self.cased else None
        return {"numbers": numbers, "dates": dates, "names": names}


def unsupported_facts(text: str, article: str) -> dict:
    return ArticleFacts(article).unsupported(text)


def ngrams(text: str, n: int) -> list[tuple[str, ...]]:
    words = tokens(text)
    return [tuple(words[i:i + n]) for i in range(len(words) - n + 1)]


def novel_ngram_ratio(outputs: list[str], article: str, n: int) -> float | None:
    """Share of the n-grams of `outputs` (each counted within one output) that the
    article does not contain; None when the outputs have no n-gram."""
    grams = [g for o in outputs for g in ngrams(o, n)]
    if not grams:
        return None
    source = set(ngrams(article, n))
    return sum(g not in source for g in grams) / len(grams)


def max_pair_similarity(texts: list[str]) -> float:
    """Highest `pipeline.similarity` between two of `texts` (0 for fewer than two): the engine's own
    measure of two takeaways saying the same thing."""
    from .pipeline import similarity

    return max((similarity(a, b) for a, b in combinations(texts, 2)), default=0.0)


# --- a rewrite against the sentence it was written from ------------------------------------------

# a number as written, with what gives it its size: a currency sign, digit groups and decimals, a
# score or range ("6-3"), and a scale or percent right after ("£14m", "890,000", "2.4 per cent")
_NUMBER_SPAN = re.compile(r"(?<![\w.,])[£$€¥]?\s?\d+(?:[,.]\d+)*(?:[-–]\d+)*"
                          r"(?:\s?(?:%|per\s?cent\b|percent\b|m\b|bn\b|k\b|million\b|billion\b|trillion\b|"
                          r"thousand\b))?", re.I)
# words a rewrite may open with that its source need not contain (it may turn "The company said" into
# "It said", or start with a preposition)
_FREE_OPENERS = frozenset("the a an he she it they this these that those his her its their there in on at for "
                          "after before as when while but and we i you our some all one".split())


def _canonical(span: str) -> str:
    span = re.sub(r"\s+", "", span.lower()).replace("–", "-")
    return re.sub(r"per ?cent|percent", "%", span)


def number_spans(text: str) -> list[str]:
    """The numbers of `text` as whole spans, canonical (no spaces, "per cent" as "%"): "£14m", "890,000"."""
    return [_canonical(m.group(0)) for m in _NUMBER_SPAN.finditer(text)]


def unfaithful(text: str, source: str, context: str = "") -> list[str]:
    """What `text` (a rewrite) states that `source` (the sentence or sentences it was written from)
    does not, as whole spans: numbers that are not one of the source's numbers as written ("£4m"
    from "£14m and £42m"), capitalised words (names) the source does not have, in a cased source,
    an opening word the source does not have (a subject taken from another sentence:
    "Analysts denied ..." from "The company denied ..."; a first name that `context`, the text the
    model was given beside the sentence, puts right before a surname the sentence has is allowed),
    and a rewrite that is not a complete sentence
    (`fragment`). Empty when the rewrite is supported."""
    stated = set(number_spans(source))
    problems = [f"number {n}" for n in number_spans(text) if n not in stated]
    words = set(re.findall(r"[^\W\d_]+", source))
    lower = {w.lower() for w in words}
    if not is_lowercase_text(source):
        problems += [f"name {w}" for w in name_words(text) if w not in words]
    first = re.match(r"[\"'\u201c\u2018(]*([^\W\d_]+)\s*([^\W\d_]*)", text)
    if first and first.group(1).lower() not in lower | _FREE_OPENERS:
        # a first name the context gives to a surname the sentence has ("Steven Gerrard will ..." from
        # "Gerrard will ...", the lead naming Steven Gerrard) is the same subject; anything else is not
        words2 = [w.lower() for w in re.findall(r"[^\W\d_]+", context)]
        pair = (first.group(1).lower(), first.group(2).lower())
        if not (pair in set(zip(words2, words2[1:])) and pair[1] in lower and pair[1] not in STOPWORDS):
            problems.append(f"subject {first.group(1)}")
    why = fragment(text, source)
    if why:
        problems.append(f"fragment: {why}")
    return problems


def name_words(text: str) -> list[str]:
    """Capitalised words that do not open a sentence, as written (for a case-sensitive check)."""
    return _non_initial_capitals(text, _NAME_WORD)


# words that open an introductory phrase or clause: a sentence that is only such a phrase ("For a
# homeowner with a mortgage.", "Unlike Germany, which cut its rate.") has lost its main clause
_SUBORDINATE_OPENER = re.compile(
    r"^[\"'\u201c\u2018(]*(?:for|unlike|like|although|though|while|whereas|after|before|as|when|whenever|if|unless|"
    r"because|since|despite|with|without|following|according to|amid|during|in|on|at|by|from|under|over)\b", re.I)
_RELATIVE = re.compile(r"\b(where|which|who|whom|whose|that|when|because|although|while)\s+([^,;.!?]+?)[.!?\"'\u201d]*$",
                       re.I)


def fragment(text: str, source: str) -> str | None:
    """Why `text` (a rewrite of `source`) is not a complete sentence, or None: it is only an
    introductory phrase or clause (its main clause was deleted), or it ends in a clause cut before
    its verb (the source goes on where the rewrite stops: "... marsh where worms and shellfish.")."""
    body = text.strip()
    if _SUBORDINATE_OPENER.match(body):
        parts = re.split(r",\s", body, maxsplit=1)  # a clause mark, not a digit group ("500,000")
        rest = parts[1].strip() if len(parts) > 1 else ""
        if not rest or re.match(r"(which|who|whom|whose|where|when|that)\b", rest, re.I):
            return "no main clause"
    m = _RELATIVE.search(body)
    if m:
        tail = re.escape(m.group(1)) + r"\s+" + r"\s+".join(map(re.escape, m.group(2).split()))
        for found in re.finditer(tail, source, re.I):
            rest = source[found.end():]
            # the source's clause goes on where the rewrite stops: straight on ("where worms now thrive"),
            # or after an aside between commas ("where worms, the birds' food, have multiplied"); an
            # attribution after one comma ("..., the trust said") ends the clause
            if re.match(r"\s+[^\W_]", rest) or re.match(r"\s*,[^,.;:!?]{1,80},\s*[^\W_]", rest):
                return "clause cut short"
    return None
