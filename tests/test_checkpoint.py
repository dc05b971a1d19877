"""The shipped checkpoint on real text (skipped until checkpoints/ holds a trained model)."""

from pathlib import Path

import pytest

from summarizer.pipeline import DEFAULT_MODEL

pytestmark = pytest.mark.skipif(not (DEFAULT_MODEL / "config.json").exists(),
                                reason=f"no trained checkpoint at {DEFAULT_MODEL}")
EXAMPLE = Path(__file__).parent.parent / "examples" / "article.txt"


def test_example_article():
    from summarizer import summarize
    from summarizer.pipeline import _near_duplicate

    s = summarize(EXAMPLE.read_text(), device="cpu")
    assert 1 <= len(s.abstract.split(". ")) <= 3 and len(s.abstract.split()) >= 8
    assert len(s.takeaways) == 5 and all(len(t.split()) >= 4 for t in s.takeaways)
    assert len(set(s.takeaways)) == 5
    assert not any(_near_duplicate(a, b) for i, a in enumerate(s.takeaways) for b in s.takeaways[i + 1:])
    assert all(t[0].isupper() and t[-1] in ".!?\"'”" for t in s.takeaways)
    assert "Advertisement" not in " ".join(s.takeaways + [s.abstract])
