"""ROUGE as an `evaluate` metric module, shipped with the package so that it loads
offline by path (`evaluate.load("rouge")` would fetch the hub's script).

Same scoring as the hub's `rouge` script (Google's `rouge_score`, Porter stemming
on by default), with two differences that the project's reports need:

* precision and recall are returned beside F1 (`rouge1_precision`, `rouge1_recall`,
  `rouge1`, ... ), and `use_aggregator=False` gives per-example figures, which the
  bootstrap confidence intervals resample;
* ROUGE-Lsum sees one sentence per line: predictions and references may be given
  as lists of sentences (joined with newlines) or as strings whose lines are the
  sentences, as the published CNN/DM results are scored.
"""

import datasets
import evaluate
from rouge_score import rouge_scorer

_CITATION = """\
@inproceedings{lin-2004-rouge,
    title = "{ROUGE}: A Package for Automatic Evaluation of Summaries",
    author = "Lin, Chin-Yew",
    booktitle = "Text Summarization Branches Out",
    year = "2004",
    publisher = "Association for Computational Linguistics",
    pages = "74--81",
}
"""

_DESCRIPTION = """\
ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum (precision, recall, F1) computed with the
`rouge_score` package. ROUGE-Lsum is the summary-level LCS over sentences, one per line.
"""

_KWARGS_DESCRIPTION = """
Args:
    predictions: list of str (sentences separated by newlines) or list of list of str (sentences).
    references: same form as predictions; one reference per prediction.
    rouge_types: subset of ["rouge1", "rouge2", "rougeL", "rougeLsum"] (default: all four).
    use_stemmer: Porter stemming of words (default True).
    use_aggregator: mean over examples (default True); False returns one figure per example.
Returns:
    for each rouge type `t`: `t` (F1), `t_precision`, `t_recall`; floats in [0, 1]
    (lists of floats when use_aggregator is False).
Examples:
    >>> rouge = evaluate.load("summarizer/lab/metrics/rouge.py")
    >>> rouge.compute(predictions=["the cat sat"], references=["the cat sat down"])["rouge1"]
    0.857...
"""

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")


def _as_lines(text) -> str:
    """A summary as one sentence per line."""
    if isinstance(text, (list, tuple)):
        return "\n".join(s.strip() for s in text if s and s.strip())
    return text


@evaluate.utils.file_utils.add_start_docstrings(_DESCRIPTION, _KWARGS_DESCRIPTION)
class Rouge(evaluate.Metric):
    def _info(self):
        return evaluate.MetricInfo(
            description=_DESCRIPTION,
            citation=_CITATION,
            inputs_description=_KWARGS_DESCRIPTION,
            features=[
                datasets.Features({"predictions": datasets.Value("string"),
                                   "references": datasets.Value("string")}),
                datasets.Features({"predictions": datasets.Sequence(datasets.Value("string")),
                                   "references": datasets.Sequence(datasets.Value("string"))}),
            ],
            reference_urls=["https://github.com/google-research/google-research/tree/master/rouge"],
        )

    def _compute(self, predictions, references, rouge_types=None, use_stemmer=True, use_aggregator=True):
        rouge_types = list(rouge_types or ROUGE_TYPES)
        scorer = rouge_scorer.RougeScorer(rouge_types=rouge_types, use_stemmer=use_stemmer)
        per_example = {f"{t}{s}": [] for t in rouge_types for s in ("", "_precision", "_recall")}
        for pred, ref in zip(predictions, references):
            scores = scorer.score(_as_lines(ref), _as_lines(pred))  # score(target, prediction)
            for t in rouge_types:
                per_example[t].append(scores[t].fmeasure)
                per_example[f"{t}_precision"].append(scores[t].precision)
                per_example[f"{t}_recall"].append(scores[t].recall)
        if not use_aggregator:
            return per_example
        return {k: (sum(v) / len(v) if v else 0.0) for k, v in per_example.items()}
