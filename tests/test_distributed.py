"""`--shard I/N` and `--dask`: the same bytes as one plain batch of the same folder."""

import json
from pathlib import Path

import pytest

from summarizer import batch


def visible_tree(root: Path) -> dict[str, bytes]:
    """Results, briefs and the index; not the hidden bookkeeping (locks, shard parts of the index)."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts)}


@pytest.fixture
def folder(tmp_path, make_article):
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    topics = ["bridge", "tram", "museum", "stadium", "zoo", "ferry", "school", "hospital", "market", "library"]
    for i, topic in enumerate(topics):
        (d / ("sub" if i % 3 else "") / f"{topic}.txt").write_text(make_article(topic, 4 + i % 6))
    (d / "feed.jsonl").write_text("".join(json.dumps({"id": f"r{k}", "text": make_article(f"park {k}")}) + "\n"
                                          for k in range(4)) + "{broken\n")
    (d / "bad.txt").write_bytes(b"")
    return d


@pytest.fixture
def opts(tiny_model):
    return dict(model=tiny_model, device="cpu", batch_size=3, progress=False, markdown=True)


def test_shards_give_the_bytes_of_a_plain_batch(folder, tmp_path, opts):
    plain = batch.run_batch(folder, tmp_path / "plain", **opts)
    out = tmp_path / "sharded"
    seen = []
    for i in range(3):
        part = batch.run_batch(folder, out, shard=f"{i}/3", **opts)
        seen += [e["id"] for e in part]
        assert (out / "index.jsonl").exists() == (i == 2)  # written by the shard that completes the set
    assert sorted(seen) == sorted(e["id"] for e in plain)  # every input in exactly one shard
    assert visible_tree(out) == visible_tree(tmp_path / "plain")

    (folder / "bridge.txt").unlink()  # a shard run again alone updates the index and drops the orphan
    owner = batch.shard_of("bridge.txt", 3)
    batch.run_batch(folder, out, shard=f"{owner}/3", **opts)
    batch.run_batch(folder, tmp_path / "plain", **opts)
    assert not (out / "bridge.txt.json").exists()
    assert visible_tree(out) == visible_tree(tmp_path / "plain")


@pytest.mark.parametrize("shard", ["3/3", "1", "a/b", "-1/2"])
def test_bad_shard_is_refused(folder, tmp_path, opts, shard):
    with pytest.raises(ValueError, match="I/N"):
        batch.run_batch(folder, tmp_path / "out", shard=shard, **opts)


def test_dask_local_cluster_gives_the_bytes_of_a_plain_batch(folder, tmp_path, opts):
    """Two worker processes writing shards into one OUT_DIR at once, as on a real cluster."""
    pytest.importorskip("distributed")
    from summarizer.distributed import run_dask

    plain = batch.run_batch(folder, tmp_path / "plain", **opts)
    index = run_dask(folder, tmp_path / "dask", scheduler="local:2", shards=5, **opts)
    assert index == plain
    assert visible_tree(tmp_path / "dask") == visible_tree(tmp_path / "plain")
    with pytest.raises(ValueError, match="folder above it"):
        run_dask(folder, folder, scheduler="local:1", **opts)
