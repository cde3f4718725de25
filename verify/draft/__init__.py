"""Drafting claim files from an article's text: `extract` finds the numbers and what they
could tell; `verify draft` writes them as a claim file for a person to finish."""

from verify.draft.mention import Mention, extract

__all__ = ["Mention", "extract"]
