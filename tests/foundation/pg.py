"""A throwaway PostgreSQL 15 server in a temp dir (Debian's binaries; initdb refuses root, so run as nobody).
The test session starts one (`pg_server` in tests/conftest.py); each test gets a fresh database on it (`pg_url`)."""
from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from evals.bench.ports import free_port

PG_BIN = Path("/usr/lib/postgresql/15/bin")


def _as_nobody(cmd: list[str]) -> list[str]:
    return cmd if os.geteuid() != 0 else ["runuser", "-u", "nobody", "--", *cmd]


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """Yields a SQLAlchemy URL of a fresh database; the server is stopped and removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix="cosell-pg-"))
    os.chmod(tmp, 0o777)
    if os.geteuid() == 0:
        shutil.chown(tmp, "nobody")
    port = free_port()
    data = tmp / "db"
    subprocess.run(_as_nobody([str(PG_BIN / "initdb"), "-D", str(data), "-A", "trust", "-U", "cosell"]),
                   check=True, capture_output=True)
    opts = f"-p {port} -k {tmp} -c listen_addresses="
    subprocess.run(_as_nobody([str(PG_BIN / "pg_ctl"), "-D", str(data), "-o", opts, "-l", str(tmp / "log"),
                               "-w", "start"]), check=True, capture_output=True)
    try:
        deadline = time.time() + 30
        while not (tmp / f".s.PGSQL.{port}").exists() and time.time() < deadline:
            time.sleep(0.1)
        yield f"postgresql+psycopg://cosell@/postgres?host={tmp}&port={port}"
    finally:
        subprocess.run(_as_nobody([str(PG_BIN / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(tmp, ignore_errors=True)


def fresh_database(server_url: str) -> str:
    """A new, empty database on the server of `server_url` (a URL from `throwaway_postgres`): its URL."""
    import sqlalchemy as sa

    name = f"t_{uuid.uuid4().hex[:12]}"
    engine = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    finally:
        engine.dispose()
    return server_url.replace("/postgres?", f"/{name}?", 1)
