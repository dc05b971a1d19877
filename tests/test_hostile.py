"""Hostile folders and hostile text (issue 11): each case once stopped a whole batch, leaked a file
from outside IN_DIR, ran foreign code or made output nobody can use."""

import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from summarizer import batch, summarize, summarize_many
from summarizer.api import SummarizeOptions
from summarizer.model import UnsafeModelError, load_seq2seq
from summarizer.text import decode_bytes, split_sentences, split_sentences_cut

SECRET = "TOP-SECRET-LINE the payroll of the northern office is kept here"


@pytest.fixture
def run(tiny_model):
    def run(in_dir, out_dir, **kw):
        return batch.run_batch(in_dir, out_dir, model=tiny_model, device="cpu", batch_size=4, progress=False, **kw)
    return run


@pytest.fixture
def alarm():
    """Fail instead of hanging forever (a FIFO blocks open())."""
    def on_alarm(*_):
        raise TimeoutError("the batch hung")
    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.alarm(120)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def statuses(index):
    return {e["id"]: (e["status"], e["error"]) for e in index}


def all_output_bytes(out: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file())


# --- 1-4: a batch stops or hangs for everyone ------------------------------------------

def test_non_utf8_file_name_gets_an_escaped_id_and_a_result(run, tmp_path, make_article):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(make_article("bridge"))
    with open(os.path.join(os.fsencode(d), b"caf\xe9.txt"), "w") as f:  # a Latin-1 name from an old archive
        f.write(make_article("cafe"))
    index = run(d, tmp_path / "out")
    assert statuses(index) == {"caf\\xe9.txt": ("ok", None), "good.txt": ("ok", None)}
    result = json.loads((tmp_path / "out" / "caf\\xe9.txt.json").read_text(encoding="utf-8"))
    assert result["source"] == "caf\\xe9.txt" and len(result["summary"]["takeaways"]) == 5
    (tmp_path / "out" / "index.jsonl").read_text(encoding="utf-8")  # valid UTF-8


def test_fifo_is_an_error_not_a_hang(run, tmp_path, make_article, alarm):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(make_article("bridge"))
    os.mkfifo(d / "pipe.txt")
    os.mkfifo(d / "feed.jsonl")
    s = statuses(run(d, tmp_path / "out"))
    assert s["good.txt"] == ("ok", None)
    assert s["pipe.txt"] == ("error", "not a regular file (a FIFO): not read")
    assert s["feed.jsonl"] == ("error", "not a regular file (a FIFO): not read")


def test_input_named_index_jsonl_keeps_the_index_a_file(run, tmp_path, make_article):
    d = tmp_path / "in"
    d.mkdir()
    (d / "index.jsonl").write_text(json.dumps({"id": "x1", "text": make_article("bridge")}) + "\n")
    out = tmp_path / "out"
    for _ in range(2):  # every run, not only the first
        index = run(d, out)
        assert statuses(index) == {"index.jsonl#x1": ("ok", None)}
        assert (out / "index.jsonl").is_file() and (out / "index.jsonl.records" / "x1.json").is_file()


def test_out_dir_equal_to_or_above_in_dir_is_refused(run, tiny_model, tmp_path, make_article):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(make_article("bridge"))
    (d / "feed.jsonl").write_text(json.dumps({"id": "r", "text": make_article("tram")}) + "\n")
    for out in (d, tmp_path, Path(str(d) + "/.")):
        with pytest.raises(ValueError, match="IN_DIR or a folder above it"):
            run(d, out)
    assert sorted(p.name for p in d.iterdir()) == ["a.txt", "feed.jsonl"]  # nothing written
    cli = subprocess.run([sys.executable, "-m", "summarizer", "batch", str(d), "--out", str(d), "--model", tiny_model,
                          "--device", "cpu", "--no-progress"], capture_output=True, text=True)
    assert cli.returncode == 2 and "folder above it" in cli.stderr
    inner = d / "results"  # OUT_DIR inside IN_DIR is fine: it is never read as input
    for _ in range(2):
        assert statuses(run(d, inner)) == {"a.txt": ("ok", None), "feed.jsonl#r": ("ok", None)}


# --- 5-7: security --------------------------------------------------------------------------------

def test_symlink_to_a_file_outside_in_dir_is_not_read(run, tmp_path, make_article):
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET + "\n" + make_article("payroll"))
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(make_article("bridge"))
    os.symlink(secret, d / "passwd.txt")
    os.symlink("a.txt", d / "alias.txt")  # inside IN_DIR: fine
    os.symlink(tmp_path / "nowhere.txt", d / "dangling.txt")
    out = tmp_path / "out"
    s = statuses(run(d, out))
    assert s["passwd.txt"][0] == "error" and "outside IN_DIR: not followed" in s["passwd.txt"][1]
    assert s["alias.txt"] == ("ok", None) and s["a.txt"] == ("ok", None)
    assert s["dangling.txt"][0] == "error"
    assert b"TOP-SECRET" not in all_output_bytes(out) and b"payroll" not in all_output_bytes(out)
    s = statuses(run(d, tmp_path / "out2", follow_symlinks=True))  # only when asked for
    assert s["passwd.txt"] == ("ok", None)
    assert s["dangling.txt"] == ("error", "broken symlink: its target does not exist")


