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

What is never read: anything that is not a regular file (a FIFO, a device), a
symlink to a file outside IN_DIR (unless follow_symlinks), and OUT_DIR when it
is inside IN_DIR. OUT_DIR may not be IN_DIR or a folder above it (results would
be read back as inputs). One batch at a time writes to an OUT_DIR (a lock file,
`.summarizer-batch.lock`); results of inputs that are gone are removed. File
names that are not valid UTF-8 get ids with `\\xNN` escapes; JSON Lines ids
that are not safe file names get a short hash of the id in their file name.
"""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import hashlib
import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

from .api import Summary, SummarizeOptions, get_engine, prepare, run_engine
from .text import decode_bytes

KINDS = {".txt": "text", ".md": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
TEXT_FIELDS = ("text", "article", "content")
INDEX = "index.jsonl"
LOCK = ".summarizer-batch.lock"  # held (flock) by the batch writing to OUT_DIR
SHARDS = ".summarizer-shards"  # OUT_DIR/<SHARDS>/index-I-of-N.jsonl: each shard's part of the index
_TMP = ".tmp"
MAX_NAME = 100  # characters of a JSON Lines id kept in its result's file name (file systems allow 255 bytes)


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
        with open_regular(path) as f:
            size = span[1] if span else os.fstat(f.fileno()).st_size
            if size > max_bytes:
                raise InputError(f"too large: {size / 2**20:.1f} MB, over the {max_bytes / 2**20:g} MB limit")
            if span:
                f.seek(span[0])
            return check(f.read(span[1] if span else max_bytes + 1), max_bytes)
    except OSError as e:
        raise os_error(e, path) from None


def open_regular(path: Path):
    """The file opened for reading, without blocking (a FIFO would wait for a writer forever);
    InputError unless it is a regular file."""
    f = open(path, "rb", opener=_open_nonblocking)
    mode = os.fstat(f.fileno()).st_mode
    if not stat.S_ISREG(mode):
        f.close()
        raise InputError(f"not a regular file ({_file_kind(mode)}): not read")
    return f


def _open_nonblocking(path, flags):
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))  # (Windows has no FIFOs to block on)


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a file"


def os_error(e: OSError, path: Path) -> InputError:
    if isinstance(e, FileNotFoundError):
        return InputError("broken symlink: its target does not exist" if os.path.islink(path)
                          else "file vanished before it could be read")
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
    return data


def decode(data: bytes) -> str:
    """UTF-8, or UTF-16/32 (see `text.decode_bytes`); InputError says why not."""
    try:
        return decode_bytes(data)
    except ValueError as e:
        raise InputError(str(e)) from None


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


def printable(name: str) -> str:
    """A name that can be written as UTF-8: bytes of a file name that were not UTF-8 (held by Python
    as surrogate escapes) become `\\xNN`, and lone surrogates from JSON `\\uNNNN`."""
    try:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:
        return name.encode("utf-8", "backslashreplace").decode("utf-8")


def file_name(id_: str) -> str:
    """A safe file name for a JSON Lines id, one to one: the id itself when it is already safe, else
    its safe characters (at most MAX_NAME) and a short hash of the whole id (`a/b` -> `a_b-1b2c3d4e`,
    while an id `a_b` stays `a_b`)."""
    safe = re.sub(r"[^\w.\-]+", "_", id_).strip("._")[:MAX_NAME]
    if safe == id_:
        return safe
    return f"{safe or 'id'}-{hashlib.sha256(id_.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"


def jsonl_units(path: Path, rel: str, max_bytes: int) -> list[Unit]:
    """One unit per record of a JSON Lines file, read again when its turn comes (no size limit on
    the file, only on each record); a file that cannot be opened is one error unit.

    A record is named by its "id" field; a record without one (or a bad line) by "line<N>", unless a
    record's own id already is that name ("line<N>-2" then). A second record with an id already seen
    is an error: its result would replace the first one's."""
    try:
        f = open_regular(path)
    except OSError as e:
        return [Unit(rel, path, "", error=str(os_error(e, path)))]
    except InputError as e:
        return [Unit(rel, path, "", error=str(e))]
    records, offset = [], 0  # (line number, span, id or None, error)
    with f:
        for n, line in enumerate(f, 1):
            span, offset = (offset, len(line)), offset + len(line)
            if not line.strip():
                continue
            id_, error = None, None
            try:
                obj = parse_json(check(line, max_bytes))
                if isinstance(obj, dict) and obj.get("id") is not None:
                    id_ = printable(str(obj["id"]))
                text_field(obj)
            except InputError as e:
                error = f"line {n}: {e}"
            records.append((n, span, id_, error))
    explicit = {id_ for _, _, id_, _ in records if id_ is not None}
    first_line: dict[str, int] = {}
    taken: set[str] = set()
    units = []
    out_dir = rel + ".records" if rel == INDEX else rel  # OUT_DIR/index.jsonl is the index itself
    for n, span, id_, error in records:
        if id_ is not None and id_ in first_line:
            error = f"line {n}: duplicate id {id_!r} (first on line {first_line[id_]})"
        elif id_ is not None:
            first_line[id_] = n
        name = id_ if id_ is not None and id_ not in taken else f"line{n}"
        k = 1
        while name in taken or (name != id_ and name in explicit):  # "line3" may be a record's own id
            k += 1
            name = f"line{n}-{k}"
        taken.add(name)
        units.append(Unit(f"{rel}#{name}", path, f"{out_dir}/{file_name(name)}.json", span, error))
    return units


