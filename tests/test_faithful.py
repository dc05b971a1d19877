"""A rewrite may not state what its sentence does not: numbers as whole spans, names, the subject, a
complete sentence (`faithfulness.unfaithful`), and the engine keeps the sentence as written instead."""

import pytest

from summarizer.faithfulness import number_spans, unfaithful

PROFIT = "Profit fell to £14m compared with £32m a year earlier, the company said on Tuesday."


@pytest.mark.parametrize("rewrite, problem", [
    ("Profit fell to £4m compared with £42m a year earlier.", "number £4m"),  # pieces of other numbers
    ("Almost 89 000 people visited.", "number 89"),
    ("Shares closed up 2.4% at £42.08.", "number £42.08"),
    ("Analysts denied that it had misled investors.", "subject Analysts"),
    ("The victim, John Reid, was stabbed.", "name John"),
    ("For a homeowner with a 500,000-dollar mortgage.", "fragment: no main clause"),
    ("Unlike Germany, which cut its rate to 2 percent in March.", "fragment: no main clause"),
    ("The tide created new marsh where worms and shellfish.", "fragment: clause cut short"),
    ("The tide made marsh where worms and crabs.", "fragment: clause cut short"),
    # words of its own or moved: "rose" is not what the sentence says
    ("Shares rose 2.4 per cent.", "reworded"),
    ("Williams beat Errani and Pennetta 6-0 6-3.", "reworded"),
    # deletions that change what the sentence says
    ("It was a great shot that stole the limelight.", "negation: n't"),
    ("The drug cut deaths by a third.", "negation: may"),
    ("Thousands will lose their jobs.", "negation: if"),
    ("Kolo Toure found the net against Blackburn.", "contrast: but his effort was ruled out"),
    ("Jose Mourinho played the full 90 minutes.", "deletion: 's premier league title bid this season ,"),
    ("Sachin Tendulkar has died after colliding with a team-mate.",
     "deletion: paid tribute to a 'promising ' indian cricketer who has"),
    ("Suicide bomber blew himself in front of the bank.", "deletion: particle up"),
    ("Sunderland are out of form and unless Advocaat can reverse the slide.",
     "fragment: main clause dropped after unless"),
    ("Olivier Giroud's player of the month award.", "fragment: cut before makes the french"),
    ("The tide back onto 300 hectares of farmland created new marsh.", "deletion: opening cut mid-clause (letting)"),
    ("They chip away at those above them with a fearless way of.", "fragment: ends with of"),
    ("They are losing faith in their manager, even though Fulham.", "fragment: a clause cut after though"),
    ("Justin Timberlake and Jessica Biel.", "fragment: no verb"),
    ("The boy bought a replacement toy gun.", "deletion: auxiliary was"),
    # the hand count of 0.3.0: a tail with the kept clause's verb, two auxiliaries, a possessive, an object
    ("It will be everything you hope a winter film.", "fragment: cut before the verb would"),
    ("Dawson charged with theft and criminal damage.", "deletion: auxiliary has been"),
    ("Moonfield \u2018 Harbour Lights \u2019 plays before every home game.", "deletion: a possessive ' old anthem '"),
    ("The win makes the league's most decorated foreign side.", "deletion: an object dutch the"),
    ("Hull and York may be surprised to hear it.", "deletion: the start of a list (supporters of leeds ,)"),
    # a fresh hand count (cased validation): an auxiliary between two, a verb with its object's possessive,
    # the first word of a place's name, a cut before a closing quote mark's phrase
    ("In those shirts they would been lethal.", "deletion: auxiliary have"),
    ("Okafor and Lind win against Kenya.", "deletion: celebrate their"),
    ("The market lies in York City, the guide says.", "deletion: part of a name new"),
    ("Agents will act over the introduction of \u2018unworkable\u2019", "fragment: cut before new rules next"),
    ("Referee Tom Reed showed the red card was after 40 seconds.", "deletion: opening cut mid-clause (the official time)"),
    # a second fresh hand count (cased validation, another seed)
    ("Leeds will have to lift the trophy.", "deletion: a verb wait to"),
    ("Lind will face her compatriot and Ann Berg in the final.", "deletion: after and top seed"),
    ("The two men reported missing, Jo Marsh and Ann Lee.", "fragment: cut before the verb were"),
    ("It was a route by two other ships.", "deletion: a participle before by also taken"),
    ("Fans call him Tom (his nickname.", "fragment: a bracket left open"),
    ("Being able to talk with your dog is a gift.", "deletion: a verb joined to another's preposition and play"),
    ("Divers find 2,000-old wreck.", "deletion: inside a hyphenated word - year -"),
    ("Lind later called her 'best ever shot'", "deletion: a free relative hits what she"),
])
def test_unsupported_rewrites_are_caught(rewrite, problem):
    sources = {
        "£": PROFIT, "89": "Almost 890,000 people visited the fair.",
        "2.4": "Shares closed up 2.4 per cent at £37.08 on Friday.",
        "Analysts": "The company denied that it had misled investors.",
        "John": "The victim, Tom Hale, was stabbed in the street.",
        "homeowner": "For a homeowner with a 500,000-dollar mortgage, the cut saves about 70 dollars a month.",
        "Germany": "Unlike Germany, which cut its rate to 2 percent in March, France kept its rate.",
        "marsh where worms and shellfish": "The tide created new marsh where worms and shellfish now thrive.",
        "crabs": "The tide made marsh where worms and crabs, the birds' food, have multiplied, the trust said.",
        "rose": "Shares closed up 2.4 per cent at £37.08 on Friday.",
        "Williams": "The US were beaten as Williams and Riske were thrashed 6-0 6-3 by Errani and Pennetta.",
        "great shot": "It wasn't a great shot that stole the limelight, but a stray spectator.",
        "drug": "The drug may cut deaths by a third, doctors said.",
        "Thousands": "If the deal fails, thousands will lose their jobs.",
        "Kolo": "Kolo Toure found the net against Blackburn but his effort was ruled out.",
        "Mourinho": "Terry, who has been a crucial part of Jose Mourinho's Premier League title bid this season, "
                    "played the full 90 minutes as Chelsea won 1-0.",
        "Tendulkar": "Sachin Tendulkar has paid tribute to a 'promising' Indian cricketer who has died after "
                     "colliding with a team-mate.",
        "bomber": "A suicide bomber blew himself up in front of the bank early on Saturday.",
        "Sunderland": "Sunderland are out of form and, unless Advocaat can reverse the slide, they will go down.",
        "tide back": "Letting the tide back onto 300 hectares of farmland created new marsh where worms thrive.",
        "fearless": "They chip away at those above them with a fearless way of playing the game.",
        "losing faith": "They are losing faith in their manager, even though Fulham should stay up.",
        "Timberlake": "Justin Timberlake and Jessica Biel, who married in 2012, welcome a son.",
        "toy gun": "After the holiday, the boy was bought a replacement toy gun.",
        "Giroud": "Olivier Giroud's player of the month award makes the French the most successful nationality.",
        "winter film": '"It will be everything you hope a winter film with a choir of wolves would be."',
        "Dawson": "Dawson has been charged with theft and criminal damage and was released on bail.",
        "Moonfield": "Moonfield \u2019 old anthem \u2018 Harbour Lights \u2019 plays before every home game at the Quay.",
        "league's": "The win makes the Dutch the league's most decorated foreign side in a decade.",
        "Hull": "Supporters of Leeds, Hull and York may be surprised to hear it.",
        "shirts they": "In those shirts they would have been lethal.",
        "Okafor": "Okafor and Lind celebrate their win against Kenya.",
        "York City": "The market lies in New York City, the guide says.",
        "Agents": "Agents will act over the introduction of \u2018unworkable\u2019 new rules next month.",
        "Tom Reed": "The official time referee Tom Reed showed the red card was after 40 seconds.",
        "Leeds": "Leeds will have to wait to lift the trophy, if they win on Saturday.",
        "compatriot": "Lind will face her compatriot and top seed Ann Berg in the final.",
        "Jo Marsh": "The two men reported missing, Jo Marsh and Ann Lee, were seen at a cafe.",
        "route": "It was a route also taken by two other ships in the storm.",
        "nickname": "Fans call him Tom (his nickname) at the club.",
        "dog": "Being able to talk and play with your dog is a gift.",
        "Divers": "Divers find 2,000-year-old wreck.",
        "best ever": "Lind hits what she later called her 'best ever shot' in the final.",
    }
    source = next(v for k, v in sources.items() if k in rewrite)
    assert problem in unfaithful(rewrite, source)


