"""verify.extract: the numbers of a text, their spans, readings and guessed facts."""

import subprocess
import sys
from datetime import date

import pytest
from hypothesis import given, settings, strategies as st

import verify
from verify.draft import extract
from verify.values import parse_value

PUBLISHED = date(2025, 2, 24)


def facts(text, **kw):
    return [m for m in extract(text, published=kw.pop("published", PUBLISHED), **kw) if m.fact]


def skipped(text):
    return {m.text: m.reason for m in extract(text, published=PUBLISHED) if not m.fact}


def one(text, **kw):
    found = facts(text, **kw)
    assert len(found) == 1, [m.text for m in found]
    return found[0]


@pytest.mark.parametrize("sentence, span", [
    ("Sales reached nearly 60% of the target.", "nearly 60%"),
    ("Revenue was $38.4 billion, up 8 percent year over year.", "$38.4 billion"),
    ("The stock is up 8 percent year over year.", "up 8 percent"),
    ("It has gained over $100 billion in market value.", "gained over $100 billion"),
    ("Revenue hit RMB ¥280.2bn in the quarter.", "RMB ¥280.2bn"),
    ("The shares closed at around $144 per share on Friday.", "around $144 per share"),
    ("Tesla employed more than 125,000 people at the end of 2024.", "more than 125,000 people"),
    ("The fund holds nearly seven million shares of the company.", "nearly seven million shares"),
    ("Profit fell 5% in the quarter.", "fell 5%"),
    ("The group ranks No. 4 among cloud providers.", "No. 4"),
    ("It is the fourth largest carmaker by sales.", "fourth largest"),
    ("Orders for AI chips saw triple-digit growth.", "triple-digit growth"),
    ("The market keeps growing at more than 20% a year.", "more than 20% a year"),
    ("Revenue rose to $35.5 billion a year earlier.", "$35.5 billion"),
])
def test_the_span_holds_hedge_direction_and_unit(sentence, span):
    found = facts(sentence)
    assert span in [m.text for m in found]
    assert all(sentence[m.start:m.end] == m.text for m in found)


def test_the_value_is_the_grammars_reading_of_the_span():
    m = one("Microsoft plans to spend $80 billion on AI data centers this fiscal year.")
    assert m.value == parse_value("$80 billion")
    assert m.value.nominal == 80_000_000_000


def test_adjectives_before_a_count_noun_are_left_out_of_the_value():
    m = one("As of Jan. 31, more than 90,000 derivative models had been built on the platform.")
    assert m.text == "more than 90,000 derivative models"
    assert m.value_text == "more than 90,000 models"
    assert m.value.unit.dims == (("model", 1),)


def test_from_to_is_two_values_not_a_range():
    found = facts("Revenue rose from $5 billion to $6 billion in 2024.")
    assert [m.text for m in found] == ["$5 billion", "$6 billion"]


@pytest.mark.parametrize("text, number, reason", [
    ("The company was founded in 1999 and sold 5 million phones.", "1999", "a year"),
    ("As of Jan. 31, the group had 3,000 stores.", "31", "a day of a date"),
    ("The newest Qwen 2.5 model beats rivals.", "2.5", "part of a name"),
    ("It outperforms DeepSeek's V3 model.", "3 model", "part of a name"),
    ("The stock hit a three-year high on Monday.", "three", "a stretch of time"),
    ("Call the press office on 555-123-4567 for comment.", "555-123-4567", "a phone number"),
    ("Revenue grew for the sixth consecutive quarter.", "sixth", "an ordinal in a period"),
    ("Results for the fourth-quarter were strong.", "fourth", "an ordinal in a period"),
    ("It is one of the largest model families.", "largest", "\"one of the ...\" names no rank"),
    ("Revenue in Q4 2024 was flat.", "4", "part of a period label"),
])
def test_numbers_that_state_no_fact_are_returned_with_why(text, number, reason):
    reasons = skipped(text)
    written = [k for k in reasons if k.startswith(number)]
    assert written, reasons
    assert reasons[written[0]].startswith(reason)


