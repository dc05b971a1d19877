"""The document-level extractor: windows, scoring, training and its place in the engine, on tiny random
models and texts written here (no ../shared/data, no trained weights)."""

import gzip
import json
import random
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
import torch

from summarizer.extractor import Extractor, WindowSettings, windows
from summarizer.lab.train_extractor import PRIOR_GRID, ExtractorConfig, export, fit_position_prior, train


def _ids(lengths):
    return [[1000 + i] * n for i, n in enumerate(lengths)]


def test_windows_score_every_sentence_exactly_once():
    rng = random.Random(0)
    lengths = [rng.randint(3, 120) for _ in range(70)]
    settings = WindowSettings(max_len=128, max_sentence_tokens=40, overlap=2)
    ws = windows(_ids(lengths), 101, 102, settings)
    scored = [i for w in ws for i, keep in zip(w.sentences, w.scored) if keep]
    assert scored == list(range(70))  # each once, in order: nothing past the first window is dropped
    assert len(ws) > 5
    for k, w in enumerate(ws):
        assert len(w.input_ids) <= 128
        assert [w.input_ids[p] for p in w.cls_positions] == [101] * len(w.sentences)
        if k:  # a later window opens with the lead and the two sentences before its new ones, unscored
            first_new = w.sentences[w.scored.index(True)]
            assert w.sentences[:3] == [0, first_new - 2, first_new - 1]
            assert w.scored[:3] == [False, False, False]
        # segment ids alternate sentence by sentence
        types = [w.token_type_ids[p] for p in w.cls_positions]
        assert types == [j % 2 for j in range(len(types))]


def test_a_short_article_is_one_window():
    ws = windows(_ids([10, 12, 8]), 101, 102, WindowSettings())
    assert len(ws) == 1 and ws[0].sentences == [0, 1, 2] and all(ws[0].scored)
    assert len(ws[0].input_ids) == 10 + 12 + 8 + 6


@pytest.fixture(scope="module")
def tiny_extractor(tmp_path_factory):
    """A tiny random BertForTokenClassification (one label) with the real tokenizer, saved as a folder."""
    from transformers import AutoTokenizer, BertConfig, BertForTokenClassification

    from summarizer.model import base_model_path

    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(str(base_model_path()))
    cfg = BertConfig(vocab_size=tok.vocab_size, hidden_size=32, num_hidden_layers=2, num_attention_heads=2,
                     intermediate_size=64, max_position_embeddings=512, num_labels=1)
    folder = tmp_path_factory.mktemp("ext") / "tiny-bert"
    BertForTokenClassification(cfg).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def test_scores_do_not_depend_on_the_other_articles(tiny_extractor, make_article):
    ext = Extractor.load(tiny_extractor)
    a = make_article("bridge", n=10).split("\n") * 4  # 40 sentences: several windows at 128 tokens
    b = make_article("museum", n=3).split("\n")
    ext.settings = WindowSettings(max_len=128, max_sentence_tokens=40, overlap=2)
    (alone, states), = ext.score([a])
    together = ext.score([b, a])[1][0]
    assert alone.shape == (40,) and states.shape == (40, 32)
    assert torch.equal(alone, together)
    assert torch.allclose(states.norm(dim=-1), torch.ones(40), atol=1e-5)
    assert len(set(alone.tolist())) > 10  # every sentence got its own score, late ones too


def _write(folder, name, rows):
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / f"{name}.jsonl.gz", "wt") as f:
        for i, (article, highlights) in enumerate(rows):
            f.write(json.dumps({"id": f"{name}-{i}", "article": article, "highlights": highlights}) + "\n")


