"""summarizer: an abstract and five Key Takeaways of a news article.

    >>> from summarizer import summarize
    >>> s = summarize(open("examples/article.txt").read())
    >>> print(s.to_markdown())
"""

import os

# OpenMP threads that wait for work sleep instead of spinning: on a machine shared with other
# processes spinning threads steal the cores the others need (measured: 5.4-33.7 s per call with
# spinning threads under load, 2.7-3.6 s without). Only takes effect if torch is not imported yet;
# set OMP_WAIT_POLICY yourself to choose otherwise.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
# oneDNN keeps up to 1,024 compiled kernels, one per shape it meets, and bfloat16 decoding meets
# many: 16 batches of 8 articles grew the process to 1,279 MB with the default and to 948 MB with
# 64, in the same 54 s (2 cores)
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "64")

from .api import Summary, SummarizeOptions, summarize, summarize_many  # noqa: E402

__version__ = "0.6.0"
__all__ = ["Summary", "SummarizeOptions", "summarize", "summarize_many", "__version__"]
