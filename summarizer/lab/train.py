"""Training: fine-tune the rewriter, then fit the sentence selector.

    summarizer train --config configs/bert2bert-minilm.yaml

One loop a reader can hold in their head (nanoGPT style): build the pairs once
(cached as JSON Lines under `out_dir`), then AdamW over length-bucketed batches
with bf16 autocast on CPU, a periodic validation (loss, and the ROUGE of greedy rewrites of
held-out pairs: the learning curve), and a save every
`save_every` steps that `resume` picks up (model, optimizer, step, RNG). The
same loop fine-tunes any local `save_pretrained` seq2seq folder (`init: PATH`).
When the step or time budget is spent the selector is fitted on the trained
encoder and the whole thing is written as one `save_pretrained` folder.

Several GPUs, no change to the code or config (batch_size is per process):

    torchrun --standalone --nproc_per_node 4 -m summarizer train --config configs/bert2bert-minilm.yaml
"""

from __future__ import annotations

import json
import math
import os
import random
import time
from dataclasses import dataclass, field, fields
from datetime import timedelta
from multiprocessing import Pool
from pathlib import Path

import torch
import yaml
from tqdm.auto import tqdm


@dataclass
class TrainConfig:
    data_dir: str = "../shared/data"
    out_dir: str = "runs/bert2bert-minilm"
    init: str = "minilm"
    cross_from_self: bool = True
    train_articles: int = 0
    abstract_datasets: list = field(default_factory=lambda: ["xsum", "inshorts"])
    abstract_repeat: int = 4
    min_coverage: float = 0.7
    deletion_repeat: int = 1
    max_pairs: int = 0
    max_source_len: int = 96
    max_target_len: int = 64
    batch_size: int = 32
    lr: float = 1e-4
    new_lr: float = 3e-4
    weight_decay: float = 0.01
    warmup_steps: int = 300
    max_steps: int = 6000
    time_budget_min: float = 0
    eval_every: int = 500
    save_every: int = 250
    valid_pairs: int = 512
    rouge_pairs: int = 128
    selector_articles: int = 3000
    export_dir: str = ""
    seed: int = 1234
    bf16: bool = True
    num_threads: int = 0
    workers: int = 2

    @classmethod
    def from_yaml(cls, path: str | Path, **overrides) -> "TrainConfig":
        return config_from_yaml(cls, path, **overrides)


def config_from_yaml(cls, path: str | Path, **overrides):
    """A config dataclass from a YAML file (overrides that are not None win); unknown fields are an error."""
    raw = yaml.safe_load(Path(path).read_text()) or {}
    raw.update({k: v for k, v in overrides.items() if v is not None})
    unknown = set(raw) - {f.name for f in fields(cls)}
    if unknown:
        raise ValueError(f"unknown config fields in {path}: {sorted(unknown)}")
    return cls(**raw)


# --- pairs -----------------------------------------------------------------

def _cnndm_row(args):
    from .data import takeaway_examples

    article, highlights, min_cov = args
    ex, salient, sents = takeaway_examples(article[:8000], highlights, min_coverage=min_cov)
    return ex, sorted(salient), len(sents)


def build_pairs(cfg: TrainConfig) -> Path:
    """Write train/valid pair files under out_dir/pairs (once)."""
    from .data import abstract_examples, load_split

    out = Path(cfg.out_dir) / "pairs"
    if (out / "train.jsonl").exists():
        return out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(cfg.seed)
    for split in ("train", "validation"):
        ds = load_split(cfg.data_dir, "cnndm", split)
        n = len(ds) if split == "train" else min(len(ds), cfg.valid_pairs)
        if split == "train" and cfg.train_articles:
            n = min(n, cfg.train_articles)
        jobs = ((ds[i]["article"], ds[i]["highlights"], cfg.min_coverage) for i in range(n))
        rows = []
        with Pool(cfg.workers) as pool:
            for ex, _, _ in tqdm(pool.imap(_cnndm_row, jobs, chunksize=64), total=n, desc=f"pairs cnndm/{split}"):
                rows.extend(ex)
        for name in cfg.abstract_datasets:
            try:
                ads = load_split(cfg.data_dir, name, split)
            except FileNotFoundError:
                continue
            for r in ads:
                for e in abstract_examples(r["article"], r["abstract"]):
                    rows.extend([e] * (cfg.abstract_repeat if split == "train" else 1))
        rng.shuffle(rows)
        name = "train" if split == "train" else "valid"
        with open(out / f"{name}.jsonl", "w") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        print(f"{name}: {len(rows)} pairs")
    return out


