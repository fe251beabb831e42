"""The one exception type the CLI turns into a one-line message."""

from __future__ import annotations

from pathlib import Path


class ClaimsetError(Exception):
    """A user-facing error: what went wrong, and where (file and line) when known."""

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line

    @property
    def where(self) -> str:
        if self.path is None:
            return ""
        return f"{self.path}:{self.line}" if self.line is not None else self.path

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message
