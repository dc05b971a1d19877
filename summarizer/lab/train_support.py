"""Training the support classifier (`summarizer.support`): does this sentence say what its rewrite says?

    summarizer train --config configs/support-minilm.yaml

FactCC-style (Kryscinski et al. 2020): no human labels, only the data's own sentences and rule-made
corruptions of them. A pair is (rewrite, source sentence):

- **supported (1)**: a CNN/DM highlight and the article sentence it was compressed from (aligned by
  `lab.data.align`, kept when the sentence holds at least `min_coverage` of the highlight's content
  words: a newsroom's own deletions and light rephrasing); the sentence itself; the sentence as
  `faithfulness.plain_quote` quotes it.
- **not supported (0)**: the highlight corrupted the ways a deletion model goes wrong (`CORRUPTIONS`):
  its verb deleted (a fragment), only its subject kept, a negation dropped or added, a number changed,
  a speech verb deleted ("X said Y" -> "X Y"), a subordinate clause kept without its main clause, the
  subject replaced by another word of the sentence, a cut at a function word, and another highlight of
  the same article (a claim this sentence does not make).

The pairs are built once on the CPU (`prepare`: `out_dir/pairs-{train,valid}.jsonl.gz`, text only,
small enough to carry to a GPU) and tokenised where the model trains. The model is the first
`layers` layers of the shipped extractor's encoder with a pooled head; its embeddings are frozen and
not saved (`export` writes only what differs from the extractor, which lends it its embeddings at load
time), so the checkpoint grows by the layers alone.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path

import torch
import torch.nn.functional as F
import yaml
from tqdm.auto import tqdm


@dataclass
class SupportConfig:
    task: str = "support"  # tells `summarizer train` which trainer reads the YAML
    data_dir: str = "../shared/data"  # the normalised CNN/DM JSON Lines (only `prepare` reads them)
    sentences_from: str = ""  # the extractor's labelled cache (its sentences and highlights): no re-split
    out_dir: str = "runs/support-minilm"  # pairs, log.jsonl, the resumable save (last/)
    init: str = "checkpoints/bert2bert-minilm-news/extractor"  # the encoder whose first layers start the model
    layers: int = 4  # encoder layers kept: each costs 1.8M weights (3.5 MB in fp16) and CPU time per rewrite
    train_articles: int = 0  # CNN/DM training articles that give pairs; 0 = all
    valid_articles: int = 500  # validation articles: held-out pairs for the learning curve
    min_coverage: float = 0.8  # a highlight is a supported rewrite when its sentence holds this share of its words
    corruptions_per_pair: int = 2  # unsupported variants drawn for each supported highlight
    identity_prob: float = 0.15  # how often the sentence itself (and its plain quote) is a supported pair too
    max_len: int = 160  # tokens of (rewrite, sentence); the sentence is cut first
    batch_size: int = 64
    lr: float = 5e-5  # the pretrained layers
    head_lr: float = 1e-3  # the new pooler and head
    weight_decay: float = 0.01
    warmup: float = 0.06  # share of the steps with linear warmup, then linear decay to 0
    epochs: int = 2
    eval_every: int = 500  # steps between validations (loss, accuracy by kind)
    save_every: int = 500  # steps between resumable saves
    export_dir: str = ""  # checkpoint folder that receives support/ (fp16); "" = no export
    seed: int = 1234
    bf16: bool = True

    @classmethod
    def from_yaml(cls, path, **overrides) -> "SupportConfig":
        from .train import config_from_yaml

        return config_from_yaml(cls, path, **overrides)


# --- corruptions ---------------------------------------------------------------------

_WORD = re.compile(r"\S+")
_NEGATIONS = {"not", "n't", "never", "no"}
_AUX = ("is are was were has have had will would can could did does do should must may might").split()
_SPEECH_WORDS = ("said says told tells added adds claimed claims insisted insists revealed reveals admitted admits "
                 "denied denies warned warns explained explains").split()
_SUBS = ("which where who because although though while after before when if unless whereas since "
         "despite").split()
_CUT_AT = ("the a an of to and with for in on at by from his her their its").split()


def _bare(w: str) -> str:
    return w.strip(".,;:!?\"'()").lower()


def _verbs(words: list[str]) -> list[int]:
    from ..faithfulness import _VERBS

    def verb(w: str) -> bool:  # a common verb's form, or an -ed word ("strong-willed" is no verb)
        b = _bare(w)
        return b in _VERBS or len(b) > 4 and b.endswith("ed") and "-" not in w

    return [k for k, w in enumerate(words) if k and verb(w)]


def _sentence(words: list[str]) -> str:
    text = " ".join(words).strip(" ,;:")
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "'", '"')) else text + "."


def drop_verb(words, source, others, rng):
    v = _verbs(words)
    if not v:
        return None
    k = v[0]
    end = k + 1
    while end < len(words) and (_bare(words[end]) in _NEGATIONS or end in v):
        end += 1
    out = words[:k] + words[end:]
    return _sentence(out) if not _verbs(out) and len(out) >= 3 else None


def keep_subject(words, source, others, rng):
    v = _verbs(words)
    return _sentence(words[:v[0]]) if v and v[0] >= 3 else None


def flip_negation(words, source, others, rng):
    neg = [k for k, w in enumerate(words) if _bare(w) in _NEGATIONS]
    if neg:
        return _sentence(words[:neg[0]] + words[neg[0] + 1:])
    aux = [k for k, w in enumerate(words) if _bare(w) in _AUX]
    return _sentence(words[:aux[0] + 1] + ["not"] + words[aux[0] + 1:]) if aux else None


def change_number(words, source, others, rng):
    nums = [k for k, w in enumerate(words) if any(c.isdigit() for c in w)]
    if not nums:
        return None
    k = rng.choice(nums)
    pool = [w for s in others for w in s.split() if any(c.isdigit() for c in w) and _bare(w) != _bare(words[k])]
    if pool:
        new = rng.choice(pool).strip(".,;:!?\"'()")
    else:  # a digit changed
        digits = [i for i, c in enumerate(words[k]) if c.isdigit()]
        i = rng.choice(digits)
        new = words[k][:i] + str((int(words[k][i]) + rng.randint(1, 8)) % 10) + words[k][i + 1:]
    return _sentence(words[:k] + [new] + words[k + 1:])


def drop_speech_verb(words, source, others, rng):
    k = next((k for k, w in enumerate(words) if _bare(w) in _SPEECH_WORDS and 0 < k < len(words) - 2), None)
    return _sentence(words[:k] + words[k + 1:]) if k is not None else None


def keep_subordinate(words, source, others, rng):
    k = next((k for k, w in enumerate(words) if _bare(w) in _SUBS and 2 < k < len(words) - 3), None)
    return _sentence(words[k:]) if k is not None else None


def swap_subject(words, source, others, rng):
    v = _verbs(words)
    if not v or v[0] > 6:
        return None
    subject = {_bare(w) for w in words[:v[0]]}
    from ..text import STOPWORDS

    pool = [_bare(w) for w in source.split() if _bare(w).isalpha() and len(_bare(w)) > 3
            and _bare(w) not in STOPWORDS and _bare(w) not in subject]
    if not pool:
        return None
    return _sentence(["the", rng.choice(pool)] + words[v[0]:])


def cut_at_function_word(words, source, others, rng):
    cuts = [k for k, w in enumerate(words[:-2]) if k >= 3 and _bare(w) in _CUT_AT]
    return _sentence(words[:rng.choice(cuts) + 1]) if cuts else None


_RELATIVES = {"who", "which", "that", "whose", "whom", "where"}
_NOT_AFTER_AND = _CUT_AT + ["at", "into", "over", "after", "before", "as", "but", "or"]


def noun_phrase_only(words, source, others, rng):
    """The sentence up to its main verb: a subject with its aside, participle or relative clause and
    nothing it does ("The servant, played by Eleanor Tomlinson, 22."). Cut from the source sentence;
    only where every verb before the cut is a participle or inside a relative clause, so that what is
    left has no main clause (not "She was pushed from a roof" before ", run over ...")."""
    from ..faithfulness import _AUXILIARIES

    src = source.split()
    verbs = _verbs(src)

    def modifier(k):  # a participle after a comma ("X, played by"), or any verb of a relative clause
        near = [_bare(w) for w in src[max(0, k - 3):k]]
        return any(w in _RELATIVES for w in near) or (src[k - 1].endswith(",") and _bare(src[k]) not in _AUXILIARIES)

    for v in verbs:
        if v >= 4 and _bare(src[v - 1]) not in _RELATIVES | _AUXILIARIES and all(modifier(k) for k in verbs if k < v):
            return _sentence(src[:v])
    return None


def cut_after_and(words, source, others, rng):
    """A coordination cut one word after its "and"/"or" while the phrase goes on ("suspended by the club
    and Emanuele[ Giaccherini (ankle) ... are ruled out]")."""
    cuts = [k for k, w in enumerate(words[:-3]) if k >= 2 and w in ("and", "or")
            and _bare(words[k + 1]) not in _NOT_AFTER_AND and _bare(words[k + 2]) not in _NOT_AFTER_AND
            and not words[k + 1].endswith((",", "."))]
    if not cuts:
        return None
    k = rng.choice(cuts)
    return _sentence(words[:k + 2])


def drop_first_conjunct(words, source, others, rng):
    """One side of a coordination deleted with its "and"/"or": "either the second or third" -> "either the
    third", "Smith and Jones were fined" -> "Jones were fined"."""
    spots = [k for k, w in enumerate(words[1:-1], 1) if w in ("and", "or") and not words[k - 1].endswith(",")]
    if not spots:
        return None
    k = rng.choice(spots)
    return _sentence(words[:k - 1] + words[k + 1:])


def other_highlight(words, source, others, rng):
    return rng.choice(others) if others else None


CORRUPTIONS = {f.__name__: f for f in (drop_verb, keep_subject, flip_negation, change_number, drop_speech_verb,
                                       keep_subordinate, swap_subject, cut_at_function_word, other_highlight,
                                       noun_phrase_only, cut_after_and, drop_first_conjunct)}


def article_pairs(sents: list[str], highlights: list[str], cfg: SupportConfig, rng: random.Random) -> list[dict]:
    """(text, source, label, kind) pairs from one article's sentences and highlights."""
    from ..faithfulness import plain_quote
    from ..text import ensure_sentence_end
    from .data import align, coverage

    out = []
    highlights = [ensure_sentence_end(h) for h in highlights if h.strip()]
    for j, h in enumerate(highlights):
        i, _ = align(h, sents)
        src = sents[i]
        if coverage(h, src) < cfg.min_coverage or len(h.split()) < 4:
            continue
        out.append({"text": h, "source": src, "label": 1, "kind": "highlight"})
        if rng.random() < cfg.identity_prob:
            out.append({"text": ensure_sentence_end(src), "source": src, "label": 1, "kind": "sentence"})
            quoted = ensure_sentence_end(plain_quote(src))
            if quoted != ensure_sentence_end(src):
                out.append({"text": quoted, "source": src, "label": 1, "kind": "plain_quote"})
        others = highlights[:j] + highlights[j + 1:]
        names = list(CORRUPTIONS)
        rng.shuffle(names)
        made = 0
        for name in names:
            if made >= cfg.corruptions_per_pair:
                break
            bad = CORRUPTIONS[name](h.split(), src, others, rng)
            if bad and bad.lower() != h.lower():
                out.append({"text": bad, "source": src, "label": 0, "kind": name})
                made += 1
    return out


def _rows(cfg: SupportConfig, split: str, n: int):
    """(sentences, highlights) of the first n articles of a CNN/DM split: from the extractor's labelled
    cache (`sentences_from`, a folder with its train-*.jsonl and validation-*.jsonl: no second sentence
    split) when given, else split here."""
    if cfg.sentences_from:
        path = sorted(Path(cfg.sentences_from).glob(f"{split}-*.jsonl"))[0]
        with open(path) as f:
            for k, line in enumerate(f):
                if n and k >= n:
                    break
                r = json.loads(line)
                yield r["sentences"], r["reference"]
        return
    from ..text import split_sentences
    from .data import load_split

    ds = load_split(cfg.data_dir, "cnndm", split)
    for k in range(min(n or len(ds), len(ds))):
        r = ds[k]
        yield split_sentences(r["article"]), list(r["highlights"])


def prepare(cfg: SupportConfig) -> dict:
    """Write out_dir/pairs-train.jsonl.gz and pairs-valid.jsonl.gz once; returns their sizes."""
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sizes = {}
    for split, n, name in (("train", cfg.train_articles, "train"), ("validation", cfg.valid_articles, "valid")):
        path = out / f"pairs-{name}.jsonl.gz"
        if path.exists():
            continue
        rng = random.Random(f"{cfg.seed}-{name}")
        rows = []
        for sents, highlights in tqdm(_rows(cfg, split, n), total=n or None, desc=f"pairs {name}"):
            if len(sents) >= 2:
                rows += article_pairs(sents, highlights, cfg, rng)
        tmp = path.with_suffix(".tmp")
        with gzip.open(tmp, "wt") as f:
            for r in rows:
                f.write(json.dumps(r) + "\n")
        tmp.replace(path)
        sizes[name] = len(rows)
    return sizes


def read_pairs(path: Path) -> list[dict]:
    with gzip.open(path, "rt") as f:
        return [json.loads(line) for line in f]


# --- the model -------------------------------------------------------------------------

def make_model(init: str, layers: int):
    """(BertForSequenceClassification with one logit, tokenizer): the first `layers` layers of `init`,
    embeddings frozen (the shipped model borrows the extractor's)."""
    from transformers import AutoConfig, AutoTokenizer, BertForSequenceClassification

    from ..model import refuse_custom_code

    refuse_custom_code(init)
    config = AutoConfig.from_pretrained(init, local_files_only=True)
    config.num_hidden_layers, config.num_labels = layers, 1
    config.problem_type = None
    config.id2label, config.label2id = {0: "supported"}, {"supported": 0}
    attention = "sdpa" if torch.cuda.is_available() else "eager"
    model = BertForSequenceClassification.from_pretrained(init, config=config, local_files_only=True,
                                                          dtype=torch.float32, attn_implementation=attention)
    for p in model.bert.embeddings.parameters():
        p.requires_grad = False
    return model, AutoTokenizer.from_pretrained(init, local_files_only=True)


def encode(tok, pairs: list[dict], max_len: int) -> dict:
    return tok([p["text"] for p in pairs], [p["source"] for p in pairs], truncation="longest_first",
               max_length=max_len, padding=True, return_tensors="pt")


@torch.no_grad()
def validate(model, tok, pairs: list[dict], cfg: SupportConfig, device) -> dict:
    """Loss, accuracy at 0.5, and the share of each kind judged supported (p >= 0.5): 1 for the
    supported kinds, 0 for the corruptions, ideally."""
    model.eval()
    probs, tot = [], 0.0
    for i in range(0, len(pairs), 256):
        chunk = pairs[i:i + 256]
        enc = {k: v.to(device) for k, v in encode(tok, chunk, cfg.max_len).items()}
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=cfg.bf16):
            logits = model(**enc).logits.squeeze(-1).float()
        y = torch.tensor([float(p["label"]) for p in chunk], device=device)
        tot += F.binary_cross_entropy_with_logits(logits, y, reduction="sum").item()
        probs += torch.sigmoid(logits).tolist()
    model.train()
    kinds: dict[str, list[float]] = {}
    for p, q in zip(pairs, probs):
        kinds.setdefault(p["kind"], []).append(float(q >= 0.5))
    acc = sum((q >= 0.5) == bool(p["label"]) for p, q in zip(pairs, probs)) / max(1, len(pairs))
    return {"valid_loss": round(tot / max(1, len(pairs)), 4), "valid_accuracy": round(acc, 4),
            "judged_supported": {k: round(sum(v) / len(v), 3) for k, v in sorted(kinds.items())}}