def test_model_folder_with_custom_code_is_refused_and_never_run(tiny_model, tmp_path, make_article):
    model = tmp_path / "evil-model"
    shutil.copytree(tiny_model, model)
    marker = tmp_path / "pwned"
    (model / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('ran')\n"
                                   "from transformers import EncoderDecoderConfig as EvilConfig\n")
    cfg = json.loads((model / "config.json").read_text())
    cfg["auto_map"] = {"AutoConfig": "evil.EvilConfig"}
    (model / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(UnsafeModelError, match="custom code"):
        load_seq2seq(model)
    article = tmp_path / "a.txt"
    article.write_text(make_article("bridge"))
    cli = subprocess.run([sys.executable, "-m", "summarizer", "summarize", str(article), "--model", str(model),
                          "--device", "cpu"], input="y\ny\n", capture_output=True, text=True, timeout=300)
    assert cli.returncode == 2 and "never runs code from a model folder" in cli.stderr
    assert not marker.exists()


class _Exploit:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (Path(self.marker), "ran"))


def test_trainer_state_is_read_without_unpickling_code(tmp_path):
    import torch

    from summarizer.lab.train import read_trainer_state

    marker = tmp_path / "pwned"
    with open(tmp_path / "trainer_state.pt", "wb") as f:
        pickle.dump({"step": 3, "payload": _Exploit(str(marker))}, f)
    with pytest.raises(pickle.UnpicklingError):
        read_trainer_state(tmp_path / "trainer_state.pt")
    assert not marker.exists()
    torch.save({"step": 3, "seen": 96, "rng": (3, (1, 2), None), "torch_rng": torch.get_rng_state()},
               tmp_path / "good.pt")
    assert read_trainer_state(tmp_path / "good.pt")["seen"] == 96  # what training saves still loads


# --- 8-9: lost or wrong output ----------------------------------------------------------------------

def test_jsonl_ids_that_clean_to_the_same_name_all_get_results(run, tmp_path, make_article):
    d = tmp_path / "in"
    d.mkdir()
    long_a, long_b = "x" * 150 + "-first", "x" * 150 + "-second"
    ids = ["a/b", "a_b", long_a, long_b, "caf\u00e9 \u2603", 7]
    (d / "feed.jsonl").write_text("".join(json.dumps({"id": i, "text": make_article(f"topic {n}")}) + "\n"
                                          for n, i in enumerate(ids)))
    index = run(d, tmp_path / "out")
    assert [e["status"] for e in index] == ["ok"] * len(ids)
    assert sorted(e["id"] for e in index) == sorted(f"feed.jsonl#{i}" for i in ids)
    outputs = [e["output"] for e in index]
    assert len(set(outputs)) == len(ids) and all(len(Path(o).name) <= 120 for o in outputs)
    assert "feed.jsonl/a_b.json" in outputs  # a safe id keeps its plain name
    for e in index:
        assert json.loads((tmp_path / "out" / e["output"]).read_text())["id"] == e["id"]


