"""Fault injection for `summarizer batch`: a hostile folder, kill -9 at random points, resume.

    python scripts/fault_injection.py                    # 2,000 inputs, 5% bad, 5 kills, tiny random model
    python scripts/fault_injection.py --model checkpoints/bert2bert-minilm-news --inputs 300

Builds a folder of generated articles with bad inputs of every kind the batch must survive (a name
that is not UTF-8, a FIFO, an input named index.jsonl, symlinks out of the folder, to nowhere and to
themselves, JSON Lines ids that collide once cleaned, text with no sentence boundaries, a 10,000-
sentence paragraph, binary, Latin-1, UTF-16, empty, oversized, broken JSON, boilerplate only, a
folder named like a file). Runs one uninterrupted batch as the reference, then the same batch
killed with SIGKILL at random moments and resumed until it finishes, and prints: inputs, results,
errors, crashes, hangs, bytes written outside OUT_DIR, whether a folder above IN_DIR is refused as
OUT_DIR, and whether the resumed output is byte-identical to the reference. Every run has a time
limit (a run past it counts as a hang). Not a unit test: a maintainer runs it (minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECRET = "FAULT-INJECTION-SECRET do not copy this line anywhere"
FACTS = [
    "Officials in {town} said on {day} that the {thing} would open in {month}.",
    "The {thing} will cost about {n} million pounds, according to the council's own figures.",
    "Residents told the meeting that traffic near the {thing} had doubled since {year}.",
    "The mayor of {town}, {name}, said the plan had been approved by {k} votes to {j}.",
    "Engineers expect work on the {thing} to take {k} years and employ {n} people.",
    "Opponents argued that the money should have gone to schools and hospitals instead.",
    "A public consultation on the design of the {thing} closes at the end of {month}.",
    "Local shops reported that visitor numbers rose by {k} percent during the trial period.",
    "The regional government will publish a detailed timetable before the summer.",
    "A similar scheme in {town} collapsed in {year} after a dispute over the budget.",
]
WORDS = dict(town=["Northvale", "Eastmoor", "Lindenford", "Castlebridge", "Wrenmoor"],
             day=["Monday", "Tuesday", "Friday"], month=["March", "June", "October"],
             thing=["bridge", "tram line", "library", "harbour wall", "stadium", "bus depot", "clinic"],
             name=["Helen Carter", "Amir Haddad", "Joan Okafor", "Luis Pereira"])


def article(rng: random.Random) -> str:
    fill = {k: rng.choice(v) for k, v in WORDS.items()}
    fill.update(n=rng.randint(2, 900), k=rng.randint(2, 40), j=rng.randint(1, 9), year=rng.randint(1990, 2024))
    facts = rng.sample(FACTS, rng.randint(4, len(FACTS)))
    return "\n".join(f.format(**fill) for f in facts) + "\n"


def bad_inputs(d: Path, outside: Path, rng: random.Random) -> list:
    """Makers of bad (or merely strange) inputs, one kind each; each call makes one input."""
    def name(i, ext):
        return d / "bad" / f"{i:04d}{ext}"
    return [
        lambda i: open(os.path.join(os.fsencode(d / "bad"), f"caf\xe9-{i}.txt".encode("latin-1")), "w").write(article(rng)),
        lambda i: os.mkfifo(name(i, ".txt")),
        lambda i: os.symlink(outside, name(i, ".txt")),  # points outside IN_DIR
        lambda i: os.symlink(d / "bad" / f"nowhere-{i}", name(i, ".txt")),  # dangling
        lambda i: os.symlink(f"{i:04d}.md", name(i, ".md")),  # a loop
        lambda i: name(i, ".jsonl").write_text("".join(json.dumps({"id": x, "text": article(rng)}) + "\n"
                                                       for x in ("a/b", "a_b", "x" * 150 + "1", "x" * 150 + "2"))),
        lambda i: name(i, ".jsonl").write_text(json.dumps({"id": "line3", "text": article(rng)}) + "\n{broken\n"
                                               + json.dumps({"text": article(rng)}) + "\n"),
        lambda i: name(i, ".txt").write_text("word " * rng.randint(50_000, 400_000)),  # no boundaries
        lambda i: name(i, ".txt").write_text("a" * 1_999_999),
        lambda i: name(i, ".txt").write_text(" ".join(f"The council met on day {k} to discuss the plan." for k in range(10_000))),
        lambda i: name(i, ".txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + os.urandom(200)),
        lambda i: name(i, ".txt").write_bytes("Caf\u00e9 owners in M\u00e1laga protested.".encode("latin-1")),
        lambda i: name(i, ".txt").write_bytes(article(rng).encode("utf-16")),  # strange but good
        lambda i: name(i, ".txt").write_bytes(b""),
        lambda i: os.truncate(open(name(i, ".txt"), "wb").name, 21 * 2**20),  # over the 20 MB limit (sparse)
        lambda i: name(i, ".json").write_text('{"text": "unfinished'),
        lambda i: name(i, ".txt").write_text("Advertisement\nShare this article\n"),
        lambda i: (name(i, ".txt").mkdir(), (name(i, ".txt") / "inner.txt").write_text(article(rng))),
    ]


def build(root: Path, n: int, bad_share: float, seed: int) -> Path:
    rng = random.Random(seed)
    d = root / "in"
    (d / "bad").mkdir(parents=True)
    outside = root / "outside-secret.txt"
    outside.write_text(SECRET + "\n" + article(rng))
    n_bad = int(n * bad_share)
    makers = bad_inputs(d, outside, rng)
    for i in range(n_bad):
        makers[i % len(makers)](i)
    (d / "index.jsonl").write_text(json.dumps({"id": "top", "text": article(rng)}) + "\n")  # named like the index
    for i in range(n - n_bad - 1):
        sub = d / f"part{i % 7}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:05d}.txt").write_text(article(rng))
    return d


def snapshot(root: Path, skip: list[Path]) -> dict[str, tuple[int, str]]:
    """(size, sha256) of every regular file under root outside the `skip` folders."""
    out = {}
    for dirpath, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if Path(dirpath, x) not in skip]
        for f in files:
            p = os.path.join(dirpath, f)
            if os.path.isfile(p) and not os.path.islink(p):
                with open(p, "rb", opener=lambda path, flags: os.open(path, flags | os.O_NONBLOCK)) as fh:
                    out[p] = (os.fstat(fh.fileno()).st_size, hashlib.sha256(fh.read()).hexdigest())
    return out


def tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != ".summarizer-batch.lock"}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--inputs", type=int, default=2000, help="inputs in the folder (default 2000)")
    ap.add_argument("--bad-share", type=float, default=0.05, help="share of bad inputs (default 0.05)")
    ap.add_argument("--kills", type=int, default=5, help="kill -9 this many times before letting it finish")
    ap.add_argument("--model", help="model folder (default: a tiny random checkpoint made here)")
    ap.add_argument("--run-timeout", type=float, default=900, help="seconds a run may take before it is a hang")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workdir", help="keep the folders here (default: a temporary folder)")
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    root = Path(args.workdir or tempfile.mkdtemp(prefix="fault-injection-")).resolve()
    root.mkdir(parents=True, exist_ok=True)
    model = args.model
    if model is None:
        from summarizer.lab.tiny import make_tiny_checkpoint

        model = str(make_tiny_checkpoint(root / "tiny-model"))
    t0 = time.time()
    in_dir = build(root, args.inputs, args.bad_share, args.seed)
    ref, out = root / "out-reference", root / "out-resumed"
    before = snapshot(root, [ref, out])
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "1")}

    def cmd(o: Path) -> list[str]:
        return [sys.executable, "-m", "summarizer", "batch", str(in_dir), "--out", str(o), "--model", model,
                "--device", "cpu", "--no-progress"]

    crashes, hangs, runs = 0, 0, []

    def finish(o: Path) -> None:
        nonlocal crashes, hangs
        t = time.time()
        try:
            r = subprocess.run(cmd(o), capture_output=True, text=True, timeout=args.run_timeout, env=env)
        except subprocess.TimeoutExpired:
            hangs += 1
            return
        runs.append(time.time() - t)
        if r.returncode not in (0, 1) or "Traceback" in r.stderr:
            crashes += 1
            print(r.stderr[-2000:], file=sys.stderr)

    finish(ref)
    full = runs[-1] if runs else args.run_timeout
    for _ in range(args.kills):  # start, kill -9 at a random moment, start again
        p = subprocess.Popen(cmd(out), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                             start_new_session=True)
        try:
            p.wait(timeout=rng.uniform(0.05, 1.0) * full)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
        else:
            if p.returncode not in (0, 1):
                crashes += 1
    finish(out)
    after = snapshot(root, [ref, out])
    outside_bytes = sum(after[p][0] for p in after if before.get(p) != after[p])
    refused = subprocess.run(cmd(in_dir), capture_output=True, text=True, timeout=120, env=env)
    index = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()] \
        if (out / "index.jsonl").exists() else []
    leaked = any(SECRET.encode() in b for b in tree(out).values())
    report = {
        "inputs": len(index), "results": sum(e["status"] == "ok" for e in index),
        "errors": sum(e["status"] == "error" for e in index), "crashes": crashes, "hangs": hangs,
        "kills": args.kills, "bytes_written_outside_out_dir": outside_bytes, "secret_leaked": leaked,
        "out_dir_equal_to_in_dir_refused": refused.returncode == 2,
        "byte_identical_to_uninterrupted": tree(out) == tree(ref),
        "uninterrupted_run_s": round(full, 1), "wall_s": round(time.time() - t0, 1), "workdir": str(root),
    }
    print(json.dumps(report, indent=2))
    ok = (not crashes and not hangs and not outside_bytes and not leaked and report["byte_identical_to_uninterrupted"]
          and report["out_dir_equal_to_in_dir_refused"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
