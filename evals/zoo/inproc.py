"""A zoo world in process: generated, its records (no content) loaded into a throwaway COSELL_HOME."""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

# account mapping's stored match tables (`cosell` imports them with the tools before its store is made): the
# store's tables are created when it opens, so they must be known by then
import retrieval.account_matches  # noqa: F401
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


def matching_world(world: World) -> tuple[dict, Any, Any, dt.date]:
    """(truth, the matching engine's ecosystem, the zoo scorer's view of the CSVs, today) for one world, loaded
    the way `cosell match` loads them; the files are removed before it returns."""
    from evals.partner_match import load_demo  # heavy: the matching engine, only for the matching scorers
    from evals.zoo.score import Data  # heavy: the CLI scorer's module, only for its CSV view

    with tempfile.TemporaryDirectory() as tmp:
        truth = generate(world, Path(tmp) / "world")
        folder = Path(tmp) / "world" / "import"
        today = dt.date.fromisoformat(world.today)
        return truth, load_demo(folder, Path(tmp) / "home", today), Data(folder), today
