"""Carry the extractor's labelled training data to another machine in a few compact files.

`summarizer train` labels the articles once and caches them as JSON Lines under
`<out_dir>/data/` (`lab/train_extractor.prepare`): WordPiece ids of each sentence,
the oracle's labels, and (validation) the sentences and highlights. That cache is
about 280 MB for the 38,576 CNN/DM training articles, too much for a GPU machine
reached through a 64 MiB transfer. Packed here it is ids as uint16 and lengths,
xz-compressed (about 1 byte a token), in as many parts as asked for; `unpack` writes
the JSON Lines cache back (ids and labels: all the training loop reads), so the
trainer finds its data labelled and skips straight to training.

    python scripts/extractor_data.py pack runs/a/data/train-12000.jsonl ... --parts 2 --out .gpu/train
    python scripts/extractor_data.py unpack .gpu/train-*.xz --out runs/extractor-gpu/data/train-0.jsonl

No pickle: the arrays are read back with `allow_pickle=False`.
"""

from __future__ import annotations

import argparse
import io
import json
import lzma
from pathlib import Path

import numpy as np


def pack(rows: list[dict]) -> bytes:
    counts = np.array([len(r["ids"]) for r in rows], dtype=np.uint16)  # sentences an article
    lengths = np.array([len(s) for r in rows for s in r["ids"]], dtype=np.uint16)  # tokens a sentence
    ids = np.array([t for r in rows for s in r["ids"] for t in s], dtype=np.uint16)  # BERT's 30,522 fit
    nlab = np.array([len(r["labels"]) for r in rows], dtype=np.uint8)
    labels = np.array([i for r in rows for i in r["labels"]], dtype=np.uint16)
    buf = io.BytesIO()
    np.savez(buf, counts=counts, lengths=lengths, ids=ids, nlab=nlab, labels=labels)
    return lzma.compress(buf.getvalue(), preset=9)


def unpack(blob: bytes) -> list[dict]:
    z = np.load(io.BytesIO(lzma.decompress(blob)), allow_pickle=False)
    ids, lengths, labels = z["ids"].tolist(), z["lengths"].tolist(), z["labels"].tolist()
    rows, t, s, lab = [], 0, 0, 0
    for n, k in zip(z["counts"].tolist(), z["nlab"].tolist()):
        sents = []
        for length in lengths[s:s + n]:
            sents.append(ids[t:t + length])
            t += length
        s += n
        rows.append({"ids": sents, "labels": labels[lab:lab + k]})
        lab += k
    return rows


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack", help="JSON Lines caches -> <out>-<k>.xz")
    p.add_argument("files", nargs="+", help="the trainer's cached JSON Lines, in the order to keep")
    p.add_argument("--parts", type=int, default=1, help="split the articles into this many files")
    p.add_argument("--out", required=True, help="path prefix of the packed files")
    u = sub.add_parser("unpack", help="<packed files> -> one JSON Lines cache (ids and labels)")
    u.add_argument("files", nargs="+")
    u.add_argument("--out", required=True)
    args = ap.parse_args(argv)
    if args.cmd == "pack":
        rows = [json.loads(line) for f in args.files for line in open(f)]
        size = -(-len(rows) // args.parts)
        for k in range(args.parts):
            path = Path(f"{args.out}-{k}.xz")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pack(rows[k * size:(k + 1) * size]))
            print(f"{path}: {min(size, len(rows) - k * size)} articles, {path.stat().st_size / 1e6:.1f} MB")
    else:
        out = Path(args.out)
        out.parent.mkdir(parents=True, exist_ok=True)
        n = 0
        with open(out, "w") as f:
            for name in args.files:
                for r in unpack(Path(name).read_bytes()):
                    f.write(json.dumps(r) + "\n")
                    n += 1
        print(f"{out}: {n} articles")


if __name__ == "__main__":
    main()