def collect(in_dir: Path, out_dir: Path, max_bytes: int, follow_symlinks: bool = False) -> list[Unit]:
    """Every input under in_dir (not under out_dir), sorted by id; each unit's result path is its own."""
    units = []
    real_in, real_out = os.path.realpath(in_dir), os.path.realpath(out_dir)
    for root, dirs, files in os.walk(in_dir):  # symlinked folders are listed but not entered: no loops
        dirs[:] = sorted(d for d in dirs if os.path.realpath(os.path.join(root, d)) != real_out)
        for name in files:
            path = Path(root, name)
            kind = KINDS.get(path.suffix.lower())
            if not kind:
                continue
            rel = printable(path.relative_to(in_dir).as_posix())
            error = None if follow_symlinks else outside(path, real_in)
            if error:
                units.append(Unit(rel, path, "", error=error))
            elif kind == "jsonl":
                units += jsonl_units(path, rel, max_bytes)
            else:
                units.append(Unit(rel, path, rel + ".json"))
    return no_collisions(sorted(units, key=lambda u: u.id))


def outside(path: Path, real_in: str) -> str | None:
    """The error for a symlink whose target is outside IN_DIR (None for anything else)."""
    if not os.path.islink(path):
        return None
    target = os.path.realpath(path)
    if os.path.commonpath([target, real_in]) == real_in:
        return None
    return "symlink to a file outside IN_DIR: not followed (follow_symlinks / --follow-symlinks reads it)"


def no_collisions(units: list[Unit]) -> list[Unit]:
    """Mark as errors the units whose result path is taken by an earlier unit's, or is a folder of
    one, or the reverse (`a.txt.json` from a.txt and `a.txt.json/b.txt.json` from a.txt.json/b.txt)."""
    files, dirs = {INDEX: "the index", LOCK: "the lock"}, {}
    for u in units:
        if u.error or not u.out:
            continue
        parts = u.out.split("/")
        parents = ["/".join(parts[:i]) for i in range(1, len(parts))]
        clash = files.get(u.out) or dirs.get(u.out) or next((files[p] for p in parents if p in files), None)
        if clash:
            u.error = f"its result {u.out!r} would collide with that of {clash!r}; rename one of them"
            u.out = ""  # the path is the other's: never delete it on this one's behalf
            continue
        files[u.out] = u.id
        for p in parents:
            dirs.setdefault(p, u.id)
    return units


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
    """What a result depends on: every decoding option, the model folder's name and its weights' SHA-256,
    and this package's version (its rewrite check and selection change what a result says)."""
    from . import __version__
    from .pipeline import model_path, resolve_device, resolve_dtype

    d = dataclasses.asdict(options)
    for name in ("device", "batch_size", "threads"):  # how it runs, not what it writes
        del d[name]
    d["dtype"] = str(resolve_dtype(options.dtype, resolve_device(options.device))).removeprefix("torch.")
    model = model_path(options.model)
    weights = hashlib.sha256()
    for path in sorted(model.rglob("*.safetensors")):  # the rewriter, the selector and the extractor
        with open(path, "rb") as f:
            while chunk := f.read(2**20):
                weights.update(chunk)
    d["model"], d["model_sha256"] = model.name, weights.hexdigest()
    d["summarizer"] = __version__
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

