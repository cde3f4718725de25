"""The `verify` command: a thin shell over load, check and render.

Imports stay inside `main` so that `verify --version` and `--help` pay for argparse only.
"""

from __future__ import annotations

import argparse
import os
import sys

FORMAT_NAMES = ("text", "json", "sarif", "github", "junit", "markdown", "html")
FAIL_ON = ("error", "warning", "never")


def parser() -> argparse.ArgumentParser:
    from verify import __version__

    p = argparse.ArgumentParser(
        prog="verify",
        formatter_class=_Unmeasured,
        description="Check the numeric claims of news articles against each other.",
        epilog="Other commands: verify rules (the rules in force), verify explain RULE, "
               "verify rates show|refresh, verify new (a claim file to start from), "
               "verify fmt [--check] (canonical layout), verify draft ARTICLE (a claim file from an article), "
               "verify schema (JSON Schema for editors), "
               "verify lsp (a language server). Exit codes: 0 no finding at or above --fail-on; 1 such findings; "
               "2 problems: a usage or config error, input that could not be read, a report that could "
               "not be written, or an internal error (--debug shows its traceback).",
    )
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="claim files or folders of them (default: claims/)")
    p.add_argument("--format", choices=FORMAT_NAMES, default="text", help="report format (default: text)")
    p.add_argument("--output", metavar="FILE", help="write the report to FILE instead of standard output")
    p.add_argument("--report", action="append", metavar="FORMAT:FILE", default=[],
                   help="also write a report in FORMAT to FILE, e.g. sarif:verify.sarif (repeatable)")
    p.add_argument("--fail-on", choices=FAIL_ON,
                   help="lowest severity that makes the exit code 1 (default: error, or the config's)")
    p.add_argument("--strict", action="store_true", help="the same as --fail-on warning")
    p.add_argument("--select", action="append", metavar="RULE",
                   help="report only these rule families or ids (repeatable, or comma-separated)")
    p.add_argument("--ignore", action="append", metavar="RULE",
                   help="do not report these rule families or ids (repeatable, or comma-separated)")
    p.add_argument("--show-unchecked", action="store_true",
                   help="list the claims no rule related to another claim (the text report; JSON always has them)")
    p.add_argument("--rates", metavar="DIR",
                   help="a folder of exchange rates with its sources.toml (default: the bundled ECB history)")
    p.add_argument("--config", metavar="FILE",
                   help="the config file (default: verify.toml or [tool.verify] in pyproject.toml, "
                        "found upward from the first PATH)")
    p.add_argument("--jobs", type=_jobs, metavar="N",
                   help="processes to read and check a large corpus with (default: one per CPU that other "
                        "programs leave idle; 1 for no others)")
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                   help="colour in the text report (default: auto, on a terminal without NO_COLOR)")
    p.add_argument("--debug", action="store_true",
                   help="print the traceback of an internal error (any command; a bug to report)")
    p.add_argument("--version", action="version", version=f"verify {__version__}")
    p.formatter_class = argparse.HelpFormatter  # help and usage fit the terminal
    return p