@pytest.mark.parametrize("rewrite, source", [
    ("Profit fell to £14m compared with £32m a year earlier.", PROFIT),
    ("The company denied that it had misled investors.", "The company denied that it had misled investors."),
    ("Shares closed up 2.4 per cent.", "Shares closed up 2.4 per cent at £37.08 on Friday."),
    ("Park won 6-3, 6-4 in the final.", "Serena Park won 6-3, 6-4 in the final on Sunday."),
    ("France kept its rate.", "Unlike Germany, which cut its rate, France kept its rate."),
    ("The tide created new marsh where worms now thrive.", "The tide created new marsh where worms now thrive."),
    ("It made marsh where worms thrive.", "It made marsh where worms thrive, the trust said on Monday."),
    # safe deletions: an aside between commas or brackets, an opening adverbial, an attribution, adjectives
    ("Hearts captain Danny Wilson is a target for Celtic.",
     "Hearts captain Danny Wilson (right) is a summer transfer target for Celtic."),
    ("The lingering memories of the blasts will be felt.",
     "As the runners begin on Monday, the lingering memories of the blasts will be felt in many ways."),
    ("The owner was delighted by the 2-1 win.", "Chief executive Tom Fox said the owner was delighted by the 2-1 win."),
    ("He thinks the building is haunted by the ghost of a boy.",
     "He thinks the imposing building is haunted by the ghost of a boy who was shot."),
    ("Other videos show Gemma enjoys sleeping.", "When she is not eating, other videos show Gemma enjoys sleeping."),
    ("Leigh Griffiths was caught on camera eating a biscuit.",
     "Celtic striker Leigh Griffiths was caught on camera eating a biscuit during the match."),
    ("leigh griffiths was caught on camera eating a biscuit.",  # lowercase text: no casing to go by
     "celtic striker leigh griffiths was caught on camera eating a biscuit during the match."),
    # what the new rules must still let through: a tail that is a phrase, a relative clause, a kept possessive
    ("The mayor opened the bridge.", "The mayor opened the bridge that had been closed since May."),
    ("Moonfield's old anthem plays before every home game.",
     "Moonfield's old anthem plays before every home game at the Quay."),
    ("The council gave the school a new roof.", "The council gave the school a new roof in the summer."),
    ("Hull and York will meet in May.", "In a repeat of last year's final, Hull and York will meet in May."),
    ("Tom Reed won 6-3, 6-4 in an off-the-grid town.", "Tom Reed won 6-3, 6-4 in an off-the-grid town on Sunday."),
    ("Reed faces prison or death penalty.", "Reed faces prison or the death penalty."),
])
def test_faithful_rewrites_pass(rewrite, source):
    assert unfaithful(rewrite, source) == []


def test_number_spans_keep_currency_scale_and_groups():
    assert number_spans("It cost £14m, or $3.5 billion, for 890,000 people and 12 per cent more.") == \
        ["£14m", "$3.5billion", "890,000", "12%"]


