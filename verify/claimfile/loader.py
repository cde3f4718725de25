"""Reading claim files into a Corpus, with a located, actionable problem for every mistake.

A problem never stops the rest: a bad claim leaves its file's other claims
loaded, and a bad file leaves the other files loaded.
"""

from __future__ import annotations

import errno
import re
from datetime import date
from fractions import Fraction
from pathlib import Path
from sys import intern
from typing import Any, Callable, Iterable, Iterator

import attrs
import tomli

from verify import collector, expressions, failure, parallel, suggest, tomltext
from verify.claimfile import schema
from verify.claimfile.discover import MAX_FILE_BYTES, claim_files
from verify.claimfile.positions import Positions, scan
from verify.claimfile import spelling
from verify.entities import placed
from verify.errors import InputError
from verify.exact import Exact, NumberTextError
from verify.io import read_bytes
from verify.progress import counted
from verify.record import Record
from verify.sourcetext import Article, ArticleError, read_article
from verify.model import (
    Acknowledgement,
    Check,
    Claim,
    built_claim,
    converted_claim,
    Corpus,
    line_location,
    Location,
    Problem,
    Source,
    resolve_ref,
    restored_claim,
    to_change,
    to_date,
    to_id,
    to_period,
    to_since,
)
from verify.periods import Period
from verify.values import Value, parse_value


class _File(Record):
    """What one file yields; refs are checked once every file is read."""

    __slots__ = ("path", "source", "claims", "checks", "acknowledgements", "problems", "broken", "article")

    def __init__(self, path: str, problems: list[Problem] | None = None) -> None:
        self.path = path
        self.source: Source | None = None
        self.claims: list[Claim] = []
        self.checks: list[Check] = []
        self.acknowledgements: list[Acknowledgement] = []
        self.problems = [] if problems is None else problems
        self.broken: set[str] = set()  # ids of claims that failed to load
        self.article: Article | None = None  # the source's text, where it names one


# Below this many bytes of claim files (about 4,500 claims), forking costs more than it saves.
SHARED_LOAD_BYTES = 512 * 1024
# The share of the files a child reads: less than half, as it also pickles what it read,
# and this process, having read the rest, unpickles it.
CHILD_SHARE = 0.45


@collector.paused
def load(paths: list[str] | str = "claims", *, config=None, jobs: int = 1,
         texts: dict[str, str] | None = None, read_values: dict | None = None, progress=None) -> Corpus:
    """Every claim file under `paths`, checked for everything that can be checked alone.

    `texts` maps a file's path (as found under `paths`) to text that stands for what is on
    disk: an editor's unsaved buffer. A path in it that is not found under `paths` is read too.
    `read_values`, a dict kept by a caller that loads again and again (the language
    server), keeps the values read, so that only new value strings are parsed.
    `progress(stage, done, total)` is called as files are read (see `verify.progress`).

    `config` (a `verify.config.Config`) supplies the project's hedge table. With `jobs`
    above 1 and enough claim files, a process forked from this one reads the later files
    while this one reads the first (where the platform can fork); the corpus is the
    same either way.
    """
    if isinstance(paths, (str, Path)):
        paths = [str(paths)]
    lexicon = config.lexicon if config is not None else None
    files, problems = claim_files([str(p) for p in paths])
    if texts:
        found = {str(f) for f in files}
        files += [Path(p) for p in texts if p not in found]
        jobs = 1
    values = _Values(lexicon, read_values)
    tick = counted(progress, "reading", len(files))
    split = _child_share_from(files) if jobs > 1 else len(files)
    child = parallel.start(lambda: _read_in_child(files[split:], lexicon)) if split < len(files) \
        else parallel.Pending()
    with child:
        loaded = []
        for path in files[:split]:
            loaded.append(read_file(path, values) if texts is None or str(path) not in texts
                          else read_text(str(path), texts[str(path)], values))
            tick()
        handed = child.results()
        read = next(handed, None)
        if read is not None:
            theirs = values.seed(read)
            for item in handed:
                loaded.append(_unpacked(item, theirs, values))
                tick()
    # What a child did not hand over (it failed, or there was none) is read here.
    for path in files[len(loaded):]:
        loaded.append(read_file(path, values))
        tick()
    return assemble(loaded, problems, config)