def train(cfg: SupportConfig, resume: bool = True) -> Path:
    from .train import _device, optimizer_step, resume_state, two_rate_adamw

    random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    device = _device()
    out = Path(cfg.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    (out / "config.yaml").write_text(yaml.safe_dump(cfg.__dict__, sort_keys=False))
    prepare(cfg)
    train_pairs, valid_pairs = read_pairs(out / "pairs-train.jsonl.gz"), read_pairs(out / "pairs-valid.jsonl.gz")
    last, state_path = out / "last", out / "last" / "trainer_state.pt"
    resuming = resume and state_path.exists()
    model, tok = make_model(cfg.init, cfg.layers)
    if resuming:  # the save holds every weight but the frozen embeddings, which `init` gives
        from safetensors.torch import load_file

        model.load_state_dict(load_file(str(last / "model.safetensors")), strict=False)
    model.to(device).train()
    head = [p for n, p in model.named_parameters() if p.requires_grad and not n.startswith("bert.encoder")]
    body = [p for n, p in model.named_parameters() if p.requires_grad and n.startswith("bert.encoder")]
    opt, base_lrs = two_rate_adamw(body, head, cfg)
    rng = random.Random(cfg.seed)
    plan = []  # the batches of all epochs, fixed by the seed: a resumed run takes the same ones
    for _ in range(cfg.epochs):
        order = list(range(len(train_pairs)))
        rng.shuffle(order)
        plan += [order[i:i + cfg.batch_size] for i in range(0, len(order), cfg.batch_size)]
    step, elapsed = 0, 0.0
    if resuming:
        step, elapsed = resume_state(state_path, opt)
        print(f"resumed from step {step}")
    total, warm = len(plan), max(1, int(cfg.warmup * len(plan)))
    log = open(out / "log.jsonl", "a")
    t0 = time.time() - elapsed
    if step == 0:
        rec = {"step": 0, **validate(model, tok, valid_pairs, cfg, device)}
        print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        t0 = time.time()
    bar = tqdm(total=total, initial=step, desc="train support")
    while step < total:
        factor = (step + 1) / warm if step < warm else max(0.0, (total - step) / max(1, total - warm))
        for g, lr in zip(opt.param_groups, base_lrs):
            g["lr"] = lr * factor
        batch = [train_pairs[i] for i in plan[step]]
        enc = {k: v.to(device) for k, v in encode(tok, batch, cfg.max_len).items()}
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=cfg.bf16):
            logits = model(**enc).logits.squeeze(-1).float()
        loss = F.binary_cross_entropy_with_logits(logits, torch.tensor([float(p["label"]) for p in batch],
                                                                       device=device))
        optimizer_step(loss, model, opt)
        step += 1
        bar.update(1)
        rec = {"step": step, "pairs_seen": step * cfg.batch_size, "loss": round(loss.item(), 4),
               "elapsed_s": round(time.time() - t0, 1)}
        if step % cfg.eval_every == 0 or step == total:
            rec.update(validate(model, tok, valid_pairs, cfg, device))
            print(json.dumps(rec), flush=True)
        log.write(json.dumps(rec) + "\n")
        if step % cfg.save_every == 0 or step == total:
            save(model, tok, last)
            torch.save({"optimizer": opt.state_dict(), "step": step, "elapsed": time.time() - t0,
                        "torch_rng": torch.get_rng_state()}, state_path)
    bar.close()
    log.close()
    summary = {"steps": step, "train_pairs": len(train_pairs), "valid_pairs": len(valid_pairs),
               "wall_time_s": round(time.time() - t0, 1), "device": str(device)}
    (out / "train_summary.json").write_text(json.dumps(summary, indent=2))
    print(json.dumps(summary))
    return last


