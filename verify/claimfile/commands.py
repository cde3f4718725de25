"""The commands for writing claim files by hand: `verify schema`, `verify new`, `verify fmt`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from verify.cli import _write


def main(command: str, argv: list[str]) -> int:
    """Run `verify schema`, `verify new` or `verify fmt` with the arguments after the command's name."""
    args = _parser(command).parse_args(argv)
    return {"schema": _schema, "new": _new, "fmt": _fmt}[command](args)


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "schema":
        return argparse.ArgumentParser(prog="verify schema",
                                       description="Print the JSON Schema (2020-12) of a claim file, for editors.")
    if command == "new":
        p = argparse.ArgumentParser(prog="verify new", description="Write a commented claim file to start from.")
        p.add_argument("path", nargs="?", metavar="PATH", help="the file to write (default: standard output)")
        p.add_argument("--source-id", default="my_article", help="the source's id (default: my_article)")
        p.add_argument("--publisher", help="the publisher's name")
        p.add_argument("--force", action="store_true", help="overwrite PATH if it exists")
        return p
    p = argparse.ArgumentParser(prog="verify fmt",
                                description="Lay claim files out canonically, keeping every comment and value.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="claim files or folders of them (default: claims/)")
    p.add_argument("--check", action="store_true",
                   help="change nothing; print a diff and exit 1 if a file is not laid out canonically")
    return p


def _schema(args: argparse.Namespace) -> int:
    from verify.claimfile.json_schema import claim_file_schema

    print(json.dumps(claim_file_schema(), indent=2, ensure_ascii=False))
    return 0


def _new(args: argparse.Namespace) -> int:
    from verify.claimfile.skeleton import skeleton
    from verify.model import to_id
    from verify.errors import InputError

    try:
        to_id(args.source_id, "source id")
    except InputError as exc:
        print(f"verify new: --source-id: {exc.message}", file=sys.stderr)
        return 2
    text = skeleton(args.source_id, args.publisher)
    if args.path is None:
        sys.stdout.write(text)
        return 0
    path = Path(args.path)
    if path.exists() and not args.force:
        print(f"verify new: {path} exists: name another file, or add --force to overwrite it", file=sys.stderr)
        return 2
    return 0 if _write(str(path), text, "verify new") else 2


def _fmt(args: argparse.Namespace) -> int:
    import difflib

    from verify.claimfile.discover import MAX_FILE_BYTES, claim_files
    from verify.claimfile.layout import LayoutError, layout
    from verify.io import read_text

    files, problems = claim_files(args.paths or ["claims"])
    for problem in problems:
        print(f"verify fmt: {problem.location.path}: {problem.message}", file=sys.stderr)
    status = 2 if problems else 0
    changed = 0
    for path in files:
        try:
            text = read_text(path, MAX_FILE_BYTES)
            laid_out = layout(text)
        except (OSError, UnicodeDecodeError) as exc:
            print(f"verify fmt: {path}: cannot read: {getattr(exc, 'strerror', None) or exc}", file=sys.stderr)
            status = 2
            continue
        except LayoutError as exc:
            print(f"verify fmt: {path}: {exc}", file=sys.stderr)
            status = 2
            continue
        if laid_out == text:
            continue
        changed += 1
        if args.check:
            sys.stdout.writelines(difflib.unified_diff(text.splitlines(keepends=True), laid_out.splitlines(keepends=True),
                                                       f"{path}", f"{path} (verify fmt)"))
        elif not _write(str(path), laid_out, "verify fmt"):
            status = 2
    verb = "would be laid out anew" if args.check else "laid out anew"
    print(f"{changed} of {len(files)} file{'s' if len(files) != 1 else ''} {verb}", file=sys.stderr)
    if status:
        return status
    return 1 if args.check and changed else 0
