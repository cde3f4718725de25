"""Claim files (SPEC section 3): finding them, reading them, and telling people what is wrong."""

from verify.claimfile.loader import load

__all__ = ["load"]
