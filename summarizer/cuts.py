"""Which cuts of a sentence are known to be safe (#10).

`faithfulness.deletion_problems` lists cuts that are known to be unsafe, one rule per error a hand count
found; each count still found new kinds. This module works the other way round: a rewrite passes only
when every span it deletes is of a kind listed here, a kind that, deleted, leaves the rest of the
sentence saying what it said:

- punctuation, and a lone "the", "a", "an" or "that";
- an aside set off by commas, brackets or dashes ("Smith[, 45,] was jailed");
- an attribution ("[Police said] the man ...", "...[, the club said]", "[According to X,] ...");
- a time ("[on Tuesday]", "[last year]", "[earlier this month]");
- an opening phrase closed by a comma that starts with a connective, a time, a participle or a
  subordinator that is no condition ("[However,]", "[After the match,]", "[Speaking on Tuesday,]");
- a closing clause after a comma, or after a subordinator that is no condition or limit
  ("...[, which ...]", "...[ after he was injured]").

Anything else (a verb's complement, a phrase inside a clause, a condition, an exception, what a place or
a list scopes) is "not a listed cut": the engine tries the next beam and quotes the sentence when none
passes. `unlisted_cuts` is the check; `SummarizeOptions.cuts` chooses whether it applies.
"""

from __future__ import annotations

import re

from .faithfulness import _CONTRACTIONS, _DATE_WORDS, _MONTHS, _POSSESSIVE_PRONOUNS, _SENTENCE_END, _SPEECH, _VERBS
from .faithfulness import _SUBJECT_PRONOUNS as _SUBJECTS
from .faithfulness import _finite_at, _is_word, _word_tokens, align, has_verb, is_caption, speaks_unattributed

# speech verbs whose attribution is safe to drop: reports, not beliefs, claims or pleas (`faithfulness._SPEECH` less
# "insisted", "admitted", "warned", "claims", ...: "X insisted he was innocent" -> "He was innocent" is X's claim)
_ATTRIBUTION = frozenset("said says say told tells added adds announced announces confirmed confirms reported reports "
                         "revealed reveals stated states explained explains wrote writes according".split())
_MONTH_SHORT = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_TIME_CORE = _DATE_WORDS | _MONTH_SHORT | frozenset(
    "spring summer autumn winter yesterday today tonight tomorrow week weeks weekend month months year years "
    "morning afternoon evening night day days hour hours decade decades ago time".split())
_TIME_WORDS = _TIME_CORE | frozenset("on in at during last this next earlier later late early the of a an that same "
                                     "previous past recent few several over local".split())
# a time that bounds or starts a claim is not safe to drop: "will stay [until May]", "[by 2020]"
_LIMITS = frozenset("by until till before after since for from within".split())
# openings and closings that limit or condition the rest: "[If convicted,] he faces", "[Apart from Smith,] no
# one was hurt", "..., [unless ...]"
_CONDITIONS = frozenset("if unless provided providing assuming except excluding apart besides other only than "
                        "whether without until till respectively nor or should had were".split())
_OPENERS = frozenset("but and however meanwhile now so yet also still then instead indeed moreover furthermore "
                     "additionally separately earlier later previously recently today yesterday tonight overall "
                     "finally eventually initially ultimately last this after before when while as since although "
                     "though despite following amid during once whilst afterwards".split())
# a clause after one of these may go ("He was sacked[ after ...]"); not after "while", "as", "when" ("will never be
# dull[ while Stokes is around]" is a condition) nor "since", "until" (a limit: "has not played[ since May]")
_SUBORDINATE_TAILS = frozenset("after because amid following despite although though".split())
# a subject a closing "and" clause may open with, and the pronouns that stand for a speaker an opening cuts
_SUBJECT_PRONOUNS = _SUBJECTS - {"i", "you"}
_PRONOUNS = (_SUBJECTS - {"you"}) | (_POSSESSIVE_PRONOUNS - {"your"}) | {"him", "them"}
# words of a view, not a fact: "[According to Marvin Hagler,] Mayweather lacks class", "[Ferguson says] the
# 23-year-old is still some way off"; such a view keeps its holder unless an institution reports it ("..., police said")
_VIEW_WORDS = frozenset("should must ought deserve deserves deserved need needs lacks lack best worst better worse "
                        "most hardest toughest easiest difficult "
                        "greatest great good bad wrong right brilliant fantastic amazing terrible awful superb "
                        "important unlikely likely probably hopefully sure confident still too very can't cannot "
                        "could might would".split())
# a rewrite that keeps one of these still says whose view it is: "Arsene Wenger hopes Burnley escape ...", "Detectives
# believe ...", "85% of readers felt ...", "Neymar: 'it will be a great game'"
_HOLDER_KEPT = _SPEECH | frozenset("tell believe believes think thought feel feels felt hope hopes hoped fear fears "
                                   "feared labelled labeled called calls described describes expects expected :".split())
_INSTITUTIONS = frozenset("police officials official authorities military army spokesman spokeswoman spokesperson "
                          "agency ministry department statement report reports documents court website survey media "
                          "sources source center centre association office government council company club firm "
                          "service services prosecutors investigators organization organisation commission "
                          "committee bureau unicef un nasa fbi cia house".split())
_HEDGED = frozenset("allegedly reportedly apparently seemingly supposedly purportedly possibly probably only".split())
_OPEN = frozenset(",(-")


def _words(tokens: list[str]) -> list[str]:
    return [t for t in tokens if _is_word(t)]


def _is_time(tokens: list[str], before: str, after: str) -> bool:
    """A whole time phrase: every word a time word, one of them a day, month, year or the like, not a limit
    ("until May"), and not part of a longer one ("[last] year", "year [two]")."""
    words = _words(tokens)
    if not words or words[0] in _LIMITS or before in _LIMITS or before in _TIME_WORDS - _TIME_CORE \
            or after in _TIME_CORE:
        return False
    core = any(w in _TIME_CORE or w.isdigit() and len(w) == 4 for w in words)
    return core and all(w in _TIME_WORDS or w.isdigit() or w[:-2].isdigit() and w[-2:] in ("st", "nd", "rd", "th")
                        for w in words)


def _is_attribution(tokens: list[str], opening: bool) -> bool:
    """A short report of who said it: "[Police said (that)] ...", "...[, the club said]", "...[, said the
    club]", "[According to X,] ...". One speech verb that reports (not "insisted", "claimed"), no condition
    or hedge; an opening ends at most five words after its verb, a closing starts with a comma or the verb."""
    words = _words(tokens)
    if not words or len(words) > 10 or any(w in _CONDITIONS or w in _HEDGED for w in words):
        return False
    if words[:2] == ["according", "to"]:
        return len(words) <= 8 and (opening or tokens[0] in (",", "(", "-") or len(words) <= 4)
    if opening and words[-1] == "that":
        words = words[:-1]
    if words[0] == "to":  # "[To say] Neil butchered the song would be unkind": no attribution
        return False
    verbs = [k for k, w in enumerate(words) if w in _ATTRIBUTION]
    if len(verbs) != 1:
        return False
    return len(words) - verbs[0] <= 6 if opening else tokens[0] in (",", "-") or verbs[0] == 0


def _is_aside(tokens: list[str], after: list[str]) -> bool:
    """A span set off on both sides (", 45,", "(right)", "- a father of two -") that opens with no condition
    or conjunction, leaves no quotation half open and is no item of a list ("Leeds[, Hull,] York and Bath":
    a short span with no verb, where the next words, `after`, are another short item before a comma, "and"
    or "or")."""
    if len(tokens) < 2 or tokens[0] not in _OPEN or tokens[-1] not in (",", ")", "-"):
        return False
    if tokens[0] == "(" and tokens[-1] != ")" or tokens[0] != "(" and tokens[-1] == ")":
        return False
    words = _words(tokens)
    if not words or words[0] in _CONDITIONS or words[0] in ("and", "but", "plus", "then") \
            or tokens.count('"') % 2:
        return False
    if tokens[0] != "," or len(words) > 5 or has_verb(" ".join(words)):
        return True
    for k, t in enumerate(after[:6]):  # the next item of the list: a few words, then a comma, "and" or "or"
        if t in (",", "and", "or"):
            return k == 0 or k > 4
        if t in _SENTENCE_END:
            break
    return True


def _safe_opening(tokens: list[str], at_start: bool = False) -> bool:
    words = _words(tokens)
    if not words:
        return True
    if len(words) == 1 and words[0] in ("the", "a", "an", "but", "and", "so", "however", "meanwhile", "now", "yet",
                                        "also", "still", "then"):
        return True
    if _is_attribution(tokens, opening=True) and (words[0] != "according" or tokens[-1] == ","):
        return True
    if at_start and "cnn" in words and tokens[-1] in (")", "-") and len(words) <= 6:  # a dateline: "HONG KONG (CNN)"
        return True
    if tokens[-1] not in (",", "-"):
        return False
    first = words[0]
    if first in _CONDITIONS or any(w in ("except", "exception", "apart", "excluding", "unless", "if") for w in words):
        return False
    if at_start and tokens[-2:] == ["-", "-"] and len(words) <= 5:  # a dateline: "LONDON, England --"
        return True
    return (first in _OPENERS or _is_time(tokens[:-1], "", "") or len(first) > 4 and first.endswith(("ing", "ed"))
            or len(first) > 4 and first.endswith("ly") and first not in _HEDGED
            or words[:2] in (["in", "a"], ["in", "an"]) and any(w in ("statement", "interview", "letter", "post",
                                                                        "report", "tweet", "email") for w in words))