def training_rows(rows: list[dict], cfg: TrainConfig) -> list[dict]:
    """The pairs of one pass. A takeaway pair whose target is a deletion of its sentence (the only kind of
    rewrite the engine decodes) is seen `deletion_repeat` times when the engine's rewrite check accepts
    it, and, unless `deletion_repeat` is 1, not at all when the check refuses it (a fragment, a lost main
    clause: what the model should not learn to write). With `max_pairs`, the accepted deletions and a
    seeded sample of the others, up to that many distinct pairs; a sample already cut to `max_pairs`
    (a run that travels small) comes back as it is."""
    from .data import checked_deletion

    if cfg.deletion_repeat == 1 and not cfg.max_pairs:
        return rows
    flags = [checked_deletion(r) for r in rows]
    deletions = [r for r, f in zip(rows, flags) if f]
    others = [r for r, f in zip(rows, flags) if f is None or (f is False and cfg.deletion_repeat == 1)]
    if cfg.max_pairs and len(deletions) + len(others) > cfg.max_pairs:
        others = random.Random(cfg.seed).sample(others, max(0, cfg.max_pairs - len(deletions)))
    return deletions * cfg.deletion_repeat + others


def read_jsonl(path: Path) -> list[dict]:
    with open(path) as f:
        return [json.loads(line) for line in f]


# --- batches ---------------------------------------------------------------

def encode_pairs(rows, tokenizer, max_source_len, max_target_len, start_id):
    enc = tokenizer([r["source"] for r in rows], [r["context"] for r in rows],
                    truncation="longest_first", max_length=max_source_len)
    tgt = tokenizer(text_target=[r["target"] for r in rows], truncation=True, max_length=max_target_len + 1)
    labels = [ids[1:] if ids and ids[0] == start_id else ids for ids in tgt["input_ids"]]
    return [(s, l) for s, l in zip(enc["input_ids"], labels)]


def batches(encoded, batch_size, rng, pad_id):
    """Length-bucketed, shuffled batches of padded tensors (less padding, same data)."""
    order = list(range(len(encoded)))
    rng.shuffle(order)
    chunk = batch_size * 50
    groups = []
    for i in range(0, len(order), chunk):
        block = sorted(order[i:i + chunk], key=lambda j: len(encoded[j][0]))
        groups += [block[k:k + batch_size] for k in range(0, len(block), batch_size)]
    rng.shuffle(groups)
    for g in groups:
        yield collate([encoded[j] for j in g], pad_id)


def collate(items, pad_id):
    ls = max(len(s) for s, _ in items)
    lt = max(len(t) for _, t in items)
    src = torch.full((len(items), ls), pad_id, dtype=torch.long)
    lab = torch.full((len(items), lt), -100, dtype=torch.long)
    for i, (s, t) in enumerate(items):
        src[i, : len(s)] = torch.tensor(s)
        lab[i, : len(t)] = torch.tensor(t)
    return {"input_ids": src, "attention_mask": (src != pad_id).long(), "labels": lab}


# --- the loop --------------------------------------------------------------

