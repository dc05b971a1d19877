"""summarizer: an abstract and five Key Takeaways of a news article.

    >>> from summarizer import summarize
    >>> s = summarize(open("examples/article.txt").read())
    >>> print(s.to_markdown())
"""

from .api import Summary, SummarizeOptions, summarize, summarize_many

__version__ = "0.1.0"
__all__ = ["Summary", "SummarizeOptions", "summarize", "summarize_many", "__version__"]
