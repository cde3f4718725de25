"""Hostile input, measured: build each case in a folder of its own, run `verify` on it in
a fresh process and print its exit code, wall time and peak memory as a table.

A case passes when the run exits 0, 1 or 2, prints a report or a problem and no
traceback, takes under 2 s and peaks under 200 MB; the cases that grow with a count
(many checks, many bad values, ...) run at 2,000 and 8,000 entries and should scale
linearly. Runs use `--jobs 1`, so the figures are one process's.

    python benchmarks/hostile.py                      # every case
    python benchmarks/hostile.py --work /tmp/hostile  # keep the folders
    python benchmarks/hostile.py --repeat 3 quote     # cases whose name holds "quote"
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

SECONDS = 2.0
MEGABYTES = 200

HEAD = """[source]
id = "s"
published = 2025-02-24

[[claim]]
id = "a"
entity = "E"
metric = "revenue"
period = "2024-Q4"
value = "$10 billion"
"""


def claim(cid: str = "b", value: str = "$20 billion", extra: str = "", metric: str = "revenue",
          time_line: str = 'period = "2024-Q4"') -> str:
    return f'\n[[claim]]\nid = "{cid}"\nentity = "E"\nmetric = "{metric}"\n{time_line}\nvalue = "{value}"\n{extra}'


def check(expr: str) -> str:
    return f'\n[[check]]\nid = "k"\nexpr = "{expr}"\n'


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def claims_file(folder: Path, extra: str = "") -> list[str]:
    write(folder / "c.toml", HEAD + extra)
    return [str(folder)]


def project(folder: Path, config: str, name: str = "verify.toml") -> list[str]:
    write(folder / "claims" / "c.toml", HEAD)
    write(folder / name, config)
    return [str(folder / "claims")] + (["--config", str(folder / name)] if name != "verify.toml" else [])


def ecb_csv(days: int) -> str:
    """An ECB-shaped history, newest first, each line ending in a comma."""
    lines = ["Date,USD,JPY,GBP,"]
    for d in reversed(range(days)):
        lines.append(f"{date(2025, 1, 1) + timedelta(days=d)},{1 + d / 1000:.4f},{160 + d / 10:.4f},0.8300,")
    return "\n".join(lines) + "\n"


def rates_into(folder: Path, days: int = 30) -> Path:
    return write(folder / "rates" / "eurofxref-hist.csv", ecb_csv(days)).parent


# -- the cases: each writes its files and returns verify's arguments ----------------

def many(kind: str, n: int) -> Callable[[Path], list[str]]:
    """n entries of one kind of mistake or work in a single claim file."""
    def build(folder: Path) -> list[str]:
        def entry(i: int, value: str = "$10 billion", key: str = "value") -> str:
            return f'[[claim]]\nid = "c{i}"\nentity = "E{i}"\nmetric = "revenue"\nperiod = "2024-Q4"\n{key} = "{value}"\n\n'
        head = '[source]\nid = "s"\npublished = 2025-02-24\n\n'
        if kind == "checks":
            body = [entry(i) for i in range(n)] + [f"[[check]]\nid = \"k{i}\"\nexpr = \"c{i} == '$10 billion'\"\n\n"
                                                   for i in range(n)]
        elif kind == "bad values":
            body = [entry(i, "ten zillion bucks") for i in range(n)]
        elif kind == "misspelt fields":
            body = [entry(i, key="vaule") for i in range(n)]
        else:  # misspelt references: checks naming claims that are not there, among many claims
            body = [entry(i) for i in range(n)] + [f"[[check]]\nid = \"k{i}\"\nexpr = \"c{i}x == '$10 billion'\"\n\n"
                                                   for i in range(n // 8)]
        write(folder / "c.toml", head + "".join(body))
        return [str(folder)]
    return build


def refs_over_files(n: int, bad: int) -> Callable[[Path], list[str]]:
    """n claims in files of 100, and `bad` checks naming a misspelt claim of another file."""
    def build(folder: Path) -> list[str]:
        for f in range(n // 100):
            text = f'[source]\nid = "s{f}"\npublished = 2025-02-24\n'
            text += "".join(claim(f"c{i}", "$10 billion").replace('"E"', f'"E{f}-{i}"') for i in range(100))
            if f == 0:
                text += "".join(f"\n[[check]]\nid = \"k{j}\"\nexpr = \"s{j % (n // 100)}.c{j % 100}q == 1\"\n"
                                for j in range(bad))
            write(folder / f"s{f:04d}.toml", text)
        return [str(folder)]
    return build


def big_quote(chars: int) -> Callable[[Path], list[str]]:
    return lambda folder: claims_file(folder, claim(extra=f'quote = "{"q" * chars}"\n'))


def multiline_notes(chars: int) -> Callable[[Path], list[str]]:
    line = "a note of the kind a reporter keeps, " * 2 + "\n"
    notes = line * (chars // len(line))
    return lambda folder: claims_file(folder, claim(extra=f'note = """\n{notes}"""\n'))


def symlink_loop_beside(folder: Path) -> list[str]:
    claims_file(folder)
    (folder / "loop.toml").symlink_to("loop.toml")
    return [str(folder)]


def symlink_loop_first(folder: Path) -> list[str]:
    claims_file(folder)
    (folder / "loop.toml").symlink_to("loop.toml")
    return [str(folder / "loop.toml"), str(folder / "c.toml")]


def fifo(folder: Path) -> list[str]:
    claims_file(folder)
    os.mkfifo(folder / "p.toml")
    return [str(folder)]


def non_utf8_name(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    (folder / os.fsdecode(b"bad\xff.toml")).write_text(HEAD + "bogus = 1\n", encoding="utf-8")
    return [str(folder), "--output", str(folder.parent / f"{folder.name}.out")]


def over_the_cap(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    with open(folder / "c.toml", "wb") as f:
        f.write(HEAD.encode())
        f.write((b"#" * 1023 + b"\n") * (65 << 10))  # 65 MiB of comments
    return [str(folder)]


def source_hijack(folder: Path) -> list[str]:
    claims_file(folder, claim())
    write(folder / "0.toml", '[source]\nid = "s"\n')
    return [str(folder)]


def acknowledge_elsewhere(folder: Path) -> list[str]:
    claims_file(folder, claim())
    write(folder / "other.toml", '[source]\nid = "t"\npublished = 2025-02-24\n\n[[acknowledge]]\nrule = "agreement"\n'
          'claims = ["s.a", "s.b"]\nreason = "silencing another file"\n')
    return [str(folder)]


def output_over(target: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        if target == "claim file":
            return claims_file(folder) + ["--output", str(folder / "c.toml")]
        write(folder / "article.txt", "E's revenue was $10 billion in the fourth quarter.\n")
        text = HEAD.replace('published = 2025-02-24\n', 'published = 2025-02-24\ntext = "article.txt"\n')
        write(folder / "c.toml", text)
        return [str(folder), "--output", str(folder / "article.txt")]
    return build


INJECTION = ('E said \\"\\n::error file=.github/workflows/ci.yml,line=1::pwned\\n\\u001b[31mred\\u001b[0m'
             '\\u001b]8;;https://example.com\\u0007link\\u001b]8;;\\u0007\\u0000\\u007f\\u202e\\"')


def injected(fmt: str) -> Callable[[Path], list[str]]:
    """A quote and an entity that try to start a CI workflow command and to reach the terminal."""
    def build(folder: Path) -> list[str]:
        extra = claim(extra=f'quote = "{INJECTION}"\n').replace('entity = "E"', f'entity = "E{INJECTION}"')
        extra += claim("c", extra=f'quote = "{INJECTION}"\n').replace('entity = "E"', f'entity = "E{INJECTION}"')
        return claims_file(folder, extra.replace('value = "$20 billion"', 'value = "$30 billion"', 1)) + ["--format", fmt]
    return build


def lying_zip(folder: Path) -> list[str]:
    """A zip whose entry says 1,000 bytes and inflates to 80 MiB."""
    rates = rates_into(folder)
    bomb = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = bomb.compress(b"0" * (80 << 20)) + bomb.flush()
    name = b"eurofxref-hist.csv"
    crc, claimed = zlib.crc32(b"0" * 1000), 1000
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), claimed, len(name), 0) + name
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), claimed,
                          len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    (folder / "new.zip").write_bytes(local + data + central + end)
    return ["rates", "refresh", str(folder / "new.zip"), "--into", str(rates)]


def damaged_zip(folder: Path) -> list[str]:
    rates = rates_into(folder)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("eurofxref-hist.csv", ecb_csv(60))
    good = buffer.getvalue()
    (folder / "new.zip").write_bytes(good[:len(good) * 60 // 100])
    return ["rates", "refresh", str(folder / "new.zip"), "--into", str(rates)]


def cut_csv(folder: Path) -> list[str]:
    """A newest-first history cut at a line boundary: it would replace years with days."""
    rates = rates_into(folder, days=400)
    write(folder / "cut.csv", "".join(ecb_csv(400).splitlines(keepends=True)[:6]))
    return ["rates", "refresh", str(folder / "cut.csv"), "--into", str(rates)]


def rates_folder(sources: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        write(folder / "rates" / "r.csv", "Date,USD,JPY,\n2025-01-03,1.0323,162.88,\n")
        write(folder / "rates" / "sources.toml", sources)
        return claims_file(folder / "claims") + ["--rates", str(folder / "rates")]
    return build


def pack(text: str) -> Callable[[Path], list[str]]:
    def build(folder: Path) -> list[str]:
        write(folder / "pack.toml", text)
        return project(folder, f'packs = ["{folder / "pack.toml"}"]\n')
    return build


def full_disk(folder: Path) -> list[str]:
    return claims_file(folder)


DEEP = "x = " + "[" * 1100 + "]" * 1100 + "\n"
CHAIN = "1" + "+1" * 997 + " == 1"

# name: (what it is, how it is built, whether standard output goes to /dev/full)
CASES: dict[str, tuple[str, Callable[[Path], list[str]]]] = {
    "quoted_garbage": ("a check comparing with a quoted value that is no figure ('garbage')",
                       lambda f: claims_file(f, check("a == 'garbage'"))),
    "quoted_yen": ("a check comparing with an ambiguous currency symbol ('¥5')", lambda f: claims_file(f, check("a == '¥5'"))),
    "big_int": ("a check with 1e4400", lambda f: claims_file(f, check("1e4400 == 1"))),
    "exponent": ("a check with 1e999999999", lambda f: claims_file(f, check("1e999999999 == 1"))),
    "tiny_exponent": ("a check with 1e-999999999", lambda f: claims_file(f, check("a == 1e-999999999"))),
    "product_chain": ("a check multiplying 1e99 by itself 150 times",
                      lambda f: claims_file(f, check("a == " + " * ".join(["1e99"] * 150)))),
    "chain": ("a check of 998 terms (1+1+...+1)", lambda f: claims_file(f, check(CHAIN))),
    "big_money": ("money with 31 significant digits, in a finding", lambda f: claims_file(
        f, claim(value="$9999999999999999999999999999999 billion"))),
    "bad_grouping": ("26 digits with wrong thousands grouping", lambda f: claims_file(
        f, claim(value="1,0000000000000000000000000"))),
    "many_digits": ("an integer of 5,000 digits in the TOML", lambda f: claims_file(f, "x = " + "1" * 5000 + "\n")),
    "unit_tower": ("a unit raised to a tower of powers (km^9^9^9)", lambda f: claims_file(
        f, claim(value="5 km^9^9^9", metric="distance", time_line='period = "2024"'))),
    "precision": ("precision = 1e999999999", lambda f: claims_file(f, claim(extra='precision = "1e999999999"\n'))),
    "other_digits": ("a value in Arabic-Indic digits", lambda f: claims_file(f, claim(value="$٥ billion"))),
    "year_one": ("dates at 0001-01-01 with a change since one month before", lambda f: claims_file(
        f, claim(value="up 5%", metric="market_cap", time_line="as_of = 0001-01-01",
                 extra='change = "percent"\nsince = "-1 month"\n')
        + claim("c", value="$5", metric="market_cap", time_line="as_of = 0001-01-01"))),
    "deep_toml": ("TOML arrays nested 1,100 deep", lambda f: claims_file(f, DEEP)),
    "table_typo": ("a misspelt [[claims]] table", lambda f: claims_file(f, '\n[[claims]]\nid = "b"\n')),
    "source_hijack": ("a two-line file taking another file's source id", source_hijack),
    "acknowledge_elsewhere": ("an acknowledgement in one file naming another file's claims", acknowledge_elsewhere),
    "symlink_loop": ("a symlink loop beside a claim file", symlink_loop_beside),
    "symlink_loop_first": ("a symlink loop as the first path", symlink_loop_first),
    "fifo": ("a FIFO named p.toml among the claim files", fifo),
    "non_utf8_name": ("a file name that is not UTF-8, with --output", non_utf8_name),
    "over_the_cap": ("a claim file of 65 MiB", over_the_cap),
    "quote_10mb": ("a quote of 10 million characters", big_quote(10_000_000)),
    "quote_50mb": ("a quote of 50 million characters", big_quote(50_000_000)),
    "note_20mb": ("a multi-line note of 20 MB", multiline_notes(20_000_000)),
    "injection_text": ("a quote and entity holding a newline, ::error, ANSI/OSC escapes (text report)",
                       injected("text")),
    "injection_github": ("the same, as GitHub annotations", injected("github")),
    "injection_markdown": ("the same, as Markdown", injected("markdown")),
    "output_over_claims": ("--output naming the claim file", output_over("claim file")),
    "output_over_article": ("--output naming the article text a claim file names", output_over("article")),
    "stdout_full": ("the report to a full disk (/dev/full)", full_disk),
    "config_type": ("a config with strict = 5 for a hedge", lambda f: project(f, "[hedges.about]\nstrict = 5\n")),
    "config_exponent": ("a config with loose-min-relative = 1e-999999999",
                        lambda f: project(f, 'loose-min-relative = "1e-999999999"\n')),
    "config_deep": ("a config nested 1,100 deep", lambda f: project(f, DEEP)),
    "pack_dev_zero": ("a config naming /dev/zero as a rule pack", lambda f: project(f, 'packs = ["/dev/zero"]\n')),
    "vocabulary_dev_zero": ("a config naming /dev/zero as a vocabulary",
                            lambda f: project(f, 'vocabularies = ["/dev/zero"]\n')),
    "pyproject_type": ("a pyproject.toml with [tool] verify = 5", lambda f: project(f, "[tool]\nverify = 5\n",
                                                                                     "pyproject.toml")),
    "pack_type": ("a rule pack with pack = 5", pack('pack = 5\n[[identity]]\nid = "x"\nexpr = "a == b"\n')),
    "pack_exponent": ("a rule pack whose identity holds 1e999999999",
                      pack('[[identity]]\nid = "x"\nexpr = "a == 1e999999999 * b"\n')),
    "pack_deep": ("a rule pack nested 1,100 deep", pack(DEEP)),
    "sources_type": ("a rates sources.toml with source = 5", rates_folder("source = 5\n")),
    "sources_deep": ("a rates sources.toml nested 1,100 deep", rates_folder(DEEP)),
    "sources_outside": ("a rates sources.toml naming a file outside its folder",
                        rates_folder('[[source]]\nname = "L"\nfile = "../../etc/passwd"\n')),
    "zip_bomb": ("rates refresh: a zip whose 1,000-byte entry inflates to 80 MiB", lying_zip),
    "zip_cut": ("rates refresh: a zip cut at 60%", damaged_zip),
    "csv_cut": ("rates refresh: a newest-first CSV cut to 5 days", cut_csv),
}
for _kind, _name in (("checks", "checks"), ("bad values", "bad_values"), ("misspelt fields", "vaule"),
                     ("unknown refs", "unknown_refs")):
    for _n in (2000, 8000):
        CASES[f"{_name}_{_n}"] = (f"{_n:,} {_kind} in one file", many(_kind, _n))
CASES["refs_20000"] = ("20,000 claims in 200 files, 1,000 checks naming misspelt claims", refs_over_files(20_000, 1000))

TO_DEV_FULL = {"stdout_full"}


# verify's main() in a fresh interpreter that writes its own peak memory (VmHWM: this
# process's, not the high-water mark its parent's fork left in ru_maxrss) to a file.
RUNNER = """
import os, sys
from verify.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
with open("/proc/self/status") as status:
    peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
