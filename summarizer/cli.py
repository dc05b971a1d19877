"""The `summarizer` command (also `python -m summarizer`).

    summarizer summarize FILE|-          Markdown brief (or --json) of one article
    summarizer batch IN_DIR --out DIR    every article of a folder, resumable
    summarizer train|evaluate|bench ...  training and evaluation (their own --help)

The options of `summarize` and `batch` are the fields of `SummarizeOptions`, one
to one (`num_beams` is `--num-beams`), with the same defaults and help.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from importlib import import_module

from . import __version__
from .api import SummarizeOptions, option_help, summarize

# subcommands that hand their arguments to another module's main(argv)
DISPATCH = {
    "train": ("summarizer.lab.train", "fine-tune the model (summarizer train --config configs/bert2bert-minilm.yaml)"),
    "evaluate": ("summarizer.lab.evaluate", "score a model on the test sets"),
    "bench": ("summarizer.lab.bench", "measure speed and memory"),
}


def add_summarize_options(parser: argparse.ArgumentParser) -> None:
    """One option per SummarizeOptions field."""
    helps = option_help()
    for f in dataclasses.fields(SummarizeOptions):
        flag = "--" + f.name.replace("_", "-")
        help_ = f"{helps.get(f.name, '')} (default: {f.default})"
        if isinstance(f.default, bool):
            parser.add_argument(flag, action=argparse.BooleanOptionalAction, default=f.default, help=help_)
        else:
            kind = str if f.default is None else type(f.default)
            parser.add_argument(flag, type=kind, default=f.default, help=help_,
                                metavar=f.name.upper() if kind is not str else None)


def summarize_options(args: argparse.Namespace) -> dict:
    return {f.name: getattr(args, f.name) for f in dataclasses.fields(SummarizeOptions)}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="summarizer", description="An abstract and five Key Takeaways "
                                     "of a news article.")
    parser.add_argument("--version", action="version", version=f"summarizer {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("summarize", help="summarise one article (text or HTML file, or - for stdin)")
    p.add_argument("file", metavar="FILE", help="article file, or - to read standard input")
    p.add_argument("--json", action="store_true", help="print the JSON result instead of Markdown")
    add_summarize_options(p)

    p = sub.add_parser("batch", help="summarise every article in a folder (resumable)")
    p.add_argument("in_dir", metavar="IN_DIR", help="folder of .txt, .md, .html, .json and .jsonl inputs")
    p.add_argument("--out", dest="out_dir", required=True, metavar="OUT_DIR", help="folder for the results")
    p.add_argument("--markdown", action="store_true", help="also write a .md brief beside each result")
    p.add_argument("--max-file-mb", type=float, default=20, help="bigger input files are errors (default: 20)")
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=True, help="show a progress bar")
    p.add_argument("--follow-symlinks", action="store_true",
                   help="also read files that symlinks in IN_DIR point to outside it (default: such links are errors)")
    p.add_argument("--shard", metavar="I/N", default=None,
                   help="only shard I of N (0-based; by a hash of each input's id): run N of these, one per job, "
                        "on one OUT_DIR; the last to finish writes index.jsonl")
    p.add_argument("--dask", metavar="SCHEDULER", default=None,
                   help="run on a Dask cluster: a scheduler address (tcp://host:8786) or local:N for N worker "
                        "processes here (pip install -e \".[distributed]\")")
    p.add_argument("--dask-shards", type=int, default=None, metavar="N",
                   help="with --dask: tasks to cut the folder into (default: 4 per worker)")
    add_summarize_options(p)

    for name, (_, help_) in DISPATCH.items():
        sub.add_parser(name, help=help_, add_help=False)
    return parser


def read_input(file: str) -> str:
    from .text import decode_bytes

    data = sys.stdin.buffer.read() if file == "-" else open(file, "rb").read()
    try:
        return decode_bytes(data)
    except ValueError as e:
        raise ValueError(f"{file}: {e}") from None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in DISPATCH:  # their own parsers read the rest
        try:
            module = import_module(DISPATCH[argv[0]][0])
        except ModuleNotFoundError as e:  # the lab's own dependencies are an extra
            sys.stderr.write(f"summarizer {argv[0]}: needs {e.name!r}, one of the lab's dependencies: "
                             "pip install -e \".[train]\"\n")
            return 2
        return module.main(argv[1:]) or 0
    args = build_parser().parse_args(argv)
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # no "Loading weights" bar around our output
    try:
        if args.command == "summarize":
            s = summarize(read_input(args.file), **summarize_options(args))
            sys.stdout.write(json.dumps(s.to_dict(), ensure_ascii=False, indent=2) + "\n" if args.json
                             else s.to_markdown())
            return 0
        common = dict(markdown=args.markdown, max_file_mb=args.max_file_mb, progress=args.progress,
                      follow_symlinks=args.follow_symlinks, **summarize_options(args))
        if args.dask:
            if args.shard:
                raise ValueError("--dask makes its own shards: leave out --shard")
            try:
                from .distributed import run_dask
            except ImportError as e:
                raise ValueError(f"--dask needs Dask: pip install -e \".[distributed]\" ({e})") from None
            index = run_dask(args.in_dir, args.out_dir, scheduler=args.dask, shards=args.dask_shards, **common)
        else:
            from .batch import run_batch

            index = run_batch(args.in_dir, args.out_dir, shard=args.shard, **common)
        failed = [e for e in index if e["status"] != "ok"]
        print(f"{len(index) - len(failed)} ok, {len(failed)} failed; index: {args.out_dir}/index.jsonl",
              file=sys.stderr)
        return 1 if failed else 0
    except (OSError, ValueError) as e:  # no model, unreadable file, empty input, bad option
        print(f"summarizer: error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("summarizer: interrupted; run the same command again to finish", file=sys.stderr)
        return 130