@pytest.mark.parametrize("sentence, metric, change", [
    ("The company's market capitalization is currently $342 billion.", "market_cap", None),
    ("Alibaba has gained over $100 billion in market value in 2025 alone.", "market_cap", "absolute"),
    ("Net income for ordinary shareholders reached RMB ¥48.9bn.", "net_income", None),
    ("Sales rose 9% this quarter.", "revenue", "percent"),
    ("Apple has about 164,000 employees.", "employees", None),
    ("Amazon Web Services holds 30 percent share of the global cloud market.", "market_share", None),
    ("The shares traded at $144 per share.", "share_price", None),
    ("He raised his stake in the company to about $1 billion.", "stake_value", None),
    ("Meta plans to invest $65 billion in AI this year.", "ai_investment", None),
    ("The cloud unit's revenue growth reached 13 percent.", "revenue", "percent"),
])
def test_metric_and_change(sentence, metric, change):
    m = one(sentence)
    assert (m.metric, m.change) == (metric, change)


@pytest.mark.parametrize("sentence, period, as_of, since", [
    ("In the fourth quarter of 2024 revenue was $38.4 billion.", "2024-Q4", None, None),
    ("Revenue in Q3 2024 was $35 billion.", "2024-Q3", None, None),
    ("Meta has set aside $65 billion for capital spending in 2025.", "2025", None, None),
    ("It will invest $53 billion in AI over the next three years.", "2025..2027", None, None),
    ("Microsoft plans to spend $80 billion on AI this fiscal year.", "FY2025", None, None),
    ("Its market value has climbed by over $100 billion in 2025.", None, PUBLISHED, "ytd"),
    ("The stock has gained nearly 60% year-to-date.", None, PUBLISHED, "ytd"),
    ("The stock was trading at around $85 per share at the start of 2025.", None, date(2025, 1, 1), None),
    ("As of Jan. 31, the firm had 3,000 employees.", None, date(2025, 1, 31), None),
    ("The ADR is up 61 percent compared with one month ago.", None, PUBLISHED, "-1 month"),
    ("Revenue grew 8 percent year over year to a record.", None, None, None),
])
def test_time(sentence, period, as_of, since):
    m = one(sentence)
    assert (m.period, m.as_of, m.since) == (period, as_of, since)


def test_a_flow_takes_the_quarter_named_just_before():
    text = ("Alibaba released its results for the fourth quarter of 2024 on Thursday. "
            "Its cloud unit generated $4.3 billion in revenue during the quarter.")
    m = one(text)
    assert m.period == "2024-Q4"


def test_a_repeated_figure_takes_the_time_of_its_fullest_statement():
    text = ("Alibaba will invest $53 billion in AI over the next three years. "
            "Analysts called the $53 billion AI investment bold.")
    assert [m.period for m in facts(text)] == ["2025..2027", "2025..2027"]


def test_entity_nearest_name_possessive_segment_and_main_subject():
    text = ("Alibaba Group said on Monday that Alibaba will spend more. "
            "Amazon Web Services is first with 30 percent share, followed by Microsoft at 21 percent. "
            "Alibaba's Cloud Intelligence Group generated $4.3 billion in revenue. "
            "The company has over 194,000 employees.")
    found = {m.text: m for m in facts(text)}
    assert found["30 percent"].entity == "Amazon Web Services"
    assert found["21 percent"].entity == "Microsoft"
    assert (found["$4.3 billion"].entity, found["$4.3 billion"].segment) == ("Alibaba Group", "Cloud Intelligence Group")
    assert found["over 194,000 employees"].entity == "Alibaba Group"


def test_without_a_date_relative_times_stay_unknown():
    m = one("It will invest $53 billion in AI over the next three years.", published=None)
    assert m.period is None


def test_public_api_is_lazy():
    assert verify.extract is extract
    code = ("import sys, verify, verify.claimfile, verify.engine; "
            "bad = [m for m in sys.modules if m.startswith('verify.draft') or m == 'tomlkit']; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789 $€%.,-abcdeinorstuyBMQV\n") +
                               ["billion ", "percent ", "up ", "about ", "No. ", "fourth ", "2024 ", "Jan. "]),
                max_size=40).map("".join))
def test_any_text_gives_mentions_whose_values_read_back(text):
    for m in extract(text, published=PUBLISHED):
        assert 0 <= m.start <= m.end <= len(text)
        assert text[m.start:m.end] == m.text
        if m.fact:
            assert parse_value(m.value_text) == m.value
        else:
            assert m.reason