def save(model, tok, folder: Path, half: bool = False) -> None:
    """config, tokenizer and every weight but the frozen embeddings (the extractor lends them)."""
    from safetensors.torch import save_file

    folder.mkdir(parents=True, exist_ok=True)
    state = {k: (v.half() if half else v).contiguous() for k, v in model.state_dict().items()
             if not k.startswith("bert.embeddings.")}
    save_file(state, str(folder / "model.safetensors"), metadata={"format": "pt"})
    config = model.config
    config._name_or_path = ""
    config.save_pretrained(folder)
    tok.save_pretrained(folder)


def export(cfg: SupportConfig, model_dir: str | Path, checkpoint: str | Path, threshold: float = 0.5) -> Path:
    """fp16 weights (less the embeddings) into `<checkpoint>/support/`, with the threshold and the
    training config and learning curve in support.json."""
    from safetensors.torch import load_file

    from ..support import SETTINGS, SUBFOLDER

    target = Path(checkpoint) / SUBFOLDER
    model, tok = make_model(cfg.init, cfg.layers)
    model.load_state_dict(load_file(str(Path(model_dir) / "model.safetensors")), strict=False)
    save(model, tok, target, half=True)
    log = Path(cfg.out_dir) / "log.jsonl"
    curve = [json.loads(x) for x in log.read_text().splitlines() if "valid_loss" in x] if log.exists() else []
    summary = Path(cfg.out_dir) / "train_summary.json"
    settings = {"threshold": threshold, "max_len": cfg.max_len, "training_config": cfg.__dict__,
                "train_summary": json.loads(summary.read_text()) if summary.exists() else {},
                "learning_curve": curve}
    (target / SETTINGS).write_text(json.dumps(settings, indent=2) + "\n")
    return target


def main(cfg: SupportConfig, resume: bool = True, export_only: bool = False):
    last = Path(cfg.out_dir) / "last" if export_only else train(cfg, resume=resume)
    if cfg.export_dir:
        print(f"exported {export(cfg, last, cfg.export_dir)}")
