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
from functools import lru_cache
from itertools import combinations, takewhile

from .prompt import tokens
from .text import ABBREVIATIONS as _ABBREVIATIONS
from .text import STOPWORDS, TITLES, is_lowercase_text

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


_COMPOUND_TAIL = re.compile(r"[-\u2010\u2011][^\W\d_]")  # "40,000-a-week", "18-year-old": the number is a word's


def _numbers_in_words(text: str) -> list[tuple[str, bool]]:
    """Each number of `text` (canonical), and whether a hyphenated word goes on from it ("18-year-old")."""
    return [(_canonical(m.group(0)), bool(_COMPOUND_TAIL.match(text, m.end()))) for m in _NUMBER_SPAN.finditer(text)]


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
    a rewrite that is not a complete sentence (`fragment`), and one that is not a safe deletion of
    its sentence (`deletion_problems`). Empty when the rewrite is supported."""
    stated, written = _numbers_in_words(source), _numbers_in_words(text)
    known = {n for n, _ in stated}
    problems = [f"number {n}" for n, _ in written if n not in known]
    # a number the source writes only inside a hyphenated word keeps it: "his £40,000[-a-week salary]"
    in_words = {n for n, joined in stated if joined} - {n for n, joined in stated if not joined}
    problems += [f"number {n} without its hyphenated word" for n, joined in written if n in in_words and not joined]
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
    return problems + [p for p in deletion_problems(text, source, context) if p not in problems]


def name_words(text: str) -> list[str]:
    """Capitalised words that do not open a sentence, as written (for a case-sensitive check)."""
    return _non_initial_capitals(text, _NAME_WORD)


# words that open an introductory phrase or clause: a sentence that is only such a phrase ("For a
# homeowner with a mortgage.", "Unlike Germany, which cut its rate.") has lost its main clause
_SUBORDINATE_OPENER = re.compile(
    r"^[\"'\u201c\u2018(]*(?!at least\b)(?:for|unlike|like|although|though|while|whereas|after|before|as|when|whenever|if|unless|"
    r"because|since|despite|with|without|following|according to|amid|during|in|on|at|by|from|under|over|whether)\b",
    re.I)
_NOT_ONLY = re.compile(r"^[\"'\u201c\u2018(]*not only\b", re.I)
_RELATIVE = re.compile(r"\b(where|which|who|whom|whose|that|when|because|although|while)\s+([^,;.!?]+?)[.!?\"'\u201d]*$",
                       re.I)


def fragment(text: str, source: str) -> str | None:
    """Why `text` (a rewrite of `source`) is not a complete sentence, or None: it is only an
    introductory phrase or clause (its main clause was deleted), or it ends in a clause cut before
    its verb (the source goes on where the rewrite stops: "... marsh where worms and shellfish.")."""
    body = text.strip()
    if _NOT_ONLY.match(body) and not re.search(r"\b(?:but|also)\b|[,;]\s+(?:it|he|she|they|we|there)\b", body, re.I):
        return "'not only' without its second half"  # "Not only was this year's extent, reached on May 2."
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


# --- a rewrite is a deletion of its sentence ------------------------------------------------------
# The rewriter compresses a sentence. Measured on 4,616 rewrites of CNN/DM test articles, the ones that
# put in words of their own or move words about ("Williams beat Errani 6-0 6-3" from "Williams and Riske
# were thrashed 6-0 6-3 by Errani and Pennetta") were mostly wrong, and so were deletions that join a
# subject to another clause's verb ("Courtois went on to win 2-1"), drop a "not", or stop before a
# "but". So a rewrite must keep its sentence's words in their order, may add only "the", "a", "an", a
# first name its context gives, or another word for "said", and must delete safely (`deletion_problems`).

_WORD_TOKEN = re.compile(r"n't\b|\w+(?:[.,]\d+)*|'\w+|[^\w\s]")
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2014": "-", "\u2013": "-"})
_FREE_WORDS = frozenset({"the", "a", "an"})
_SPEECH = frozenset("said says say told tells insists insisted added adds revealed reveals explained explains "
                    "admitted admits wrote writes stated states warned warns announced announces confirmed confirms "
                    "notes noted reports reported claims claimed believes believed thinks".split())
# speech verbs whose attribution a rewrite may drop ("X said that Y" -> "Y"): not a claim or a belief
_PLAIN_SPEECH = _SPEECH - {"claims", "claimed", "believes", "believed", "thinks"}
# words whose loss changes what is claimed: negation, modality, doubt, conditions
_HEDGES = frozenset("not n't no never nor cannot without none nobody nothing neither nowhere hardly barely scarcely "
                    "may might could would should allegedly alleged reportedly suspected possibly possible likely "
                    "unlikely if whether unless denied denies deny accused accuses almost nearly apparently seemingly "
                    "supposedly purportedly".split())
# words that say whether a role, plan or state is real or still holds: "[former] midfielder", "[deputy]
# mayor", "his [proposed] move", "training [with the hope of] winning", "[briefly] retired"
_ROLE_WORDS = frozenset("former deputy assistant acting interim caretaker vice".split())
_QUALIFIERS = _ROLE_WORDS | frozenset("proposed potential prospective rumoured rumored mooted hope hopes hoped hoping "
                                      "briefly temporarily remaining surviving".split())
_CONTRAST = frozenset("but however yet although though except despite nevertheless instead".split())
_SUBORDINATORS = frozenset("although though while whereas unlike despite if unless because when after before as "
                           "since once until".split())
_BOUNDARY = frozenset(", ( ) - : ; \" \u2013 \u2014 --".split())  # en and em dashes set off asides too
# words a sentence may go on with where a rewrite stops: a prepositional phrase, a new clause
_SAFE_NEXT = frozenset("after before as when while in on at for with by from to during since until because and or "
                       "despite following amid over under against into onto across through throughout near like than "
                       "via who which where whose per including that should thanks if unless whether so then ahead "
                       "having between outside inside around about among along beyond within toward towards behind "
                       "below above beside upon".split())
# words that end an opening a rewrite may drop: "However,", "He said that", "... after" + a clause
_OPENING_ENDS = frozenset("cnn however but and so meanwhile now also after as while when because since".split())
_FUNCTION = frozenset("is are was were be been has have had do does did said says show shows that which who whom "
                      "to of in on at for with by from as and or but if when while it he she they we i you this "
                      "these those there here".split())
_PARTICLES = frozenset("up down out off away back over".split())
# a rewrite cut before the sentence ends may not stop on these
_DANGLING = frozenset("of to in on at for with by from into onto the a an and or but that which who whose than as "
                      "his her its their our my your especially particularly notably including even".split())
_CONCESSIVE = frozenset("though although because unless whereas if while".split())
_PASSIVE = frozenset("is are was were be been being am 's 're 'm".split())
_POSSESSIVE_MARKS = frozenset(["'", "'s"])  # (the check reads curly quote marks as straight ones)
_POSSESSIVE_PRONOUNS = frozenset("their his her its our my your".split())
# verbs with two objects ("makes X Y", "gave X Y"): a deleted object lets the second take its place
_VERBS_TAKING_TWO = frozenset("make makes made making give gives gave given giving name names named call calls "
                              "called leave leaves left keep keeps kept hand hands handed send sends sent show "
                              "shows showed offer offers offered award awards awarded".split())
_CONTRACTIONS = frozenset("'s 'd 'll 're 've 'm 't".split())  # a quote mark that opens no quotation
# what a kept word needs its "than" for ("rather than", "more than", "bigger than"), and verbs whose second
# complement is a name or a quoted label ("called the fans 'idiots'", "branded it 'a disgrace'")
_BEFORE_THAN = frozenset("rather more less fewer other else".split())
_NAMING = frozenset("call calls called calling dubbed branded labelled labeled described describes describing "
                    "nicknamed".split())
# words that open a clause of their own in what follows a rewrite's end
_CLAUSE_OPENERS = frozenset("and or but who whom whose which where when while that because as after before since "
                            "until if unless although though so than".split())
_AUXILIARIES = frozenset("is are was were be been being am has have had 's 're 've 'd 'm will would shall should can "
                         "could may might must do does did".split())
# an auxiliary in what follows a rewrite's end, before any mark or new clause: the verb of what was kept
# ("'s" and "'d" may be possessives and "would"s of another subject; "to be" is an infinitive)
_TAIL_VERBS = _AUXILIARIES - {"'s", "'d"}
# a takeaway needs a verb; without a tagger, a finite verb is an auxiliary, a form of a common verb, or
# a past form in -ed ("Justin Timberlake and Jessica Biel." and "Dress, £270, at johnlewis.com." have none)
# nouns as often as verbs ("light", "left", "set", "ground") are left out
_IRREGULAR = ("am is are was were be been has have had do does did go goes went gone get gets got gotten make makes "
              "made take takes took taken come comes came give gives gave given find finds found tell tells told "
              "say says said see sees seen know knows knew known think thinks thought leave leaves keep keeps kept "
              "hold holds held bring brings brought begin begins began begun run runs ran win wins won lose loses "
              "lost pay pays paid meet meets met lead leads led sets put puts cut cuts hit hits let lets hurt hurts "
              "spend spends spent build builds built send sends sent fall falls fell fallen rise rises rose risen "
              "grow grows grew grown show shows showed shown become becomes became sell sells sold buy buys bought "
              "feel feels felt stand stands stood fight fights fought seek seeks sought teach teaches taught catch "
              "catches caught write writes wrote written speak speaks spoke spoken break breaks broke broken choose "
              "chooses chose chosen drive drives drove driven eat eats ate eaten fly flies flew flown forget "
              "forgets forgot forgotten freeze froze frozen hide hid hidden ride rode ridden ring rang rung shake "
              "shook shaken sing sang sung sink sank sunk steal stole stolen strike struck swim swam throw threw "
              "thrown wake woke wear wore worn beat beats bear bore born shoot shoots shot sit sits sat sleep "
              "sleeps slept slide slid spin spun spread spreads stick stuck sting stung swing swung understand "
              "understands understood withdraw withdrew withdrawn bind bleed bled feed feeds fed flee flees fled "
              "mean means meant read reads lend lent quit quits deal deals dealt dig dug hang hung lays laid seem "
              "seems need needs want wants look looks face faces help helps try tries work works call calls ask "
              "asks play plays move moves live lives believe believes happen happens include includes continue "
              "continues change changes offer offers remain remains suggest suggests appear appears expect expects "
              "reach reaches kill kills die dies claim claims charge charges join joins warn warns plan plans vote "
              "votes return returns open opens close closes report reports allow allows add adds agree agrees "
              "launch launches score scores sign signs hope hopes insist insists deny denies admit admits accuse "
              "accuses celebrate celebrates attack attacks arrest arrests release releases struggle struggles earn "
              "earns fear fears miss misses serve serves step steps slip slips turn turns travel travels watch "
              "watches visit visits force forces land lands crash crashes jump jumps arise arose arisen awake awoke "
              "bend bent bet bid bite bit bitten blow blows blew blown breed bred burn burnt burst cast cling clung "
              "cost costs creep crept dive dove draw draws drew drawn dream dreamt drink drank drunk fling flung "
              "forbid forbade forbidden forecast forgive forgave forgiven grind hear hears heard kneel knelt lean "
              "leant leap leapt learn learns learnt lie lies prove proves proven rid sew shed shine shone shrink "
              "shrank shrunk shut sling slung slit smell smelt speed sped spell spelt spill spilt spit spat split "
              "spoil spoilt sprang sprung stink stank stride strode strung strive strove swear swore sworn sweep "
              "swept swell swollen tore torn thrust tread trod undergo underwent undergone undertake undertook "
              "upset weave wove weep wept withhold withheld overtake overtook oversee oversaw mislead misled "
              "rebuild rebuilt undo undid uphold upheld foresee foresaw overcome overcame heads tops backs urges "
              "names rules vows pledges slams hails blasts reveals unveils targets seals eyes nears")
_VERBS = frozenset(_IRREGULAR.split()) | _AUXILIARIES


_AFTER_VERB = frozenset("a an the to of up out off in on at as like with for his her their its that this from into "
                        "down over back himself herself themselves itself it him them more about after towards "
                        "alongside against during before across through around behind".split())


def has_verb(text: str) -> bool:
    """Whether `text` has a word that looks like a finite verb: a form of a common verb (`_VERBS`), an -ed
    form ("owed", not "artist-owned"), an -s form before an article or preposition ("kit uses a"), a
    word after "they"/"we" or between a plural and an article or preposition ("team-mates reflect on").
    Not a verb: one after "to" ("to win"), a caption's "pictured", anything before a label's colon
    ("Spooked: ..."). A caption that opens with a name and an -ing form ("Jo Smith riding Blue Star at
    Ascot") needs a form of a common verb or an -ed form; the -s guess is not enough there."""
    tokens = [t for t in _word_tokens(text) if _is_word(t) or t in ("-", ":")]
    colon = next((i for i, t in enumerate(tokens[:4]) if t == ":"), None)
    tokens = [t for t in tokens[colon + 1 if colon is not None else 0:] if t != ":"]
    ing = next((k for k, w in enumerate(tokens[:5]) if len(w) > 4 and w.endswith("ing")), None)
    caption = bool(ing) and not any(t in _VERBS or t == "n't" for t in tokens[:ing])
    for k, w in enumerate(tokens):
        if w == "-":
            continue
        prev = tokens[k - 1] if k else ""
        nxt = tokens[k + 1] if k + 1 < len(tokens) else ""
        if prev == "to" or w in _CAPTION_VERBS or w in ("'s", "'d") and prev not in _CONTRACTING:
            continue  # "Barcelona's win" is a possessive, "he's", "it'd" a verb
        if w in _VERBS or w == "n't" or (len(w) >= 4 and w.endswith("ed") and prev != "-" and w not in _ED_WORDS
                                          and prev not in _ADJECTIVE_BEFORE):  # not "an estimated 30%"
            return True
        if caption:
            continue
        if (nxt in _AFTER_VERB or nxt[:1].isdigit()) and (len(w) >= 4 and w.endswith("s")
                                                          and not w.endswith(("ss", "us", "is"))
                                   or prev in ("they", "we", "i", "you") or (len(prev) > 3 and prev.endswith("s"))):
            return True
    return False


# words whose "'s" or "'d" is a verb ("he's", "there's", "it'd"); after a noun it is mostly a possessive
_CONTRACTING = frozenset("he she it that there what who here where how everything nothing something everyone "
                         "someone nobody let".split())
# an -ed word after these is an adjective ("an estimated 30 per cent drop", "the injured man", "everything
# from customised sports cars")
_ADJECTIVE_BEFORE = frozenset("a an the his her its their our my your this that these those "
                              "from of with for in on at into about".split())
# what a photo caption says of its picture: not the finite verb of a sentence
_CAPTION_VERBS = frozenset("pictured photographed snapped seen shown depicted filmed".split())
_DOUBLE_QUOTES = "\"\u201c\u201d"


def is_question(sentence: str) -> bool:
    """Whether `sentence` asks (ends with a question mark, inside quote marks or not)."""
    return sentence.rstrip().rstrip("\"'\u2019\u201d)").endswith("?")


# a sentence whose first quote mark is a single one, apart, that closes a quotation before who said it: "... to break
# down ', the Sunday Telegraph reports." (the comma: not a plural's apostrophe, "the players ' union said")
_CLOSES_SINGLE = re.compile(r"^[^'\"\u2018\u2019\u201c\u201d]*?[^\s']\s*'\s*,\s+(?:[\w.-]+\s+){0,5}?"
                            r"(?:said|says|reports|reported|told|added|adds|explained|explains|wrote|writes)\b", re.I)


def opens_mid_quote(sentence: str) -> bool:
    """Whether `sentence` begins inside a quotation: its first double quote mark closes one ('Home at
    last," reads the sign.'), so its opening went to the sentence before (a splitter's cut); or its
    straight quote marks, three or more, do not pair up (the splitter cut through several quotes); or its first
    single quote mark closes one before who said it (`_CLOSES_SINGLE`)."""
    if sentence.count('"') >= 3 and sentence.count('"') % 2:
        return True
    if _CLOSES_SINGLE.match(sentence):
        return True  # "the two-party system has started to break down ', the Sunday Telegraph reports."
    at = next((i for i, c in enumerate(sentence) if c in _DOUBLE_QUOTES), None)
    if at is None:
        return False
    if sentence[at] != '"':
        return sentence[at] == "\u201d"
    before, after = sentence[at - 1:at], sentence[at + 1:at + 2]
    return bool(before) and not before.isspace() and before not in "([" and (not after or not after.isalnum())


def _word_tokens(text: str) -> list[str]:
    return list(_cached_tokens(text))


@lru_cache(maxsize=4096)  # a sentence is checked against each of its beams, and a text several times
def _cached_tokens(text: str) -> tuple[str, ...]:
    text = re.sub(r"(\w)n't\b", r"\1 n't", text.lower().translate(_QUOTES))
    return tuple(_WORD_TOKEN.findall(text))


@lru_cache(maxsize=4096)  # as `_cached_tokens`: a sentence is checked against each of its beams
def _surface_tokens(text: str) -> tuple[str, ...]:
    """`_word_tokens` as written (not lowercased): what casing a word has in its sentence."""
    return tuple(_WORD_TOKEN.findall(re.sub(r"(\w)n't\b", r"\1 n't", text.translate(_QUOTES))))


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_" or (token[0] == "'" and len(token) > 1) or token == "n't"


def align(text: str, source: str, context: str = "") -> list[int | None] | None:
    """For each word of `text`, the index in `_word_tokens(source)` it keeps (None: a word the rewrite may
    add), in order, with the fewest jumps; None when `text` is not a deletion of `source`."""
    path = _align(text, source, context)
    return None if path is None else list(path)


@lru_cache(maxsize=1024)  # the rules and, with cuts="listed", `cuts.unlisted_cuts` align the same rewrite
def _align(text: str, source: str, context: str) -> tuple[int | None, ...] | None:
    words = [t for t in _word_tokens(text) if _is_word(t)]
    src = _word_tokens(source)
    ctx = _word_tokens(context)
    ctx_pairs = set(zip(ctx, ctx[1:]))
    where: dict[str, list[int]] = {}
    for k, t in enumerate(src):
        where.setdefault("said" if t in _SPEECH else t, []).append(k)
    # states after i words: last kept index -> (cost, path)
    states: dict[int, tuple[float, tuple]] = {-1: (0.0, ())}
    for i, w in enumerate(words):
        new: dict[int, tuple[float, tuple]] = {}
        for j, (cost, path) in states.items():
            for k in where.get("said" if w in _SPEECH else w, ()):
                if k > j:
                    c = cost + (0 if j < 0 or k == j + 1 else 1) + (0.5 if src[k] != w else 0)
                    if k not in new or new[k][0] > c:
                        new[k] = (c, path + (k,))
            nxt = words[i + 1] if i + 1 < len(words) else ""
            if w in _FREE_WORDS or (w, nxt) in ctx_pairs:
                c = cost + 0.6
                if j not in new or new[j][0] > c:
                    new[j] = (c, path + (None,))
        if not new:
            return None
        # a state is dropped only when an earlier index costs a whole jump less: from there every later
        # index is reachable for at most one more jump
        best, states = float("inf"), {}
        for j in sorted(new):
            if new[j][0] < best + 1:
                states[j] = new[j]
                best = min(best, new[j][0])
    return min(states.values(), key=lambda s: s[0])[1]


def _after_last(tokens: list[str], marks: set[str]) -> list[str]:
    """The tokens after the last of `marks` (all of them when there is none)."""
    cut = max((i for i, t in enumerate(tokens) if t in marks), default=-1)
    return tokens[cut + 1:]


_SENTENCE_END = {".", "!", "?"}
_CONDITIONS = {"if", "unless", "whether"}
_ITEM_ENDS = _SENTENCE_END | {":"}  # where a dropped opening's last item starts
# what a deleted time adjunct ends with ("left the club [a year ago]"): no second object
_TIME_WORDS = frozenset("ago later earlier before after year years month months week weeks day days time".split())
_PREPOSITIONS = frozenset("in on at for during after before since by from with under over amid following "
                          "throughout within".split())
# subordinators that open a clause of their own inside an opening, or cut one short at the end
_OPENING_SUBORDINATORS = _SUBORDINATORS - {"as", "after", "before", "when", "since", "once"}
_KEPT_SUBORDINATORS = _OPENING_SUBORDINATORS - {"until"}
# what an opening may lose at its end without cutting a clause: determiners, possessives, up to 3 modifiers
_DETERMINERS = _FREE_WORDS | {"his", "her", "its", "their", "our", "my", "-"}
_NOT_MODIFIERS = _FUNCTION | _OPENING_ENDS | _VERBS
_PHRASE_BREAKERS = _FUNCTION - _PREPOSITIONS - _FREE_WORDS
_SAFE_STOP = _SAFE_NEXT | _CONTRAST


# words that say how exact a number is: "[more than] $10,000", "[at least] 12 people", "[nearly] half"
_QUANTIFIERS = frozenset("than least most about around nearly almost over under roughly approximately some "
                         "estimated only just extra additional another upwards close below above exceeding "
                         "barely merely potentially possibly perhaps reportedly allegedly".split())  # and "up to"
_SCALE_WORDS = frozenset("hundred hundreds thousand thousands million millions billion billions trillion dozen "
                         "dozens half third quarter fifth tenth".split())
_OBJECT_PRONOUNS = frozenset("them him us me".split())  # not "her": "won [her] first title" is a possessive
_FINITE = frozenset("is are was were has have had".split())
_ED_WORDS = frozenset("mohamed mohammed muhammed ahmed hamed mahmoud naveed javed saeed rasheed hundred "
                      "sacred naked wicked kindred united".split())  # -ed words that are no verb ("West Ham United")
# what may follow a verb as its object: "[Defoe (centre)] scored the winner"; "the [alleged] incident" is no verb
_OBJECT_STARTS = frozenset("the a an his her their its him them it up out down off".split())
_CLAIMS = frozenset("said says told insists insisted added adds revealed reveals explained explains alleges alleged "
                    "claims claimed warns warned argues argued believes believed reports reported".split())
_TIME_UNITS = frozenset("seconds minutes hours days weeks months years second minute hour day week month year".split())
# verbs of a view: "Cook [feels the batsman] is ready" makes the speaker the subject
_VIEW = _SPEECH | frozenset("feels felt thinks thought reckons reckoned fears feared hopes hoped".split())
_PARTITIVES = frozenset("one two three four five six seven eight nine ten some most many all half part none each "
                         "several few much any both either neither majority minority".split())
_BEFORE_TO = frozenset("due thanks according prior owing".split())  # "due[ to ...]"
# words whose "to" and verb complete them: "understood[ to want]", "set[ to join]", "likely[ to be]"
_RAISING = frozenset("understood believed thought said expected set likely unlikely able unable about going keen "
                     "eager ready poised tipped reported rumoured rumored alleged supposed bound due yet".split())
# a word that, opening a rewrite whose sentence has words before it, is the verb of a subject left behind:
# auxiliaries and past forms that are no participle ("[England] fell short"; "made", "found" open phrases)
_OPENING_FINITE = frozenset(
    "said says told tells went fell rose came became began ran saw took gave wrote spoke broke chose drove "
    "flew grew knew threw drew drank ate won lost scored".split()) | (
    _AUXILIARIES - {"'s", "'re", "'ve", "'d", "'m", "be", "been", "being", "may", "will", "can"})
# prepositions whose object a deletion can hand to the verb before them
_OBJECT_PREPOSITIONS = frozenset("for from to into onto with about against in on at of by".split())
_COMPARATIVES = frozenset("sooner later better worse rather earlier bigger smaller higher lower longer shorter "
                          "greater larger faster slower older younger".split())
_SUBJECT_PRONOUNS = frozenset("he she they we i you it".split())
# what may follow a relative pronoun that a rewrite drops: the subject of a clause whose object it was
_RELATIVE_SUBJECTS = _SUBJECT_PRONOUNS | (_DETERMINERS - {"-"}) | {"this", "these", "those"}
# verbs whose object a participle completes: "saw his hopes ended", "had his car stolen"
_COMPLEMENT_VERBS = frozenset("see sees saw seen seeing watch watches watched get gets got getting leave leaves left "
                              "want wants wanted keep keeps kept".split())
# speech verbs that are nouns too, after a determiner: "lawmakers in those states", "the United States"
_SPEECH_NOUNS = frozenset("states reports claims notes".split())
_NOUN_BEFORE = frozenset("those these united other such".split())
# verbs whose "to" says the next one is only needed, tried, meant or promised: "[had to] beat", "[vowed to] fight"
_MODAL_TO = frozenset("need needs want wants try tries plan plans hope hopes aim aims seek seeks seem seems "
                      "vow vows promise promises threaten threatens refuse refuses fail fails agree agrees "
                      "decide decides attempt attempts intend intends prepare prepares expect expects ought "
                      "used going set due able unable bid sought".split())
# where a side was put: "put Rangers [3-0 up]"
_PUT_PLACES = frozenset("in into ahead level at on behind under up clear top through together".split())
_WEB_ENDS = frozenset("com co uk org net".split())  # "told manutd.com" cut to "van gaal.com"
# words that open a clause or an aside after a dash, which the lowercased text writes joined ("summer-even")
_DASH_OPENERS = frozenset("whether even along either both just only not no all more less so yet still".split())
_VOWEL_SOUND = re.compile(r"^(?:[aeio]|u(?!ni|s[aeiu]|ra|ro|ti|k)|hour|honou?r|honest|heir|[fhlmnrsx]\b|"
                          r"(?:mp|mba|nfl|nba|nhs|fbi|mri|sos|rspca|lsd|mla|nbc|hbo)\b)")


def _number_at(src: list[str], b: int) -> bool:
    """Whether the kept word src[b] opens a number: digits, a currency sign, a number word, "a million"."""
    t = src[b] if b < len(src) else ""
    nxt = src[b + 1] if b + 1 < len(src) else ""
    return bool(t and (t[0].isdigit() or t in "$£€¥" or t in _WORD_VALUES or t in _SCALE_WORDS
                       or t in ("a", "an") and nxt in _SCALE_WORDS))


def _hedges_a_number(dropped: list[str], src: list[str], b: int) -> bool:
    """Whether the last word of a dropped span says how exact the number right after it is (the kept
    word src[b], or a currency sign dropped with the span: "[more than $]10,000")."""
    words = [k for k, t in enumerate(dropped) if _is_word(t)]
    if not words or dropped[words[-1]] not in _QUANTIFIERS and [dropped[k] for k in words[-2:]] != ["up", "to"]:
        return False
    signs = dropped[words[-1] + 1:]
    return _number_at(src, b) or bool(signs) and all(t in "$£€¥" for t in signs) and src[b][:1].isdigit()


def _article_agrees(article: str, word: str) -> bool:
    """Whether "a"/"an" fits the word after it, by its spelling ("an hour", "a union", "an MP")."""
    return (article == "an") == bool(_VOWEL_SOUND.match(word.lower()))


def deletion_problems(text: str, source: str, context: str = "") -> list[str]:
    """Why `text` is not a safe deletion of `source`, or []: it adds or moves words ("reworded"), drops a
    negation, modal, doubt or condition from what it keeps ("negation"), stops before a "but" clause
    ("contrast"), deletes a span that joins words of different clauses (four or more words that are
    not an aside between commas or brackets, an opening cut mid-clause, a particle: "deletion"), or
    keeps a clause whose main clause it drops or stops in the middle of a phrase ("fragment"). A whole
    sentence of a quote dropped before or after is not a deletion inside one."""
    path = align(text, source, context)
    kept = [k for k in path or () if k is not None]
    if not kept:
        return ["reworded"]
    src = _word_tokens(source)
    kept_words = [src[k] for k in kept]
    if path[0] is None and src[kept[0]] == "'s":
        # "[Newcastle United had £34m in the bank, the club]'s accounts" -> "Newcastle's accounts": another owner
        return ["subject: a possessor from another sentence"]
    surface = _surface_tokens(source)
    surface = surface if len(surface) == len(src) else None  # the source's casing, token by token
    prefix = [t for t in _after_last(src[:kept[0]], _SENTENCE_END) if t not in ('"', "'")]
    suffix = src[kept[-1] + 1:]
    spans = [(src[a + 1:b], b) for a, b in zip(kept, kept[1:]) if b > a + 1]  # (deleted span, next kept)
    gaps = [g for g, _ in spans]
    asides = [g for g in gaps if g[0] in _BOUNDARY and g[-1] in _BOUNDARY]
    out = []
    # hedges in what the rewrite joins up: not in an aside ("the singer, who does not turn 73 until
    # Wednesday, has ..."), nor in an opening clause closed by a comma ("When she is not eating,
    # videos show ..."), except a condition ("If the deal fails, jobs will go")
    dropped = [t for g in gaps if g not in asides for t in g] + _after_last(prefix, {","})
    dropped += [t for t in prefix if t in _CONDITIONS]
    hedge = next((t for t in dropped if t in _HEDGES), None)
    if hedge:
        out.append(f"negation: {hedge}")
    kept_at = set(kept)
    for k in range(kept[-1]):
        # a qualifier dropped from what the rewrite keeps: "Immobile's [proposed] move", "[Former] Bayern Munich
        # midfielder Toni Kroos" (a role word only where a common noun after it stays: "replace [caretaker]
        # Kenny McDowall" names the same man, and a whole descriptor dropped with it says nothing wrong)
        if src[k] in _QUALIFIERS and k not in kept_at and (  # "with [the hope of] winning" too
                k + 1 in kept_at or src[k] not in _ROLE_WORDS and src[k + 1] in ("of", "to") and k + 2 in kept_at) and (
                src[k] not in _ROLE_WORDS or surface and any(
                    j in kept_at and _is_word(src[j]) and surface[j][:1].islower() for j in range(k + 1, k + 5)
                    if j < len(src))):
            out.append(f"deletion: a qualifier ({src[k]})")
            break
    clause = suffix[:8]
    contrast = next((i for i, t in enumerate(clause) if t in _CONTRAST), None)
    if contrast is not None and sum(map(_is_word, suffix[contrast + 1:contrast + 4])) >= 2:  # not "..., however."
        out.append("contrast: " + " ".join(suffix[:6]))
    if prefix:
        last_clause = _after_last(prefix, {","})
        opener = prefix[0] if prefix[0] in _SUBORDINATORS and prefix[-1] != "," else next(
            (t for t in last_clause[:2] if t in _OPENING_SUBORDINATORS),
            None)  # "They are losing faith, even though [Fulham should stay up]"
        if opener:
            out.append("fragment: inside a clause opened by " + opener)
        first = src[kept[0]]
        said = next((k for k in kept[:6] if src[k] in _CLAIMS), None)
        if prefix[-1] == "," and said is not None and (said + 1 >= len(src) or src[said + 1] in _SENTENCE_END
                                                        or src[said + 1] in _PREPOSITIONS or src[said + 1] == ",") \
                and any(t in _VERBS or len(t) > 4 and t.endswith("ed") for t in prefix):
            # "[Governments are using terrorism to advance executions,] Amnesty International alleges in its
            # report": what was said went with the opening
            out.append("fragment: what was said is cut (before " + src[said] + ")")
        if prefix in (["with"], ["without"]):  # "[With] Lewis Hamilton yet to sign a new contract[, it is said ...]"
            out.append("fragment: a '" + prefix[0] + "' phrase without its main clause")
        bare = prefix[:prefix.index("(")] if "(" in prefix and prefix[-1] == ")" else prefix  # less "(centre)"
        after_first = src[kept[0] + 1] if kept[0] + 1 < len(src) else ""
        if first in ("will", "would", "can", "could", "should", "must", "might") and after_first in ("be", "have"):
            # "[Chan (right)] will be given white clothing"
            out.append("fragment: no subject (" + " ".join(prefix[-3:]) + " " + first + ")")
        if (first in _OPENING_FINITE or len(first) > 4 and first.endswith("ed") and first not in _ED_WORDS
                and first not in _CAPTION_VERBS and bare and _is_word(bare[-1]) and bare[-1] not in _FUNCTION
                and bare[-1] not in _ADJECTIVE_BEFORE and (after_first in _OBJECT_STARTS or _is_number(after_first))) \
                and any(map(_is_word, prefix)):  # not "may", "will", "can": names, nouns
            out.append("fragment: no subject (" + " ".join(prefix[-3:]) + " " + first + ")")  # "[England] fell short"
        if prefix[-1] in _SUBORDINATORS and _unclosed_relative(prefix) and _runs_into_a_verb(kept_words):
            # "[A teacher who nursed her boyfriend after] he suffered a stroke had to flee": the teacher fled
            out.append("deletion: a subordinate clause's subject (" + " ".join(prefix[-3:]) + " " + first + ")")
        if prefix[-1] in _POSSESSIVE_PRONOUNS and surface and not source.islower() \
                and surface[kept[0]][:1].islower():  # "[His] father Michael is" reads as a priest
            out.append("deletion: whose " + src[kept[0]])
        item = _after_last(prefix, _ITEM_ENDS)
        comma = kept[0] - 1  # where the sentence's casing shows a name before the comma ("Cemetery, Hull"),
        while comma > 0 and src[comma] in ('"', "'"):  # the kept name continues it: a place, not a subject
            comma -= 1
        if item[-1:] == [","] and item[0] in _DETERMINERS and item[0] != "-" and len(item) > 2 \
                and surface and not source.islower() and surface[comma - 1][:1].isupper() \
                and not any(t in _VERBS or t in _SUBORDINATORS for t in item):
            # "[The weeping willow at the cemetery,] Hull looks like a nose": the subject, not an opening
            out.append("deletion: the subject before " + " ".join(item[-3:]))
        if _hedges_a_number(prefix, src, kept[0]):  # "[More than] 100 people died"
            out.append("deletion: how exact the number is (" + " ".join(prefix[-3:]) + ")")
        q = list(prefix)
        modifiers = 0  # "Celtic striker [Leigh Griffiths]", "fellow co-hosts [New Zealand]"
        # modifiers go before a name only: where the sentence's casing shows that the rewrite opens on a
        # common noun, they were the subject ("[The official time] referee Mason showed the card was ...")
        named = not surface or source.islower() or surface[kept[0]][:1].isupper()
        while q and (q[-1] in _DETERMINERS or
                     (named and modifiers < 3 and _is_word(q[-1]) and q[-1] not in _NOT_MODIFIERS
                      and not (len(q[-1]) > 4 and q[-1].endswith(("ing", "ed"))))):  # "Letting [the tide ...]"
            modifiers += q[-1] not in _FREE_WORDS and q[-1] != "-"
            q.pop()
        speech = q and (q[-1] in _PLAIN_SPEECH or (q[-1] == "that" and len(q) > 1 and q[-2] in _PLAIN_SPEECH))
        if len(prefix) == 1 and prefix[0] in _VERB_PREPOSITIONS:
            # "[For] climate change 'next year' is now": the preposition's object made the subject
            out.append("deletion: the opening preposition " + prefix[0])
        if speech and any(t in ("who", "which", "whom") for t in _after_last(q, {","})[-5:]):
            # "[From ... to a man who insisted] Murray was saying ...": what someone in a relative clause said
            out.append("fragment: what was said in a relative clause (" + " ".join(prefix[-4:]) + ")")
        phrase = (prefix[0] in _PREPOSITIONS and len(prefix) <= 6  # "For 16 years [Gerrard was ...]"
                  and not any(t in _PHRASE_BREAKERS for t in prefix[1:]))
        clause_and = q[-1:] != ["and"] or q[-2:-1] == [","]  # "X, and [Y did]"; not "Machida and [Rockhold]"
        if q and (q[-1] not in _BOUNDARY and q[-1] not in _OPENING_ENDS or not clause_and) and not speech \
                and not phrase:
            out.append("deletion: opening cut mid-clause (" + " ".join(prefix[-5:]) + ")")
        head = [src[k] for k in kept[:3]]
        item = _after_last(prefix[:-1], {","})  # what the dropped opening was, up to its comma
        if prefix[-1] == "," and ("and" in head or "or" in head) and item and item[0] not in _PREPOSITIONS \
                and item[0] not in _SUBORDINATORS and not any(t in _VERBS or t.endswith("ed") for t in item):
            # "[Fans of Leeds,] Hull and York may be shocked": the first of a list, and what it was of
            out.append("deletion: the start of a list (" + " ".join(prefix[-5:]) + ")")
    kept_set = set(kept)
    aside_end = suffix.index(",") if "," in suffix else None  # the comma closing an aside the rewrite opened
    for g, b in spans:
        a = b - len(g) - 1  # the kept word before the gap
        if _hedges_a_number(g, src, b):  # "billed taxpayers for [more than] $10,000"
            out.append("deletion: how exact the number is " + " ".join(g))
            break
        if src[b] == "than" and g[-1] in _COMPARATIVES | {"more", "less", "fewer"} or \
                src[b] == "than" and len(g[-1]) > 4 and g[-1].endswith("er"):
            out.append("deletion: a comparative " + " ".join(g))  # "will return [sooner] than expected"
            break
        gw = [t for t in g if _is_word(t)]
        if gw and all(t in _AUXILIARIES for t in gw) and "been" in src[b:b + 2] and gw[-1] != "been":
            out.append("deletion: auxiliary " + " ".join(gw))  # "Hostey, 22, [has] allegedly been"
            break
        if len(gw) == 1 and gw[0] in _OBJECT_PRONOUNS and src[a] not in _PREPOSITIONS:
            out.append("deletion: an object " + gw[0])  # "the win lifted [them] above Southampton"
            break
        if g not in asides and any(t in _CONTRAST for t in gw):
            out.append("deletion: " + " ".join(gw))  # "trapped lbw[, but Behardien] and Philander took"
            break
        if g not in asides and g[0] in _BOUNDARY and any(t in _FINITE for t in gw):
            out.append("deletion: a verb " + " ".join(gw))  # "The actor, who has a role[, was in Tallahassee] for"
            break
        if g not in asides and "to" in gw[:-1] and gw[-1] in _VERBS and gw[-1] not in _AUXILIARIES - {"be", "have"}:
            out.append("deletion: a verb " + " ".join(gw))  # "luring [Britons to become] fighters"
            break
        if gw[-1:] == ["of"] and len(gw) <= 3 and gw[0] in _PARTITIVES and g not in asides:
            out.append("deletion: a quantifier " + " ".join(gw))  # "regained control of [one of] its 11 channels"
            break
        if g[0] == "of" and _is_number(src[a]) or ("and" in g or "or" in g) and g[0] not in _BOUNDARY and (
                _is_number(src[a]) or src[a] in ("other", "more") and a > 0 and _is_number(src[a - 1])):
            # "Nine [of ten] prisoners", "149 other [crew and] passengers": what the number counts
            out.append("deletion: what the number counts " + " ".join(g))
            break
        if gw in ([p] for p in _SUBJECT_PRONOUNS - {"it", "you"}) and src[b] in _AUXILIARIES | _VERBS \
                and g[0] not in _BOUNDARY:
            # "tipped as a replacement for Carver should [he] face the axe": the clause loses its subject
            out.append("deletion: a clause's subject " + gw[0])
            break
        if g not in asides and g[0] in _SUBJECT_PRONOUNS and any(t in _VERBS or t in _SPEECH for t in g[1:]):
            out.append("deletion: a clause's subject and verb " + " ".join(g))  # "revealed [he told] his parents"
            break
        if g not in asides and len(gw) >= 2 and gw[-1] == "it" and src[b] in ("was", "is", "'s") \
                and (gw[-2] in _CLAIMS or gw[-2] == "that"):
            out.append("deletion: a clause's subject " + " ".join(g))  # "The 21-year-old [said it] was a stretch"
            break
        if gw in (["who"], ["which"]) and g != gw:
            before = [src[k] for k in range(kept[0], a + 1) if k in kept_set or not _is_word(src[k])]
            if _verb_in(before) or has_verb(" ".join(before)):
                # "the top authority, Ali Khamenei[, who] has been blunt": a relative clause made a second main one
                out.append("deletion: a relative pronoun " + gw[0])
                break
        if g[0] in _SPEECH and g[-1] == "," and sum(map(_is_word, g)) <= 3:
            # "That, he [says,] will enable": the speaker becomes the subject of what was said
            out.append("deletion: an attribution's verb " + " ".join(g))
            break
        if len(gw) == 1 and gw[0] in _SPEECH and g not in asides:
            # "Bowen [said] claims he is anti-Semitic are untrue": what he denied becomes what he says
            out.append("deletion: a verb " + gw[0])
            break
        if g not in asides and sum(map(_is_word, g)) >= 4:
            out.append("deletion: " + " ".join(g))
            break
        if len(g) == 1 and g[0] in _PARTICLES:
            out.append("deletion: particle " + g[0])
            break
        if src[b].startswith("'") and _is_word(src[b]) and gw:  # "the French [the league]'s": another possessor
            out.append("deletion: possessor " + " ".join(g))
            break
        gq = [t for t in g if t not in ('"', "'")] or g  # past a quote mark: "should [be] 'able to ...'"
        if all(t in _PASSIVE for t in gq) or all(t in _AUXILIARIES for t in gq) and (
                len(gq) > 1 or src[a] in _AUXILIARIES or src[b] in _AUXILIARIES):
            # "the boy [was] bought a toy gun", "Ancelotti [is] hoping", "Cullum [has been] charged",
            # "they would [have] been"
            out.append("deletion: auxiliary " + " ".join(g))
            break
        if g[-1] != "-" and all(t == "-" if k % 2 == 0 else _is_word(t) for k, t in enumerate(g)) \
                and _hyphenated(source, src[a], g[1]) or g[:4] == ["-", "in", "-", "law"]:  # lowercased "-in-law" too
            out.append("deletion: a hyphenated word's tail " + src[a] + "".join(g))  # "her son[-in-law]"
            break
        if len(g) == 2 and g[1] == "-" and g[0].isalpha() and src[a] != "-" and _hyphenated(source, g[0], src[b]):
            out.append("deletion: a hyphenated word's head " + "".join(g[-2:]) + src[b])  # "West Ham [co-]owner"
            break
        if g not in asides and g[-1] in _OBJECT_PREPOSITIONS and len(gw) >= 2 and src[b] not in _VERBS \
                and g[0] not in _BOUNDARY | _AUXILIARIES | _PARTICLES | _PREPOSITIONS and src[a] not in _AUXILIARIES \
                and (src[a] in _VERBS or len(src[a]) > 4 and src[a].endswith("ed")
                     # "play for [her country against] Germany"
                     or src[a] in _PREPOSITIONS and g[-1] not in ("of", "in", "at")):
            # "Nile Rodgers enlisted [Karlie Kloss for] Chic's video", "joined [the club from] Chelsea": the
            # preposition's object becomes the verb's
            out.append("deletion: an object and its preposition " + " ".join(g))
            break
        if len(gw) == 1 and gw[0] in ("with", "by", "of", "for") and len(src[b]) > 4 and src[b].endswith("ed") \
                and not _verb_in([src[k] for k in kept if k < b]):
            # "Leigh Griffiths [with] signed match ball": the participle becomes what he did
            out.append("deletion: a participle made the verb (" + gw[0] + " " + src[b] + ")")
            break
        if g[0] in ("which", "who", "whom", "whose") and len(gw) >= 2 and g not in asides and _is_word(src[b]):
            # "the 3-0 win over Israel [which took Wales] to the top of their group": the rest of the clause dangles
            out.append("deletion: a relative clause's opening " + " ".join(g))
            break
        if gw[-1:] and gw[-1] in _SUBORDINATORS | {"once"} and g not in asides and _is_word(src[b]) \
                and src[b] in _SUBJECT_PRONOUNS | _DETERMINERS and gw[-1] not in ("as", "like", "despite", "unlike"):
            # "She said[, once] he bonded out of jail, Curtsinger returned": the subordinate clause made a main one
            out.append("deletion: a subordinator (" + gw[-1] + ")")
            break
        if g[0] == "from" and src[b] == "as" and _is_word(src[a]) or g == ["by"]:
            # "promoted Phillips [from his role] as under-23 team doctor": the "as" phrase now says what he became;
            # "he was accompanied [by] as many as 20 people"
            out.append("deletion: " + " ".join(g) + " (before " + src[b] + ")")
            break
        if [t for t in g if t not in ('"', "'")] == ["to"] and _is_word(src[b]) and src[a] not in ("up", "down"):
            out.append("deletion: to")  # "the club have[ to] 'make plans'"
            break
        if g == [","] and len(src[b]) > 4 and src[b].endswith("ed") and src[b] not in _ED_WORDS and _is_word(src[a]) \
                and aside_end is not None and aside_end + 1 < len(suffix) and (
                suffix[aside_end + 1] in _SPEECH or suffix[aside_end + 1] in _TAIL_VERBS) \
                and not _verb_in([src[k] for k in kept if k > b]):
            # "Cellino[,] banned from having any influence at Elland Road[ until May 4, told ...]": an aside's
            # participle made the verb
            out.append("deletion: a participle made the verb (, " + src[b] + ")")
            break
        if g not in asides and gw[:1] and gw[0] in _VIEW and len(gw) >= 2 and gw[-1] not in _SUBJECT_PRONOUNS \
                and (src[b] in _AUXILIARIES or src[b] in _VERBS):
            # "Test captain Alastair Cook [feels the batsman] is ready": who is ready changes
            out.append("deletion: whose view it was (" + " ".join(gw) + ")")
            break
        if any(t in ("fact", "idea", "notion", "suggestion") for t in gw) and len(gw) <= 3 and _is_word(src[b]) \
                and g not in asides:
            out.append("deletion: " + " ".join(gw))  # "saddened by [the fact] Balotelli appears to"
            break
        if g not in asides and any(x in _PASSIVE and y in _SPEECH for x, y in zip(g, g[1:])):
            # "she [was told she] had less than two years left": what she was told becomes a fact
            out.append("deletion: what was told " + " ".join(g))
            break
        if g in ([",", "who"], [",", "which"]) and any(
                src[k - 1] == "," and (src[k] in _AUXILIARIES or src[k] in _VERBS) for k in kept if k > b):
            # "Wade[, who] missed out on the Six Nations, is recovering": two verbs, one subject, no clause
            out.append("deletion: a relative pronoun " + g[1])
            break
        if g in (["who"], ["which"]) and (_runs_into_a_verb(kept_words) or src[b] not in _RELATIVE_SUBJECTS):
            # "a teacher [who] nursed her boyfriend after he suffered a stroke had to flee": two verbs, one clause;
            # "Parents [who] refuse to vaccinate their children can lose": the relative clause made the main one
            # (an object's relative pronoun may go: "the man [who] she loved")
            out.append("deletion: a relative pronoun " + g[0])
            break
        if g not in asides and len(gw) >= 2 and gw[-1] in _SPEECH and _is_word(src[b]) \
                and not (gw[-1] in _SPEECH_NOUNS and gw[-2] in _DETERMINERS | _NOUN_BEFORE):  # "in those states"
            # "died just one day after [Hillary Clinton announced] she was running": what was said becomes a fact
            out.append("deletion: who said it " + " ".join(gw))
            break
        if g not in asides and gw[-1:] == ["to"] and len(gw) >= 2 and _is_word(src[b]) and src[b] not in _DETERMINERS \
                and any(t in _VERBS or t in _RAISING or t in _MODAL_TO or len(t) > 4 and t.endswith("ed")
                        for t in gw[:-1]):
            # "the Young Lions [had to] beat France" (they lost): what had to be, tried or was meant becomes done
            out.append("negation: " + " ".join(gw))
            break
        if g == ["to", g[-1]] and _is_word(g[-1]) and _is_word(src[b]) and src[b] not in _SAFE_STOP \
                and src[b] not in _TIME_WORDS and (src[a] in _VERBS or src[a] in _MODAL_TO
                                                  or len(src[a]) > 4 and src[a].endswith("ed")) \
                and not (a > 0 and (src[a - 1] in _DETERMINERS or src[a - 1] == "'s")):  # not "his move[ to Spurs]"
            # "Rangers have promised [to probe] claims": the object goes to the verb before
            out.append("deletion: a verb and its 'to' (to " + g[-1] + ")")
            break
        cut = _cut_inside_a_phrase(g, src, a, b, g in asides)
        if cut:
            out.append("deletion: " + cut)
            break
        words = [t for t in g if _is_word(t)]
        if len(words) >= 2 and g[-1] in _POSSESSIVE_PRONOUNS and g not in asides:
            out.append("deletion: " + " ".join(g))  # "Irfan and Maqsood [celebrate their] win"
            break
        if surface and words and all(surface[k][:1].isupper() for k in range(a + 1, b) if _is_word(src[k])) \
                and surface[b][:1].isupper() and a >= 0 and not surface[a][:1].isupper():
            out.append("deletion: part of a name " + " ".join(g))  # "in [New] York City"
            break
        if surface and not source.islower() and a >= 0 and len(words) >= 2 and g[0] not in _BOUNDARY \
                and all(surface[k][:1].isupper() for k in range(a + 1, b) if _is_word(src[k])) \
                and surface[a][:1].isupper() and src[b] in _AUXILIARIES:
            # "Misty May-Treanor[ Sports Center] was opened": the name left is another one's (two words or
            # more: "Tottenham[ Hotspur] are" is the same club)
            out.append("deletion: the rest of a name " + " ".join(g))
            break
        if g[0] in _POSSESSIVE_MARKS and any(_is_word(t) and t not in _POSSESSIVE_MARKS for t in g):
            # "the band['s new single] 'Rain'", "Hodgson['s men] struggled": the possessor takes the place
            out.append("deletion: a possessive " + " ".join(g))
            break
        if (src[a] in _VERBS_TAKING_TWO and g[0] in _FREE_WORDS and src[b] in _DETERMINERS
                or src[a] in _FREE_WORDS and a > 0 and src[a - 1] in _VERBS_TAKING_TWO
                and any(t in _FREE_WORDS for t in g)):
            # "makes [the French] the league's most successful": the next phrase takes the object's place
            out.append("deletion: an object " + " ".join(g))
            break
        if src[a] == "of" and g[-1] == "'s" and len(gw) >= 2 and a > 0 and (src[a - 1].isdigit()
                                                                       or src[a - 1] in _WORD_VALUES):
            out.append("deletion: whose " + " ".join(g))  # "all seven of [Chelsea's] Champions League games"
            break
        if a > 0 and src[a - 1] in _VERBS_TAKING_TWO and _is_word(src[a]) and src[a] not in _FREE_WORDS \
                and g[0] in _FREE_WORDS and len(gw) >= 2:
            out.append("deletion: an object " + " ".join(g))  # "to give Barcelona [the lead] after 19 minutes"
            break
        v = next((k for k in range(a - 1, max(-1, a - 6), -1) if src[k] in _VERBS_TAKING_TWO), None)
        if v is not None and a - v >= 2 and all(k in kept_set for k in range(v, a + 1)) \
                and all(_is_word(src[k]) and src[k] not in _PREPOSITIONS and src[k] not in _VERBS
                        for k in range(v + 1, a + 1)) \
                and g[0] in _FREE_WORDS and 2 <= len(gw) <= 4 \
                and not any(t[:1].isdigit() or t in _TIME_WORDS for t in gw) \
                and (src[b] in _PREPOSITIONS or not _is_word(src[b])):
            # "handed caretaker manager Dean Holden [the job] for the rest of the season"
            out.append("deletion: a second object " + " ".join(g))
            break
        if g[0] in ("and", "or") and len(g) > 1 and g[-1] == src[a] and _is_word(src[a]):
            out.append("deletion: two names made one " + " ".join(g))  # "the Statue of Liberty[ and Liberty] Island"
            break
        conj = g[g.index(")") + 1:] if g[0] == "(" and ")" in g else g  # past "(left)": "Mata [(left) and Rooney]"
        if conj[:1] in (["and"], ["or"]) and len(conj) > 1 and not _verb_in(conj[1:]) and (
                src[b] in _AUXILIARIES or src[b] in _VERBS or len(src[b]) > 4 and src[b].endswith("ed")):
            # "Spurs [and England] have been in talks", "Dujardin [and Valegro] won": one of two did it
            out.append("deletion: a conjunct " + " ".join(g))
            break
        if g not in asides and any(_is_number(t) for t in gw) and len(gw) <= 2 and "-" not in g and not any(
                t in _VERB_PREPOSITIONS or t in _DATE_WORDS for t in gw) and src[b] in _AUXILIARIES | _VERBS \
                and (src[a].endswith("s") if g[0] == "," else g[0] == "and" and src[a].endswith("s")
                     or src[b] in _AUXILIARIES):  # not "Lukaku's [£28million] move", "Ann[, 38] has"
            # "the ship's 2,117 passengers[, 95] have suffered": how many did it
            out.append("deletion: a number " + " ".join(g))
            break
        if gw[-1:] == ["to"] and len(gw) >= 2 and _is_word(src[b]) and src[b] not in _DETERMINERS \
                and not _is_number(src[b]) and gw[0] not in _PREPOSITIONS and g[0] not in _BOUNDARY:
            # "Phil Burgess [streaks away to] score England's first try": the infinitive made the verb
            out.append("deletion: a verb before 'to' (" + " ".join(gw) + ")")
            break
    for k in kept:  # "the gap between [his team and] Chelsea", "between supporters[ and the club's hierarchy]"
        if src[k] == "between" and k + 1 < len(src) and src[k + 1] not in _OBJECT_PRONOUNS:  # "laps between them"
            end = next((j for j in range(k + 1, min(len(src), k + 10)) if src[j] in _SENTENCE_END or src[j] == ";"),
                       min(len(src), k + 10))
            conj = next((j for j in range(k + 2, end) if src[j] == "and"), None)
            if conj is not None and conj not in kept_set and not (conj + 1 < len(src) and src[conj + 1] in _VERBS):
                out.append("deletion: between what and what (" + " ".join(src[k:conj + 2]) + ")")
                break
    # where the rewrite stops, the sentence goes on with a phrase or clause of its own (a participle
    # too: "... on a website called X"), not with the rest of a phrase or the verb of what was kept
    rest = [t for t in suffix[:4] if t not in ('"', "'")][:3]  # past a closing quote mark
    participle = len(rest[0]) > 4 and rest[0].endswith(("ed", "ing")) if rest else False
    if rest and _is_word(rest[0]) and rest[0] not in _SAFE_STOP and not participle:
        out.append("fragment: cut before " + " ".join(rest))
    # the rewrite's words and the commas between them
    with_commas = [src[k] for k in range(kept[0], kept[-1] + 1) if k in kept_set or src[k] in (",", ";")]
    items = _after_last(with_commas, {";"})
    if rest[:1] == ["and"] and items.count(",") >= 1 and items[-1] != "," \
            and not any(t in _VERBS for t in suffix[1:6]) \
            and not _verb_in(items[len(items) - 1 - items[::-1].index(","):]) \
            and not has_verb(" ".join(items[len(items) - items[::-1].index(","):])) and not any(
            t in _SENTENCE_END for t in suffix[1:3]):
        # "a 3,000-mile bike ride across the USA, a ski marathon[ and a four-mile swim]": a list cut short
        out.append("fragment: the last of a list cut (" + " ".join(suffix[:4]) + ")")
    if rest[:1] in (["and"], ["or"]) and 1 <= sum(map(_is_word, suffix[1:5])) <= 3 \
            and any(t in _SENTENCE_END for t in suffix[1:6]) and not any(t in _VERBS for t in suffix[1:5]):
        out.append("fragment: the last of a list cut (" + " ".join(suffix[:4]) + ")")  # "in October[ and February]."
    elif rest[:1] in (["and"], ["or"]) and surface and not source.islower() and len(suffix) > 1 \
            and surface[kept[-1]][:1].isupper() and surface[kept[-1] + 2][:1].isupper() \
            and not any(t in _VERBS for t in suffix[2:6]):  # a name after a name; not "[ and Ozil was]"
        out.append("fragment: the last of a list cut (" + " ".join(suffix[:3]) + ")")  # "puppets Bert[ and Ernie]"
    if suffix[:1] == [","] and surface and not source.islower() and surface[kept[-1]][:1].isupper():
        # "in charge of FC Sion[, Palermo and OFI Crete]": names, then "and" a last one, then the end
        conj = next((k for k in range(2, min(len(suffix), 8)) if suffix[k] in ("and", "or")), None)
        end = next((k for k in range(conj + 2, min(len(suffix), conj + 6)) if suffix[k] in _SENTENCE_END), None) \
            if conj else None
        names = [kept[-1] + 1 + k for k in range(1, end or 0) if k != conj and _is_word(suffix[k])]
        if end and names and all(surface[k][:1].isupper() or suffix[k - kept[-1] - 1] == "," for k in names
                                 if k < len(surface)) and not any(t in _VERBS for t in suffix[:end]):
            out.append("fragment: a list cut after its first name (" + " ".join(suffix[:conj + 2]) + ")")
    if suffix[:1] == [","] and len(kept_words) > 1 and kept_words[-2] in _POSSESSIVE_PRONOUNS | {"the"}:
        second = next((k for k in range(2, min(len(suffix), 6)) if suffix[k] == ","), None)
        if second and second + 1 < len(suffix) and _is_word(suffix[second + 1]) \
                and suffix[second + 1] not in _SAFE_STOP | _CLAUSE_OPENERS | _VERBS | _PREPOSITIONS \
                and not any(t in _VERBS for t in suffix[1:second]):
            # "a walk near his Brooklyn[, New York, home]": the place was inside the phrase
            out.append("fragment: a phrase cut at a place inside it (" + " ".join(suffix[:second + 2]) + ")")
    if suffix[:1] == ["("] and ")" in suffix[1:6] and surface and not source.islower():
        close = suffix.index(")")  # past a bracketed aside: "leading Shinji Kagawa[ (pictured) and Japan to ...]"
        nxt, at = suffix[close + 1:], kept[-1] + close + 2
        if nxt[:1] in (["and"], ["or"]) and len(nxt) > 1 and at + 1 < len(surface) \
                and surface[kept[-1]][:1].isupper() and surface[at + 1][:1].isupper() \
                and not any(t in _VERBS for t in nxt[1:5]):
            out.append("fragment: the last of a list cut (" + " ".join(nxt[:3]) + ")")
    after = next((t for t in suffix[:6] if _is_word(t)), None)  # the sentence's next word past an ellipsis
    if (suffix[:2] == [".", "."] or suffix[:1] == ["\u2026"]) and after and after not in _SAFE_STOP:
        out.append("fragment: cut at an ellipsis")  # "to hold onto a pole and well[... pole dance]."
    # ", 'I'll ...'" right after the speaker and whom they told, and nothing quoted before it
    quoted_next = suffix[:1] == [","] and len(suffix) > 1 and suffix[1][:1] in ("'", '"') \
        and any(src[k] in _SPEECH or src[k] == "tell" for k in kept[-3:]) \
        and not any(t[:1] == '"' or t[:1] == "'" and t not in _CONTRACTIONS for t in src[kept[0]:kept[-1]])
    said_that = rest[:1] == ["that"] and len(rest) > 1 and _is_word(rest[1]) and any(
        (src[k] in _PLAIN_SPEECH or src[k] in ("admit", "tell", "say")) and (k == 0 or src[k - 1] not in _DETERMINERS)
        for k in kept[-4:])  # "admitted to protective services[ that the door ...]"; not "the reports[ that ...]"
    if suffix[:1] == [":"] and any(src[k] in _SPEECH for k in kept) or quoted_next or said_that:
        out.append("fragment: what was said is cut")  # "The 59-year-old told the club's website[: '...']"
    if rest[:1] == ["to"] and "from" in [src[k] for k in kept[-6:]] and len(rest) > 1 \
            and _is_number(rest[1]):
        out.append("fragment: a range cut (from ... to " + rest[1] + ")")  # "from 13,000 members[ to 55,000]"
    tw = _word_tokens(text)  # lowercased, quotes read plain: as `src`
    tail = []  # the first clause of what follows the rewrite's end, up to a mark or a word that opens another
    for k, t in enumerate(suffix):
        if t == "-" and tail and k + 1 < len(suffix) and _joined(source, tail[-1], suffix[k + 1]):
            tail.append(t)  # "at half-time was": a hyphen inside a word is no mark
            continue
        if t == "." and tail and tail[-1] in _ABBREVIATIONS:
            tail.append(t)  # "the villa in St. John may have caused": a title's full stop ends nothing
            continue
        if t in _BOUNDARY or t in _SENTENCE_END or t in _CLAUSE_OPENERS:
            break
        tail.append(t)
    start = kept[-1] + 1  # the month, not the modal: "a new deal[ in May]"
    month = {k for k, t in enumerate(tail) if t in ("may", "march") and surface and surface[start + k][:1].isupper()}
    verb = next((t for k, t in enumerate(tail) if t in _TAIL_VERBS and (k == 0 or tail[k - 1] != "to")
                 and k not in month), None)
    after_tail = suffix[len(tail):len(tail) + 2]
    if not verb and after_tail[:1] == [","] and len(after_tail) > 1 and after_tail[1] in _TAIL_VERBS \
            and not (after_tail[1] == "may" and suffix[len(tail) + 2:len(tail) + 3][:1] and _is_number(
                suffix[len(tail) + 2])) \
            and not any([t for t in g if _is_word(t)] in (["who"], ["which"]) for g in gaps):
        # "[The men missing,] Tom Reed and Ann Lee[, were seen ...]": the subject alone; "a woman inundated
        # with messages for running a group[ for teenagers, has shamed her trolls]"; not where a deleted "who"
        # made the rewrite of a relative clause ("The striker[, who] has not played since October")
        verb = after_tail[1]
    head_clause = list(takewhile(lambda t: t != ",", tw))  # the rewrite's own opening, up to its comma
    if not verb and suffix[:1] == [","] and len(suffix) > 2 and head_clause and not _verb_in(head_clause) \
            and not has_verb(" ".join(head_clause)) and "," in tw \
            and not any(t in _VERBS for t in tw[len(head_clause):]) \
            and not has_verb(" ".join(t for t in tw[len(head_clause):] if not t.endswith("ed"))) \
            and (suffix[1] in _TAIL_VERBS or len(suffix[1]) > 3 and suffix[1].endswith("s")
                 and not suffix[1].endswith("ss") and suffix[2] in _AFTER_VERB):
        # "SpaceX, the company founded by Elon Musk[, hopes to give it a try]": the subject and its aside only
        verb = suffix[1]
    if verb:  # "everything you hope a film [with its star would be]"
        out.append("fragment: cut before the verb " + verb)
    elif suffix[len(tail):len(tail) + 1] in ([","], ["-"], ["("]) \
            and ((after_aside := _past_aside(suffix[len(tail):])) in _TAIL_VERBS
                 or after_aside in _SPEECH and not tail and suffix[:1] == [","] and "," in tw[-8:-1]):
        # "... fined $804,000, R.K. Gaur[, a spokesman for the bureau, told CNN]": who said it, left as an aside
        # "Cook claimed that England's decision to replace him[, at the 11th hour ..., was proved wrong]",
        # "around 512,000 patients[ - one in three - do not get help]", "two deputies involved in the attempt
        # to arrest Eric Harris[ in Tulsa, Oklahoma, have been reassigned]": the verb after the aside is cut
        out.append("fragment: cut before the verb " + after_aside + " (after an aside)")
    elif rest and len(rest[0]) > 4 and rest[0].endswith("ed") and rest[0] not in _NAMING and not any(
            t in _VERBS or len(t) > 4 and t.endswith("ed") and p not in _ADJECTIVE_BEFORE  # not "a missed penalty"
            for p, t in zip([""] + tw, tw)):
        # "Two goals from Juan Mata and a red card[ condemned his side to defeat]": the only verb was cut
        out.append("fragment: cut before the verb " + rest[0])
    claim = suffix[1:suffix.index(".")] if suffix[:1] == [","] and "." in suffix else []
    if claim and len(claim) <= 8 and claim[0] not in _CLAUSE_OPENERS \
            and any(t in _SPEECH - _PLAIN_SPEECH or t in ("alleged", "alleges") for t in claim):
        # "Ginsburg has made up her mind[, a report has claimed]": a claim stated as a fact
        out.append("negation: a claim's attribution cut (" + " ".join(claim) + ")")
    if rest[:1] == ["to"] and any(w == "the" and n in ("first", "last") and m not in ("half", "time")
                                  for w, n, m in zip(kept_words[-8:], kept_words[-7:], kept_words[-6:] + ["."])):
        # "they became the first team in the Football League[ to secure promotion]"
        out.append("fragment: what they were the first to do is cut")
    if rest and len(rest[0]) > 4 and rest[0].endswith("ed") and any(t in _COMPLEMENT_VERBS for t in kept_words[-8:]):
        # "has seen his hopes of making his debut[ ended by injury]"
        out.append("fragment: what was seen done is cut (" + rest[0] + ")")
    latter = kept_words.index("latter") if "latter" in kept_words else None
    if latter is not None and not _is_word((kept_words + ["."])[latter + 1]) \
            and any(k not in kept_set for k in range(kept[0], kept[latter])):
        out.append("deletion: what 'the latter' was")  # "Laptops were second, [followed by tablets -] ... of the latter"
    conj = next((k for k in range(1, min(len(suffix), 12)) if suffix[k] in ("and", "or")), None)
    listed = [k for k, t in enumerate(tw[-13:-1]) if t == ","]  # the rewrite's own list: short items, two commas
    short_items = len(listed) >= 2 and all(b - a <= 4 for a, b in zip(listed, listed[1:] + [len(tw[-13:-1])]))
    if rest[:1] == [","] and conj and short_items and all(t == "," or _is_word(t) for t in suffix[:conj]) \
            and not any(t in _VERBS or t in _CLAUSE_OPENERS or t in _PREPOSITIONS for t in suffix[1:conj]) \
            and not any(t in _VERBS for t in suffix[conj + 1:conj + 4]):
        # "worn by majors, district commanders, deputy chiefs[, assistant chiefs and the chief of police]"
        out.append("fragment: the last of a list cut (" + " ".join(suffix[:conj + 2]) + ")")
    if suffix[:1] == [","] and len(suffix) > 2 and any(t in ("which", "who") for t in kept_words[-8:]) \
            and (suffix[1] in _TAIL_VERBS or len(suffix[1]) > 3 and suffix[1].endswith("s")
                 and not suffix[1].endswith("ss") and (suffix[2] in _AFTER_VERB or suffix[2] in _PREPOSITIONS)) \
            and suffix[1] not in _CLAUSE_OPENERS:
        # "the basket, which carries three occupants[, plummets to the ground]": the main verb after the clause
        out.append("fragment: cut before the verb " + suffix[1] + " (after a relative clause)")
    if rest[:1] == ["and"] and len(suffix) > 1 and _is_number(suffix[1]) and any(map(_is_number, kept_words[-6:])):
        # "were thrashed 6-3 by Manchester City[ and 5-1 by Liverpool]"
        out.append("fragment: the last of a list cut (" + " ".join(suffix[:4]) + ")")
    if src[kept[-1]] in ("hashtag", "handle", "account", "website") and suffix[:1] and suffix[0][:1] in ("#", "@"):
        out.append("fragment: what the " + src[kept[-1]] + " was is cut")  # "rallying around the hashtag[ #...]"
    if rest[:1] == ["and"] and "respectively" in suffix[:suffix.index(".") if "." in suffix else len(suffix)]:
        # "worth at least $180million[ and $120m to Mayweather and Pacquiao respectively]": whose figure is whose
        out.append("fragment: a 'respectively' list cut")
    if src[kept[-1]] in _PREPOSITIONS and suffix[:1] == [","] and len(suffix) > 1 and suffix[1] in _PREPOSITIONS:
        # "a burnt-orange tint in the minutes before[, during and after the eclipse]"
        out.append("fragment: a list of prepositions cut (" + " ".join(suffix[:4]) + ")")
    if "suspended" in suffix[:10] and any(t in ("sentenced", "jailed", "prison", "jail") for t in kept_words):
        out.append("negation: a suspended sentence cut")  # "sentenced to 26 weeks[ in prison suspended for two years]"
    if any(src[k] in _WEB_ENDS and src[k - 1] == "." and k - 2 not in kept_set for k in kept if k > 1):
        out.append("deletion: a web address cut (" + " ".join(src[max(0, kept[0]):kept[-1] + 1][-4:]) + ")")
    if rest[:1] in (["if"], ["unless"]) or rest[:2] == ["only", "if"]:
        # "elimination will become reality[ if England lose to Bangladesh]": a condition stated as a fact
        out.append("negation: a condition cut (" + " ".join(rest) + ")")
    last = kept[-1]
    # a word cut from its hyphenated compound, not before a word that opens a clause
    if suffix[:1] == ["-"] and len(suffix) > 1 and _is_word(suffix[1]) and suffix[1] not in _CLAUSE_OPENERS \
            and (_hyphenated(source, src[last], suffix[1]) or _number_compound(source, src[last], suffix[1])
                 or source.islower() and _written_joined(source, src[last], suffix[1])
                 and suffix[1] not in _FUNCTION | _PREPOSITIONS | _FREE_WORDS | _WORD_VALUES.keys()
                 | _POSSESSIVE_PRONOUNS | _DASH_OPENERS
                 and not _is_number(suffix[1]) and not suffix[1].endswith(("ed", "ing", "ly"))):
        # lowercased text writes a dash between clauses joined too ("victim-and", "goals-which"), but no
        # compound ends on a function word or a participle: "a second-half hat[-trick]" is one
        out.append("fragment: a hyphenated word cut (" + src[last] + "-" + suffix[1] + ")")  # "the would[-be robber]"
    if rest[:1] == ["than"] and (src[last] in _BEFORE_THAN or len(src[last]) > 4 and src[last].endswith("er")):
        out.append("fragment: a comparison cut (" + src[last] + " than)")  # "his club career rather[ than ...]"
    if any(src[k] in _NAMING for k in kept[-8:]) and any(suffix[k] in ("'", '"') and _is_word(suffix[k + 1])
                                                          for k in range(1, min(6, len(suffix) - 1))):
        # "called the fans caught singing[ on camera 'a few idiots']": what they were called is the point
        out.append("deletion: what was called " + " ".join(suffix[:6]))
    if suffix[:1] == ["with"] and src[last].endswith("ed") and last > 0 and src[last - 1] in _PASSIVE:
        out.append("fragment: cut before with")  # "Her game was littered[ with 24 mistakes]."
    wrong = [(x, y) for x, y in zip(tw, tw[1:]) if x in ("a", "an") and _is_word(y) and not _article_agrees(x, y)]
    bad = next((f"{x} {y}" for x, y in wrong if (x, y) not in set(zip(src, src[1:]))), None) if wrong else None
    if bad:  # "an [important] change" -> "an change" (the source's own "a hour" is its own)
        out.append("reworded: " + bad)
    if text.count("(") != text.count(")"):
        out.append("fragment: a bracket left open")  # "... 55,000 Cholos (Simeone's nickname."
    closing = next((k for k, t in enumerate(suffix) if t in ("'", '"')), None)
    if _open_quotes(text) > 0 and suffix[:1] and suffix[0] not in _SENTENCE_END and closing is not None \
            and any(map(_is_word, suffix[:closing])):
        # the rewrite stops inside a quotation its sentence goes on with: "fined him for 'disrespectful
        # behaviour[ and being verbally aggressive']" (a whole sentence of a longer quote is not this)
        out.append("fragment: a quotation cut")
    if suffix[:1] == ["-"] and len(suffix) > 1 and (suffix[1] in _TAIL_VERBS or suffix[1] in _VERBS
                                                   or len(suffix[1]) > 4 and suffix[1].endswith("ed")) \
            and not source.islower() and "-" in tw \
            and any(src[k] == "-" and not _hyphenated(source, src[k - 1], src[k + 1])
                    for k in range(kept[0] + 1, last)):
        # "All nine of them - blindfolded with hands bound behind their backs[ - are then escorted ...]":
        # the subject and an aside, and the verb after the aside cut (cased text: the lowercased CNN/DM
        # text writes hyphens and dashes alike)
        out.append("fragment: an aside kept, its verb cut after it")
    if rest[:1] in (["that"], ["to"], ["how"], ["why"], ["whether"]) and "it" in [src[k] for k in kept[-5:]] \
            and any(src[k] in _PASSIVE for k in kept[-4:]):
        # "so it's no surprise[ that Sol Campbell has become a sharp-shooter]": what "it" stands for
        out.append("fragment: what 'it' stands for is cut (" + " ".join(suffix[:3]) + ")")
    if rest[:1] == ["to"] and (src[last] in _BEFORE_TO or len(rest) > 1 and (rest[1] in _VERBS or rest[1] in (
            "be", "have")) and src[last] in _RAISING):
        # "found it hard to score due[ to opponents respecting them]", "with chairman Jeremy Peace
        # understood[ to want £150million]": the word needs its "to"
        out.append("fragment: cut before 'to' (" + src[last] + " to)")
    if rest[:1] and rest[0] in ("in", "ahead", "into", "level", "at", "on", "behind", "under") \
            and any(src[k] in ("put", "puts", "putting") and src[k + 1] not in ("through", "on", "to")
                    and not any(src[j] in _PUT_PLACES for j in kept if j > k) for k in kept[-8:]):
        # "putting Queen of the South[ in the lead]"
        out.append("fragment: where it was put is cut (" + " ".join(rest) + ")")
    text_words = [t for t in tw if _is_word(t)]
    if src[last] in _CLAIMS and src[last] not in ("claims", "reports") and last > 0 and src[last - 1] not in _PASSIVE \
            and any(map(_is_word, rest)) and rest[0] not in _CLAUSE_OPENERS - {"that"} and rest[0] != "to":
        out.append("fragment: what was said is cut (" + src[last] + " " + " ".join(rest) + ")")  # "Wisconsin said."
    if "as" in text_words[-3:-1] and rest and (rest[0] in _VERBS or len(rest[0]) > 4 and rest[0].endswith("ed")):
        out.append("fragment: a clause cut after 'as' (" + " ".join(rest) + ")")  # "closer to the title as the blues."
    if src[last] in _CLAIMS and src[last] not in ("claims", "reports") and last > 0 and src[last - 1] not in _PASSIVE \
            and not any(map(_is_word, rest)) and sum(map(_is_word, prefix)) + max(
            (sum(map(_is_word, g)) for g in gaps), default=0) >= 4:
        out.append("fragment: only the attribution is kept (" + src[last] + ")")  # "[...] full accounts have revealed"
    if rest[:1] and rest[0] in ("on", "into", "to", "through", "top", "clear", "ahead", "back") \
            and any(src[k] in ("send", "sends", "sent", "sending") for k in kept[-5:]):
        # "to send Real Madrid[ on their way]"
        out.append("fragment: where it was sent is cut (" + " ".join(rest) + ")")
    if rest[:1] and rest[0] in ("after", "before", "since", "into") and src[last] in _TIME_UNITS \
            and last > 0 and (src[last - 1] in ("just", "only", "mere", "few")
                              or src[last - 1] == "a" and last > 1 and src[last - 2] in ("than", "just", "only")):
        out.append("fragment: a time cut from what it counts from (" + " ".join(rest) + ")")  # "just hours[ after ...]"
    if rest[:1] == ["to"] and len(rest) > 2 and rest[1] in ("a", "an") and rest[2] in ("close", "end", "halt"):
        out.append("fragment: cut before 'to " + " ".join(rest[1:3]) + "'")  # "as the first half drew[ to a close]"
    if not has_verb(text):
        out.append("fragment: no verb")
    else:
        final_clause = re.split(r",\s+and\s+|;\s+|,?\s+but\s+(?!not\b|also\b)", text)[-1]
        if final_clause != text and len(final_clause.split()) >= 3 and not has_verb(final_clause) \
                and not re.search(r"\bnot (?:just|only)\b", text, re.I):
            # "Sauber appealed, and by 3.15pm three judges.", "Blackpool earned a point but manager Lee Clark."
            out.append("fragment: no verb after the last 'and' or 'but'")
    if suffix and text_words and text_words[-1] in _DANGLING:  # "... with a fearless way of."
        out.append("fragment: ends with " + text_words[-1])
    elif suffix and any(w in _CONCESSIVE for w in text_words[-3:-1]):  # "..., even though Fulham."
        out.append("fragment: a clause cut after " + next(w for w in text_words[-3:-1] if w in _CONCESSIVE))
    subs = [i for i, w in enumerate(kept_words) if w in _KEPT_SUBORDINATORS]
    if subs and suffix[:1] == [","] and "," not in kept_words[subs[-1]:]:
        out.append("fragment: main clause dropped after " + kept_words[subs[-1]])
    return out


# a quotation mark that opens (after a space or bracket, before a word) or closes (before a space,
# punctuation or the end); an apostrophe inside a word does neither
_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))['\"\u2018\u201c](?=\w)")
_CLOSING_QUOTE = re.compile(r"(?<=[\w.,!?\s])['\"\u2019\u201d](?=[\s.,;:!?)\]]|$)")


def _open_quotes(text: str) -> int:
    """How many more quotations `text` opens than it closes (a plural possessive, "the players' union",
    counts as a close: never a quotation left open that is not)."""
    return len(_OPENING_QUOTE.findall(text)) - len(_CLOSING_QUOTE.findall(text))


_VERB_PREPOSITIONS = _PREPOSITIONS | {"to", "with", "about", "of"}  # what a verb may take ("talk with")


def _written_joined(source: str, left: str, right: str, start: str = r"\b", hyphens: str = "-\u2010\u2011") -> bool:
    """Whether `source` (read lowercased, with plain quotes and dashes) writes `left` and `right` joined by a
    hyphen, with no space."""
    pattern = start + re.escape(left) + "[" + hyphens + "]" + re.escape(right) + r"\b"
    return re.search(pattern, source.translate(_QUOTES).lower()) is not None


def _hyphenated(source: str, left: str, right: str) -> bool:
    """Whether `source` writes `left` and `right` as one hyphenated word ("would-be", "son-in-law"). Cased
    text only: the lowercased CNN/DM text writes a dash between clauses as "victim-and", no compound."""
    return not source.islower() and _written_joined(source, left, right)


def _is_number(token: str) -> bool:
    return token[:1].isdigit() or token in _WORD_VALUES


def _joined(source: str, left: str, right: str) -> bool:
    """Whether `source` writes the words `left` and `right` joined by a hyphen, with no space ("half-time")."""
    return left.isalpha() and right.isalpha() and _written_joined(source, left, right, hyphens="-")


def _number_compound(source: str, left: str, right: str) -> bool:
    """Whether `source` writes the number `left` and the word `right` as one hyphenated word ("nine-under",
    "six-year"), in lowercased text too, where a dash between clauses has no spaces either: not before a
    function word or an -ing form ("15-taking his tally")."""
    return _is_number(left) and right.isalpha() and right not in _DANGLING and right not in _FREE_OPENERS \
        and not right.endswith("ing") and _written_joined(source, left, right, start=r"(?<![\w.,])")


def _past_aside(suffix: list[str]) -> str | None:
    """The word after an aside that opens `suffix` (", ... ," / "- ... -" / "( ... )", at most 30 tokens, no
    sentence end inside), or None."""
    suffix = [t for k, t in enumerate(suffix) if not (t == "-" and k and suffix[k - 1] == "-")]  # "--" is one dash
    close = ")" if suffix[0] == "(" else suffix[0]
    for k in range(1, min(len(suffix) - 1, 31)):
        if suffix[k] in _SENTENCE_END:
            return None
        if suffix[k] == close:
            return suffix[k + 1] if k > 1 else None
    return None


def _unclosed_relative(prefix: list[str]) -> bool:
    """Whether `prefix` (what a rewrite drops before its first word) opens a relative clause ("who",
    "which") that no mark closes: the words after it are still that clause's."""
    at = max((k for k, t in enumerate(prefix) if t in ("who", "which")), default=None)
    return at is not None and at > 0 and not any(t in _BOUNDARY for t in prefix[at + 1:])


def _verb_in(words: list[str]) -> bool:
    """Whether `words` hold a finite verb: an auxiliary, a past form that is no participle, an -ed form not
    after a determiner or preposition ("the injured man")."""
    return any(_finite_at(words, k) for k in range(len(words)))


def _finite_at(words: list[str], k: int) -> bool:
    w, prev = words[k], words[k - 1] if k else ""
    if prev in ("to", "-") or w in ("'s", "'d") and prev not in _CONTRACTING:  # "Barcelona's win", "Hong Kong-based"
        return False
    if k == 0 and w in ("may", "will", "can"):  # a name or a noun: "May was overlooked"
        return False
    return w in _AUXILIARIES or w in _OPENING_FINITE or len(w) > 4 and w.endswith("ed") \
        and prev not in _ADJECTIVE_BEFORE and w not in _ED_WORDS


def _runs_into_a_verb(words: list[str]) -> bool:
    """Whether a verb follows another in one clause, nothing between them that opens a new one ("he suffered
    a stroke had to flee"); an auxiliary and its verb ("was forced") and an infinitive ("to pull") do not count."""
    verb = False
    for k, w in enumerate(words):
        if w in _BOUNDARY or w in _CLAUSE_OPENERS or w in _SENTENCE_END:
            verb = False
        elif _finite_at(words, k):  # past forms and auxiliaries: "crash" may be a noun
            if verb and words[k - 1] not in _AUXILIARIES:
                return True
            verb = w not in _AUXILIARIES
    return False


def _cut_inside_a_phrase(gap: list[str], src: list[str], a: int, b: int, aside: bool) -> str | None:
    """What a deleted span `gap` (src[a + 1:b]) breaks, or None: a hyphenated word ("3,600-[year]-old"), a
    verb and the "to" of its infinitive after another "to" ("will have to [wait to] lay"), a verb joined
    to the first one's preposition ("understand [and communicate] with"), the words right after an "and"
    ("compatriot and [second seed] Sharapova": one person becomes two), a free relative ("[takes what
    she] later called"), a participle whose "by" stays ("a path [also trodden] by")."""
    if not any(map(_is_word, gap)):  # punctuation the rewrite keeps too ("6-3", "2,310")
        return None
    if len(gap) == 3 and gap[0] == gap[2] == "-" and gap[1] not in _FREE_WORDS:  # not "off-[the]-grid"
        return "inside a hyphenated word " + " ".join(gap)
    if aside:
        return None
    if gap[-1] == "to" and src[a] == "to" and len(gap) > 1:
        return "a verb " + " ".join(gap)
    if gap[0] in ("and", "or") and len(gap) > 1 and src[b] in _VERB_PREPOSITIONS:
        return "a verb joined to another's preposition " + " ".join(gap)
    if src[a] in ("and", "or") and any(_is_word(t) and t not in _FREE_WORDS for t in gap):
        return "after " + src[a] + " " + " ".join(gap)
    if "what" in gap:
        return "a free relative " + " ".join(gap)
    if src[b] == "by" and (gap[-1].endswith(("ed", "en")) or gap[-1] in _VERBS) and len(gap[-1]) > 3:
        return "a participle before by " + " ".join(gap)
    return None


def support_score(text: str, source: str) -> float:
    """How closely `text` keeps to `source`: the share of its adjacent word pairs that stand side by
    side in the source (punctuation aside). 1.0 for the sentence quoted or a span cut from it; each
    place where the rewrite joins words the source keeps apart (where a deletion can change who did
    what) lowers it; words the source lacks lower it further."""
    words = [t for t in _word_tokens(text) if _is_word(t)]
    src = [t for t in _word_tokens(source) if _is_word(t)]
    if len(words) < 2:
        return 1.0 if not words or words[0] in src else 0.0
    pairs = set(zip(src, src[1:]))
    return round(sum(p in pairs for p in zip(words, words[1:])) / (len(words) - 1), 2)


# --- the sentence as written, less what never carries a fact of its own ---------------------------
_BRACKETED = re.compile(r"\s*\((?:[^()]{1,40})\)(?=[\s,.;:!?'\"\u2019\u201d]|$)")
_OPENERS = re.compile(r"^(?:(?:--|\u2014|-)\s*|(?:But|And|So|Yet|However|Meanwhile|Now|Also|Indeed|"
                      r"Still|Nevertheless|Moreover|Furthermore),?\s+)", re.I)
_ATTRIBUTION = re.compile(r",\s+(?:(?:[^,.;:!?]{1,60}?\s+)?(?:said|says|told|added|adds|explained|confirmed|"
                          r"announced|stated|reported)\b[^,.;:!?]{0,40}|according to [^,.;:!?]{1,60})"
                          r"(?P<end>[.!?]?[\"'\u2019\u201d]*)\s*$", re.I)


# the start of a speaker that commas split, before the attribution's comma: "... beach, the Bay County, Florida[,
# sheriff's office said]" (two short comma pieces, the first opening with "the")
_SPEAKER_BEFORE = re.compile(r",\s+the\s+[^,.;:!?]{1,30},\s+[^,.;:!?\s]+(?:\s+[^,.;:!?\s]+)?\s*$", re.I)
# a verb of the sentence's own before the attribution's: ", was shocked after a stranger reported her ..."
_PREDICATE = re.compile(r"^,\s+(?:\S+\s+){0,2}?(?:was|were|is|are|has|had|have)\s+"
                        r"(?!been\b)(?!said\b|told\b|reported\b)"
                        r"[^\W\d_]+\s+\S", re.I)
_DATELINE = re.compile(r"^[A-Za-z][\w .'-]{1,30}(?:,\s+[\w .'-]{1,30}){0,2}\s+\((?:CNN|AP|AFP|Reuters)\)\s*"
                       r"(?:--|\u2014|\u2013|-)?\s*(?=\w)", re.I)


def plain_quote(sentence: str, attribution: bool = False) -> str:
    """The sentence as written, less a dateline ("KABUL, Afghanistan (CNN) --"), asides in brackets
    ("(right)", "(CNN)"), an opening "But" or "However," and, unless `attribution`, a closing attribution
    (", police said on Monday."): what a takeaway quotes when no rewrite of the sentence can be trusted.
    Every word it keeps is the sentence's, in order."""
    text = _BRACKETED.sub("", _DATELINE.sub("", sentence, count=1)).strip()
    while True:
        shorter = _OPENERS.sub("", text, count=1)
        if shorter == text:
            break
        text = shorter
    m = None if attribution else _ATTRIBUTION.search(text)
    if m and len(text[:m.start()].split()) >= 6 and not _PREDICATE.search(m.group(0)) \
            and not _SPEAKER_BEFORE.search(text[:m.start()]):
        # an attribution, not the clause the sentence is about (", was shocked after a stranger reported her")
        text = text[:m.start()] + (m.group("end") or ".")
    return text[:1].upper() + text[1:] if len(text.split()) >= 4 else sentence


# where a unit the splitter left whole may go on with another sentence: a full stop, then (past the quote
# marks that close on it) a word or an opening quote mark; not after an initial or a short abbreviation
# ("u.s.", "no.", "dr.", "st.") nor inside a number
_INNER_END = re.compile(r"(?:(?<![\s.][^\W\d_])(?<![\s.][^\W\d_]{2})\.|[!?])"
                        r"(?=(?:\s?['\"\u2019\u201d])*\s+['\"\u2018\u201c]?\s?[\[(]?[^\W_])"
                        r"|\.(?=\s?['\"\u2019\u201d]\s+[^\W_])")  # "say no. ' the next": a quote ends it too
# a quote mark the lowercased text writes apart that opens a quotation: after a colon or a speech verb's comma
# ("he said: ' when", "telling them, ' get"); ", ' kamal said" closes one
_APART_OPENING = re.compile(r"(?:^|:\s|\b(?:said|says|saying|added|adds|insisted|told \w+|telling \w+),\s)'(?=\s)")
_CLOSING_MARKS = re.compile(r"(?:\s?['\"\u2019\u201d])*")


def first_sentence(unit: str, min_words: int = 6) -> str:
    """The first sentence of a unit that holds several (a lowercased text's splitter runs on past "landed. '
    the eagle ..."): a takeaway is one sentence. Quote marks after its full stop stay with it when they close
    a quotation it opened. The unit as it is when that sentence would be shorter than `min_words` words, have
    no verb, or leave a quotation open."""
    for m in _INNER_END.finditer(unit):
        word = re.search(r"(\w+)\W*$", unit[:m.start()])
        if word and word.group(1).lower() in _ABBREVIATIONS and unit[m.start()] == "." \
                and not re.match(r"\s?['\"\u2019\u201d]", unit[m.end():]):  # "say no. ' the next" ends one
            continue
        head = unit[:m.end()]
        if _open_quotes(head) > 0 or head.count("\u2018") > head.count("\u2019") \
                or head.count("\u201c") > head.count("\u201d") \
                or len(_APART_OPENING.findall(head)) % 2:  # the marks that follow close its quotation
            # (the lowercased text writes a quote mark apart: "he said: ' when ... say no. ' the next"; "the red
            # wings ' drew miller" is a possessive)
            head += _CLOSING_MARKS.match(unit, m.end()).group(0)
        head = head.strip()
        if len(head.split()) >= min_words and has_verb(head) and _open_quotes(head) <= 0:
            return head
    return unit


# a promotion or link, not news: "Billboard: 2015 ACM Awards: see all the photos.", "Scroll down for video"
_PROMO = re.compile(r"\b(?:see (?:all )?(?:the |our )?(?:photos|pictures|pics|gallery|images)|"
                    r"watch (?:the |our )?video|"
                    r"click here|read more|scroll down(?: for (?:video|more))?)\W*$", re.I)


_PROMO_START = re.compile(r"^[\"'\u201c\u2018(]*(?:find out (?:how|more|what|who|why)|click (?:here|through)|"
                          r"sign up|exclusive:|related:|read more:|see also:|more:|watch:|video:|editor's note:|"
                          r"get ready for\b.*\bour\b|watch (?:all )?the action\b|"
                          r"[^:.!?\"]{2,60}\bseries:)", re.I)  # "Find out how Romeu and ...", "Exclusive: ...", a
# link's label: "Related: Amy's Kitchen recalls ...", "Nick Paton Walsh's Afghanistan series: ISIS recruits ..."
# a line of a table: "Morgan Schneiderlin (Southampton) wanted by: Arsenal, Spurs valued at: £25m"
_TABLE_LINE = re.compile(r"\b(?:wanted by|valued at|current job|current club|contract until)\s*:|"
                         r"^[\w' .-]{3,40}\s\d{1,2}(?:\.\d)?\s*\([^)]*\bvs?\b[^)]*\)|"
                         r"^(?!(?:the|a|an|his|her|their)\s)[a-z']+(?:\s[a-z']+){1,3}(?<!\sa)(?<!\san)(?<!\sthe)\s"
                         r"(?:10|[1-9])(?:\.5)?\s?[-\u2013]\s?(?:[a-z]+(?:s|ed)|solid|excellent|superb|poor|quiet|good|"
                         r"great|busy|steady|lively|decent|brilliant|awful|anonymous|assured|tireless)\b", re.I)
# (the last two: a player's rating, "Christian Benteke 8.5 (Tottenham vs Aston Villa) Benteke's 11 goals ...",
# "Karim Benzema 5 - Struggles to score against Atletico ...")
# a link's invitation after a sentence: "Neil Ashton broke the Sterling contract story on Monday-click here to read
# the full article."
_CLICK_HERE = re.compile(r"\bclick here to (?:read|see|watch|view|find)\b", re.I)


# present-tense actions a photo's caption is written in ("Luis Suarez scores his second of the night ...",
# "Nigel Farage poses with some young voters ..."); news is told in the past tense or with an auxiliary
# (not "holds", "heads", "fires", "battles", "prepares", "challenges" and the like, which open news as well: "The
# firm holds 40% of the market", "Smith heads the inquiry", "He battles cancer")
_CAPTION_ACTIONS = frozenset("celebrates poses vies smiles waves gestures reacts walks arrives jumps dives grimaces "
                             "embraces hugs kisses salutes applauds rides listens warms scores chats tussles slots "
                             "leaps wheels greets clutches kneels sprints trudges curls hides congratulates "
                             "pens awaits scratches scrambles".split())
# a goal in a caption's present tense: "Manolo Gabbiadini heads Napoli 4-0 ahead moments after ..."
_SCORE_AHEAD = re.compile(r"^[^.!?]{2,60}?\b(?:heads|fires|puts|drills|slots|nods|curls|volleys|sweeps|taps|blasts|"
                          r"smashes|poaches)\s+[^.!?]{2,40}?\d+-\d+\s+(?:ahead|in front|up)\b", re.I)
# a booking in a caption's present tense: "The Italy international is shown a deserved yellow card after ..."
_CARD_SHOWN = re.compile(r"^[^.!?]{2,60}?\b(?:is|are) shown (?:a|the|his|her) (?:[\w-]+ )?(?:yellow|red) card\b",
                         re.I)
# a caption's label joined to its sentence by a hyphen: "Fit for a mogul-the enormous mansion serves as ..."
_DASH_LABEL = re.compile(r"^([a-z' ]{3,30}?)-(?:the|his|her|their)\s", re.I)
_ASIDE_CLOSED = re.compile(r"\w-(?:were|was|is|are|has|have|had|will|would|could|can|may|might|should|must|said|"
                           r"says|died|won|led)\b", re.I)
_CAPTION_LABEL = re.compile(r"^[\"'\u201c\u2018]?(?!according to\b)([^:;,.!?\"]{2,40}):\s+\S", re.I)
# words that open a clause after a caption's: what follows them is not the caption's verb
_CAPTION_CLAUSE_ENDS = frozenset("as after when while before because which who".split())
_NOT_A_SUBJECT_END = frozenset("the a an his her their its to of he she they it and".split())
# where a person stands in the photo: "Neymar (centre) opens the scoring ...", "Benteke (second left) is mobbed ..."
_PHOTO_POSITION = re.compile(r"\((?:(?:far|second|third) )?(?:left|right|centre|center|l|r|l-r|r-l|top|bottom|front|back|"
                             r"middle|above|below|inset)\)", re.I)
# what is done to a player in a photo: "Mesut Ozil is congratulated by his team-mates ...", "Toure is challenged by
# West Ham's Mark Noble ..." (not "is accused", "is charged": news)
_PHOTO_PASSIVE = frozenset("congratulated mobbed consoled embraced greeted tackled challenged fouled surrounded hugged "
                           "lifted stretchered applauded cheered booed chased hoisted spoken crowded".split())
# the same actions, said of two people or a team: "Mark Selby and Kurt Maflin look on during ...", "Arsenal players
# celebrate winning ..."
_PLURAL_ACTIONS = frozenset("celebrate pose vie smile wave gesture react walk arrive embrace hug kiss salute applaud "
                            "chat tussle leap greet kneel sprint look shake compete".split())
# verbs that are a caption's with the word after them: "Nick Abendanon breaks clear to score ...", "Sterling shares a
# laugh in training ...", "Wesley Fofana attempts an offload ..." ("breaks the record", "attempts to" are news)
_CAPTION_PHRASES = {"breaks": ("clear ", "away ", "free ", "through "), "attempts": ("a ", "an "),
                    "shares": ("a laugh", "a joke", "a moment", "a hug", "a kiss", "a smile", "a word"),
                    "trains": ("at ", "in ", "on ", "with ", "during ", "ahead ", "before "),
                    "raises": ("his arm", "her arm", "his hand", "her hand", "his fist", "her fist", "the trophy"),
                    "warm": ("up ",), "warms": ("up ",), "gives": ("the thumbs", "a thumbs"),
                    "give": ("the thumbs", "a thumbs"),
                    "leads": ("his team off", "her team off", "the team off", "his side off", "her side off",
                              "the celebrations", "his team out", "her team out"),
                    "slides": ("on his", "on her"), "shoots": ("past ",), "fires": ("past ", "home "),
                    "watches": ("on ",), "crosses": ("the line", "for "),
                    "shakes": ("hands",), "lunges": ("in ",), "puts": ("in a shift",), "plays": ("a shot",),
                    "bends": ("home", "in "),
                    "runs": ("away to celebrate", "off to celebrate"), "opens": ("the scoring", "the newly"),
                    "invades": ("the pitch",),
                    "throws": ("a ball", "a netball", "the ball", "his sweatband", "her sweatband", "his racket",
                               "her racket"),
                    "run": ("towards ", "to celebrate", "over to celebrate"),
                    "pumps": ("his fist", "her fist", "his first", "her first", "the air"),
                    "kicks": ("the winning", "a penalty", "the ball"), "vent": ("their ",), "controls": ("the ball",),
                    "scratches": ("his head", "her head"), "gets": ("down on one", "past ", "down well"),
                    "makes": ("a save", "a fine save", "a diving save", "a double save", "a smart save"),
                    "holds": ("off a challenge", "off the challenge"),
                    "takes": ("a training session", "training session", "a free-kick", "a free kick", "a corner",
                              "one of his trademark", "one of her trademark"),
                    "points": ("to the spot",),
                    "heads": ("the ball", "towards goal", "wide", "over the bar", "clear")}
# a photo of someone doing something, in a caption's present tense: "Dani Alves ... is pictured training for
# Barcelona on Friday" (not "Sterling was pictured smoking a shisha pipe": news of a photo)
_PICTURED_DOING = re.compile(r"^(?:[^.!?:]{2,30}:\s+)?(?:(?!\b(?:who|which|that|was|were)\b)[^.!?:]){2,80}"
                             r"\b(?:(?:is|are) |(?<!, )(?<!\( )(?<!\()(?<!been ))(?:pictured|photographed) "
                             r"[a-z]+ing\b", re.I)
# actions of two people said of a photo where the sentence marks where they stand: "Kim Sears (left) and Jelena
# Djokovic take shade under big hats"
_POSITIONED_ACTIONS = frozenset("take share enjoy watch train sit stand chat fight".split())
# a sentence about the photo beside it: "Chris Robshaw and Camilla Kerslake shared this boating picture via
# Instagram", "The Reichstag is clearly visible in this image of ..." (not "Investigators have released these images
# of ...", "Lawrence painted this picture around 1940": news)
_THIS_PHOTO = re.compile(r"\b(?:(?:shared|shares|posted|posts|uploaded|uploads|tweeted|snapped|captured)\s+"
                         r"(?:this|these)|"
                         r"in this)\s+(?:[\w-]+\s+)?(?:picture|pictures|photo|photos|photograph|photographs|image|"
                         r"images|snap|snaps|selfie|selfies)\b", re.I)
# a shop's credit under a photo: "Dress, £270, Gina Bacconi at johnlewis.com."
_CREDIT = re.compile(r"^[\"'\u2018\u201c]?[\w-]+(?: [\w-]+)?,\s*"
                     r"(?:[£$\u20ac]\s?\d|\d[\d,.]*\s?(?:pounds|dollars|euros))", re.I)
# a caption that only names who is in the photo, its one "verb" an "-ed" word before them: "Murdered Australian
# baseball player Chris Lane and his girlfriend Sarah Harper."
_NAMED_ONLY = re.compile(r"^[\"'\u2018\u201c]?[a-z]+ed\s+(.+)$", re.I)
# where a sports caption says its photo was taken: "... in action v France", "... during their clash in Key Biscayne"
_IN_ACTION = re.compile(r"\bin action\b", re.I)
_DURING_PLAY = re.compile(r"\bduring (?:the|their|his|her|a|an|[\w-]+'s)\s+(?:[\w'-]+\s+){0,4}?(?:clash|match|game|"
                          r"tie|final|semi-final|quarter-final|fixture|derby|encounter|contest|round|race|bout|session|"
                          r"training|defeat|win|victory|draw|loss)\b", re.I)


def _present_action(sentence: str) -> bool:
    """Whether `sentence` tells something done now, as a caption does: no auxiliary, passive, speech verb or
    "-ed" word among its first twenty words, and the first word among its first ten that may be a present-tense
    verb ("powers", "attend") is no verb of a state ("looks", "faces")."""
    tokens = _word_tokens(sentence)
    first = next((k for k, t in enumerate(tokens) if t in _SENTENCE_END), len(tokens))  # a unit's first sentence
    words = [t.lower() for t in tokens[:first] if _is_word(t)][:20]
    words = [w for k, w in enumerate(words) if w != "'s" or k and words[k - 1] in _CONTRACTING]  # "Georgia's defeat"
    if any(w in _AUXILIARIES or w in _PASSIVE or w in _SAYS or w.endswith("ed") for w in words):
        return False
    for k, w in enumerate(words[:10]):
        if k and (w in _PLURAL_ACTIONS or w in _POSITIONED_ACTIONS or w in ("attend", "attends")
                  or len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) and words[k - 1] != "'s"):
            # the first word that may be the verb: "Costa looks set to miss two weeks" has a state's
            return w not in _STATE_VERBS and words[k - 1] not in _NOT_A_SUBJECT_END
    return False


