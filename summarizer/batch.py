"""`summarizer batch IN_DIR --out OUT_DIR`: summarise every article in a folder.

Inputs, found by walking IN_DIR (symlinked folders are not followed):
    .txt .md             the article (plain text; HTML inside is detected)
    .html .htm           a web page (main text extracted)
    .json                an object with a "text", "article" or "content" field
    .jsonl               one such object per line, named by its "id" field (else "line<N>")

Outputs, mirroring the input names:
    OUT_DIR/<path>.json              for a file  (a/b.txt -> a/b.txt.json)
    OUT_DIR/<path>/<id>.json         for a JSON Lines record (news.jsonl -> news.jsonl/<id>.json)
    OUT_DIR/index.jsonl              one line per input, sorted by id: status "ok" or "error" + message

Every file is written atomically (a temporary file, then `os.replace`). A result
records the SHA-256 of its input and the options it was made with; a re-run
skips every input whose result matches both, so a run interrupted at any point
(Ctrl-C, `kill -9`) and started again ends with the same bytes as a run that
never stopped. Results hold no timestamps. A bad input gets a one-line error in
the index and never stops the batch.
"""

from __future__ import annotations

import dataclasses
import errno
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from .api import Summary, SummarizeOptions, get_engine, prepare, run_engine

KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
TEXT_FIELDS = ("text", "article", "content")
INDEX = "index.jsonl"
_TMP = ".tmp"


class InputError(Exception):
    """A bad input; the message is the one-line error that goes in the index."""


@dataclass
class Unit:
    id: str  # "a/b.txt", or "news.jsonl#<id>" for a JSON Lines record
    path: Path  # the input file
    out: str  # the result's path relative to OUT_DIR
    span: tuple[int, int] | None = None  # (offset, length) of a JSON Lines record in its file
    error: str | None = None  # known bad before its turn comes


# --- reading inputs -------------------------------------------------------------------

def read_bytes(path: Path, max_bytes: int, span: tuple[int, int] | None = None) -> bytes:
    """The file's bytes (or those of `span`); InputError with a one-line reason when they cannot be used."""
    try:
        with open(path, "rb") as f:
            size = span[1] if span else os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"too large: {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit")
            if span:
                f.seek(span[0])
            return check(f.read(span[1] if span else max_bytes + 1), max_bytes)
    except OSError as e:
        raise os_error(e) from None


def os_error(e: OSError) -> InputError:
    if isinstance(e, FileNotFoundError):
        return InputError("file vanished before it could be read")
    if isinstance(e, PermissionError):
        return InputError("permission denied: the file cannot be read")
    if isinstance(e, IsADirectoryError):
        return InputError("is a directory, not a file")
    if e.errno == errno.ELOOP:
        return InputError("symlink loop: the link never reaches a file")
    return InputError(f"cannot read: {e.strerror or e}")


def check(data: bytes, max_bytes: int) -> bytes:
    if len(data) > max_bytes:
        raise InputError(f"too large: over the {max_bytes / 2**20:g} MB limit")
    if not data.strip():
        raise InputError("empty: no text to summarise")
    if b"\0" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    return data


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"not UTF-8: invalid byte 0x{data[e.start]:02x} at offset {e.start}") from None


def text_field(obj) -> str:
    """The article text of a JSON object."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object with a {'/'.join(TEXT_FIELDS)} field, got {type(obj).__name__}")
    for name in TEXT_FIELDS:
        if isinstance(obj.get(name), str):
            return obj[name]
    raise InputError(f"no text field: expected one of {', '.join(TEXT_FIELDS)}")


def parse_json(data: bytes):
    try:
        return json.loads(decode(data))
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} at line {e.lineno} column {e.colno}") from None


def load(unit: Unit, max_bytes: int) -> tuple[str, str]:
    """(text, sha256 of the input bytes) of one unit, read now."""
    data = read_bytes(unit.path, max_bytes, unit.span)
    text = decode(data) if KINDS[unit.path.suffix.lower()] in ("text", "html") else text_field(parse_json(data))
    return text, hashlib.sha256(data).hexdigest()


def jsonl_units(path: Path, rel: str, max_bytes: int) -> list[Unit]:
    """One unit per record of a JSON Lines file, read again when its turn comes (no size limit on
    the file, only on each record); a file that cannot be opened is one error unit."""
    try:
        f = open(path, "rb")
    except OSError as e:
        return [Unit(rel, path, "", error=str(os_error(e)))]
    units, seen, offset = [], set(), 0
    with f:
        for n, line in enumerate(f, 1):
            span, offset = (offset, len(line)), offset + len(line)
            if not line.strip():
                continue
            name, error = f"line{n}", None
            try:
                obj = parse_json(check(line, max_bytes))
                if isinstance(obj, dict) and obj.get("id") is not None:
                    name = re.sub(r"[^\w.\-]+", "_", str(obj["id"])).strip("._")[:100] or name
                text_field(obj)
            except InputError as e:
                error = f"line {n}: {e}"
            if name in seen:
                error, name = f"line {n}: duplicate id {name!r}", f"line{n}"
            seen.add(name)
            units.append(Unit(f"{rel}#{name}", path, f"{rel}/{name}.json", span, error))
    return units


def collect(in_dir: Path, out_dir: Path, max_bytes: int) -> list[Unit]:
    """Every input under in_dir (not under out_dir), sorted by id."""
    units = []
    for root, dirs, files in os.walk(in_dir):  # symlinked folders are listed but not entered: no loops
        dirs[:] = sorted(d for d in dirs if Path(root, d).resolve() != out_dir.resolve())
        for name in files:
            path = Path(root, name)
            kind = KINDS.get(path.suffix.lower())
            rel = path.relative_to(in_dir).as_posix()
            if kind == "jsonl":
                units += jsonl_units(path, rel, max_bytes)
            elif kind:
                units.append(Unit(rel, path, rel + ".json"))
    return sorted(units, key=lambda u: u.id)


# --- writing results ---------------------------------------------------------------------

def atomic_write(path: Path, text: str) -> None:
    """Write a file so that it exists whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}{_TMP}")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, path)


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2) + "\n"


