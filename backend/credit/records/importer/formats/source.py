"""What a reader hands on: the rows of a file in the JSON Lines shape (a nested dict per
row) with their lines, and the problems met while reading them."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any


@dataclass
class SourceRow:
    """One row as read: its line (the file's line or sheet row, 1-based), its fields, and
    the problems found while reading it, each as (field or None, message)."""

    line: int
    data: dict[str, Any]
    problems: list[tuple[str | None, str]] = field(default_factory=list)


@dataclass
class Source:
    format: str
    rows: list[SourceRow]
    label: Callable[[str], str]  # how a field path is shown in an error (table: + header)
    # Whole-file problems (header, encoding): (line, field or None, message).
    problems: list[tuple[int, str | None, str]] = field(default_factory=list)
    # Rows still to be read from the file, one at a time (after `rows`; once): a large
    # file is never held whole, each row is dropped once it has been checked.
    stream: Iterable[SourceRow] | None = None

    def each(self) -> Iterator[SourceRow]:
        yield from self.rows
        if self.stream is not None:
            stream, self.stream = self.stream, None
            yield from stream


class UnknownFormat(ValueError):
    pass
