"""Read one CSV file of the import format into records: the lean per-row path, shared by every table.

Parsers are looked up once per header, records are built without re-validation, and the physical
line where each record starts is tracked (csv's `line_num` is where it ends).
"""

from __future__ import annotations

import csv
import gc
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from connectors.models import ImportRecord, Rejection
from connectors.safe_files import FileProblem, text_encoding, unsafe_reason

REQUIRED_FILES = ("partners.csv", "accounts.csv", "opportunities.csv")
_UNDECODABLE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8, kept by `surrogateescape`
Problems = list[tuple[str | None, str]]  # (column, message)
Rules = Callable[[dict[str, Any]], Problems]


def _physical_lines(handle: Any, bad: dict[int, str]) -> Iterator[str]:
    """Yield lines, noting those a record must not be loaded from: bytes that are not UTF-8, NUL bytes."""
    for number, line in enumerate(handle, start=1):
        if not line.isascii() and _UNDECODABLE.search(line):
            bad[number] = "row is not valid UTF-8 text (bad bytes); re-save the file as UTF-8"
        elif "\x00" in line:  # a database text column refuses NUL, so refuse it here, by row
            bad[number] = "row contains a NUL byte (binary data?)"
        yield line


@contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Records hold no reference cycles, yet a million new objects trigger ever longer full
    collections: pausing the cycle collector saves a quarter of the time of a large file."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class References:
    """Ids accepted (and rejected) so far, per file, with the line where each first appeared.

    `stored` holds the ids already in the store per file: a row that refers to an id whose new row was
    rejected (or whose whole file was) still loads when the stored version is kept, so one bad cell
    never takes the rows that depend on it down with it.
    """

    def __init__(self, stored: dict[str, set[Any]] | None = None, kept: dict[str, set[Any]] | None = None) -> None:
        self.accepted: dict[str, dict[Any, int]] = {}
        self.rejected: dict[str, dict[Any, int]] = {}
        self.stored = stored or {}
        self.kept = kept or {}  # ids of records made in the copilot, which every plain ingest keeps
        self.failed_files: set[str] = set()  # optional files refused as a whole: their table is kept

    def check(self, column: str, value: str | None, target: str) -> tuple[str, str] | None:
        if not value or value in self.accepted.get(target, {}) or value in self.kept.get(target, ()):
            return None
        line = self.rejected.get(target, {}).get(value)
        kept = value in self.stored.get(target, ())
        if (line is not None or target in self.failed_files) and kept:
            return None  # refers to the stored version, which this ingest keeps
        if line is not None:
            return column, f"{column} {value!r} was rejected in {target} (line {line})"
        if target in self.failed_files:
            return column, f"{column} {value!r} not found ({target} was rejected as a whole)"
        return column, f"{column} {value!r} not found in {target}"


class TableReader:
    """Reads one CSV file of one record type. `rules` adds row-level checks (references, defaults)."""

    def __init__(self, root: Path, model: type[ImportRecord], refs: References, rejected: list[Rejection]):
        self.root, self.model, self.refs, self.rejected = root, model, refs, rejected
        self.file = model.file_name
        self.accepted = refs.accepted.setdefault(self.file, {})
        self.refused = refs.rejected.setdefault(self.file, {})

    def reject(self, line: int | None, column: str | None, message: str) -> None:
        self.rejected.append(Rejection(file=self.file, line=line, column=column, message=message))

    def read(self, rules: Rules | None = None) -> list[Any]:
        """The valid records; raises FileProblem when the file cannot be used as a whole (missing when
        required, not a regular file, wrong encoding or delimiter, broken header, or no rows in a required
        file whose table the store already holds)."""
        required = self.file in REQUIRED_FILES
        path = find_file(self.root, self.file)
        if path is None:
            if required:
                raise FileProblem(self.file, "required file is missing")
            return []
        unsafe = unsafe_reason(self.root, path)
        if unsafe:
            raise FileProblem(self.file, unsafe)
        encoding = text_encoding(path, self.file)
        self.rows_seen = 0
        with _cyclic_gc_paused():
            records = self._read(path, rules, encoding)
        if required and self.rows_seen == 0 and self.refs.stored.get(self.file):
            # an export that went wrong, not a programme that lost every partner (`--reset` to start over)
            raise FileProblem(self.file, f"has a header but no rows, and the store holds "
                              f"{len(self.refs.stored[self.file])}: a required file must not be empty", line=2)
        return records

    def _read(self, path: Path, rules: Rules | None, encoding: str) -> list[Any]:
        records: list[Any] = []
        keys = self.model.key_columns
        construct = _record_builder(self.model)
        for line, values, problems in self._rows(path, encoding):
            key = values.get(keys[0]) if len(keys) == 1 else tuple(values.get(k) for k in keys)
            if not problems and rules is not None:
                problems = rules(values)
            if not problems and keys:
                first = self.accepted.get(key)
                if first is not None:
                    problems = [(keys[-1], _duplicate_message(keys, key, first))]
            if problems:
                for column, message in problems:
                    self.reject(line, column, message)
                if not keys:  # a table keyed on its content (partner_accounts): the stored row it would be
                    key = self.model.stored_key(values)
                if key and key not in self.accepted:
                    self.refused.setdefault(key, line)
                continue
            if keys:
                self.accepted[key] = line
            records.append(construct(values))
        return records

    def _rows(self, path: Path, encoding: str) -> Iterator[tuple[int, dict[str, Any], Problems]]:
        """(line, parsed cells, problems) per non-blank record; problems empty when every cell is valid."""
        bad: dict[int, str] = {}
        with open(path, encoding=encoding, errors="surrogateescape", newline="") as handle:
            reader = csv.reader(_physical_lines(handle, bad))
            cells, extras, width = self._plan(reader, bad)
            while True:
                start = reader.line_num + 1  # line_num is where the previous record ended
                try:
                    row = next(reader)
                except StopIteration:
                    return
                except csv.Error as exc:
                    self.rows_seen += 1
                    self.reject(start, None, f"not readable as CSV: {exc}")
                    continue
                if not row or not any(row):
                    continue
                self.rows_seen += 1
                end = reader.line_num
                if bad:
                    reason = next((bad[n] for n in range(start, end + 1) if n in bad), None)
                    if reason:
                        self.reject(start, None, reason)
                        continue
                if len(row) != width and (len(row) > width or end > start):
                    span = f" (lines {start}-{end}: check the quotes)" if end > start else ""
                    self.reject(start, None, f"row has {len(row)} cells, the header has {width}{span}")
                    continue
                yield _parse_cells(row, cells, extras, start)

    def _plan(self, reader: Any, bad: dict[int, str]) -> tuple[list[tuple], list[tuple[int, str]], int]:
        """Match the header to the model's columns once; raises FileProblem when it cannot be used."""
        try:
            header = next(reader)
        except (StopIteration, csv.Error) as exc:
            raise FileProblem(self.file, "file is empty: the first row must be the header", line=1) from exc
        if 1 in bad:
            raise FileProblem(self.file, f"header: {bad[1]}", line=1)
        by_name = {column.name: column for column in self.model.columns}
        cells, extras, seen = [], [], set()
        for index, raw_name in enumerate(header):
            name = raw_name.strip()
            column = by_name.get(name.lower())
            if column is None:
                if name:
                    extras.append((index, name))
                continue
            if column.name in seen:
                raise FileProblem(self.file, f"column {column.name!r} appears twice in the header",
                                  column=column.name, line=1)
            seen.add(column.name)
            cells.append((column.name, index, column.required, column.parse, column.many, column.default))
        missing = [c.name for c in self.model.columns if c.required and c.name not in seen]
        if missing:
            raise FileProblem(self.file, _header_message(header, missing),
                              column=missing[0] if len(missing) == 1 else None, line=1)
        return cells, extras, len(header)