def _safe_closing(tokens: list[str], before: str, listing: bool = False) -> bool:
    """A closing that limits nothing: an attribution, a time, a clause after a subordinator that is no
    condition or limit ("[ after he was injured]"), or anything after a comma, a bracket, a dash, a colon or a
    semicolon except a condition ("[, if convicted]"), an "and" with no verb after it, and, where the kept words
    end a list (`listing`: a comma just before the last kept word), the list's last items ("goals by Young,
    Fellaini[, Mata and Smalling]"); without a comma, an "and" or "but" only before a verb or a subject pronoun
    ("free on bail[ and suspended without pay]", not "close family[ and friends]")."""
    words = _words(tokens)
    if not words:
        return True
    if _is_attribution(tokens, opening=False) or _is_time(tokens, before, ""):
        return True
    for j in range(len(tokens) - 1, 0, -1):  # "...[ last week after repairs]"
        if _is_time(tokens[:j], before, tokens[j]) and _safe_closing(tokens[j:], tokens[j - 1], listing):
            return True
    comma = tokens.index(",") if "," in tokens[1:] else None
    if comma and _safe_closing(tokens[:comma], before) and _safe_closing(tokens[comma:], before, listing):
        return True  # "...[ last year, which angered fans]"
    if tokens[0] in (",", "(", "-", ";", ":"):
        first = words[0]
        if first in _CONDITIONS or _list_tail(tokens):
            return False
        if first in ("and", "but", "so"):  # a clause, not a list's last item ("racism, brutality[, and corruption]")
            return has_verb(" ".join(words[1:]))
        return not (listing and not has_verb(" ".join(words)))
    if words[0] in ("and", "but") and len(words) > 3 and (words[1] in _VERBS or words[1] in _SUBJECT_PRONOUNS
                                                          or len(words[1]) > 4 and words[1].endswith("ed")):
        return True  # a verb phrase or a clause: "free on bail[ and suspended without pay]", not "family[ and friends]"
    return words[0] in _SUBORDINATE_TAILS


def unlisted_cuts(text: str, source: str, context: str = "") -> list[str]:
    """The spans `text` deletes from `source` that are of no listed safe kind, as "cut: ..." (an empty list:
    every cut is listed). A rewrite that is no deletion is left to `deletion_problems` ("reworded")."""
    path = align(text, source, context)
    kept = [k for k in path or () if k is not None]
    if not kept:
        return []
    src = _word_tokens(source)
    start, stop = _sentence(src, kept)  # whole sentences before and after may go
    out = []
    prefix = src[start:kept[0]]
    while prefix and prefix[0] in ('"', "'"):
        prefix = prefix[1:]
    if not _safe_opening(prefix, at_start=start == 0):  # a dateline only where the text starts
        out.append("cut: opening [" + " ".join(prefix) + "]")
    for a, b in zip(kept, kept[1:]):
        gap = src[a + 1:b]
        if not gap or not _words(gap):
            continue
        inside = [k for k in range(a + 1, b) if src[k] in _SENTENCE_END]
        if inside:  # a rewrite across two sentences: the end of one and the start of the next
            if not _safe_closing(src[a + 1:inside[0]], src[a]) or not _safe_opening(src[inside[-1] + 1:b]):
                out.append("cut: [" + " ".join(gap) + "]")
            continue
        words = _words(gap)
        timed = gap[:-1] if words[-1] == "that" and len(words) > 1 else gap  # "said [on Tuesday that] the"
        if len(words) == 1 and words[0] in ("the", "a", "an", "that") or _is_aside(gap, src[b:]) \
                or _is_time(timed, src[a], src[b]):
            continue
        out.append("cut: [" + " ".join(gap) + "]")
    suffix = src[kept[-1] + 1:stop]
    quoted = _quote_marks(src, start, kept[-1] + 1)  # quote marks in what the rewrite spans
    if quoted % 2 and suffix and _words(suffix[:1]) or not quoted % 2 and _quote_marks(src, kept[-1] + 1, stop) % 2:
        # the rewrite stops inside a quotation ("to 'dwell[ and take in the atmosphere' ...]") or before one it
        # leaves open ("go dress shopping[ 'because i've only told about a million people!]")
        out.append("cut: closing inside a quotation [" + " ".join(suffix) + "]")
    while suffix and suffix[-1] in ('"', "'", ")"):
        suffix = suffix[:-1]
    if not _safe_closing(suffix, src[kept[-1]], "," in src[max(kept[-1] - 4, 0):kept[-1]]):
        out.append("cut: closing [" + " ".join(suffix) + "]")
    elif _loses_list_tail(src, kept, suffix):
        out.append("cut: a list's last items [" + " ".join(suffix) + "]")  # "from consortia in America[, China ...]"
    said = [w for w in _words(prefix) + _words(suffix) if w in _ATTRIBUTION]
    if said and quoted:  # "[Spokesman Mark Wright told CNN] the jet performed 'aggressive maneuvers'": a claim
        out.append("cut: who said what the rewrite quotes (" + said[0] + ")")
    out += _view_without_holder(src, kept, said, start, stop) + _speaker_cut(text, " ".join(src[start:stop]))
    out += [p for p in _meaning_cuts(src, kept, start, stop) if p not in out]  # "...[, ... if Jovetic ...]"
    out += _caption_cut(src, start, stop) + _unquoted(text, src, kept, start) + _broken_marks(text, source, src, kept)
    if said and _words(prefix) and src[kept[0]] in _PRONOUNS and any(w in _ATTRIBUTION for w in _words(prefix)):
        out.append("cut: whom '" + src[kept[0]] + "' stands for (" + " ".join(prefix) + ")")  # "[Dyche says] his side"
    return out


def checked_cuts(text: str, source: str, context: str = "") -> list[str]:
    """What of `unlisted_cuts`'s checks the default (`cuts="checked"`) adds to the rules: a view that loses its
    holder (`holder_cut`), someone's words that lose who says them, a list that loses an item ("Real Madrid,[
    Manchester United,] Juventus and PSG were all keen", "found at Circular Quay[, The Rocks, Pyrmont and Martin
    Place]", "enquiries from consortia in America[, China and Australia with ...]"), a quotation left open ("he offers
    a 'clear, credible plan[ - not false promises']") and the cuts
    that change what the rest says (`_meaning_cuts`: a condition, what a count holds for, ...; the listed
    check refuses them too)."""
    found = _kept(text, source, context)
    if not found:
        return []
    src, kept, start, stop = found
    out = _holder(*found)
    for a, b in zip(kept, kept[1:]):
        gap = src[a + 1:b]
        words = _words(gap)
        if len(gap) > 2 and gap[0] == gap[-1] == "," and 0 < len(words) <= 4 and words[0] not in _NOT_AN_ITEM \
                and not any(w.isdigit() for w in words) and _next_item(src[b:]):  # not "Wayne[, 33,] ..."
            out.append("cut: an item of a list [" + " ".join(gap) + "]")
        elif len(gap) > 1 and gap[0] == "," and "," not in gap[1:] and len(words) <= 3 and src[b] in ("and", "or") \
                and ("," in src[max(a - 6, 0):a] or len(words) <= 2 and src[a - 1] in _ENDS_ON_PREPOSITION) \
                and not has_verb(" ".join(words)):  # "A, B[, C] and D", "in America[, China] and Australia"
            out.append("cut: an item of a list [" + " ".join(gap) + "]")
    suffix = src[kept[-1] + 1:stop]
    if _loses_list_tail(src, kept, suffix):
        out.append("cut: a list's last items [" + " ".join(suffix) + "]")
    out += _speaker_cut(text, " ".join(src[start:stop])) + _meaning_cuts(src, kept, start, stop)
    out += _caption_cut(src, start, stop) + _unquoted(text, src, kept, start) + _broken_marks(text, source, src, kept)
    marks, sentence_marks = _open_marks(text), _open_marks(" ".join(src[start:stop]))
    if marks and marks % 2 and sentence_marks is not None and sentence_marks % 2 == 0:
        out.append("cut: closing inside a quotation [" + " ".join(suffix) + "]")  # "a 'clear, credible plan[ ...']"
    return out


# a cut that holds one of these drops a condition: "[Once released from prison,] an ex-offender's prospects ...",
# "will be sacked[ if he loses]" (not "even if", "if only", "as if", nor "unsure if", a question)
_IF = frozenset("if unless".split())
_NOT_A_CONDITION_BEFORE = frozenset("even as especially unsure sure know knows knew discover see saw ask asks asked "
                                    "wonder wondered decide clear unclear check checked".split())
_NOT_A_CONDITION_AFTER = frozenset("only ever any not unlikely necessary possible needed so anything at that".split())
_PROVISO = frozenset("provided providing assuming".split())  # "... that"
# what opens a clause of its own inside a cut, whose condition is that clause's: "[, and is unsure if ...]"
_CLAUSE_OPENERS = frozenset("and but which who whom whose while with having meaning where when after before because "
                            ": ; - --".split())
_SUBJECT_AFTER_ONCE = frozenset("he she they it we i you the his her their its".split())
# a verb whose next verb says what was only helped, tried or meant: "would go on to [help] raise $1.4 million"
_CATENATIVE = frozenset("help helps helped helping try tries tried trying attempt attempts attempted attempting "
                        "want wants wanted plan plans planned hope hopes hoped aim aims aimed seek seeks sought "
                        "fail fails failed refuse refuses refused threaten threatens threatened agree agrees agreed "
                        "expect expects expected promise promises promised vow vows vowed pledge pledges pledged "
                        "offer offers offered decide decides decided ask asks asked urge urges urged able unable "
                        "likely unlikely set due poised about going supposed allowed forced bid".split())
_ALSO_NOUNS = frozenset("set bid hopes plans hope plan aim offer threatened expected".split())  # "[... hopes,]"
# nouns that a "to" clause completes: "offer one lucky reader the chance[ to win a pair of boots]"
# (not "move", "offer", "deal": "a move to Spurs" is a place)
_NEEDS_TO = frozenset("chance chances opportunity opportunities right rights bid bids attempt attempts decision "
                      "decisions plan plans effort efforts ability permission way ways pledge promise threat campaign "
                      "push power freedom need desire license licence".split())
_NO_VERB_AFTER_TO = frozenset("the a an his her their its my our your this that these those".split())
# a copula a cut may not take from between a subject and what it says of it (not "has" in "[has] defended", nor "is"
# in "[is] playing": a headline's tense)
_COPULA = frozenset("is are was were".split())
_FINITE = _COPULA | frozenset("has have had will would".split())
# what may go with it: "[is again] set to be without", "[were then] forced to"; not "[is hopeful he] could be back"
_COPULA_ADVERBS = frozenset("again therefore then also officially now still already currently reportedly thought "
                            "believed understood said".split())
# verbs whose object a "to" clause completes: "order him[ to lie on his stomach]"
_TELL_TO = frozenset("order orders ordered tell tells told ask asks asked force forces forced urge urges urged allow "
                     "allows allowed persuade persuaded encourage encouraged invite invited want wants wanted expect "
                     "expects expected help helps helped convince convinced beg begged warn warned advise advised "
                     "instruct instructed".split())
