"""Exchange rates (SPEC section 5): dated, exact, traceable to their source."""

from verify.rates.book import RateBook, bundled_folder
from verify.rates.table import Rate, RateError, RateTable

__all__ = ["Rate", "RateBook", "RateError", "RateTable", "bundled", "bundled_folder"]


def bundled() -> RateBook:
    """The ECB euro reference rates shipped with verify."""
    return RateBook.bundled()
