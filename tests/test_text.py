from summarizer.text import casing_table, detokenize, ensure_sentence_end, normalize_text, recase, split_sentences


def test_split_cased_keeps_abbreviations_and_paragraphs():
    text = "Mr. Smith paid $3.5 million to the U.S. Treasury on Jan. 5. He left.\nA new paragraph starts here"
    assert split_sentences(text) == [
        "Mr. Smith paid $3.5 million to the U.S. Treasury on Jan. 5.",
        "He left.",
        "A new paragraph starts here",
    ]


def test_split_lowercase_text_is_substrings():
    text = 'the mayor said on monday that taxes will rise. "we have no choice," she said. the vote is in may.'
    sents = split_sentences(text)
    assert len(sents) == 3
    assert all(s in text for s in sents)


def test_split_lowercase_text_reads_short_forms_and_initials_as_inside_a_sentence():
    text = ("the vatican hosted talks between u.s. and cuban officials. sgt. chris nease said the deal with "
            "warner bros. ' all-star movie was signed by catherine e. shoichet. it cost £ 6.5 m. "
            "the club paid. asked again, warren didn't say no. she left.")
    assert split_sentences(text) == [
        "the vatican hosted talks between u.s. and cuban officials.",
        "sgt. chris nease said the deal with warner bros. ' all-star movie was signed by catherine e. shoichet.",
        "it cost £ 6.5 m.",  # a unit after a number, no initial
        "the club paid.",
        "asked again, warren didn't say no.",  # "no" ends sentences
        "she left.",
    ]


def test_normalize_text_removes_controls_and_extra_blank_lines():
    assert normalize_text("a\x00b  c\r\n\r\n\r\n\nd\u00a0e") == "ab c\n\nd e"


def test_detokenize_wordpiece_spacing():
    assert detokenize("he said : \" it ' s over . \"") == 'he said: "it\'s over."'
    assert detokenize("$ 3. 5 million , up 20 %") == "$3.5 million, up 20%"
    assert detokenize("a well - known ( local ) firm") == "a well-known (local) firm"


def test_recase_uses_the_articles_own_casing():
    table = casing_table("Barack Obama met NASA chiefs in Washington. The chiefs said it went well. Obama agreed.")
    assert recase("obama met nasa chiefs in washington", table) == "Obama met NASA chiefs in Washington"
    # a word seen only at a sentence start stays lowercase elsewhere
    assert recase("chiefs said the plan went well", table) == "Chiefs said the plan went well"
    assert recase("x the y", table).startswith("X the")


def test_ensure_sentence_end():
    assert ensure_sentence_end("It rained ") == "It rained."
    assert ensure_sentence_end('He said "no."') == 'He said "no."'
    # a rewrite that stops at a closing quote mark (seed 38: '... called "Africa's youngest billionaire"')
    assert ensure_sentence_end('He was called "the fastest man alive"') == 'He was called "the fastest man alive".'
    assert ensure_sentence_end("They sang ' the long way home '") == "They sang ' the long way home '."
    assert ensure_sentence_end("He asked 'why?'") == "He asked 'why?'"


# paragraphs that exercise what fast_pysbd changes: abbreviations before names, numbers and
# lowercase words, abbreviations as words ("a", "no", "co"), a sentence said twice, quoted speech,
# the characters that re.IGNORECASE folds to ASCII letters, and the punctuation pysbd hides behind
# placeholder symbols (ellipses, "?!", "!!", quotes, parentheses)
TRICKY = [
    "Mr. Smith met Dr. Jones at 9 a.m. on Tuesday. They spoke for an hour. No. 10 said nothing.",
    "The U.S. economy grew 2.5 per cent, e.g. in retail. Prof. Adams and Gen. Miles disagreed.",
    "He lives on St. John St. in a flat. Co. shares fell. Inc. is not a word. Yes. Yes. Yes.",
    "'I was there. It was awful,' she said. 'We ran.' Police arrived at approx. 4pm (about 16:00).",
    "Capt. Hook and Lt. Col. Smith vs. the world, see p. 5. The end came in Sept. 2014. Done.",
    "A \u017fign at Mt. Everest read: No entry. The \u212aelvin scale, i.e. absolute, was used. Fine.",
    "Sales rose to 5 mln. in Jan. and fell in Feb. A spokesman, Mrs. Lee, said so. ",
    "Wait... What?! He paused . . . then left!! 'Really?' she asked (twice). It cost 3.5m... Then: silence.",
]


def test_fast_pysbd_splits_exactly_as_pysbd():
    import pysbd

    from summarizer.fast_pysbd import Segmenter

    stock, fast = pysbd.Segmenter(language="en", clean=False), Segmenter()
    for text in TRICKY:
        assert fast.segment(text) == stock.segment(text), text
    assert len(fast.segment(TRICKY[0])) == 3  # "Mr.", "Dr." and "a.m." do not end a sentence
    assert fast.segment(TRICKY[2])[-3:] == ["Yes. ", "Yes. ", "Yes."]  # each found after the last


def test_casing_table_counts_forms_inside_sentences_and_breaks_ties_by_first_seen():
    table = casing_table(["Apple said the apple was an APPLE.", "The Apple store sold apple pie.",
                          "Staff of Nasa and NASA met.", "Reuters reported it.", "NATO agreed.", "Rain fell."])
    assert table["apple"] == "apple"  # inside sentences: apple twice, Apple once, APPLE once
    assert table["nasa"] == "Nasa"  # once each: the first seen wins
    assert table["reuters"] == "reuters" and table["rain"] == "rain"  # only ever a first word: lowercase
    assert table["nato"] == "NATO"  # unless it is an acronym


def test_a_caption_that_runs_into_the_next_sentence_is_cut_at_its_photo_mark():
    """Seed 38: "... congratulated by Li Hao-tong (right) another birdie on the 17th made Li favourite ..." was one
    unit, and quoted as one takeaway."""
    text = ("The 25-year-old was close to tears (left), and hugged by her rival Amy Frost (right) another birdie on "
            "the 17th gave Frost the lead. Kim Sears (left) and Jo Reyes (right) arrived at noon.")
    assert split_sentences(text) == [
        "The 25-year-old was close to tears (left), and hugged by her rival Amy Frost (right)",
        "another birdie on the 17th gave Frost the lead.",
        "Kim Sears (left) and Jo Reyes (right) arrived at noon.",
    ]
    lower = text.lower()
    assert split_sentences(lower)[1] == "another birdie on the 17th gave frost the lead."
