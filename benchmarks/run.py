"""Measure verify: start-up, the project corpus, and synthetic corpora of growing size.

Prints figures, not pass/fail. Every figure is the median of --repeat runs of a
fresh process, the runs of compared commands taken in turns. Memory is shown two ways:
the peak RSS of the largest process (os.wait4), and the peak of the PSS summed over the
run's process and those it forks (sampled from /proc), which counts each page once,
shared or not: what the run holds in all. The floor is reading the same files with tomllib
and nothing else: what any TOML-based checker must pay.

    python benchmarks/run.py                   # 1k, 10k and 100k claims
    python benchmarks/run.py --sizes 1000 --repeat 3
    python benchmarks/run.py --sizes 100000 --repeat 3 --busy 1   # another core kept busy
    python benchmarks/run.py --shapes --repeat 1     # every adversarial shape at n and 10n
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_corpus  # noqa: E402
from shapes import SHAPES  # noqa: E402

FLOOR = ("import sys, tomllib, pathlib\n"
         "for p in sorted(pathlib.Path(sys.argv[1]).rglob('*.toml')):\n"
         "    tomllib.loads(p.read_text(encoding='utf-8'))\n")
# Sharper floors: tomli (tomllib's code compiled, what verify reads with), and tomli plus a
# minimal reading of every value (hedge word, number, scale word, currency symbol) into
# an exact number: what any checker of these files must at least do.
FLOOR_TOMLI = FLOOR.replace("tomllib", "tomli")
FLOOR_VALUES = FLOOR_TOMLI.replace("    tomli.loads(p.read_text(encoding='utf-8'))\n", """\
    for c in tomli.loads(p.read_text(encoding='utf-8')).get('claim', ()):
        m = VALUE.match(c.get('value', ''))
        if m:
            n = Fraction(m['n'].replace(',', '')) * SCALE.get((m['s'] or '').strip().lower(), 1)
""").replace("import sys, tomli, pathlib\n", """\
import sys, tomli, pathlib, re
from fractions import Fraction
VALUE = re.compile(r"(?:(?:about|around|nearly|over|more than|some|up to|roughly|just under|under) )?"
                   r"(?:RMB |US|HK|CN|JP)?[$€£¥]?(?P<n>[0-9][0-9,]*(?:[.][0-9]+)?)(?P<s> ?(?:bn|billion|million|m|k|%))?")
SCALE = {'bn': 10**9, 'billion': 10**9, 'million': 10**6, 'm': 10**6, 'k': 1000, '%': Fraction(1, 100)}
""")


def _descendants(root: int) -> list[int]:
    """`root` and every process under it, from each process's parent in /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as f:
                    stat = f.read()
            except OSError:
                continue
            parent = int(stat[stat.rindex(b")") + 2:].split(None, 2)[1])
            parents.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(parents.get(pid, ()))
    return found


