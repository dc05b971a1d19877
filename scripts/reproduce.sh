#!/usr/bin/env bash
# Rebuild the shipped checkpoint and its model card from scratch, as it was made
# (2 CPU cores; about 3.5 hours in all). Run from the repository root with
# ../shared/data beside it. Long: run it under nohup.
set -euo pipefail
cfg=configs/bert2bert-minilm.yaml
ck=checkpoints/bert2bert-minilm-news

# 1. pairs + rewriter training (resumable: re-run the same line after a stop),
#    then the sentence selector, then the fp16 export to $ck
summarizer train --config "$cfg"

# 1b. the extractor (BertSum on MiniLM; resumable), in two stages of about 75 and 105 minutes on 2 CPU
#     cores, each with its position prior and fp16 export to runs/extractor-minilm*/export; the second
#     stage's export is the shipped $ck/extractor (it beat the selector on validation)
summarizer train --config configs/extractor-minilm.yaml
summarizer train --config configs/extractor-minilm-stage2.yaml
rm -rf "$ck/extractor" && cp -r runs/extractor-minilm-2/export/extractor "$ck/extractor"

# 2. evaluation: CNN/DM test (a seeded random 1,000 of 4,489; drop --limit for all),
#    abstracts on XSum and Inshorts, the cased input path, then speed
summarizer evaluate --model "$ck" --data ../shared/data/cnndm --split validation --limit 300 --out runs/eval/cnndm-validation-300.json
summarizer evaluate --model "$ck" --data ../shared/data/cnndm --split test --limit 1000 --out runs/eval/cnndm-test-1000.json
summarizer evaluate --model "$ck" --data ../shared/data/cnndm --split test --out runs/eval/cnndm-test.json  # all 4,489: ~85 min
summarizer evaluate --model "$ck" --data ../shared/data/xsum --split validation --out runs/eval/xsum-validation.json
summarizer evaluate --model "$ck" --data ../shared/data/inshorts --split validation --out runs/eval/inshorts-validation.json
summarizer evaluate --model "$ck" --data ../shared/data/cnndm_cased --split validation --limit 300 --out runs/eval/cnndm_cased-validation-300.json
summarizer bench --model "$ck" --threads 2 --out runs/bench.json

# 3. the model card, from the files above
#    (a fresh run logs the rewrite ROUGE of held-out pairs at each validation: the ROUGE learning curve;
#    `summarizer train --config "$cfg" --eval-only DIR` measures the same for any saved model)
python3 scripts/model_card.py "$ck" --log runs/bert2bert-minilm/log.jsonl --notes scripts/model_card_notes.md \
    --extractor-log runs/extractor-minilm/log.jsonl runs/extractor-minilm-2/log.jsonl \
    --curve runs/bert2bert-minilm/log.jsonl \
    --eval runs/eval/cnndm-test.json runs/eval/cnndm-test-1000.json runs/eval/cnndm-validation-300.json runs/eval/xsum-validation.json runs/eval/inshorts-validation.json \
           runs/eval/cnndm_cased-validation-300.json \
    --bench runs/bench.json
