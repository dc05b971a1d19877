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


def _is_deletion(row: list[int], src: list[int], free: set[int], continuation: set[int]) -> bool:
    """Whether `row` is `src`'s pieces in order (whole words), with free tokens between them."""
    p = -1
    for t in row:
        if t in continuation:
            if not (p + 1 < len(src) and src[p + 1] == t):
                return False
            p += 1
        elif t in src[p + 1:]:
            p = src.index(t, p + 1)
        elif t not in free:
            return False
    return True


def test_constrained_decoding_writes_a_deletion_of_the_sentence(engine):
    tok = engine.tokenizer
    lines = ARTICLE.split("\n")
    enc = tok(["takeaway: " + lines[2]], [lines[0]], return_tensors="pt")
    src = tok(lines[2], add_special_tokens=False)["input_ids"]
    free, cont = set(engine._free), engine._continuation
    beams, = engine._generate_rows(enc["input_ids"], enc["attention_mask"], SummarizeOptions(num_beams=2), 16)
    assert len(beams) == 2  # every finished beam comes back, best first
    assert all(_is_deletion(row[1:], src, free, cont) for row in beams)  # after the decoder's start token
    # the check can fail: unconstrained, the random model writes what is no deletion of the sentence
    loose, = engine._generate_rows(enc["input_ids"], enc["attention_mask"],
                                   SummarizeOptions(num_beams=2, constrain_to_source=False), 16)
    assert not all(_is_deletion(row[1:], src, free, cont) for row in loose)


@pytest.mark.parametrize("abstract", [False, True])
def test_the_small_vocabulary_decodes_as_the_full_one(engine, monkeypatch, abstract):
    """Constrained rows decode in the few tokens they may write (`decoding.source_vocabulary`), with
    the full vocabulary's scores: the same beams, in the same order, as decoding over all 30,522."""
    from summarizer import pipeline

    lines = ARTICLE.split("\n")
    enc = engine.tokenizer(["takeaway: " + line for line in lines[1:5]], [lines[0]] * 4, return_tensors="pt",
                           padding=True)
    args = (enc["input_ids"], enc["attention_mask"], SummarizeOptions(num_beams=3), 24, abstract)
    small = engine._generate_rows(*args)
    assert engine.model.decoder.bert.embeddings is engine.model.encoder.embeddings  # the model is restored
    monkeypatch.setattr(pipeline, "supports_small_vocabulary", lambda model: False)
    assert small == engine._generate_rows(*args)


def test_decoding_adapts_to_the_installed_transformers(engine, monkeypatch):
    """The cache keyword follows the model's forward ("cache" in transformers 5.24, "past_key_values"
    before), and a transformers whose beam search reads the vocabulary size from the config (5.17, seen
    failing on a GPU machine) decodes over the full vocabulary."""
    import torch

    from summarizer import decoding

    assert list(decoding.beam_cache(engine.model)) == ["cache"]

    class Older(torch.nn.Module):
        def forward(self, input_ids=None, past_key_values=None, **kwargs):
            return input_ids

    assert list(decoding.beam_cache(Older())) == ["past_key_values"]
    assert decoding.supports_small_vocabulary(engine.model)
    monkeypatch.setattr(decoding, "_TRANSFORMERS", (5, 17))
    assert not decoding.supports_small_vocabulary(engine.model)


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
