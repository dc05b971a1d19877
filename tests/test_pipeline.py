import pytest

from summarizer.options import SummarizeOptions
from summarizer.pipeline import Engine, ModelNotFoundError, realize

ARTICLE = (
    "The city council of Northbridge voted 7-2 on Tuesday to close the Elm Street bridge for repairs.\n"
    "Engineers found cracks in two of the bridge's steel beams during an inspection in March.\n"
    "Repairs will cost $4.2 million and take about eight months, said mayor Ana Ruiz.\n"
    "Buses will be rerouted through Main Street while the bridge is closed.\n"
    "Local shop owners said they feared losing customers during the closure.\n"
    "The bridge, built in 1958, carries about 12,000 cars a day.\n"
    "A public meeting on the detours is planned for next week."
)


@pytest.fixture(scope="module")
def engine(tiny_model):
    return Engine(tiny_model, device="cpu")


def test_five_takeaways_with_valid_sources(engine):
    (draft,) = engine.summarize([ARTICLE])
    assert len(draft.takeaways) == 5
    assert all(t.strip() for t in draft.takeaways)
    assert len(draft.sentences) == 7
    assert all(len(s) == 1 and 0 <= s[0] < len(draft.sentences) for s in draft.takeaway_sources)
    assert len({s[0] for s in draft.takeaway_sources}) == 5  # five different sentences
    assert [s[0] for s in draft.takeaway_sources] == sorted(s[0] for s in draft.takeaway_sources)
    assert len(draft.fallback) == 5 and all(isinstance(f, bool) for f in draft.fallback)
    assert draft.abstract.strip() and not draft.truncated


def test_batch_equals_one_at_a_time(engine):
    other = "Rain fell all day in Leeds. Trains were delayed by an hour. Schools stayed open. Police closed one road. Shops shut early."
    together = engine.summarize([ARTICLE, other], SummarizeOptions(batch_size=2))
    alone = [engine.summarize([ARTICLE])[0], engine.summarize([other])[0]]
    assert together == alone


def test_constrained_decoding_writes_only_source_tokens(engine):
    tok = engine.tokenizer
    enc = tok(["takeaway: " + ARTICLE.split("\n")[2]], return_tensors="pt")
    allowed = set(enc["input_ids"][0].tolist()) | set(engine._always.tolist())
    written = engine._generate_rows(enc["input_ids"], enc["attention_mask"], SummarizeOptions(num_beams=2), 16)
    assert all(t in allowed for row in written for t in row[1:])  # after the decoder's start token
    # the check can fail: unconstrained, the random model writes tokens the source does not have
    free = engine._generate_rows(enc["input_ids"], enc["attention_mask"],
                                 SummarizeOptions(num_beams=2, constrain_to_source=False), 16)
    assert any(t not in allowed for row in free for t in row[1:])


def test_short_input_is_filled_and_flagged(engine):
    (draft,) = engine.summarize(["Only one short sentence about a cat."])
    assert len(draft.takeaways) == 5
    assert "takeaway_filled" in draft.flags
    assert sum(draft.fallback) >= 4


def test_fill_prefers_sentences_not_used_yet(engine):
    text = "Rain fell all day in Leeds. Trains were delayed by an hour. Schools stayed open on Friday."
    (draft,) = engine.summarize([text])
    assert len(draft.takeaways) == 5 and "takeaway_filled" in draft.flags
    # three rewrites, then the sentences as written: a text repeats only once every candidate is used
    candidates = set(draft.takeaways[:3]) | set(draft.sentences)
    assert len(set(draft.takeaways)) == min(5, len(candidates))


def test_truncation_is_flagged(engine):
    long = " ".join(f"Sentence number {i} says something new about topic {i}." for i in range(30))
    (draft,) = engine.summarize([long], SummarizeOptions(max_sentences=10))
    assert draft.truncated and "input_truncated" in draft.flags
    assert len(draft.sentences) == 10


def test_empty_text_is_an_error(engine):
    with pytest.raises(ValueError):
        engine.summarize(["   "])


def test_missing_model_says_how_to_make_one(tmp_path):
    with pytest.raises(ModelNotFoundError, match="summarizer train"):
        Engine(tmp_path / "nothing-here")


def test_realize_copies_the_sources_surface_form(engine):
    tok = engine.tokenizer
    source = "Repairs will cost $4.2 million, said Ana Ruiz."
    gen = tok("repairs will cost $ 4. 2 million", add_special_tokens=False)["input_ids"]
    assert realize(gen, source, tok) == "Repairs will cost $4.2 million"
