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


@pytest.mark.parametrize("abstract", [False, True])
def test_the_engines_beam_search_is_generates(engine, monkeypatch, abstract):
    """`decoding.beam_search` replaces `generate` for constrained rows: the same beams in the same order,
    here with a 2-gram ban that binds (the random model repeats itself) and the abstract's minimum."""
    from summarizer import decoding, pipeline

    lines = ARTICLE.split("\n")
    enc = engine.tokenizer(["takeaway: " + line for line in lines[:6]], [lines[0]] * 6, return_tensors="pt",
                           padding=True)
    options = SummarizeOptions(num_beams=3, no_repeat_ngram_size=2)
    rows = (enc["input_ids"], enc["attention_mask"])
    ran = []
    monkeypatch.setattr(pipeline, "beam_search", lambda *a: ran.append(1) or decoding.beam_search(*a))
    ours = engine._generate_rows(*rows, options, 20, abstract)
    assert ran  # the engine's loop ran
    assert ours != engine._generate_rows(*rows, SummarizeOptions(num_beams=3, no_repeat_ngram_size=0), 20, abstract)

    def through_generate(model, ids, mask, spans, beams, new, ngram, start, eos, length_penalty):
        assert (beams, ngram) == (3, 2)
        return engine._generate_ids(ids, mask, options, new, {
            "logits_processor": pipeline.LogitsProcessorList([spans]), "decoder_start_token_id": start,
            "bos_token_id": start, "eos_token_id": eos, "pad_token_id": 0, **decoding.beam_cache(model)})

    monkeypatch.setattr(pipeline, "beam_search", through_generate)  # generate, in the same small vocabulary
    assert ours == engine._generate_rows(*rows, options, 20, abstract)


def test_ngram_bans_match_transformers():
    import torch
    from transformers import NoRepeatNGramLogitsProcessor

    from summarizer.decoding import _banned_ngrams

    g = torch.Generator().manual_seed(0)
    for n in (1, 2, 3, 4):
        for length in (1, 2, 3, 5, 9):
            seqs = torch.randint(0, 4, (6, length), generator=g)  # 4 tokens: repeats are common
            want = NoRepeatNGramLogitsProcessor(n)(seqs, torch.zeros(6, 4))
            got = torch.zeros(6, 4)
            beam, token = _banned_ngrams(seqs, n)
            got[beam, token] = float("-inf")
            assert torch.equal(got, want), (n, length)


def test_the_deletion_mask_matches_the_allowed_columns():
    """`SourceSpans.banned` (all beams at once) bans exactly what `_columns` leaves out, at every position,
    with and without the abstract's minimum length; `advance` moves a beam as `_position` walks its prefix."""
    import random

    import torch

    from summarizer.decoding import SourceSpans

    cont = {7, 8}
    sources = [[3, 7, 4, 5, 3, 8, 6], [5, 5, 9, 7], [2]]
    spans = SourceSpans(sources, 1, free=[1, 10], continuation=cont, end={0}, min_new=[0, 3, 0])
    vocab = 12
    for generated in (0, 2, 5):
        rows = [r for r, src in enumerate(sources) for _ in range(-1, len(src))]
        positions = [p for src in sources for p in range(-1, len(src))]
        banned = spans.banned(torch.tensor(rows), torch.tensor(positions), generated, vocab)
        for b, (r, p) in enumerate(zip(rows, positions)):
            may_end = not (generated < spans.min_new[r] and p < len(sources[r]) - 1)
            allowed = set(spans._columns(r, p, may_end).tolist())
            assert {t for t in range(vocab) if not banned[b, t]} == allowed, (r, p, generated)
    def walk(src, prefix):  # the position a prefix reaches, by earliest match, written out here
        p = -1
        for t in prefix:
            if t in cont:
                p = p + 1 if p + 1 < len(src) and src[p + 1] == t else p
            else:
                p = next((k for k in range(p + 1, len(src)) if src[k] == t), p)
        return p

    rng = random.Random(0)
    for r in range(len(sources)):
        for _ in range(20):
            prefix, p = (), -1
            for _ in range(6):
                t = rng.choice(spans._allowed(r, p))
                prefix, p = prefix + (t,), spans.advance(r, p, t)
                assert p == spans._position(r, prefix) == walk(sources[r], prefix)


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


def test_lcs_length_matches_the_dynamic_programme():
    import random

    from summarizer.pipeline import lcs_length

    def table(x, y):
        prev = [0] * (len(y) + 1)
        for xi in x:
            cur = [0]
            for j, yj in enumerate(y):
                cur.append(prev[j] + 1 if xi == yj else max(prev[j + 1], cur[j]))
            prev = cur
        return prev[-1]

    rng = random.Random(0)
    for _ in range(2000):
        x = [rng.choice("abcde") for _ in range(rng.randint(0, 25))]
        y = [rng.choice("abcde") for _ in range(rng.randint(0, 70))]  # past 64 bits
        assert lcs_length(x, y) == table(x, y)
    assert lcs_length("the cat sat on the mat".split(), "the dog sat on a mat".split()) == 4
