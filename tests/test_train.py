"""The training side on a tiny random model and a tiny data folder written here (no ../shared/data)."""

import gzip
import json
import math
import os
import signal
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
import torch
import yaml
from safetensors.torch import load_file

from summarizer.lab.tiny import make_tiny_checkpoint
from summarizer.pipeline import Engine
from summarizer.lab.data import checked_deletion, is_deletion
from summarizer.lab.train import (TrainConfig, evaluate_rewriter, export, fit_selector, rewrite_rouge, train,
                                  training_rows)

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
    return TrainConfig(data_dir=str(data_dir), out_dir=str(tmp_path / "run"), init=str(init), cross_from_self=False,
                       abstract_datasets=[],
                       batch_size=4, max_steps=3, warmup_steps=1, eval_every=2, save_every=2, valid_pairs=8,
                       selector_articles=6, bf16=False, workers=1, export_dir=str(tmp_path / "export"))


def _log(cfg):
    return [json.loads(line) for line in open(f"{cfg.out_dir}/log.jsonl")]


def test_train_logs_validates_saves_and_resumes(config):
    last = train(config)
    log = _log(config)
    assert [r["step"] for r in log] == [0, 1, 2, 3]  # step 0: the warm-started model, before any update
    assert all("valid_loss" in log[i] and "valid_rouge" in log[i] for i in (0, 2))
    assert all(r["loss"] > 0 for r in log[1:])
    rouge = log[2]["valid_rouge"]
    assert 0 <= rouge["rewrite"]["rouge1"] <= 100 and rouge["source"]["rouge1"] > 0
    assert torch.load(last / "trainer_state.pt", weights_only=False)["step"] == 3
    pairs = [json.loads(line) for line in open(f"{config.out_dir}/pairs/train.jsonl")]
    modes = {p["source"].split(":")[0] for p in pairs}
    assert modes == {"takeaway", "abstract"}  # a takeaway per aligned highlight, and the bullets as an abstract

    train(replace(config, max_steps=5))  # a longer budget picks up where the last save left off
    assert [r["step"] for r in _log(config)] == [0, 1, 2, 3, 4, 5]
    summary = json.load(open(f"{config.out_dir}/train_summary.json"))
    assert summary["steps"] == 5
    # --eval-only on the saved model measures the same point the run ended on
    point = evaluate_rewriter(config, last)
    assert (point["step"], point["pairs_seen"]) == (5, summary["pairs_seen"])
    assert point["valid_loss"] == pytest.approx(summary["valid_loss"], abs=1e-3)
    assert point["valid_rouge"] == summary["valid_rouge"]


def test_train_is_seeded(config, tmp_path):
    cfg_a = replace(config, out_dir=str(tmp_path / "a"), max_steps=2)
    cfg_b = replace(config, out_dir=str(tmp_path / "b"), max_steps=2)
    a, b = train(cfg_a), train(cfg_b)
    assert [r["loss"] for r in _log(cfg_a)[1:]] == [r["loss"] for r in _log(cfg_b)[1:]]
    assert _log(cfg_a)[0] == _log(cfg_b)[0]
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


class _Echo:
    """Stands in for a model: its "rewrite" of each pair is a given text."""

    training = False

    def __init__(self, tok, texts):
        self.tok, self.texts = tok, list(texts)

    def eval(self):
        pass

    def train(self, mode=True):
        pass

    def generate(self, input_ids, **kwargs):
        out, self.texts = self.texts[: len(input_ids)], self.texts[len(input_ids):]
        return self.tok(out, padding=True, return_tensors="pt")["input_ids"]


