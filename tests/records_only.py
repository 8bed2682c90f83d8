"""An import folder's records loaded into a throwaway COSELL_HOME, without its content (no embedding): for tests
whose answers come from the records alone."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from retrieval.ingest import replace_records


@contextmanager
def records_only(home: Path, folder: Path, today) -> Iterator[AppContext]:
    ctx = AppContext(Settings(home=home, today=today))
    try:
        replace_records(ctx, read_import_folder(folder))
        yield ctx
    finally:
        ctx.close()


def csv_rows(folder: Path, name: str) -> list[dict]:
    """The rows of one of the folder's CSV files, as the tests' independent reading of the data."""
    with (folder / name).open(newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))
