"""`run_batch` over a folder of good and bad inputs, resume, and interruption (Ctrl-C, kill -9)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarizer import batch

BAD = {  # input id -> a word of its one-line error
    "empty.txt": "empty: no text",
    "blank.md": "empty: no text",
    "binary.txt": "binary file",
    "latin1.txt": "not UTF-8",
    "huge.txt": "too large: 21.0 MB, over the 20 MB limit",
    "loop.txt": "symlink loop",
    "locked.txt": "permission denied",
    "gone.txt": "vanished",
    "no_field.json": "no text field",
    "broken.json": "invalid JSON",
    "only_ads.txt": "no article text left",
    "feed.jsonl#line3": "invalid JSON",
    "feed.jsonl#line4": "duplicate id 'a1'",  # the second record with id a1
}
GOOD = ["a.txt", "b.md", "page.html", "sub/c.txt", "sub/deeper/d.htm", "story.json", "feed.jsonl#a1",
        "feed.jsonl#line2"]


def make_inputs(root: Path, make_article) -> Path:
    d = root / "in"
    (d / "sub" / "deeper").mkdir(parents=True)
    (d / "a.txt").write_text(make_article("bridge"))
    (d / "b.md").write_text("# Tram news\n\n" + make_article("tram line", 5))
    (d / "page.html").write_text("<html><body><article><p>" + make_article("museum").replace("\n", "</p><p>")
                                 + "</p></article></body></html>")
    (d / "sub" / "c.txt").write_text(make_article("stadium", 9))
    (d / "sub" / "deeper" / "d.htm").write_text("<html><body><p>" + make_article("zoo", 6) + "</p></body></html>")
    (d / "story.json").write_text(json.dumps({"title": "x", "article": make_article("ferry")}))
    (d / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "a1", "text": make_article("school")}),
        json.dumps({"content": make_article("hospital", 4)}),
        "{not json",
        json.dumps({"id": "a1", "text": make_article("market")}),
    ]) + "\n")
    (d / "notes.csv").write_text("ignored,file\n")  # not an input kind
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.md").write_text("  \n\n\t\n")
    (d / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (d / "latin1.txt").write_bytes("Caf\u00e9 owners in M\u00e1laga protested on Sunday.".encode("latin-1"))
    with open(d / "huge.txt", "wb") as f:  # 21 MB, sparse: costs no disk
        f.truncate(21 * 2**20)
    os.symlink("loop.txt", d / "loop.txt")
    (d / "locked.txt").write_text(make_article("prison"))
    os.chmod(d / "locked.txt", 0)
    (d / "gone.txt").write_text(make_article("ghost"))
    (d / "no_field.json").write_text(json.dumps({"headline": "nothing else"}))
    (d / "broken.json").write_text('{"text": "unfinished')
    (d / "only_ads.txt").write_text("Advertisement\nShare this article\n")
    return d


@pytest.fixture
def inputs(tmp_path, make_article, monkeypatch):
    """The input folder, with gone.txt deleted after listing and locked.txt unreadable even to root."""
    d = make_inputs(tmp_path, make_article)
    collect = batch.collect

    def collect_then_delete(*args):
        units = collect(*args)
        (d / "gone.txt").unlink(missing_ok=True)
        return units

    monkeypatch.setattr(batch, "collect", collect_then_delete)
    real_open = open

    def open_as_user(path, *args, **kwargs):  # root reads mode-000 files: refuse as the OS would a user
        if Path(path).name == "locked.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(batch, "open", open_as_user, raising=False)
    yield d
    os.chmod(d / "locked.txt", 0o644)


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_batch_results_and_index(tiny_model, inputs, tmp_path):
    out = tmp_path / "out"
    index = batch.run_batch(inputs, out, model=tiny_model, device="cpu", batch_size=3, progress=False)
    by_id = {e["id"]: e for e in index}
    assert sorted(by_id) == sorted(set(BAD) | set(GOOD))
    assert [e["id"] for e in index] == sorted(by_id)
    for id_, word in BAD.items():
        assert by_id[id_]["status"] == "error" and word in by_id[id_]["error"], by_id[id_]
        assert "\n" not in by_id[id_]["error"]
    for id_ in GOOD:
        e = by_id[id_]
        assert e["status"] == "ok" and e["error"] is None
        result = json.loads((out / e["output"]).read_text())
        assert result["id"] == id_ and len(result["summary"]["takeaways"]) == 5
    assert by_id["sub/deeper/d.htm"]["output"] == "sub/deeper/d.htm.json"
    assert by_id["feed.jsonl#line2"]["output"] == "feed.jsonl/line2.json"
    assert "html_extracted" in json.loads((out / "page.html.json").read_text())["summary"]["flags"]
    assert [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()] == index
    assert not list(out.rglob(".*.tmp"))


def test_rerun_skips_finished_results_and_redoes_changed_ones(tiny_model, inputs, tmp_path, monkeypatch):
    out = tmp_path / "out"
    opts = dict(model=tiny_model, device="cpu", batch_size=4, progress=False)
    batch.run_batch(inputs, out, **opts)
    first = tree(out)
    calls = []
    run_engine = batch.run_engine
    monkeypatch.setattr(batch, "run_engine", lambda e, p, o: calls.append(len(p)) or run_engine(e, p, o))
    index = batch.run_batch(inputs, out, **opts)
    assert calls == []  # nothing to do
    results = tree(out)
    assert results.pop("index.jsonl") != first.pop("index.jsonl")  # gone.txt is gone for good now
    assert results == first and "gone.txt" not in {e["id"] for e in index}

    (inputs / "a.txt").write_text((inputs / "a.txt").read_text() + "\nA late change was reported on Friday.")
    (out / "sub" / ".c.txt.json.999.tmp").write_text('{"half": ')  # left by a killed writer
    batch.run_batch(inputs, out, **opts)
    assert calls == [1]  # only the changed input
    assert not list(out.rglob("*.tmp"))
    batch.run_batch(inputs, out, **opts, num_beams=2)
    assert calls == [1, 4, 4] and len(GOOD) == 8  # other decoding options: everything again, 4 at a time

    (inputs / "b.md").write_text("Advertisement\n")  # an input gone bad: its old result goes too
    index = batch.run_batch(inputs, out, **opts, num_beams=2)
    assert {e["id"]: e["status"] for e in index}["b.md"] == "error" and not (out / "b.md.json").exists()


def test_markdown_beside_results(tiny_model, inputs, tmp_path):
    out = tmp_path / "out"
    batch.run_batch(inputs, out, model=tiny_model, device="cpu", progress=False, markdown=True)
    md = (out / "a.txt.md").read_text()
    assert md.startswith("## Abstract") and "## Key Takeaways" in md


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT], ids=["kill-9", "ctrl-c"])
def test_interrupted_batch_resumes_to_identical_bytes(tiny_model, tmp_path, make_article, sig):
    d = tmp_path / "in"
    d.mkdir()
    # 54 articles: the signal goes when 4 are written, and the tiny model writes the rest in well under a second
    # on an idle machine, so 18 were sometimes all written before it arrived
    topics = [f"{place} {n}" for n in ("north", "south", "east") for place in (
        "bridge", "tram", "museum", "stadium", "zoo", "ferry", "school", "hospital", "market", "library",
        "harbour", "airport", "park", "pool", "theatre", "prison", "cinema", "canal")]
    for i, topic in enumerate(topics):
        (d / f"{i:02d}.txt").write_text(make_article(topic, 5 + i % 5))
    (d / "bad.txt").write_bytes(b"\xff\xfe")
    opts = dict(model=tiny_model, device="cpu", batch_size=2)

    reference = tmp_path / "reference"
    batch.run_batch(d, reference, progress=False, **opts)

    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "summarizer", "batch", str(d), "--out", str(out), "--model", tiny_model,
           "--device", "cpu", "--batch-size", "2", "--no-progress"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while len(list(out.rglob("*.txt.json"))) < 4 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.02)
    proc.send_signal(sig)
    rc = proc.wait()
    done = len(list(out.rglob("*.txt.json")))
    assert 4 <= done < len(topics), "the run was not stopped midway"
    assert rc == (-9 if sig == signal.SIGKILL else 130)
    assert not (out / "index.jsonl").exists()

    rerun = subprocess.run(cmd, capture_output=True, text=True)
    assert rerun.returncode == 1, rerun.stderr  # bad.txt failed
    assert tree(out) == tree(reference)


def test_engine_failure_on_one_article_spares_its_batch(tiny_model, tmp_path, make_article, monkeypatch):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("a", "b", "c"):
        (d / f"{name}.txt").write_text(make_article(name * 5) + ("\nPOISON pill sentence." if name == "b" else ""))
    run_engine = batch.run_engine

    def fragile(engine, prepared, opts):
        if any("POISON" in text for text, _ in prepared):
            raise RuntimeError("engine broke\non two lines")
        return run_engine(engine, prepared, opts)

    monkeypatch.setattr(batch, "run_engine", fragile)
    index = batch.run_batch(d, tmp_path / "out", model=tiny_model, device="cpu", batch_size=3, progress=False)
    assert [(e["id"], e["status"], e["error"]) for e in index] == [
        ("a.txt", "ok", None), ("b.txt", "error", "RuntimeError: engine broke on two lines"), ("c.txt", "ok", None)]


def test_result_options_read_the_model_a_tilde_path_names(tiny_model, tmp_path, monkeypatch):
    import hashlib
    import shutil

    from summarizer.api import SummarizeOptions
    from summarizer.batch import result_options

    shutil.copytree(tiny_model, tmp_path / "m")
    monkeypatch.setenv("HOME", str(tmp_path))
    d = result_options(SummarizeOptions(model="~/m"))
    assert d["model"] == "m" and d["model_sha256"] != hashlib.sha256().hexdigest()  # the weights were read
    assert d == result_options(SummarizeOptions(model=str(tmp_path / "m")))
