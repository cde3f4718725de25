"""Which currency a value's symbols, codes and words name together.

Every mention narrows the candidates ("RMB ¥": RMB says CNY, ¥ says CNY or JPY:
CNY). What stays ambiguous is settled by an explicit choice (the claim's `currency`
field), then by the currency of the file's locale where it is a candidate ("$" in
en_AU is AUD, "Rs" in en_IN is INR), then by a mention's stated default ("$" alone is
USD); otherwise it is a problem that lists the choices.
"""

from __future__ import annotations

from verify.errors import ValueParseError
from verify.values import cldr
from verify.values.lexicon import CurrencyAlias

_FIXES = {
    "CNY": "\"CN¥\" or \"RMB ¥\"",
    "JPY": "\"JP¥\"",
    "USD": "\"US$\"",
}


def resolve(mentions: tuple[CurrencyAlias, ...], chosen: str | None, locale: str) -> str | None:
    if not mentions:
        return None
    key = (id(mentions), chosen, locale)
    known = _RESOLVED.get(key)
    if known is not None and known[0] is mentions:
        return known[1]
    code = _narrowed(mentions, chosen, locale)
    for alias in mentions:
        if alias.unit and chosen != code and cldr.territory_currency(locale) != code:
            raise ValueParseError(
                f"{alias.text!r} can be {alias.unit} or money ({code}): write {code!r} for the money, "
                f"\"{alias.unit}\" for the unit, or set currency = \"{code}\" on the claim")
    if len(_RESOLVED) >= 4096:
        _RESOLVED.clear()
    _RESOLVED[key] = (mentions, code)
    return code


# Currencies resolved, by the identity of the mentions (values of one shape share theirs,
# and "$" alone asks CLDR about each of its two dozen candidates) and the choice and locale;
# each entry holds its mentions, so their identity is not reused while it stands.
_RESOLVED: dict[tuple[int, str | None, str], tuple[tuple[CurrencyAlias, ...], str]] = {}


def _narrowed(mentions: tuple[CurrencyAlias, ...], chosen: str | None, locale: str) -> str:
    candidates = list(mentions[0].codes)
    for alias in mentions[1:]:
        narrowed = [c for c in candidates if c in alias.codes]
        if not narrowed:
            names = " and ".join(repr(m.text) for m in mentions)
            raise ValueParseError(f"{names} name different currencies: keep the one the source means")
        candidates = narrowed
    if len(candidates) == 1:
        return candidates[0]
    if chosen is not None:
        if chosen in candidates:
            return chosen
        raise ValueParseError(
            f"{_written(mentions)} cannot mean {chosen} (it means one of {', '.join(candidates)}): "
            "correct the value or the claim's `currency`")
    home = cldr.territory_currency(locale)
    # The locale's currency settles a symbol it shares, unless the locale itself writes
    # that symbol for another candidate (Cantonese in China writes JPY as "¥", CNY as "CN¥").
    if home in candidates and not any(c != home and cldr.symbol_in_locale(c, locale) == m.text
                                      for c in candidates for m in mentions):
        return home
    defaults = {m.default for m in mentions if m.default in candidates}
    if len(defaults) == 1:
        return defaults.pop()
    fixes = "; ".join(f"{_FIXES[c]} for {c}" for c in candidates if c in _FIXES)
    raise ValueParseError(
        f"{_written(mentions)} is ambiguous: it can mean {', '.join(candidates)}. "
        f"Write {fixes + ', or ' if fixes else ''}set currency = \"{candidates[0]}\" "
        "on the claim (or in [defaults])")


def _written(mentions: tuple[CurrencyAlias, ...]) -> str:
    return " ".join(repr(m.text) for m in mentions)
