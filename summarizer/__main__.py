"""`python -m summarizer ...` is the `summarizer` command."""

import sys

from .cli import main

sys.exit(main())
