"""`verify draft ARTICLE`: a claim file from an article, and `--update FILE` to add what is new."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="verify draft",
        description="Draft a claim file from an article (.txt, .md or .html): a claim for every number that "
                    "states a fact, each guess marked '# guessed', each gap '# TODO'. The file loads and "
                    "checks as it is.")
    p.add_argument("article", metavar="ARTICLE", help="the article's text file")
    p.add_argument("--source-id", metavar="ID", help="the source's id (default: from the file's name)")
    p.add_argument("--published", metavar="DATE", type=_date,
                   help="the article's date, YYYY-MM-DD (default: a dateline in its first lines, if any); "
                        "it dates levels and resolves 'this year' or 'over the next three years'")
    p.add_argument("--locale", default="en_US", help="how the article writes numbers (default: en_US)")
    p.add_argument("--output", metavar="FILE", help="write the claim file to FILE (default: standard output)")
    p.add_argument("--update", metavar="FILE",
                   help="add the article's numbers not yet claimed to FILE, keeping its edits and comments")
    p.add_argument("--force", action="store_true", help="overwrite --output FILE if it exists")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    from verify.draft.drafting import DraftError, draft, update

    try:
        if args.update:
            text = update(args.update, args.article, published=args.published, locale=args.locale)
            return 0 if _write(Path(args.update), text) else 2
        output = Path(args.output) if args.output else None
        if output is not None and output.exists() and not args.force:
            print(f"verify draft: {output} exists: add --force to overwrite it, or --update {output} to add "
                  "the numbers it does not claim yet", file=sys.stderr)
            return 2
        if output is not None and output.resolve() == Path(args.article).resolve():
            print(f"verify draft: --output {output} is the article itself: name another file", file=sys.stderr)
            return 2
        text = draft(args.article, source_id=args.source_id, published=args.published, locale=args.locale,
                     output=output)
    except DraftError as exc:
        print(f"verify draft: {exc}", file=sys.stderr)
        return 2
    if output is None:
        sys.stdout.write(text)
        return 0
    return 0 if _write(output, text) else 2


def _write(path: Path, text: str) -> bool:
    from verify.io import write_atomically

    try:
        write_atomically(str(path), [text])
        return True
    except OSError as exc:
        print(f"verify draft: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return False


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: write YYYY-MM-DD, e.g. 2025-02-24") from None

