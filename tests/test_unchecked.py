"""Claims no rule related to another claim are counted, listed in JSON, and shown on request."""

import json

from rulekit import claim

from verify import check, load
from verify.cli import main


def corpus(tmp_path):
    body = (claim("rev", "revenue", "$38.4 billion", period="2024-Q4")
            + claim("staff", "employees", "194,000 employees", as_of="2025-03-31")  # the unit rule alone
            + claim("ai", "ai_investment", "$53 billion", period="2025..2027"))
    (tmp_path / "a.toml").write_text('[source]\nid = "a"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
                                     + body, encoding="utf-8")
    (tmp_path / "b.toml").write_text('[source]\nid = "b"\npublished = 2025-02-24\n[defaults]\nentity = "Acme"\n'
                                     + claim("rev", "revenue", "$38.4bn", period="2024-Q4"), encoding="utf-8")
    return str(tmp_path)


def test_claims_no_rule_related_are_unchecked(tmp_path):
    report = check(load([corpus(tmp_path)]))
    assert [c.ref for c in report.unchecked] == ["a.staff", "a.ai"]
    assert report.summary["unchecked"] == 2


def test_json_lists_them_and_text_shows_them_on_request(tmp_path, capsys):
    folder = corpus(tmp_path)
    assert main([folder, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert [c["ref"] for c in document["unchecked"]] == ["a.staff", "a.ai"]
    assert document["unchecked"][0]["line"] > 0
    assert main([folder, "--color", "never"]) == 0
    plain = capsys.readouterr().out
    assert "unchecked:" not in plain and plain.rstrip().endswith("2 unchecked")
    assert main([folder, "--show-unchecked", "--color", "never"]) == 0
    shown = [line for line in capsys.readouterr().out.splitlines() if ": unchecked: " in line]
    assert len(shown) == 2 and shown[0].endswith("a.staff = '194,000 employees': no rule related it to "
                                                 "another claim (a second source or a [[check]] would)")