def assemble(loaded: list[_File], problems: list[Problem], config=None) -> Corpus:
    """The corpus of files read one by one: ids made unique, references resolved across files,
    entities named as the config's `[entities]` names them, fiscal periods placed in their
    calendars, and names a typo away from known ones refused (`config`: a `verify.config.Config`)."""
    from verify.config import Config

    config = config if config is not None else Config()
    problems = [*problems, *(p for f in loaded for p in f.problems)]
    sharing: dict[str, list[_File]] = {}
    for f in loaded:
        if f.source is not None:
            sharing.setdefault(f.source.id, []).append(f)
    kept: set[int] = set()
    for files in sharing.values():
        winner = _id_keeper(files)
        if winner is not None:
            kept.add(id(winner))
        problems.extend(_shared_id_problem(f, files, winner) for f in files if f is not winner)

    good = [f for f in loaded if id(f) in kept]
    read = tuple(c for f in good for c in f.claims)
    claims, unplaced = placed(read, config.entities)
    problems.extend(unplaced)
    misspelt = spelling.misspelt_metrics(claims, config.vocabulary.metrics())
    if misspelt:
        problems.extend(misspelt.values())
        claims = tuple(c for c in claims if c.ref not in misspelt)
    known = _KnownRefs(claims)
    broken = {f"{f.source.id}.{i}" for f in good for i in f.broken}
    if len(claims) < len(read):  # refs are unique, so those of claims left out, if any
        broken |= {c.ref for c in read} - known.refs
    checks: list[Check] = []
    for f in good:
        for check in f.checks:
            missing, runnable = _unresolved(expressions.refs(check.tree), f.source.id, known, broken,
                                            check.location)
            problems.extend(missing)
            if runnable:
                checks.append(check)
    acknowledgements = []
    for f in good:
        for ack in f.acknowledgements:
            missing, usable = _unresolved([expressions.Ref(r, None) for r in ack.claims], f.source.id,
                                          known, broken, ack.location)
            problems.extend(missing)
            refs = tuple(resolve_ref(r, f.source.id) for r in ack.claims)
            if usable and not any(r.startswith(f.source.id + ".") for r in refs):
                # Else any file could silence any other's findings, unseen by whoever edits that one.
                problems.append(Problem(ack.location, "an acknowledgement must name a claim of the file it stands in: "
                                        f"move it to the file of {', '.join(refs)}"))
            elif usable:
                wrong = spelling.unknown_rule(ack, rule_ids(config, checks))
                if wrong is not None:
                    problems.append(wrong)
                else:
                    acknowledgements.append(attrs.evolve(ack, claims=refs))

    return Corpus(
        sources=tuple(f.source for f in good),
        claims=tuple(claims),
        checks=tuple(checks),
        acknowledgements=tuple(acknowledgements),
        problems=tuple(problems),
        files=tuple(f.path for f in loaded),
        articles={f.source.id: f.article for f in good if f.article is not None},
    )


def rule_ids(config, checks: list[Check]) -> set[str]:
    """Every rule family and id a finding can carry (but `unit.<metric>`): what an
    acknowledgement's `rule` may name."""
    from verify.rules.catalogue import catalogue, finding_ids

    below = {name for ids in finding_ids().values() for name in ids if "<metric>" not in name}
    return {info.id for info in catalogue(config)} | below | {"acknowledge"} | {c.id for c in checks}


def _id_keeper(files: list[_File]) -> _File | None:
    """Of files that give the same source id, the one that keeps it: the one holding the most
    (claims, checks, acknowledgements), never the first by name, so that a stub cannot take
    a file's id by sorting before it. None if several hold as much: neither is guessed."""
    if len(files) == 1:
        return files[0]
    sizes = [_entries(f) for f in files]
    most = max(sizes)
    return files[sizes.index(most)] if sizes.count(most) == 1 else None


def _entries(f: _File) -> int:
    return len(f.claims) + len(f.checks) + len(f.acknowledgements) + len(f.broken)