def test_jsonl_id_equal_to_another_lines_default_name(run, tmp_path, make_article, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    (d / "feed.jsonl").write_text("\n".join([json.dumps({"id": "line3", "text": make_article("bridge")}),
                                             json.dumps({"id": "b", "text": make_article("tram")}),
                                             json.dumps({"text": make_article("zoo")}),
                                             json.dumps({"id": "b", "text": make_article("ferry")})]) + "\n")
    out = tmp_path / "out"
    index = run(d, out)
    assert statuses(index) == {"feed.jsonl#line3": ("ok", None), "feed.jsonl#b": ("ok", None),
                               "feed.jsonl#line3-2": ("ok", None),
                               "feed.jsonl#line4": ("error", "line 4: duplicate id 'b' (first on line 2)")}
    assert json.loads((out / "feed.jsonl/line3.json").read_text())["summary"]["support"][0][0].count("bridge")
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.json")}
    calls = []
    monkeypatch.setattr(batch, "run_engine", lambda *a: calls.append(1))
    assert run(d, out) == index and calls == []  # stable: nothing deleted and made again
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.json")} == before


def test_results_of_deleted_inputs_are_removed(run, tmp_path, make_article):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a", "b"):
        (d / f"{name}.txt").write_text(make_article(name * 4))
    out = tmp_path / "out"
    (out / "mine").mkdir(parents=True)
    (out / "mine" / "notes.json").write_text("{}")  # not ours: never touched
    run(d, out, markdown=True)
    (d / "b.txt").unlink()
    run(d, out, markdown=True)
    assert not (out / "b.txt.json").exists() and not (out / "b.txt.md").exists()
    assert (out / "a.txt.json").exists() and (out / "mine" / "notes.json").exists()


def test_second_batch_on_the_same_out_dir_stops_at_once(run, tmp_path, make_article):
    import fcntl

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(make_article("bridge"))
    out = tmp_path / "out"
    out.mkdir()
    with open(out / batch.LOCK, "a") as f:  # as a running batch holds it
        fcntl.flock(f.fileno(), fcntl.LOCK_EX)
        with pytest.raises(batch.BatchLockedError, match="another summarizer batch"):
            run(d, out)
    assert statuses(run(d, out)) == {"a.txt": ("ok", None)}  # released: runs


def test_utf16_and_utf32_files_are_read(run, tmp_path, make_article):
    d = tmp_path / "in"
    d.mkdir()
    text = make_article("caf\u00e9")
    for codec in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-8-sig"):
        (d / f"{codec}.txt").write_bytes(text.encode(codec))
    index = run(d, tmp_path / "out")
    assert all(e["status"] == "ok" for e in index), index
    sup = json.loads((tmp_path / "out" / "utf-16-be.txt.json").read_text())["summary"]["support"]
    assert any("caf\u00e9" in s for group in sup for s in group)
    for bad in (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "Caf\u00e9 owners".encode("latin-1")):
        with pytest.raises(ValueError):
            decode_bytes(bad)


# --- 10-11: time and size -----------------------------------------------------------------------

def test_sentence_splitting_never_hands_pysbd_a_long_paragraph(monkeypatch):
    from summarizer import text as text_mod

    seen = []
    real = text_mod._segmenter()

    class Spy:
        def segment(self, chunk):
            seen.append(len(chunk))
            return real.segment(chunk)

    monkeypatch.setattr(text_mod, "_segmenter", lambda: Spy())
    sentences = [f"Mr. Okafor said the plan for site {i} was approved on Monday." for i in range(1500)]
    one_paragraph = split_sentences(" ".join(sentences))
    assert max(seen) <= 5000  # the paragraph is 93,000 characters; pysbd's cost is quadratic in what it gets
    assert one_paragraph == sentences == split_sentences("\n".join(sentences))


@pytest.mark.parametrize("text", ["word " * 20000, "a" * 300000, "Officials said " + "very " * 6000 + "late."],
                         ids=["no-boundary", "one-word", "one-long-sentence"])
def test_text_without_sentence_boundaries_gives_short_takeaways(tiny_model, text):
    s = summarize(text, model=tiny_model, device="cpu")
    assert "long_sentence_cut" in s.flags
    assert len(s.takeaways) == 5
    assert all(len(t.split()) <= 80 and len(t) <= 80 * 8 for t in s.takeaways)
    assert len(s.abstract.split()) <= 125 and len(s.abstract) <= 125 * 8
    assert len(json.dumps(s.to_dict())) < 60_000
    if any(s.fallback):
        assert "quote_shortened" in s.flags


def test_long_sentences_cut_into_pieces():
    pieces, cut = split_sentences_cut("one, two; three " * 400)
    assert cut and len(pieces) > 1 and all(len(p) <= 2000 for p in pieces)
    assert " ".join(pieces).split() == ("one, two; three " * 400).split()  # nothing lost
    assert split_sentences_cut("A short one. Another one.") == (["A short one.", "Another one."], False)


# --- smaller things ---------------------------------------------------------------------------------

def test_api_refuses_a_string_for_many_and_mistyped_options(tiny_model):
    with pytest.raises(TypeError, match="summarize\\(text\\)"):
        summarize_many("Hi", model=tiny_model)
    with pytest.raises(TypeError, match="num_beams must be an int"):
        summarize("The council met.", model=tiny_model, num_beams="4")
    with pytest.raises(TypeError, match="clean must be a bool"):
        SummarizeOptions(clean=1)


def test_one_sentence_and_foreign_text_are_flagged(tiny_model, make_article):
    s = summarize("The council approved the new bridge on Monday.", model=tiny_model, device="cpu")
    assert {"takeaway_filled", "takeaway_repeated"} <= set(s.flags)
    zh = "政府周一宣布了一项新的养老金改革。工会呼吁在全国范围内举行罢工。据部长称，这项改革将节省140亿欧元。"
    fr = ("Le gouvernement a annoncé lundi une nouvelle réforme des retraites. Les syndicats ont appelé à la grève "
          "dans tout le pays. Selon le ministre, la réforme permettra d'économiser 14 milliards d'euros.")
    for text in (zh, fr):
        assert "not_english" in summarize(text, model=tiny_model, device="cpu").flags
    english = summarize(make_article("bridge"), model=tiny_model, device="cpu")
    assert "not_english" not in english.flags and "takeaway_repeated" not in english.flags
