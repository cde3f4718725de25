"""Coverage-guided fuzzing with atheris (libFuzzer) of the same targets and input
strategies as the hypothesis tests in test_fuzz_inputs.py.

    pip install atheris        # Linux and macOS wheels for CPython 3.8 to 3.11
    python tests/fuzz/atheris_fuzz.py TARGET [libFuzzer options] [CORPUS_DIR ...]
    python tests/fuzz/atheris_fuzz.py claim_file -atheris_runs=100000

libFuzzer's bytes drive the hypothesis strategy of the target's test (so inputs keep
the structure of claim files, rates folders and reports), and the coverage that guides
the search is verify's own: only verify is instrumented. `value_text` and
`expression_text` take any Unicode text instead. Any exception other than verify's own
error with a message (a target's assertion included) is a crash: libFuzzer stops,
prints the traceback and writes the input to crash-<hash>.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).parent))
with atheris.instrument_imports(include=["verify"]):
    import fuzz_targets as target
    import test_fuzz_inputs as tests
    import verify.config  # noqa: F401 - instrumented before a target first imports it
    import verify.rates.book  # noqa: F401
    import verify.rates.refresh  # noqa: F401
    import verify.report.as_github  # noqa: F401
    import verify.report.as_html  # noqa: F401
    import verify.report.as_json  # noqa: F401
    import verify.report.as_junit  # noqa: F401
    import verify.report.as_markdown  # noqa: F401
    import verify.report.as_sarif  # noqa: F401
    import verify.report.as_text  # noqa: F401
    import verify.rules.packs  # noqa: F401


def _raw(function, limit: int):
    return lambda raw: function(atheris.FuzzedDataProvider(raw).ConsumeUnicodeNoSurrogates(limit))


TARGETS = {
    "value": tests.test_any_value_text_is_read_or_refused_with_a_message,
    "expression": tests.test_any_expression_is_parsed_or_refused_with_a_message,
    "claim_file": tests.test_any_claim_file_loads_with_located_problems,
    "config": tests.test_any_config_is_read_or_refused_with_a_message,
    "pack": tests.test_any_rule_pack_is_read_or_refused_naming_its_file,
    "rates": tests.test_any_rates_folder_answers_or_is_refused_with_a_message,
    "download": tests.test_any_download_is_taken_or_refused_with_a_message,
    "reports": tests.test_every_report_format_stays_well_formed_and_inert_whatever_the_claims_say,
}


def one_input(name: str):
    if name == "value_text":
        return _raw(target.value_text, 200)
    if name == "expression_text":
        return _raw(target.expression, 400)
    return TARGETS[name].hypothesis.fuzz_one_input


def main() -> None:
    names = [*TARGETS, "value_text", "expression_text"]
    if len(sys.argv) < 2 or sys.argv[1] not in names:
        sys.exit(f"usage: {sys.argv[0]} {{{','.join(names)}}} [libFuzzer options] [CORPUS_DIR ...]")
    run = one_input(sys.argv.pop(1))
    atheris.Setup(sys.argv, run)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
