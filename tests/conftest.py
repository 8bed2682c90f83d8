"""Shared fixtures: the demo ecosystem generated once and ingested once into a temp COSELL_HOME."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@pytest.fixture(scope="session")
def demo_folder(tmp_path_factory) -> Path:
    from evals.demo.generator import generate

    folder = tmp_path_factory.mktemp("demo") / "import"
    generate(folder)
    return folder


@pytest.fixture(scope="session")
def demo_truth(demo_folder) -> dict:
    truth = demo_folder / "truth"
    return {p.stem: json.loads(p.read_text()) for p in truth.glob("*.json")}


@pytest.fixture(scope="session")
def demo_today(demo_folder) -> str:
    return (demo_folder / "truth" / "today.txt").read_text().strip()


@pytest.fixture(scope="session")
def demo_home(tmp_path_factory, demo_folder, demo_today) -> Path:
    """A COSELL_HOME with the demo ingested (shared, read-only for tests)."""
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext
    from retrieval.ingest import ingest_folder

    home = tmp_path_factory.mktemp("demo-home")
    ctx = AppContext(Settings(home=home, today=demo_today))
    result = ingest_folder(ctx, demo_folder)
    assert not result.rejected, result.rejected[:5]
    ctx.close()
    return home


@pytest.fixture(scope="session")
def demo_ctx(demo_home, demo_today):
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext

    ctx = AppContext(Settings(home=demo_home, today=demo_today))
    yield ctx
    ctx.close()


@pytest.fixture()
def demo_env(monkeypatch, demo_home, demo_today):
    """Environment for CLI commands run in-process against the demo home."""
    monkeypatch.setenv("COSELL_HOME", str(demo_home))
    monkeypatch.setenv("COSELL_TODAY", demo_today)
    return demo_home


@pytest.fixture(scope="session")
def pg_server():
    """One throwaway PostgreSQL server for the whole test session (started on first use)."""
    from tests.foundation.pg import throwaway_postgres

    with throwaway_postgres() as url:
        yield url


@pytest.fixture
def pg_url(pg_server) -> str:
    """A fresh, empty database of its own for this test on the session's PostgreSQL server."""
    from tests.foundation.pg import fresh_database

    return fresh_database(pg_server)


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request) -> str | None:
    """Run the test on both stores: None (the embedded SQLite under COSELL_HOME), then a fresh PostgreSQL database."""
    return None if request.param == "sqlite" else request.getfixturevalue("pg_url")