# present-tense verbs of a state or a plan, which news is told in as well: "Charlie Sumner (left) faces a ban"
_STATE_VERBS = frozenset("wants faces looks needs hopes believes thinks knows feels expects seems appears remains "
                         "insists admits claims".split())
# before a plural action these say it is no caption: "we celebrate", "will celebrate", "to celebrate"
_NO_CAPTION_BEFORE = frozenset("we you i they will to".split())
# "look" before these is news: "The grandparents look after their grandson", "The Reds look to continue ..."
_LOOK_NEWS = frozenset("after for to set like forward into".split())


@lru_cache(maxsize=4096)  # the rewrite check asks again for every beam of a sentence (`cuts._caption_cut`)
def is_caption(sentence: str) -> bool:
    """Whether `sentence` reads as a photo's caption, no news: a short label before a colon ("Father-of-two:
    Paul Doyle, 56, ...", "In need of renovation: it was ..."), or a name doing something in the present tense
    with no auxiliary anywhere ("Jose Luis Gaya celebrates after scoring ...", "Aston Villa defender Jores Okore
    vies for the ball ...", "Mark Selby and Kurt Maflin look on ...", "Neymar (centre) opens the scoring ...", a
    caption's phrase: "breaks clear", "shares a joke"), or having something done to them ("Mesut Ozil is
    congratulated by his team-mates ..."), a present action where a sports photo was taken ("... during their clash
    in Key Biscayne", "... in action v France"), a post of the photo itself ("shared this boating picture"), a
    shop's credit ("Dress, £270, ...") or only who is pictured ("Murdered baseball player Chris Lane and his
    girlfriend Sarah Harper."), two places in one photo ("... (left) ... (right)"), a goal "N-N ahead" in the present
    tense, a label joined by a hyphen ("Fit for a mogul-the enormous mansion ...")."""
    named = _NAMED_ONLY.match(sentence)
    if _CREDIT.match(sentence) and not has_verb(re.split(r"(?<=\.)\s", sentence)[0]) \
            or named and len(sentence.split()) <= 14 and "," not in sentence and not has_verb(named.group(1)):
        return True  # "Dress, £270, Gina Bacconi at johnlewis.com."; "Murdered baseball player Chris Lane and his
        # girlfriend Sarah Harper."
    if _PICTURED_DOING.match(sentence):
        return True  # "Brendan Rodgers is pictured putting his Liverpool side through their paces ..."
    if (_IN_ACTION.search(sentence) or _DURING_PLAY.search(sentence)) and _present_action(sentence):
        return True  # "Djokovic powers a forehand back at the Scotsman during their clash in Key Biscayne"
    photo = _THIS_PHOTO.search(sentence)
    if photo and not re.search(r"[\"'\u201c\u2018]", sentence[:photo.start()]) \
            and not _SAYS.intersection(w.lower() for w in _word_tokens(sentence[:photo.start()])):
        return True  # not in someone's words: "... said: 'As soon as we were alerted to these images ...'"
    m = _CAPTION_LABEL.match(sentence)
    if m and len(m.group(1).split()) <= 4 and not has_verb(m.group(1)):
        return True
    label = _DASH_LABEL.match(sentence)
    if _SCORE_AHEAD.search(sentence) or _CARD_SHOWN.search(sentence) \
            or label and not has_verb(label.group(1)) \
            and not _ASIDE_CLOSED.search(sentence[label.end():]):  # not an aside: "Halep-the last woman ...-were set"
        return True  # "Manolo Gabbiadini heads Napoli 4-0 ahead ...", "Fit for a mogul-the enormous mansion serves ..."
    if len({m.group(0).lower() for m in _PHOTO_POSITION.finditer(sentence)}) >= 2:
        return True  # two places in a photo: "Dr Jim Penman (left) has suggested ... Queen Victoria (right) ..."
    unmarked = _PHOTO_POSITION.sub(" ", sentence)
    tokens = _word_tokens(unmarked)
    first = next((k for k, t in enumerate(tokens) if t in _SENTENCE_END), len(tokens))  # a unit's first sentence:
    tokens = [t for t in tokens[:first] if _is_word(t)]  # "The Scot pens his scorecard ... ' I rate him, ' said ..."
    # a possessive "'s" is no verb ("Jose Mourinho poses on Wimbledon's Centre Court"; "he's" is), and the word
    # after it a noun ("the men's sprints")
    kept = [k for k, t in enumerate(tokens) if t != "'s" or k and tokens[k - 1] in _CONTRACTING]
    words = [tokens[k] for k in kept]
    owned = {i for i, k in enumerate(kept) if k and tokens[k - 1] == "'s"}
    for k, w in enumerate(words[:14]):
        prev, after = (words[k - 1] if k else ""), words[k + 1:]
        clause = next((j for j, x in enumerate(after) if x in _CAPTION_CLAUSE_ENDS), len(after))
        own = after[:clause]  # the caption's own clause: "... scratches his head as players leave after the match
        # is abandoned"
        if w in ("is", "are") and k and after[:1] and after[0] in _PHOTO_PASSIVE:
            return True
        if w in _PASSIVE or w in _AUXILIARIES or w in _SPEECH or w in ("who", "which", "that", "to"):
            return False
        if k and k not in owned and prev not in _NOT_A_SUBJECT_END \
                and not any((x in _AUXILIARIES or x in _PASSIVE) and x != "being" for x in own):  # "after being sent
            # off" is no auxiliary of the action
            if w in _CAPTION_ACTIONS and k < 10 and after[:1] != ["of"]:  # "scores of protesters"
                return True
            if k < 10 and any((" ".join(after[:4]) + " ").startswith(p) for p in _CAPTION_PHRASES.get(w, ())):
                return True  # "breaks clear", "shares a laugh"
            if (w in _PLURAL_ACTIONS and k < 10 or w in _POSITIONED_ACTIONS and unmarked != sentence) and 2 <= k \
                    and prev not in _NO_CAPTION_BEFORE \
                    and ("and" in words[:k] or prev.endswith("s")) and f"-{w}" not in unmarked.lower() \
                    and not (w == "look" and after[:1] and after[0] in _LOOK_NEWS):  # "look after their grandson"
                return True
            if unmarked != sentence and len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is")) \
                    and w not in _STATE_VERBS and re.search(r"\)\s*,?\s*" + re.escape(w) + r"\b", sentence, re.I):
                return True  # a present-tense action right after a position in the photo
    return False


