"""`summarizer.cuts`: a rewrite passes only when each span it deletes is of a kind known to be safe."""

import pytest

from summarizer.cuts import holder_cut, unlisted_cuts
from summarizer.faithfulness import unfaithful

# (source, rewrite, the cut that is not listed): each cut here changes what the sentence says, and the rules
# of `faithfulness` pass the first three
UNLISTED = [
    ("Except for the goalkeeper, every player took a pay cut.", "Every player took a pay cut.",
     "opening [except for the goalkeeper ,]"),
    ("The minister refused to rule out a tax rise for families earning over 80,000 pounds.",
     "The minister refused to rule out a tax rise.", "closing [for families earning over 80,000 pounds]"),
    ("She thanked the nurses who had cared for her son.", "She thanked the nurses.",
     "closing [who had cared for her son]"),
    ("The council will close the library unless a buyer is found by March.", "The council will close the library.",
     "closing [unless a buyer is found by march]"),
    ("If the merger fails, 300 jobs will go.", "300 jobs will go.", "opening [if the merger fails ,]"),
    ("In Scotland, three in four homes use gas for heating.", "Three in four homes use gas.",
     "opening [in scotland ,]"),
    ("The coach said he would stay until the end of the season.", "The coach said he would stay.",
     "closing [until the end of the season]"),
    ("Life in the village will never be quiet while the quarry is open.", "Life in the village will never be quiet.",
     "closing [while the quarry is open]"),
    ("Tickets went to Leeds, Hull, York and Bath.", "Tickets went to Leeds, Hull.", "closing [, york and bath]"),
    ("The union asked the board to raise its offer.", "The union asked the board.", "closing [to raise its offer]"),
    ("The dog that bit the postman was put down.", "The dog was put down.", "[that bit the postman]"),
    ("Rescuers reached the climbers, and the storm cleared by noon.", "Rescuers reached the climbers, and.",
     "closing"),
    ("The singer insisted she had paid the tax.", "She had paid the tax.", "opening [the singer insisted]"),
    # from a hand count of this check (seed 29): a quotation cut short, a claim's speaker cut, a pronoun's
    ("The mayor said the plan would 'breathe new life and hope' into the town.", "The plan would 'breathe new life.",
     "closing inside a quotation"),
    ("A spokesman told reporters the firm had acted 'in good faith' throughout.",
     "The firm had acted 'in good faith' throughout.", "who said what the rewrite quotes (told)"),
    ("The coach says his players are the fittest in the division.", "His players are the fittest in the division.",
     "whom 'his' stands for"),
    # from seed 30: a list's last item after "and", a quotation left open, an aside kept alone
    ("The funeral was attended by close family and friends in Leeds on Friday.",
     "The funeral was attended by close family.",
     "closing [and friends in leeds on friday]"),
    ("She said she would go shopping 'because I have told a million people!' she told CNN.",
     "She said she would go shopping '", "closing inside a quotation"),
    ("In the last episode, the doctor -- the character played by Ann Lee -- died.", "The character played by Ann Lee.",
     "opening [in the last episode , the doctor - -]"),
    # from seed 31: a view whose holder is cut; no attribution opens with "to"
    ("But Ferguson says the 23-year-old is still some way off a first-team place.",
     "The 23-year-old is still some way off a first-team place.", "whose view it is (but ferguson says)"),
    ("To say the band murdered the song would be unkind.", "The band murdered the song would be unkind.",
     "opening [to say]"),
]

# (source, rewrite, whether the rewrite loses the holder of a view): `holder_cut`, which the default check uses too
HOLDERS = [
    ("The striker lacks class and should apologise, according to former captain Tom Reyes.",
     "The striker lacks class and should apologise.", True),
    ("Those responsible must face justice, said Ann Cole, whose son was hurt.", "Those responsible must face justice.",
     True),
    ("His lawyer has said officers used excessive force and could have killed him.",
     "Officers used excessive force and could have killed him.", True),
    # an institution reports it, the holder is kept, or it is a fact
    ("The road will stay closed for a month, police said.", "The road will stay closed for a month.", False),
    ("Manager Sam Ellis has said he hopes the club escape relegation.", "Sam Ellis hopes the club escape relegation.",
     False),
    ("Coach Dan Hale said the match was moved to Sunday.", "The match was moved to Sunday.", False),
    ("A scan revealed the right-back tore a ligament.", "The right-back tore a ligament.", False),
]

# (source, rewrite): every cut is of a listed kind
LISTED = [
    ("Smith, 45, of Leeds, was jailed for six years on Tuesday.", "Smith was jailed for six years."),
    ("Police said the driver, who was not hurt, had been arrested.", "The driver had been arrested."),
    ("The ferry ran aground on Sunday morning, the coastguard said.", "The ferry ran aground."),
    ("According to the report, 40 people died in the fire.", "40 people died in the fire."),
    ("However, the bridge reopened last week after repairs costing 2 million pounds.", "The bridge reopened."),
    ("Speaking on Monday, the mayor (pictured) promised new buses.", "The mayor promised new buses."),
    ("Shares rose 12 per cent, the highest since 2019, after the results.", "Shares rose 12 per cent."),
    ("The survey found 2,310 birds on the mudflats, up from 1,480 last year.",
     "The survey found 2,310 birds on the mudflats."),
    ("Fans were angry after the club sold its captain in January, which cost it the title.",
     "Fans were angry after the club sold its captain."),
    ("The school closed - the third in the county this year - because of falling numbers.", "The school closed."),
    ("The team won the cup. It was their first title.", "The team won the cup."),
    ("She said 'we will rebuild' on Friday.", "She said 'we will rebuild'"),
    ("The bail hearing ended and he was freed without charge.", "The bail hearing ended."),
    ("LONDON, England (CNN) -- The bank cut rates on Tuesday.", "The bank cut rates."),
    ("The keeper made a save in the striker's direction on Sunday.",
     "The keeper made a save in the striker's direction."),
]


@pytest.mark.parametrize("source, rewrite, cut", UNLISTED)
def test_a_cut_of_no_listed_kind_is_named(source, rewrite, cut):
    problems = unlisted_cuts(rewrite, source)
    assert problems and any(p.startswith("cut: " + cut) for p in problems), problems


@pytest.mark.parametrize("source, rewrite", LISTED)
def test_asides_attributions_times_and_free_openings_and_closings_are_listed(source, rewrite):
    assert unlisted_cuts(rewrite, source) == []


# (source, rewrite, the problem): what the default check adds to the rules (seed 32's hand count)
CHECKED = [
    ("Real Madrid, Manchester United, Juventus and PSG were all keen.", "Real Madrid, Juventus and PSG were all keen.",
     "an item of a list [, manchester united ,]"),
    ("Exhibits will be found at Circular Quay, The Rocks, Darling Harbour, Pyrmont and Martin Place.",
     "Exhibits will be found at Circular Quay.", "a list's last items"),
    ("Exhibits will be found at Circular Quay, The Rocks, Darling Harbour, Pyrmont and Martin Place.",
     "Exhibits will be found at Circular Quay, The Rocks, Darling Harbour and Martin Place.",
     "an item of a list [, pyrmont]"),
    # seed 38: the middle item of three, the first before the cut ("consortia in America[, China] and Australia")
    ("The chairman has taken calls from buyers in America, China and Australia.",
     "The chairman has taken calls from buyers in America and Australia.", "an item of a list [, china]"),
    ("the leader will insist he offers a \u2018 clear, credible and concrete plan on immigration \u2013 not false "
     "promises \u2019.", "The leader will insist he offers a \u2018 clear, credible and concrete plan on immigration.",
     "closing inside a quotation"),  # lowercased text writes its quote marks apart
    ("Those responsible must face justice, said Ann Cole, whose son was hurt.", "Those responsible must face justice.",
     "whose view it is"),
]


