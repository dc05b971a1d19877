"""The training side on a tiny random model and a tiny data folder written here (no ../shared/data)."""

import gzip
import json
from dataclasses import replace
from pathlib import Path

import pytest
import torch
from safetensors.torch import load_file

from summarizer.pipeline import Engine, make_tiny_checkpoint
from summarizer.train import TrainConfig, export, fit_selector, train

TOPICS = ["bridge", "library", "stadium", "tram line", "harbour wall", "museum", "water plant", "bus depot"]


def _write_split(folder, name, articles):
    folder.mkdir(parents=True, exist_ok=True)
    with gzip.open(folder / f"{name}.jsonl.gz", "wt") as f:
        for i, (article, highlights) in enumerate(articles):
            f.write(json.dumps({"id": f"{name}-{i}", "article": article, "highlights": highlights}) + "\n")


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory, make_article):
    """cnndm/{train,validation}.jsonl.gz in the shared data's format: articles with highlight bullets."""
    root = tmp_path_factory.mktemp("data")
    rows = []
    for topic in TOPICS:
        article = make_article(topic, n=9).lower()
        highlights = [f"the {topic} plan was approved by the regional council after a vote of nine to four.",
                      f"engineers estimate the {topic} will cost about 14 million dollars."]
        rows.append((article, highlights))
    _write_split(root / "cnndm", "train", rows[:6])
    _write_split(root / "cnndm", "validation", rows[6:])
    return root


@pytest.fixture
def config(tmp_path, data_dir):
    init = make_tiny_checkpoint(tmp_path / "init")
    return TrainConfig(data_dir=str(data_dir), out_dir=str(tmp_path / "run"), init=str(init), abstract_datasets=[],
                       batch_size=4, max_steps=3, warmup_steps=1, eval_every=2, save_every=2, valid_pairs=8,
                       selector_articles=6, bf16=False, workers=1, export_dir=str(tmp_path / "export"))


def _log(cfg):
    return [json.loads(line) for line in open(f"{cfg.out_dir}/log.jsonl")]


def test_train_logs_validates_saves_and_resumes(config):
    last = train(config)
    log = _log(config)
    assert [r["step"] for r in log] == [1, 2, 3]
    assert "valid_loss" in log[1] and all(r["loss"] > 0 for r in log)
    assert torch.load(last / "trainer_state.pt", weights_only=False)["step"] == 3
    pairs = [json.loads(line) for line in open(f"{config.out_dir}/pairs/train.jsonl")]
    modes = {p["source"].split(":")[0] for p in pairs}
    assert modes == {"takeaway", "abstract"}  # a takeaway per aligned highlight, and the bullets as an abstract

    train(replace(config, max_steps=5))  # a longer budget picks up where the last save left off
    assert [r["step"] for r in _log(config)] == [1, 2, 3, 4, 5]
    assert json.load(open(f"{config.out_dir}/train_summary.json"))["steps"] == 5


def test_train_is_seeded(config, tmp_path):
    cfg_a = replace(config, out_dir=str(tmp_path / "a"), max_steps=2)
    cfg_b = replace(config, out_dir=str(tmp_path / "b"), max_steps=2)
    a, b = train(cfg_a), train(cfg_b)
    assert [r["loss"] for r in _log(cfg_a)] == [r["loss"] for r in _log(cfg_b)]
    wa, wb = load_file(str(a / "model.safetensors")), load_file(str(b / "model.safetensors"))
    assert all(torch.equal(wa[k], wb[k]) for k in wa)


def test_selector_fit_cache_and_export(config, make_article, monkeypatch):
    config = replace(config, max_steps=1)
    last = train(config)
    selector = fit_selector(config, last)
    hidden = 32  # make_tiny_checkpoint's width
    assert selector.weight.shape == (hidden + 16,) and selector.settings["train_articles"] == 6
    cache = list(Path(config.out_dir).glob("selector_features_*.pt"))
    assert len(cache) == 1

    def no_model(*args, **kwargs):
        raise AssertionError("the re-fit should read the cached features, not embed again")

    monkeypatch.setattr("summarizer.model.load_seq2seq", no_model)
    again = fit_selector(config, last)
    monkeypatch.undo()
    assert torch.equal(again.weight, selector.weight)
    train(replace(config, max_steps=2))  # the model changed: its features are computed again
    with pytest.raises(AssertionError, match="cached features"):
        monkeypatch.setattr("summarizer.model.load_seq2seq", no_model)
        fit_selector(config, last)
    monkeypatch.undo()

    out = export(config, last, selector, config.export_dir)
    assert json.load(open(out / "training_config.json"))["max_steps"] == 1
    assert all(w.dtype == torch.float16 for w in load_file(str(out / "model.safetensors")).values())
    (draft,) = Engine(out, device="cpu").summarize([make_article("ferry terminal")])
    assert len(draft.takeaways) == 5