def _device():
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def _distributed() -> tuple[int, int, torch.device]:
    """(rank, world size, device). Under `torchrun` (it sets WORLD_SIZE, RANK and LOCAL_RANK)
    each process trains on its own GPU (or CPU, with gloo) and DistributedDataParallel averages
    the gradients; otherwise one process on the best device."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    if world == 1:
        return 0, 1, _device()
    import torch.distributed as dist

    device = torch.device("cpu")
    if torch.cuda.is_available():
        device = torch.device("cuda", int(os.environ.get("LOCAL_RANK", "0")))
        torch.cuda.set_device(device)
    if not dist.is_initialized():  # the others wait while the main process builds the pairs (minutes)
        dist.init_process_group("nccl" if device.type == "cuda" else "gloo", timeout=timedelta(hours=1))
    return dist.get_rank(), world, device


def make_model(cfg: TrainConfig, device):
    from ..model import base_model_path, build_from_bert, load_seq2seq

    if cfg.init == "minilm":
        model, tok = build_from_bert(base_model_path(), cross_from_self=cfg.cross_from_self)
    else:
        if cfg.cross_from_self:
            raise ValueError(f"cross_from_self is for a warm start from BERT (init: minilm); {cfg.init} is a "
                             "seq2seq folder whose cross-attention is already trained: set cross_from_self: false")
        model, tok = load_seq2seq(cfg.init)
    return model.to(device), tok


# names of the blocks that start (nearly) untrained when a seq2seq model is warm-started: cross-attention
# (BERT2BERT "crossattention", T5 "EncDecAttention", BART "encoder_attn") and our LM head's transform
NEW_BLOCKS = ("crossattention", "EncDecAttention", "encoder_attn", "cls.predictions.transform")


def param_groups(model, cfg):
    """Pretrained weights at `lr`; the new blocks (cross-attention, LM head) at `new_lr`
    (Liu and Lapata 2019 gave the fresh decoder its own, higher rate)."""
    new, old, seen = [], [], set()
    for n, p in model.named_parameters():
        if id(p) in seen or not p.requires_grad:
            continue
        seen.add(id(p))
        (new if any(k in n for k in NEW_BLOCKS) or n.endswith("predictions.bias") else old).append(p)
    return [{"params": old, "lr": cfg.lr}, {"params": new, "lr": cfg.new_lr}]


def lr_factor(step, cfg):
    if step < cfg.warmup_steps:
        return (step + 1) / cfg.warmup_steps
    progress = (step - cfg.warmup_steps) / max(1, cfg.max_steps - cfg.warmup_steps)
    return 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * min(1.0, progress)))


@torch.no_grad()
def validation_loss(model, encoded, pad_id, device, bf16, batch_size=64):
    model.eval()
    tot, n = 0.0, 0
    for i in range(0, len(encoded), batch_size):
        b = {k: v.to(device) for k, v in collate(encoded[i:i + batch_size], pad_id).items()}
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
            out = model(**b)
        ntok = (b["labels"] != -100).sum().item()
        tot += out.loss.float().item() * ntok
        n += ntok
    model.train()
    return tot / max(1, n)


def takeaway_rows(rows: list[dict], n: int) -> list[dict]:
    """The first n held-out takeaway pairs (the abstract pairs are left out of the ROUGE curve)."""
    return [r for r in rows if r["source"].startswith("takeaway:")][:n]


@torch.no_grad()
def rewrite_rouge(model, tok, rows: list[dict], max_source_len: int, max_target_len: int, device,
                  batch_size: int = 32) -> dict:
    """ROUGE F1 (x100) of the model's greedy rewrites of held-out takeaway pairs against their
    highlight, beside the same figure for each source sentence as written: the content a rewrite
    must keep. Greedy, not the product's beam search: a cheap, comparable point of the curve."""
    from ..prompt import strip_mode
    from .metrics import scorer as rouge_scorer

    scorer = rouge_scorer()
    was_training = model.training
    model.eval()
    outs = []
    for i in range(0, len(rows), batch_size):
        chunk = rows[i:i + batch_size]
        enc = tok([r["source"] for r in chunk], [r["context"] for r in chunk], truncation="longest_first",
                  max_length=max_source_len, padding=True, return_tensors="pt").to(device)
        gen = model.generate(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"], num_beams=1,
                             do_sample=False, max_new_tokens=max_target_len, no_repeat_ngram_size=3)
        outs += [strip_mode(t) for t in tok.batch_decode(gen, skip_special_tokens=True)]
    model.train(was_training)
    figures = {}
    for name, texts in (("rewrite", outs), ("source", [strip_mode(r["source"]) for r in rows])):
        scores = [scorer.score(r["target"], t) for r, t in zip(rows, texts)]
        figures[name] = {k: round(100 * sum(s[k].fmeasure for s in scores) / max(1, len(scores)), 2)
                         for k in ("rouge1", "rouge2", "rougeL")}
        figures[name]["words"] = round(sum(len(t.split()) for t in texts) / max(1, len(texts)), 1)
    return figures


def held_out(cfg: TrainConfig, pairs: Path, tok, start_id: int) -> tuple[list, list[dict]]:
    """(encoded validation pairs for the loss, takeaway pairs for the rewrite ROUGE)."""
    rows = read_jsonl(pairs / "valid.jsonl")[: cfg.valid_pairs]
    return (encode_pairs(rows, tok, cfg.max_source_len, cfg.max_target_len, start_id),
            takeaway_rows(rows, cfg.rouge_pairs))


