"""The shipped checkpoint on real text (skipped until checkpoints/ holds a trained model)."""

from pathlib import Path

import pytest

from summarizer.pipeline import DEFAULT_MODEL

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL / "config.json").exists(),
                                reason=f"no trained checkpoint at {DEFAULT_MODEL}")
EXAMPLE = Path(__file__).parent.parent / "examples" / "article.txt"


def test_example_article():
    from summarizer import summarize
    from summarizer.pipeline import similarity

    s = summarize(EXAMPLE.read_text(), device="cpu")
    from summarizer.text import split_sentences

    assert 1 <= len(split_sentences(s.abstract)) <= 3 and len(s.abstract.split()) >= 8
    assert len(s.takeaways) == 5 and all(len(t.split()) >= 4 for t in s.takeaways)
    assert len(set(s.takeaways)) == 5
    assert all(similarity(a, b) < 0.5 for i, a in enumerate(s.takeaways) for b in s.takeaways[i + 1:])
    assert all(t[0].isupper() and t[-1] in ".!?\"'”" for t in s.takeaways)
    assert "Advertisement" not in " ".join(s.takeaways + [s.abstract])


STORY = """The port city of Valmera will ban cruise ships longer than 250 metres from its old harbour from next April, the city council decided on Wednesday.
The vote passed by 31 to 12 after a two-hour debate that was interrupted twice by protesters from both sides.
Mayor Lucia Ferrante said the ban would cut air pollution in the historic centre, where residents have complained for years about the fumes of ships that keep their engines running while docked.
Large ships will instead berth at a new terminal 6 kilometres to the south, which cost 140 million euros and opened last summer.
Tour operators warned that the move could cost the city up to 2,000 seasonal jobs, because passengers would spend less time and money in the old town.
The council said it would run free shuttle buses between the new terminal and the centre every 15 minutes.
Last year 1.3 million cruise passengers visited Valmera, almost twice as many as in 2015.
Environmental groups welcomed the decision but said smaller ships should also be required to plug into shore power."""


def test_real_text_takeaways_are_faithful_rewrites():
    import re

    from summarizer import summarize

    s = summarize(STORY, device="cpu")
    assert len(s.takeaways) == 5 and len(set(s.takeaways)) == 5
    assert all(t.strip() and s.abstract.strip() for t in s.takeaways)
    assert sum(s.fallback) <= 1  # written by the model, not quoted
    numbers = set(re.findall(r"\d[\d,.]*\d|\d", STORY))
    for text in s.takeaways + [s.abstract]:
        for n in re.findall(r"\d[\d,.]*\d|\d", text):
            assert n in numbers, (n, text)  # no number the article does not state
    # crisper than what they were written from, and keeping the article's casing of names
    assert sum(len(t.split()) for t in s.takeaways) < sum(len(x[0].split()) for x in s.support)
    assert "valmera" not in " ".join(s.takeaways + [s.abstract])


def test_batch_of_real_texts_matches_single_calls():
    from summarizer import summarize, summarize_many

    texts = [STORY, EXAMPLE.read_text()]
    assert summarize_many(texts, device="cpu", batch_size=2) == [summarize(t, device="cpu") for t in texts]


def test_plain_transformers_refuses_the_shipped_rewriter_and_loads_the_extractor():
    import torch
    from transformers import AutoModelForSeq2SeqLM, AutoModelForTokenClassification

    with pytest.raises(ValueError, match="summarizer-shared-bert2bert"):
        AutoModelForSeq2SeqLM.from_pretrained(DEFAULT_MODEL)
    if (DEFAULT_MODEL / "extractor").exists():
        from summarizer.extractor import Extractor

        plain = AutoModelForTokenClassification.from_pretrained(DEFAULT_MODEL / "extractor")
        ours = Extractor.load(DEFAULT_MODEL / "extractor").model
        assert all(torch.equal(a, b) for a, b in zip(plain.state_dict().values(), ours.state_dict().values()))
    for file in DEFAULT_MODEL.rglob("*.json"):  # no path of the machine that made it
        assert "/root/" not in file.read_text() and "site-packages" not in file.read_text(), file