_LIMITING = frozenset("against in at on among for with under since this".split())
# what a count or a rank holds for: "third loss[ in five games]", "18 goals[ for the Robins this season]"
_SCOPE = re.compile(r"^(?:in|of|over|from|during|against|since|for|this|so)\b(?:\s+\S+){0,6}?\s*\b(?:this|last|"
                    r"past|so far|since|games|matches|starts|appearances|outings|seasons?|years?|months?|weeks?|"
                    r"days?|attempts|tries|races|fights|bouts|rounds|career|history|campaign|term)\b")
_ORDINALS = r"\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
_ORDINAL = re.compile(r"^(?:" + _ORDINALS + r"|"
                      r"\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                      r"forty|fifty|hundred|dozen|record|most|fewest|only|consecutive|successive|straight)$")
# verbs whose "that" clause is what was said or found: "argued at his appeal[ that the 30 years was excessive]"
_SAID = _SPEECH | frozenset("argue argues argued claim claims claimed insist warn believe concluded concludes "
                            "conclude ruled rules revealed reveal denied denies deny alleged "
                            "alleges suggest suggests suggested showed shows show proved proves thought fear fears "
                            "feared admit announced confirmed reported".split())
# (not "as": "quit her job as a fund manager[ to raise ...]" is a role; not "until": "until the end of June"; not
# "and": it joins nouns as often as clauses)
_CLAUSE_SUBORDINATORS = frozenset("when while because although though whereas unless".split())
# a word whose cut after a number changes what it counts: "will get two[ extra] weeks"
_MORE = frozenset("extra additional further more fewer less".split())
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
                          "hundred thousand million billion dozen".split())
# a word whose cut after a negation widens what it denies: "he was not content with[ simply] breaking the record"
_MERELY = frozenset("simply merely just only solely".split())
# verbs whose object is a measure: "the trial is expected to last[ between seven and 10 days]"
_MEASURE_VERBS = frozenset("last lasts lasted cost costs weigh weighs weighed measure measures measured total "
                           "totals totalled totaled".split())
_MEASURE_STARTS = frozenset("between about around almost nearly more less up over under at least just a an".split())
# what a count may hold since: "[Since selling Armstrong,] United have won just once"
_FEW = frozenset("once twice never only just".split())
# the head of a subject whose name or club the rest keeps: "the Liverpool[ manager] had no complaints"
_ROLE_HEADS = frozenset("manager boss coach captain chairman owner president chief executive director spokesman "
                        "spokeswoman spokesperson minister secretary leader striker midfielder defender goalkeeper "
                        "winger keeper player players fans supporters staff officials official".split())
# a word of a name that, cut from between two words it joins, leaves another name: "Sky Bet[ League] One", "the
# FA[ Cup] final"
# (not "united", "city", "club": "Newcastle[ United] fans" names the same club)
_NAME_NOUNS = frozenset("league cup division university college school street road avenue county national "
                        "championship trophy prize festival park hospital airport station bridge hall court museum "
                        "church square".split())
_FUNCTION_WORDS = frozenset("the a an of in on at to for from with by and or but as is are was were be been has have "
                            "had his her their its this that these those who which".split())
# an amount a cut may drop before what it counts: "delivery of[ tons of] silver coins", "[a host of] youngsters"
_AMOUNT_OF = re.compile(r"^(?:a |an |the )?(?:host|raft|phalanx|series|string|number|lot|lots|couple|pair|group|"
                        r"handful|range|total|tons|dozens|hundreds|thousands|millions|variety|bunch|slew|spate|"
                        r"flurry|wave|crowd|kind|sort|type|piece|set|collection|array|selection) of$")
# verbs of moving someone that need where to: "was hospitalized and ... transferred[ to jail]", "was taken[ to
# hospital]" (taken, admitted alone say something else)
_MOVED = frozenset("transferred taken rushed airlifted flown sent admitted brought carried moved relocated "
                   "driven drove took".split())
# a subject that opens with one of these is a clause of its own: "What was once the gateway to an ancient city[,
# built circa 700 AD ..., stands before him]"
_FREE_RELATIVES = frozenset("what whatever whoever whichever".split())
_RELATIVES = frozenset("that which who".split())
# speech verbs of a claim: what follows is the speaker's, not a fact ("Messi has a place at Barcelona until he
# decides to retire[, claim club president]")
_CLAIMED = frozenset("claim claims claimed insist insists insisted allege alleges alleged".split())
# an -ly word that is no adverb of the word after it ("the deadly[ 2008] attacks"); a year; a month (a day's, as
# dates are written: "March 5, 1898"); nouns of what someone says; modals
_NOT_ADVERBS = frozenset("only early family daily weekly monthly yearly likely unlikely friendly elderly lovely "
                         "deadly costly ugly holy lonely silly jolly hilly curly burly timely lively orderly "
                         "italy sally holly kelly emily lily billy".split())
_YEAR = re.compile(r"^(?:1[6-9]|20)\d\d$")
_MONTH_WORDS = frozenset(_MONTHS) | {"may", "march"} | _MONTH_SHORT
_CLAIM_NOUNS = frozenset("rumours rumors reports claims suggestions allegations speculation fears hopes "
                         "accusations denials".split())
_MODALS = frozenset("will would could should can may might must".split())
# nouns that need what they are for: "in their bid[ for promotion]", "the search[ for survivors]"
_NEEDS_FOR = frozenset("bid bids search quest hunt race fight battle push chase calls call demand demands "
                       "appetite room responsibility".split())
_TIME_NOUNS = frozenset("time moment day night days".split())
# verbs that need what someone turned out to be: "he turned out[ to be a ramp agent]"
_SEEMS = frozenset("out seemed seems appeared appears proved proves".split())
# "[For one couple, however,] these streets became a 26-mile aisle": what holds for some holds for all
_SOME = frozenset("one some many most several few".split())
# "his[ younger] brother" is the same man
_KIN = frozenset("brother brothers sister sisters son sons daughter daughters sibling siblings".split())
_COMPARATIVES = frozenset("colder warmer wetter drier hotter cooler higher lower bigger smaller larger older younger "
                          "stronger weaker faster slower cheaper dearer richer poorer better worse longer shorter "
                          "greater fewer heavier lighter".split())
# an opening clause that may hold whom a pronoun after it stands for: "[When one witness testifies ...,] Hernandez
# appears to glare at him"
_WHEN = frozenset("when as after while before once because if whenever".split())
# an opening participle ("[Now officially] sold out by the retailer, ...") and the adverbs that may come before it
_PARTICIPLES = frozenset("sold born built made known seen given taken found held kept left brought caught shot "
                         "hit struck won lost told paid put set run beaten driven written thrown".split())
_LEAD_ADVERBS = frozenset("now once still newly already also then".split())
# nouns whose "in" phrase says what they are of: "arrested for alleged involvement[ in money laundering]"
_NEEDS_IN = frozenset("involvement complicity participation role".split())
# verbs whose object is a "how" or "what" clause, and the words that open one: "reviews[ show] how the crossing ..."
_SHOW = frozenset("show shows showed reveal reveals revealed explain explains explained prove proves proved "
                  "suggest suggests suggested".split())
_WH = frozenset("how why what whether where when who".split())
# a verb's particle, which the verb needs at the end of a sentence: "oblivious to what was going[ on]"
_PARTICLES = frozenset("on off up out down away back over".split())
# what a count of these is a count of, and the words that say so: "only two points[ from a safe position]", "have
# three matches[ to make up the gap]", "with seven games[ remaining]"
_COUNT_UNITS = frozenset("points games matches goals wins seconds minutes places shots strokes runs wickets lengths "
                         "votes seats laps".split())
_COUNT_TAILS = frozenset("from to behind clear remaining left ahead adrift short off".split())
_PARTICIPLE_PHRASE = frozenset("in by at on for with from after during over under against into near".split())
# past forms that are verbs with a phrase after them, seldom participles: "appeared in court", "focused on"
_INTRANSITIVE = frozenset("appeared focused participated called handed starred arrived died lived worked played "
                          "competed served resulted stayed remained landed stepped retired moved".split())
# verbs that link a subject to what is said of it, which a cut may not take alone: "Rodgers[ remains] confident"
_LINKING = frozenset("remains remained seems seemed appears appeared becomes became stays stayed looks looked "
                     "feels felt".split())
# what opens a clause that depends on another: "[Stuart Dallas has come a long way since] Mark Warburton plucked him"
_SUBORDINATORS = frozenset("since because after when while although though before until".split())
# verbs whose "that" clause is what someone was brought to believe or know: "will have to convince the SFA[ that he
# is suitable ...]"
_TELL_THAT = frozenset("convince convinces convinced convincing persuade persuades persuaded persuading assure assures "
                       "assured reassure reassures reassured remind reminds reminded inform informs informed notify "
                       "notified satisfy satisfied".split())
# adverbs that say something of the phrase after them, so cannot close a sentence that lost it: "pointing the finger
# of blame squarely[ at the officials]", "died shortly[ after ...]", "has played only[ twice]"
_SCOPING_ADVERBS = frozenset("squarely directly mainly mostly largely partly partially solely primarily "
                             "particularly especially exclusively even just only shortly".split())
# verbs that give their object a second phrase saying what it is or became: "said it made her walk to work[ ... an
# 'awful experience']", "called him[ ... a hero]"
_MADE = frozenset("make makes made making call calls called consider considers considered deem deems deemed dub dubs "
                  "dubbed branded declare declares declared".split())
# verbs of a belief, a claim or a warning: whose it is cannot be cut ("[A scientist has warned] Britain is facing a
# collapse ...")
_BELIEVED = frozenset("warn warns warned claim claims claimed insist insists insisted allege alleges alleged believe "
                      "believes believed fear fears feared predict predicts predicted suggest suggests suggested argue "
                      "argues argued think thinks thought".split())