class _Unmeasured(argparse.HelpFormatter):
    """argparse makes a formatter for each argument it adds (to check its metavar), and one
    without a width imports shutil (with bz2 and lzma, ~2 ms) to ask the terminal's: a
    parser's arguments are added with this one, and help and usage use the usual one."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=80)


def rates_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="verify rates", description="Exchange-rate data.")
    sub = p.add_subparsers(dest="action", required=True)
    show = sub.add_parser("show", help="the rates sources in force and what they cover")
    show.add_argument("--rates", metavar="DIR", help="a folder of rates (default: the bundled ECB history)")
    refresh = sub.add_parser("refresh", help="replace the ECB history with a newer file, checked whole first")
    refresh.add_argument("source", help="path or URL of eurofxref-hist.zip (or its CSV)")
    refresh.add_argument("--into", metavar="DIR", default="rates",
                         help="the folder holding eurofxref-hist.csv (default: rates)")
    refresh.add_argument("--allow-older", action="store_true",
                         help="accept a file that ends earlier, or lacks days the current one has")
    return p


def rules_parser(command: str) -> argparse.ArgumentParser:
    if command == "explain":
        p = argparse.ArgumentParser(prog="verify explain", description="What a rule checks, with an example.")
        p.add_argument("rule", help="a rule family (agreement, share ...) or id (identity.market_cap, share.rank)")
    else:
        p = argparse.ArgumentParser(prog="verify rules", description="The rules and rule packs in force.")
    p.add_argument("--config", metavar="FILE", help="the config file (default: found upward from here)")
    return p


def program() -> int:
    """`verify` as a program of its own (the console script, `python -m verify`): `main`, in a
    process that ends with it.

    A check's objects live to the end, so the cyclic collector is held off (it would walk
    them every 700 allocations) and, at the end, they are frozen out of the collection the
    interpreter makes as it exits: a quarter of a small run's time went to that walk. The
    subcommands collect as usual: the language server lives on, and `draft` parses
    articles into trees that do make cycles.
    """
    import gc

    if sys.argv[1:2] == [] or sys.argv[1] not in SUBCOMMANDS:
        gc.disable()
    code = main()
    gc.freeze()
    return code


def main(argv: list[str] | None = None) -> int:
    from verify import failure

    argv = sys.argv[1:] if argv is None else argv
    failure.DEBUG = "--debug" in argv
    command = [a for a in argv if a != "--debug"] if argv and argv[0] in SUBCOMMANDS else argv
    try:
        return _command(command)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1
    except OSError as exc:
        if exc.filename is not None:  # a file's error names it; writing to standard output names none
            _internal_error("running the command", exc)
        else:  # standard output on a full disk, a closed descriptor
            _silence_stdout()
            print(f"verify: cannot write to standard output: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - a bug: said as one, exit 2, never a traceback unasked
        _internal_error("running the command", exc)
        return 2


SUBCOMMANDS = ("rates", "explain", "rules", "draft", "lsp", "schema", "new", "fmt")


def _internal_error(what: str, exc: BaseException) -> None:
    from verify import failure

    print(f"verify: {failure.said(what, exc)}", file=sys.stderr)


def _silence_stdout() -> None:
    """Standard output is gone (a closed pipe, a full disk): point it at /dev/null, so that
    the interpreter's last flush of what is buffered fails no more."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _command(argv: list[str]) -> int:
    if argv[:1] == ["rates"]:
        return _rates(rates_parser().parse_args(argv[1:]))
    if argv[:1] in (["explain"], ["rules"]):
        return _describe(rules_parser(argv[0]).parse_args(argv[1:]), argv[0])
    if argv[:1] == ["draft"]:
        from verify.draft.command import main as draft

        return draft(argv[1:])
    if argv[:1] == ["lsp"]:
        return _lsp(argv[1:])
    if argv[:1] in (["schema"], ["new"], ["fmt"]):
        from verify.claimfile import commands

        return commands.main(argv[0], argv[1:])
    return _run(parser().parse_args(argv))


def _run(args: argparse.Namespace) -> int:
    from verify import collector

    # Not only the load and the check: with the collector back on between them and while the
    # report is written, its first collections walk every object the load made (0.2 s at
    # 100,000 claims), for no garbage worth collecting in a run about to end.
    return collector.paused(_checked)(args)


