"""The lab: training, evaluation and benchmarks, beside the runtime (`summarizer`).

    summarizer train --config configs/bert2bert-minilm.yaml   (lab/train.py; the extractor: lab/train_extractor.py)
    summarizer evaluate ...                                   (lab/evaluate.py, ROUGE from lab/metrics/)
    summarizer bench ...                                      (lab/bench.py)

Its dependencies (`datasets`, `evaluate`, `rouge_score`) come with `pip install -e ".[train]"`. The
runtime never imports anything from here: `import summarizer; summarize(text)` loads no lab module.
"""