# the words of someone speaking: a sentence in the first person is speech (or a column's author), and says
# nothing as a takeaway without who speaks
# ("I'm" and "we've" are two words, "i" and "'m"; not "us": "the US Open"; not "our", "you", "your": a writer's
# "our screens", "start your car")
_SPEAKER_WORDS = frozenset("i me my mine myself we ourselves".split())
_SAYS = _SPEECH | frozenset("say tell telling saying tweeted tweets posted wrote writes according asked asks "
                            "replied replies recalled recalls described describes".split())


# a quotation closed within the sentence, after a word: a title or a label ('the "I'm a Celebrity" maze', "a
# banner reading: ' what do we get? '"), whose "I" is no speaker
_QUOTED_TITLE = re.compile(r"(?<=\w)([\s:,]+)(\"[^\"]+\"|\u201c[^\u201d]+\u201d|\u2018[^\u2019]+\u2019(?!\w)"
                           r"|'\s(?:[^']|(?<=\w)'(?=\w))+\s'"  # written apart, as lowercased text does
                           r"|'(?=\w)(?:[^']|(?<=\w)'(?=\w))+?(?<=[\w.!?])'(?!\w))")  # attached


def speaks_unattributed(text: str) -> bool:
    """Whether `text` is someone's words with no word of who says them: a first-person pronoun ("I'm progressing
    with my rehab", "For the fans to stick by me like that is a credit to them.") and no speech verb ("..., he
    said")."""
    words = [t.lower() for t in _word_tokens(text)]
    named = [t.lower() if t in _CONTRACTIONS else t.lower().lstrip("'\u2018")  # "'We've" -> "we", "'ve"
             for t in _word_tokens(_QUOTED_TITLE.sub(" ", text))]  # "the 'I'm a Celebrity' maze": a title
    return bool(_SPEAKER_WORDS.intersection(named)) and not _SAYS.intersection(words)