# a rank that a "since" phrase bounds: "the first secretary of state to become president[ since James Buchanan]", "the
# biggest weight ...[ since Red Rum won ...]" (not a count: "has scored 102 goals for PSG[ since joining]")
_RANK = re.compile(r"^(?:" + _ORDINALS + r"|last|record)$")  # and a superlative (`_superlative`)
# words that deny what a "since" phrase bounds: "his failure to hit a Test hundred[ since May 2013]"
_NEGATED = frozenset("not n't never no without failure failed yet".split())
_SUPERLATIVE_WORDS = frozenset("best worst most least fewest".split())
# words in -est that are no superlatives
_NOT_SUPERLATIVES = frozenset("interest interests arrest arrests protest protests request contest harvest honest "
                              "modest forest suggest invest manifest digest conquest inquest bequest earnest midwest "
                              "southwest northwest unrest attest detest latest".split())  # ("latest": "the latest
# advert[ for ...]" holds for no scope)
# verbs whose "for" phrase says what for: "swapping healthy food[ for sweets]", "are rivalling United and Arsenal[ for
# the defender]"
_FOR_WHAT = frozenset("swap swaps swapped swapping trade trades traded trading exchange exchanged exchanging "
                      "rivalled rivalling compete competes competed competing vie vies vied vying jostle "
                      "jostling".split())
# what a superlative holds within: "what could be Everton's worst season[ in nine years]"
_WITHIN = frozenset("in of since for this among".split())
# openings that say where or for whom the rest holds: "[Outside of sensitive needs housing,] inmates with jobs earn 20
# cents an hour"
_ONLY_WITHIN = frozenset("outside except excluding besides beyond".split())
# an opening adjective whose clause is someone's view: "[Adamant] the final round of fixtures should be played at the
# same time ..., [the two clubs have lodged complaints]"
_CONVINCED = frozenset("adamant convinced confident certain sure insistent".split())
# verbs that say to whom: "will be reintroduced[ to Barcelona]"
_INTRODUCED = frozenset("introduced reintroduced introduce reintroduce introducing reintroducing".split())
# the other side of a match: "Real Madrid[ vs Juventus] is the other tie"
_VERSUS = frozenset("vs v versus".split())
_AUXILIARY_VERBS = _FINITE | _MODALS
_ENDS_ON_PREPOSITION = frozenset("of by from with for to in at on about against into onto than between among "
                                 "over under".split())


def _unquoted(text: str, src: list[str], kept: list[int], start: int) -> list[str]:
    """["cut: the quote marks of someone's words"] when `text` keeps someone's words in the first person without the
    quote marks around them: "David Hawley said[: '] he was one of the fittest men I've ever met"."""
    if _MARKS.search(text) or not any(src[k] in ("i", "me", "my", "we", "our") and _quote_marks(src, start, k) % 2
                                      for k in kept):
        return []
    return ["cut: the quote marks of someone's words"]


def _caption_cut(src: list[str], start: int, stop: int) -> list[str]:
    """["cut: all but a caption"] when the sentence of its unit that the rewrite keeps is a photo's caption
    (`is_caption`; a unit of several sentences is takeable for the others: "...in the world. ' [Sterling shares a
    laugh in training ahead of ...]")."""
    sentence = re.sub(r"(\d) : (\d)", r"\1:\2", " ".join(src[start:stop]))  # "at 11:20 pm" is no label
    return ["cut: all but a caption"] if is_caption(sentence) else []


