"""`verify new`: a claim file to start from, every field explained by the field table."""

from __future__ import annotations

import datetime

from verify.claimfile.schema import FIELDS, Field

def skeleton(source_id: str = "my_article", publisher: str | None = None, today: datetime.date | None = None) -> str:
    """A commented claim file that loads as it is: one example claim, the other fields commented out."""
    today = today or datetime.date.today()
    filled = {
        "source": {"id": f'"{source_id}"', "published": today.isoformat(),
                   **({"publisher": _quoted(publisher)} if publisher else {})},
        "defaults": {"entity": '"Example Corp"'},
        "claim": {"id": '"q4_revenue"', "metric": '"revenue"', "period": '"2024-Q4"', "value": '"$38.4 billion"'},
    }
    lines = [
        "# A claim file: the numeric claims of one article, checked by `verify`.",
        "# Write each number as the article writes it; `verify` reads hedges, units and currencies.",
        "# With Taplo or Even Better TOML, `verify schema > claim-file.schema.json` and a line",
        "#   #:schema ./claim-file.schema.json",
        "# at the top give completion and hover for every field below.",
    ]
    for table, values in filled.items():
        lines += ["", f"[[{table}]]" if table == "claim" else f"[{table}]"]
        if table == "defaults":
            lines += ["# any claim field: it applies to every claim below that does not set it",
                      *(f"{name} = {value}" for name, value in values.items())]
            continue
        for field in FIELDS[table]:
            lines += _field_lines(field, values.get(field.name), commented=field.name not in values)
    lines += [
        "",
        "# A relation the claims should satisfy (refs: claim ids, or source_id.claim_id across files):",
        "# [[check]]",
        '# id = "revenue_positive"',
        '# expr = "q4_revenue > 0"',
        "",
        "# A reviewed discrepancy that should no longer fail the run (still reported):",
        "# [[acknowledge]]",
        '# rule = "check"',
        '# claims = ["q4_revenue"]',
        '# reason = "why the discrepancy is accepted"',
    ]
    return "\n".join(lines) + "\n"


def _field_lines(field: Field, value: str | None, commented: bool) -> list[str]:
    if commented:
        return [f"# {field.example}" if field.example else f"# {field.name} = ..."]
    return [f"{field.name} = {value}"]


def _quoted(text: str) -> str:
    import json

    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid TOML basic string
