"""Messy pages written for these tests (news sites, wires, magazines, blogs, a tabloid, an obituary):
headlines, standfirsts, section labels, captions, bylines, datelines, pull quotes, link lists and side
boxes are never a takeaway. `fixtures/pages/expected.json` lists, for each page, the story's lines,
the side-box lines (moved after the story) and the furniture lines."""

import json
from pathlib import Path

import pytest

from summarizer.clean import clean
from summarizer.pipeline import DEFAULT_MODEL

FIXTURES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text())
PAGES = sorted(p for p in FIXTURES.iterdir() if p.suffix in (".txt", ".html"))


def test_at_least_ten_pages():
    assert len(PAGES) >= 10 and {p.name for p in PAGES} == set(EXPECTED)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_cleaning_keeps_the_story_first_and_drops_the_furniture(page):
    expected = EXPECTED[page.name]
    cleaned = clean(page.read_text())
    story, _, boxes = cleaned.text.partition("\n\n")  # the boxes follow the story past one blank line
    assert story.split("\n") == expected["story"]
    assert (boxes.split("\n") if boxes else []) == expected["boxes"]
    assert not set(expected["furniture"]) & set(story.split("\n") + boxes.split("\n"))
    assert "page_furniture_removed" in cleaned.flags
    assert ("side_box_moved" in cleaned.flags) == bool(expected["boxes"])


def test_a_plain_article_is_left_alone(make_article):
    text = make_article("bridge", n=8)
    assert clean(text).text == text and clean(text).flags == []


def test_a_text_of_short_unpunctuated_lines_is_still_read():
    text = "\n".join(["Ten years of the city marathon", "Runners from 40 countries", "A new course along the river",
                      "Record entries for the half marathon", "Road closures from 6am"])
    assert clean(text).text == text  # nothing but "headings": the text is taken as it is


def _in(sentence: str, lines: list[str]) -> bool:
    return any(sentence in line for line in lines)


@pytest.fixture(scope="module")
def summaries():
    """The shipped checkpoint's summaries of every page, in one batched call."""
    if not (DEFAULT_MODEL / "config.json").exists():
        pytest.skip("no shipped checkpoint")
    from summarizer import summarize_many

    return dict(zip(PAGES, summarize_many([p.read_text() for p in PAGES], device="cpu")))


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.stem)
def test_no_takeaway_comes_from_the_page_around_the_story(page, summaries):
    expected = EXPECTED[page.name]
    summary = summaries[page]
    story, boxes = expected["story"], expected["boxes"]
    story_sentences = sum(line.count(". ") + 1 for line in story)
    for support in summary.support + [summary.abstract_support]:
        for sentence in support:
            assert _in(sentence, story + boxes), sentence
            assert not any(sentence in f for f in expected["furniture"]), sentence
            if story_sentences >= 5:  # enough story for five takeaways: none from a side box
                assert _in(sentence, story), sentence


def test_a_subheading_that_starts_like_a_link_label_keeps_the_story_after_it(make_article):
    story = make_article("tram line", n=4).split("\n")
    text = "\n".join(story[:2] + ["More cuts expected"] + ["The council will vote on the plan in May."] + story[2:])
    assert clean(text).text.split("\n") == story[:2] + ["The council will vote on the plan in May."] + story[2:]


def test_a_side_box_ranks_after_the_whole_story():
    # a page's own summary box ("Key Takeaways", "In brief") reads like the best summary sentence of all:
    # the extractor may score it first, but the engine takes the story's sentences before any box line
    import torch

    from summarizer.pipeline import _ranking

    scores = torch.tensor([0.1, 0.9, 0.3, 5.0, 0.2])  # sentence 3 is a box line, scored highest
    assert _ranking(scores) == [3, 1, 2, 4, 0]
    assert _ranking(scores, in_story=3) == [1, 2, 0, 3, 4]