@pytest.fixture
def ext_config(tmp_path, tiny_extractor, make_article):
    topics = ["bridge", "library", "stadium", "tram line", "harbour wall", "museum", "water plant", "bus depot"]
    rows = [(make_article(t, n=9).lower(),
             [f"engineers estimate the {t} will cost about 14 million dollars."]) for t in topics]
    _write(tmp_path / "data" / "cnndm", "train", rows[:6])
    _write(tmp_path / "data" / "cnndm", "validation", rows[6:] + rows[:2])
    return ExtractorConfig(data_dir=str(tmp_path / "data"), out_dir=str(tmp_path / "run"), init=str(tiny_extractor),
                           train_articles=6, valid_articles=2, prior_articles=2, batch_size=2, max_len=128, eval_every=2,
                           save_every=2, bf16=False, workers=1, export_dir=str(tmp_path / "ck"))


def test_train_logs_labels_resumes_and_exports(ext_config, tmp_path, tiny_model, capsys):
    last = train(ext_config)
    log = [json.loads(line) for line in open(tmp_path / "run" / "log.jsonl")]
    assert log[0]["step"] == 0 and "valid_loss" in log[0]
    final = log[-1]
    assert final["step"] >= 3 and {"top3", "lead3", "oracle"} <= set(final)
    assert final["oracle"]["rouge1"] > final["lead3"]["rouge1"] > 0  # the oracle picked the cost sentence
    labelled = [json.loads(line) for line in open(tmp_path / "run" / "data" / "train-6.jsonl")]
    assert all(r["labels"] == [2] for r in labelled)  # "engineers estimate ... 14 million dollars"
    state = torch.load(last / "trainer_state.pt", weights_only=True)
    assert state["step"] == final["step"]
    # a second run resumes from the save and has nothing left to do
    train(ext_config)
    assert "resumed from step" in capsys.readouterr().out
    # exported beside a rewriter: the engine picks it up
    ck = tmp_path / "ck"
    shutil.copytree(tiny_model, ck)
    prior = fit_position_prior(ext_config, last, torch.device("cpu"))
    assert prior["articles"] == 2 and prior["position_prior"] in PRIOR_GRID
    assert set(prior["top3_rouge1_plus_rouge2_by_prior"]) == {str(p) for p in PRIOR_GRID}
    out = export(ext_config, last, ck, prior)
    settings = json.loads((out / "extractor.json").read_text())
    assert settings["windows"]["max_len"] == 128 and settings["position_prior"] == prior["position_prior"]
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    engine = Engine(ck, device="cpu", dtype="float32")
    assert engine.extractor is not None and engine.extractor.settings.max_len == 128
    assert engine.extractor.position_prior == prior["position_prior"]
    assert engine.extractor.model.dtype == torch.float32
    draft, = engine.summarize(["\n".join(labelled[0]["sentences"])], SummarizeOptions(num_beams=1))
    assert len(draft.takeaways) == 5
    assert sorted(draft.ranking) == list(range(len(draft.sentences)))
    # the evaluation reports the extractor on its own beside Lead-3 and Lead-5
    from summarizer.lab.evaluate import evaluate_model

    report = evaluate_model(engine, ext_config.data_dir, "cnndm", "validation", options=SummarizeOptions(num_beams=1),
                            draws=20, progress=False)
    assert {"extractor top-3", "extractor top-5", "lead-3", "lead-5", "oracle"} <= set(report["rouge"])
    assert set(report["extractor_vs_lead"]) == {"extractor top-3 - lead-3", "extractor top-5 - lead-5"}
    assert "extractor top-3 - lead-3" in report["table"]
    # and on its own, without the rewriter: the same sentences, so the same figures
    alone = evaluate_model(engine, ext_config.data_dir, "cnndm", "validation", options=SummarizeOptions(num_beams=1),
                           draws=20, progress=False, extractor_only=True)
    assert alone["main_system"] == "extractor top-3" and set(alone["delta_vs_baselines"]) == {"lead-3", "lead-5",
                                                                                              "oracle"}
    assert alone["rouge"]["extractor top-3"] == report["rouge"]["extractor top-3"]
    assert "extractor's sentences as written" in alone["settings"]["compared"]


