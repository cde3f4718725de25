"""End to end: `verify claims/` on the project's own corpus reports exactly these findings."""

import json
import subprocess
import sys
from pathlib import Path

CLAIMS = Path(__file__).resolve().parents[1] / "claims"

EXPECTED = [
    # the cap gained "over $100 billion", but $85 -> $144 means about $140 billion: loosely fine
    ("check", "cap_gain_vs_price_gain", "warning",
     ["crn_alibaba_53b.adr_price", "crn_alibaba_53b.adr_price_start_2025", "crn_alibaba_53b.market_cap",
      "crn_alibaba_53b.ytd_gain"]),
    # 4% of $90 billion is $3.6 billion, against $4.3 billion of cloud revenue
    ("check", "cloud_share_of_market_vs_cloud_revenue", "error",
     ["crn_alibaba_53b.cloud_market_size", "crn_alibaba_53b.cloud_revenue", "crn_alibaba_53b.cloud_share"]),
    # "nearly 60%" year-to-date, against around $85 -> around $144 (+69%)
    ("change", "change", "warning",
     ["crn_alibaba_53b.adr_price", "crn_alibaba_53b.adr_price_start_2025", "roundup.ytd_stock_gain"]),
]


def test_the_corpus_report_is_pinned():
    done = subprocess.run([sys.executable, "-m", "verify", str(CLAIMS), "--format", "json"],
                          capture_output=True, text=True)
    report = json.loads(done.stdout)
    found = sorted((f["rule"], f["id"], f["severity"], sorted(c["ref"] for c in f["claims"]))
                   for f in report["findings"])
    assert found == sorted(EXPECTED)
    assert report["problems"] == []
    assert report["summary"]["files"] == 2 and report["summary"]["claims"] == 38
    assert done.returncode == 1


def test_the_text_report_shows_the_computation():
    done = subprocess.run([sys.executable, "-m", "verify", str(CLAIMS)], capture_output=True, text=True,
                          env={"NO_COLOR": "1", "PATH": ""})
    assert "error[cloud_share_of_market_vs_cloud_revenue]" in done.stdout
    assert "does not hold loosely (±1% per side): [$3.1325B, $4.0725B] against [$4.25B, $4.35B]" in done.stdout
    assert "loose (±1% per side): cloud_share * cloud_market_size = [$3.1325B, $4.0725B]" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("2 files, 38 claims")


def _severity_of_the_ytd_change(tmp_path, around: str) -> str:
    import shutil

    from verify import check, load
    from verify.config import discover

    shutil.copytree(CLAIMS, tmp_path / "claims")
    (tmp_path / "verify.toml").write_text(f'[hedges.about]\nloose = "[{1 - float(around)}, {1 + float(around)}]"\n')
    config = discover([str(tmp_path / "claims")], None)
    report = check(load([str(tmp_path / "claims")], config=config), config=config)
    return next(f.severity for f in report.findings if f.rule == "change")


def test_nearly_60_is_an_error_only_if_around_reads_looser_than_it_does_strictly(tmp_path):
    # The boundary claims/README.md gives: "nearly 60%" reads loosely up to 60%, widened by the
    # relation's ±1% per side to 60.6%; the computed change's low end L is widened down to 0.99 L,
    # and 0.99 L = 60.6% at 144(1 - a) / 85(1 + a) = 1.6121, a = 2.480%: below the strict ±2.5%.
    assert _severity_of_the_ytd_change(tmp_path / "narrow", "0.024") == "error"
    assert _severity_of_the_ytd_change(tmp_path / "strict", "0.025") == "warning"
