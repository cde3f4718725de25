"""The built-in rule families, one module each (SPEC section 6)."""

from verify.rules.agreement import AgreementRule
from verify.rules.change import ChangeRule
from verify.rules.check import CheckRule
from verify.rules.identity import IdentityRule
from verify.rules.period_sum import PeriodSumRule
from verify.rules.quote import QuoteRule
from verify.rules.share import ShareRule
from verify.rules.unit import UnitRule

BUILTIN = [AgreementRule, PeriodSumRule, ChangeRule, IdentityRule, ShareRule, CheckRule, UnitRule, QuoteRule]
