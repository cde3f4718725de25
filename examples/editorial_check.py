"""Check a draft article's numbers against everything already published.

An editorial tool keeps a `verify.Checker` loaded (here, on the bundled corpus of two
articles about Alibaba's AI plans); a reporter's draft arrives as claims built in code;
the editor sees each number that disagrees with what was published, with the sources it
disagrees with and what each says.

    python examples/editorial_check.py [CLAIMS_FOLDER]
"""

from __future__ import annotations

import sys
from pathlib import Path

import verify

HERE = Path(__file__).resolve().parent


def draft() -> tuple[verify.Source, list[verify.Claim]]:
    """A reporter's draft: the quarter's revenue and the headcount are off; the cloud figure is right."""
    source = verify.Source("draft_cloud_story", title="Alibaba's cloud unit speeds up", publisher="Desk",
                           published="2025-02-26")
    common = {"entity": "Alibaba Group", "source": source.id}
    claims = [
        verify.Claim(id="q4_revenue", metric="revenue", period="2024-Q4", value="$39.8 billion",
                     quote="revenue of $39.8 billion in the December quarter", **common),
        verify.Claim(id="cloud_revenue", metric="revenue", segment="Cloud Intelligence Group", period="2024-Q4",
                     value="$4.3 billion", quote="the cloud unit brought in $4.3 billion", **common),
        verify.Claim(id="staff", metric="employees", as_of="2025-02-24", value="nearly 150,000 employees",
                     quote="its nearly 150,000 employees", **common),
    ]
    return source, claims


def editor_view(report: verify.Report) -> str:
    """Each finding as an editor reads it: the draft's claim, then what the corpus says."""
    lines = []
    for finding in sorted(report.ordered, key=lambda f: f.severity != "error"):  # errors first
        mine = [c for c in finding.claims if c.source == report.corpus.sources[0].id]
        others = [c for c in finding.claims if c not in mine]
        lines.append(f"{finding.severity.upper()} ({finding.rule}): {finding.message}")
        for claim in mine:
            lines.append(f"  draft says {claim.value.text!r}" + (f"  ({claim.quote})" if claim.quote else ""))
        for claim in others:
            lines.append(f"  {claim.source} says {claim.value.text!r}" + (f"  ({claim.quote})" if claim.quote else ""))
    if not lines:
        lines.append("No discrepancy with the corpus.")
    return "\n".join(lines)


def main(folder: str) -> int:
    checker = verify.Checker([folder])
    source, claims = draft()
    report = checker.check(source, claims)
    print(editor_view(report))
    return report.exit_code()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(HERE.parent / "claims")))