def _shared_id_problem(f: _File, files: list[_File], winner: _File | None) -> Problem:
    if winner is None:
        others = ", ".join(str(o.source.location) for o in files if o is not f)
        return Problem(f.source.location, f"source id {f.source.id!r} is also used by {others}, which holds "
                       f"as many entries ({_entries(f)}), so neither file is read: give each source its own id")
    return Problem(f.source.location, f"source id {f.source.id!r} is also used by {winner.source.location}, "
                   f"which keeps it as it holds more ({_entries(winner)} entries, this file {_entries(f)}), "
                   "so this file is not read: give this source its own id")


def _child_share_from(files: list[Path]) -> int:
    """Where the files that a child reads begin (their count if none)."""
    sizes = []
    for path in files:
        try:
            sizes.append(path.stat().st_size)
        except OSError:
            sizes.append(0)
    total = sum(sizes)
    if total < SHARED_LOAD_BYTES:
        return len(files)
    spent = 0
    for i, size in enumerate(sizes):
        if spent >= total * (1 - CHILD_SHARE):
            return i
        spent += size
    return len(files)


def _read_in_child(files: list[Path], lexicon) -> Iterator:
    """In a child: `files` read, handed over as their values, then each file packed
    (`_packed`), its claims naming their values by their place among those."""
    values = _Values(lexicon)
    read = [read_file(path, values) for path in files]
    yield list(values.read.items())
    places = {id(value): i for i, value in enumerate(values.read.values())}
    for f in read:
        yield _packed(f, places)


def _packed(f: _File, places: dict[int, int]) -> _File | tuple[_File, list[tuple]]:
    """`f` as a child hands it over: its claims as rows of plain fields, their value as its
    place in `places` (by id), their period as its text, their location as its line.

    A row pickles and is read back without a call per object, and what the parent makes of
    it shares the parent's strings, numbers and dates (`_unpacked`): 25 bytes and more a
    claim that a pickled claim would bring as copies. A file with a claim unlike those the
    loader makes is handed over as it is.
    """
    if not f.claims or f.source is None:
        return f
    source_id, path = f.source.id, f.path
    parse = Period.parse
    rows = []
    for c in f.claims:
        place, at, period = places.get(id(c.value)), c.location, c.period
        if place is None or c.source != source_id or at is None or at.file != path or at.column is not None:
            return f
        rows.append((c.id, c.entity, c.metric, place,
                     period.text if period is not None and parse(period.text) is period else period,
                     c.as_of, c.change, c.since, c.segment, c.market, c.currency, c.quote, c.precision, c.note,
                     at.line))
    f.claims = []  # this child's own, and done with: they travel as the rows
    return f, rows


def _unpacked(item: _File | tuple[_File, list[tuple]], theirs: list[Value], values: _Values) -> _File:
    """The file a child packed (`_packed`), its claims made again from their rows, with the
    values `theirs` (the child's, in its order) and the strings, lines and dates of this
    process."""
    if not isinstance(item, tuple):
        return item
    f, rows = item
    path, source_id = f.path, f.source.id  # type: ignore[union-attr]  # a file with claims has a source
    line_of, date_of, parse = values.line, values.date, Period.parse
    f.claims = [restored_claim((
        intern(claim_id), intern(entity), intern(metric), theirs[place], source_id,
        period if period is None or period.__class__ is not str else parse(period),
        as_of if as_of is None else date_of(as_of), change if change is None else intern(change),
        since, segment if segment is None else intern(segment), market if market is None else intern(market),
        currency if currency is None else intern(currency), quote, precision, note,
        line_location(path, line_of(line)),
    )) for (claim_id, entity, metric, place, period, as_of, change, since, segment, market, currency, quote,
            precision, note, line) in rows]
    return f


class _KnownRefs:
    """The refs of the loaded claims, and the closest of them to one that names no claim.

    Each source's claim ids are indexed only when a ref into that source is missing.
    """

    def __init__(self, claims: Iterable[Claim]) -> None:
        self.refs = {c.ref for c in claims}
        self._ids: dict[str, list[str]] = {}
        for c in claims:
            self._ids.setdefault(c.source, []).append(c.id)
        self._names: dict[str, suggest.Names] = {}

    def __contains__(self, ref: str) -> bool:
        return ref in self.refs

    def closest(self, ref: str) -> str | None:
        source, _, claim_id = ref.rpartition(".")
        if source not in self._ids:
            source = self._names_of("").closest(source)
            if source is None:
                return None
        close = self._names_of(source).closest(claim_id)
        return f"{source}.{close}" if close else None

    def _names_of(self, source: str) -> suggest.Names:
        """The claim ids of `source` ("": the source ids)."""
        names = self._names.get(source)
        if names is None:
            names = self._names[source] = suggest.Names(self._ids[source] if source else self._ids)
        return names