@pytest.mark.parametrize("source, rewrite, problem", CHECKED)
def test_the_default_check_refuses_a_list_cut_short_a_quotation_left_open_and_a_view_without_its_holder(
        source, rewrite, problem):
    from summarizer.cuts import checked_cuts
    from summarizer.pipeline import _supported

    assert unfaithful(rewrite, source) == []  # the rules alone pass each of them
    problems = checked_cuts(rewrite, source)
    assert any(p.startswith("cut: " + problem) for p in problems), problems
    assert _supported([rewrite], source, "")[0] == []


@pytest.mark.parametrize("sentence, speech", [
    ("I'm progressing with my rehab and hopefully I can get back soon.", True),
    ("For the fans to stick by me like that is a credit to them.", True),
    ("We had flown to Sicily from Rome after news of the sinking.", True),
    ("\"I'm progressing with my rehab,\" Tomkins told the club's website.", False),
    ("The message 'I'm sorry' was written across the sky above the city.", False),
    ("The US Open was moved to Monday after heavy rain in New York.", False),
])
def test_someones_words_without_who_says_them_are_no_takeaway(sentence, speech):
    """The largest kind of error in the seed 33 and 34 counts: a sentence of speech (or a column's "I") quoted
    or rewritten with no word of who speaks."""
    from summarizer.faithfulness import speaks_unattributed
    from summarizer.pipeline import _takeable

    assert speaks_unattributed(sentence) == speech
    assert _takeable(sentence) == (not speech)


def test_the_engine_quotes_no_ones_words_alone(tiny_model, monkeypatch):
    """A unit of several sentences whose first, the one a fallback quotes, is speech: the engine takes the next
    sentence instead (seed 34: "I'm progressing with my rehab ..." quoted as a takeaway)."""
    from summarizer.faithfulness import speaks_unattributed
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(tiny_model, device="cpu")
    article = "\n".join([
        "i'm progressing with my rehab and hopefully i can get back soon. ' we have winnable games, ' he said.",
        "the defender dislocated his shoulder in the gym last month and had surgery in march.",
        "the club said the player would miss at least six more weeks of the season.",
        "the team are ninth in the league, eight points off the european places.",
        "the manager has used 31 players this season because of injuries.",
        "the club will play its last home game of the season on may 16.",
        "season tickets for next year went on sale on monday at the club shop.",
        "the new stadium will hold 42,000 fans when it opens in two years.",
    ])  # lowercased, as CNN/DM is: the splitter leaves the speech and its speaker in one unit
    monkeypatch.setattr(engine, "_generate", lambda items, options, max_new_tokens: [["Nothing."] for _ in items])
    monkeypatch.setattr(engine, "support", None)
    draft, = engine.summarize([article], SummarizeOptions(num_beams=1))
    assert len(draft.takeaways) == 5 and all(draft.fallback)
    assert not any(speaks_unattributed(t) for t in draft.takeaways), draft.takeaways


def test_a_rewrite_that_keeps_only_someones_words_is_refused():
    from summarizer.cuts import checked_cuts

    source = "Ann Lee refused to comment. 'We've talked during the trial,' Hernandez said in an interview."
    assert any(p.startswith("cut: who says it") for p in checked_cuts("'We've talked during the trial'", source))
    assert unlisted_cuts("'We've talked during the trial'", source)


@pytest.mark.parametrize("source, rewrite", [
    ("Smith, 45, of Leeds, was jailed for six years on Tuesday.", "Smith was jailed for six years."),
    ("Her husband, Benji, is, no doubt, the most shocked of all.", "Her husband is, no doubt, the most shocked of all."),
    ("He was charged with possession of drugs, including cocaine and ecstasy.", "He was charged with possession of drugs."),
    ("The drivers ' standings show Hamilton ahead ' by a distance ', he said.", "The drivers ' standings show Hamilton ahead."),
    ("He said Mr Houli is a 'delightful man'.", "Mr Houli is a 'delightful man'."),
])
def test_the_default_check_passes_asides_examples_and_possessives(source, rewrite):
    from summarizer.cuts import checked_cuts

    assert checked_cuts(rewrite, source) == []


def test_a_quoted_view_keeps_its_holder():
    """The fallback quote drops a closing attribution of a fact, and keeps that of a view (seed 32)."""
    from summarizer.pipeline import _quote

    assert _quote("The bridge will stay closed until the end of the month, the council said.") == \
        "The bridge will stay closed until the end of the month."
    assert _quote("The striker would be ideally suited to the manager's job, according to former captain Tom Reyes.") \
        == "The striker would be ideally suited to the manager's job, according to former captain Tom Reyes."
    # a speaker that commas split is no attribution to drop: "the Bay County, Florida[, sheriff's office said]"
    sentence = "A third man was arrested over the attack filmed on the beach, the Bay County, Florida, sheriff's office said."
    assert _quote(sentence) == sentence


@pytest.mark.parametrize("source, rewrite, lost", HOLDERS)
def test_a_view_keeps_its_holder_in_both_modes(source, rewrite, lost):
    """The seed 31 count's opinions told as facts: the default check (`holder_cut`) refuses them as the listed
    check does; a fact, an institution's report or a view whose holder is kept passes."""
    from summarizer.pipeline import _supported

    assert bool(holder_cut(rewrite, source)) == lost
    assert any(p.startswith("cut: whose view") for p in unlisted_cuts(rewrite, source)) == lost
    assert _supported([rewrite], source, "")[0] == ([] if lost else [rewrite])


def test_the_listed_check_catches_cuts_the_rules_pass():
    """Why the list exists: the rules name cuts known to be wrong, and these three are not among them."""
    for source, rewrite, _ in UNLISTED[:3]:
        assert unfaithful(rewrite, source) == [] and unlisted_cuts(rewrite, source)


