"""Small corpora for rule tests, written as claim files so the whole path is exercised."""

import textwrap

from verify import check, load

HEADER = """
[source]
id = "{id}"
published = {published}
[defaults]
entity = "Acme"
"""


def run(tmp_path, *files, published="2025-02-24", rules=None):
    """Write each (source id, body) as a claim file, load, check; return the report."""
    for source_id, body in files:
        text = HEADER.format(id=source_id, published=published) + textwrap.dedent(body)
        (tmp_path / f"{source_id}.toml").write_text(text, encoding="utf-8")
    corpus = load([str(tmp_path)])
    assert corpus.problems == (), [str(p) for p in corpus.problems]
    return check(corpus, rules=rules)


def only(report, family):
    found = [f for f in report.findings if f.rule == family]
    return found


def claim(id, metric, value, **fields):
    lines = ['[[claim]]', f'id = "{id}"', f'metric = "{metric}"', f'value = "{value}"']
    for key, v in fields.items():
        lines.append(f"{key} = {v}" if key == "as_of" else f'{key} = "{v}"')
    return "\n".join(lines) + "\n"