def _unresolved(refs: list[expressions.Ref], source_id: str, known: _KnownRefs, broken: set[str],
                location: Location | None) -> tuple[list[Problem], bool]:
    """Problems for references to no claim, and whether every reference names a loaded claim.

    A reference to a claim that failed to load is no new problem: that claim's is enough.
    """
    problems = []
    usable = True
    for ref in refs:
        full = resolve_ref(ref.name, source_id)
        if full in known:
            continue
        usable = False
        if full in broken:
            continue
        close = known.closest(full)
        hint = f"did you mean {close.removeprefix(source_id + '.')!r}?" if close else (
            "a claim of another file is written source_id.claim_id")
        column = None
        if location is not None and location.column is not None and ref.column is not None:
            column = location.column + ref.column
        problems.append(Problem(attrs.evolve(location, column=column) if location else Location("?"),
                                f"unknown claim {ref.name!r}: {hint}"))
    return problems, usable


# -- one file ------------------------------------------------------------------

class _Values:
    """parse_value, once per distinct value of a load: a corpus repeats its figures ("8%",
    one revenue cited by several sources), and a Value is immutable, so claims share it.
    A value that cannot be read is also read once: a file repeating one mistake thousands
    of times pays for one "did you mean" (milliseconds each over pint's unit names).
    Claims' line numbers and dates are also kept one object each (`line`, `date`)."""

    def __init__(self, lexicon=None, read: dict[tuple, Value] | None = None):
        self.lexicon = lexicon
        self.read: dict[tuple, Value] = {} if read is None else read
        self.failed: dict[tuple, tuple[type, str, int | None]] = {}
        # Objects that claims hold many equal copies of, kept once each for the load.
        self.lines: dict[int | None, int | None] = {}
        self.dates: dict[date, date] = {}

    def __call__(self, text: str, locale: str, currency: str | None, precision: str | Fraction | None) -> Value:
        key = (text, locale, currency, precision)
        value = self.read.get(key)
        if value is None:
            failed = self.failed.get(key)
            if failed is not None:
                kind, message, column = failed
                raise kind(message, column=column)
            try:
                value = parse_value(text, locale=locale, currency=currency, precision=precision,
                                    lexicon=self.lexicon)
            except InputError as exc:  # kept as its text, not the exception and its frames
                self.failed[key] = (type(exc), exc.message, exc.column)
                raise
            self.read[key] = value
        return value

    def seed(self, read: list[tuple[tuple, Value]]) -> list[Value]:
        """Take values read elsewhere (by a child), keeping the ones already here: the value
        kept for each, in order."""
        keep = self.read.setdefault
        return [keep(key, value) for key, value in read]

    def line(self, line: int | None) -> int | None:
        """`line`, one int object for each number: most lines are past the small ints
        Python shares, and every claim keeps its line (28 bytes each, else)."""
        return self.lines.setdefault(line, line)  # type: ignore[arg-type]

    def date(self, day: date) -> date:
        """`day`, one object for each date: a claim's `as_of` is a new date each time TOML has one."""
        return self.dates.setdefault(day, day)


def read_file(path: Path, values: _Values) -> _File:
    shown = str(path)
    result = _File(shown)
    try:
        raw = read_bytes(path, MAX_FILE_BYTES)
    except OSError as exc:
        hint = ": split it into one file per source document" if exc.errno == errno.EFBIG else ""
        result.problems.append(Problem(Location(shown), f"cannot read the file: {exc.strerror or exc}{hint}"))
        return result
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        result.problems.append(Problem(Location(shown, line), "the file is not UTF-8 text: save it as UTF-8"))
        return result
    return read_text(shown, text, values, result)