def test_the_engine_takes_the_first_beam_with_listed_cuts_only_when_asked(tiny_model, monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine, _supported

    engine = Engine(tiny_model, device="cpu")
    article = "\n".join([
        "The firm will cut 200 jobs at its plant in Derby next year, the union said.",
        "The minister refused to rule out a tax rise for families earning over 80,000 pounds.",
        "Every player at the club took a pay cut in the spring.",
        "Volunteers planted 3,000 trees along the river bank over the winter, a charity said.",
        "The bakery, which opened in 1952, sold its last loaf on Friday to a queue of regulars.",
        "The museum, closed since 2020, will reopen in May after a refit costing 9 million euros.",
    ])
    # beam 1 of each sentence cuts a phrase that says where, for whom or when it holds (the rules pass
    # it); beam 2 cuts only asides, times and attributions
    firsts = ["The firm will cut 200 jobs.", "The minister refused to rule out a tax rise.",
              "Every player took a pay cut in the spring.", "Volunteers planted 3,000 trees.",
              "The bakery sold its last loaf on Friday.", "The museum will reopen in May after a refit."]
    seconds = ["The firm will cut 200 jobs at its plant in Derby next year.",
               "The minister refused to rule out a tax rise for families earning over 80,000 pounds.",
               "Every player at the club took a pay cut.",
               "Volunteers planted 3,000 trees along the river bank.",
               "The bakery sold its last loaf on Friday to a queue of regulars.",
               "The museum, closed since 2020, will reopen in May."]
    sentences = article.split("\n")
    for i, source in enumerate(sentences):
        assert _supported([firsts[i], seconds[i]], source, "", first_only=True)[0] == [firsts[i]]
        assert _supported([firsts[i], seconds[i]], source, "", first_only=True, listed=True)[0] == [seconds[i]]

    def write(items, options, max_new_tokens):
        return [[firsts[idx[0]], seconds[idx[0]]] if len(idx) == 1 else [sents[idx[0]]] for _, sents, idx, _ in items]

    monkeypatch.setattr(engine, "_generate", write)
    monkeypatch.setattr(engine, "support", None)
    for cuts, beam in (("checked", firsts), ("listed", seconds)):
        draft, = engine.summarize([article], SummarizeOptions(num_beams=2, cuts=cuts))
        written = [(t, i) for t, (i,), quoted in zip(draft.takeaways, draft.takeaway_sources, draft.fallback)
                   if not quoted]
        assert written and all(t == beam[i] for t, i in written), (cuts, written)


def test_cuts_is_checked_by_the_options():
    from summarizer.options import SummarizeOptions

    with pytest.raises(ValueError, match="cuts must be one of listed, checked"):
        SummarizeOptions(cuts="all")


@pytest.mark.parametrize("sentence, caption", [
    ("Maria Olsen celebrates after scoring the winner against Rovers on Saturday.", True),
    ("Harbour FC defender Tom Reyes (left) vies for the ball with Dan Cole.", True),
    ("The mayor poses with pupils while out canvassing in Eastgate.", True),
    ("Father-of-three: Neil Bates, 47, has been jailed for the fraud.", True),
    ("Devastation: the old pier collapsed during the storm.", True),
    ("Maria Olsen scored the winner against Rovers on Saturday.", False),
    ("Scores of fans queued outside the stadium from dawn.", False),
    ("According to the council: the pier will reopen in May.", False),
    ("The striker, who celebrates his 30th birthday on Friday, has signed a new deal.", False),
    ("The mayor said he poses no threat to the council's plans.", False),
    ("The firm holds 40 per cent of the market in Wales.", False),
    ("Dr Patel heads the inquiry into the hospital's finances.", False),
    # seed 31: a passive, two people, a position in the photo
    ("Striker Lena Dahl is congratulated by her team-mates after the equaliser.", True),
    ("Tom Reyes and his coach Dan Cole look on during the second half at Harbour Park.", True),
    ("Harbour Town players celebrate winning the cup at Eastgate last season.", True),
    ("Keeper Sam Ortiz (right) palms away a shot from Dan Cole in the first half.", True),
    ("Councillor Amy Frost (left) faces a vote of no confidence next week.", False),
    ("Councillor Amy Frost is accused by the opposition of misleading voters.", False),
    ("The grandparents look after their grandson every Tuesday while his parents work.", False),
    ("Defendants and witnesses appear before the judge by video-chat.", False),
    # seed 33: a possessive is no auxiliary, and the word after it a noun
    ("Harbour manager Tom Reyes poses for pictures on Eastgate's famous centre court.", True),
    ("Saturday's events include the finals of the men's sprints and the time trial.", False),
    # seed 35: a phrase of a caption's, two people where the photo says where they stand, and the photo itself
    ("Winger Sam Ortiz breaks clear to score for Harbour in the win over Rovers.", True),
    ("Harbour captain Lena Dahl shares a joke with her team-mates in training on Friday.", True),
    ("Sam Ortiz raises his arms aloft after the final whistle at Harbour Park.", True),
    ("Eastgate warm up in front of their fans before the cup final.", True),
    ("The players will warm up on the back pitch before kick-off.", False),
    ("World No 2 Lena Dahl powers a forehand past her rival during their clash in Harbour Bay.", True),
    ("The couple attend a gala at the opera house on Sunday and Dahl in action against Rovers.", True),
    ("Dahl looks set to miss two weeks after an injury during the match on Sunday.", False),
    ("Three fans were arrested during the derby at Harbour Park.", False),
    ("The Dane gives the thumbs up as she shows off the trophy on the beach.", True),
    # seed 36: a captain leading his side off, a slide, a shot past the keeper, a caption that only names, a credit
    ("Harbour captain Tom Reyes leads his team off the pitch after the defeat.", True),
    ("Sam Ortiz slides on his knees after scoring the winner at Eastgate.", True),
    ("Harbour captain Lena Dahl shoots past the Rovers keeper to put her side ahead.", True),
    ("Murdered Harbour teacher Amy Frost and her husband Tom.", True),
    ("Coat, \u00a3120, harbourstore.com.", True),
    ("Prices, \u00a35 to \u00a310, are set by the council each spring.", False),
    ("Injured police officers were taken to hospital after the march.", False),
    ("Labour leads the polls in Wales for the first time since 2016.", False),
    # seed 37: a present action during a side's result, a proposal, a player spoken to
    ("A fan invades the pitch during Eastgate's 2-0 defeat by Rovers on Sunday.", True),
    ("Harbour defender Tom Reyes gets down on one knee to propose to his girlfriend.", True),
    ("Striker Sam Ortiz is spoken to by the referee after a heated exchange.", True),
    ("Three fans were arrested during Eastgate's 2-0 defeat by Rovers.", False),
    ("The pair attend a gala at the opera house and Dahl in action against Rovers. ' Being followed is not something "
     "we wanted, ' said Dahl.", True),  # a unit's first sentence
    ("The bank raises its interest rate to five per cent.", False),
    ("Eastgate centre Tom Reyes attempts an offload after a heavy tackle from Dan Cole.", True),
    ("The coach's wife Amy Frost (left) and her sister Jo take shelter under an umbrella at the track.", True),
    ("The couple shared this holiday picture on Instagram during their stay in Malta.", True),
    ("The old mill is clearly visible in this image of the valley taken from the hill.", True),
    # seed 38: a player walking off, a handshake, a shot played, a run to celebrate, a watcher, a throw
    ("Harbour opener Tom Reyes trudges off after being dismissed for 12 on the first morning.", True),
    ("The Rovers manager shakes hands with Dahl after the 2-0 win at Harbour Park.", True),
    ("Lena Dahl plays a shot in the second round of the open on Friday.", True),
    ("Sam Ortiz runs away to celebrate taking the wicket of Reyes for 4.", True),
    ("Dahl throws a ball to Reyes as the coach watches in the club's new video.", True),
    ("The suspended captain watches on from the stands at Harbour Park.", True),
    ("From lunges to push-ups, the pair perform a range of moves to music.", False),
    ("The world No 1 congratulates the amateur champion after chipping in at the 2nd hole.", True),
    # seed 39: fans venting, someone pictured doing something now (a photo of then is news)
    ("Harbour fans vent their anger at the owners before the cup game against Rovers.", True),
    ("Harbour coach Tom Reyes is pictured putting his side through their paces on Thursday.", True),
    ("Striker Sam Ortiz was pictured smoking a pipe with a team-mate earlier this season.", False),
    # seed 40: a coach scratching his head as the players leave, a ball controlled, a player crowded out, a caption's
    # label before "is pictured"
    ("Harbour coach Tom Reyes scratches his head as the players leave after the game is abandoned.", True),
    ("Harbour playmaker Lena Dahl controls the ball ahead of Eastgate's Jo Frost in the final.", True),
    ("Sam Ortiz is crowded out by Eastgate's Tom Reyes and Jo Frost.", True),
    ("Break-in: singer Amy Frost is pictured dancing on the steps of the town hall.", True),
    # seed 41: a horse pictured on its debut, a player getting past another; an aside "pictured" is news
    ("The mayor's horse Harbour Star (left) pictured making her debut in the spring stakes.", True),
    ("Sam Ortiz gets past Eastgate's Tom Reyes to set off on one of his runs.", True),
    ("Sam Ortiz, pictured celebrating a goal against Rovers, has picked his team of the season.", False),
    # seed 42: two players fighting it out where the photo marks them, a keeper's save, a keeper getting down well
    ("Sam Ortiz (left) and Tom Reyes (right) fight it out for the ball on the wing.", True),
    ("Harbour keeper Jo Frost makes a save from the spot as the cup holders progress.", True),
    ("Frost gets down well to deny Eastgate striker Tom Reyes from the spot.", True),
    ("The two parties fight it out for votes in the marginal seats.", False),
    ("The club makes a saving of two million pounds a year.", False),
    # seed 43: a striker holding off a challenge, a manager taking a training session
    ("Harbour striker Sam Ortiz holds off a challenge from Eastgate captain Tom Reyes at Harbour Park.", True),
    ("Harbour manager Lena Dahl takes a training session at the club's ground on Tuesday morning.", True),
    # a unit whose first sentence is a caption, its quotation after it ("... ' I rate him highly, ' said Dahl.")
    ("Dahl celebrates with her team-mates at Harbour Park. ' I rate this side highly, ' said Dahl, who was on the "
     "losing side in 2007.", True),
    ("Sam Ortiz breaks the club record for goals in a season.", False),
    ("The firm shares a lot of its data with partners abroad.", False),
    ("The council attempts to balance its budget every spring.", False),
    ("Police have released these images of the two men they want to trace.", False),
    ("The painter finished this picture in 1940, a year before the war reached the town.", False),
])
def test_a_photos_caption_is_no_takeaway(sentence, caption):
    """Page furniture (#9), and the most common error of the seed 29, 30 and 31 hand counts: a caption is in the
    present tense with no auxiliary (one person, or two, or a team; often with where they stand in the photo), or
    has a player congratulated, mobbed or tackled, or is a short label and a colon."""
    from summarizer.faithfulness import is_caption
    from summarizer.pipeline import _takeable

    assert is_caption(sentence) == caption
    assert _takeable(sentence) == (not caption)


@pytest.mark.parametrize("source, rewrite, problem", [
    # from the seed 35 hand count (sentences of our own, the same kinds): a condition dropped ...
    ("The club will sell its striker if the offer reaches 40 million pounds.", "The club will sell its striker.",
     "a condition"),
    ("Once released from hospital, patients are visited by a nurse every day.",
     "Patients are visited by a nurse every day.", "a condition"),
    ("Should the council approve the plan, the bridge will close for a year.", "The bridge will close for a year.",
     "a condition"),
    # ... the verb the next one hangs on, what a noun needs, what a count or a rank holds for ...
    ("The charity would help raise 2 million pounds for the hospital.",
     "The charity would raise 2 million pounds for the hospital.", "the verb the next one hangs on"),
    ("The council offered residents the chance to vote on the new park.", "The council offered residents the chance.",
     "what the noun needs"),
    ("The bakery sold 5,000 loaves in its last week of trading.", "The bakery sold 5,000 loaves.",
     "what the count holds for"),
    ("It was the side's third defeat in four matches.", "It was the side's third defeat.", "what the count holds for"),
    # ... a preposition whose object becomes the subject, what was said, and a quotation cut inside
    ("The rivalry between the two clubs has grown this season.", "The two clubs has grown this season.",
     "whose object the rest keeps"),
    ("In the video, shared by the mayor, firefighters carry a dog from the flat.",
     "The mayor, firefighters carry a dog from the flat.", "whose object the rest keeps"),
    ("The coach argued at the hearing that the ban was too long.", "The coach argued at the hearing.",
     "what was said"),
    ('The minister called the report "a fair but incomplete account" of the crisis.',
     'The minister called the report "a fair account" of the crisis.', "inside a quotation"),
    ("The side won promotion to Sky Bet League One on Tuesday.", "The side won promotion to Sky Bet One.",
     "inside a name"),
    # the same sample read again with these rules: a scope after "the third time", an object's "to" clause, a
    # report's condition before its "and", a "that" clause ten words after its verb
    ("She was player of the month for the third time against league opposition this year.",
     "She was player of the month for the third time this year.", "what the count holds for"),
    ("The guards stop the van and order the driver to leave the motorway.",
     "The guards stop the van and order the driver.", "what the verb needs"),
    ("The guards stop the van and order him to leave the motorway.", "The guards stop the van and order him.",
     "what the verb needs"),
    ("A study by the centre for housing and planning research concluded that once evicted, tenants rarely rent "
     "again.", "Tenants rarely rent again.", "a condition"),
    ("The farmer argued at his 2019 appeal against the planning decision that the barn was too old to save.",
     "The farmer argued at his 2019 appeal against the planning decision.", "what was said"),
    # a copula cut with what it says: "[is hopeful he] could be back", "the 30 years[ was 'manifestly]' excessive"
    ("The winger is hopeful he could be back for the cup final next month.",
     "The winger could be back for the cup final next month.", "a verb"),
    # seed 36, fresh: a speaker's label, a pronoun whose speaker is cut, a count since when, the head of a subject
    ("Jo Reyes, Harbour Times: \"The best film of the year, two hours of pure joy.\"",
     '"The best film of the year, two hours of pure joy."', "who says it"),
    ("The club's chairman, Tom Frost, said last week he expected the winger to stay for years.",
     "He expected the winger to stay for years.", "whom 'he' stands for"),
    ("Since selling their two best players in January, Rovers have won just once.", "Rovers have won just once.",
     "what the count holds for"),
    ("The Harbour manager had no complaints about the 2-1 defeat by Rovers.",
     "Harbour had no complaints about the 2-1 defeat by Rovers.", "the head of the subject"),
    ("Eastgate fans gave their team a hero's welcome after the 6-1 defeat.",
     "Eastgate gave their team a hero's welcome after the 6-1 defeat.", "the head of the subject"),
    ("She won the seat when her main rival, a local farmer, withdrew after a fall.",
     "She won the seat when her main rival.", "the verb of its last clause"),
    ("Harbour coach Tom Reyes says Sam Ortiz deserves a chance to prove himself at a stable club.",
     "Sam Ortiz deserves a chance to prove himself.", "whose view it is"),  # the club reports no view
    # seed 36 read again: what a negation denies, a measure a verb needs
    ("She was not content with simply winning the title at Harbour Park.",
     "She was not content with winning the title.", "what the negation denies"),
    ("Once the jury is chosen, the trial is expected to last between five and 8 days.",
     "Once the jury is chosen, the trial is expected to last.", "what the verb needs"),
    # seed 37: a word that changes what a number counts, a scope of "the same" year
    ("The mayor will get two extra weeks to form a council.", "The mayor will get two weeks to form a council.",
     "what the count holds for"),
    ("The winner of the spring race has never gone on to win the cup in the same year.",
     "The winner of the spring race has never gone on to win the cup.", "what the count holds for"),
    # seed 38: the subject after an opening phrase, the pronoun of a relative clause, a hyphenated word's head, a
    # count's relative clause, the main verb after a subject with a participle, a destination, how one lies
    ("Set some 600 miles off the coast, Harbour Island has long been a mix of cultures.",
     "Set some 600 miles off the coast has long been a mix of cultures.", "the subject"),
    ("Another quake -- the first of many tremors that have hit the town since May -- shook the house.",
     "The first of many tremors have hit the town since May.", "what makes a clause relative"),
    ("The result of Dahl, who won the 200m title on Friday, is all the more striking after her injury.",
     "The result of Dahl won the 200m title on Friday.", "what makes a clause relative"),
    ("Reyes says his ambitions are unlike the club's win-at-all-costs owner Tom Frost.",
     "Reyes says his ambitions are unlike the club's win.", "inside a hyphenated word"),
    ("The band is just one of many acts that are included on the festival's new line-up.",
     "The band is just one of many acts.", "what the count holds for"),
    ("Fans hoping to attend the open training session at Harbour Park on May 2 must buy tickets.",
     "Fans hoping to attend the open training session.", "the main verb"),
    ("What was once the main gate to the old city, built around 900 AD and left centuries later, stands before us.",
     "What was once the main gate to the old city, built around 900 AD.", "the main verb"),
    ("Now sold out in the shops, the boots have turned up on auction sites at twice the price.",
     "Now sold out in the shops.", "the main verb"),
    ("The 30-year-old was treated in hospital and days later transferred to jail where he faces ten charges.",
     "The 30-year-old was treated in hospital and days later transferred.", "where to"),
    ("The man was shot in the back as he lay face down on the ground.",
     "The man was shot in the back as he lay down on the ground.", "how"),
    ("The chairman has taken calls from buyers in America, China and Australia with some already visiting.",
     "The chairman has taken calls from buyers in America.", "a list's last items"),
    ("Harbour captain Tom Reyes, playing his 300th game, outshone Ortiz, scoring twice as the hosts won 3-0.",
     "Harbour captain Tom Reyes scoring twice as the hosts won 3-0.", "the main verb"),
    ("The three men are now facing up to 20 years in jail if convicted.",
     "Three men facing up to 20 years in jail if convicted.", "the main verb"),
    # seed 39: an adverb's word, a date's year, what a rumour says, a modal, what a bid is for, "the time" of what,
    # whom it holds for, a comparison, and someone's words without their quote marks
    ("Tom Reyes sits in a quiet cafe on a blindingly bright Harbour morning.",
     "Tom Reyes sits in a quiet cafe on a blindingly Harbour morning.", "what the adverb says of"),
    ("The mayor was born on June 9, 1931.", "The mayor was born on June 9.", "part of a date"),
    ("Dahl has rejected rumours that she does not get on with her coach at Harbour.", "Dahl has rejected rumours.",
     "what was said"),
    ("Reyes will face trial at Harbour Crown Court on May 4.", "Reyes face trial at Harbour Crown Court on May 4.",
     "a verb"),
    ("Residents can now park for free in the new car park on Sundays.",
     "Residents park for free in the new car park on Sundays.", "a verb"),
    ("Harbour dropped two points at bottom side Eastgate in their bid for promotion.",
     "Harbour dropped two points at bottom side Eastgate in their bid.", "what the noun needs"),
    ("She says the job was hard, but remembers the time after the flood being worst.",
     "She says the job was hard, but remembers the time.", "what the noun needs"),
    ("For one family, however, the road became a 10-mile walk to school.",
     "The road became a 10-mile walk to school.", "whom it holds for"),
    ("The colder weather is set to last until the middle of May.", "Weather is set to last until the middle of May.",
     "a comparison"),
    ("Speaking on Monday, Tom Reyes said: ' It's a real shock, he was one of the kindest men I've ever met. '",
     "Tom Reyes said he was one of the kindest men I've ever met.", "the quote marks of someone's words"),
    # seed 40: a limit, who claims it, whom "him" stands for after an attribution, an aside alone, what was said
    # without its verb
    ("By 2040, the council says, that will be one home in three.", "The council says, that will be one home in three.",
     "a limit"),
    ("Dahl will still be a Harbour player next season, insists coach Tom Reyes.",
     "Dahl will still be a Harbour player next season.", "whose claim it is"),
    ("Photographer Sam Ortiz said Harbour police pushed him as he covered the march.",
     "Police pushed him as he covered the march.", "whom 'him' stands for"),
    ("Reyes -- the Harbour reserve officer charged over the death of a driver -- told reporters he was sorry.",
     "The Harbour reserve officer charged over the death of a driver.", "all but an aside"),
    ("A Harbour official says police have arrested two men suspected of the attack.",
     "A Harbour official says two men suspected of the attack.", "the verb of what was said"),
    # seed 41: what "turned out" needs, the head after an aside in brackets, a head cut after a dash, a closing
    # "once" clause without its verb, "put up[ for sale]", what a comparison is with, a subject "that", a unit's
    # main clause after a "when" clause or a relative clause
    ("The noise came from a man and he turned out to be a cleaner from the airport.",
     "The noise came from a man and he turned out.", "what the verb needs"),
    ("One lane is split by deep, half-metre (1.5 feet) cracks.", "One lane is split by deep, half-metre.",
     "the head of the phrase"),
    ("The coach kept faith with the winger-belief he repaid in style at Harbour Park.",
     "The coach kept faith with the winger he repaid in style.", "the head of the phrase"),
    ("Dahl says she will retire once her contract with Harbour comes to an end.",
     "Dahl says she will retire once her contract.", "the verb of its last clause"),
    ("The founder put his harbour home up for auction after buying a $9 million house.",
     "The founder put his harbour home up.", "what the verb needs"),
    ("Women tend to be more committed to their studies outside sport than men, the study says.",
     "Women tend to be more committed to their studies.", "what it is compared with"),
    ("By 2040, the council says, that will be one home in three.",
     "By 2040, the council says will be one home in three.", "the subject"),
    ("A few days after the pair were reunited, the rebels freed 200 captives.",
     "A few days after the pair were reunited.", "the main verb"),
    ("Amy Frost, who lives in Harbour and runs the food bank, lives an unusual life.",
     "Amy Frost, who lives in Harbour and runs the food bank.", "the main verb"),
    ("When a former team-mate tells the court about the night of the fight, Reyes appears to stare at him.",
     "Reyes appears to stare at him.", "whom 'him' stands for"),
    # a unit the splitter fused: the rewrite keeps only its caption
    ("I have never played better in my life. ' Lena Dahl shares a joke with her coach at the Harbour ground.",
     "Lena Dahl shares a joke with her coach.", "all but a caption"),
])
def test_the_default_check_refuses_cuts_that_change_what_the_rest_says(source, rewrite, problem):
    from summarizer.cuts import checked_cuts

    problems = checked_cuts(rewrite, source)
    assert any(p.startswith("cut: " + problem) for p in problems), problems


@pytest.mark.parametrize("source, rewrite, problem", [
    ("The shop will stay open on Sundays, even if sales fall.", "The shop will stay open on Sundays.", "a condition"),
    ("The mayor once lived in the old mill by the river.", "The mayor lived in the old mill by the river.",
     "a condition"),
    ("The ship delivered tons of grain to the port.", "The ship delivered grain to the port.",
     "whose object the rest keeps"),
    ("He completed a move to Leeds in the summer.", "He completed a move in the summer.", "what the noun needs"),
    ("Leeds fell to a 4-1 loss against Hull in their last match.", "Leeds fell to a 4-1 loss.",
     "what the count holds for"),
    ("The report found tactical failings that cost the club the title.", "The report found tactical failings.",
     "what was said"),
    ("Newcastle United fans staged a protest outside the ground.", "Newcastle fans staged a protest.",
     "inside a name"),
    ("The striker is again set to miss the derby with a knee injury.", "The striker set to miss the derby.",
     "a verb"),
    ("The bridge has reopened after a two-year refit.", "The bridge reopened after a two-year refit.", "a verb"),
    ("Swamped: the town was hit by two inches of rain in an hour.", "The town was hit by two inches of rain.",
     "who says it"),  # a caption's label, no speaker
    ("He says that he will invite 500 guests to the opening.", "He will invite 500 guests to the opening.",
     "stands for"),
    ("The 20-year-old midfielder struck from outside the box in the 49th minute.",
     "The 20-year-old struck from outside the box.", "the head of the subject"),
    # seed 38's checks leave an apposition, a relative clause the rewrite keeps as its sentence, a list of -ing
    # clauses, a fraction's hyphens and a verb of its own in the present tense
    ("The winner of the spring prize, Amy Frost, has made a living photographing islands.",
     "The winner of the spring prize has made a living photographing islands.", "the subject"),
    ("Dahl, who won the 200m title on Friday, trains at Harbour Park.", "Dahl won the 200m title on Friday.",
     "what makes a clause relative"),
    ("He has rejected a new £50,000-a-week deal with Harbour.", "He has rejected a new £50,000-a-week deal.",
     "inside a hyphenated word"),
    ("The striker has made a fine start in America, scoring twice and helping his side to third place.",
     "The striker has made a fine start in America.", "a list's last items"),
    ("The champions require three goals in the return leg having lost 3-1 at home.",
     "The champions require three goals in the return leg.", "the main verb"),
    ("Ed Miller plans to scrap the tax for most first-time buyers, curbing rent rises.",
     "Ed Miller plans to scrap the tax for most first-time buyers.", "the main verb"),
    # seed 39's checks leave an adjective in -ly, a year with no day before it, a noun whose clause is the
    # sentence's, "will" before a verb in -ed, a year's time, "his younger brother", quoted words kept in marks
    ("Reyes scored in the costly 2014 defeat at Harbour Park.", "Reyes scored in the costly defeat.",
     "what the adverb says of"),
    ("The mayor was born in Harbour in 1931.", "The mayor was born in Harbour.", "part of a date"),
    ("Dahl was nominated for player of the year after a standout season.", "Dahl was nominated for player of the year.",
     "what the noun needs"),
    ("Reyes and his younger brother Sam were banned for two years.", "Reyes and his brother Sam were banned.",
     "a comparison"),
    ("Tom Reyes said: ' I was the kindest man I've ever met. '", "Tom Reyes said: ' I was the kindest man. '",
     "the quote marks of someone's words"),
    # seed 40's checks leave a verb "claim" of no claim, and a report that is the subject
    ("She will be a contender to claim the award next month, and won gold in May.",
     "She will be a contender to claim the award next month.", "whose claim it is"),
    ("Reports have linked Dahl with a move to Harbour and Eastgate.", "Reports linked Dahl with a move to Harbour.",
     "the verb of what was said"),
    # seed 41's checks leave "more than" with its number, "once" as an adverb, a "when" clause before its main one,
    # a warm-up for a match
    ("Apple sold more than 61 million phones, more than two-thirds of its sales.",
     "Apple sold more than 61 million phones.", "what it is compared with"),
    ("Harbour have won only once in 11 games, a 1-0 win over Rovers.", "Harbour have won only once in 11 games.",
     "the verb of its last clause"),
    ("Half an hour after the first quake, a second one hit, followed by smaller ones.",
     "Half an hour after the first quake, a second one hit.", "the main verb"),
    ("Reyes failed twice with the bat in the warm-up for the first test.", "Reyes failed twice in the warm-up.",
     "what the verb needs"),
    ("People living near the old mill who know its history disagree with the plan.",
     "People living near the old mill who know its history disagree.", "the main verb"),
    ("Reyes ' never once ' told the coach, Tom Frost, that he wants to leave Harbour.",
     "Reyes ' never once ' told the coach that he wants to leave Harbour.", "the main verb"),
    ("After the final whistle at Harbour Park, Reyes said the fans had always backed him.",
     "Reyes said the fans had always backed him.", "whom 'him' stands for"),
])
def test_the_new_checks_leave_what_does_not_change_the_meaning(source, rewrite, problem):
    from summarizer.cuts import checked_cuts

    problems = checked_cuts(rewrite, source)
    assert not any(p.startswith("cut: " + problem) for p in problems), problems


@pytest.mark.parametrize("unit, words", [
    # the end of a quotation that opened before the unit (seed 35): a curly mark after it, or a straight one with an
    # odd number following and a sentence that speaks for someone
    ("It should never have come to this. \u2019 The club was cleared to play in the final by the panel.", True),
    ("To walk away from that much money in our game is mad but he is one of the best. ' Dahl shares a joke in "
     "training on Friday.", True),
    ("I'm feeling stronger every week. The club expects him back in May.", True),  # speaks_unattributed
    # a straight mark that opens a quotation running on into the next unit, a closed one, none
    ("The outfits have been criticised as they do not represent the US flag. ' Not every team pays homage", False),
    ("The club won the cup in 2010. ' We were the best side, ' he said.", False),
    ("The club won the cup in 2010. The coach left in May.", False),
])
def test_the_end_of_someones_words_is_no_quote(unit, words):
    from summarizer.pipeline import _quote, _someones_words

    assert _someones_words(_quote(unit), unit) is words


@pytest.mark.parametrize("sentence", [
    "Here's what the critics are saying:.",  # a lead-in (seed 36)
    "But just ten seconds after the guard told the police that...",  # a teaser that trails off (seed 37)
    "His fight. ' Dahl and Reyes will meet in the final at Harbour Park this week but in contrasting form.",
    # seed 37 and 38: a link's label, a table's line, a link's invitation
    "Our reporter Amy Frost's Pacific islands series: fishermen who lost their homes to the sea.",
    "related: the council's printer recalls 7,000 parking permits after an error.",
    "Sam Ortiz (Harbour) wanted by: Rovers, Eastgate valued at: £12m.",
    "Our reporter broke the story of the stadium sale on Monday-click here to read the full article.",
    # seed 40: someone's words opened with their speaker in a later unit, a rating line run into the text, a
    # preview's invitation
    "\"Harbour is ready for a woman mayor.",
    "Sam Ortiz 5 - Struggles to score against Eastgate and was taken off in the second half.",
    "Sam Ortiz 8.5 (Harbour vs Eastgate) Ortiz's 11 goals this season have kept his side up.",
    "Get ready for the Harbour marathon, the highlight of the year, with our must-watch preview from the start line.",
])
def test_a_lead_in_and_a_quotations_last_words_are_no_takeaway(sentence):
    from summarizer.pipeline import _takeable

    assert not _takeable(sentence)
    assert _takeable("He said the season was over. ' We will fight on, ' he added.")


def test_a_fallback_that_is_a_question_is_not_taken(tiny_model, monkeypatch):
    """Seed 37 (listed mode): "People have asked ' what's my favourite goal?" was quoted as a takeaway."""
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(tiny_model, device="cpu")
    article = "\n".join([
        "people have asked ' what's my favourite goal? ' i always say ' the next one '. ' dahl scored twice against "
        "rovers in the cup last season.",
        "Harbour won the league title by four points in May.",
        "The club sold 20,000 season tickets before the summer.",
        "The coach signed a new three-year contract on Friday.",
        "A new stand for 5,000 fans will open next spring.",
        "The captain has played 300 games for the club since 2015.",
    ])
    monkeypatch.setattr(engine, "_generate", lambda items, options, max_new_tokens: [[] for _ in items])
    monkeypatch.setattr(engine, "support", None)
    draft, = engine.summarize([article], SummarizeOptions(num_beams=2, cuts="listed"))
    assert not any(t.rstrip().endswith("?") for t in draft.takeaways), draft.takeaways


def test_a_rewrite_leaves_out_where_someone_stands_in_a_photo():
    """Seed 38: "The Portuguese forward is catching Raul's (l) club record." kept the photo's mark."""
    from summarizer.pipeline import _supported

    source = "the forward is catching dahl's (l) club record and is just four goals shy of reyes (r)."
    assert _supported(["the forward is catching dahl's (l) club record."], source, "")[0] == [
        "The forward is catching dahl's club record."]


def test_the_listed_check_refuses_a_list_cut_short_before_the_sentence_goes_on():
    """Seed 38 (listed mode): "... from consortia in America[, China and Australia with some parties ...]"."""
    from summarizer.cuts import unlisted_cuts

    source = "The chairman has taken calls from buyers in America, China and Australia with some already visiting."
    problems = unlisted_cuts("The chairman has taken calls from buyers in America.", source)
    assert any(p.startswith("cut: a list's last items") for p in problems), problems


# The shapes of the errors 0.15.0 read, in this project's own sentences: among the rewrites a deletion-weighted
# rewriter wrote where the shipped one quotes (the first seven), and in the fresh hand count of seed 42
SHAPES_0150 = [
    ("Since beating Dundee in the 1998 final, the club have won it a further four times.",
     "Since beating Dundee in the 1998 final, the club have won it four times.", "what the count adds to"),
    ("The club's former treasurer was arrested for alleged involvement in money laundering.",
     "The club's former treasurer was arrested for alleged involvement.", "what the noun needs"),
    ("Hilarious online reviews show how the town's famous bridge has been slammed as 'just a bridge'.",
     "Online reviews how the town's famous bridge has been slammed.", "a verb"),
    ("The visitors kicked off while the home side were oblivious to what was going on.",
     "The visitors kicked off while the home side were oblivious to what was going.", "what the verb needs"),
    ("The defender made a weak challenge and allowed Alex Oxlade-Chamberlain to set up the first goal.",
     "The defender made a weak challenge and allowed Alex Oxlade-Chamberlain.", "what the verb needs"),
    ("Three boys, two 15-year-olds and a 14-year-old, were sentenced to probation.",
     "Three boys, two 15-year-olds and a 14-year old, were sentenced to probation.", "inside a hyphenated word"),
    ("First came the $40,000 in office expenses \u2013 later repaid after much public embarrassment \u2013 that the "
     "mayor spent redecorating his office.",
     "First came the $40,000 in office expenses after much public embarrassment.", "part of an aside"),
    ("Tom Hale, 31, was killed in the crash near the bridge, and his brother Sam Hale, 28, was taken to hospital.",
     "Tom Hale, 31, was taken to hospital.", "one clause's subject with another's verb"),
    ("A Welsh nurse jailed in a row over a hospital contract has been freed after spending two years in prison.",
     "Nurse jailed in a row over a hospital contract after spending two years in prison.", "the main verb"),
    ("His latest injury, suffered against Leeds, meant he missed the cup final.",
     "His latest injury suffered against Leeds.", "the main verb"),
    ("The hosts are bottom of the table but are only two points from safety after the draw on Monday.",
     "The hosts are bottom of the table but are only two points.", "what the count holds for"),
    ("The champion was two over after the first round but four birdies in his second, including two on the front "
     "nine, saw him card a 69.",
     "The champion was two over after the first round but four birdies in his second.", "the verb of its last clause"),
    ("The striker is on loan at Derby but Leeds and Hull are interested in the forward.",
     "The striker is on loan at Derby but Leeds.", "the verb of its last clause"),
    # seed 43
    ("The manager remains confident that the striker will stay at the club.",
     "The manager confident that the striker will stay at the club.", "a verb"),
    ("A man has been arrested on suspicion of beating his neighbour to death in the town.",
     "A man has been arrested on suspicion of beating his neighbour.", "what the verb did"),
    ("The winger has not played since his country's 2-0 win over Wales in October.",
     "The winger has not played since his 2-0 win over Wales.", "whose"),
    ("The town, like many coastal towns, rations parking permits in the summer.",
     "The town, many coastal towns, rations parking permits in the summer.", "a comparison"),
    ("The boy was declared dead after his family drove him to the county hospital.",
     "The boy was declared dead after his family drove him.", "where to"),
    ("Sam Hale has come a long way since the coach plucked him from a park team.",
     "The coach plucked him from a park team.", "whom a pronoun stands for"),
    ("The comic made light of the gaps in police treatment of men and women with a mock guide.",
     "The comic made light of the gaps in police treatment of men.", "a list's last item"),
]


# The shapes of the errors in 0.16.0's fresh hand counts (seeds 44 to 47), in this project's own sentences
SHAPES_0160 = [
    ("Jane Roe, the last woman to beat the champion in a final, now runs a bakery in her home town.",
     "Jane Roe, the last woman to beat the champion in a final.", "the main verb"),
    ("She would be the first governor to become senator since John Doe.",
     "She would be the first governor to become senator.", "what the count holds for"),
    ("The mare carried the heaviest weight to victory since Red Rum won in 1974.",
     "The mare carried the heaviest weight to victory.", "what the count holds for"),
    ("The striker pointed the finger of blame squarely at the referee after the defeat.",
     "The striker pointed the finger of blame squarely.", "what the adverb says of"),
    ("The new chairman will have to convince the league that he is fit to run the club.",
     "The new chairman will have to convince the league.", "what the verb needs"),
    ("City vs United is the tie of the round.", "City is the tie of the round.", "the other side"),
    ("Smith, whose 40th birthday falls on the final day, said he would play.",
     "Smith, 40th birthday falls on the final day.", "what makes a clause relative"),
    ("A professor has warned the country is heading for a recession this year.",
     "The country is heading for a recession this year.", "whose claim it is"),
    ("The coach insists his side will survive the drop.", "His side will survive the drop.", "whose claim it is"),
    ("She said the noise made her walk to the office each morning an ordeal.",
     "She said the noise made her walk to the office.", "what the verb made of it"),
    ("Jane Roe, the last woman to beat the champion in a final, now runs a bakery in her home town.",
     "Last woman to beat the champion in a final.", "the main verb"),
    # seed 45
    ("The storm changed the lives of farmers, fishermen and those who came to help them.",
     "The storm changed the lives of farmers, fishermen.", "a list's last item"),
    ("The manager will not let the cup be an excuse for what could be the club's worst season in ten years.",
     "The manager will not let the cup be an excuse for what could be the club's worst season.",
     "what the superlative holds for"),
    ("The new café is swapping white bread for sourdough on Mondays.", "The new café is swapping white bread.",
     "what the verb needs"),
    ("Three clubs are vying with Rovers for the teenage defender.", "Three clubs are vying with Rovers.",
     "what the verb needs"),
    ("The substitute put his side 3-0 ahead moments after coming on.", "The substitute put his side 3-0.",
     "what the score means"),
    ("County had won their last four games against the Rovers before losing at home in May.",
     "County won their last four games against the Rovers.", "what came after"),
    ("County goalkeeper Sam Hale also revealed the words of the message before the match.",
     "County also revealed the words of the message before the match.", "the head of the subject"),
    ("The chef says he loves his snacks, swapping fruit for sweets and cola on Fridays.",
     "The chef says he loves fruit for sweets and cola.", "a verb"),
    # seed 46
    ("She was struck as she walked a short way from home to the bus stop.",
     "She was struck as she walked a short way from bus stop.", "a range"),
    ("Outside of the secure wing, prisoners with jobs earn 30 pence an hour.",
     "Prisoners with jobs earn 30 pence an hour.", "whom an opening limits it to"),
    ("Adamant the last games should be played at the same time, both clubs have complained to the league.",
     "The last games should be played at the same time.", "whose view it is"),
    ("The coach will be reintroduced to his old club in the semi-finals.",
     "The coach will be reintroduced in the semi-finals.", "what the verb needs"),
    # seed 47
    ("The captain is not worried about his failure to score a century since May 2013.",
     "The captain is not worried about his failure to score a century.", "what the count holds for"),
    ("Mired in a losing run after last week's defeat at home to Leeds, the club are in 11th place.",
     "Mired in a losing run after last week's defeat.", "the main verb"),
    ("The manager will try to persuade the player and his club to extend the loan next season.",
     "The manager will try to persuade the player and his club.", "what the verb needs"),
    ("The guard scored 11 first-quarter points as his side built a 15-point lead.",
     "The guard scored 11 first-point lead.", "a word the sentence lacks"),
]


@pytest.mark.parametrize("source, rewrite, kind", SHAPES_0150 + SHAPES_0160)
def test_cuts_that_change_what_a_count_a_noun_or_a_verb_says_or_join_clauses(source, rewrite, kind):
    from summarizer.cuts import checked_cuts, unlisted_cuts

    for check in (checked_cuts, unlisted_cuts):
        problems = check(rewrite, source)
        assert any(p.startswith("cut: " + kind) for p in problems), (check.__name__, problems)


@pytest.mark.parametrize("source, rewrite", [
    ("First came the $40,000 in office expenses \u2013 later repaid after much public embarrassment \u2013 that the "
     "mayor spent redecorating his office.", "First came the $40,000 in office expenses that the mayor spent."),
    ("Matt Phillips-has shone in recent weeks for the club.", "Matt Phillips has shone in recent weeks."),
    ("The 14-year-old was sentenced to probation on Monday.", "The 14-year-old was sentenced to probation."),
    ("The club's former treasurer took part in the race in May.", "The club's former treasurer took part."),
])
def test_whole_asides_whole_words_and_a_dash_that_lost_its_spaces_may_be_cut(source, rewrite):
    from summarizer.cuts import checked_cuts

    assert not [p for p in checked_cuts(rewrite, source) if "hyphenated" in p or "aside" in p or "needs" in p]


@pytest.mark.parametrize("source, rewrite", [
    ("Sam Hale, who was injured in the crash and treated at the scene, was taken to hospital.",
     "Sam Hale was taken to hospital."),
    ("The former mayor appeared in court on Monday after he was charged with fraud.",
     "The former mayor appeared in court on Monday."),
    ("Two troopers searched the bus, finding drugs that had been hidden under a seat.", "Two troopers searched the bus."),
    ("The coach said the hosts might have taken all three points from the match, his side said.",
     "The coach said the hosts might have taken all three points."),
    ("The man was first told he would be deported seven years after he arrived.", "The man was first told he would be deported."),
    ("The keeper won his 100th cap at the age of 37 and proved as sharp as ever.", "The keeper won his 100th cap at the age of 37."),
    ("The keeper had epilepsy from the age of 11 and over the years it cost him his sight.",
     "The keeper had epilepsy from the age of 11."),
])
def test_a_relative_clause_a_verb_with_its_object_or_a_closing_phrase_may_be_cut(source, rewrite):
    from summarizer.cuts import checked_cuts

    problems = checked_cuts(rewrite, source)
    assert not [p for p in problems if "main verb" in p or "another's verb" in p or "last clause" in p
                or "pronoun" in p or "last item" in p], problems


@pytest.mark.parametrize("source, rewrite", [
    ("The forward has scored 102 goals for the club since joining in July 2012.",
     "The forward has scored 102 goals for the club."),
    ("Three of the men have since been released, police said.", "Three of the men have been released."),
    ("The club have considered the winger as they draw up a list of signings.", "The club have considered the winger."),
    ("The side extended their winning run to 32 straight, dating back to 1997.",
     "The side extended their winning run to 32 straight."),
    ("Police said the man, who was known to them, was arrested on Monday.", "The man was arrested on Monday."),
    ("Jane Roe, the mother of two, was arrested on Monday.", "Jane Roe was arrested on Monday."),
])
def test_a_count_a_plain_since_an_object_or_a_report_may_still_be_cut(source, rewrite):
    from summarizer.cuts import checked_cuts

    problems = checked_cuts(rewrite, source)
    assert not [p for p in problems if any(k in p for k in ("count holds", "made of it", "adverb says", "claim",
                                                             "main verb"))], problems


@pytest.mark.parametrize("sentence, takeable", [
    ("Fans Clash aired on Channel Five and featured a dozen players living in a camp.", True),
    ("aired on Channel Five and featured a dozen players living in a camp in the hills.", False),
    ("Based in Leeds, the firm supplied parts and employed 40 people.", True),
    ("Jo Smith (left) has suggested the scheme failed, while her rival Tom Jones (right) disagrees.", False),
    ("Jo Smith (pictured) has suggested the scheme failed in its first year.", True),
    ("Smith heads the ball, which is cleared off the line by the defender on Sunday.", False),
    ("The council heads the list of bodies that will be audited this year.", True),
    ("the old order has started to break down ', the weekly paper reports. ' we live in calm times.", False),
    ("the players ' union said the deal was off after the vote on Monday.", True),
    ("The substitute heads Rovers 3-0 ahead moments after coming on in the second half.", False),
    ("The substitute put Rovers 3-0 ahead moments after coming on in the second half.", True),
    ("Fit for a king-the huge house serves as the set of the hit show.", False),
    ("Jo Smith-the last woman to beat the champion-was set to play on Thursday night.", True),
    ("The referee points to the spot as the hosts are given a penalty in the last minute.", False),
    ("Here, our reporter gives his player ratings from the match at the Den.", False),
    ("Our reporter rated the players' performances at the Den.", False),
    ("The striker is the stand-out in the game's player ratings with 6.1 points.", True),
    ("Could do nothing to stop the winner but did well to deny the striker in the first half.", False),
    ("Could the club have done more to keep him?", False),
    ("The defender scrambles to recover the loose ball after slipping on the wet turf.", False),
    ("The defender is shown a deserved yellow card after his late tackle on Sunday.", False),
    ("The footage is shown to the jury on Monday as the trial enters its second week.", True),
    ("The home squad run towards the keeper after his winning save in the shoot-out.", False),
    ("The champion throws his sweatband into the crowd after his win in Florida.", False),
    ("The champion pumps his fist after reaching the semi-finals in Miami.", False),
    ("The station pumps water from the river into the reservoir every night.", True),
    ("Sam Hale \u2013 captain led by example and scored a fine volley to seal the win \u2013 7.", False),
    ("The hosts won the game 3 - 1 and the visitors finished with 10 men after a red card in the 7th minute.", True),
])
def test_a_unit_without_a_subject_and_photo_captions_are_not_takeable(sentence, takeable):
    from summarizer.pipeline import _takeable

    assert _takeable(sentence) == takeable


def test_a_list_of_three_that_keeps_only_its_first_item_is_refused_in_both_modes():
    from summarizer.cuts import checked_cuts, unlisted_cuts

    source = "The show ran until 1990 and spawned films, a cartoon series and board games."
    rewrite = "The show ran until 1990 and spawned films."
    assert any(p.startswith("cut: a list's last items") for p in checked_cuts(rewrite, source))
    assert unlisted_cuts(rewrite, source)
    # a phrase with two parts after a comma is no list: "[, for not meeting ... and ...]"
    assert not checked_cuts("She was sent home from the school in Leeds.",
                            "She was sent home from the school in Leeds, for missing lessons and tests.")


@pytest.mark.parametrize("source, rewrite", [
    ("The striker has not scored since the 2-0 defeat at home in January.", "The striker has not scored."),
    ("The world no 1 has been top of the rankings since August.", "The world no 1 has been top of the rankings."),
    ("The firm is based in Santa Ana, a town south of the city.", "The firm is based in Santa Ana."),
    ("The bath is cooled to -175 degrees using liquid nitrogen.", "The bath is cooled to-175 degrees."),
])
def test_a_since_after_a_denial_is_kept_and_a_hyphen_only_between_words_the_sentence_has(source, rewrite):
    from summarizer.cuts import checked_cuts

    problems = checked_cuts(rewrite, source)
    denies = "not scored" in rewrite
    assert any("count holds" in p for p in problems) == denies, problems
    assert not [p for p in problems if "lacks" in p], problems
