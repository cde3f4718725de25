"""Reading values as journalists write them: numbers, scales, currencies, units, hedges."""

from verify.values.value import Value, parse_value

__all__ = ["Value", "parse_value"]