def read_text(shown: str, text: str, values: _Values, result: _File | None = None) -> _File:
    """A claim file's text, read as the file `shown`.

    A bug met while reading it is a problem of this file alone: what was read before
    it is dropped (it may be half a claim), and the other files are read on."""
    result = result or _File(shown)
    text = text.removeprefix("\ufeff")
    try:
        data = tomltext.loads(text)
    except tomli.TOMLDecodeError as exc:
        result.problems.append(_toml_problem(result.path, str(exc), text))
        return result
    try:
        _Reader(result, text, scan(text), values).read(data)
    except Exception as exc:  # noqa: BLE001 - any bug: this file's problem, not the run's end
        result = _File(shown, problems=[*result.problems, failure.internal(Location(shown), "reading this file", exc)])
    return result


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column (\d+)\)|\s*\(at end of document\)")


def _toml_problem(path: str, message: str, text: str) -> Problem:
    m = _TOML_POSITION.search(message)
    line = column = None
    if m and m.group(1):
        line, column = int(m.group(1)), int(m.group(2))
    elif m:
        line = text.count("\n") + 1
    what = _TOML_POSITION.sub("", message).rstrip(".")
    hint = "see https://toml.io for the syntax"
    if what.startswith("Invalid value") or "Invalid initial character" in what:
        hint = 'text values need quotes: value = "$38.4 billion", period = "2024-Q4"'
    elif "Expected '=' after a key" in what:
        hint = 'each line is key = value, e.g. metric = "revenue"; keys with spaces need quotes'
    elif "Cannot declare" in what or "Cannot overwrite" in what:
        hint = "a key or table appears twice; claims are [[claim]] with two brackets"
    elif "Unclosed" in what or "Unterminated" in what or "closing" in what:
        hint = "close the string or bracket that this line opens"
    return Problem(Location(path, line, column), f"TOML syntax error: {what}: {hint}")