def _validate(model, tok, valid_enc, rouge_rows, cfg, device) -> dict:
    rec = {"valid_loss": round(validation_loss(model, valid_enc, tok.pad_token_id, device, cfg.bf16), 4)}
    if rouge_rows:
        rec["valid_rouge"] = rewrite_rouge(model, tok, rouge_rows, cfg.max_source_len, cfg.max_target_len,
                                           device)
    return rec


def train(cfg: TrainConfig, resume: bool = True) -> Path:
    from ..model import save_checkpoint

    if cfg.num_threads:
        torch.set_num_threads(cfg.num_threads)
    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    rank, world, device = _distributed()
    main_proc = rank == 0  # the one that validates, logs and saves
    out = Path(cfg.out_dir)
    if main_proc:
        out.mkdir(parents=True, exist_ok=True)
        (out / "config.yaml").write_text(yaml.safe_dump(cfg.__dict__, sort_keys=False))
        build_pairs(cfg)  # once, by the main process
    if world > 1:
        torch.distributed.barrier()  # the others read the pairs the main process wrote
    pairs = out / "pairs"
    state_path = out / "last" / "trainer_state.pt"
    resuming = resume and state_path.exists()
    if resuming:  # the save's weights; no fresh model built first
        from ..model import load_seq2seq

        model, tok = load_seq2seq(out / "last", device=device)
    else:
        model, tok = make_model(cfg, device)
    start_id = model.config.decoder_start_token_id
    train_enc = encode_pairs(training_rows(read_jsonl(pairs / "train.jsonl"), cfg), tok, cfg.max_source_len,
                             cfg.max_target_len, start_id)
    valid_enc, rouge_rows = held_out(cfg, pairs, tok, start_id)
    opt = torch.optim.AdamW(param_groups(model, cfg), weight_decay=cfg.weight_decay)
    base_lrs = [g["lr"] for g in opt.param_groups]
    step, seen, elapsed, rng = 0, 0, 0.0, random.Random(cfg.seed)
    if resuming:
        st = read_trainer_state(state_path)
        opt.load_state_dict(st["optimizer"])
        step, seen, elapsed = st["step"], st["seen"], st["elapsed"]
        rng.setstate(st["rng"])
        torch.set_rng_state(st["torch_rng"])
        if main_proc:
            print(f"resumed from step {step}")
    model.train()
    net = model
    if world > 1:  # batch_size is per process: each step sees batch_size x world pairs
        from torch.nn.parallel import DistributedDataParallel

        net = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None,
                                      find_unused_parameters=True)  # any seq2seq folder: some weights may idle
    log = open(out / "log.jsonl", "a") if main_proc else None
    budget = cfg.time_budget_min * 60 if cfg.time_budget_min else float("inf")
    bar = tqdm(total=cfg.max_steps, initial=step, desc="train", disable=not main_proc)
    t0 = time.time() - elapsed
    if step == 0 and main_proc:  # the start of the learning curve: the warm-started model before any update
        rec = {"step": 0, "pairs_seen": 0, **_validate(model, tok, valid_enc, rouge_rows, cfg, device)}
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        t0 = time.time()
    done = False
    while not done:
        for n, batch in enumerate(batches(train_enc, cfg.batch_size, rng, tok.pad_token_id)):
            if n % world != rank:  # every process shuffles alike and takes its own share of the batches
                continue
            for g, lr in zip(opt.param_groups, base_lrs):
                g["lr"] = lr * lr_factor(step, cfg)
            batch = {k: v.to(device) for k, v in batch.items()}
            with torch.autocast(device.type, dtype=torch.bfloat16, enabled=cfg.bf16):
                loss = net(**batch).loss
            optimizer_step(loss, model, opt)
            step += 1
            done = step >= cfg.max_steps or time.time() - t0 > budget
            count = batch["input_ids"].shape[0]
            if world > 1:  # pairs seen by all processes; stop together when the main one's clock says so
                sync = torch.tensor([count, float(done and main_proc)], device=device)
                torch.distributed.all_reduce(sync)
                count, done = int(sync[0]), bool(sync[1])
            seen += count
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.3f}")
            if not main_proc:
                if done:
                    break
                continue
            rec = {"step": step, "pairs_seen": seen, "loss": round(loss.item(), 4),
                   "elapsed_s": round(time.time() - t0, 1)}
            if step % cfg.eval_every == 0:
                rec.update(_validate(model, tok, valid_enc, rouge_rows, cfg, device))
                print(json.dumps(rec), flush=True)
            log.write(json.dumps(rec) + "\n")
            log.flush()
            if step % cfg.save_every == 0 or done:
                save_checkpoint(model, tok, out / "last", fp16=False)
                torch.save({"optimizer": opt.state_dict(), "step": step, "seen": seen,
                            "elapsed": time.time() - t0, "rng": rng.getstate(),
                            "torch_rng": torch.get_rng_state()}, state_path)
            if done:
                break
    bar.close()
    if world > 1:  # leave together: a process that exits early can leave another waiting
        torch.distributed.barrier()
        torch.distributed.destroy_process_group()
    if not main_proc:
        return out / "last"
    wall = time.time() - t0
    summary = {"steps": step, "pairs_seen": seen, "wall_time_s": round(wall, 1),
               "pairs_per_s": round(seen / max(1e-9, wall), 2), **_validate(model, tok, valid_enc, rouge_rows, cfg, device)}
    (out / "train_summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary))
    return out / "last"


def _selector_rows(args):
    from .data import takeaway_examples

    article, highlights = args
    _, salient, sents = takeaway_examples(article[:8000], highlights)
    return sents, salient


def fit_selector(cfg: TrainConfig, model_dir: str | Path):
    """Fit the salience selector on the trained encoder's sentence embeddings."""
    from .data import load_split
    from ..model import load_seq2seq
    from ..selector import embed_sentences, features, fit

    ds = load_split(cfg.data_dir, "cnndm", "train")
    n = min(len(ds), cfg.selector_articles)
    # embeddings are the slow part of a fit: kept for re-fits of the same model on the same articles
    cache = Path(cfg.out_dir) / f"selector_features_{n}.pt"
    weights = Path(model_dir) / "model.safetensors"
    key = [str(weights.resolve()), weights.stat().st_mtime_ns, str(Path(cfg.data_dir).resolve()), n]
    cached = torch.load(cache, weights_only=True) if cache.exists() else {}
    if isinstance(cached, dict) and cached.get("key") == key:
        feats, labels = cached["features"], cached["labels"]
    else:
        model, tok = load_seq2seq(model_dir, device=_device())
        feats, labels = [], []
        with Pool(cfg.workers) as pool:
            docs = list(pool.imap(_selector_rows, ((ds[i]["article"], ds[i]["highlights"]) for i in range(n)),
                                  chunksize=32))
        for sents, salient in tqdm(docs, desc="selector features"):
            if len(sents) < 2:
                continue
            emb = embed_sentences(model, tok, sents, model.device)
            feats.append(features(emb, sents))
            labels.append(torch.tensor([float(i in salient) for i in range(len(sents))]))
        torch.save({"key": key, "features": feats, "labels": labels}, cache)
    selector = fit(torch.cat(feats), torch.cat(labels))
    selector.settings["train_articles"] = n
    return selector


def export(cfg: TrainConfig, model_dir: str | Path, selector, out_dir: str | Path) -> Path:
    """The shipped folder: fp16 safetensors, tokenizer, selector, training config."""
    from ..model import load_seq2seq, save_checkpoint

    model, tok = load_seq2seq(model_dir)
    summary_path = Path(cfg.out_dir) / "train_summary.json"
    extra = {"training_config.json": cfg.__dict__}
    if summary_path.exists():
        extra["train_summary.json"] = json.loads(summary_path.read_text())
    out = save_checkpoint(model, tok, out_dir, fp16=True, extra=extra)
    selector.save(out)
    return out


def read_trainer_state(path: Path) -> dict:
    """A save's trainer state (optimizer, step, RNG states). `weights_only=True`: tensors, numbers and
    containers only, so a crafted file in a folder a user points at cannot run code when read."""
    return torch.load(path, weights_only=True, map_location="cpu")


def optimizer_step(loss: torch.Tensor, model, opt) -> None:
    """Backward, gradient norm clipped to 1, step, gradients cleared: one update of every loop here."""
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
    opt.step()
    opt.zero_grad(set_to_none=True)


def two_rate_adamw(body: list, head: list, cfg) -> tuple[torch.optim.AdamW, list[float]]:
    """AdamW with the pretrained weights at `cfg.lr` and a new head at `cfg.head_lr` (the extractor's and
    the support classifier's loops); returns it and the two peak rates, for the schedule."""
    opt = torch.optim.AdamW([{"params": body, "lr": cfg.lr}, {"params": head, "lr": cfg.head_lr}],
                            weight_decay=cfg.weight_decay)
    return opt, [cfg.lr, cfg.head_lr]


def resume_state(state_path: Path, opt) -> tuple[int, float]:
    """Load a resumable save's optimizer and RNG state into `opt` and torch; returns (step, elapsed s)."""
    st = read_trainer_state(state_path)
    opt.load_state_dict(st["optimizer"])
    torch.set_rng_state(st["torch_rng"])
    return st["step"], st["elapsed"]


def evaluate_rewriter(cfg: TrainConfig, model_dir: str | Path) -> dict:
    """Validation loss and rewrite ROUGE of a saved model on this config's held-out pairs (a point of
    the learning curve for a model trained elsewhere, e.g. a shipped checkpoint)."""
    from ..model import load_seq2seq

    device = _device()
    model, tok = load_seq2seq(model_dir, device=device)
    valid_enc, rouge_rows = held_out(cfg, build_pairs(cfg), tok, model.config.decoder_start_token_id)
    state = Path(model_dir) / "trainer_state.pt"  # a training save knows how far it got
    where = {}
    if state.exists():
        st = read_trainer_state(state)
        where = {"step": st["step"], "pairs_seen": st["seen"]}
    return {**where, **_validate(model, tok, valid_enc, rouge_rows, cfg, device)}


def main(argv=None):
    import argparse

    ap = argparse.ArgumentParser(prog="summarizer train", description=__doc__.split("\n")[0])
    ap.add_argument("--config", required=True, help="YAML training config (see configs/)")
    ap.add_argument("--out-dir", help="override out_dir")
    ap.add_argument("--max-steps", type=int, help="override max_steps")
    ap.add_argument("--no-resume", action="store_true", help="start over even if out_dir/last exists")
    ap.add_argument("--selector-only", action="store_true",
                    help="skip the rewriter loop: fit the selector on out_dir/last and export")
    ap.add_argument("--export-only", action="store_true",
                    help="extractor's or support classifier's config: train nothing, export out_dir/last (the "
                         "extractor's fits its position prior first)")
    ap.add_argument("--eval-only", metavar="MODEL_DIR",
                    help="train nothing: print the validation loss and rewrite ROUGE of a saved model")
    args = ap.parse_args(argv)
    task = (yaml.safe_load(Path(args.config).read_text()) or {}).get("task")
    if task in ("support", "extractor"):  # a trainer of its own, which reads its own config class
        if args.selector_only or args.eval_only or args.max_steps:
            ap.error("--selector-only, --eval-only and --max-steps are for the rewriter's config")
        if task == "support":
            from .train_support import SupportConfig as config_class, main as task_main
        else:
            from .train_extractor import ExtractorConfig as config_class, main as task_main
        cfg = config_class.from_yaml(args.config, out_dir=args.out_dir)
        task_main(cfg=cfg, resume=not args.no_resume, export_only=args.export_only)
        return
    if args.export_only:
        ap.error("--export-only is for the extractor's and support classifier's configs (the rewriter's is "
                 "--selector-only)")
    cfg = TrainConfig.from_yaml(args.config, out_dir=args.out_dir, max_steps=args.max_steps)
    if int(os.environ.get("WORLD_SIZE", "1")) > 1 and (args.eval_only or args.selector_only):
        ap.error("--eval-only and --selector-only run in one process: start them without torchrun")
    if args.eval_only:
        print(json.dumps({"model": args.eval_only, **evaluate_rewriter(cfg, args.eval_only)}))
        return
    last = Path(cfg.out_dir) / "last" if args.selector_only else train(cfg, resume=not args.no_resume)
    if int(os.environ.get("RANK", "0")) != 0:  # under torchrun the main process fits the selector and exports
        return
    selector = fit_selector(cfg, last)
    print("selector:", json.dumps(selector.settings))
    out = export(cfg, last, selector, cfg.export_dir or Path(cfg.out_dir) / "export")
    print(f"exported {out}")


if __name__ == "__main__":
    main()