def _checked(args: argparse.Namespace) -> int:
    import time

    from verify import parallel

    started = time.perf_counter()
    ticks = parallel.cpu_ticks() if args.jobs is None else None  # how busy the CPUs are while we start

    from verify import check, load
    from verify.config import ConfigError, discover
    from verify.rates import RateBook, RateError

    try:
        extra = [_extra_report(spec) for spec in args.report]
        config = discover(args.paths, args.config)
        _ = config.rule_packs  # a broken project pack stops the run before any work
    except ConfigError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return 2
    for notice in config.notices:
        print(f"verify: warning: {notice}", file=sys.stderr)
    from verify.progress import for_terminal

    progress = for_terminal()
    # One process per CPU that others left idle while this one started (its imports, the config).
    jobs = args.jobs or parallel.default_jobs(ticks)
    paths = args.paths or list(config.paths) or ["claims"]
    outputs = [(args.format, args.output), *extra]
    # Files are read and checked one by one, each guarded (a bug costs one file or one rule);
    # what is left to fail here is a stage as a whole.
    stage = "reading the claim files"
    try:
        corpus = load(paths, config=config, jobs=jobs, progress=progress)
        rates = None
        folder = args.rates or config.rates
        if folder:
            stage = "reading the rates"
            try:
                rates = RateBook.from_folder(folder)
            except RateError as exc:
                print(f"verify: rates {folder}: {exc.message}", file=sys.stderr)
                return 2
        refused = _outputs_over_inputs(outputs, corpus, config, rates)
        if refused:
            print(refused, file=sys.stderr)
            return 2
        stage = "checking the claims"
        select, ignore = _selection(args, config, corpus)
        if select is False:
            return 2
        report = check(corpus, rates=rates, config=config, jobs=jobs, progress=progress).selected(select, ignore)
        fail_on = "warning" if args.strict else args.fail_on or config.fail_on or "error"
        code = report.exit_code(fail_on)
    except Exception as exc:  # noqa: BLE001 - a bug in a stage: exit 2 and say which
        _internal_error(stage, exc)
        return 2
    for format, path in outputs:
        if not _output(report, format, path, args, jobs, progress, time.perf_counter() - started, rates):
            code = 2
    if "github" in (f for f, _ in outputs):
        _github_summary(report, tuple(path for _, path in outputs if path), ("github", None) in outputs)
    return code


def _output(report, format: str, path: str | None, args: argparse.Namespace, jobs: int, progress,
            elapsed: float, rates=None) -> bool:
    """Write one report; False, having said why, if it could not be written."""
    from verify.progress import reported

    shown = path or "standard output"
    try:
        pieces = report.pieces(format, color=path is None and _use_color(args.color), jobs=jobs, elapsed=elapsed,
                               rates=rates, show_unchecked=args.show_unchecked)
        if path is not None:
            return _write(path, reported(progress, "writing", pieces))
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
        return True
    except BrokenPipeError:
        raise
    except OSError as exc:  # standard output on a full disk, closed, ...
        if path is None:
            _silence_stdout()
        print(f"verify: cannot write the {format} report to {shown}: {exc.strerror or exc}", file=sys.stderr)
    except Exception as exc:  # noqa: BLE001 - a bug in one report format: the other reports are still written
        _internal_error(f"writing the {format} report to {shown}", exc)
    return False


def _outputs_over_inputs(outputs: list[tuple[str, str | None]], corpus, config, rates) -> str | None:
    """A refusal if a report would be written over a file the run reads."""
    inputs = [*corpus.files, *(a.path for a in corpus.articles.values()),
              *(p for p in (config.file, *config.packs) if p)]
    if rates is not None:
        inputs += [str(spec.path) for spec in rates.specs]
    for format, path in outputs:
        if path is None:
            continue
        for given in inputs:
            if _same_file(path, given):
                return (f"verify: the {format} report would overwrite {given}, which this run reads: "
                        "write the report to another file")
    return None


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _lsp(argv: list[str]) -> int:
    argparse.ArgumentParser(prog="verify lsp", description="A language server for claim files, over stdio "
                            "(problems and findings as you type, hover, completion, go to definition).").parse_args(argv)
    try:
        from verify.lsp.server import main as serve
    except ImportError as exc:
        print(f"verify lsp needs pygls ({exc.name} is missing): pip install 'verify-claims[lsp]'", file=sys.stderr)
        return 2
    return serve()


def _selection(args: argparse.Namespace, config, corpus):
    """The (select, ignore) names in force, each one checked; (False, None) after printing why not."""
    from verify.config import line_of
    from verify.selection import unknown_names

    chosen, wrong = [], []
    for option, given, configured in (("--select", args.select, config.select),
                                      ("--ignore", args.ignore, config.ignore)):
        names = _names(given)
        if names:
            wrong += [f"{option}: {m}" for m in unknown_names(names, corpus, config)]
        elif configured:
            key = option.lstrip("-")
            line = line_of(_text(config.file), key) if config.file else None
            where = f"{config.file}:{line}: " if line else f"{config.file}: " if config.file else ""
            wrong += [f"{where}{key}: {m}" for m in unknown_names(configured, corpus, config)]
        chosen.append(names or configured)
    for message in wrong:
        print(f"verify: {message}", file=sys.stderr)
    return (False, None) if wrong else tuple(chosen)


