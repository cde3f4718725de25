"""`python -m verify`, the same as the `verify` command."""

import sys

from verify.cli import program

sys.exit(program())