def _meaning_cuts(src: list[str], kept: list[int], start: int, stop: int) -> list[str]:
    """Cuts that leave the rest of the sentence saying more, or something else, than it said: who says it ("[Peter
    Travers, Rolling Stone:] 'Furious 7' is ..."), whom a pronoun stands for ("[Ian Ayre said] he expected"), a
    condition ("[Once released from prison,]"), the head of a subject ("the Liverpool[ manager] had"), a verb the
    next one hangs on ("go on to [help] raise"), what a noun or a verb needs ("the chance[ to win ...]", "order
    him[ to lie down]"), what a count holds for ("third loss[ in five games]", "[Since selling Armstrong,] United
    have won just once"), a preposition whose object now stands alone ("[In the footage, released by] police are
    filmed" for "deputies are filmed"), what was said ("argued[ that ...]"), a cut inside a quotation ("the book
    \"Going Clear: Scientology, Hollywood[, and the Prison of Belief]\""), a verb ("the 30 years[ was
    'manifestly]' excessive"), a word of a name ("Sky Bet[ League] One"), the verb of a closing clause ("when
    his chief rival[, businessman Keith Crisco, died after a fall]"), where someone was moved ("transferred[ to
    jail]"), how one lay ("lay[ face] down"), the head of a hyphenated word or a phrase ("win[-at-all-costs manager
    ...]", "half-meter[ (1.5 feet) fissures]"), the subject ("Situated off Africa[, Cape Verde] has"), what makes a
    clause relative ("aftershocks[ that] have continued", "the performance of O'Connor[, who] won"), the verb of who
    says it ("..., the procuratorate[, said]"), part of a date, a limit, a modal, a comparison, whom an opening
    limits it to, whose claim it is, whom "him" stands for, an aside kept alone, what was said without its verb and
    the main verb ("Boxing fans hoping to attend the weigh-in[ ... must buy tickets]", "Now sold out by the
    retailer[, pieces ... have popped up on eBay]", "A few days after they were reunited[, ISIS released ...]")."""
    cuts = [(start - 1, kept[0])] + [(a, b) for a, b in zip(kept, kept[1:]) if b > a + 1] + [(kept[-1], stop)]
    kept_words = [src[k] for k in kept]
    marks = [k for k in range(start, stop) if _quote_marks(src, k, k + 1)]
    spans = list(zip(marks[::2], marks[1::2])) if len(marks) % 2 == 0 else []
    out = []
    for a, b in cuts:
        cut = src[a + 1:b]
        words = _words(cut)
        if not words:
            continue
        before = src[a] if a >= start else ""
        at = kept.index(a) if a >= start else 0  # where the word before the cut is among the kept ones
        told = any(src[k] in _TELL_TO and ((n := _words_between(src, k, a)) <= 3 or n <= 6 and "and" in src[k + 1:a])
                   for k in range(max(a - 10, start), a + 1) if k in kept)  # "order the driver", "allowed Alex
        # Oxlade-Chamberlain[ to set up ...]", "persuade Jason Denayer and Manchester City[ to extend ...]"
        label = list(cut)
        while label and label[-1] in ('"', "'"):  # a label, less the marks that open what it labels
            label.pop()
        if a < start and label[-1:] == [":"] and (label != cut or src[b] in ('"', "'")):
            out.append("cut: who says it [" + " ".join(cut) + "]")  # "[Peter Travers, Rolling Stone:] 'Furious 7' is"
        elif a < start and _ATTRIBUTION.intersection(words) and src[b] in _PRONOUNS \
                and set(words) - _PRONOUNS - _ATTRIBUTION - {"that", "also"}:  # not "[He says that] he will"
            out.append("cut: whom '" + src[b] + "' stands for [" + " ".join(cut) + "]")  # "[Ian Ayre said] he expected"
        elif words[0] == "since" and any(_ORDINAL.match(w) or w in _FEW for w in kept_words) and a < start:
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")  # "[Since selling X,] United have won
            # just once"
        elif a >= start and b < stop and len(words) == 1 and words[0] in _ROLE_HEADS and src[b] in _FINITE | _VERBS \
                and before != "old" and not before.endswith("-old"):  # "the 20-year-old[ midfielder]": the same man
            out.append("cut: the head of the subject [" + " ".join(cut) + "]")  # "the Liverpool[ manager] had"
        elif _condition(src, a, b) or a < start and words[0] in ("should", "had", "were") and cut[-1] == ",":
            out.append("cut: a condition [" + " ".join(cut) + "]")
        elif b < stop and cut[-1] == words[-1] and src[b - 2] != "-" and (
                words[-1] in _CATENATIVE - _ALSO_NOUNS or words[-2:-1] and words[-1] == "to"
                and words[-2] in _CATENATIVE) and src[b] not in _NO_VERB_AFTER_TO:
            out.append("cut: the verb the next one hangs on [" + " ".join(cut) + "]")
        elif cut[0] == "to" and a >= start and b - a > 2 and src[a + 2] not in _NO_VERB_AFTER_TO and (
                before in _NEEDS_TO or "one of" in " ".join(kept_words[-8:]) and b == stop or told):
            out.append(f"cut: what the {'verb' if told else 'noun'} needs [" + " ".join(cut) + "]")
        elif a >= start and any(_ORDINAL.match(src[k]) and src[k - 1] != "-" and src[k - 1:k + 2:2] != [",", ","]
                                for k in range(max(a - 2, start), a + 1) if k in kept) \
                and (_SCOPE.match(" ".join(words)) or before in ("time", "times") and words[0] in _LIMITING):
            # not a score ("4-1 loss") nor an age ("Sam, 8,"); "for the third time[ against Premiership sides]"
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")
        elif b < stop and cut[-1] in _ENDS_ON_PREPOSITION and not _AMOUNT_OF.match(" ".join(words)):
            out.append("cut: whose object the rest keeps [" + " ".join(cut) + "]")
        elif b == stop and words[0] == "that" and _SAID.intersection(kept_words[-10:]) and (
                before in _SAID or not before.endswith("s")):  # not "tactical failings[ that led to ...]"
            out.append("cut: what was said [" + " ".join(cut) + "]")
        elif any(any(p < k < q and _is_word(src[k]) for k in range(a + 1, b)) and any(p < k < q for k in kept)
                 for p, q in spans):  # a quotation partly kept
            out.append("cut: inside a quotation [" + " ".join(cut) + "]")
        elif a >= start and b < stop and _COPULA.intersection(words) and cut[0] not in _OPEN and "," not in cut \
                and set(words) - _COPULA - _COPULA_ADVERBS and words[0] not in ("that", "which", "who") \
                and src[b] not in _FINITE and not src[b].endswith("ing") and _is_word(before) and before not in _FINITE:
            out.append("cut: a verb [" + " ".join(cut) + "]")  # "that the 30 years[ was 'manifestly] ' excessive"
        elif len(words) == 1 and words[0] in _MORE and (
                a >= start and _ORDINAL.match(before) and before[0].isdigit() or before in _NUMBER_WORDS):
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")  # "two[ extra] weeks"
        elif " ".join(words[:3]) in ("in the same", "on the same", "at the same") and a >= start:
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")  # "never won[ in the same year]"
        elif words[0] in _MERELY and any(src[k] in ("not", "n't", "never") for k in range(max(a - 4, start), a + 1)
                                         if k in kept):
            out.append("cut: what the negation denies [" + " ".join(cut) + "]")  # "not content with[ simply] breaking"
        elif b == stop and before in _MEASURE_VERBS and (words[0] in _MEASURE_STARTS or _ORDINAL.match(words[0])):
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "expected to last[ between 7 and 10 days]"
        elif len(cut) == 1 and cut[0] in _NAME_NOUNS and a >= start and b < stop and _is_word(before) \
                and _is_word(src[b]) and before not in _FUNCTION_WORDS and src[b] not in _FUNCTION_WORDS:
            out.append("cut: inside a name [" + " ".join(cut) + "]")
        elif cut[0] in ("to", "into") and before in _MOVED and a >= start and len(words) > 1:
            out.append("cut: where to [" + " ".join(cut) + "]")  # "transferred[ to jail]"
        elif words == ["face"] and b < stop and src[b] in ("down", "up", "first"):
            out.append("cut: how [" + " ".join(cut) + "]")  # "lay[ face] down"
        elif cut[0] == "-" and cut[2:3] == ["-"] and not cut[1].isdigit() \
                and any(cut[k - 1] != "-" and cut[k] != "-" for k in range(1, len(cut))):  # more than the word's parts
            out.append("cut: inside a hyphenated word [" + " ".join(cut) + "]")  # "win[-at-all-costs manager]"
        elif a >= start and cut[0] == "," and cut[-1] != "," and b < stop and src[b] in _FINITE | {"will", "can"} \
                and len(words) <= 5 and not set(words) & (_RELATIVES | _ATTRIBUTION | _SUBJECTS | {"also"}) \
                and _opens_with_a_phrase(src[start:a + 1]):
            out.append("cut: the subject [" + " ".join(cut) + "]")  # "Situated off Africa[, Cape Verde] has long"
        elif a >= start and b < stop and len(cut) == 1 and cut[0] in _RELATIVES and _finite_at(src, b):
            out.append("cut: what makes a clause relative [" + " ".join(cut) + "]")  # "aftershocks[ that] have"
        elif a >= start and b < stop and words in (["who"], ["which"]) and (src[a - 1] == "of" or any(
                src[k] == "," and k + 1 in kept and (src[k + 1] in _FINITE | {"also", "then", "still", "somehow"}
                                                     or _finite_at(src, k + 1)) for k in kept if k > b)):
            # "The performance of O'Connor[, who] won gold": the performance did not; "The video[, which] was released
            # Thursday, also shows ...": two verbs
            out.append("cut: what makes a clause relative [" + " ".join(cut) + "]")
        elif b == stop and cut[0] in _RELATIVES and "one of" in " ".join(kept_words[-8:]):
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")  # "one of many bands[ that ...]"
        elif len(words) == 1 and len(before) > 5 and before.endswith("ly") and before not in _NOT_ADVERBS \
                and b < stop and _is_word(src[b]) and src[b] not in _FUNCTION_WORDS and a >= start:
            out.append("cut: what the adverb says of [" + " ".join(cut) + "]")  # "a blindingly[ sunny] Havana day"
        elif words[-1:] and _YEAR.match(words[-1]) and len(words) == 1 and a >= start and (
                before.isdigit() and src[a - 1] in _MONTH_WORDS or before in _MONTH_WORDS):
            out.append("cut: part of a date [" + " ".join(cut) + "]")  # "born on March 5[, 1898]"
        elif b == stop and words[0] == "that" and before in _CLAIM_NOUNS:
            out.append("cut: what was said [" + " ".join(cut) + "]")  # "rejected rumours[ that he ...]"
        elif cut[0] in _MODALS and all(w in _LEAD_ADVERBS | {"soon", "even", "only"} for w in cut[1:]) \
                and a >= start and b < stop and _is_word(src[b]) \
                and not src[b].endswith(("ed", "ing")) and src[b] not in _FINITE:
            out.append("cut: a verb [" + " ".join(cut) + "]")  # "Keane[ will] face trial"
        elif b == stop and cut[0] in ("for", "of") and before in _NEEDS_FOR:
            out.append("cut: what the noun needs [" + " ".join(cut) + "]")  # "in their bid[ for promotion]"
        elif b == stop and before in _TIME_NOUNS and src[a - 1] == "the" and cut[0] in ("when", "after", "that",
                                                                                        "before", "where"):
            out.append("cut: what the noun needs [" + " ".join(cut) + "]")  # "remembers the time[ after the divorce
            # being particularly bleak]"
        elif a < start and words[0] == "for" and words[1:2] and words[1] in _SOME and cut[-1] == ",":
            out.append("cut: whom it holds for [" + " ".join(cut) + "]")  # "[For one couple,] these streets became"
        elif any(w in _COMPARATIVES for w in words) and len(words) <= 2 and b < stop and _is_word(src[b]) \
                and src[b] not in _FUNCTION_WORDS and src[b] != "than" and src[b] not in _KIN:
            out.append("cut: a comparison [" + " ".join(cut) + "]")  # "[The colder] weather is set to last"
        elif b == stop and cut[:2] == ["to", "be"] and before in _SEEMS:
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "he turned out[ to be a ramp agent]"
        elif b == stop and cut[0] == "(" and ")" in cut and len(_words(cut[cut.index(")") + 1:])) == 1:
            out.append("cut: the head of the phrase [" + " ".join(cut) + "]")  # "gaping, half-meter[ (1.5 feet)
            # fissures]"
        elif a >= start and cut[0] == "-" and len(words) == 1 and b < stop and src[b] in _SUBJECTS:
            out.append("cut: the head of the phrase [" + " ".join(cut) + "]")  # "kept faith with the winger[-belief]
            # he paid back"
        elif b == stop and before == "up" and cut[0] == "for" and src[a - 1] != "-":
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "put the home up[ for auction]"
        elif b == stop and "than" in words and any(
                (w in _COMPARATIVES or w in ("more", "less")) and "than" not in kept_words[i:]
                for i, w in enumerate(kept_words) if i >= len(kept_words) - 8):
            out.append("cut: what it is compared with [" + " ".join(cut) + "]")  # "more committed to their lives[
            # outside sport ... than their male counterparts]"
        elif a >= start and cut[0] == "," and words in (["that"], ["this"], ["it"]) and b < stop \
                and src[b] in _FINITE | _MODALS:
            out.append("cut: the subject [" + " ".join(cut) + "]")  # "By 2050, Pew reports[, that] will be 1 in 3"
        elif a < start and words[0] == "by" and words[1:2] and (_YEAR.match(words[1]) or words[1] in _MONTH_WORDS):
            out.append("cut: a limit [" + " ".join(cut) + "]")  # "[By 2050,] that will be 1 out of 3"
        elif b == stop and a >= start and _claim_tail(cut) and not any(w in _SAID or w in _HOLDER_KEPT
                                                                      for w in kept_words):
            out.append("cut: whose claim it is [" + " ".join(cut) + "]")  # "..., claim club president"
        elif a < start and _ATTRIBUTION.intersection(words) and any(w in ("him", "them") for w in kept_words) \
                and set(words) - _PRONOUNS - _ATTRIBUTION - {"that", "also"}:
            out.append("cut: whom 'him' stands for [" + " ".join(cut) + "]")  # "[Giordano said] police beat him"
        elif a < start and len(words) >= 3 and words[0] in _WHEN and (pronoun := _object_pronoun(kept_words)):
            out.append("cut: whom '" + pronoun + "' stands for [" + " ".join(cut) + "]")
            # "[When one witness testifies ...,] Hernandez appears to glare at him"
        elif a >= start and all(w in _ATTRIBUTION or w in ("has", "had", "also", "later") for w in words) \
                and any(w in _ATTRIBUTION for w in words):
            out.append("cut: the verb of who says it [" + " ".join(cut) + "]")  # "..., the procuratorate[ said]"
        elif b < stop and words[-1] in _MORE | {"another"} and (src[b] in _NUMBER_WORDS or src[b][:1].isdigit()):
            out.append("cut: what the count adds to [" + " ".join(cut) + "]")  # "have won it[ a further] four times"
        elif b == stop and cut[0] == "in" and (before in _NEEDS_IN or before == "part" and src[a - 1] in (
                "a", "the", "his", "her", "their", "its")):
            out.append("cut: what the noun needs [" + " ".join(cut) + "]")  # "involvement[ in money laundering]"
        elif a >= start and b < stop and len(words) <= 2 and words[-1] in _SHOW and src[b] in _WH:
            out.append("cut: a verb [" + " ".join(cut) + "]")  # "Hilarious TripAdvisor reviews[ show] how the ..."
        elif b == stop and len(words) == 1 and words[0] in _PARTICLES and a >= start \
                and (before.endswith(("ing", "ed")) and len(before) > 4 or before in _VERBS):
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "oblivious to what was going[ on]"
        elif a >= start and b < stop and len(words) == 1 and words[0] in _LINKING:
            out.append("cut: a verb [" + " ".join(cut) + "]")  # "Rodgers[ remains] confident that ..."
        elif words[:2] == ["to", "death"] and a >= start:
            out.append("cut: what the verb did [" + " ".join(cut) + "]")  # "stabbing his friend's brother[ to death]"
        elif a >= start and b < stop and before in _POSSESSIVE_PRONOUNS and cut[-1:] == ["'s"] and len(words) <= 2:
            out.append("cut: whose [" + " ".join(cut) + "]")  # "since his[ country's] 2-0 win over Greece"
        elif a >= start and b < stop and words in (["like"], ["unlike"]):
            out.append("cut: a comparison [" + " ".join(cut) + "]")  # "Shanghai[, like] many large Chinese cities,"
        elif cut[0] in ("to", "into") and len(words) > 1 and a - 1 >= start and before in ("him", "her", "them") \
                and src[a - 1] in _MOVED:
            out.append("cut: where to [" + " ".join(cut) + "]")  # "his family drove him[ to hospital]"
        elif a < start and len(words) >= 3 and words[-1] in _SUBORDINATORS and cut[-1] == words[-1] \
                and words[0] not in _PRONOUNS and (kept_words[0] in ("he", "she", "they")
                                                   or any(w in ("him", "her", "them") for w in kept_words[:6])):
            out.append("cut: whom a pronoun stands for [" + " ".join(cut) + "]")  # "[Stuart Dallas has come a long way
            # since] Mark Warburton plucked him from a park"
        elif b == stop and cut[0] in ("and", "or") and len(words) >= 2 and a - 1 >= start \
                and src[a - 1] in ("of", "between", "for", "against", "with") and _is_word(before) \
                and before not in _FUNCTION_WORDS and not _may_be_finite(words[1:8]) and not _ATTRIBUTION & set(words) \
                and words[1] not in ("that", "if", "when", "with", "because", "whether", "then", "over"):
            out.append("cut: a list's last item [" + " ".join(cut) + "]")  # "treatment of whites[ and blacks ...]"
        elif b == stop and words[0] in _COUNT_TAILS and before in _COUNT_UNITS and a - 1 >= start and (
                src[a - 1] in _NUMBER_WORDS or src[a - 1][:1].isdigit()):
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")  # "only two points[ from safety]"
        elif a >= start and words[0] in _WITHIN and any(map(_superlative, kept_words[max(at - 2, 0):at + 1])) \
                and not (words[0] == "of" and before in ("most", "best", "worst", "least")):  # not "most of"
            out.append("cut: what the superlative holds for [" + " ".join(cut) + "]")  # "Everton's worst season[ in
            # nine years]"
        elif b == stop and a >= start and cut[0] == "for" and any(src[k] in _FOR_WHAT and _words_between(src, k, a) <= 5
                                                                  and "for" not in src[k:a + 1]
                                                                  for k in kept if a - 8 <= k <= a):
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "swapping healthy food[ for sweets]"
        elif a >= start and words[0] in ("ahead", "clear", "level", "behind") and re.match(r"^\d+$", before) \
                and src[a - 1] == "-":
            out.append("cut: what the score means [" + " ".join(cut) + "]")  # "heads Napoli 4-0[ ahead]"
        elif a >= start and b < stop and words[0] in _ROLE_HEADS and 2 <= len(words) <= 5 and "," not in cut \
                and (_finite_at(src, b) or src[b] in _FINITE | _MODALS | {"also"}) and before not in _FUNCTION_WORDS \
                and not before.endswith("-old"):
            out.append("cut: the head of the subject [" + " ".join(cut) + "]")  # "Aston Villa[ goalkeeper Brad Guzan]
            # also revealed"
        elif b == stop and cut[0] in ("and", "or") and a > start and _is_word(before) and not (
                _plain_finite(words[1:2]) or words[1].endswith("ed") or _FINITE.intersection(words[1:4])) and any(
                src[k] == "," and 1 <= _words_between(src, k, a) <= 3 and k + 1 in kept
                and not _may_be_finite(src[k + 1:a + 1]) and _is_word(src[k - 1]) for k in range(max(a - 4, start), a)):
            out.append("cut: a list's last item [" + " ".join(cut) + "]")  # "the lives of runners, spectators[ and
            # those who tried to come to their rescue]"
        elif a >= start and b < stop and cut[-1] == words[-1] and len(words) >= 2 and words[-1].endswith("ing") \
                and len(words[-1]) > 5 and words[-1] not in _TIME_CORE and not words[-1].endswith("thing") \
                and words[-2] not in _POSSESSIVE_PRONOUNS | {"the", "a", "an", "of", "and", "or"} \
                and src[b - 2] != "-" \
                and not words[-2].endswith("'s") and _is_word(src[b]) \
                and src[b] not in _ENDS_ON_PREPOSITION | _RELATIVES | _FINITE | {"and", "or", "but"}:
            out.append("cut: a verb [" + " ".join(cut) + "]")  # "he loves[ his snacks, swapping] healthy food for
            # sweets"
        elif a >= start and b < stop and before == "from" and "to" in words:
            out.append("cut: a range [" + " ".join(cut) + "]")  # "walked a short distance from[ home to the] library"
        elif a < start and b < stop and cut[-1] == "," and words[0] in _ONLY_WITHIN:
            out.append("cut: whom an opening limits it to [" + " ".join(cut) + "]")  # "[Outside of sensitive needs
            # housing,] inmates with jobs earn 20 cents an hour"
        elif a < start and b < stop and words[0] in _CONVINCED and len(words) <= 2:
            out.append("cut: whose view it is [" + " ".join(cut) + "]")  # "[Adamant] the final round of fixtures
            # should be played at the same time[, ... have lodged formal complaints]"
        elif a >= start and cut[0] == "to" and before in _INTRODUCED and len(words) <= 5:
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "will be reintroduced[ to Barcelona]"
        elif a >= start and b < stop and words == ["whose"]:
            out.append("cut: what makes a clause relative [" + " ".join(cut) + "]")  # "Faldo,[ whose] 58th birthday
            # falls on ..."
        elif words[0] in _VERSUS and a >= start:
            out.append("cut: the other side [" + " ".join(cut) + "]")  # "Real Madrid[ vs Juventus] is the other tie"
        elif words[0] == "since" and len(words) > 1 and a >= start and any(
                _RANK.match(w) or _superlative(w)
                or w in _NEGATED and not (w == "no" and nxt[:1].isdigit())  # not "no 1", a rank's abbreviation
                for w, nxt in zip(kept_words[max(at - 12, 0):at + 1], kept_words[max(at - 11, 1):at + 2] + [""])):
            out.append("cut: what the count holds for [" + " ".join(cut) + "]")  # "the first secretary of state to
            # become president[ since James Buchanan]", "his failure to hit a Test hundred[ since May 2013]"
        elif b == stop and a >= start and before in _SCOPING_ADVERBS:
            out.append("cut: what the adverb says of [" + " ".join(cut) + "]")  # "pointing the finger of blame
            # squarely[ at the officials]"
        elif b == stop and words[0] == "that" and cut[0] == "that" and any(
                src[k] in _TELL_THAT and _words_between(src, k, a) <= 3 for k in kept if a - 6 <= k <= a):
            out.append("cut: what the verb needs [" + " ".join(cut) + "]")  # "convince the SFA[ that he is suitable]"
        elif b == stop and a >= start and any(src[k] in _MADE and 1 <= _words_between(src, k, a) <= 6
                                              and src[k + 1] not in _ENDS_ON_PREPOSITION | _PARTICLES | {"upon"}
                                              for k in kept if a - 10 <= k < a) and any(
                cut[j] in ("a", "an") and (j == 0 and before not in _FUNCTION_WORDS or j and _is_word(cut[j - 1])
                                           and cut[j - 1] not in _FUNCTION_WORDS | _VERBS | _PARTICLES
                                           and (cut[j - 1] in _TIME_CORE or not cut[j - 1].endswith(("ing", "ed",
                                                                                                     "ly"))))
                for j in range(len(cut))):
            out.append("cut: what the verb made of it [" + " ".join(cut) + "]")  # "said it made her walk to work[ in
            # worcester city centre an 'awful experience']"
        elif a < start and b < stop and (words[-1] in _BELIEVED or words[-2:-1] and words[-2] in _BELIEVED
                                         and words[-1] == "that") and len(words) >= 2 \
                and src[b] not in ("that", ",", "to") and _may_be_finite(src[b:stop]):
            out.append("cut: whose claim it is [" + " ".join(cut) + "]")  # "[A scientist has warned] Britain is ..."
        elif a >= start and b < stop and _finite_at(src, b) and src[b] in _AUXILIARY_VERBS \
                and words[0] in _AUXILIARY_VERBS and cut[:2] in ([words[0]], [",", words[0]]) and any(
                w in ("and", "but") and any(_finite_at(src, j) for j in range(a + 1, a + 1 + i)) for i, w in
                enumerate(cut)) and not _words(cut)[-1:] == ["and"]:
            # "Enoch Gaver, 21,[ was killed in the fight, and suspect David Gaver, 28,] was shot": one clause's
            # subject, another's verb
            out.append("cut: one clause's subject with another's verb [" + " ".join(cut) + "]")
    # an aside between dashes kept alone: "Bates[ --] the Tulsa County reserve deputy accused of manslaughter ...[ --
    # told NBC's 'Today' show ...]"
    dashes = [k for k in range(start, stop) if src[k] == "-" and 0 < k and src[k - 1] == "-"]
    if len(dashes) >= 2 and dashes[0] < kept[0] and kept[-1] < dashes[-1] and _words(src[dashes[-1] + 1:stop]) \
            and len(_words(src[start:dashes[0]])) <= 6:
        out.append("cut: all but an aside [" + " ".join(src[dashes[-1] + 1:stop]) + "]")
    # what was said, without its verb: "A Turkish official says[ police have detained] two people suspected ..."
    said_at = next((i for i, k in enumerate(kept) if src[k] in _SAID), None)
    if said_at and len(kept) - said_at > 2 and src[kept[said_at]] in _ATTRIBUTION \
            and not _plain_finite(kept_words[said_at + 1:]) and _plain_finite(src[kept[said_at] + 1:kept[said_at + 1]]):
        out.append("cut: the verb of what was said")
    # a closing clause cut short of its verb: "as colleagues at Sussex Police[ and officers ... rallied together]"
    sub = max((k for k in kept if src[k] in _CLAUSE_SUBORDINATORS
               or src[k] == "once" and src[k + 1:k + 2] and src[k + 1] in _SUBJECT_AFTER_ONCE), default=None)
    if sub is not None and _words(src[kept[-1] + 1:stop]) and src[sub + 1] != "of" \
            and not src[sub + 1].endswith("ing"):  # not "because of", "when facing"
        rest = [src[k] for k in kept if k > sub]
        verbless = not has_verb(" ".join(rest)) or len(rest) <= 3 and rest[0] in _FUNCTION_WORDS \
            and not _may_be_finite(rest)  # "once his deal": "deal" is a noun
        if rest and verbless and has_verb(" ".join(src[sub + 1:stop])):
            out.append("cut: the verb of its last clause [" + " ".join(src[kept[-1] + 1:stop]) + "]")
    # the main verb cut where a participle that only describes the subject now reads as the verb: "[A southern New
    # Jersey] woman jailed in an international custody dispute[ has been freed] after ...", "Frampton's promoters,
    # headed by Barry McGuigan[, released a press release ...]"
    finite = [k for k in range(len(kept_words)) if _finite_at(kept_words, k)]  # also read by the checks below
    rest = src[kept[-1] + 1:stop]  # what the rewrite leaves out after its last word
    first = kept[finite[0]] if finite else 0
    if finite and all(kept_words[k].endswith("ed") for k in finite) and src[first + 1:first + 2] \
            and src[first + 1] in _PARTICIPLE_PHRASE and not _RELATIVES.intersection(src[max(first - 2, 0):first]) \
            and src[first] not in _INTRANSITIVE and not _may_be_finite(kept_words[:finite[0]]):
        # (a participle with a phrase after it, "jailed in", "headed by", not a verb with its object, "searched the
        # bus", nor a relative clause's verb, "[the 38-year-old, who] starred in")
        at = set(kept)
        for k in range(first + 1, stop):
            if src[k] in _CLAUSE_OPENERS or src[k] in _RELATIVES or src[k] in _SENTENCE_END or src[k] in _WHEN \
                    or src[k] in ("however", "so", "as"):
                break
            if k not in at and _finite_at(src, k) and (src[k] in _AUXILIARY_VERBS or src[k].endswith("ed")):
                out.append("cut: the main verb [" + src[k] + "]")
                break
    # a pluperfect made a simple past where what came after is cut: "City[ had] won their last five games against West
    # Ham[ ... before falling to ... defeat]" (their last game was the defeat)
    if any(src[a + 1:b] == ["had"] and a >= start for a, b in cuts) \
            and any(w in ("before", "until") for w in _words(rest)):
        out.append("cut: what came after [" + " ".join(rest) + "]")
    # a "but" clause kept without its verb: "was one over after the first round but five birdies in his second[,
    # including three ..., saw him card a 68]"
    but = max((i for i, w in enumerate(kept_words) if w == "but"), default=None)
    if but is not None and _words(rest) and not _is_attribution(rest, False) \
            and not _may_be_finite(kept_words[but + 1:]) and _may_be_finite(_words(rest)):
        out.append("cut: the verb of its last clause [" + " ".join(rest) + "]")
    # the main verb, with the subject kept: "Boxing fans hoping to attend the weigh-in[ ... must buy tickets]",
    # "Now officially sold out by the retailer[, pieces ... have popped up on eBay]", "What was once the gateway ...[
    # stands before him]"
    main = []  # the rewrite's main clause: its words up to a subordinate clause's
    for w in kept_words:
        if w in _WHEN - {"once"} or w in _RELATIVES or w in _CLAUSE_SUBORDINATORS or w in ("since", "until", "whose"):
            break
        main.append(w)
    # a participle after its subject, where the verb was: cut just before it, or in the closing
    participle = any(main[k].endswith("ing") and not main[k].endswith("thing") and len(main[k]) > 4
                     and _is_word(main[k - 1]) and main[k - 1] not in _FUNCTION_WORDS
                     and (_words(src[kept[k - 1] + 1:kept[k]]) or any(_finite_at(rest, j) for j in range(len(rest))))
                     for k in range(1, len(main)))
    lead = next((w for w in kept_words if w not in _LEAD_ADVERBS and not w.endswith("ly")), "")
    if participle and not _may_be_finite(main):  # "Boxing fans hoping to attend ...", "Two sisters ... missing",
        # "Kumar Sangakkara[, making his Surrey debut, outshone Pietersen,] scoring a century"
        out.append("cut: the main verb" + (" [" + " ".join(rest) + "]" if _words(rest) else ""))
    elif len(main) < len(kept_words) and main and not _may_be_finite(main) and rest[:1] == [","] \
            and (kept_words[len(main)] in _WHEN - {"as", "once"} and "," not in src[kept[len(main)]:kept[-1]]
                 or src[kept[len(main)] - 1] == "," and kept_words[len(main)] in _RELATIVES) \
            and _may_be_finite(rest[1:]):  # "A few days after they were reunited[, ISIS
        # released 217 captives]", "Shreeves, who lives in Atlanta ...[, lives ...]"
        out.append("cut: the main verb [" + " ".join(rest) + "]")
    elif finite in ([], [0]) and not (_FINITE | _MODALS).intersection(kept_words[1:]) and kept_words[0] == lead \
            and (len(lead) > 4 and lead.endswith("ed") or lead in _PARTICIPLES) \
            and any(_finite_at(rest, j) for j in range(len(rest))):
        out.append("cut: the main verb [" + " ".join(rest) + "]")  # "Mired in a three-game losing streak following
        # last weekend's 2-1 defeat[ at home to Milan, Palermo are in 11th place ...]"
    elif rest[:1] == [","] and not _may_be_finite(kept_words) and _plain_finite(_words(rest)[:3]):
        out.append("cut: the main verb [" + " ".join(rest) + "]")  # "Serafim Todorov, the last man to beat Floyd
        # Mayweather in the boxing ring[, now lives on ...]"
    elif _words(rest) and any(_finite_at(rest, k) or rest[k] in _VERBS for k in range(len(rest))) and (
            kept_words[0] in _FREE_RELATIVES and len(finite) == 1  # "What was once ..."
            or not finite and rest[0] == "," and (len(lead) > 4 and lead.endswith("ed") or lead in _PARTICIPLES)):
        # (the last: an opening participle, "Now sold out ...")
        out.append("cut: the main verb [" + " ".join(rest) + "]")
    return out


