"""`[entities]`: aliases that name one company, and fiscal calendars that place fiscal periods."""

from datetime import date

import pytest

from verify import check, load
from verify.config import ConfigError, parse
from verify.rules.agreement import AgreementRule
from verify.rules.period_sum import PeriodSumRule

ENTITIES = {"Alibaba": {"aliases": ["Alibaba Group", "Alibaba Group Holding"], "fiscal-year-end": "03-31"},
            "Microsoft": {"fiscal-year-end": "06-30"}}


def write(tmp_path, *claims, entity="Alibaba"):
    body = "".join(f'[[claim]]\nid = "c{i}"\nentity = "{e}"\nmetric = "revenue"\nvalue = "{v}"\nperiod = "{p}"\n'
                   for i, (e, v, p) in enumerate(claims))
    (tmp_path / "a.toml").write_text(f'[source]\nid = "s"\npublished = 2025-08-01\n{body}', encoding="utf-8")
    return str(tmp_path)


def test_aliases_name_one_company(tmp_path):
    folder = write(tmp_path, ("Alibaba", "RMB 996.3bn", "FY2025"), ("Alibaba Group", "RMB 996.3bn", "FY2025"),
                   ("alibaba group holding", "RMB 1,100bn", "FY2025"))
    corpus = load([folder], config=parse({"entities": ENTITIES}))
    assert {c.entity for c in corpus.claims} == {"Alibaba"}
    [finding] = check(corpus, rules=[AgreementRule()]).findings
    assert finding.severity == "error" and len(finding.claims) == 3


def test_a_fiscal_year_is_placed_in_its_entitys_calendar(tmp_path):
    folder = write(tmp_path, ("Alibaba Group", "RMB 996.3bn", "FY2025"))
    [claim] = load([folder], config=parse({"entities": ENTITIES})).claims
    assert (claim.period.start, claim.period.end, claim.period.text) == (date(2024, 4, 1), date(2025, 3, 31), "FY2025")


def test_fiscal_quarters_tile_their_fiscal_year(tmp_path):
    # Microsoft's FY2025 is July 2024 to June 2025; its quarters, in any spelling, add up to it
    folder = write(tmp_path, ("Microsoft", "$281.7bn", "fiscal 2025"), ("Microsoft", "$65.6bn", "Q1 FY25"),
                   ("Microsoft", "$69.6bn", "FY2025-Q2"), ("Microsoft", "$70.1bn", "FY25 Q3"),
                   ("Microsoft", "$86.4bn", "Q4 FY2025"), entity="Microsoft")
    report = check(load([folder], config=parse({"entities": ENTITIES})), rules=[PeriodSumRule()])
    # 65.6 + 69.6 + 70.1 + 86.4 = 291.7, not 281.7: 3.5% off, an error
    [finding] = report.findings
    assert finding.severity == "error" and report.checks == 1


def test_a_fiscal_period_without_a_calendar_is_a_problem_naming_the_fix(tmp_path):
    folder = write(tmp_path, ("Tencent", "RMB 660.3bn", "FY2024"), ("Tencent", "$91.9bn", "FY2024"))
    corpus = load([folder], config=parse({"entities": ENTITIES}))
    assert corpus.claims == ()
    assert len(corpus.problems) == 2
    assert all('add [entities.Tencent] fiscal-year-end = "06-30"' in p.message
               and '"2024-07-01..2025-06-30"' in p.message for p in corpus.problems)
    assert check(corpus).problems == corpus.problems  # nothing more: no rate needed a date it lacks


def test_a_fiscal_baseline_is_placed_too(tmp_path):
    (tmp_path / "a.toml").write_text(
        '[source]\nid = "s"\npublished = 2025-08-01\n[defaults]\nentity = "Microsoft"\n'
        '[[claim]]\nid = "g"\nmetric = "revenue"\nchange = "percent"\nvalue = "15%"\n'
        'period = "FY2025"\nsince = "FY2024"\n', encoding="utf-8")
    [claim] = load([str(tmp_path)], config=parse({"entities": ENTITIES})).claims
    assert (claim.since.period.start, claim.since.period.end) == (date(2023, 7, 1), date(2024, 6, 30))


@pytest.mark.parametrize("table, fix", [
    ({"Alibaba": {"fiscal-year-end": "03-30"}}, 'the last day of a month, written "MM-DD"'),
    ({"Alibaba": {"fiscal-year-end": 331}}, 'fiscal-year-end = "06-30"'),
    ({"Alibaba": {"alias": ["Ali"]}}, "aliases"),
    ({"Alibaba": {"aliases": "Alibaba Group"}}, "a list of names"),
    ({"Alibaba": {"aliases": ["Ali"]}, "Ali Health": {"aliases": ["ali"]}}, "an alias belongs to one entity"),
    ({"Alibaba": "03-31"}, "is a table"),
])
def test_bad_entities_are_config_errors_with_the_fix(table, fix):
    with pytest.raises(ConfigError, match=fix):
        parse({"entities": table})