def _header_message(header: list[str], missing: list[str]) -> str:
    """Names the likely cause: a file saved with `;` or tabs between cells reads as one column."""
    if len(header) == 1:
        for delimiter, label in ((";", "';' (semicolon)"), ("\t", "tab")):
            if delimiter in header[0]:
                return (f"cells are separated by {label}, not commas: the import format is comma-separated "
                        "(DATA.md); re-save the file as CSV with commas")
    plural = "s" if len(missing) > 1 else ""
    return f"missing required column{plural}: {', '.join(missing)}"


# A cell a spreadsheet would run as a formula starts with one of these; exports prefix it with `'`.
FORMULA_STARTS = frozenset("=+-@\t\r")


def _parse_cells(
    row: list[str], cells: list[tuple], extras: list[tuple[int, str]], line: int
) -> tuple[int, dict[str, Any], Problems]:
    values: dict[str, Any] = {"line": line}
    problems: Problems = []
    size = len(row)
    for name, index, required, parse, many, default in cells:
        raw = row[index].strip() if index < size else ""
        if raw[:1] == "'" and raw[1:2] in FORMULA_STARTS:  # written formula-safe (csv_folder.safe_cell)
            raw = raw[1:]
        if raw:
            if parse is not None:
                try:
                    raw = parse(raw)
                except ValueError as exc:
                    problems.append((name, str(exc)))
                    continue
            values[name] = raw
        elif required:
            problems.append((name, f"{name} is required"))
        else:
            values[name] = many() if many else default
    values["attributes"] = {name: row[index] for index, name in extras if index < size} if extras else {}
    return line, values, problems


def _record_builder(model: type[ImportRecord]) -> Callable[[dict[str, Any]], Any]:
    """Build records from already-validated values without pydantic's per-field work.

    Equivalent to `model.model_construct(**values)` (which sets the same four slots), about 5x faster;
    that difference is most of the time for a million-row file. Fields without a cell get defaults.
    """
    template: dict[str, Any] = {}  # every field in declaration order, so dumps read like the model
    factories: list[tuple[str, Callable[[], Any]]] = []
    for name, info in model.model_fields.items():
        template[name] = None if info.is_required() or info.default_factory else info.default
        if info.default_factory is not None:
            factories.append((name, info.default_factory))  # type: ignore[arg-type]
    fields_set = set(model.model_fields)  # every field is set: shared, since adding to it is a no-op
    new, set_slot = model.__new__, object.__setattr__

    def build(values: dict[str, Any]) -> Any:
        data = template.copy()
        data.update(values)  # existing keys keep their place
        for name, factory in factories:
            if name not in values:
                data[name] = factory()
        record = new(model)
        set_slot(record, "__dict__", data)
        set_slot(record, "__pydantic_fields_set__", fields_set)
        set_slot(record, "__pydantic_extra__", None)
        set_slot(record, "__pydantic_private__", None)
        return record

    return build


def _duplicate_message(keys: tuple[str, ...], key: Any, first: int) -> str:
    if len(keys) == 1:
        return f"duplicate {keys[0]} {key!r} (first on line {first})"
    shown = " and ".join(f"{k} {v!r}" for k, v in zip(keys, key))
    return f"duplicate {shown} (first on line {first})"


def find_file(root: Path, name: str) -> Path | None:
    """The file by its exact name, else by a case-insensitive match (`Accounts.csv`)."""
    path = root / name
    if path.is_file() or path.is_symlink() or (path.exists() and not path.is_dir()):
        return path  # a link or a FIFO is found here and refused by the caller, with its reason
    for candidate in root.iterdir():
        if candidate.name.lower() == name and not candidate.is_dir():
            return candidate
    return None
