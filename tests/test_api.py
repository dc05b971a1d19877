"""The Python API on a tiny random checkpoint: shape of the result, batching, errors, rendering."""

import dataclasses
import os
import json

import pytest
import torch

from summarizer import Summary, SummarizeOptions, summarize, summarize_many
from summarizer import api
from summarizer.pipeline import ModelNotFoundError


def test_summary_shape(tiny_model, make_article):
    text = make_article("bridge")
    s = summarize(text, model=tiny_model, device="cpu")
    lines = text.split("\n")
    assert isinstance(s, Summary)
    assert s.abstract.strip() and s.model == "tiny-model"
    assert len(s.takeaways) == len(s.support) == len(s.fallback) == 5
    assert all(t.strip() for t in s.takeaways)
    assert all(sup and all(x in lines for x in sup) for sup in s.support)  # support = article sentences
    assert s.abstract_support and all(x in lines for x in s.abstract_support)
    assert all(isinstance(fb, bool) for fb in s.fallback)
    assert ("takeaway_fallback" in s.flags) == any(s.fallback)  # a fallback is never hidden
    assert "input_truncated" not in s.flags and "html_extracted" not in s.flags


def test_summarize_many_equals_summarize(tiny_model, make_article):
    texts = [make_article("bridge"), make_article("tram line", 3), make_article("stadium", 10),
             "<html><body><p>" + make_article("library", 6).replace("\n", "</p><p>") + "</p></body></html>"]
    many = summarize_many(texts, model=tiny_model, device="cpu", batch_size=3)
    assert many == [summarize(t, model=tiny_model, device="cpu") for t in texts]
    assert "html_extracted" in many[3].flags


def test_engine_loads_once_per_model_and_device(tiny_model, make_article):
    api._load_engine.cache_clear()
    for _ in range(2):
        summarize(make_article("park"), model=tiny_model, device="cpu")
    summarize_many([make_article("pool")] * 2, model=tiny_model + "/", device="cpu")  # same folder, other spelling
    if not torch.cuda.is_available():
        summarize(make_article("lake"), model=tiny_model, device="auto")  # auto is the cpu here: same engine
    assert api._load_engine.cache_info().misses == 1


def test_long_article_is_truncated_and_flagged(tiny_model, make_article):
    s = summarize(make_article("airport", 10), model=tiny_model, device="cpu", max_sentences=6)
    assert "input_truncated" in s.flags
    assert "truncated" in s.to_markdown()


@pytest.mark.parametrize("text, error", [
    ("", "empty input"), ("   \n\t ", "empty input"),
    ("Advertisement\nShare this article", "no article text left"),
    ("A sentence. " * 20, "input too large"),
])
def test_bad_inputs_raise_clear_errors(tiny_model, text, error):
    with pytest.raises(ValueError, match=error):
        summarize(text, model=tiny_model, device="cpu", max_input_chars=200)


def test_bad_arguments(tiny_model, tmp_path):
    with pytest.raises(TypeError, match="must be a str"):
        summarize(b"bytes", model=tiny_model)
    with pytest.raises(TypeError):
        summarize("Some text here.", model=tiny_model, num_beam=2)  # misspelt option
    with pytest.raises(ValueError, match="device"):
        summarize("Some text here.", model=tiny_model, device="gpu")
    with pytest.raises(ValueError, match="num_beams"):
        summarize("Some text here.", model=tiny_model, num_beams=0)
    with pytest.raises(ModelNotFoundError, match="summarizer train"):
        summarize("Some text here.", model=tmp_path / "no-such-model")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="CUDA is not available"):
            summarize("Some text here.", model=tiny_model, device="cuda")


def test_html_hint_extracts_even_a_bare_fragment(make_article):
    text = make_article("canal", 5)
    fragment = text.replace("\n", "<br>\n", 1)
    assert api.prepare(fragment, SummarizeOptions()) == (fragment, [])  # a single tag: not taken for HTML
    cleaned, flags = api.prepare(fragment, SummarizeOptions(), html=True)
    assert cleaned == text and "html_extracted" in flags


def test_dict_round_trip_and_markdown(tiny_model, make_article):
    s = summarize(make_article("harbour"), model=tiny_model, device="cpu")
    d = json.loads(json.dumps(s.to_dict()))
    assert Summary.from_dict(d) == s
    assert set(d) == {"abstract", "takeaways", "support", "fallback", "flags", "support_score", "support_prob",
                      "abstract_support", "model"}
    assert s.support_prob == []  # no support classifier in this checkpoint
    assert len(s.support_score) == 5 and all(0 <= x <= 1 for x in s.support_score)
    # a takeaway quoted from the article is as supported as can be
    assert all(x == 1.0 for x, fb in zip(s.support_score, s.fallback) if fb)
    md = s.to_markdown()
    head = ["## Abstract", "", s.abstract, "", "## Key Takeaways", ""]
    assert md.split("\n")[:11] == head + [f"{i}. {t}" for i, t in enumerate(s.takeaways, 1)]


def test_support_score_falls_where_a_rewrite_joins_words_its_sentence_keeps_apart():
    from summarizer.faithfulness import support_score

    source = "Terry, a key part of Jose Mourinho's title bid, played the full 90 minutes."
    assert support_score("Terry played the full 90 minutes.", source) == 0.8  # one junction in five pairs
    assert support_score("Jose Mourinho played the full 90 minutes.", source) < 0.9
    assert support_score(source, source) == 1.0
    assert support_score("Lampard scored twice.", source) == 0.0


def test_markdown_notes_every_fallback():
    s = Summary("An abstract.", [f"Takeaway {i}." for i in range(5)], [[f"S{i}."] for i in range(5)],
                [False, True, False, False, True], ["takeaway_fallback"])
    assert "_Note: takeaways 2, 5 quoted from the article, not generated._" in s.to_markdown()
    assert "Note" not in dataclasses.replace(s, fallback=[False] * 5, flags=[]).to_markdown()


def test_every_option_is_documented():
    helps = api.option_help()
    assert [f.name for f in dataclasses.fields(SummarizeOptions)] == list(helps)
    assert all(len(h) > 10 for h in helps.values())


def test_summarize_imports_no_training_evaluation_or_cluster_library(tiny_model, make_article):
    """A user who only calls summarize() pays for no import of the lab's or Dask's libraries."""
    import subprocess
    import sys

    code = ("import sys, summarizer\n"
            f"summarizer.summarize({make_article('bridge')!r}, model={tiny_model!r}, device='cpu')\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('datasets', 'evaluate', 'rouge_score', "
            "'nltk', 'sentence_transformers', 'dask', 'distributed') or m.startswith('summarizer.lab') "
            "or m == 'summarizer.distributed'))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().splitlines()[-1] == "[]"


def test_import_sets_how_openmp_threads_wait_unless_the_user_did():
    """Before torch loads: libgomp spins briefly (GOMP_SPINCOUNT), other runtimes sleep (OMP_WAIT_POLICY);
    a user's own setting of either is left alone."""
    import subprocess
    import sys

    probe = "import os, summarizer; print(os.environ.get('OMP_WAIT_POLICY'), os.environ.get('GOMP_SPINCOUNT'))"
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}

    def run(**extra):
        return subprocess.run([sys.executable, "-c", probe], env={**env, **extra}, capture_output=True,
                              text=True, check=True).stdout.split()

    assert run() == ["PASSIVE", "2000"]
    assert run(OMP_WAIT_POLICY="ACTIVE") == ["ACTIVE", "None"]
    assert run(GOMP_SPINCOUNT="0") == ["None", "0"]