def _superlative(word: str) -> bool:
    """Whether `word` is a superlative ("best", "worst", "biggest"; not "interest", "latest")."""
    return word in _SUPERLATIVE_WORDS or len(word) > 5 and word.endswith("est") and word not in _NOT_SUPERLATIVES


def _words_between(src: list[str], k: int, a: int) -> int:
    """How many words follow src[k] up to src[a], the pieces of a hyphenated word counted as one."""
    return sum(1 for j in range(k + 1, a + 1) if _is_word(src[j]) and src[j - 1] != "-")


# a dash with spaces round it, which sets off an aside ("expenses - later reimbursed - that he spent"), not a hyphen
_SPACED_DASH = re.compile(r"\s(?:--?|[\u2013\u2014])\s")
# a word joined by hyphens: "14-year-old", "Oxlade-Chamberlain"
_COMPOUND = re.compile(r"\b\w+(?:-\w+)+\b")


def _broken_marks(text: str, source: str, src: list[str], kept: list[int]) -> list[str]:
    """A word whose hyphen the rewrite dropped ("a 14-year[-]old" written "a 14-year old", "second[-]degree
    manslaughter"), a hyphenated word the sentence lacks ("first-point" from "first-quarter ... 15-point"), and part
    of an aside kept without the dashes that set it off, so that it reads as the main
    clause's ("the $40,000 in office expenses[ - later reimbursed] after much public embarrassment[ - that ...]")."""
    out = []
    low = text.lower()
    for m in _COMPOUND.finditer(source.lower()):
        parts = m.group().split("-")
        if len(parts) == 2 and (parts[0] in _FUNCTION_WORDS or parts[1] in _FUNCTION_WORDS) or parts[0] not in low:
            continue  # a dash the page lost its spaces round ("Matt Phillips-has shone"), or a word the rewrite cut
        if any(n.group() != m.group() for n in re.finditer(r"\b" + r"[\s-]+".join(map(re.escape, parts)) + r"\b", low)):
            out.append("cut: inside a hyphenated word [" + m.group() + "]")
            break
    compounds = [m.group() for m in _COMPOUND.finditer(low)]  # most rewrites have none: no flattening then
    flat = " " + re.sub(r"[\s-]+", " ", re.sub(r"[^\w\s-]", " ", source.lower())) + " " if compounds else ""
    made = next((c for c in compounds if " " + c.replace("-", " ") + " " not in flat), None)
    if made:  # a hyphenated word the sentence lacks: "11 first-point lead" from "first-quarter points ... a 15-point
        out.append("cut: a word the sentence lacks [" + made + "]")  # lead"
    at = set(kept)
    dashes = [len(_word_tokens(source[:m.start()])) for m in _SPACED_DASH.finditer(source)]
    for p, q in zip(dashes[::2], dashes[1::2]):
        inside = [k for k in range(p + 1, q) if _is_word(src[k])]
        held = [k for k in inside if k in at]
        if held and len(held) < len(inside) and p not in at and q not in at and any(k < p or k > q for k in at):
            out.append("cut: part of an aside [" + " ".join(src[k] for k in inside if k not in at) + "]")
            break
    return out