def _text(path: str) -> str:
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (OSError, UnicodeDecodeError):
        return ""


def _extra_report(spec: str) -> tuple[str, str]:
    from verify.config import ConfigError

    format, _, path = spec.partition(":")
    if format not in FORMAT_NAMES or not path:
        raise ConfigError(f"--report {spec}: write FORMAT:FILE with FORMAT one of {', '.join(FORMAT_NAMES)}, "
                          "e.g. --report sarif:verify.sarif")
    return format, path


def _write(path: str, pieces, command: str = "verify") -> bool:
    """Write `pieces` to `path` atomically; False, with a message on standard error, if it cannot be written."""
    from verify.io import write_atomically

    try:
        write_atomically(path, pieces)
        return True
    except OSError as exc:
        print(f"{command}: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return False


def _github_summary(report, written: tuple[str, ...], logged: bool) -> None:
    """Annotations past GitHub's cap go to the job summary, when the runner gives one, within
    what is left of the size GitHub keeps of it."""
    from verify.report import as_github

    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    try:
        budget = as_github.SUMMARY_LIMIT - (os.path.getsize(summary) if os.path.exists(summary) else 0)
        overflow = as_github.overflow(report, budget, written, logged)
        if overflow:
            with open(summary, "a", encoding="utf-8") as f:
                f.write(overflow)
    except OSError as exc:
        print(f"verify: cannot write the step summary {summary}: {exc.strerror or exc}", file=sys.stderr)


def _rates(args: argparse.Namespace) -> int:
    from verify.rates import RateBook, RateError
    from verify.rates.refresh import refresh

    try:
        if args.action == "refresh":
            table = refresh(args.source, args.into, allow_older=args.allow_older)
            print(f"{table.path}: {len(table.currencies)} currencies, {table.first_day} to {table.last_day}")
            return 0
        book = RateBook.from_folder(args.rates) if args.rates else RateBook.bundled()
        for spec in book.specs:
            table = book.table(spec)
            print(f"{spec.name}: {table.title} ({table.attribution or 'no attribution given'})")
            print(f"  file: {table.path}")
            print(f"  days: {table.first_day} to {table.last_day}, anchor {table.anchor}")
            print(f"  currencies: {', '.join(table.currencies)}")
        return 0
    except RateError as exc:
        print(f"verify rates: {exc}", file=sys.stderr)
        return 2


def _describe(args: argparse.Namespace, command: str) -> int:
    from verify.config import ConfigError, discover
    from verify.rules.catalogue import catalogue

    try:
        infos = catalogue(discover(["."], args.config))
    except ConfigError as exc:
        print(f"verify: {exc}", file=sys.stderr)
        return 2
    if command == "rules":
        width = max(len(i.id) for i in infos)
        for info in infos:
            origin = f"  [{info.origin}]" if info.origin != "built-in" else ""
            print(f"{info.id:<{width}}  {info.summary}{origin}")
        return 0
    known = {i.id: i for i in infos}
    info = known.get(args.rule) or known.get(args.rule.split(".")[0])
    if info is None:
        from verify.claimfile.schema import unknown

        print(f"verify explain: {unknown(args.rule, tuple(known), 'rule')}", file=sys.stderr)
        return 2
    print(f"{args.rule}: {info.summary}\n")
    if info.explain:
        print(info.explain + "\n")
    if info.readings:
        print(info.readings + "\n")
    if info.example:
        print("Example:\n" + "\n".join(f"    {line}" for line in info.example.splitlines()))
    if info.origin != "built-in":
        print(f"\nFrom the {info.origin}.")
    return 0


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes: write --jobs 2, or --jobs 1 for none")
    return int(text)


def _names(values: list[str] | None) -> list[str] | None:
    if not values:
        return None
    return [name.strip() for value in values for name in value.split(",") if name.strip()]


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


if __name__ == "__main__":
    sys.exit(main())