def test_the_engine_keeps_the_sentence_when_the_rewrite_is_unsupported(tiny_model, make_article, monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(tiny_model, device="cpu")
    article = make_article("bridge", n=7)  # "... will cost about 14 million dollars over three years."

    def write(items, options, max_new_tokens):  # every rewrite says 41 million
        return [["officials said the project will cost about 41 million dollars."] for _ in items]

    monkeypatch.setattr(engine, "_generate", write)
    draft, = engine.summarize([article], SummarizeOptions(num_beams=1))
    assert "rewrite_rejected" in draft.flags and "takeaway_fallback" in draft.flags
    sentences = article.split("\n")
    for text, fallback, (i,) in zip(draft.takeaways, draft.fallback, draft.takeaway_sources):
        assert "41 million" not in text and fallback and text == sentences[i]
    assert "41" not in draft.abstract and "abstract_fallback" in draft.flags


def test_a_first_name_from_the_context_is_allowed_another_subject_is_not():
    lead = "Liverpool captain Steven Gerrard will play in a charity match."
    assert unfaithful("Steven Gerrard will manage the side.", "Gerrard will also manage the side.", lead) == []
    assert "subject Analysts" in unfaithful("Analysts denied it.", "The company denied it.",
                                            "Analysts say the company lied.")
    assert "subject Jenson" in unfaithful("Jenson Button had a battle.", "I even had a battle.",
                                          "Jenson Button said so.")


@pytest.mark.parametrize("sentence, quoted", [
    ("(CNN) -- A suicide bomber blew himself up in front of the Kabul Bank, a local government spokesman said.",
     "A suicide bomber blew himself up in front of the Kabul Bank."),
    ("However, Hearts captain Danny Wilson (right) is a summer transfer target for Celtic, according to reports.",
     "Hearts captain Danny Wilson is a summer transfer target for Celtic."),
    ("Police said the man, 42, was arrested on Monday.", "Police said the man, 42, was arrested on Monday."),
    ("Sales rose again, he said.", "Sales rose again, he said."),  # too little would be left
    ("OSLO, Norway (CNN) -- Two ferries collided in the fjord on Sunday, police said.",
     "Two ferries collided in the fjord on Sunday."),  # a dateline
    ("Lagos (AP) \u2014 The port reopened after a week of strikes.", "The port reopened after a week of strikes."),
])
def test_a_quote_leaves_out_only_what_carries_no_fact(sentence, quoted):
    from summarizer.faithfulness import plain_quote

    assert plain_quote(sentence) == quoted
    assert unfaithful(quoted, sentence) == []  # a safe deletion by the rewrite check's own rules


def test_a_rejected_abstract_quotes_its_best_sentences_up_to_about_40_words(tiny_model, make_article,
                                                                              monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import ABSTRACT_QUOTE_WORDS, Engine

    engine = Engine(tiny_model, device="cpu")
    article = make_article("bridge", n=7)

    def write(items, options, max_new_tokens):  # a rewrite that states a number no sentence has
        return [["officials said the project will cost about 41 million dollars."] for _ in items]

    monkeypatch.setattr(engine, "_generate", write)
    draft, = engine.summarize([article], SummarizeOptions(num_beams=1, abstract_sentences=5))
    sentences = article.split("\n")
    assert "abstract_fallback" in draft.flags and "41" not in draft.abstract
    assert draft.abstract == " ".join(sentences[i] for i in draft.abstract_sources)  # as written, in article order
    # the best of the five, in rank order, until the quote has ABSTRACT_QUOTE_WORDS words: here three
    best, words = [], 0
    for i in draft.ranking[:5]:
        best.append(i)
        words += len(sentences[i].split())
        if words >= ABSTRACT_QUOTE_WORDS:
            break
    assert draft.abstract_sources == sorted(best) and len(best) < 5


@pytest.mark.parametrize("rewrite, source, problem", [
    # how exact a number is belongs to the number: "$10,000" is not "more than $10,000"
    ("The councillor billed taxpayers for $10,000 last year.",
     "The councillor billed taxpayers for more than $10,000 last year.", "deletion: how exact the number is"),
    ("100 people died in the floods.", "More than 100 people died in the floods.", "deletion: how exact the number is"),
    ("The club paid £5m for the striker.", "The club paid about £5m for the striker.",
     "deletion: how exact the number is"),
    ("Police found 12 bodies.", "Police found at least 12 bodies.", "deletion: how exact the number is"),
    ("The fine could reach £5,000.", "The fine could reach up to £5,000.", "deletion: how exact the number is"),
    ("Nine mostly foreign prisoners have been given 72 hours notice.",
     "Nine of ten mostly foreign prisoners have been given 72 hours notice.", "deletion: what the number counts"),
    # a clause's subject and verb gone: two clauses made one ("he told" his parents)
    ("Borland revealed his parents his decision to retire.",
     "Borland revealed he told his parents his decision to retire.", "deletion: a clause's subject and verb he told"),
    # a passive participle whose "with" phrase is what it says
    ("Her erratic game was littered.", "Her erratic game was littered with 24 unforced errors.",
     "fragment: cut before with"),
    # "a"/"an" left before the wrong word
    ("The board approved an change to the rules.", "The board approved an important change to the rules.",
     "reworded: an change"),
    # the fourth count's misses: a comparative cut before "than", an auxiliary before "been", a verb and
    # its "to", the last clause with no verb, a subject dropped before a place, "his father" made a title
    ("Marchisio injured ankle ligaments, but will return than first expected.",
     "Marchisio injured ankle ligaments, but will return sooner than first expected.", "deletion: a comparative"),
    ("Hostey, 22, allegedly been instrumental in luring Britons.",
     "Hostey, 22, has allegedly been instrumental in luring Britons.", "deletion: auxiliary has"),
    ("Hostey has been instrumental in luring fighters in Syria.",
     "Hostey has been instrumental in luring Britons to become fighters in Syria.", "deletion: a verb"),
    ("Sauber immediately appealed, and by 3.15pm three different judges.",
     "Sauber immediately appealed, and by 3.15pm three different judges heard the case.",
     "fragment: no verb after the last 'and'"),
    ("Hull looks strikingly like a nose.", "The weeping willow at Chanterlands Avenue Cemetery, Hull looks strikingly "
     "like a nose.", "deletion: the subject before"),
    ("Father Michael is the most successful driver in Formula One history.",
     "His father Michael is the most successful driver in Formula One history.", "deletion: whose father"),
    # the fifth count's: the last of a list, what was said, an object pronoun, a "but" clause joined, the main
    # verb dropped for a relative clause's
    ("Brendon was arrested in October.", "Brendon was arrested in October and February.",
     "fragment: the last of a list cut"),
    ("The 59-year-old told the club's website.", "The 59-year-old told the club's website: 'I will do my best.'",
     "fragment: what was said is cut"),
    ("The win lifted above Southampton into second.", "The win lifted them above Southampton into second.",
     "deletion: an object them"),
    ("Duminy was trapped lbw and Vernon Philander.",
     "Duminy was trapped lbw, but Behardien and Vernon Philander took the total past 300.", "deletion: but"),
    ('The actor has a recurring role on "Criminal Minds" for a comic book convention.',
     'The actor, who has a recurring role on "Criminal Minds," was in Tallahassee for a comic book convention.',
     "deletion: a verb"),
    # the sixth count's: a number cut out of its hyphenated word, an attribution's speaker made the subject,
    # a cut at an ellipsis that goes on, a "whether" clause with no main clause
    ("The keeper refused a pay cut on his £60,000.",
     "The keeper refused a pay cut on his £60,000-a-week contract, his agent said.", "number £60,000 without"),
    ("She will change how the city pays for buses.",
     "That, she says, will change how the city pays for buses.", "deletion: an attribution's verb"),
    ("The parrot learned to ride a scooter and even.",
     "The parrot learned to ride a scooter and even... skateboard down a ramp.", "fragment: cut at an ellipsis"),
    ("Whether you are flying to Rome this spring.",
     "Whether you are flying to Rome this spring or taking the train, the new rules apply.",
     "fragment: no main clause"),
    # the seventh count's: a lone speech verb dropped, the last name of a list cut, a second object dropped,
    # a possessor dropped after "seven of"
    ("Marsh claims she was paid are false.", "Marsh said claims she was paid are false and hurtful.",
     "deletion: a verb said"),
    ("The mural shows cartoon dogs Rex.", "The mural shows cartoon dogs Rex and Fido beside the old harbour.",
     "fragment: the last of a list cut"),
    ("Price scored to give Leeds after ten minutes.", "Price scored to give Leeds the lead after ten minutes.",
     "deletion: an object the lead"),
    ("She has won all five of Grand Slam finals.", "She has won all five of her sister's Grand Slam finals.",
     "deletion: whose"),
])
def test_rules_from_the_hand_counts(rewrite, source, problem):
    assert any(p.startswith(problem) for p in unfaithful(rewrite, source)), unfaithful(rewrite, source)
    assert unfaithful(source, source) == []  # the sentence itself passes


@pytest.mark.parametrize("rewrite, source", [
    ("The councillor billed taxpayers for more than $10,000.",
     "Officials said the councillor billed taxpayers for more than $10,000."),
    ("More than 100 people died in the floods.", "More than 100 people died in the floods, officials said."),
    ("Borland told his parents his decision to retire.", "Borland told his parents his decision to retire on Friday."),
    ("The firm hired a university lecturer for an MBA course.",
     "The firm hired a senior university lecturer for an MBA course."),
    ("The board approved an hour-long debate.", "The board approved an hour-long debate on Monday."),
    ("Benaud was inducted into the Hall of Fame in 1985.",  # an opening phrase, not the subject
     "A veteran of 64 Test matches, Benaud was inducted into the Hall of Fame in 1985."),
    ("Michael is the most successful driver.", "His father Michael is the most successful driver."),
    ("Rahman was found guilty of rigging the vote.",  # an aside between dashes may go, verbs and all
     "Rahman - who police failed to charge - was found guilty of rigging the vote."),
    ("Smith won the race, but only just.", "Smith won the race on Sunday, but only just."),  # "but": not a clause
    ("Caroline Wozniacki won first title of 2015.", "Caroline Wozniacki won her first title of 2015."),
    ("Ozil was ranked beside Hazard and Silva.", "Ozil was ranked beside Hazard and Silva, a study found."),
    ("The keeper refused a pay cut on his £60,000-a-week contract.",
     "The keeper refused a pay cut on his £60,000-a-week contract, his agent said."),
    ("The parrot learned to ride a scooter.",  # an ellipsis before a phrase of its own is a place to stop
     "The parrot learned to ride a scooter... including one with three wheels."),
    ("Rex was painted in 2019.", "Rex was painted in 2019 and Fido was added last year."),  # a clause, not a list
    ("Whether you fly or take the train, the new rules apply.",
     "Whether you fly or take the train, the new rules apply from Monday."),
])
def test_those_rules_let_the_faithful_cut_through(rewrite, source):
    assert unfaithful(rewrite, source) == []


@pytest.mark.parametrize("sentence, verb", [
    ("Jo Smith riding Blue Star to win the Gold Cup at Ascot.", False),  # a caption with an -ing form
    ("Spooked: the banker inside his old country house.", False),  # a label and a caption
    ("Jo Smith pictured with her dog on the beach.", False),
    ("Fans celebrating after the match in the square.", False),
    ("An estimated 40 per cent drop since 2019.", False),  # -ed after an article: an adjective
    ("Everything from customised sports cars and private jets.", False),  # and after a preposition
    ("The injured driver walked home.", True),

    ("Rescuers searching the hills found two climbers.", True),
    ("Police captured the man on Tuesday.", True),
    ("Smith, pictured, was arrested at the airport.", True),
    ("The team wins at home.", True),
])
def test_captions_have_no_verb(sentence, verb):
    from summarizer.faithfulness import has_verb

    assert has_verb(sentence) is verb


def test_a_question_is_no_takeaway():
    from summarizer.faithfulness import is_question

    assert is_question("HOW DO I GET TICKETS?") and is_question('"Why now?"') and not is_question("He asked why.")


@pytest.mark.parametrize("sentence, inside", [
    ('Home at last," reads the sign on the gate.', True),  # the quote opened in the sentence before
    ("last.\u201d she said, and left.", True),
    ('"Home at last," reads the sign on the gate.', False),
    ('He said "no" twice before leaving.', False),
    ("It was \u201cgreat\u201d, the coach said.", False),
    ("No quotation at all here.", False),
    ('"Dock 4, Pier Road," one card says. "Ward 9, the old mill, b.', True),  # three marks: a cut through quotes
])
def test_a_sentence_that_begins_inside_a_quote_is_seen(sentence, inside):
    from summarizer.faithfulness import opens_mid_quote

    assert opens_mid_quote(sentence) is inside


def test_the_abstract_does_not_say_again_what_takeaway_1_says(tiny_model, make_article, monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import ABSTRACT, NEAR_DUPLICATE, Engine, similarity

    engine = Engine(tiny_model, device="cpu")
    article = make_article("bridge", n=7)

    def write(items, options, max_new_tokens):  # takeaways: their sentence; the abstract: a copy of one
        out = []                                 # of its sentences first, then two of the others
        for mode, sents, idx, _ in items:
            if mode != ABSTRACT:
                out.append([sents[i] for i in idx])
                continue
            first = min(idx)  # takeaways are in article order: the first abstract sentence is takeaway 1's
            out.append([sents[first], " ".join(sents[i] for i in idx if i != first)])
        return out

    monkeypatch.setattr(engine, "_generate", write)
    draft, = engine.summarize([article], SummarizeOptions(num_beams=1))
    assert draft.takeaway_sources[0] == [min(draft.abstract_sources)]  # the case this test is about
    assert similarity(draft.abstract, draft.takeaways[0]) < NEAR_DUPLICATE
    assert "abstract_fallback" not in draft.flags  # the model's second candidate, not a quote


def test_curly_quotes_and_dashes_read_as_straight_ones():
    """The check reads typographic quote marks and dashes as the plain ones (a constant of the same
    name once shadowed the table that maps them, and the check read "’" as a word of its own)."""
    from summarizer.faithfulness import _word_tokens

    assert _word_tokens("He called it \u2018a disaster\u2019 \u2014 twice.") == _word_tokens(
        "He called it 'a disaster' - twice.")


@pytest.mark.parametrize("rewrite, source", [
    # a comparison left without what it compares with
    ("The council wants to repair the old bridge rather.",
     "The council wants to repair the old bridge rather than build a new one next year."),
    ("Its water bill was higher.", "Its water bill was higher than that of any other town in the county."),
    # what someone was called, cut: "called the fans" is another claim
    ("The manager called the away fans behind the goal.",
     "The manager called the away fans behind the goal on Saturday 'a disgrace' who should be banned."),
])
def test_a_cut_that_leaves_a_comparison_or_a_naming_verb_without_its_point(rewrite, source):
    assert unfaithful(rewrite, source)


@pytest.mark.parametrize("rewrite, source", [
    ("Prices rose more than expected.", "Prices rose more than expected in March, the bank said."),
    ("The manager called the fans 'a disgrace'.", "The manager called the fans 'a disgrace' after the match."),
    ("The mayor called a meeting.", "The mayor called a meeting on Monday after the flood."),
])
def test_the_same_verbs_and_comparisons_kept_whole_pass(rewrite, source):
    assert unfaithful(rewrite, source) == []


@pytest.mark.parametrize("rewrite, source", [
    # a range without its end: "from 200" alone says nothing of where it went
    ("The club's membership has grown from 200 a decade ago.",
     "The club's membership has grown from 200 a decade ago to 1,400 this spring."),
    # the speaker and whom they told, without what was said
    ("The coach would often tell his players.", "The coach would often tell his players, 'Run until you drop.'"),
])
def test_a_cut_that_leaves_a_range_or_a_speaker_without_its_other_half(rewrite, source):
    assert unfaithful(rewrite, source)


@pytest.mark.parametrize("rewrite, source", [
    ("'We were lucky,' the captain told reporters.", "'We were lucky,' the captain told reporters, 'and we know it.'"),
    ("The club's membership grew to 1,400.", "The club's membership grew to 1,400 from 200 a decade ago."),
])
def test_a_quote_already_given_or_a_range_cut_at_its_start_pass(rewrite, source):
    assert unfaithful(rewrite, source) == []


@pytest.mark.parametrize("rewrite, source", [
    ("Police said the suspect hid from the would.", "Police said the suspect hid from the would-be buyer for a week."),
    ("She phoned her son every day.", "She phoned her son-in-law every day for a month."),
    ("He was taken to hospital with concussion.", "He was taken to hospital with concussion-like symptoms."),
])
def test_a_word_cut_from_its_hyphenated_compound(rewrite, source):
    assert any("hyphenated" in p for p in unfaithful(rewrite, source))


@pytest.mark.parametrize("rewrite, source", [
    ("The club was sold.", "The club was sold - and the fans were not told."),  # a dash between clauses
    ("the club was sold to a rival.", "the club was sold to a rival-and the fans were not told."),  # lowercased text
])
def test_a_dash_between_clauses_is_no_compound(rewrite, source):
    assert not any("hyphenated" in p for p in unfaithful(rewrite, source))


def test_a_second_object_cut_after_a_longer_first_one():
    # "handed X the job": without "the job" the club handed the man himself over
    assert unfaithful("The club handed assistant coach Maria Lopez for the rest of the season.",
                      "The club has handed assistant coach Maria Lopez the job for the rest of the season.")
    # a time adjunct after the object is no second object
    assert not any("second object" in p for p in unfaithful(
        "The club gave assistant coach Maria Lopez a contract.",
        "The club gave assistant coach Maria Lopez a contract a year ago."))


def test_may_the_month_is_no_verb_a_rewrite_stops_before():
    assert unfaithful("The club gave the young striker a new deal.",
                      "The club gave the young striker a new deal in May.") == []


@pytest.mark.parametrize("rewrite, source, why", [
    # a quotation cut in the middle: what is quoted is no longer what was said
    ("The minister blamed 'poor planning.", "The minister blamed 'poor planning and a lack of money' for the delay.",
     "quotation cut"),
    # the subject and an aside between dashes, the verb after the aside cut
    ("The new stadium - paid for by the city.",
     "The new stadium - paid for by the city - will open in August with a concert.", "aside kept"),
    # "not only" without its second half
    ("Not only was the river at its highest level.",
     "Not only was the river at its highest level, it also rose faster than ever recorded.", "not only"),
    # what "it" stands for cut: the rewrite says that the weather was no surprise
    ("The storm hit at night so it was no surprise.",
     "The storm hit at night so it was no surprise that the roads were empty.", "what 'it' stands for"),
    # "drew to a close" is not "drew"
    ("Two goals came as the game drew.", "Two goals came as the game drew to a close on Saturday.", "to a close"),
    # a list cut after a bracketed aside: one of the two the coach leads
    ("The coach will lead Maria Lopez.", "The coach will lead Maria Lopez (right) and Spain to the final in May.",
     "list cut"),
])
def test_cuts_inside_a_quotation_an_aside_or_a_fixed_phrase(rewrite, source, why):
    assert any(why in p for p in unfaithful(rewrite, source))


@pytest.mark.parametrize("rewrite, source", [
    # a whole sentence of a longer quotation, and a quotation kept whole
    ("'We were lucky.", "'We were lucky. We know it and so does everyone else,' the captain told reporters."),
    ("The minister blamed 'poor planning' for the delay.",
     "The minister blamed 'poor planning' for the delay in the spring."),
    # an aside at the end of a complete sentence, whatever follows it
    ("The plan would scrap parts of the law - the tax on sugar.",
     "The plan would scrap parts of the law - the tax on sugar - including its levy on juice."),
    # hyphenated words are no asides
    ("The well-known singer - now 70 - has a new album.",
     "The well-known singer - now 70 - has a new album out in May."),
    ("Not only did the river rise, it also flooded the town.",
     "Not only did the river rise, it also flooded the town on Monday."),
])
def test_quotations_asides_and_not_only_kept_whole_pass(rewrite, source):
    assert not any(w in p for p in unfaithful(rewrite, source)
                   for w in ("quotation", "aside", "not only", "what 'it'", "to a close", "list cut"))


def test_a_hyphenated_words_head_or_a_list_of_names_cut():
    # "co-owner" is not "owner": the deletion changes who he is
    assert any("head" in p for p in unfaithful("The club's owner Ann Reid said the deal was done.",
                                                "The club's co-owner Ann Reid said the deal was done."))
    # one of three names, kept alone after a plural, reads as the only one
    assert any("list cut" in p for p in unfaithful(
        "She coached at three clubs including Leeds United.",
        "She coached at three clubs including Leeds United, Hull City and York."))
    # a clause after the comma, and words that repeat inside a hyphenated number, are no such cuts
    assert not any("list cut" in p or "head" in p for p in unfaithful(
        "She coached at Leeds United.", "She coached at Leeds United, and then she moved to Spain."))
    assert not any("head" in p for p in unfaithful(
        "He signed a two-and-a-half-year deal.", "He signed a two-and-a-half-year deal on Monday."))


@pytest.mark.parametrize("rewrite, source, why", [
    # a qualifier dropped while what it qualifies stays
    ("Town mayor Ann Reid opened the bridge.", "Former town mayor Ann Reid opened the bridge on Monday.", "qualifier"),
    ("The paper reports the club's sale to a bank.", "The paper reports the club's proposed sale to a bank.",
     "qualifier"),
    ("She is training for the final with winning gold.",
     "She is training for the final with the hope of winning gold.", "qualifier"),
    # what was said, cut at its "that"
    ("The driver admitted to police.", "The driver admitted to police that he had been drinking.", "what was said"),
    # a name cut to another one's: a building is not the athlete it is named after
    ("Kelly Holmes was opened in May.", "The Kelly Holmes Sports Centre was opened in May.", "rest of a name"),
])
def test_a_qualifier_a_reported_claim_or_a_names_tail_cut(rewrite, source, why):
    assert any(why in p for p in unfaithful(rewrite, source))


@pytest.mark.parametrize("rewrite, source", [
    ("Ann Reid opened the bridge.", "Former town mayor Ann Reid opened the bridge on Monday."),  # a whole descriptor
    ("The club will replace Ann Reid.", "The club will replace caretaker Ann Reid."),  # the same woman
    ("Tottenham are keen on the defender.", "Tottenham Hotspur are keen on the defender."),  # the same club
    ("Police said there is no evidence for the reports.",
     "Police said there is no evidence for the reports that he fled."),  # a noun, not what was said
])
def test_a_whole_descriptor_or_a_short_name_dropped_passes(rewrite, source):
    assert not any(w in p for p in unfaithful(rewrite, source)
                   for w in ("qualifier", "what was said", "rest of a name"))


def test_a_sentence_whose_beams_all_fail_is_decoded_again_wider_when_asked(tiny_model, make_article, monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(tiny_model, device="cpu")
    article = make_article("bridge", n=7)
    widths = []

    def write(items, options, max_new_tokens):  # 2 beams: a wrong number; wider: a safe cut of the sentence
        widths.append(options.num_beams)
        if options.num_beams < 8:
            return [["officials said the project will cost about 41 million dollars."] * options.num_beams
                    for _ in items]
        return [["the project will cost a lot.", " ".join(sents[i] for i in idx).split(",")[0]]
                for _, sents, idx, _ in items]

    monkeypatch.setattr(engine, "_generate", write)
    off, = engine.summarize([article], SummarizeOptions(num_beams=2))
    assert all(off.fallback) and set(widths) == {2}
    widths.clear()
    wide, = engine.summarize([article], SummarizeOptions(num_beams=2, retry_beams=8))
    assert 8 in widths and not all(wide.fallback)
    sentences = article.split("\n")
    for text, fallback, (i,) in zip(wide.takeaways, wide.fallback, wide.takeaway_sources):
        assert "41" not in text and (fallback or text == sentences[i].split(",")[0].rstrip(".") + ".")


def test_a_unit_of_several_sentences_is_quoted_to_its_first():
    from summarizer.faithfulness import first_sentence

    unit = ("the goalkeeper waved to the crowd after the final whistle. ' we never gave up, ' he said. "
            "' this means everything. ' his side now top the table.")
    assert first_sentence(unit) == "the goalkeeper waved to the crowd after the final whistle."
    # a quotation that ends with the first sentence keeps its closing mark
    assert first_sentence("a fan shouted: \u2018 the title is ours. \u2019 the players ran to him and sang.") == \
        "a fan shouted: \u2018 the title is ours. \u2019"
    # abbreviations, initials and decimals are no sentence ends; a short head is no sentence
    for one in ("The u.s. team met Dr. Smith in St. Louis on Monday and J. K. Rowling joined them.",
                "Prices rose 3.5 per cent over the year.", "Oh. the fans were back in the stadium again on Sunday."):
        assert first_sentence(one) == one


def test_a_promotion_or_a_noun_with_only_a_relative_clause_is_no_takeaway():
    from summarizer.faithfulness import is_promo, relative_clause_only

    assert relative_clause_only("The race which made the young driver famous in defeat.")
    for sentence in ("The man who was arrested fled.", "The player who scored twice leads the table.",
                     "The council said that it would close the library."):
        assert not relative_clause_only(sentence)

    from summarizer.pipeline import _takeable

    assert not _takeable("he is survived by a daughter, who is co-chair of the a.")  # a splitter's cut at an initial
    assert _takeable("he is survived by a daughter, who is co-chair of the foundation.")
    assert is_promo("Billboard: 2015 ACM Awards: see all the photos.") and is_promo("Scroll down for video")
    assert is_promo("Find out how our two pundits get on, plus make your own predictions.")
    assert not is_promo("She went to see all the photos of her late father at the museum on Monday.")
    assert is_promo("Watch all the action below with our live video.")  # seed 43
    assert not is_promo("Fans watched the action from the bridge as the boats passed.")


def test_a_quoted_unit_of_several_sentences_gives_its_first_as_the_takeaway(tiny_model, monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(tiny_model, device="cpu")
    # lowercased, as the CNN/DM text: the splitter leaves the goalkeeper's two sentences in one unit
    lines = ["the council approved a new bridge over the river on monday after a long debate.",
             "the goalkeeper waved to the crowd after the final whistle. ' we never gave up, ' he said.",
             "work on the bridge will begin in the spring and should take about two years.",
             "billboard: 2015 acm awards: see all the photos.",
             "residents raised concerns about noise and traffic near the school during the works.",
             "the mayor said the bridge would bring jobs and visitors to the northern districts.",
             "the old ferry will stop running once the bridge opens to traffic."]
    monkeypatch.setattr(engine, "_generate", lambda items, options, n: [["it cost 99 dollars."] for _ in items])
    draft, = engine.summarize([" ".join(lines)], SummarizeOptions(num_beams=1))
    assert draft.sentences[1] == lines[1]  # one unit, as the splitter left it
    assert "The goalkeeper waved to the crowd after the final whistle." in draft.takeaways
    assert not any("we never gave up" in t.lower() for t in draft.takeaways)
    # six sentences besides it: the promotion is never a takeaway
    assert [3] not in draft.takeaway_sources and "see all the photos" not in " ".join(draft.takeaways)


def test_a_quote_keeps_a_clause_that_only_looks_like_an_attribution():
    from summarizer.faithfulness import plain_quote

    sentence = ("A mother whose son has a rare disease, which makes his skin look scalded, was shocked after a "
                "stranger reported her to police.")
    assert plain_quote(sentence) == sentence  # ", was shocked after a stranger reported her" is the main clause
    assert plain_quote("The club will appeal against the ban on Monday, the chairman has said.") == \
        "The club will appeal against the ban on Monday."


def test_a_possessor_from_the_context_is_another_owner():
    from summarizer.faithfulness import deletion_problems

    source = "The club had £34m in the bank at the end of the year, the club's accounts show."
    context = "The money went into Leeds's bank account. " + source  # "Leeds" as a first name before "'s"
    assert any("possessor" in p for p in deletion_problems("Leeds's accounts show.", source, context))
    # a passive "was revealed" and a noun "claims" are no attribution left alone
    assert not any("only the attribution" in p for p in unfaithful(
        "She shouted with joy after the surprise was revealed.",
        "She, who has worked at the house for 24 years, shouted with joy after the surprise was revealed."))


def test_an_opening_phrase_with_only_a_relative_clause_is_no_takeaway():
    from summarizer.pipeline import _takeable

    assert not _takeable("At the driving experience, which bills itself as a chance to drive your dream car.")
    assert _takeable("After the match, which ended 2-2, the fans invaded the pitch.")
    assert _takeable("In January the firm moved the jobs to spot machines, which cost less but can be taken away.")
    assert not any("object and its preposition" in p for p in unfaithful(
        "She vanished on March 9 from San Bernardino.", "She vanished on March 9 from her home in San Bernardino."))


def test_an_exclamation_ends_a_sentence_and_adjectives_in_ed_open_one():
    from summarizer.faithfulness import first_sentence

    assert first_sentence("people like you should be locked up! ' several people called her names online.") == \
        "people like you should be locked up!"
    for rewrite, source in (("Proposed deal would combine the two largest operators.",
                             "The proposed deal would combine the two largest operators."),
                            ("The striker has not played since October.",
                             "The striker, who has not played since October after an injury, has been replaced.")):
        assert not any(w in p for p in unfaithful(rewrite, source) for w in ("no subject", "cut before the verb"))


def test_a_verb_cut_after_a_relative_clause_is_still_seen():
    # the deleted "during which he" is no relative clause made the rewrite: "were posted" is the verb cut
    assert any("cut before the verb were" in p for p in unfaithful(
        "Photos of the visit presented some members with replica jerseys.",
        "Photos of the visit, during which he presented some members with replica jerseys, were posted online."))


# cuts found by reading seven samples of CNN/DM test takeaways (0.9.0): each is rejected ...
@pytest.mark.parametrize("rewrite, source, why", [
    # a condition cut: what may happen is stated as what happens
    ("The mill will close.", "The mill will close if the council cuts its grant.", "condition"),
    ("The driver faces up to ten years in prison.", "The driver faces up to ten years in prison if convicted.",
     "condition"),
    # the subject left behind: the rewrite opens on its verb
    ("Fell two points short of the title.", "The rowers fell two points short of the title.", "no subject"),
    # a relative clause's subject made the subject of the main verb
    ("He lost his job had to sell the farm.",
     "A farmer who cared for his brother after he lost his job had to sell the farm.", "subordinate clause"),
    ("Farmer cared for his brother after he lost his job had to sell the farm.",
     "A farmer who cared for his brother after he lost his job had to sell the farm.", "relative pronoun"),
    # the verb after an aside cut: what was claimed or counted is left without it
    ("The mayor said the decision to close the library.",
     "The mayor said the decision to close the library, taken in secret last spring, was a mistake.",
     "cut before the verb was"),
    ("About 3,000 tenants with arrears.",
     "About 3,000 tenants with arrears - one in five of the estate - do not get advice.", "cut before the verb do"),
    ("Two officers involved in the arrest of the driver.",
     "Two officers involved in the arrest of the driver in Leeds, West Yorkshire, have been moved.",
     "cut before the verb have"),
    # the only verb cut where the rewrite stops
    ("Two late goals and a missed penalty.", "Two late goals and a missed penalty sealed the visitors' fate.",
     "cut before the verb sealed"),
    # a verb's object cut with a preposition, whose object takes its place
    ("The band hired the new album.", "The band hired Ann Lee for the new album.",
     "object and its preposition"),
    # what a number counts cut down: the 149 were crew and passengers
    ("He died along with 149 other passengers.", "He died along with 149 other crew and passengers.",
     "what the number counts"),
    # a rewrite that stops on a word that needs what follows it
    ("Fans turned on the singer, especially.", "Fans turned on the singer, especially on social media.",
     "ends with especially"),
    # an absolute "with" phrase, kept without the clause it belonged to
    ("The striker yet to sign a new deal.", "With the striker yet to sign a new deal, the club is looking elsewhere.",
     "'with' phrase"),
    # a number cut from its hyphenated word in lowercased text
    ("he finished the round on nine.", "he finished the round on nine-under par, two shots behind.",
     "hyphenated word cut"),
    # the claim went with the opening; only who made it is left
    ("The charity alleges in its annual report.",
     "Councils are cutting services to balance their books, the charity alleges in its annual report.",
     "what was said is cut"),
    # a relative clause made a second main clause after a comma
    ("The order came from the top, the minister has been unusually blunt.",
     "The order came from the top, the minister, who has been unusually blunt.", "relative pronoun"),
    # a hyphenated word is no mark: the verb after it is the clause's
    ("The last time the club won from behind.", "The last time the club won from behind at half-time was in 1995.",
     "cut before the verb was"),
    # words that need their "to"
    ("The team found it hard to score due.", "The team found it hard to score due to injuries.", "cut before 'to'"),
    ("The club is for sale with its owner understood.",
     "The club is for sale with its owner understood to want £100m.", "cut before 'to'"),
    # an auxiliary dropped before a quote mark
    ("The coach should ' able to fix it '", "The coach should be ' able to fix it ', his captain said.",
     "auxiliary"),
    # the last clause after "but" has lost its verb
    ("The side earned a point but the home manager.", "The side earned a point but the home manager admitted defeat.",
     "no verb after the last"),
    # what "said it" stood for: the speaker becomes what was said
    ("The 21-year-old was a dizzying week.", "The 21-year-old said it was a dizzying week.", "a clause's subject"),
    # a possessive "'s" is no verb
    ("Gareth Bale's first-half brace against Levante on Sunday.",
     "Gareth Bale's first-half brace against Levante on Sunday helped Real Madrid to a win.", "no verb"),
    # "one of" its channels is not all of them
    ("The network regained control of its 11 channels.", "The network regained control of one of its 11 channels.",
     "quantifier"),
    # where something was put, and what a short time counts from
    ("The striker scored to put his side.", "The striker scored to put his side in the lead.", "where it was put"),
    ("The players went out for dinner just hours.", "The players went out for dinner just hours after the defeat.",
     "a time cut"),
    # lowercased text: "father" is not "father-in-law"
    ("her father, a farmer, died.", "her father-in-law, a farmer, died.", "hyphenated word's tail"),
    # where a goal sent the side, and two places made one
    ("His goal sent the team.", "His goal sent the team on their way to victory.", "where it was sent"),
    ("The tower and museum island will reopen.", "The tower and museum and museum island will reopen.",
     "two names made one"),
    # only who said it is left
    ("The club's accounts have revealed.",
     "The club had £34m in the bank last year, the club's accounts have revealed.",
     "only the attribution"),
    # a preposition's object handed to another preposition: she plays for Russia, against Germany
    ("She will play for Germany in the semi-final.", "She will play for her country against Germany in the semi-final.",
     "object and its preposition"),
    # a caption's participle made into what the man did
    ("Leigh Griffiths signed match ball.", "Hat-trick hero Leigh Griffiths with signed match ball.", "participle"),
    ("The parish said.", "The parish said in a statement that the fair will be replaced.", "what was said is cut"),
    ("The win took them closer to the title as the leaders.",
     "The win took them closer to the title as the leaders opened up a ten-point gap.", "a clause cut after 'as'"),
    ("A woman sent abusive messages for running a support group.",
     "A woman sent abusive messages for running a support group for teenagers, has shamed her trolls online.",
     "cut before the verb has"),
    ("Reinvigorated the side with a stunning strike.",
     "Jermain Defoe (centre) reinvigorated the side with a stunning strike.",
     "no subject"),
])
def test_cuts_the_test_split_counts_found(rewrite, source, why):
    assert any(why in p for p in unfaithful(rewrite, source))


# ... and these cuts, close to them, pass those rules
@pytest.mark.parametrize("rewrite, source", [
    ("The mill will close in May.", "The mill will close in May, the owners said on Monday."),
    ("He quit the club.", "The coach said he quit the club."),  # a pronoun, not a verb, opens it
    ("Lee Hart was injured in the crash.",
     "Fans who saw the game know how the team suffered when Lee Hart was injured in the crash."),
    ("The bridge, built in 1890, was closed.", "The bridge, built in 1890, was closed on Friday."),
    ("She will team up with the coach.", "She will team up with the coach for the season."),
    ("The team joined the league.", "The team joined up with the league."),
    ("The farmer sold the farm.", "The farmer, who cared for his brother, sold the farm."),
    ("Muir finished fifth at the championships.",
     "Muir, who finished fifth at the championships, now holds the record."),
    ("The side earned a point but not a win.", "The side earned a point but not a win on Saturday."),
    ("The report says councils are cutting services.",
     "The report says councils are cutting services, the charity alleges."),
    ("Ahmed Hassan, who scored twice, was named man of the match.",
     "Ahmed Hassan, who scored twice, was named man of the match on Sunday."),
    ("He's back in training.", "He's back in training after a knee injury."),
    ("He was jailed for five months.", "He was jailed for five months after admitting the offence."),
    ("The squad are put through their paces at the stadium.",
     "The squad are put through their paces at the stadium on Tuesday evening."),
])
def test_safe_cuts_beside_them_pass(rewrite, source):
    assert not any(w in p for p in unfaithful(rewrite, source) for w in RULES_090)


RULES_090 = ("condition", "no subject", "subordinate clause", "cut before the verb", "object and its preposition",
             "relative pronoun", "what was said", "cut before", "auxiliary", "no verb", "a clause's subject",
             "where it was put", "a time cut")


# 0.10.0: cuts a hand count of 100 fresh CNN/DM test takeaways found (seed 20), in words of our own; each
# turns what the sentence says into something it does not
@pytest.mark.parametrize("rewrite, source, why", [
    # a subject's relative pronoun dropped: its clause becomes the main one, and the real verb dangles
    ("Shoppers stock up on candles can expect delays.", "Shoppers who stock up on candles can expect delays.",
     "relative pronoun"),
    # who said it cut from the middle: what was announced becomes a fact
    ("The mayor resigned a day after the city was bankrupt.",
     "The mayor resigned a day after auditors announced the city was bankrupt.", "who said it"),
    # what they had to do (and did not) becomes what they did
    ("The rowers beat the champions to reach the final.", "The rowers had to beat the champions to reach the final.",
     "negation: had to"),
    # a verb and its "to" cut: the object goes to the verb before
    ("The council has promised complaints about the noise.",
     "The council has promised to review complaints about the noise.", "a verb and its 'to'"),
    # "between" left with one side
    ("Talks between the union stalled.", "Talks between the union and the rail operator stalled.",
     "between what and what"),
    ("Trains will run between Leeds.", "Trains will run between Leeds and York from May.", "between what and what"),
    # one of two made the only one who did it
    ("Anna Berg will miss the final.", "Anna Berg (knee) and Holm will miss the final.", "a conjunct"),
    ("The rider won the title.", "The rider and her horse won the title.", "a conjunct"),
    # how many of them did it
    ("Of the 900 guests have fallen ill.", "Of the 900 guests, 40 have fallen ill.", "a number"),
    # a phrase stopped where a place was set inside it
    ("She was walking near her Leeds.", "She was walking near her Leeds, West Yorkshire, home on Friday.",
     "a place inside it"),
    # seed 21: a hedge dropped; the verb after a "--" aside cut; a lone "to" dropped; an aside's participle
    # made the verb; what someone in a relative clause said, made a fact
    ("The dog ran off with the keys.", "The dog apparently ran off with the keys.", "negation: apparently"),
    ("His first trip to the school.", "his first trip to the school -- a former mill by the river -- was in may.",
     "cut before the verb was (after an aside)"),
    ("The board have ' cut costs now '", "The board have to ' cut costs now ', the report says.", "deletion: to"),
    ("Smith banned from the ground for a year.",
     "Smith, banned from the ground for a year for abuse, told the paper he would appeal.", "participle made the verb"),
    ("The mayor was hiding the report.",
     "From a clerk who kept notes to a driver who insisted the mayor was hiding the report, all spoke to us.",
     "said in a relative clause"),
    # seed 22: a lone opening preposition; a relative clause's opening cut, its rest kept; "from" before "as";
    # a claim's attribution cut; what they were the first to do; what was seen done; what "the latter" was
    ("Farmers the drought is over.", "For farmers the drought is over.", "opening preposition"),
    ("She scored in the win over Spain to the top of the group.",
     "She scored in the win over Spain which took them to the top of the group.", "a relative clause's opening"),
    ("The club promoted Lee as youth coach.", "The club promoted Lee from his role as youth coach.", "from his role"),
    ("The mayor will resign next month.", "The mayor will resign next month, the paper claims.", "a claim's attribution"),
    ("The town became the first in the county.", "The town became the first in the county to ban cars.",
     "first to do"),
    ("He has seen his hopes of a medal.", "He has seen his hopes of a medal ended by injury.", "what was seen done"),
    ("Cars were second, with half of homes owning two of the latter.",
     "Cars were second, followed by bikes, with half of homes owning two of the latter.", "the latter"),
    # seed 23: a subordinator dropped; the verb before an infinitive dropped; a "respectively" pair split; a
    # lowercased compound cut
    ("She said he left the club, the fans turned on the board.",
     "She said once he left the club, the fans turned on the board.", "a subordinator (once)"),
    ("The winger score the first goal.", "The winger streaks away to score the first goal.", "a verb before 'to'"),
    ("The coach would be rested next week.", "The coach would like Kane to be rested next week.",
     "a verb before 'to'"),
    ("The deal is worth $80m.", "The deal is worth $80m and $20m to the club and the player respectively.",
     "'respectively' list"),
    ("he scored a second-half hat.", "he scored a second-half hat-trick on saturday.", "hyphenated word cut"),
    # seed 24: the verb cut past a title's full stop; a subject and its aside, the verb cut; a list cut short; a
    # lone subject pronoun dropped; a relative clause made a main one after a present-tense verb
    ("the agency said the presence of a pesticide at the villa.",
     "the agency said the presence of a pesticide at the villa in st. john may have caused the illness.",
     "cut before the verb may"),
    ("Acme, the firm founded by a chemist.", "Acme, the firm founded by a chemist, hopes to open a plant.",
     "cut before the verb hopes"),
    ("There must be zero tolerance for racism, brutality.",
     "There must be zero tolerance for racism, brutality and corruption in the police.", "the last of a list cut"),
    ("Lee was tipped to replace Cole should face the sack.", "Lee was tipped to replace Cole should he face the sack.",
     "a clause's subject he"),
    ("Cook speaks with Mark Wood could be the answer.", "Cook speaks with Mark Wood, who could be the answer.",
     "relative pronoun who"),
    # seed 25: who said it left as an aside; a qualifier of a number dropped; a list of prepositions cut; a
    # suspended sentence made a prison term; a web address cut to its end
    ("Lee was fined $800, Ann Cole.", "Lee was fined $800, Ann Cole, a spokesman for the court, told reporters.",
     "cut before the verb told"),
    ("She is one of 53 survivors.", "She is one of 53 remaining survivors.", "qualifier (remaining)"),
    ("The sky took on a red tint in the minutes before.",
     "The sky took on a red tint in the minutes before, during and after the eclipse.", "prepositions cut"),
    ("He admitted fraud and was sentenced to 26 weeks.",
     "He admitted fraud and was sentenced to 26 weeks in prison suspended for two years.", "suspended sentence"),
    ("He has a big role under the coach.com.", "He has a big role under the coach, and told club.com: ' I love it.",
     "web address"),
    # seed 26: where the blame was put; a rewrite opening on "will be"; a list of scores cut; a hashtag cut; what
    # she was told made a fact; a relative clause's verb run into the main one
    ("The chairman put the blame for the decision.", "The chairman put the blame for the decision at the door of the board.",
     "where it was put"),
    ("Will be given white clothing to wear.", "Chan (right) and Lee (left) will be given white clothing to wear.",
     "no subject"),
    ("The side were beaten 6-3 by Leeds.", "The side were beaten 6-3 by Leeds and 5-1 by Hull last season.",
     "the last of a list cut"),
    ("Fans rallied around the hashtag.", "Fans rallied around the hashtag #savetheclub.", "what the hashtag was"),
    ("Tests found a tumour and she had two years left.", "Tests found a tumour and she was told she had two years left.",
     "what was told"),
    ("Wade missed the Six Nations, is recovering from injury.",
     "Wade, who missed the Six Nations, is recovering from injury and was left out.", "relative pronoun who"),
    # seed 27: a list cut at a comma; the main verb cut after a kept relative clause; whose view it was; "the
    # fact" dropped; a time cut from what it counts from
    ("It will be worn by majors, commanders, deputy chiefs.",
     "It will be worn by majors, commanders, deputy chiefs, assistant chiefs and the chief.", "the last of a list cut"),
    ("The rope snaps and the basket, which carries three men.",
     "The rope snaps and the basket, which carries three men, falls to the ground.", "after a relative clause"),
    ("The captain is ready for the big stage.", "The captain feels the batsman is ready for the big stage.",
     "whose view"),
    ("The coach is upset by the striker appears to have no respect.",
     "The coach is upset by the fact the striker appears to have no respect.", "fact"),
    ("He went missing less than a week.", "He went missing less than a week after his wife died.", "a time cut"),
])
def test_cuts_of_the_seed_20_count_found(rewrite, source, why):
    assert any(why in p for p in unfaithful(rewrite, source))


# ... and these cuts, close to them, pass those rules
@pytest.mark.parametrize("rewrite, source", [
    ("The house they built was sold.", "The house which they built was sold."),  # an object's pronoun
    ("Lawmakers are voting on the bill.", "Lawmakers in those states are voting on the bill."),  # a noun
    ("The striker's move has been a success.", "The striker's move to Chelsea has been a success."),
    ("He returned from Turkey.", "He returned to Britain from Turkey."),
    ("Talks between the union and the operator stalled.", "Talks between the union and the operator stalled again."),
    ("The pair managed 13 laps between them.", "The pair managed 13 laps between them and were slow."),
    ("Anna Berg has spent a year in prison.", "Anna Berg, 38 has spent a year in prison."),  # an age
    ("He made his move to the club.", "He made his £28m move to the club."),
    ("She was arrested in the Bronx.", "She was arrested in the Bronx, New York, on Friday."),
    ("Ann Lee, 17, climbed over the fence.", "Ann Lee, 17, climbed over the fence at the zoo, and began to run."),
    ("The mayor was hiding the report.", "A driver insisted the mayor was hiding the report."),  # the speaker's own
    ("In the morning the drought was over.", "Early in the morning the drought was over."),
    ("The side won in the first half.", "The side won in the first half to go top."),
    ("The side reached the latter stages.", "The side reached the latter stages of the cup."),
    ("The mayor will resign.", "The mayor will resign, and believes the town will cope."),  # a clause, no claim
    ("He was joined by Lee and Cole.", "He was joined by Lee and Cole, back from knee and ankle injuries respectively."),
    ("he lost his last bout in november.", "he lost his last bout in november-his first defeat as a professional."),
    ("The town went to the polls.", "The town went to the polls on Friday."),
    ("Ann Lee, 67, spent two weeks adrift.", "Ann Lee, 67, spent two weeks adrift and lost a stone."),
    ("Ann Lee, 43, has cut her hair.", "Ann Lee, 43, has cut her hair, and fans approve."),
    ("Manning is serving a long sentence.", "Manning, who is serving a long sentence, has joined Twitter."),
    ("It has been 42 days since the last case.", "It has been 42 days since the last case, officials said."),
    ("He scored his first goal at the club.", "He scored his first goal at the club, the coach said."),
    ("His goal put the side ahead against Hull.", "His goal put the side ahead against Hull at the KC Stadium."),
    ("The side were beaten 6-3 by Leeds.", "The side were beaten 6-3 by Leeds on Saturday."),
    ("He was charged with theft.", "He was charged with theft, police said, and bailed until May."),
    ("The captain feels the side is ready.", "The captain feels the side is ready for the final."),
])
def test_safe_cuts_beside_the_seed_20_rules_pass(rewrite, source):
    assert not any(w in p for p in unfaithful(rewrite, source) for w in RULES_0100)


RULES_0100 = ("relative pronoun", "who said it", "negation", "a verb and its 'to'", "between what and what",
              "a conjunct", "a number", "a place inside", "apparently", "cut before the verb", "deletion: to",
              "participle made the verb", "said in a relative clause", "opening preposition",
              "relative clause's opening", "from his role", "claim's attribution", "first to do",
              "what was seen done", "the latter", "subordinator", "verb before 'to'", "respectively",
              "hyphenated word cut", "cut before the verb", "the last of a list cut", "a clause's subject",
              "qualifier (remaining)", "prepositions cut", "suspended sentence", "web address", "where it was put",
              "no subject", "what the hashtag was", "what was told", "after a relative clause", "whose view",
              "the fact", "a time cut")


def test_a_list_item_a_heading_or_a_teaser_is_no_takeaway():
    from summarizer.pipeline import _takeable

    assert not _takeable("a) being a world leader in jobs, schools and health.")  # an item of a list
    assert not _takeable("Centre-backs.")  # a heading
    assert not _takeable("For the mayor, watch, wait and...")  # a teaser that trails off
    assert not _takeable("that a regatta in the bay had been struck by a storm, leaving people in the water.")
    assert not _takeable("Exclusive: the last soldiers in the valley.")  # a label
    assert not _takeable("Ships and one navy ship in five separate operations, the.")  # a splitter's cut
    assert not _takeable("' the ground moved, and she sat up, ' said police sgt.")
    assert _takeable("The mayor said he would watch and wait before deciding what to do next...")


def test_united_is_no_verb():
    from summarizer.faithfulness import has_verb

    # "United" reads as a past form: a caption of team names is no sentence
    assert not has_verb("Leeds United and Hull City composite XI ahead of the derby.")
    assert has_verb("The two clubs united behind the appeal and raised £5,000.")


def test_a_fixture_list_is_no_takeaway():
    from summarizer.pipeline import _takeable

    # the verb guess reads "United" as a past form; a list of fixtures has no other verb
    assert not _takeable("Leeds United vs Hull City (3pm) Newcastle United vs Stoke City (5.30pm) league news.")
    assert _takeable("Leeds United beat Hull City 2-0 in the game v Stoke last season.")
    assert _takeable("Leeds United players train in the sunshine.")


def test_a_quoted_unit_keeps_a_title_and_ends_at_a_closing_quote():
    from summarizer.faithfulness import first_sentence

    # "Sen." and "Gov." end no sentence: the quote keeps the whole of it
    assert first_sentence("In reply to the banks, sen. ann lee offered a blunt answer: 'bring it on.'") == \
        "In reply to the banks, sen. ann lee offered a blunt answer: 'bring it on.'"
    # a full stop before a closing quote mark ends one, even after a short word
    assert first_sentence("He said: ' when the call comes, you do not say no. ' the favourite is a former captain.") \
        == "He said: ' when the call comes, you do not say no. '"
