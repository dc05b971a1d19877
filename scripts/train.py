"""Thin entry point: the same as `summarizer train ...` (see summarizer/train.py)."""

import sys

from summarizer.train import main

if __name__ == "__main__":
    sys.exit(main())
