import re
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verify.expressions import (Binary, Call, ExpressionError, Literal, Number, Ref, Relation, Unary, parse,
                                refs)


def test_precedence_and_parts():
    tree = parse("market_cap / (market_cap - ytd_gain) == adr_price / roundup.adr_start")
    assert tree.op == "=="
    assert tree.left == Binary("/", Ref("market_cap", 0), Binary("-", Ref("market_cap", 14), Ref("ytd_gain", 27)))
    assert [r.name for r in refs(tree)] == ["market_cap", "market_cap", "ytd_gain", "adr_price", "roundup.adr_start"]
    assert parse("a + b * c >= 2").left == Binary("+", Ref("a", 0), Binary("*", Ref("b", 4), Ref("c", 8)))
    assert parse("-a < 1.5").left == Unary("-", Ref("a", 1))
    assert parse("-a < 1.5").right == Number(Fraction(3, 2), "1.5")


def test_values_and_functions():
    tree = parse("cloud_share * '$90 billion' <= max(a, b, abs(c)) + convert(x, 'USD')")
    assert tree.left.right == Literal("$90 billion", 15)
    assert tree.right.left == Call("max", (Ref("a", 35), Ref("b", 38), Call("abs", (Ref("c", 45),))))
    assert tree.right.right.name == "convert"
    assert isinstance(parse('sum(a, b, c) == "5%"'), Relation)


@pytest.mark.parametrize("text, column, message", [
    ("a + b", 5, "compares two sides"),
    ("a + == b", 4, "expected a number"),
    ("a == b == c", 7, "one relation"),
    ("(a + b == c", 7, "expected )"),
    ("a == b $ 2", 7, "cannot read '$ 2'"),
    ("eval(a) == 1", 0, "unknown function 'eval'"),
    ("a == abs(b, c)", None, "abs takes one argument"),
    ("a == convert(b, 5)", None, "currency code in quotes"),
    ("", 0, "the expression is empty"),
    ("   ", 0, "the expression is empty"),
])
def test_syntax_errors_carry_their_column(text, column, message):
    with pytest.raises(ExpressionError, match=re.escape(message)) as info:
        parse(text)
    assert info.value.column == column


def test_deep_nesting_is_a_problem_not_a_recursion_error():
    with pytest.raises(ExpressionError):
        parse("(" * 5000 + "a" + ")" * 5000 + " == 1")
    with pytest.raises(ExpressionError, match="nests deeper than 50"):
        parse("(" * 900 + "a" + ")" * 900 + " == 1")
    with pytest.raises(ExpressionError, match="nests deeper"):
        parse("-" * 1500 + "a == 1")
    with pytest.raises(ExpressionError, match="nests deeper"):
        parse("abs(" * 300 + "a" + ")" * 300 + " == 1")
    with pytest.raises(ExpressionError, match="at most 20000 characters"):
        parse("sum(" + "a, " * 7000 + "a) == 1")


def test_sum_totals_a_thousand_claims_in_one_expression():
    names = [f"claim_{i}" for i in range(1000)]
    tree = parse(f"sum({', '.join(names)}) > 0")
    assert [r.name for r in refs(tree)] == names


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab.1 +-*/()=!<>,'\"_xyz")) | st.characters(), max_size=80))
def test_arbitrary_text_raises_only_expression_errors(text):
    try:
        tree = parse(text)
    except ExpressionError as exc:
        assert exc.message
    else:
        assert isinstance(tree, Relation)


def test_a_sum_of_more_arguments_than_the_bound_names_the_fix():
    with pytest.raises(ExpressionError, match="sum takes at most 5,000 arguments; split the total"):
        parse("sum(" + "a, " * 5000 + "a) == 1")
