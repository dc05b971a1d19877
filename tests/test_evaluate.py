"""Baselines, bootstrap intervals, the faithfulness checks and the evaluate run."""

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from summarizer.lab.evaluate import baselines, bootstrap_ci, evaluate_model, main, oracle, resolve_data
from summarizer.faithfulness import max_pair_similarity, novel_ngram_ratio, number_mentions, unsupported_facts
from summarizer.options import SummarizeOptions
from summarizer.pipeline import Draft
from summarizer.text import split_sentences

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"

ARTICLE = (
    "Heavy rain flooded the town of Millbrook on Sunday. "
    "About 3,000 homes lost power as the river burst its banks. "
    "The mayor, Jane Ortiz, declared a state of emergency. "
    "Volunteers filled sandbags at the fire station. "
    "Repairs are expected to cost $4.5 million. "
    "Schools will stay closed until Wednesday."
)
SENTENCES = split_sentences(ARTICLE)
HIGHLIGHTS = ["the mayor declared a state of emergency.", "repairs are expected to cost $4.5 million."]


# --- baselines ---------------------------------------------------------------------

def test_article_splits_into_six_sentences():
    assert len(SENTENCES) == 6 and SENTENCES[2].startswith("The mayor")


def test_lead_baselines_take_the_first_sentences():
    b = baselines(SENTENCES, HIGHLIGHTS, abstract_data=True)
    assert b["lead-1"] == SENTENCES[:1] and b["lead-2"] == SENTENCES[:2]
    assert b["lead-3"] == SENTENCES[:3]
    assert b["lead-5"] == SENTENCES[:5]
    assert "lead-1" not in baselines(SENTENCES, HIGHLIGHTS, abstract_data=False)


def test_oracle_picks_the_sentences_the_reference_was_written_from():
    # highlight 1 is sentence 2 without "Jane Ortiz", highlight 2 is sentence 4 verbatim;
    # a third sentence only lowers precision, so the greedy search stops at two
    assert oracle(SENTENCES, HIGHLIGHTS) == [2, 4]
    assert oracle(SENTENCES, HIGHLIGHTS[::-1]) == [2, 4]  # article order
    assert oracle(SENTENCES, HIGHLIGHTS, max_sentences=1) in ([2], [4])
    assert oracle(SENTENCES, ["nothing in common here"]) == []


# --- bootstrap ------------------------------------------------------------------------

def test_bootstrap_interval():
    assert bootstrap_ci([0.4] * 50) == pytest.approx((0.4, 0.4, 0.4))
    values = np.random.default_rng(1).uniform(0, 1, 400)
    mean, low, high = bootstrap_ci(values, draws=500, seed=3)
    assert low < mean < high and mean == pytest.approx(values.mean())
    # about 2 x 1.96 standard errors wide (sd of U(0,1) = 0.289)
    assert high - low == pytest.approx(2 * 1.96 * 0.289 / np.sqrt(400), rel=0.25)
    assert bootstrap_ci(values, draws=500, seed=3) == (mean, low, high)  # seeded
    _, low_small, high_small = bootstrap_ci(values[:40], draws=500, seed=3)
    assert high_small - low_small > 2 * (high - low)  # fewer articles, wider interval


# --- faithfulness checks --------------------------------------------------------------

def test_numbers_are_compared_by_value():
    assert number_mentions("3,000 homes and 3.50 pounds") == [{"3000"}, {"3.5"}]
    assert number_mentions("twenty-five people") == [{"25"}]
    assert number_mentions("s,000 people") == []  # a broken token, not the number 0
    assert {"4.5", "4.5e+06"} in number_mentions("$4.5 million")
    ok = ["About 3000 homes lost power.", "It will cost 4,500,000 dollars.", "Repairs cost $4.5m.",
          "Schools are shut until Wednesday."]
    for text in ok:
        assert unsupported_facts(text, ARTICLE) == {"numbers": [], "dates": [], "names": []}, text
    assert unsupported_facts("About 3,500 homes lost power.", ARTICLE)["numbers"] == ["3500"]
    assert unsupported_facts("Five people were hurt.", ARTICLE)["numbers"] == ["5"]
    assert unsupported_facts("It cost $4.6 million.", ARTICLE)["numbers"] != []


