"""A sheet of random (source, takeaway) pairs to read and judge by hand (#10).

    python scripts/sheet.py runs/eval/cnndm-test-1000.outputs.jsonl --n 100 > sheet.md

Reads the outputs file `summarizer evaluate` writes beside its report, draws `--n`
takeaways at random (seeded, so two outputs files of the same articles give the same
draws when they hold the same number of takeaways per article) and prints each with the
sentence(s) it was written from, whether it was quoted as written, and a blank verdict
to fill in: ok, unfaithful (states what the source does not) or fragment (not a sentence).
"""

from __future__ import annotations

import argparse
import json
import random


def pairs(path: str) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for k, (text, src) in enumerate(zip(r["takeaways"], r["takeaway_sources"])):
                out.append({"id": r["id"], "k": k + 1, "takeaway": text, "source": src,
                            "quoted": bool(r["fallback"][k]) if k < len(r["fallback"]) else False})
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("outputs", help="an outputs.jsonl written by summarizer evaluate")
    p.add_argument("--n", type=int, default=100)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    rows = pairs(args.outputs)
    pick = sorted(random.Random(args.seed).sample(range(len(rows)), min(args.n, len(rows))))
    quoted = sum(rows[i]["quoted"] for i in pick)
    print(f"# {len(pick)} random takeaways of {args.outputs} (seed {args.seed}; {quoted} quoted as written)\n")
    print("Verdict: ok / unfaithful / fragment\n")
    for n, i in enumerate(pick, 1):
        r = rows[i]
        print(f"## {n}. article {r['id'][:10]}, takeaway {r['k']}{' (quoted)' if r['quoted'] else ''}\n")
        print("- source: " + " / ".join(r["source"]))
        print(f"- takeaway: {r['takeaway']}")
        print("- verdict: \n")


if __name__ == "__main__":
    main()
