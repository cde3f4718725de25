"""The HTML report in a real browser (headless Chromium): no errors, no requests, everything shown.

Screenshots are kept for review in build/screenshots/ (or $VERIFY_SCREENSHOTS).
CI installs Debian's chromium; where no browser can be installed these tests are
skipped, saying so.
"""

import os
from pathlib import Path

import pytest

from browser import Browser, executable
from verify import check, load

ROOT = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("VERIFY_SCREENSHOTS", ROOT / "build" / "screenshots"))
CORPORA = {"corpus": ROOT / "claims", "golden": ROOT / "tests" / "golden" / "claims"}

pytestmark = pytest.mark.skipif(
    executable() is None,
    reason="no Chromium on this machine: install Debian's chromium (apt-get install chromium) to run the "
           "browser tests; .ci/run installs it")


@pytest.fixture(scope="module")
def browser():
    b = Browser(executable())
    yield b
    b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """Each corpus's report and the report's file."""
    folder = tmp_path_factory.mktemp("html")
    made = {}
    for name, path in CORPORA.items():
        report = check(load([str(path)]))
        out = folder / f"{name}.html"
        out.write_text(report.render("html"), encoding="utf-8")
        made[name] = (report, out)
    return made


@pytest.mark.parametrize("name", sorted(CORPORA))
def test_the_report_loads_cleanly_and_shows_everything(browser, pages, name):
    report, path = pages[name]
    page = browser.open(path.as_uri())
    assert page.errors() == []
    assert page.requests() == [path.as_uri()]  # the page itself, and nothing else
    shown = page.evaluate("""(() => ({
        findings: Array.from(document.querySelectorAll('.finding')).map(f => [f.dataset.rule, f.hidden,
            f.querySelector('.message').innerText]),
        values: Array.from(document.querySelectorAll('.source-claims tr[id]')).map(r =>
            [r.id, r.querySelector('.value').innerText]),
        marks: Array.from(document.querySelectorAll('a.num')).map(a => a.id),
        pictures: document.querySelectorAll('.finding svg').length,
        js: document.documentElement.classList.contains('js'),
    }))()""")
    assert shown["js"]  # the page's script ran
    assert sorted((rule, message) for rule, hidden, message in shown["findings"]) == \
        sorted((f.id, f.message) for f in report.findings)
    assert not any(hidden for _, hidden, _ in shown["findings"])
    assert sorted(shown["values"]) == sorted([f"claim-{c.ref}", c.value.text] for c in report.corpus.claims)
    assert shown["pictures"] == sum(1 for f in report.findings if f.sides)
    with_text = {s.id for s in report.corpus.sources if s.id in report.corpus.articles}
    assert shown["marks"]
    assert all(m.removeprefix("mark-").split(".")[0] in with_text for m in shown["marks"])
    page.screenshot(SHOTS / f"report-{name}.png")


def test_every_claimed_number_of_the_corpus_is_marked_in_its_article(browser, pages):
    report, path = pages["corpus"]
    page = browser.open(path.as_uri())
    marked = page.evaluate("Array.from(document.querySelectorAll('[id^=\"mark-\"]')).map(a => a.id)")
    assert sorted(marked) == sorted(f"mark-{c.ref}" for c in report.corpus.claims)


def test_the_filters_hide_and_show_findings(browser, pages):
    report, path = pages["golden"]
    page = browser.open(path.as_uri())
    errors = sum(1 for f in report.findings if f.severity == "error" and not f.acknowledged)
    visible_after = page.evaluate("""(() => {
        const box = document.querySelector('#filters input[name=status][value=error]');
        box.click();
        const hidden = Array.from(document.querySelectorAll('.finding')).filter(f => f.hidden);
        const all = hidden.every(f => f.dataset.status === 'error');
        const counter = document.getElementById('shown').textContent;
        box.click();
        return [hidden.length, all, counter, document.querySelectorAll('.finding[hidden]').length];
    })()""")
    assert visible_after == [errors, True, str(len(report.findings) - errors), 0]


def test_on_a_phone_the_page_does_not_scroll_sideways(browser, pages):
    report, path = pages["corpus"]
    page = browser.open(path.as_uri(), width=390, height=844, mobile=True)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths == [390, 390]
    page.screenshot(SHOTS / "report-corpus-phone.png")


def test_printed_the_filters_go_and_acknowledged_findings_are_legible(browser, pages):
    _, path = pages["golden"]
    page = browser.open(path.as_uri())
    page.send("Emulation.setEmulatedMedia", {"media": "print"})
    state = page.evaluate("""[getComputedStyle(document.getElementById('filters')).display,
        getComputedStyle(document.querySelector('.finding.s-acknowledged')).opacity]""")
    assert state == ["none", "1"]