def test_a_run_trained_elsewhere_is_carried_back_and_exported(ext_config, tmp_path, tiny_model):
    """The GPU path: the labelled data packed small (scripts/extractor_data.py) and unpacked to the same
    cache; training there; here `summarizer train --export-only` fits the prior and exports, training nothing."""
    import importlib.util

    import yaml

    from summarizer.lab.train import main as train_main

    spec = importlib.util.spec_from_file_location("extractor_data", Path(__file__).parents[1] / "scripts" /
                                                  "extractor_data.py")
    data = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(data)
    train(ext_config)
    cache = tmp_path / "run" / "data" / "train-6.jsonl"
    rows = [json.loads(line) for line in open(cache)]
    assert [(r["ids"], r["labels"]) for r in data.unpack(data.pack(rows))] == [(r["ids"], r["labels"]) for r in rows]
    (tmp_path / "run" / "last" / "trainer_state.pt").unlink()  # weights came back, the optimizer did not
    log_lines = len(open(tmp_path / "run" / "log.jsonl").readlines())
    ck = tmp_path / "ck"
    shutil.copytree(tiny_model, ck)
    cfg = tmp_path / "ext.yaml"
    cfg.write_text(yaml.safe_dump(ext_config.__dict__))
    train_main(["--config", str(cfg), "--export-only"])
    assert len(open(tmp_path / "run" / "log.jsonl").readlines()) == log_lines  # no step was trained
    settings = json.loads((ck / "extractor" / "extractor.json").read_text())
    assert settings["position_prior"] in PRIOR_GRID and settings["train_summary"]["steps"] >= 3
    with pytest.raises(SystemExit):  # the rewriter's config has --selector-only for that
        train_main(["--config", str(Path(__file__).parents[1] / "configs" / "bert2bert-minilm.yaml"), "--export-only"])


def test_top_sentences_blocks_repeated_trigrams():
    from summarizer.lab.evaluate import top_sentences

    sents = ["The mayor opened the new bridge on Monday.", "Crowds cheered.",
             "The mayor opened the new bridge after years of delay.", "Tolls start in May."]
    assert top_sentences([2, 0, 3, 1], sents, 3) == [sents[1], sents[2], sents[3]]  # 0 repeats "the mayor opened"


def test_engine_ranks_by_the_extractor(tiny_model, tiny_extractor, tmp_path, make_article, monkeypatch):
    from summarizer.options import SummarizeOptions
    from summarizer.pipeline import Engine

    ck = tmp_path / "ck"
    shutil.copytree(tiny_model, ck)
    shutil.copytree(tiny_extractor, ck / "extractor")
    engine = Engine(ck, device="cpu", dtype="float32")
    article = make_article("harbour wall", n=10)

    def prefer_late(articles, batch_size=16):  # the last sentences score highest
        return [(torch.arange(len(s), dtype=torch.float), torch.zeros(len(s), 4)) for s in articles]

    monkeypatch.setattr(engine.extractor, "score", prefer_late)
    draft, = engine.summarize([article], SummarizeOptions(num_beams=1, max_takeaway_tokens=8))
    assert draft.abstract_sources == [7, 8, 9]  # the three best (abstract_sentences), in article order
    assert [9] in draft.takeaway_sources


def test_position_prior_favours_early_sentences(tiny_extractor, make_article):
    ext = Extractor.load(tiny_extractor)
    sents = make_article("bridge", n=10).split("\n")
    (raw, _), = ext.score([sents])
    ext.position_prior = 2.0
    (prior, _), = ext.score([sents])
    assert torch.allclose(raw - prior, 2.0 * torch.log1p(torch.arange(10.0)))


def test_the_bench_clock_counts_the_extractor(tiny_extractor, make_article):
    """The bench's CPU-side figure is total time less the models' forward passes: the extractor's
    forward is one of them (it once counted as CPU-side, because `score` calls `model.bert`)."""
    from summarizer.lab.bench import ForwardClock

    ext = Extractor.load(tiny_extractor)
    clock = ForwardClock(torch.nn.Identity(), torch.device("cpu"), [ext.model])
    ext.score([make_article("bridge", 10).split("\n")])
    clock.remove()
    assert clock.seconds > 0