def test_rewrite_rouge_scores_rewrites_and_sources_against_the_highlight(tmp_path):
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(make_tiny_checkpoint(tmp_path / "m"))
    rows = [{"source": f"takeaway: the {t} opened on monday after years of delay and a budget row.",
             "context": "the city said so.", "target": f"the {t} opened on monday."} for t in ("bridge", "library", "stadium", "museum", "port")]
    echo_target = rewrite_rouge(_Echo(tok, [r["target"] for r in rows]), tok, rows, 64, 32, "cpu", batch_size=2)
    assert echo_target["rewrite"]["rouge1"] == 100.0 and echo_target["rewrite"]["words"] == 5
    # the source as written keeps every highlight word but adds eight more: R1 = 2 * 5 / (5 + 13)
    assert echo_target["source"]["rouge1"] == pytest.approx(100 * 10 / 18, abs=0.01)
    echo_source = rewrite_rouge(_Echo(tok, [r["source"] for r in rows]), tok, rows, 64, 32, "cpu")
    assert echo_source["rewrite"] == echo_source["source"]  # the "takeaway:" prefix is not scored


def test_torchrun_two_processes_train_one_model(config, tmp_path):
    """`torchrun --nproc_per_node 2` on CPU (gloo): each step takes a batch per process, the main
    process alone logs, saves and exports, and the result is one model."""
    cfg = replace(config, max_steps=2, eval_every=2, save_every=2)
    path = tmp_path / "ddp.yaml"
    path.write_text(yaml.safe_dump(cfg.__dict__))
    cmd = [sys.executable, "-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
           "-m", "summarizer", "train", "--config", str(path)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env={**os.environ, "OMP_NUM_THREADS": "1"})
    try:
        stdout, stderr = proc.communicate(timeout=300)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # torchrun and both workers
        raise
    assert proc.returncode == 0, stderr[-3000:]
    log = _log(cfg)
    assert [r["step"] for r in log] == [0, 1, 2]  # one log, written once
    assert log[1]["pairs_seen"] == 2 * cfg.batch_size and "valid_rouge" in log[2]
    assert torch.load(Path(cfg.out_dir) / "last" / "trainer_state.pt", weights_only=False)["step"] == 2
    assert (Path(cfg.export_dir) / "model.safetensors").exists() and stdout.count("exported") == 1


@pytest.mark.parametrize("arch", ["t5", "bart"])
def test_the_same_loop_fine_tunes_a_t5_or_bart_folder(arch, config, tmp_path, make_article):
    """`init: PATH` takes any save_pretrained seq2seq folder: here tiny random T5 and BART models
    (with this project's WordPiece tokenizer, as no other is offline) train, export and summarise."""
    from transformers import AutoTokenizer, BartConfig, BartForConditionalGeneration, T5Config, T5ForConditionalGeneration

    tok = AutoTokenizer.from_pretrained(make_tiny_checkpoint(tmp_path / "tok"))
    ids = dict(pad_token_id=tok.pad_token_id, eos_token_id=tok.sep_token_id, decoder_start_token_id=tok.cls_token_id)
    if arch == "t5":
        model = T5ForConditionalGeneration(T5Config(vocab_size=len(tok), d_model=32, d_kv=16, d_ff=64, num_layers=2,
                                                    num_heads=2, **ids))
    else:
        model = BartForConditionalGeneration(BartConfig(vocab_size=len(tok), d_model=32, encoder_layers=2,
                                                        decoder_layers=2, encoder_attention_heads=2,
                                                        decoder_attention_heads=2, encoder_ffn_dim=64,
                                                        decoder_ffn_dim=64, bos_token_id=tok.cls_token_id, **ids))
    init = tmp_path / arch
    model.save_pretrained(init)
    tok.save_pretrained(init)
    cfg = replace(config, init=str(init), max_steps=2, eval_every=2, save_every=2)
    last = train(cfg)
    log = _log(cfg)
    assert [r["step"] for r in log] == [0, 1, 2] and "valid_rouge" in log[2]
    assert all(math.isfinite(r["loss"]) for r in log[1:])
    out = export(cfg, last, fit_selector(cfg, last), cfg.export_dir)
    assert json.load(open(out / "config.json"))["model_type"] == arch
    (draft,) = Engine(out, device="cpu").summarize([make_article("ferry terminal")])
    assert len(draft.takeaways) == 5