def parse_shard(shard) -> tuple[int, int] | None:
    """"I/N" (or (I, N)) -> (I, N) with 0 <= I < N; None stays None."""
    if shard is None:
        return None
    try:
        i, n = (int(x) for x in (shard.split("/") if isinstance(shard, str) else shard))
    except (TypeError, ValueError):
        raise ValueError(f"shard must be I/N (e.g. 0/4), not {shard!r}") from None
    if not 0 <= i < n:
        raise ValueError(f"shard I/N needs 0 <= I < N, not {i}/{n}")
    return i, n


def shard_of(unit_id: str, n: int) -> int:
    """The shard (of n) an input belongs to: a hash of its id, the same on every machine and run."""
    return int(hashlib.sha256(unit_id.encode("utf-8", "surrogatepass")).hexdigest()[:12], 16) % n


def run_batch(in_dir, out_dir, *, markdown: bool = False, max_file_mb: float = 20, progress: bool = True,
              follow_symlinks: bool = False, shard=None, **options) -> list[dict]:
    """Summarise every input under in_dir into out_dir; returns the index entries (also in index.jsonl).

    `options` are the fields of SummarizeOptions (model, device, batch_size, num_beams, ...).
    `follow_symlinks`: also read files that symlinks inside in_dir point to outside it.
    `shard`: "I/N" does only the inputs of shard I of N (by a hash of their id), so N processes or
    machines can share one folder; each returns its own index entries, and the one that finds all N
    parts done writes index.jsonl. The results are the same bytes as one plain run's.
    """
    opts = SummarizeOptions(**options)
    shard = parse_shard(shard)
    in_dir, out_dir = Path(in_dir), Path(out_dir)
    check_dirs(in_dir, out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    with locked(out_dir / (LOCK if shard is None else LOCK.replace(".lock", f"-{shard[0]}-of-{shard[1]}.lock"))):
        return _run_batch(in_dir, out_dir, opts, markdown, max_file_mb, progress, follow_symlinks, shard)


def check_dirs(in_dir: Path, out_dir: Path) -> None:
    """IN_DIR must be a folder, and OUT_DIR neither IN_DIR nor a folder above it."""
    if not Path(in_dir).is_dir():
        raise NotADirectoryError(f"{in_dir} is not a folder")
    real_in, real_out = os.path.realpath(in_dir), os.path.realpath(out_dir)
    if os.path.commonpath([real_in, real_out]) == real_out:
        raise ValueError(f"OUT_DIR {out_dir} is IN_DIR or a folder above it: its results would be read back as "
                         "inputs; write them to another folder (OUT_DIR may be inside IN_DIR: it is skipped)")


class BatchLockedError(OSError):
    """Another batch is writing to the same OUT_DIR."""


@contextlib.contextmanager
def locked(lock: Path, wait: bool = False):
    """Hold a lock file in OUT_DIR for the life of a batch: a second batch on the same OUT_DIR (or
    shard) stops at once (BatchLockedError) instead of redoing the same work; `wait` waits instead.
    The lock goes with the process, however it ends (an flock, not a file's existence); on systems
    without fcntl there is no lock."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    with open(lock, "a") as f:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
        except OSError:
            raise BatchLockedError(f"another summarizer batch is writing to {lock.parent}; wait for it to finish "
                                   "or write to another folder") from None
        yield


def _run_batch(in_dir: Path, out_dir: Path, opts: SummarizeOptions, markdown: bool, max_file_mb: float,
               progress: bool, follow_symlinks: bool, shard: tuple[int, int] | None) -> list[dict]:
    from tqdm import tqdm

    max_bytes = int(max_file_mb * 2**20)
    units = collect(in_dir, out_dir, max_bytes, follow_symlinks)
    if shard:  # after collect: every shard sees the same names, errors and collisions as a plain run
        units = [u for u in units if shard_of(u.id, shard[1]) == shard[0]]
    remove_stale_temporaries(out_dir, None if shard is None else
                             {p for u in units if u.out for p in (u.out, markdown_path(u))} | {shard_part(*shard)})
    ropts = result_options(opts)
    errors: dict[str, str] = {}
    pending: list[tuple[Unit, str, tuple]] = []  # (unit, input sha256, prepared text and flags)

    def write(unit: Unit, sha: str, summary) -> None:
        if markdown:
            atomic_write(out_dir / markdown_path(unit), summary.to_markdown())
        result = {"id": unit.id, "source": source(unit, in_dir), "input_sha256": sha,
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
                    (out_dir / markdown_path(unit)).unlink(missing_ok=True)
                bar.update(1)
            if len(pending) >= opts.batch_size:
                flush()
        flush()

    index = [{"id": u.id, "source": source(u, in_dir),
              "status": "error" if u.id in errors else "ok",
              "output": None if u.id in errors else u.out, "error": errors.get(u.id)} for u in units]
    if shard is None:
        remove_orphans(out_dir, out_dir / INDEX, {u.out for u in units if u.out})
        write_index(out_dir / INDEX, index)
        return index
    part = out_dir / shard_part(*shard)
    previous = part if part.exists() else out_dir / INDEX
    remove_orphans(out_dir, previous, {u.out for u in units if u.out}, lambda id_: shard_of(id_, shard[1]) == shard[0])
    write_index(part, index)
    merge_shards(out_dir, shard[1])
    return index


def shard_part(i: int, n: int) -> str:
    """Shard i of n's part of the index, relative to OUT_DIR."""
    return f"{SHARDS}/index-{i}-of-{n}.jsonl"


def remove_stale_temporaries(out_dir: Path, mine: set[str] | None = None) -> None:
    """Delete the temporary files a killed writer left (`.<name>.<pid>.tmp`): all of them, or only
    those of the paths in `mine` (a shard's: other shards may be writing theirs right now)."""
    for stale in out_dir.rglob(f".*{_TMP}"):
        target = stale.relative_to(out_dir).with_name(stale.name[1:].rsplit(".", 2)[0]).as_posix()
        if mine is None or target in mine:
            stale.unlink(missing_ok=True)


def write_index(path: Path, index: list[dict]) -> None:
    atomic_write(path, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in index))