class _Reader:
    def __init__(self, result: _File, text: str, positions: Positions, values: _Values):
        self.values = values
        self.result = result
        self.text = text
        self.positions = positions
        self.reported: set[tuple] = set()
        self.published_failed = False

    def problem(self, message: str, table: str, index: int | None = None, key: str | None = None,
                column: int | None = None) -> None:
        line = self.positions.line(table, index, key)
        if line is None and index is None:  # a top-level name written as an array of tables: [[claims]]
            line = self.positions.line(table, 0, key)
        if (line, message) in self.reported:
            return  # a bad [defaults] field is said once, not once per claim
        self.reported.add((line, message))
        self.result.problems.append(Problem(Location(self.result.path, line, column), message))

    def read(self, data: dict[str, Any]) -> None:
        data = self.recover(data, "table", schema.TABLES, lambda name: (name,))
        source = self.source(data.get("source"))
        if source is None:
            return
        self.result.source = source
        defaults = self.table(data.get("defaults", {}), "defaults", None, schema.DEFAULT_FIELDS)
        ids: dict[str, int] = {}  # claim id -> the index of the claim that has it
        claims = self.result.claims
        for index, entry in enumerate(self.array(data, "claim")):
            table = self.table(entry, "claim", index, schema.CLAIM_FIELDS)
            claim = self.claim({**defaults, **table} if defaults else table, table, index, source)
            if claim is None:
                if isinstance(table.get("id"), str):
                    self.result.broken.add(table["id"])
                continue
            first = ids.setdefault(claim.id, index)
            if first != index:
                self.problem(f"claim id {claim.id!r} is already used on line "
                             f"{self.positions.line('claim', first, 'id')}: claim ids are unique in a file",
                             "claim", index, "id")
                continue
            claims.append(claim)
        check_ids: dict[str, int] = {}
        for index, entry in enumerate(self.array(data, "check")):
            check = self.check(self.table(entry, "check", index, schema.CHECK_FIELDS), index, source)
            if check is None:
                continue
            if check.id in check_ids:
                self.problem(f"check id {check.id!r} is already used on line {check_ids[check.id]}",
                             "check", index, "id")
                continue
            check_ids[check.id] = self.positions.line("check", index, "id")
            self.result.checks.append(check)
        for index, entry in enumerate(self.array(data, "acknowledge")):
            ack = self.acknowledgement(self.table(entry, "acknowledge", index, schema.ACKNOWLEDGE_FIELDS),
                                       index, source)
            if ack is not None:
                self.result.acknowledgements.append(ack)

    def array(self, data: dict[str, Any], name: str) -> list[dict[str, Any]]:
        entries = data.get(name, [])
        if isinstance(entries, list) and all(isinstance(e, dict) for e in entries):
            return entries
        self.problem(f"`{name}` must be a list of tables: write each one under [[{name}]]", name)
        return []

    def table(self, entry: Any, name: str, index: int | None, fields: tuple[str, ...]) -> dict[str, Any]:
        """`entry` with its unknown fields reported, and read as the field each plainly means."""
        if not isinstance(entry, dict):
            self.problem(f"[{name}] must be a table of fields", name, index)
            return {}
        if _names(fields).issuperset(entry):  # the common case, as in `recover`
            return entry
        where = f"field in [{name}]" if index is None else f"field in [[{name}]]"
        return self.recover(entry, where, fields, lambda key: (name, index, key))

    def recover(self, entry: dict[str, Any], where: str, valid: tuple[str, ...], address) -> dict[str, Any]:
        """Report each unknown name once; keep its value under the closest valid name, if that is free.

        Like a compiler after a typo, reading on as meant spares the user a cascade of
        follow-on problems ("vaule" would otherwise also be "no value").
        """
        names = _names(valid)
        if names.issuperset(entry):  # the common case: every name known (the entry is read, never changed)
            return entry
        known = {k: v for k, v in entry.items() if k in names}
        for key, value in entry.items():
            if key in names:
                continue
            self.problem(schema.unknown(key, valid, where), *address(key))
            meant = schema.closest(key, valid)
            if meant is not None and meant not in entry and meant not in known:
                known[meant] = value
                self.positions.alias(address(key), address(meant))
        return known

    def field(self, table: str, index: int | None, key: str, convert: Callable[[Any], Any], value: Any,
              *, origin: str | None = None, failed: list | None = None) -> Any:
        """`convert(value)`, or None with a problem at the field's line (its [defaults] line if from there)."""
        try:
            return convert(value)
        except InputError as exc:
            where_table, where_index = (origin, None) if origin else (table, index)
            column = None
            if exc.column is not None:
                start = self.positions.column(where_table, where_index, key)
                column = start + exc.column if start is not None else None
            message = exc.message if exc.message.startswith(key) else f"{key}: {exc.message}"
            self.problem(message, where_table, where_index, key, column)
            if failed is not None:
                failed.append(key)
            return None

    def source(self, table: Any) -> Source | None:
        if table is None:  # placed on line 1, where it belongs
            self.result.problems.append(Problem(Location(self.result.path, 1), "the file has no [source] table: "
                                                "add [source] with id = \"...\" (and title, publisher, published) "
                                                "at the top"))
            return None
        table = self.table(table, "source", None, schema.SOURCE_FIELDS)
        if "id" not in table:
            self.problem(schema.missing("id", "[source]") + ', e.g. id = "crn_alibaba_53b"', "source")
            return None
        failed: list[str] = []
        source_id = self.field("source", None, "id", lambda v: to_id(v, "source id"), table["id"], failed=failed)
        published = self.field("source", None, "published", lambda v: to_date(v, "published"),
                               table.get("published"), failed=failed) if "published" in table else None
        self.published_failed = "published" in failed
        locale = table.get("locale", "en_US")
        if self.field("source", None, "locale", _check_locale, locale, failed=failed) is None:
            locale = "en_US"
        texts = {k: self.field("source", None, k, _text, table.get(k), failed=failed)
                 for k in ("title", "publisher", "url", "text", "note")}
        if source_id is None:
            return None
        if texts["text"] is not None:
            self.result.article = self.field("source", None, "text", self.article, texts["text"])
        return Source(source_id, published=published, locale=locale, **texts,
                      location=Location(self.result.path, self.positions.line("source")))

    def article(self, written: str) -> Article:
        """The article at `written`, a path relative to this file, in this file's folder or below."""
        folder = Path(self.result.path).parent
        path = folder / written
        try:
            inside = path.resolve().is_relative_to(folder.resolve())
        except (OSError, RuntimeError):  # a symlink loop
            inside = False
        if not inside:
            raise InputError(f"{written!r} is outside this file's folder: keep the article's text beside "
                             "its claim file or below it, e.g. text = \"sources/article.txt\"")
        try:
            return read_article(path)
        except ArticleError as exc:
            line = f" (line {exc.line})" if exc.line is not None else ""
            raise InputError(f"{exc.message}{line}") from None

    def claim(self, fields: dict[str, Any], own: dict[str, Any], index: int, source: Source) -> Claim | None:
        if fields.keys() >= _CLAIM_REQUIRED:
            try:
                return self.sound_claim(fields, index, source)
            except InputError:
                pass  # read again field by field below, which says what is wrong and where
        failed = [key for key in schema.CLAIM_REQUIRED if key not in fields]
        for key in failed:
            self.problem(schema.missing(key, "[[claim]]"), "claim", index)

        def get(key: str, convert: Callable[[Any], Any]) -> Any:
            if key not in fields:
                return None
            origin = None if key in own else "defaults"
            return self.field("claim", index, key, convert, fields[key], origin=origin, failed=failed)

        claim_id = get("id", to_id)
        currency = get("currency", _currency_code)
        precision = get("precision", _precision)
        value = get("value", lambda v: _value(v, source.locale, currency, precision, self.values))
        texts = {k: get(k, _text) for k in ("entity", "metric", "segment", "market", "quote", "note")}
        period = get("period", to_period)
        as_of = get("as_of", to_date)
        change = get("change", to_change)
        since = get("since", to_since)
        if failed:
            return None
        if as_of is not None:
            as_of = self.values.date(as_of)
        if change is not None:
            change = intern(change)
        for key in _SHARED_TEXTS:  # thousands of claims name a few entities and metrics: keep one copy
            if texts[key] is not None:
                texts[key] = intern(texts[key])
        if period is None and as_of is None:
            if source.published is None and self.published_failed:
                return None  # the bad `published` is already reported
            if source.published is None:
                self.problem("the claim has no `period` or `as_of`, and [source] has no `published` date "
                             "to take it from: add as_of = 2025-02-24 (a level) or period = \"2024-Q4\" "
                             "(a flow)", "claim", index)
                return None
            as_of = source.published
        try:
            return converted_claim(  # every field converted above
                id=intern(claim_id), value=value, source=source.id, period=period, as_of=as_of, change=change,
                since=since, currency=currency,
                precision=None if precision is None else str(precision), **texts,
                location=line_location(self.result.path, self.values.line(self.positions.line("claim", index, "value"))),
            )
        except InputError as exc:
            key = "since" if "since" in exc.message.split(":")[0] else ("as_of" if "as_of" in own else None)
            self.problem(exc.message, "claim", index, key)
            return None

    def sound_claim(self, fields: dict[str, Any], index: int, source: Source) -> Claim:
        """`claim` for the common case of a claim without a mistake, in one go (without a
        wrapper per field to place its problem); InputError if anything is wrong."""
        get = fields.get
        currency = None if (written := get("currency")) is None else _currency_code(written)
        precision = None if (written := get("precision")) is None else _precision(written)
        value = _value(fields["value"], source.locale, currency, precision, self.values)
        period, change, since = to_period(get("period")), to_change(get("change")), to_since(get("since"))
        if change is not None:
            change = intern(change)
        as_of = None if (written := get("as_of")) is None else self.values.date(to_date(written))
        if period is None and as_of is None:
            if source.published is None:
                raise InputError("no date")  # the problem is said by `claim`
            as_of = source.published
        segment = None if (written := get("segment")) is None else intern(_text(written))
        market = None if (written := get("market")) is None else intern(_text(written))
        quote = None if (written := get("quote")) is None else _text(written)
        note = None if (written := get("note")) is None else _text(written)
        return built_claim((  # every field converted above, in the order of Claim's fields
            intern(to_id(fields["id"])), intern(_text(fields["entity"])), intern(_text(fields["metric"])), value,
            source.id, period, as_of, change, since, segment, market, currency, quote,
            None if precision is None else str(precision), note,
            line_location(self.result.path, self.values.line(self.positions.line("claim", index, "value"))),
        ))

    def check(self, fields: dict[str, Any], index: int, source: Source):
        for key in ("id", "expr"):
            if key not in fields:
                self.problem(schema.missing(key, "[[check]]"), "check", index)
                return None
        failed: list[str] = []
        check_id = self.field("check", index, "id", to_id, fields["id"], failed=failed)
        tree = self.field("check", index, "expr", _expression, fields["expr"], failed=failed)
        note = self.field("check", index, "note", _text, fields.get("note"), failed=failed)
        if failed:
            return None
        line = self.positions.line("check", index, "expr")
        column = self.positions.column("check", index, "expr")
        return Check(check_id, fields["expr"], note, source.id, Location(self.result.path, line, column), tree)

    def acknowledgement(self, fields: dict[str, Any], index: int, source: Source) -> Acknowledgement | None:
        for key in schema.ACKNOWLEDGE_FIELDS:
            if key not in fields:
                self.problem(schema.missing(key, "[[acknowledge]]"), "acknowledge", index)
                return None
        failed: list[str] = []
        rule = self.field("acknowledge", index, "rule", _text, fields["rule"], failed=failed)
        claims = self.field("acknowledge", index, "claims", _refs, fields["claims"], failed=failed)
        reason = self.field("acknowledge", index, "reason", _text, fields["reason"], failed=failed)
        if failed:
            return None
        return Acknowledgement(rule, claims, reason, source.id,
                               Location(self.result.path, self.positions.line("acknowledge", index, "claims")))