def opens_quote_unattributed(sentence: str) -> bool:
    """Whether `sentence` opens someone's words and leaves them open, with no word of who speaks: the speaker is in
    a later unit ('"People are ready for a woman president.' ... ', she said.'). See `speaks_unattributed`."""
    text = sentence.strip()
    marks = sum(text.count(c) for c in _DOUBLE_QUOTES)
    return text[:1] in '"\u201c' and marks % 2 == 1 and not _SAYS.intersection(w.lower() for w in _word_tokens(text))


# a paper's own rating of a match's players, no news of the match: "Here, Sportsmail's Dominic King gives his player
# ratings from Old Trafford.", "Sportsmail's Oliver Todd rated the players' performances at Ewood Park."
_RATINGS = re.compile(r"\b(?:gives|give|takes us through|take us through|brings you|here are) "
                      r"(?:his |her |their |the |our )?player ratings\b"
                      r"|\brat(?:es|ed) the (?:players?(?: ')?'?s?|individual) performances\b"
                      r"|^[^\u2013\u2014]{2,40}\s[\u2013\u2014-]\s.+\s[\u2013\u2014-]\s+\d{1,2}(?:\.5)?\s*\.?\s*$",
                      re.I)
# (the last: a rating's entry, "Wayne Rooney – captain led by example and scored ... – 7.")


