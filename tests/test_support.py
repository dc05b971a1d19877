"""The support classifier: its training pairs, its loop and export, its place in the engine (tiny random
models and texts written here), and the shipped classifier on sentences written here."""

import json
import random
import shutil
from dataclasses import replace

import pytest
import torch

from summarizer.lab import train_support as ts
from summarizer.support import SUBFOLDER, SupportClassifier

SENTENCE = "The council approved a budget of 4.2 million dollars on Tuesday after a long debate."
SUMMARY = "The council approved a budget of 4.2 million dollars."


def _corrupt(name, text=SUMMARY, others=("Schools will get 300 new teachers next year.",)):
    return ts.CORRUPTIONS[name](text.split(), SENTENCE, list(others), random.Random(0))


def test_each_corruption_changes_what_the_summary_claims():
    assert _corrupt("drop_verb") == "The council a budget of 4.2 million dollars."
    assert _corrupt("keep_subject") is None  # "The council": too short to stand for a rewrite
    assert _corrupt("flip_negation") is None  # no auxiliary to negate here ...
    assert _corrupt("flip_negation", "The mayor has signed the plan.") == "The mayor has not signed the plan."
    assert _corrupt("flip_negation", "The mayor did not sign the plan.") == "The mayor did sign the plan."
    changed = _corrupt("change_number")
    assert changed != SUMMARY and "4.2" not in changed and "300" in changed  # a number of another sentence
    assert _corrupt("drop_speech_verb", "Police said the driver was not injured.") == "Police the driver was not injured."
    assert _corrupt("keep_subordinate", "The bridge will close in May because engineers found cracks in it.") == \
        "Because engineers found cracks in it."
    assert _corrupt("other_highlight") == "Schools will get 300 new teachers next year."
    cut = _corrupt("cut_at_function_word")
    assert SUMMARY.startswith(cut[:-1]) and cut.split()[-1].rstrip(".") in ts._CUT_AT


def test_article_pairs_label_the_aligned_highlight_and_its_corruptions():
    sents = [SENTENCE, "Schools will get 300 new teachers next year, the mayor said.", "It rained."]
    cfg = ts.SupportConfig(identity_prob=1.0, corruptions_per_pair=2)
    pairs = ts.article_pairs(sents, [SUMMARY, "a highlight the article never states at all."], cfg, random.Random(1))
    good = [p for p in pairs if p["label"] == 1]
    bad = [p for p in pairs if p["label"] == 0]
    assert {p["kind"] for p in good} == {"highlight", "sentence"}  # the sentence has no aside to drop
    assert all(p["source"] == SENTENCE for p in pairs)  # the unaligned highlight gives nothing
    assert len(bad) == 2 and all(p["kind"] in ts.CORRUPTIONS and p["text"] != SUMMARY for p in bad)