def _pss(pid: int) -> int:
    """The proportional set size of `pid` in bytes (0 once it is gone): each page shared
    by n processes counts 1/n to each, so a sum over processes counts every page once."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class SummedPss(threading.Thread):
    """The peak, over the life of a run, of the PSS summed over its process and those it
    forked, sampled every `interval` seconds: the memory the run holds in all. Zero
    where /proc has no smaps_rollup (not Linux, or a kernel before 4.14)."""

    def __init__(self, pid: int, interval: float = 0.05):
        super().__init__(daemon=True)
        self.pid, self.interval, self.peak = pid, interval, 0
        self.done = threading.Event()
        self.start()

    def run(self) -> None:
        if not os.path.exists(f"/proc/{self.pid}/smaps_rollup"):
            return
        while not self.done.wait(self.interval):
            self.peak = max(self.peak, sum(_pss(pid) for pid in _descendants(self.pid)))

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.peak


def measure(commands: list[list[str]], repeat: int, ok: tuple[int, ...] = (0, 1)) -> list[tuple[float, int, float]]:
    """Median wall seconds, largest peak RSS (bytes) and median CPU seconds (user and
    system, with the processes a run forks) of each command over `repeat` fresh runs,
    taken in turns: a slow spell of a noisy machine then falls on every command alike,
    and the ratios between them hold better than their seconds."""
    return [figures[:3] for figures in measure_all(commands, repeat, ok)]


def measure_all(commands: list[list[str]], repeat: int, ok: tuple[int, ...] = (0, 1),
                pss: bool = False) -> list[tuple[float, int, float, int]]:
    """`measure`, and with `pss` the largest peak of PSS summed over a run's processes
    (bytes; sampling them costs the run a little CPU, so only where asked)."""
    times: list[list[float]] = [[] for _ in commands]
    peaks: list[list[int]] = [[] for _ in commands]
    cpus: list[list[float]] = [[] for _ in commands]
    summed: list[list[int]] = [[] for _ in commands]
    for _ in range(repeat):
        for i, argv in enumerate(commands):
            start = time.perf_counter()
            child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            sampler = SummedPss(child.pid) if pss else None
            # The sampler must not outlive the run's pid: stop it before reaping.
            os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)
            summed[i].append(sampler.stop() if sampler is not None else 0)
            _, status, usage = os.wait4(child.pid, 0)
            times[i].append(time.perf_counter() - start)
            child.returncode = os.waitstatus_to_exitcode(status)
            if child.returncode not in ok:
                raise SystemExit(f"benchmark: {' '.join(argv)} exited {child.returncode}")
            peaks[i].append(usage.ru_maxrss * (1 if sys.platform == "darwin" else 1024))
            cpus[i].append(usage.ru_utime + usage.ru_stime)
    return [(statistics.median(t), max(p), statistics.median(c), max(s))
            for t, p, c, s in zip(times, peaks, cpus, summed)]


def compiled() -> None:
    """Compile verify's modules first, as installing it does: where bytecode is not
    written (PYTHONDONTWRITEBYTECODE), each run would otherwise compile them again."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("verify")
    if spec is not None and spec.origin:
        compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)


def verify_command() -> list[str]:
    found = shutil.which("verify", path=str(Path(sys.executable).parent))
    return [found] if found else [sys.executable, "-m", "verify"]


def small_runs(repeat: int, corpus: Path | None) -> list[tuple[str, float]]:
    verify = verify_command()
    runs = [("python -c pass", [sys.executable, "-c", "pass"]),
            ("verify --version", [*verify, "--version"]),
            ("verify --help", [*verify, "--help"])]
    if corpus is not None and corpus.is_dir():
        runs.append((f"verify {corpus.name}/ (project corpus)", [*verify, str(corpus)]))
    figures = measure([argv for _, argv in runs], repeat)
    return [(name, wall) for (name, _), (wall, _, _) in zip(runs, figures)]


def corpus_runs(sizes: list[int], repeat: int, work: Path) -> list[dict]:
    verify = verify_command()
    rows = []
    for size in sizes:
        folder = work / f"corpus-{size}"
        if not folder.is_dir():
            write_corpus(size, folder)
        (floor, *_), (tomli, *_), (values, *_), (wall, peak, cpu, pss), (single, peak1, cpu1, pss1) = measure_all(
            [[sys.executable, "-c", FLOOR, str(folder)],
             [sys.executable, "-c", FLOOR_TOMLI, str(folder)],
             [sys.executable, "-c", FLOOR_VALUES, str(folder)],
             [*verify, str(folder), "--format", "json", "--output", os.devnull],
             [*verify, str(folder), "--format", "json", "--output", os.devnull, "--jobs", "1"]], repeat, pss=True)
        rows.append({"size": size, "wall": wall, "peak": peak, "cpu": cpu, "pss": pss, "floor": floor,
                     "tomli": tomli, "values": values, "single": single, "peak1": peak1, "cpu1": cpu1,
                     "pss1": pss1})
    return rows


