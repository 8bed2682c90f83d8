"""A zoo world in process: generated, its records (no content) loaded into a throwaway COSELL_HOME."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from connectors.csv_folder import read_import_folder
from evals.zoo.generator import generate
from evals.zoo.worlds import World
from retrieval.ingest import replace_records


@contextmanager
def records_world(world: World, label: str) -> Iterator[tuple[AppContext, dict]]:
    """(context over the world's records, the world's truth); everything is removed afterwards. Records only:
    the content is not embedded, so rules that need a document see none."""
    tmp = Path(tempfile.mkdtemp(prefix=f"zoo-{label}-"))
    try:
        truth = generate(world, tmp / "world")
        folder = tmp / "world" / "import"
        shutil.rmtree(folder / "content", ignore_errors=True)
        ctx = AppContext(Settings(home=tmp / "home", today=dt.date.fromisoformat(world.today)))
        try:
            replace_records(ctx, read_import_folder(folder))
            yield ctx, truth
        finally:
            ctx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
