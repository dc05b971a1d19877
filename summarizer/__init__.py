"""summarizer: an abstract and five Key Takeaways of a news article.

    >>> from summarizer import summarize
    >>> s = summarize(open("examples/article.txt").read())
    >>> print(s.to_markdown())
"""

import os

# How OpenMP threads wait for work: spinning threads steal the cores other processes need (measured:
# 5.4-33.7 s per call under load with libgomp's default spin, 2.7-3.6 s passive), but threads that
# sleep at once wake too late for decoding's thousands of small steps (on 2 idle cores, passive: 2.36
# articles/s and 1.05 s a call; a spin of 2,000 rounds, then sleep: 3.5-3.7 articles/s and 0.52 s, and
# 3 processes on 2 cores each still got 0.71-0.90 of a fair share). So: libgomp (PyTorch's Linux
# wheels) spins 2,000 rounds; other OpenMP runtimes, which ignore GOMP_SPINCOUNT, sleep at once.
# Only takes effect if torch is not imported yet; set either variable yourself to choose otherwise.
if "OMP_WAIT_POLICY" not in os.environ and "GOMP_SPINCOUNT" not in os.environ:
    os.environ["OMP_WAIT_POLICY"] = "PASSIVE"
    os.environ["GOMP_SPINCOUNT"] = "2000"  # read by libgomp before OMP_WAIT_POLICY
# oneDNN keeps up to 1,024 compiled kernels, one per shape it meets, and bfloat16 decoding meets
# many: 16 batches of 8 articles grew the process to 1,279 MB with the default and to 948 MB with
# 64, in the same 54 s (2 cores)
os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "64")

from .api import Summary, SummarizeOptions, summarize, summarize_many  # noqa: E402

__version__ = "0.16.1"
__all__ = ["Summary", "SummarizeOptions", "summarize", "summarize_many", "__version__"]