with open(os.environ["HOSTILE_PEAK"], "w") as out:
    out.write(str(peak))
sys.exit(code)
"""


def run(name: str, argv: list[str]) -> tuple[int, float, float, str]:
    """Exit code, wall seconds (interpreter start-up included), peak RSS in MB and
    everything the run said."""
    command = [sys.executable, "-c", RUNNER]
    if argv[:1] != ["rates"]:
        command.append("--jobs=1")
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err, \
            tempfile.NamedTemporaryFile("r") as peak:
        target = open("/dev/full", "wb") if name in TO_DEV_FULL else out
        try:
            start = time.perf_counter()
            done = subprocess.run(command + argv, stdout=target, stderr=err,
                                  env={**os.environ, "HOSTILE_PEAK": peak.name})
            seconds = time.perf_counter() - start
        finally:
            if target is not out:
                target.close()
        out.seek(0)
        err.seek(0)
        said = out.read().decode("utf-8", "replace") + err.read().decode("utf-8", "replace")
        kilobytes = peak.read()
    if "--output" in argv:  # the report went there
        written = Path(argv[argv.index("--output") + 1])
        if written.is_file() and not written.name.endswith((".toml", ".txt")):
            said += written.read_text(encoding="utf-8", errors="replace")
    return done.returncode, seconds, int(kilobytes) / 1024 if kilobytes else float("nan"), said


def verdict(name: str, code: int, seconds: float, megabytes: float, said: str) -> str:
    """'ok', or what is wrong with the run."""
    wrong = []
    if code not in (0, 1, 2):
        wrong.append(f"exit {code}")
    if "Traceback" in said:
        wrong.append("traceback")
    if not said.strip():
        wrong.append("said nothing")
    if name.startswith("injection"):
        for line in said.splitlines():
            if any(ord(c) < 32 and c != "\t" or 0x7F <= ord(c) < 0xA0 for c in line):
                wrong.append("a control character")
                break
            if line.startswith("::error file=.github") or name != "injection_github" and line.startswith("::"):
                wrong.append("a workflow command")
                break
    scaling = name.rsplit("_", 1)[-1].isdigit()
    if not scaling and seconds >= SECONDS:
        wrong.append(f"over {SECONDS:g} s")
    if megabytes >= MEGABYTES:
        wrong.append(f"over {MEGABYTES} MB")
    return ", ".join(wrong) or "ok"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="run only the cases whose name holds one of these")
    parser.add_argument("--work", type=Path, help="build the cases here and keep them (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per case; the median time is shown")
    args = parser.parse_args(argv)
    names = [n for n in CASES if not args.names or any(part in n for part in args.names)]
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        print("| case | what it is | exit | time | peak | |")
        print("|---|---|---|---|---|---|")
        failed = 0
        for name in names:
            what, build = CASES[name]
            folder = work / name
            if folder.exists():
                shutil.rmtree(folder)
            argv_ = build(folder)
            runs = [run(name, argv_) for _ in range(args.repeat)]
            code, _, _, said = runs[-1]
            seconds = statistics.median(r[1] for r in runs)
            megabytes = max(r[2] for r in runs)
            result = verdict(name, code, seconds, megabytes, said)
            failed += result != "ok"
            print(f"| {name} | {what} | {code} | {seconds:.2f} s | {megabytes:.0f} MB | {result} |", flush=True)
            if result != "ok":
                print("    " + said[:600].replace("\n", "\n    "), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
