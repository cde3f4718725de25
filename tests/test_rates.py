import re
from datetime import date, timedelta
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import verify
from verify.cli import main
from verify.rates import RateBook, RateError, RateTable, bundled, bundled_folder
from verify.rates.refresh import refresh

BOOK = bundled()
TABLE = BOOK.table(BOOK.specs[0])
PAIRS = ["USD", "CNY", "EUR", "JPY", "GBP", "HKD", "CHF"]


def test_known_values_of_2024_12_31():
    on = date(2024, 12, 31)
    assert BOOK.rate("EUR", "USD", on).value == Fraction("1.0389")
    assert BOOK.rate("EUR", "CNY", on).value == Fraction("7.5833")
    usd_cny = BOOK.rate("USD", "CNY", on)
    assert usd_cny.value == Fraction("7.5833") / Fraction("1.0389")
    # 7.299355…: "7.2993 to four decimals" truncates it (rounded, it would be 7.2994)
    assert Fraction("7.2993") <= usd_cny.value < Fraction("7.2994")
    assert (usd_cny.on, usd_cny.source, usd_cny.base, usd_cny.quote) == (on, "ECB", "USD", "CNY")


@pytest.mark.parametrize("asked, fixing", [
    (date(2024, 12, 28), date(2024, 12, 27)),  # Saturday
    (date(2024, 12, 29), date(2024, 12, 27)),  # Sunday
    (date(2024, 12, 25), date(2024, 12, 24)),  # Christmas, a TARGET holiday
    (date(2024, 12, 26), date(2024, 12, 24)),
    (date(2025, 1, 1), date(2024, 12, 31)),  # New Year
    (date(2024, 12, 31), date(2024, 12, 31)),
])
def test_days_without_a_fixing_use_the_last_business_day_and_say_so(asked, fixing):
    rate = BOOK.rate("USD", "CNY", asked)
    assert (rate.on, rate.asked) == (fixing, asked)


dates = st.dates(min_value=date(2005, 4, 1), max_value=date(2026, 10, 30))


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(PAIRS), st.sampled_from(PAIRS), dates)
def test_cross_rates_are_exactly_symmetric(a, b, on):
    assert BOOK.rate(a, b, on).value * BOOK.rate(b, a, on).value == 1


def brute_force(base, quote, start, end):
    first = BOOK.rate(base, quote, start)
    values = [first] + [BOOK.rate(base, quote, start + timedelta(days=n))
                        for n in range(1, (end - start).days + 1)]
    return min(v.value for v in values), max(v.value for v in values)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(PAIRS), st.sampled_from(PAIRS), dates, st.integers(min_value=0, max_value=120))
def test_window_extremes_match_a_brute_force_scan(base, quote, start, length):
    end = min(start + timedelta(days=length), date(2026, 10, 30))
    low, high = BOOK.extremes(base, quote, start, end)
    assert (low.value, high.value) == brute_force(base, quote, start, end)
    assert BOOK.rate(base, quote, low.on).value == low.value
    assert BOOK.rate(base, quote, high.on).value == high.value


def test_convert_a_value_and_show_the_rate():
    value = verify.parse_value("RMB ¥280.2bn")
    converted, rate = BOOK.convert(value.strict, "USD", date(2024, 12, 31))
    assert converted.unit.currency == "USD"
    per_cny = Fraction("1.0389") / Fraction("7.5833")
    assert converted.interval.lo == Fraction("280.15e9") * per_cny
    assert str(rate) == "1 CNY = 0.136998… USD on 2024-12-31 (ECB)"
    per_share, _ = BOOK.convert(verify.parse_value("$144 per share").strict, "EUR", date(2024, 12, 31))
    assert str(per_share.unit) == "EUR/share"


@pytest.mark.parametrize("args, message", [
    (("XXX", "USD", date(2024, 1, 2)), "ECB has no rates for XXX; it covers AUD"),
    (("CNY", "USD", date(2005, 3, 31)), "ECB has no CNY rate on 2005-03-31 (it has CNY from 2005-04-01"),
    (("USD", "CNY", date(2026, 11, 2)), "after the last day of the ECB rates (2026-10-30)"),
    (("USD", "EUR", date(1998, 12, 31)), "ECB rates start on 1999-01-04"),
    (("RUB", "EUR", date(2024, 1, 2)), "no RUB rate on 2024-01-02"),
])
def test_rates_that_cannot_be_had_are_clear_errors(args, message):
    with pytest.raises(RateError, match=re.escape(message)):
        BOOK.rate(*args)


@pytest.mark.parametrize("text, line, message", [
    ("Date,USD,CNY,\n2024-12-31,1.0389,7.5833,\n2024-12-30,1.0444\n", 3, "expected 3 fields, found 2"),
    ("Date,USD,CNY,\n2024-12-31,1.0389,7.5833,\n2024-13-30,1.0444,7.6,\n", 3, "is not a date"),
    ("Date,USD,usd,\n2024-12-31,1.0389,7.5833,\n", 1, "not an ISO 4217 code"),
    ("When,USD\n", 1, "header must be Date"),
    ("", 1, "empty"),
    ("Date,USD,\n2024-12-31,1.0389,\n2024-12-31,1.0389,\n", 3, "appears twice"),
])
def test_malformed_or_truncated_files_name_file_and_line(tmp_path, text, line, message):
    path = tmp_path / "rates.csv"
    path.write_text(text)
    with pytest.raises(RateError, match=message) as info:
        RateTable(path, name="T").validate()
    assert (info.value.file, info.value.line) == (str(path), line)