def test_dates_and_names():
    u = unsupported_facts("On Friday, mayor Jane Ortiz met John Smith.", ARTICLE)
    assert u["dates"] == ["friday"] and u["names"] == ["john", "smith"]
    # sentence starts, possessives and "may" the verb are not names or dates
    u = unsupported_facts("Volunteers may return. Ortiz's team met on Sunday.", ARTICLE)
    assert u == {"numbers": [], "dates": [], "names": []}
    assert unsupported_facts("It rained in May.", ARTICLE)["dates"] == ["may"]
    # lowercase articles: names cannot be told from words and are not checked
    assert unsupported_facts("john smith came on friday", ARTICLE.lower()) == {
        "numbers": [], "dates": ["friday"], "names": None}


def test_novelty_and_redundancy():
    assert novel_ngram_ratio(["heavy rain flooded the town"], ARTICLE, 1) == 0.0
    assert novel_ngram_ratio(["heavy snow flooded the town"], ARTICLE, 2) == pytest.approx(2 / 4)
    assert novel_ngram_ratio([""], ARTICLE, 3) is None
    assert max_pair_similarity(["the cat sat", "the cat sat", "dogs bark"]) == pytest.approx(1.0)
    assert max_pair_similarity(["the cat sat"]) == 0.0


# --- the evaluate run ----------------------------------------------------------------

class ScriptedEngine:
    """Stands in for `Engine`: its takeaways are the article's first five sentences,
    the fifth one marked fallback; the abstract is its first sentence."""
    path, device = Path("scripted"), "cpu"

    def summarize(self, texts, options=SummarizeOptions(), flags=None):
        out = []
        for text in texts:
            s = split_sentences(text)
            out.append(Draft(s, s[0], [0], s[:5], [[i] for i in range(5)], [False] * 4 + [True], False))
        return out


def write_split(root: Path, name: str, split: str, rows: list[dict]) -> None:
    (root / name).mkdir(parents=True, exist_ok=True)
    with gzip.open(root / name / f"{split}.jsonl.gz", "wt") as f:
        for r in rows:
            f.write(json.dumps(r) + "\n")


@pytest.fixture
def data(tmp_path):
    other = "A bus crashed on the A1 on Monday. Two people were hurt. The road reopened at noon. " \
            "Police asked for witnesses. The driver was tested for alcohol. Traffic was slow all day."
    write_split(tmp_path, "cnndm", "test", [
        {"id": "a", "article": ARTICLE, "highlights": HIGHLIGHTS},
        {"id": "b", "article": other, "highlights": ["two people were hurt when a bus crashed on monday."]}])
    write_split(tmp_path, "xsum", "validation", [{"id": "c", "article": ARTICLE, "abstract": "Millbrook flooded."}])
    return tmp_path


def test_resolve_data(data):
    assert resolve_data(data / "cnndm", None, None) == (data, "cnndm", "test")
    assert resolve_data(data, "xsum", None) == (data, "xsum", "validation")
    assert resolve_data(data / "xsum", "xsum", "validation") == (data, "xsum", "validation")


def test_evaluate_with_a_scripted_model(data, tmp_path):
    out = tmp_path / "report" / "r.json"
    report = evaluate_model(ScriptedEngine(), data / "cnndm", out=out, draws=200, progress=False)
    r = report["rouge"]
    assert list(r) == ["model (takeaways)", "model (abstract)", "lead-3", "lead-5", "oracle"]
    # the scripted takeaways are Lead-5: same figures, a zero difference
    assert r["model (takeaways)"]["rougeLsum"]["mean"] == pytest.approx(r["lead-5"]["rougeLsum"]["mean"])
    assert report["delta_vs_baselines"]["lead-5"]["rouge1"] == {"mean": 0.0, "ci95": [0.0, 0.0]}
    assert r["oracle"]["rouge2"]["mean"] > r["lead-3"]["rouge2"]["mean"]
    q = report["quality"]
    assert q["fallback_rate"] == pytest.approx(0.2) and q["five_takeaways_no_fallback"] == 0.0
    assert q["novel_ngram_ratio"]["takeaways_1"] == 0.0  # copied sentences
    assert q["unsupported"]["takeaways"]["any"] == 0.0
    assert q["rewrites"]["count"] == 8  # 4 non-fallback takeaways x 2 articles, each equal to its source
    assert q["rewrites"]["no_worse_than_source"] == 1.0 and q["rewrites"]["shorter_than_source"] == 0.0
    assert report["settings"]["articles"] == 2 and report["settings"]["options"]["num_beams"] == 4
    assert json.loads(out.read_text())["rouge"] == r
    lines = [json.loads(x) for x in out.with_suffix(".outputs.jsonl").read_text().splitlines()]
    assert [x["id"] for x in lines] == ["a", "b"] and lines[0]["reference"] == HIGHLIGHTS
    assert "| lead-3 |" in out.with_suffix(".md").read_text()


