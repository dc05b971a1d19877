"""Thin entry point: the same as `summarizer evaluate ...` (see summarizer/evaluate.py)."""

import sys

from summarizer.evaluate import main

if __name__ == "__main__":
    sys.exit(main())
