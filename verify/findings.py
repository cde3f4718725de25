"""What a rule reports: a finding, with the computation behind it (SPEC section 6)."""

from __future__ import annotations

from fractions import Fraction

import attrs

from verify.model import Claim, Location
from verify.plain import PlainData
from verify.quantity import Quantity
from verify.rates.table import Rate

SEVERITIES = ("error", "warning")


@attrs.frozen
class Side:
    """One side of a comparison ("4% × $90 billion"), under both readings."""

    label: str
    strict: Quantity
    loose: Quantity


@attrs.frozen
class Finding(PlainData):
    rule: str  # the family: agreement, period-sum, change, identity, share, check, unit
    id: str  # stable: "agreement", "identity.market_cap", a check's own id
    severity: str = attrs.field(validator=attrs.validators.in_(SEVERITIES))
    message: str
    claims: tuple[Claim, ...] = ()
    sides: tuple[Side, ...] = ()
    rates: tuple[Rate, ...] = ()
    agreed: tuple[Rate, ...] = ()  # the rates at which the loose reading holds (a warning's)
    acknowledged: bool = False
    key: str = ""  # what the finding is about, independent of lines (for fingerprints)
    at: Location | None = None  # where to point, if not at its first claim
    in_text: Location | None = None  # the place in an article's text the finding is about (quote)
    # The loose tolerance the relation was judged with: each loose side widened by half of
    # it at each end (None for findings that compare no sides, such as `unit`).
    tolerance: Fraction | None = None

    @property
    def location(self) -> Location | None:
        if self.at is not None:
            return self.at
        return self.claims[0].location if self.claims else None
