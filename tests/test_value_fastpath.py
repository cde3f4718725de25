"""Reading a value by its shape gives what the full grammar gives, for every number in
every shape, or leaves the value to the grammar."""

from hypothesis import given, settings
from hypothesis import strategies as st

from verify.errors import ValueParseError
from verify.values import grammar
from verify.values.fastpath import Shapes
from verify.values.lexicon import Lexicon, default_lexicon

BEFORE = ["", "about ", "nearly ", "over ", "up ", "down ", "up by ", "more than ", "some ", "up to ", "between ",
          "$", "US$", "RMB ", "JP¥", "€", "£", "¥", "HK$", "R", "CHF ", "EUR ", "about RMB ", "over JP¥", "-", "+",
          "−", "(", "($", "No. ", "#", "number ", "a ", "Q", "minus ", "nearly −$", " ", "\u200f"]
AFTER = ["", "%", " %", " percent", "bn", " billion", " million", "m", "k", " employees", " per share",
         " billion shares", "th", "st", "nd", "TH", "x", "-fold", " in five", " in 5", " out of ten", " to six",
         "-6", " cents", "p", " pp", " dollars", " euros", " km", " mil", " lakh", " crore", " lakh crore", ")",
         "bn)", " EUR", " of", " a year", "/share", " trillion yen", "°C", " lakh crore rupees", ".", ",", " bn",
         " million employees", "bn dollars", " percentage points", " fold", " and 6", " billion-", " elfu"]
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "en_IN", "ja_JP", "en_ZA", "es_ES", "sw", "de_CH"]

grouped = st.integers(0, 10**9).map(lambda n: f"{n:,}")
decimals = st.tuples(st.integers(0, 10**6), st.integers(0, 999), st.integers(1, 3)).map(
    lambda t: f"{t[0]:,}.{t[1]:0{t[2]}d}" if t[0] % 2 else f"{t[0]}.{t[1]:0{t[2]}d}")
german = decimals.map(lambda s: s.replace(",", "_").replace(".", ",").replace("_", "."))
raw = st.text("0123456789.,", min_size=1, max_size=9).map(lambda s: "1" + s)
numbers = st.one_of(st.integers(0, 999).map(str), grouped, decimals, german, raw)


def outcome(read, text, locale):
    try:
        return read(text, locale)
    except ValueParseError as exc:
        return ("refused", exc.message, exc.column)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(BEFORE), st.lists(numbers, min_size=1, max_size=6), st.sampled_from(AFTER),
       st.sampled_from(LOCALES))
def test_every_number_of_a_shape_reads_as_the_grammar_reads_it(before, digits, after, locale):
    lexicon = default_lexicon()
    shapes = Shapes(lexicon)  # a fresh memory: the first number of the shape is the one read in full
    for number in digits:
        text = f"{before}{number}{after}"
        expected = outcome(lambda t, loc: grammar.read(t, lexicon, loc), text, locale)
        assert outcome(shapes.read, text, locale) == expected, text


def test_the_common_shapes_are_read_by_shape():
    shapes = Shapes(default_lexicon())
    for first, second in [("$38.4 billion", "$12.25 billion"), ("RMB ¥280.2bn", "RMB ¥1,048.5bn"),
                          ("12%", "7%"), ("about 1,200 employees", "about 194,000 employees"),
                          ("nearly JP¥26.8bn", "nearly JP¥3.1bn"), ("up 8%", "up 12%")]:
        shapes.read(first, "en_US")
        known = len(shapes.known)
        parts = shapes.read(second, "en_US")
        assert len(shapes.known) == known  # the second took the first's shape
        assert parts == grammar.read(second, default_lexicon(), "en_US")
    assert all(shape is not None for shape in shapes.known.values())


def test_ranks_shares_ranges_and_multiples_are_left_to_the_grammar():
    shapes = Shapes(default_lexicon())
    for text in ("4th", "No. 4", "1 in 5", "one in 5", "$5-6 billion", "3x", "two-thirds", "5 to 6%"):
        assert shapes.read(text, "en_US") == grammar.read(text, default_lexicon(), "en_US")
    assert all(shape is None for shape in shapes.known.values())
    assert shapes.read("4th", "en_US").rank == 4 and shapes.read("10th", "en_US").rank == 10


def test_a_lexicon_with_digits_in_its_words_is_read_in_full():
    lexicon = Lexicon.build({"hedges": {"hedges": {"approximately": {
        "strict": "[0.99, 1.01]", "loose": "[0.9, 1.1]", "words": ["approx", "c1"]}}}})
    shapes = Shapes(lexicon)
    assert not shapes.usable
    assert shapes.read("c1 5%", "en_US") == grammar.read("c1 5%", lexicon, "en_US")
    assert shapes.known == {}
