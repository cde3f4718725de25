"""Short fuzz runs over what takes text from people and files from a project: every input
ends in a result or in verify's own error with a message, never another exception, and
every report stays well formed. The targets are in fuzz_targets.py, shared with the
atheris harness; VERIFY_FUZZ_EXAMPLES raises the count for a long run (docs/fuzzing.md)."""

from __future__ import annotations

import os
from datetime import date

import fuzz_targets as target
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


def budget(examples: int) -> settings:
    """`examples` inputs in the normal suite; VERIFY_FUZZ_EXAMPLES in a long run."""
    return settings(max_examples=int(os.environ.get("VERIFY_FUZZ_EXAMPLES", examples)), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


# Characters of news figures and of the grammars, so that most inputs get past the first token.
NEWS = st.text(alphabet="0123456789.,' $€£¥%-+–/()abcdeklmnoprstuxyzMBT\u00a0\u202fpp", max_size=40)
EXPRESSIONS = st.text(alphabet="0123456789.e+-*/()<>=!' abcxyz_,$%", max_size=60)


def lines(*pieces: str, max_size: int = 30) -> st.SearchStrategy[str]:
    """Files assembled from lines that mean something to the reader, in any order."""
    return st.lists(st.sampled_from(pieces) | st.text(max_size=12), max_size=max_size).map("\n".join)


CLAIM_FILE = lines(
    "[source]", 'id = "s"', "published = 2025-02-24", "[[claim]]", 'id = "a"', 'id = "b"',
    'entity = "E"', 'metric = "revenue"', 'period = "2024-Q4"', 'value = "$10 billion"',
    'vaule = "5%"', 'value = "ten"', "[[check]]", 'expr = "a == b"', 'expr = "a == \'x\'"',
    "[[acknowledge]]", 'rule = "check"', 'claims = ["a"]', 'reason = "r"', 'note = """\nx\n"""',
    'quote = "\u2028"', "[defaults]", "currency = 5", "[[claims]]", "precision = 0",
)
PACK = lines(
    "[pack]", 'name = "retail"', 'description = "d"', "pack = 5", "[[identity]]", "identity = [1]",
    'id = "m"', 'id = "n"', 'expr = "a == b * c"', 'expr = "a == s.b"', 'expr = "1e999999999 == a"',
    'expr = "a == (((b"', 'explain = "x"', "example = 5", 'extra = "y"', "[identity]", "[[pack]]",
)
SOURCES = st.builds(
    lambda anchor, extra: f'[[source]]\nname = "ECB"\nfile = "rates.csv"\n{anchor}{extra}',
    st.sampled_from(["", 'anchor = "EUR"\n', 'anchor = "USD"\n', 'anchor = "XXX"\n', "anchor = 5\n"]),
    st.sampled_from(["", 'title = "t"\n', '[[source]]\nname = "ECB"\nfile = "rates.csv"\n', 'file = "../x.csv"\n'])
) | lines(
    "[[source]]", "[source]", 'name = "ECB"', 'name = "other"', 'file = "rates.csv"', 'file = "../x.csv"',
    'file = "missing.csv"', 'anchor = "EUR"', 'anchor = "USD"', 'anchor = "XXX"', "anchor = 5",
    'title = "t"', 'attribution = "a"', "source = 5", "source = [1]", max_size=12,
)
# Mostly good cells, so that many tables validate and are asked for rates.
CELL = st.sampled_from(["1.0389", "163.06", "0.82918", "1.07", "171.94", "0.85", "N/A"] * 6
                       + ["", "0", "-1", "1e999999", "١.٠٧", "1,07", " 1.07", "0.0000001", "9" * 40, "x"])
HEADER = st.lists(st.sampled_from(["USD", "JPY", "GBP"]), min_size=1, max_size=3, unique=True) \
    | st.lists(st.sampled_from(["USD", "JPY", "GBP", "EUR", "usd", "", "Date"]), min_size=1, max_size=4)
CSV = HEADER.flatmap(lambda codes: st.builds(
    lambda rows: "\n".join(["Date," + ",".join(codes) + ","]
                           + [f"{day.isoformat()}," + ",".join(cells) + "," for day, cells in rows]),
    st.lists(st.tuples(st.dates(date(2023, 6, 1), date(2025, 6, 30)),
                       st.lists(CELL, min_size=len(codes), max_size=len(codes)) | st.lists(CELL, max_size=5)),
             max_size=12),
)) | st.lists(st.sampled_from([
    "Date,USD,JPY,GBP,", "Date,USD,USD,", "Date,JPY,USD", "Date", "USD,Date",
    "2024-12-31,1.0389,163.06,0.82918,", "2024-06-28,1.0705,171.94,0.84638,", "2024-01-02,1.0956,155.09,0.86518,",
    "2024-12-31,N/A,N/A,N/A,", "2024-02-30,1,1,1,", "0001-01-01,1,1,1,", "9999-12-31,1,1,1,", "\ufeffDate,USD", "",
]) | st.text(max_size=20), max_size=12).map("\n".join)
HOSTILE = st.lists(st.sampled_from([
    "\n", "\r", "\r\n", "\x1b[31m", "\x1b]8;;http://x\x07", "\x07", "\x00", "\x7f", "\x9b", "\u202e", "\u2028",
    "\u0085", "::error file=x,line=1::owned", "%0A::warning::", "|", "`", "$", "*", "<script>", "</td>", "&amp;",
    "]]>", '"', "'", "\\", "a", "1", "$5", " ", "\t",
]) | st.text(max_size=6), max_size=12).map("".join)


@budget(150)
@given(NEWS)
def test_any_value_text_is_read_or_refused_with_a_message(text):
    target.value_text(text)


@budget(150)
@given(EXPRESSIONS)
def test_any_expression_is_parsed_or_refused_with_a_message(text):
    target.expression(text)


@budget(150)
@given(CLAIM_FILE)
def test_any_claim_file_loads_with_located_problems(text):
    target.claim_file(text)


@budget(150)
@given(st.dictionaries(st.sampled_from(["paths", "fail-on", "select", "ignore", "metrics", "hedges", "loose",
                                        "precison"]),
                       st.one_of(st.integers(), st.text(max_size=5), st.lists(st.text(max_size=5), max_size=3),
                                 st.dictionaries(st.text(max_size=5), st.integers(), max_size=2)), max_size=4))
def test_any_config_is_read_or_refused_with_a_message(data):
    target.config_table(data)


@budget(150)
@given(PACK)
def test_any_rule_pack_is_read_or_refused_naming_its_file(text):
    target.rule_pack(text)


@budget(100)
@given(SOURCES, CSV)
def test_any_rates_folder_answers_or_is_refused_with_a_message(sources, csv):
    target.rates_folder(sources, csv)


@budget(150)
@given(st.binary(max_size=200) | st.builds(lambda tail: b"PK\x03\x04" + tail, st.binary(max_size=200)))
def test_any_download_is_taken_or_refused_with_a_message(data):
    target.rates_download(data)


# Figures a report must print whole: money of 31+ significant digits, powers of ten at
# the bounds, fractions of a cent, numbers of many digits.
AMOUNT = st.sampled_from([
    "$9999999999999999999999999999999 billion", "$1e100", "$1e-100", "$0.000000001", "1e99 t", "$0",
    "-$5 billion", "99999999999999999999999999999999999999 km", "$1,000,000,000,000,000,000,000,000",
    "0.0000000000000000000000000000001%", "nearly $1e90", "between $1e-90 and $1e90",
]) | st.builds(lambda digits, scale: f"${digits}{scale}", st.text("0123456789", min_size=1, max_size=60),
               st.sampled_from(["", " billion", "e50", "e-50", ".5"]))


@budget(40)
@given(st.lists(HOSTILE, min_size=1, max_size=3), HOSTILE, st.tuples(AMOUNT, AMOUNT),
       st.binary(max_size=6))
def test_every_report_format_stays_well_formed_and_inert_whatever_the_claims_say(texts, name, values, raw_name):
    target.reports(texts, name, values, raw_name)
