"""The whole portfolio kept on disk per records version, day and code (`COSELL_HOME/cache/portfolio-*.json`),
so that every process after the first (a `cosell portfolio` is a new process each time) reads it instead
of recomputing 10,000 partners' health (seconds); the doors store it after an ingest (`refresh`), as they
store account mapping.

What the portfolio depends on is all in the key: the records and vendor.yaml (ingest writes them under a
new records version), the day (`today`, and `as_of`) and the code that computes it (the installation's
fingerprint, `retrieval.shared_cache.code_print`, as the workers' shared cache keys: a changed rule never
reads an old answer). A store without a records version (built by hand, not by ingest) is never stored:
nothing would tell us that it changed. The file holds the system view (every partner); callers check the
asker's permission before reading it.
"""
from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path

from pydantic import ValidationError

from retrieval.shared_cache import code_print, digest
from tools.analytics.types import PortfolioResponse
from tools.context import ToolContext

log = logging.getLogger(__name__)

PREFIX = "portfolio-"


def path_of(ctx: ToolContext, as_of: dt.date | None) -> Path | None:
    """Where the portfolio of the current records version, code, today and `as_of` is kept (None: a store
    never ingested). Read before the data (a later ingest then makes a new name, never a stale file)."""
    version = ctx.records_version()
    if version is None:
        return None
    generation = digest(str(version), code_print())[:16]
    day = f"{ctx.today().isoformat()}-{as_of.isoformat() if as_of else 'today'}"
    return ctx.settings.home_dir / "cache" / f"{PREFIX}{generation}-{day}.json"


def load(path: Path | None) -> PortfolioResponse | None:
    """The portfolio stored at `path`; None when there is none (or it is unreadable)."""
    if path is None or not path.is_file():
        return None
    try:
        return PortfolioResponse.model_validate_json(path.read_bytes())
    except (OSError, ValidationError, ValueError):
        log.warning("portfolio: %s is unreadable; computing it again", path, exc_info=True)
        return None


def save(path: Path | None, response: PortfolioResponse) -> None:
    """Store the portfolio (written whole, then renamed: a reader never sees half a file); the files of
    other records versions, code or days go (a few MB each at 10,000 partners)."""
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        current = path.name[:len(PREFIX) + 16 + 12]  # the generation and today: "portfolio-<16>-YYYY-MM-DD"
        for old in path.parent.glob(f"{PREFIX}*.json"):
            if not old.name.startswith(current):
                old.unlink(missing_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.part")
        partial.write_text(response.model_dump_json())
        os.replace(partial, path)
    except OSError:  # a read-only home: the portfolio is computed per process, as before
        log.warning("portfolio: could not store %s", path, exc_info=True)
