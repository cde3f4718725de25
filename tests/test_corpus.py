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
    assert "loose: cloud_share * cloud_market_size = [$3.087B, $4.131B]" in done.stdout
    assert done.stdout.strip().splitlines()[-1].startswith("2 files, 38 claims")