def test_a_bad_figure_is_reported_with_its_line_when_used(tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("Date,USD,\n2024-12-31,1.0389,\n2024-12-30,1,04,\n".replace("1,04,", "1.04x,"))
    table = RateTable(path, name="T")
    with pytest.raises(RateError, match="'1.04x' is not a positive number") as info:
        table.rate("EUR", "USD", date(2024, 12, 30))
    assert info.value.line == 3


@given(st.text(alphabet="0123456789.,-+ eE/NA\u0660x", max_size=8))
def test_the_one_match_check_of_a_column_accepts_what_reading_its_cells_accepts(cell):
    from verify.rates.table import _GOOD_CELL

    try:
        TABLE._cell("USD", 0, cell)
        readable = True
    except RateError:
        readable = False
    assert bool(_GOOD_CELL.fullmatch(cell)) == readable


@pytest.mark.parametrize("cell", ["0.000", "1.04x", "-1.1", "1e3"])
def test_an_average_refuses_a_bad_figure_of_its_column_outside_the_window_with_its_line(tmp_path, cell):
    path = tmp_path / "rates.csv"
    path.write_text(f"Date,USD,\n2024-12-31,1.0389,\n2024-12-30,1.04,\n2024-01-02,{cell},\n")
    table = RateTable(path, name="T")
    with pytest.raises(RateError, match=f"{re.escape(repr(cell))} is not a positive number") as info:
        table.average("EUR", "USD", date(2024, 12, 30), date(2024, 12, 31))
    assert info.value.line == 4


def house_rates(tmp_path):
    (tmp_path / "house.csv").write_text("Date,EUR,CNY\n2024-12-31,0.9,7.3\n2024-12-30,0.95,7.2\n")
    (tmp_path / "sources.toml").write_text(
        '[[source]]\nname = "House"\nfile = "house.csv"\nanchor = "USD"\n\n'
        f'[[source]]\nname = "ECB"\nfile = "{bundled_folder() / "eurofxref-hist.csv"}"\n')
    return tmp_path


def test_a_users_own_source_plugs_in_and_is_named(tmp_path):
    folder = house_rates(tmp_path)
    (folder / "sources.toml").write_text((folder / "sources.toml").read_text().replace(
        f'file = "{bundled_folder() / "eurofxref-hist.csv"}"', 'file = "ecb.csv"'))
    (folder / "ecb.csv").write_text((bundled_folder() / "eurofxref-hist.csv").read_text())
    book = RateBook.from_folder(folder)
    rate = book.rate("USD", "CNY", date(2024, 12, 31))
    assert (rate.value, rate.source) == (Fraction("7.3"), "House")
    assert book.rate("EUR", "CNY", date(2024, 12, 31)).value == Fraction("7.3") / Fraction("0.9")
    # what the house table does not cover falls through to the next source
    assert book.rate("USD", "JPY", date(2024, 12, 31)).source == "ECB"
    assert book.rate("USD", "CNY", date(2024, 6, 28)).source == "ECB"


def test_a_rates_file_outside_its_folder_is_refused(tmp_path):
    folder = house_rates(tmp_path)
    with pytest.raises(RateError, match="lies outside"):
        RateBook.from_folder(folder)


def test_tables_are_read_only_when_a_conversion_needs_them():
    book = RateBook.bundled()
    assert not book.loaded
    book.rate("USD", "USD", date(2024, 12, 31))  # the same currency needs no table
    assert not book.loaded
    book.rate("USD", "CNY", date(2024, 12, 31))
    assert book.loaded


def test_refresh_replaces_atomically_and_keeps_the_table_on_a_bad_file(tmp_path):
    good = (bundled_folder() / "eurofxref-hist.csv").read_text()
    lines = good.splitlines(keepends=True)
    (tmp_path / "eurofxref-hist.csv").write_text(lines[0] + "".join(lines[100:]))  # an older table
    (tmp_path / "new.csv").write_text(good)
    (tmp_path / "truncated.csv").write_text(good[:5000])
    before = (tmp_path / "eurofxref-hist.csv").read_text()
    with pytest.raises(RateError, match="truncated") as info:
        refresh(str(tmp_path / "truncated.csv"), tmp_path)
    assert info.value.file == str(tmp_path / "truncated.csv") and info.value.line > 1
    assert (tmp_path / "eurofxref-hist.csv").read_text() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    table = refresh(str(tmp_path / "new.csv"), tmp_path)
    assert table.last_day == date(2026, 10, 30)
    assert (tmp_path / "eurofxref-hist.csv").read_text() == good
    (tmp_path / "older.csv").write_text(before)
    with pytest.raises(RateError, match="--allow-older"):
        refresh(str(tmp_path / "older.csv"), tmp_path)


def test_rates_commands(capsys, tmp_path):
    assert main(["rates", "show"]) == 0
    out = capsys.readouterr().out
    assert "ECB: European Central Bank" in out and "1999-01-04 to 2026-10-30" in out
    assert main(["rates", "refresh", str(tmp_path / "missing.zip"), "--into", str(tmp_path)]) == 2
    assert "cannot read" in capsys.readouterr().err