def result_options(options: SummarizeOptions) -> dict:
    """What a result depends on: every decoding option, the model folder's name and its weights' SHA-256."""
    from .pipeline import DEFAULT_MODEL

    d = dataclasses.asdict(options)
    for name in ("device", "batch_size"):  # how it runs, not what it writes
        del d[name]
    model = Path(options.model) if options.model else DEFAULT_MODEL
    weights = hashlib.sha256()
    for path in sorted(model.glob("*.safetensors")):
        with open(path, "rb") as f:
            while chunk := f.read(2**20):
                weights.update(chunk)
    d["model"], d["model_sha256"] = model.name, weights.hexdigest()
    return d


def finished(path: Path, sha: str, opts: dict) -> dict | None:
    """The result at `path` if it is complete and was made from this input with these options."""
    try:
        result = json.loads(path.read_text(encoding="utf-8"))
        if result["input_sha256"] == sha and result["options"] == opts and "summary" in result:
            return result
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


# --- the batch -----------------------------------------------------------------------------

def run_batch(in_dir, out_dir, *, markdown: bool = False, max_file_mb: float = 20, progress: bool = True,
              **options) -> list[dict]:
    """Summarise every input under in_dir into out_dir; returns the index entries (also in index.jsonl).

    `options` are the fields of SummarizeOptions (model, device, batch_size, num_beams, ...).
    """
    from tqdm import tqdm

    opts = SummarizeOptions(**options)
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    if not in_dir.is_dir():
        raise NotADirectoryError(f"{in_dir} is not a folder")
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.rglob(f".*{_TMP}"):  # left by a run that was killed mid-write
        stale.unlink()
    max_bytes = int(max_file_mb * 2**20)
    units = collect(in_dir, out_dir, max_bytes)
    ropts = result_options(opts)
    errors: dict[str, str] = {}
    pending: list[tuple[Unit, str, tuple]] = []  # (unit, input sha256, prepared text and flags)

    def write(unit: Unit, sha: str, summary) -> None:
        if markdown:
            atomic_write(out_dir / markdown_path(unit), summary.to_markdown())
        result = {"id": unit.id, "source": unit.path.relative_to(in_dir).as_posix(), "input_sha256": sha,
                  "options": ropts, "summary": summary.to_dict()}
        atomic_write(out_dir / unit.out, dumps(result))  # the .json last: it marks the unit done

    def flush() -> None:
        if not pending:
            return
        engine = get_engine(opts)
        try:
            summaries = run_engine(engine, [p for *_, p in pending], opts)
        except Exception:  # one bad article fails its batch: redo them one by one to find it
            summaries = []
            for unit, _, p in pending:
                try:
                    summaries.append(run_engine(engine, [p], opts)[0])
                except Exception as e:
                    errors[unit.id] = one_line(e)
                    summaries.append(None)
        for (unit, sha, _), summary in zip(pending, summaries):
            if summary is not None:
                write(unit, sha, summary)
            else:
                (out_dir / unit.out).unlink(missing_ok=True)
        bar.update(len(pending))
        pending.clear()

    with tqdm(total=len(units), unit="article", disable=not progress or None, desc="summarize") as bar:
        for unit in units:
            try:
                if unit.error:
                    raise InputError(unit.error)
                text, sha = load(unit, max_bytes)
                done = finished(out_dir / unit.out, sha, ropts)
                if done is None:
                    pending.append((unit, sha, prepare(text, opts, html=KINDS[unit.path.suffix.lower()] == "html")))
                else:
                    if markdown and not (out_dir / markdown_path(unit)).exists():
                        atomic_write(out_dir / markdown_path(unit), Summary.from_dict(done["summary"]).to_markdown())
                    bar.update(1)
            except (InputError, ValueError, TypeError) as e:
                errors[unit.id] = one_line(e)
                if unit.out:  # a result from an earlier version of this input is no longer true
                    (out_dir / unit.out).unlink(missing_ok=True)
                bar.update(1)
            if len(pending) >= opts.batch_size:
                flush()
        flush()

    index = [{"id": u.id, "source": u.path.relative_to(in_dir).as_posix(),
              "status": "error" if u.id in errors else "ok",
              "output": None if u.id in errors else u.out, "error": errors.get(u.id)} for u in units]
    atomic_write(out_dir / INDEX, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in index))
    return index


def markdown_path(unit: Unit) -> str:
    return unit.out.removesuffix(".json") + ".md"


def one_line(e: Exception) -> str:
    msg = " ".join(str(e).split()) or type(e).__name__
    return msg if isinstance(e, (InputError, ValueError)) else f"{type(e).__name__}: {msg}"

