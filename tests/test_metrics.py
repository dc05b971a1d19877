"""The project's ROUGE metric module, loaded offline by path through `evaluate`,
against ROUGE computed by hand on small strings."""

import pytest

from summarizer.lab.metrics import ROUGE_PATH, load_rouge


@pytest.fixture(scope="module")
def rouge():
    return load_rouge()


def scores(rouge, pred, ref, **kw):
    return rouge.compute(predictions=[pred], references=[ref], **kw)


def test_module_ships_in_the_package():
    assert ROUGE_PATH.name == "rouge.py" and ROUGE_PATH.parent.name == "metrics" and ROUGE_PATH.exists()


def test_one_word_swapped(rouge):
    # pred: the cat sat on the mat  /  ref: the cat lay on the mat   (6 tokens each, none stemmed: all <= 3 chars)
    # ROUGE-1: overlap the x2, cat, on, mat = 5            -> P = R = F = 5/6
    # ROUGE-2: bigrams "the cat", "on the", "the mat" = 3/5 -> P = R = F = 3/5
    # ROUGE-L: LCS "the cat on the mat" = 5                 -> P = R = F = 5/6
    s = scores(rouge, "the cat sat on the mat", "the cat lay on the mat")
    for t, want in (("rouge1", 5 / 6), ("rouge2", 3 / 5), ("rougeL", 5 / 6), ("rougeLsum", 5 / 6)):
        assert s[t] == pytest.approx(want)
        assert s[f"{t}_precision"] == pytest.approx(want)
        assert s[f"{t}_recall"] == pytest.approx(want)


def test_precision_and_recall_differ_and_stemming_is_on(rouge):
    # pred: police arrested two men -> polic arrest two men (4)
    # ref:  two men were arrested by police on monday -> two men were arrest by polic on monday (8)
    # ROUGE-1: all 4 pred tokens match: P = 4/4, R = 4/8, F = 2*1*.5/1.5 = 2/3
    # ROUGE-2: pred {polic arrest, arrest two, two men}, ref has "two men" only: P = 1/3, R = 1/7,
    #          F = 2*(1/3)*(1/7) / (1/3 + 1/7) = 0.2
    # ROUGE-L: "polic" and "arrest" come in the other order in ref, so LCS = "two men" = 2:
    #          P = 2/4, R = 2/8, F = 2*.5*.25/.75 = 1/3
    s = scores(rouge, "police arrested two men", "two men were arrested by police on monday")
    assert (s["rouge1_precision"], s["rouge1_recall"], s["rouge1"]) == pytest.approx((1.0, 0.5, 2 / 3))
    assert (s["rouge2_precision"], s["rouge2_recall"], s["rouge2"]) == pytest.approx((1 / 3, 1 / 7, 0.2))
    assert (s["rougeL_precision"], s["rougeL_recall"], s["rougeL"]) == pytest.approx((0.5, 0.25, 1 / 3))
    # stemming: cats/cat and running/run only match when stemmed
    assert scores(rouge, "cats running", "cat run")["rouge1"] == pytest.approx(1.0)
    assert scores(rouge, "cats running", "cat run", use_stemmer=False)["rouge1"] == 0.0


def test_rouge_lsum_is_scored_one_sentence_per_line(rouge):
    # the same two sentences in the other order.
    # ROUGE-L over the whole text: LCS of "the dog barked the cat ran" / "the cat ran the dog barked" = 3 of 6 -> 0.5
    # ROUGE-Lsum: each reference line is fully covered by one predicted line: 3 + 3 hits of 6 -> 1.0
    pred, ref = ["the dog barked.", "the cat ran."], ["the cat ran.", "the dog barked."]
    s = scores(rouge, pred, ref)
    assert s["rougeL"] == pytest.approx(0.5)
    assert s["rougeLsum"] == pytest.approx(1.0)
    # newline-joined strings are the same thing as lists of sentences
    assert scores(rouge, "\n".join(pred), "\n".join(ref))["rougeLsum"] == pytest.approx(1.0)
    # without line breaks the summary is one sentence and Lsum falls back to plain LCS
    assert scores(rouge, " ".join(pred), " ".join(ref))["rougeLsum"] == pytest.approx(0.5)


def test_per_example_and_mean(rouge):
    preds, refs = ["the cat sat on the mat", "a b"], ["the cat lay on the mat", "x y"]
    per = rouge.compute(predictions=preds, references=refs, use_aggregator=False)
    assert per["rouge1"] == pytest.approx([5 / 6, 0.0])
    mean = rouge.compute(predictions=preds, references=refs)
    assert mean["rouge1"] == pytest.approx(5 / 12)
    assert set(mean) == {f"{t}{s}" for t in ("rouge1", "rouge2", "rougeL", "rougeLsum")
                         for s in ("", "_precision", "_recall")}


def test_mean_rouge_gives_the_metric_modules_figures(rouge):
    # the trainer's validation scores with rouge_score alone (a GPU machine without `evaluate`):
    # same means as the module, sentences one per line
    from summarizer.lab.metrics import mean_rouge

    preds = [["the cat sat on the mat.", "it was happy."], ["a dog barked loudly.", "at night."], ["nothing here"]]
    refs = [["the cat sat.", "the mat was red."], ["the dog barked at night."], ["something else entirely"]]
    want = rouge.compute(predictions=preds, references=refs, rouge_types=["rouge1", "rouge2", "rougeLsum"])
    got = mean_rouge(preds, refs)
    assert set(got) == {"rouge1", "rouge2", "rougeLsum"}
    for t, v in got.items():
        assert v == pytest.approx(want[t])
    assert 0 < got["rouge2"] < got["rouge1"] < 1
