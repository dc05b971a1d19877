"""Thin entry point: the same as `summarizer bench ...` (see summarizer/bench.py)."""

import sys

from summarizer.bench import main

if __name__ == "__main__":
    sys.exit(main())
