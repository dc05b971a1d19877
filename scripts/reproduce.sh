#!/usr/bin/env bash
# Rebuild the shipped checkpoint and its model card from scratch, as it was made
# (2 CPU cores and, for the extractor, one GPU). Run from the repository root with
# ../shared/data beside it. Long: run it under nohup.
set -euo pipefail
cfg=configs/bert2bert-minilm.yaml
ck=checkpoints/bert2bert-minilm-news

# 1. pairs + rewriter training (resumable: re-run the same line after a stop),
#    then the sentence selector, then the fp16 export to $ck
summarizer train --config "$cfg"

# 1b. the extractor (BertSum on MiniLM; resumable): all training articles, 512-token windows, 3 epochs
#     (configs/extractor-minilm-gpu.yaml). Labelling the articles takes about 4 minutes on 2 CPU cores and
#     training 226 s on one H200; on 2 CPU cores the same 4,739 steps would take about 15 hours (a 16-window
#     step at 512 tokens took 5.6 s there), so run it where there is a GPU. On a GPU machine without
#     ../shared/data, carry the labelled data: `python3 scripts/extractor_data.py pack ...` here, `unpack`
#     there (scripts/extractor_data.py says how), then `summarizer train --config ... --export-only` here
#     fits the position prior and exports. The two CPU configs (extractor-minilm.yaml, then -stage2) made 0.4.0's.
summarizer train --config configs/extractor-minilm-gpu.yaml
rm -rf "$ck/extractor" && cp -r runs/extractor-gpu/export/extractor "$ck/extractor"
# the support classifier: pairs from the extractor's labelled cache (1 min on 2 CPU cores), then 2 epochs
# (199 s on one H200); it starts from the extractor above and exports into "$ck/support"
summarizer train --config configs/support-minilm.yaml

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
    --extractor-log runs/extractor-gpu/log.jsonl \
    --curve runs/bert2bert-minilm/log.jsonl \
    --eval runs/eval/cnndm-test.json runs/eval/cnndm-test-1000.json runs/eval/cnndm-validation-300.json runs/eval/xsum-validation.json runs/eval/inshorts-validation.json \
           runs/eval/cnndm_cased-validation-300.json \
    --bench runs/bench.json