_CLAIM_REQUIRED = frozenset(schema.CLAIM_REQUIRED)
_NAMES: dict[tuple[str, ...], frozenset[str]] = {}


def _names(valid: tuple[str, ...]) -> frozenset[str]:
    """The names of a table's fields as a set: the schema's tuples are few and kept."""
    names = _NAMES.get(valid)
    if names is None:
        names = _NAMES[valid] = frozenset(valid)
    return names


# -- field converters that need the file's context -------------------------------

_SHARED_TEXTS = ("entity", "metric", "segment", "market")


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str) and value.strip():
        return value
    raise InputError("must be a non-empty string in quotes")


def _check_locale(value: Any) -> str:
    from verify.values.numbers import number_format

    if not isinstance(value, str):
        raise InputError('must be a string such as "en_US"')
    number_format(value)  # raises a clear error for an unknown locale
    return value


def _currency_code(value: Any) -> str:
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{3}", value):
        return value
    raise InputError(f"{value!r} is not an ISO 4217 code: write currency = \"CNY\" (three capital letters)")


def _precision(value: Any) -> str | Fraction:
    if value == "exact":
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise InputError('write precision = "exact", or the rounding step, e.g. precision = 0.5')
    try:
        step = Exact(repr(value) if isinstance(value, float) else value)
    except NumberTextError as exc:
        raise InputError(f"{exc}; or write precision = \"exact\", or the rounding step, e.g. precision = 0.5") \
            from None
    except (ValueError, ZeroDivisionError):
        raise InputError('write precision = "exact", or the rounding step, e.g. precision = 0.5') from None
    if step <= 0:
        raise InputError("precision is a rounding step and must be positive, e.g. precision = 0.5")
    return step


def _value(value: Any, locale: str, currency: str | None, precision: str | Fraction | None, values: _Values):
    if not isinstance(value, str):
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            raise InputError(f"write the value as a string, as the source writes it: value = \"{value}\"")
        raise InputError('write the value as a string, e.g. value = "$38.4 billion"')
    return values(value, locale, currency, precision)


def _expression(value: Any) -> expressions.Relation:
    """A check's expression, its quoted values read now: a value that cannot be read is
    the check's problem at its column, not a failure of the run that evaluates it."""
    tree = expressions.parse(value)
    for literal in expressions.literals(tree):
        try:
            parse_value(literal.text)
        except InputError as exc:
            raise InputError(f"the quoted value '{literal.text}' cannot be read: {exc.message}",
                             column=literal.column) from None
    return tree


def _refs(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise InputError('write the claims as a list of ids: claims = ["cloud_share", "cloud_revenue"]')
    for ref in value:
        if not re.fullmatch(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)?", ref):
            raise InputError(f"{ref!r} is not a claim reference: write claim_id or source_id.claim_id")
    return tuple(value)

