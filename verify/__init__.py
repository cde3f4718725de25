"""verify: check the numbers in the news against each other.

The public API is loaded on first use, so that `verify --version` and a run
that needs no units or rates stay fast.
"""

from __future__ import annotations

import importlib

__version__ = "0.1.0"

_EXPORTS = {
    "load": "verify.claimfile",
    "dumps": "verify.claimfile.dump",
    "check": "verify.engine",
    "Checker": "verify.checker",
    "parse_value": "verify.values",
    "Value": "verify.values",
    "extract": "verify.draft",
    "Mention": "verify.draft",
    "Claim": "verify.model",
    "Source": "verify.model",
    "Check": "verify.model",
    "Acknowledgement": "verify.model",
    "Corpus": "verify.model",
    "Problem": "verify.model",
    "Period": "verify.periods",
    "Since": "verify.periods",
    "Finding": "verify.findings",
    "Report": "verify.report",
    "Interval": "verify.interval",
    "Quantity": "verify.quantity",
    "Rate": "verify.rates",
    "RateBook": "verify.rates",
    "RateError": "verify.rates",
    "VerifyError": "verify.errors",
    "InputError": "verify.errors",
    "ValueParseError": "verify.errors",
}


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(importlib.import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'verify' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


__all__ = ["__version__", *_EXPORTS]
