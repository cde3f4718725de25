"""The built-in rule families, one module each (SPEC section 6)."""

BUILTIN: list = []