def test_cross_from_self_with_a_seq2seq_folder_is_an_error_not_ignored(config):
    from summarizer.lab.train import make_model

    with pytest.raises(ValueError, match="cross_from_self"):
        make_model(replace(config, cross_from_self=True), "cpu")


def test_new_blocks_get_the_new_rate_in_t5_and_bart_too():
    from transformers import BartConfig, BartForConditionalGeneration, T5Config, T5ForConditionalGeneration

    from summarizer.lab.train import param_groups

    cfg = TrainConfig(lr=1e-4, new_lr=3e-4)
    t5 = T5ForConditionalGeneration(T5Config(d_model=16, d_ff=32, num_layers=1, num_heads=2, d_kv=8, vocab_size=64))
    bart = BartForConditionalGeneration(BartConfig(d_model=16, encoder_layers=1, decoder_layers=1, vocab_size=64,
                                                   encoder_attention_heads=2, decoder_attention_heads=2,
                                                   encoder_ffn_dim=32, decoder_ffn_dim=32))
    for model, name in ((t5, "EncDecAttention"), (bart, "encoder_attn")):
        old, new = param_groups(model, cfg)
        cross = {id(p) for n, p in model.named_parameters() if name in n}
        assert cross and cross == {id(p) for p in new["params"]} and new["lr"] == 3e-4


SOURCE = "takeaway: the regional council approved the new harbour wall on monday after a long debate, officials said."
CONTEXT = "the town will get a new harbour wall."


def _row(target, source=SOURCE):
    return {"source": source, "context": CONTEXT, "target": target}


def test_a_deletion_keeps_the_sentences_words_in_order():
    assert is_deletion("council approved the harbour wall.", SOURCE)
    assert is_deletion("regional council approved a new harbour wall on monday.", SOURCE)  # "a" is free
    assert not is_deletion("the harbour wall was approved by the council.", SOURCE)  # reordered
    assert not is_deletion("the council rejected the new harbour wall.", SOURCE)  # a word of its own


def test_only_deletions_the_rewrite_check_accepts_are_checked_deletions():
    assert checked_deletion(_row("the regional council approved the new harbour wall on monday.")) is True
    assert checked_deletion(_row("the new harbour wall on monday after a long debate.")) is False  # no verb
    assert checked_deletion(_row("approved the new harbour wall on monday.")) is False  # no subject
    assert checked_deletion(_row("the council rejected the new harbour wall.")) is None  # not a deletion
    abstract = _row("the regional council approved the new harbour wall.", "abstract: " + SOURCE[len("takeaway: "):])
    assert checked_deletion(abstract) is None  # the check is for one sentence's takeaway


def test_training_rows_repeat_checked_deletions_drop_refused_ones_and_sample_the_rest():
    good, bad = _row("council approved the harbour wall."), _row("approved the new harbour wall on monday.")
    others = [_row(f"the council rejected harbour wall number {i}.") for i in range(10)]
    rows = [others[0], good, bad] + others[1:]
    cfg = TrainConfig(deletion_repeat=3, seed=7)
    assert training_rows(rows, cfg) == [good] * 3 + others  # the refused deletion is not learnt
    assert training_rows(rows, TrainConfig()) == rows  # the defaults: every pair once, as built
    sample = training_rows(rows, replace(cfg, deletion_repeat=1, max_pairs=5))
    assert sample[0] == good and len(sample) == 5 and set(map(str, sample[1:])) <= set(map(str, others))
    # the distinct pairs of a capped pass (what travels to a GPU machine) train as the whole data would
    whole = training_rows(rows, replace(cfg, max_pairs=5))
    assert whole[:3] == [good] * 3 and len(whole) == 7
    assert training_rows([good] + whole[3:], replace(cfg, max_pairs=5)) == whole


def test_every_shipped_config_is_read_whole():
    for path in sorted((Path(__file__).parents[1] / "configs").glob("bert2bert-*.yaml")):
        cfg = TrainConfig.from_yaml(path)
        assert cfg.max_steps > 0 and cfg.deletion_repeat >= 1, path