def read_index(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def merge_shards(out_dir: Path, n: int) -> bool:
    """Write OUT_DIR/index.jsonl from the N shards' parts once all N are there (True when written);
    the parts stay, so a shard run again later updates the index again."""
    parts = [out_dir / shard_part(i, n) for i in range(n)]
    with locked(out_dir / SHARDS / ".merge.lock", wait=True):
        remove_stale_temporaries(out_dir, {INDEX})  # a merge killed mid-write (merges take this lock)
        if not all(p.exists() for p in parts):
            return False
        write_index(out_dir / INDEX, sorted((e for p in parts for e in read_index(p)), key=lambda e: e["id"]))
        return True


def source(unit: Unit, in_dir: Path) -> str:
    return printable(unit.path.relative_to(in_dir).as_posix())


def remove_orphans(out_dir: Path, index: Path, keep: set[str], mine=lambda id_: True) -> None:
    """Delete the results (and briefs) that the last index listed (those of ids `mine` accepts) and no
    input makes any more: the input was deleted or renamed. Only paths a batch wrote are touched."""
    try:
        outputs = {e["output"] for e in read_index(index) if isinstance(e, dict) and isinstance(e.get("output"), str)
                   and isinstance(e.get("id"), str) and mine(e["id"])}
    except (OSError, ValueError):
        return
    root = os.path.realpath(out_dir)
    for out in sorted(outputs - keep):
        path = out_dir / out
        if not out.endswith(".json") or os.path.commonpath([os.path.realpath(path), root]) != root:
            continue  # not a result path (an index edited by hand): leave it
        for p in (path, out_dir / markdown_path_of(out)):
            p.unlink(missing_ok=True)


def markdown_path(unit: Unit) -> str:
    return markdown_path_of(unit.out)


def markdown_path_of(out: str) -> str:
    return out.removesuffix(".json") + ".md"


def one_line(e: Exception) -> str:
    msg = " ".join(str(e).split()) or type(e).__name__
    return msg if isinstance(e, (InputError, ValueError)) else f"{type(e).__name__}: {msg}"

