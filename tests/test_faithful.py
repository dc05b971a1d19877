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
    }
    source = next(v for k, v in sources.items() if k in rewrite)
    assert problem in unfaithful(rewrite, source)


@pytest.mark.parametrize("rewrite, source", [
    ("Profit fell to £14m, from £32m a year earlier.", PROFIT),
    ("It denied misleading investors.", "The company denied that it had misled investors."),
    ("Shares rose 2.4 percent.", "Shares closed up 2.4 per cent at £37.08 on Friday."),
    ("She won 6-3, 6-4.", "Serena Park won 6-3, 6-4 in the final on Sunday."),
    ("France kept its rate, unlike Germany.", "Unlike Germany, which cut its rate, France kept its rate."),
    ("The tide created new marsh where worms now thrive.", "The tide created new marsh where worms now thrive."),
    ("It made marsh where worms thrive.", "It made marsh where worms thrive, the trust said on Monday."),
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
        return ["officials said the project will cost about 41 million dollars." for _ in items]

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
    assert unfaithful("Analysts denied it.", "The company denied it.", "Analysts say the company lied.") == \
        ["subject Analysts"]
    assert "subject Jenson" in unfaithful("Jenson Button had a battle.", "I even had a battle.",
                                          "Jenson Button said so.")
