"""Cleaning raw pasted text and HTML pages (no model needed)."""

import pytest

from summarizer.clean import clean, is_boilerplate, looks_like_html

ARTICLE = [
    "(CNN) -- The harbour authority in Port Alder closed the northern pier on Monday after divers found cracks "
    "in three of its concrete pillars.",
    "Ferries that normally dock there will use the southern terminal until repairs are finished, a spokesperson said.",
    "By Friday, the authority expects to publish a full inspection report.",
    "Read more about the history of the pier in our archive, said the museum's curator, who has studied it for years.",
    "Local fishermen said the closure would cost them about 2,000 dollars a week in extra fuel.",
]

MESSY_TEXT = "\n".join([
    "Share this article",
    "Facebook Twitter Email",
    "By Maria Okafor, Harbour Correspondent",
    "Updated 10:32 AM ET, Tue March 3, 2026",
    "5 min read",
    ARTICLE[0],
    "",
    "Advertisement",
    ARTICLE[1],
    "Photo: A ferry leaves the southern terminal at dawn.",
    "Image copyright Getty Images",
    "The northern pier at low tide. Photograph: Tom Reyes/Reuters",
    ARTICLE[2],
    "Related articles",
    "Read more: Why old piers crack in cold water",
    "Sign up for our free newsletter to get the best stories delivered to your inbox.",
    ARTICLE[3],
    "We use cookies to improve your experience on this site. Accept all cookies",
    ARTICLE[4],
    "Follow us on Twitter @portalderdaily",
    "Reporting by Jane Doe; Editing by John Smith",
    "© 2026 Port Alder Daily. All rights reserved.",
    "Story continues below advertisement",
])


def test_messy_text_keeps_every_article_line_and_nothing_else():
    out = clean(MESSY_TEXT)
    assert out.text.split("\n") == ARTICLE
    assert out.flags == ["boilerplate_removed"]


@pytest.mark.parametrize("line", [
    "Share", "Share on Facebook", "Tweet", "Advertisement - scroll to continue with content", "ADVERTISEMENT",
    "Related stories", "More on this story", "You may also like", "Image caption Firefighters at the scene",
    "[Image: firefighters at the scene]", "By John Smith", "By Jean-Luc Martin and Ana Lopez, CNN",
    "Follow us on Instagram", "Published 2 hours ago", "Last updated: 14 June 2025 09:00 BST",
    "Subscribe to our daily newsletter", "This website uses cookies. Cookie policy", "|", "• • •",
    "Firefighters on Main Street. (AP Photo/Jane Doe)",
    "Sorry we are not currently accepting comments on this article.", "We're no longer accepting comments.",
])
def test_boilerplate_lines(line):
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    *ARTICLE,
    "By Tuesday, Officials had counted 400 ballots.",
    "Ad-hoc committees will review the plan, the minister said.",
    "Copyright lawyers said the ruling would change how photos are licensed.",
    "The figures were first reported by Reuters.",
    "Share prices fell 3% on Monday after the announcement.",
    "The bakery said it sold 500 cookies at the fair.",
    "The council said it was not currently accepting comments on the plan from outside the county.",
])
def test_article_lines_are_kept(line):
    assert not is_boilerplate(line)


HTML_PAGE = """<!DOCTYPE html><html><head><title>Pier closed</title>
<script>var tracking = "do not keep me";</script></head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Port Alder closes northern pier</h1>
<p class="byline">By Maria Okafor</p>
<p>{0}</p>
<figure><img src="pier.jpg" alt="Cracked pillars under the pier"><figcaption>Photo: cracked pillars</figcaption></figure>
<p>{1}</p><div class="ad">Advertisement</div><p>{2}</p><p>{4}</p>
</article><footer>We use cookies on this website. <a href="#">Share this article</a></footer></body></html>
""".format(*ARTICLE)


def test_html_main_text_is_extracted():
    assert looks_like_html(HTML_PAGE)
    out = clean(HTML_PAGE)
    assert "html_extracted" in out.flags
    for i in (0, 1, 2, 4):
        assert ARTICLE[i] in out.text.split("\n")
    for junk in ("tracking", "Home", "cracked pillars", "Advertisement", "cookies", "Share", "By Maria"):
        assert junk not in out.text


def test_html_fallback_when_extractor_finds_nothing(monkeypatch):
    import trafilatura

    monkeypatch.setattr(trafilatura, "extract", lambda *a, **k: None)
    out = clean(HTML_PAGE)
    assert ARTICLE[0] in out.text and "tracking" not in out.text and "pillars under" not in out.text


def test_plain_text_is_not_html_and_is_normalised():
    raw = "  First   paragraph\u00a0here.\r\n\r\n\r\nSecond one < 3 > 2.\x07 "
    assert not looks_like_html(raw)
    assert clean(raw).text == "First paragraph here.\nSecond one < 3 > 2."
    assert clean(raw).flags == []


def test_only_boilerplate_gives_empty_text():
    assert clean("Advertisement\nShare this article\n").text == ""


def test_bundled_example_article_is_cleaned():
    from pathlib import Path

    raw = (Path(__file__).parent.parent / "examples" / "article.txt").read_text()
    out = clean(raw)
    assert len(out.text.split("\n")) == 9 and out.text.startswith("Volunteers counting birds")
    for junk in ("Share this", "By Elena", "Updated", "Advertisement", "Photo:", "Read more", "newsletter",
                 "Related", "Follow us"):
        assert junk not in out.text
