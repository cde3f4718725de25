"""The kept CLDR facts of en_US hold to babel, and spare a run in en_US from loading it."""

import subprocess
import sys
from fractions import Fraction
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from verify import formatting, resources
from verify.values import cldr, numbers, snapshot

CLAIMS = Path(__file__).resolve().parents[1] / "claims"
KEPT = snapshot._kept()
LOCALE = snapshot.LOCALE
# The file answers only under a babel it was written under (CI runs the oldest and the
# newest, both listed); under any other babel it answers nothing and babel is asked, so
# a babel release that changes a fact cannot make a run disagree with it.
LISTED = snapshot.babel_version() in KEPT["babel"]


def answered() -> bool:
    """Whether the file answers under the running babel; where it does not, it must give nothing."""
    if not LISTED:
        assert snapshot._facts() == {}
    return LISTED


def test_the_file_answers_under_the_babels_it_was_written_under_and_no_other(monkeypatch):
    from babel import __version__

    assert snapshot.babel_version() == __version__
    assert KEPT["babel"][0] == "2.14.0"  # the oldest pyproject.toml allows
    for version, facts in ((KEPT["babel"][-1], KEPT), ("99.0.0", {}), (None, {})):
        monkeypatch.setattr(snapshot, "babel_version", lambda: version)
        snapshot._facts.cache_clear()
        assert snapshot._facts() == facts
    snapshot._facts.cache_clear()


def test_the_locales_own_facts_are_babels():
    if not answered():
        return
    # The file is written under each babel version the project supports and keeps what
    # they agree on, so the running babel (oldest or newest) gives every fact it holds.
    assert KEPT["number_symbols"] == dict(zip(("decimal", "group", "grouping"),
                                              (*numbers.babel_number_symbols(LOCALE)[:2],
                                               list(numbers.babel_number_symbols(LOCALE)[2]))))
    assert KEPT["territory_currency"] == cldr.babel_territory_currency(LOCALE) == "USD"
    assert KEPT["accounting_parentheses"] is cldr.babel_accounting_parentheses(LOCALE)
    after, before = cldr.babel_scale_words(LOCALE)
    assert cldr.scale_words(LOCALE) == (after, before) and after["billion"] == Fraction(10**9)


def test_every_kept_currency_fact_is_babels():
    if not answered():
        return
    from babel.numbers import list_currencies

    known = set(list_currencies())
    for name, of_babel in (("symbols", lambda c: cldr.babel_symbol(c, LOCALE)),
                           ("minor_digits", cldr.babel_minor_digits)):
        assert {c: v for c, v in KEPT[name].items() if v != of_babel(c)} == {}, name
        assert len(KEPT[name]) > 0.95 * len(known)  # all but what the versions disagree on
    assert KEPT["symbols"]["CNY"] == "CN¥" and KEPT["minor_digits"]["JPY"] == 0


def test_every_currencys_money_is_babels_in_each_shift_sign_and_edge_of_its_decimals():
    if not answered():
        return
    most = KEPT["money"]["most_fraction_digits"]
    for code in KEPT["money_prefixes"]:
        for shift in snapshot.SHIFTS:
            for negative in (False, True):
                for whole, fraction in ((1, 0), (3, 1), (2, most), (1, most + 1), (3, 12)):
                    assert snapshot.money_template(code, LOCALE, shift, negative, whole, fraction) == \
                        formatting.babel_template(code, LOCALE, shift, negative, whole, fraction), \
                        (code, shift, negative, whole, fraction)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(sorted(KEPT["money_prefixes"])), st.sampled_from(snapshot.SHIFTS), st.booleans(),
       st.integers(1, 3), st.integers(0, 12))
def test_money_of_any_shape_is_babels(code, shift, negative, whole, fraction):
    if not answered():
        return
    assert snapshot.money_template(code, LOCALE, shift, negative, whole, fraction) == \
        formatting.babel_template(code, LOCALE, shift, negative, whole, fraction)


def test_only_the_kept_locale_is_answered_from_the_file():
    assert snapshot.fact("en_GB", "number_symbols") is None
    assert snapshot.money_template("USD", "en_AU", 0, False, 1, 1) is None
    assert snapshot.money_template("USD", LOCALE, 12, False, 4, 1) is None  # past 10**15: babel's
    assert cldr.territory_currency("en_AU") == "AUD" and numbers.number_format("de_DE").decimal == ","


def test_the_file_is_written_as_it_is_read():
    assert snapshot.written(KEPT) == (resources.DATA / snapshot.FILE).read_text(encoding="utf-8")


def test_merging_keeps_what_two_babels_agree_on():
    old = {"territory_currency": "USD", "accounting_parentheses": True, "symbols": {"USD": "$", "XCG": "X"}}
    new = {"territory_currency": "USD", "accounting_parentheses": False, "symbols": {"USD": "$", "XCG": "Cg."},
           "money": {"point": "."}}
    old["babel"], new["babel"] = ["2.9.1"], ["2.14.0"]
    assert snapshot.agreed(old, new) == {"babel": ["2.9.1", "2.14.0"], "territory_currency": "USD",
                                         "symbols": {"USD": "$"}}
    assert snapshot.agreed(None, new) == new


def _run(*args, without_file=False):
    code = ("import sys\n"
            "from verify.values import snapshot\n"
            + ("snapshot._facts = lambda: {}\n" if without_file else "")
            + "from verify.cli import main\n"
            "main(sys.argv[1:])\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", code, str(CLAIMS), "--color", "never", "--jobs", "1", *args],
                          capture_output=True, text=True)
    return done.stdout, done.stderr.splitlines()[-1]


def test_a_run_in_en_us_loads_no_babel_and_reports_as_babel_would():
    for format in ("text", "json"):
        kept, modules = _run("--format", format)
        asked, babel_modules = _run("--format", format, without_file=True)
        assert (modules == "[]") is answered() and "babel.numbers" in babel_modules
        assert kept == asked and "$4.35B" in kept