def test_limit_takes_a_seeded_sample_or_the_first_articles(data, tmp_path):
    def ids(**kw):
        out = tmp_path / "r.json"
        report = evaluate_model(ScriptedEngine(), data / "cnndm", limit=1, out=out, draws=10, progress=False, **kw)
        lines = out.with_suffix(".outputs.jsonl").read_text().splitlines()
        return report["settings"]["selection"], [json.loads(x)["id"] for x in lines]

    assert ids(first=True) == ("first N", ["a"])
    assert ids(seed=5) == ids(seed=5)  # seeded
    assert ids(seed=5)[0] == "random sample, seed 5"
    assert {ids(seed=s)[1][0] for s in range(8)} == {"a", "b"}  # not always the first article


def test_abstract_data_compares_the_abstract(data):
    report = evaluate_model(ScriptedEngine(), data, "xsum", draws=50, progress=False)
    assert list(report["rouge"]) == ["model (abstract)", "lead-1", "lead-2", "lead-3", "lead-5", "oracle"]
    # the scripted abstract is the first sentence: Lead-1
    assert report["rouge"]["model (abstract)"]["rouge1"] == report["rouge"]["lead-1"]["rouge1"]


def test_cli_with_the_tiny_checkpoint(tiny_model, data, tmp_path, capsys):
    out = tmp_path / "tiny.json"
    assert main(["--model", tiny_model, "--data", str(data / "cnndm"), "--limit", "1", "--out", str(out),
                 "--bootstrap", "50", "--num-beams", "1", "--device", "cpu", "--threads", "1"]) == 0
    table = capsys.readouterr().out
    for row in ("| model (takeaways) |", "| lead-3 |", "| lead-5 |", "| oracle |"):
        assert row in table
    report = json.loads(out.read_text())
    assert report["settings"]["limit"] == 1 and report["settings"]["options"]["num_beams"] == 1
    assert report["settings"]["threads"] == 1


@pytest.mark.skipif(not (SHARED / "cnndm_cased" / "validation.jsonl.gz").exists(), reason="../shared/data absent")
def test_cased_validation_split_from_shared_data():
    report = evaluate_model(ScriptedEngine(), SHARED / "cnndm_cased", limit=3, draws=50, progress=False)
    assert report["settings"]["split"] == "validation" and report["settings"]["articles"] == 3
    assert report["quality"]["unsupported"]["takeaways"]["names"] == 0.0  # cased: names are checked


def test_refusals_are_counted_by_kind_and_a_cut_is_only_an_unlisted_cut():
    from types import SimpleNamespace

    from summarizer.lab.evaluate import _rejected

    drafts = [SimpleNamespace(rejected=["takeaway fragment: clause cut short", "takeaway cut: closing [in iran]",
                                        "takeaway number 41; deletion: a count", "abstract contrast: but"])]
    out = _rejected(drafts, num_takeaways=5)
    assert out["takeaways"] == pytest.approx(3 / 5) and out["abstracts"] == 1
    assert out["takeaways_cut"] == pytest.approx(1 / 5) and out["takeaways_fragment"] == pytest.approx(1 / 5)
    assert out["takeaways_number"] == pytest.approx(1 / 5) and out["takeaways_deletion"] == pytest.approx(1 / 5)
    assert out["takeaways_contrast"] == 0