def shape_runs(names: list[str], repeat: int) -> int:
    """Each shape at its n and at 10n, one process, and the ratio of the times (linear: about 10)."""
    verify = verify_command()
    print("\n| shape | n | time | 10n | time | ratio |\n|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory(prefix="verify-shapes-") as work:
        for name in names:
            writer, n = SHAPES[name]
            commands = []
            for size in (n, 10 * n):
                folder = Path(work) / f"{name}-{size}"
                writer(size, folder)
                commands.append([*verify, str(folder), "--jobs", "1", "--format", "json", "--output", os.devnull])
            (small, _, _), (large, _, _) = measure(commands, repeat, ok=(0, 1, 2))
            print(f"| {name} | {n:,} | {small:.2f} s | {10 * n:,} | {large:.2f} s | ×{large / small:.1f} |",
                  flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 100000],
                        help="claims per corpus; none: the small runs only")
    parser.add_argument("--repeat", type=int, default=5, help="runs per figure; the median is shown")
    parser.add_argument("--work", help="where generated corpora are kept between runs (default: a temp folder)")
    parser.add_argument("--corpus", default=str(HERE.parent / "claims"), help="the project corpus")
    parser.add_argument("--busy", type=int, default=0, metavar="N",
                        help="keep N other processes spinning while the corpora run (a busy machine)")
    parser.add_argument("--shapes", nargs="*", metavar="SHAPE",
                        help="time adversarial shapes of corpus (all, or those named) at n and 10n instead")
    args = parser.parse_args(argv)
    if args.shapes is not None:
        compiled()
        return shape_runs(args.shapes or list(SHAPES), args.repeat)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
          f"Python {platform.python_version()}; load average {os.getloadavg()[0]:.2f}")
    compiled()
    small = small_runs(args.repeat, Path(args.corpus))
    base = small[0][1]
    print("\n| small run | median | vs python -c pass |\n|---|---|---|")
    for name, seconds in small:
        print(f"| {name} | {seconds * 1000:.0f} ms | {seconds / base:.1f}× |")

    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="verify-bench-"))
    spinning = [subprocess.Popen([sys.executable, "-c", "while 1: pass"]) for _ in range(args.busy)]
    try:
        rows = corpus_runs(args.sizes, args.repeat, work)
    finally:
        for spinner in spinning:
            spinner.kill()
            spinner.wait()
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print("\n| claims | wall | claims/s | CPU | peak RSS | summed PSS | PSS/claim | tomllib floor | vs floor |\n"
          "|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['wall']:.2f} s | {r['size'] / r['wall']:,.0f} | {r['cpu']:.2f} s | "
              f"{r['peak'] / 2**20:.0f} MiB | {r['pss'] / 2**20:.0f} MiB | {r['pss'] / r['size'] / 1024:.2f} KiB | "
              f"{r['floor']:.2f} s | {r['wall'] / r['floor']:.1f}× |")
    print("\n| claims | one process (--jobs 1) | CPU | peak RSS | PSS | tomli floor | vs tomli | read and parse values | "
          "vs that |\n|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']:,} | {r['single']:.2f} s | {r['cpu1']:.2f} s | {r['peak1'] / 2**20:.0f} MiB | "
              f"{r['pss1'] / 2**20:.0f} MiB | {r['tomli']:.2f} s | {r['single'] / r['tomli']:.1f}× | "
              f"{r['values']:.2f} s | {r['single'] / r['values']:.1f}× |")
    if args.busy:
        print(f"\n(with {args.busy} other process{'es' if args.busy > 1 else ''} spinning meanwhile)")
    print(f"load average at the end: {os.getloadavg()[0]:.2f}")
    for a, b in zip(rows, rows[1:]):
        print(f"\ntime from {a['size']:,} to {b['size']:,} claims: ×{b['wall'] / a['wall']:.1f} "
              f"(size ×{b['size'] / a['size']:.0f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