def _object_pronoun(words: list[str]) -> str:
    """The object pronoun of the clause `words` open with, that cannot stand for its subject ("Hernandez appears to
    glare at him": someone else), or "" ("Smith said the fans had backed him" may mean Smith)."""
    for w in words[1:]:
        if w in _SAID or w in _RELATIVES or w in ("and", "but", ",", "as", "while", "when", "after", "before"):
            return ""
        if w in ("him", "them"):
            return w
    return ""


def _claim_tail(cut: list[str]) -> bool:
    """Whether a closing cut is who claims what the rewrite keeps: ", claim club president", ", scientists have
    claimed" (not "[and will be a contender to claim both awards]", "[and Willmott claimed bronze]")."""
    for k, w in enumerate(cut):
        if w in _CLAIMED and "," in cut[:k]:
            tail = _words(cut[k + 1:])
            return not tail or cut[k - 1] == "," and len(tail) <= 5 and not has_verb(" ".join(tail))
    return False


def _plain_finite(words: list[str]) -> bool:
    """Whether `words` hold an auxiliary or a form of a common verb (not a guess from "-ed" or "-s": "two people
    suspected of involvement" has none)."""
    return any(w in _FINITE | _MODALS | {"n't", "do", "does", "did", "been"} or w in _VERBS and not w.endswith("ing")
               and w not in ("'s", "'d") and (not k or words[k - 1] not in _FUNCTION_WORDS)
               for k, w in enumerate(words))


def _may_be_finite(words: list[str]) -> bool:
    """Whether any of `words` may be a finite verb: an auxiliary, a form of a common verb or a past form ("died"),
    or a present form in -s after a word that may be a subject ("the gel contains"; not "fans hoping", a noun before
    a participle)."""
    for k, w in enumerate(words):
        prev, nxt = (words[k - 1] if k else ""), (words[k + 1] if k + 1 < len(words) else "")
        if _finite_at(words, k) or w == "n't" or w in _VERBS and not w.endswith("ing") and w not in ("may", "will") \
                and prev not in _FUNCTION_WORDS or len(w) >= 4 and w.endswith("ed") and prev != "-":  # "the open day"
            return True
        if k and len(w) >= 4 and w.endswith("s") and not w.endswith(("ss", "us", "is", "'s")) \
                and not nxt.endswith("ing") and prev not in _FUNCTION_WORDS and not prev.isdigit() \
                and prev not in _NUMBER_WORDS and prev not in ("few", "many", "several", "some", "all", "most"):
            return True
    return False