def is_promo(sentence: str) -> bool:
    """Whether `sentence` points elsewhere rather than telling news: an invitation ("... see all the photos", "click
    here to read the full article"), a link's label ("Related: ...", "Nick Paton Walsh's Afghanistan series: ...")
    or a line of a table ("... wanted by: Arsenal, Spurs valued at: £25m"), or a paper's player ratings
    (`_RATINGS`)."""
    return _PROMO.search(sentence) is not None or _PROMO_START.search(sentence) is not None \
        or _TABLE_LINE.search(sentence) is not None or _CLICK_HERE.search(sentence) is not None \
        or _RATINGS.search(sentence) is not None


_NOUN_AND_RELATIVE = re.compile(r"^[\"'\u201c\u2018(]*(?:the|a|an|this|that)\s+(?:[\w'\u2019-]+\s+){1,4}?"
                                r"(?:which|who|that)\s+(.+)$", re.I)


def relative_clause_only(sentence: str) -> bool:
    """Whether `sentence` is a noun and a relative clause, with no verb of its own after that clause's
    ("The fight which made George Foreman famous in defeat.": a caption, no sentence)."""
    m = _NOUN_AND_RELATIVE.match(sentence.strip())
    if not m:
        return False
    words = [t for t in _word_tokens(m.group(1)) if _is_word(t)]
    verb = next((k for k, w in enumerate(words) if w in _VERBS or len(w) > 4 and w.endswith("ed")), None)
    return verb is not None and not has_verb(" ".join(words[verb + 1:]))


def opening_only(sentence: str) -> bool:
    """Whether `sentence` is only an introductory phrase and a relative clause ("At the exotic driving
    experience, which bills itself as a chance to drive your dream car."): no main clause."""
    if not _SUBORDINATE_OPENER.match(sentence.strip()):
        return False
    parts = re.split(r",\s", sentence.strip(), maxsplit=2)
    # "After the match, which ended 2-2, the fans ran on": the main clause comes after the relative one
    return len(parts) > 1 and not has_verb(parts[0]) \
        and re.match(r"(which|who|whom|whose|where)\b", parts[1], re.I) is not None \
        and not (len(parts) > 2 and has_verb(parts[2]))
