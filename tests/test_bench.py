"""The benchmark runs end to end in seconds with the tiny checkpoint and toy reference shapes."""

import json

import pytest
import torch

from summarizer.lab.bench import main, make_articles, matmul_rate, reference_config


def test_synthetic_articles_have_the_asked_length():
    articles = make_articles(3, 200, seed=1)
    assert len(articles) == 3 and len(set(articles)) == 3
    assert all(200 <= len(a.split()) < 200 + 20 for a in articles)
    assert make_articles(3, 200, seed=1) == articles  # seeded


@pytest.mark.parametrize("name, millions", [("bart-large-cnn", 406.3), ("t5-small", 60.5)])
def test_reference_shapes_have_the_published_size(name, millions):
    from transformers import AutoModelForSeq2SeqLM

    with torch.device("meta"):  # shapes only: no memory, no download
        model = AutoModelForSeq2SeqLM.from_config(reference_config(name))
    assert sum(p.numel() for p in model.parameters()) / 1e6 == pytest.approx(millions, abs=0.1)


def test_matmul_rate_is_plausible():
    rate = matmul_rate(torch.device("cpu"), torch.float32, n=128, reps=2)
    assert 1e8 < rate < 1e13  # between 0.1 GFLOP/s and 10 TFLOP/s on one core


def test_bench_end_to_end(tiny_model, tmp_path, capsys):
    out = tmp_path / "bench.json"
    assert main(["--model", tiny_model, "--quick", "--words", "80", "--articles", "2", "--num-beams", "1",
                 "--ref-reps", "1", "--threads", "1", "--memory-batch-sizes", "2", "--out", str(out)]) == 0
    r = json.loads(out.read_text())
    assert r["settings"]["threads"] == 1 and r["settings"]["device"] == "cpu"
    assert r["settings"]["dtype"] in ("float32", "bfloat16")
    base = r["baseline_v010"]  # v0.1.0's decoding, timed in the same run
    assert base["dtype"] == "float32" and base["articles_per_second"] > 0
    assert 0 <= base["takeaways_identical"] <= base["takeaways"] == 10
    assert 0 < r["cpu_side"]["share"] < 1 and r["cpu_side"]["seconds_per_article"] > 0
    assert set(r["memory_mb"]["peak_rss_by_batch_size"]) == {"2"}
    assert all(v > 100 for v in r["memory_mb"]["peak_rss_by_batch_size"].values())  # a process with torch
    probe = r["by_batch_size"]["2"]
    assert probe["rss_mb"] == r["memory_mb"]["peak_rss_by_batch_size"]["2"]
    assert probe["articles_per_second"] > 0 and probe["cpu_side_ms"] > 0
    assert r["articles_per_second"] > 0 and r["load_seconds"] > 0
    assert 0 < r["latency_seconds"]["p50"] <= r["latency_seconds"]["p95"]
    assert r["memory_mb"]["peak_rss_ours"] >= r["memory_mb"]["peak_rss_before_load"] > 0
    systems = r["systems"]
    ours = systems["ours (seq2seq, forced length)"]
    for name in ("bart-large-cnn shape (quick)", "t5-small shape (quick)"):
        ref = systems[name]
        # forced lengths: every reference writes what our seq2seq writes per article
        assert ref["generated_tokens"] == ours["generated_tokens"] == 6 * ours["generated_tokens_per_row"]
        assert ref["flops"] > 0 and ref["floor_seconds"] > 0
        assert r["speed_ratio"][name]["vs_seq2seq"] == pytest.approx(ref["seconds"] / ours["seconds"])
    assert systems["ours (end to end, single call)"]["flops"] > 0
    table = capsys.readouterr().out
    assert "| t5-small shape (quick) |" in table and out.with_suffix(".md").read_text().strip() == table.strip()


def test_unknown_reference_is_an_error():
    with pytest.raises(SystemExit):
        main(["--references", "gpt-9", "--quick"])


def test_the_extractor_and_support_classifier_count_as_model_time():
    """Their forward passes are model time in `bench`'s CPU-side figure, not CPU-side work."""
    from types import SimpleNamespace

    from summarizer.lab.bench import other_models

    engine = SimpleNamespace(extractor=SimpleNamespace(model="ext"), support=SimpleNamespace(model="sup"))
    assert other_models(engine) == ["ext", "sup"]
    assert other_models(SimpleNamespace(extractor=None, support=None)) == []