def _opens_with_a_phrase(tokens: list[str]) -> bool:
    """Whether a sentence opens with a phrase before its subject: a preposition or a participle ("Situated off the
    coast of Africa, Cape Verde has ...", "Cradled in her mother's arms, ..., the little girl was ...")."""
    words = [w for w in _words(tokens) if w not in ("but", "and", "cnn", "now")]
    first = words[0] if words else ""
    return first in _ENDS_ON_PREPOSITION or first in _PARTICIPLES or len(first) > 4 and first.endswith(("ed", "ing"))


def _condition(src: list[str], a: int, b: int) -> bool:
    """Whether the cut `src[a + 1:b]` holds a condition of what the rewrite keeps: "if" or "unless" (not "even if",
    "unsure if", "if ever"), "provided that", or "once" opening a clause the cut closes with a comma ("[once
    released from prison,]", not "[once] stood"), before any word that opens a clause of the cut's own ("[and
    will escape the drop zone ... if Burnley fail to win]" conditions that clause, not the one kept)."""
    for k in range(a + 1, b):
        w, prev, nxt = src[k], src[k - 1] if k else "", src[k + 1] if k + 1 < len(src) else ""
        if w in _CLAUSE_OPENERS and src[b - 1] != ",":  # an opening ends on its condition's comma
            return False
        if w in _IF and prev not in _NOT_A_CONDITION_BEFORE and nxt not in _NOT_A_CONDITION_AFTER \
                or w in _PROVISO and nxt == "that" \
                or w == "once" and (nxt in _SUBJECT_AFTER_ONCE or nxt.endswith("ed")) and "," in src[k + 1:b]:
            return True
    return False


# a span between commas that opens with one of these is an aside, not an item: "Megan Sheehan[, of San Francisco,]"
_NOT_AN_ITEM = frozenset("of from in at on for with by who which whose where when a an aged".split())


def _next_item(after: list[str]) -> bool:
    """Whether the words after a span between commas are the next item of a list: one to four words with no
    verb, then a comma, "and" or "or" ("[, Manchester United,] Juventus and PSG"; not "her husband[, Benji,] is,
    no doubt, ...")."""
    k = next((k for k, t in enumerate(after[:6]) if t in (",", "and", "or") or t in _SENTENCE_END), None)
    return k is not None and 0 < k <= 4 and after[k] not in _SENTENCE_END and not has_verb(" ".join(after[:k])) \
        and not any(w in _VERBS for w in after[:k])


def _list_tail(tokens: list[str]) -> bool:
    """Whether a closing is the rest of a list: after a comma, short items with no verb, the last after "and"
    or "or" (", The Rocks, Darling Harbour, Pyrmont and Martin Place"; "spawned TV movies[, an animated series and
    video games]")."""
    words = _words(tokens)
    if tokens[:1] != [","] or not words or words[0] in ("including", "such") or has_verb(" ".join(words)):
        return False  # examples may go: "possession of drugs[, including cocaine and ecstasy]"
    items = " ".join(tokens[1:]).replace(" and ", " , ").replace(" or ", " , ").split(",")
    if len(items) == 2 and (words[0] in _ENDS_ON_PREPOSITION | {"during", "through"} or words[0].endswith("ing")):
        return False  # two items after one kept are a list, not a phrase or a participle: "[, for not meeting ... and
        # ...]", "[, marking her birthday and ...]"
    return ("and" in words or "or" in words) and len(items) >= 2 and all(0 < len(i.split()) <= 4 for i in items)


def _loses_list_tail(src: list[str], kept: list[int], suffix: list[str]) -> bool:
    """Whether the closing `suffix` the rewrite drops is the rest of a list: to its end (`_list_tail`), or, after an
    object of a preposition, before the sentence goes on (`_list_run`: "consortia in America[, China and Australia
    with ...]")."""
    return _list_tail(suffix) or src[kept[-1] - 1] in _ENDS_ON_PREPOSITION and _list_run(suffix)


def _list_run(tokens: list[str]) -> bool:
    """Whether a closing opens with the rest of a list before the sentence goes on: after a comma, short items with
    no verb, the last after "and" or "or", then a preposition, a mark or a clause ("consortia in America[, China and
    Australia with some parties already ...]")."""
    if tokens[:1] != [","] or len(tokens) < 2 or not _is_word(tokens[1]):
        return False
    last = next((k for k, t in enumerate(tokens[:12]) if t in ("and", "or")), None)
    if last is None:
        return False
    end = next((k for k in range(last + 1, len(tokens)) if tokens[k] in _ENDS_ON_PREPOSITION or not _is_word(tokens[k])
                or tokens[k] in ("who", "which", "while", "as", "where")), len(tokens))
    items = " ".join(tokens[1:last]).split(",") + [" ".join(tokens[last + 1:end])]
    return all(0 < len(i.split()) <= 3 for i in items) and not has_verb(" ".join(tokens[1:end])) \
        and not any(w in _VERBS or w.endswith("ing") for w in tokens[1:end]) \
        and tokens[1] not in _ENDS_ON_PREPOSITION | _RELATIVES | {"including", "such", "and", "or", "but", "where"}


def holder_cut(text: str, source: str, context: str = "") -> list[str]:
    """["cut: whose view it is (...)"] when `text` deletes from `source` who said it and keeps a view, not a fact
    ("[According to Marvin Hagler,] Mayweather lacks class"); [] otherwise, or when `text` is no deletion. The
    default check (`cuts="checked"`) adds this one of `unlisted_cuts`'s checks to the rules."""
    found = _kept(text, source, context)
    return _holder(*found) if found else []


def _kept(text: str, source: str, context: str) -> tuple[list[str], list[int], int, int] | None:
    """(the words of `source`, those `text` keeps, where their sentence starts and stops), or None when `text`
    is no deletion of `source`."""
    kept = [k for k in align(text, source, context) or () if k is not None]
    if not kept:
        return None
    src = _word_tokens(source)
    return (src, kept, *_sentence(src, kept))


def _holder(src: list[str], kept: list[int], start: int, stop: int) -> list[str]:
    """`_view_without_holder` with the speech verbs of the sentence that the rewrite loses."""
    at = set(kept)
    return _view_without_holder(src, kept, [src[k] for k in range(start, stop) if src[k] in _ATTRIBUTION
                                            and k not in at], start, stop)


def _speaker_cut(text: str, sentence: str) -> list[str]:
    """["cut: who says it"] when `text` is someone's words alone and `sentence` said who ("[' We've talked
    during the trial, ' Hernandez said]")."""
    return ["cut: who says it"] if speaks_unattributed(text) and not speaks_unattributed(sentence) else []


def _sentence(src: list[str], kept: list[int]) -> tuple[int, int]:
    """Where the sentence(s) of `src` that the kept words `kept` come from start and stop."""
    ends = [k for k, t in enumerate(src) if t in _SENTENCE_END]
    return max((k + 1 for k in ends if k < kept[0]), default=0), min((k for k in ends if k > kept[-1]), default=len(src))


def _view_without_holder(src: list[str], kept: list[int], said: list[str], start: int, stop: int) -> list[str]:
    """The problem when the words of `src[start:stop]` the rewrite loses include a speech verb (`said`) and no
    institution that reports it ("..., police said"), and the words it keeps say a view (`_VIEW_WORDS`; not
    "right" of "right-back")."""
    if not said:
        return []
    at = set(kept)
    cut = [src[k] for k in range(start, stop) if k not in at and _is_word(src[k])]
    # the institution is looked for in the stretch cut with the speech verb ("[Walter Smith says] ... manager[ at a
    # stable club]": the club reports nothing)
    stretches, run = [], []
    for k in range(start, stop):
        if k in at:
            stretches, run = stretches + [run], []
        else:
            run.append(src[k])
    speaking = [w for r in stretches + [run] if _ATTRIBUTION.intersection(r) for w in r]
    if _INSTITUTIONS.intersection(speaking) or _HOLDER_KEPT.intersection(src[k] for k in kept) \
            or not _VIEW_WORDS.intersection(src[k] for k in kept if "-" not in src[k - 1:k + 2:2]):
        return []
    return ["cut: whose view it is (" + " ".join(w for w in cut if w not in ("the", "a", "an"))[:80] + ")"]


# quote marks that are no apostrophe: double ones, a curly one not before a letter ("it’s" is an apostrophe),
# and a straight one written apart (the lowercased text's "says ' not interested '")
_MARKS = re.compile(r"[\"\u201c\u201d\u2018]|\u2019(?![^\W\d_])|(?:^|(?<=\s))'(?=[\s.,;:!?]|$|[^\W\d_])"
                    r"|(?<=[^\W_])'(?=[\s.,;:!?]|$)")  # and one attached: "a 'clear plan'", not "don't"


def _open_marks(text: str) -> int | None:
    """How many quote marks `text` has (`_MARKS`), or None when one may be a plural's apostrophe: a straight or
    curly one after a word that ends in "s", before a word ("the drivers ' standings", "Wenger wants ' respect
    '", "is ' refreshed '")."""
    n = 0
    for m in _MARKS.finditer(text):
        if m.group(0) in ("'", "\u2019") and not text[m.end():m.end() + 1].isalpha():
            before = text[:m.start()].split()[-1:]  # the word it follows, apart or attached
            if before and before[0].endswith("s") and re.match(r"\s+[^\W_]", text[m.end():]):
                return None
        n += 1
    return n


def _quote_marks(src: list[str], a: int, b: int) -> int:
    """Quote marks among `src[a:b]` (one that opens on a word, "'breathe", too), less an apostrophe after a
    plural ("busquets ' direction") and a contraction ("'s")."""
    return sum(t == '"' or t == "'" and not (k > 0 and src[k - 1].endswith("s") and k + 1 < len(src)
                                            and _is_word(src[k + 1]))
               or t[:1] == "'" and len(t) > 1 and t not in _CONTRACTIONS
               for k, t in ((k, src[k]) for k in range(a, b)))
