"""The project's own exceptions: everything a user can get wrong raises one of these."""

from __future__ import annotations


class VerifyError(Exception):
    """Base of every error `verify` raises on purpose."""


class FileError(VerifyError):
    """An error in a file a project keeps (config, pack, rates): its message, and where."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message, self.file, self.line = message, file, line

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else f"{self.file}: " if self.file else ""
        return f"{where}{self.message}"


class InputError(VerifyError):
    """Text a person wrote that cannot be read; the message says what to write instead.

    `column` is the 0-based offset in that text where reading failed, if known.
    """

    def __init__(self, message: str, *, column: int | None = None):
        super().__init__(message)
        self.message = message
        self.column = column


class ValueParseError(InputError):
    """A claim value that does not parse."""