@pytest.fixture(scope="module")
def tiny_checkpoint(tmp_path_factory, tiny_model):
    """The tiny rewriter with a tiny random extractor beside it, and a cache of sentences and highlights."""
    from transformers import AutoTokenizer, BertConfig, BertForTokenClassification

    from summarizer.model import base_model_path

    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("support")
    ck = root / "ck"
    shutil.copytree(tiny_model, ck)
    tok = AutoTokenizer.from_pretrained(str(base_model_path()))
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512, num_labels=1)
    BertForTokenClassification(cfg).save_pretrained(ck / "extractor")
    tok.save_pretrained(ck / "extractor")
    cache = root / "cache"
    cache.mkdir()
    rows = [{"sentences": [SENTENCE.replace("4.2", str(k)), "Schools will get 300 new teachers next year.",
                           "The mayor said the plan would be signed in May."],
             "reference": [SUMMARY.replace("4.2", str(k)), "The plan will be signed in May."]} for k in range(6)]
    for split in ("train", "validation"):
        (cache / f"{split}-0.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return ck, cache


def test_train_resumes_exports_and_the_engine_uses_it(tiny_checkpoint, tmp_path, make_article, capsys):
    ck, cache = tiny_checkpoint
    cfg = ts.SupportConfig(sentences_from=str(cache), out_dir=str(tmp_path / "run"), init=str(ck / "extractor"),
                           layers=1, batch_size=4, epochs=1, eval_every=2, save_every=2, bf16=False,
                           export_dir=str(tmp_path / "ck"))
    last = ts.train(cfg)
    log = [json.loads(x) for x in open(tmp_path / "run" / "log.jsonl")]
    assert log[0]["step"] == 0 and "highlight" in log[-1]["judged_supported"]
    assert torch.load(last / "trainer_state.pt", weights_only=True)["step"] == log[-1]["step"] >= 2
    ts.train(cfg)
    assert "resumed from step" in capsys.readouterr().out
    out_ck = tmp_path / "ck"
    shutil.copytree(ck, out_ck)
    folder = ts.export(cfg, last, out_ck, threshold=0.5)
    assert not any(k.startswith("bert.embeddings") for k in _keys(folder / "model.safetensors"))  # borrowed
    assert json.loads((folder / "support.json").read_text())["learning_curve"]

    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(out_ck, device="cpu", dtype="float32")
    assert engine.support is not None and engine.support.model.bert.embeddings is engine.extractor.model.bert.embeddings
    text = make_article("ferry terminal")
    opts = SummarizeOptions(num_beams=2, max_takeaway_tokens=12, max_abstract_tokens=16)
    plain = Engine(ck, device="cpu", dtype="float32").summarize([text], opts)[0]
    judged = engine.summarize([text], opts)[0]
    assert len(judged.support_prob) == 5 and all(0 <= p <= 1 for p in judged.support_prob)
    # a threshold nothing reaches: every rewrite the rules passed is refused, and the draft says why
    engine.support.threshold = 1.01
    strict = engine.summarize([text], opts)[0]
    assert all(strict.fallback) and "rewrite_rejected" in strict.flags
    assert any("support classifier" in r for r in strict.rejected) or all(plain.fallback)
    # a threshold everything reaches: the same takeaways as without a classifier
    engine.support.threshold = 0.0
    assert engine.summarize([text], opts)[0].takeaways == plain.takeaways


def _keys(path):
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as f:
        return list(f.keys())


def test_a_folder_with_other_weights_is_refused(tiny_checkpoint, tmp_path):
    from safetensors.torch import save_file

    ck, _ = tiny_checkpoint
    folder = tmp_path / SUBFOLDER
    shutil.copytree(ck / "extractor", folder)
    save_file({"something.else": torch.zeros(2)}, str(folder / "model.safetensors"))
    (folder / "support.json").write_text("{}")
    from transformers import BertForTokenClassification

    emb = BertForTokenClassification.from_pretrained(str(ck / "extractor")).bert.embeddings
    with pytest.raises(ValueError, match="not a support classifier"):
        SupportClassifier.load(folder, emb)


# --- the shipped classifier on sentences written here -------------------------------------------

@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    from summarizer.pipeline import DEFAULT_MODEL

    if not SupportClassifier.present(DEFAULT_MODEL):
        pytest.skip("the shipped checkpoint has no support classifier")
    from summarizer.extractor import Extractor

    ext = Extractor.load(DEFAULT_MODEL / "extractor")
    return SupportClassifier.load(DEFAULT_MODEL / SUBFOLDER, ext.model.bert.embeddings)


def test_shipped_classifier_tells_a_compression_from_a_fragment(shipped):
    src = ("The harbour authority said on Monday that it would close the old ferry terminal in March, "
           "after engineers found the pier was no longer safe.")
    good = ["The harbour authority will close the old ferry terminal in March.",
            "The old ferry terminal will close in March after engineers found the pier was no longer safe."]
    bad = ["The harbour authority the old ferry terminal in March.",  # its verb deleted
           "After engineers found the pier was no longer safe.",  # a subordinate clause alone
           "The harbour authority will not close the old ferry terminal in March."]  # a negation added
    probs = shipped.score(good + bad, [src] * 5)
    assert all(p >= shipped.threshold for p in probs[:2]), probs
    assert all(p < shipped.threshold for p in probs[2:]), probs


def test_a_pairs_score_does_not_depend_on_the_pairs_scored_with_it():
    """Scored in a batch or alone, a pair gets the same probability to the last bit (pairs are padded
    by their own length): at the engine's dtype, where padding to the batch's longest moved some."""
    from pathlib import Path

    from summarizer.extractor import Extractor
    from summarizer.pipeline import DEFAULT_MODEL, resolve_dtype
    from summarizer.text import split_sentences

    if not SupportClassifier.present(DEFAULT_MODEL):
        pytest.skip("the shipped checkpoint has no support classifier")
    dtype = resolve_dtype("auto", torch.device("cpu"))
    ext = Extractor.load(DEFAULT_MODEL / "extractor", dtype=dtype)
    clf = SupportClassifier.load(DEFAULT_MODEL / SUBFOLDER, ext.model.bert.embeddings, "cpu", dtype)
    pages = sorted((Path(__file__).parent / "fixtures" / "pages").glob("*.txt"))[:6]
    sents = [s for p in pages for s in split_sentences(p.read_text()) if len(s.split()) > 6]
    pairs = [(" ".join(s.split()[: 5 + k % 9]) + ".", s) for k, s in enumerate(sents[:64])]
    together = clf.score([a for a, _ in pairs], [b for _, b in pairs])
    assert together == [clf.score([a], [b])[0] for a, b in pairs]
