"""The cache of rates files read before: the same answers as a fresh read, never a stale
one, and no error where it cannot be kept."""

import os
from datetime import date
from fractions import Fraction

import pytest

from verify.rates import RateError, RateTable, bundled_folder, cache

ECB = bundled_folder() / "eurofxref-hist.csv"
DAYS = (date(2024, 1, 1), date(2024, 12, 31))


@pytest.fixture
def kept(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(folder))
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    return folder


def answers(table: RateTable) -> tuple:
    return (table.rate("USD", "CNY", DAYS[1]), table.average("USD", "CNY", *DAYS),
            table.extremes("GBP", "JPY", *DAYS), table.closest("USD", "JPY", *DAYS, 150),
            table.coverage("CNY"), table.first_day, table.last_day, table.currencies)


def test_a_table_read_from_the_cache_answers_as_the_file_does(kept, monkeypatch):
    fresh = answers(RateTable(ECB, name="ECB"))
    assert len(list(kept.glob("rates-*.marshal"))) == 1

    def unread(self, data):
        raise AssertionError("the file was read whole, not taken from the cache")

    monkeypatch.setattr(RateTable, "_parse", unread)
    assert answers(RateTable(ECB, name="ECB")) == fresh  # every column it needed was kept


def test_a_column_the_cache_lacks_is_split_out_of_the_file(kept, monkeypatch):
    monkeypatch.setenv(cache.ENV, "")
    expected = RateTable(ECB, name="ECB").rate("CHF", "NOK", DAYS[1])
    monkeypatch.setenv(cache.ENV, str(kept))
    RateTable(ECB, name="ECB").rate("EUR", "USD", DAYS[1])
    assert set(cache.load(cache.key(ECB.read_bytes()))["columns"]) == {"USD"}
    table = RateTable(ECB, name="ECB")
    assert table._rows == []  # from the cache, which lacks CHF and NOK
    assert table.rate("CHF", "NOK", DAYS[1]) == expected
    assert set(cache.load(cache.key(ECB.read_bytes()))["columns"]) == {"USD", "CHF", "NOK"}


def test_a_changed_file_is_read_again_whatever_its_size_and_times_say(kept, tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("Date,USD,\n2024-12-31,1.0389,\n2024-12-30,1.0444,\n")
    stamp = os.stat(path)
    assert RateTable(path, name="T").rate("EUR", "USD", DAYS[1]).value == Fraction(10389, 10000)
    path.write_text("Date,USD,\n2024-12-31,1.0398,\n2024-12-30,1.0444,\n")  # same size
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert os.stat(path).st_size == stamp.st_size
    assert RateTable(path, name="T").rate("EUR", "USD", DAYS[1]).value == Fraction(10398, 10000)


def test_a_bad_file_is_refused_from_the_cache_as_from_the_file(kept, tmp_path):
    path = tmp_path / "rates.csv"
    path.write_text("Date,USD,\n2024-12-31,1.0389,\n2024-12-30,1.04x,\n")
    for _ in range(2):
        with pytest.raises(RateError, match="'1.04x' is not a positive number") as info:
            RateTable(path, name="T").average("EUR", "USD", *DAYS)
        assert info.value.line == 3
    path.write_text("Date,USD,\n2024-12-31,1.0389,\n2024-12-31,1.04,\n")
    for _ in range(2):
        with pytest.raises(RateError, match="appears twice"):
            RateTable(path, name="T")
    assert len(list(kept.glob("rates-*.marshal"))) == 1  # only the file that could be read


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", b"{"])
def test_a_damaged_entry_is_ignored_and_replaced(kept, damage):
    fresh = answers(RateTable(ECB, name="ECB"))
    (entry,) = kept.glob("rates-*.marshal")
    entry.write_bytes(damage)
    assert answers(RateTable(ECB, name="ECB")) == fresh
    assert cache.load(cache.key(ECB.read_bytes())) is not None


def test_where_no_cache_can_be_kept_the_file_is_read_as_before(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.setenv(cache.ENV, str(blocked / "cache"))
    fresh = answers(RateTable(ECB, name="ECB"))
    monkeypatch.setenv(cache.ENV, "")  # off
    assert answers(RateTable(ECB, name="ECB")) == fresh
    assert blocked.read_text() == "not a folder"
    assert list(tmp_path.iterdir()) == [blocked]


def test_the_folder_is_the_platforms_cache_or_none_without_a_home(monkeypatch, tmp_path):
    monkeypatch.delenv(cache.ENV, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    if os.name == "posix" and os.uname().sysname == "Linux":
        assert cache.folder() == tmp_path / "verify"
        monkeypatch.delenv("XDG_CACHE_HOME")
        monkeypatch.delenv("HOME", raising=False)
        monkeypatch.setattr(os.path, "expanduser", lambda path: path)  # no home to expand
        assert cache.folder() is None


def test_only_the_latest_entries_are_kept(kept, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "KEPT", 2)
    for n in range(4):
        path = tmp_path / f"rates-{n}.csv"
        path.write_text(f"Date,USD,\n2024-12-31,1.{n + 1},\n")
        RateTable(path, name="T")
    entries = list(kept.glob("rates-*.marshal"))
    assert len(entries) == 2
    assert cache._path(kept, cache.key(path.read_bytes())) in entries  # the last one written


def test_checked_columns_and_their_sums_are_kept_and_give_the_same_averages(kept, monkeypatch):
    fresh = RateTable(ECB, name="ECB")
    averages = [fresh.average("USD", "CNY", date(year, 1, 1), date(year, 12, 31)) for year in (2015, 2024)]
    entry = cache.load(cache.key(ECB.read_bytes()))
    assert {"USD", "CNY"} <= set(entry["checked"]) and {"USD", "CNY"} <= set(entry["means"])
    from verify.rates import window

    def unasked(self, cells):
        raise AssertionError("the sums were worked out again")

    monkeypatch.setattr(window.PrefixMeans, "__init__", unasked)
    from verify.rates import table

    monkeypatch.setattr(table, "_GOOD_CELL", None)  # no cell checked again
    again = RateTable(ECB, name="ECB")
    assert [again.average("USD", "CNY", date(year, 1, 1), date(year, 12, 31)) for year in (2015, 2024)] == averages
