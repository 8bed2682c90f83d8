"""A small key -> bytes cache in one SQLite file that every process of this machine shares (issue 22).

`cosell serve` runs one worker process per core, and each used to compute on its own what the other had
already computed: a question's first time on the second worker cost as much as its first time anywhere
(the multilingual model's passage vectors alone: seconds). Values kept here are written by one process and
read by the others (and by the next start). They are plain bytes the caller decodes as data (float32
vectors, pydantic JSON): never pickles, so nothing read back from the file can run code.

Keys must say everything the value depends on (versions of the data, the asker, the code: `code_print()`):
nothing is invalidated here; stale keys are simply never asked for again and age out (the oldest rows go beyond `max_rows`).
Any SQLite trouble (a read-only home, a locked or broken file) is a miss, logged once: the caller computes
the value as it would without the cache.
"""
from __future__ import annotations

import hashlib
import logging
import os
import sqlite3
import threading
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

MAX_ROWS = 50_000  # vectors of ~1.5 KB and tool results of a few KB: at most a few hundred MB
TRIM_EVERY = 500  # writes between two checks of the row count


SOURCE_PACKAGES = ("assistant", "connectors", "prompts", "retrieval", "tools")  # what computes the values


@lru_cache(maxsize=1)
def code_print() -> str:
    """A fingerprint of this installation's code (every file of our packages: path, size, modification
    time), for keys of values the code computes: the cache outlives a process, and a deployed fix must not
    be answered with what the previous code computed. Both workers of one checkout agree on it."""
    root = Path(__file__).resolve().parents[1]
    h = hashlib.sha256()
    for package in SOURCE_PACKAGES:
        for dirpath, dirnames, filenames in os.walk(root / package):
            dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
            for name in sorted(filenames):
                if name.endswith((".pyc", ".pyo")):
                    continue
                path = Path(dirpath) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                h.update(f"{path.relative_to(root)}|{stat.st_size}|{stat.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16]


def digest(*parts: str) -> str:
    """A fixed-length key from its parts (the parts may be long: texts, arguments)."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


class SharedCache:
    """Bytes by key, in the SQLite file `path` (created on first use), for every process and thread."""

    def __init__(self, path: Path, max_rows: int = MAX_ROWS):
        self.path = Path(path)
        self.max_rows = max_rows
        self._local = threading.local()
        self._writes = 0
        self._broken = False
        self._lock = threading.Lock()

    def _conn(self) -> sqlite3.Connection | None:
        if self._broken:
            return None
        conn = getattr(self._local, "conn", None)
        if conn is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, timeout=2.0, isolation_level=None, check_same_thread=False)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute("PRAGMA synchronous=OFF")  # a cache: a lost write is a recomputation
                conn.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL)")
            except (sqlite3.Error, OSError) as exc:
                self._give_up(exc)
                return None
            self._local.conn = conn
        return conn

    def _give_up(self, exc: Exception) -> None:
        if not self._broken:
            log.warning("shared cache %s not usable, computing without it: %r", self.path, exc)
        self._broken = True

    def get(self, key: str) -> bytes | None:
        return self.get_many([key]).get(key)

    def get_many(self, keys: Iterable[str]) -> dict[str, bytes]:
        keys = list(dict.fromkeys(keys))
        conn = self._conn()
        if conn is None or not keys:
            return {}
        found: dict[str, bytes] = {}
        try:
            for start in range(0, len(keys), 500):
                part = keys[start:start + 500]
                rows = conn.execute(f"SELECT key, value FROM entries WHERE key IN ({','.join('?' * len(part))})",
                                    part).fetchall()
                found.update((k, bytes(v)) for k, v in rows)
        except sqlite3.OperationalError as exc:  # busy or locked: a miss this time
            log.debug("shared cache read missed: %r", exc)
        except sqlite3.Error as exc:
            self._give_up(exc)
        return found

    def get_vectors(self, keys: Iterable[str]) -> dict[str, np.ndarray]:
        """float32 vectors kept by `put_vectors` (a value that is not whole float32s is a miss)."""
        return {k: np.frombuffer(v, dtype=np.float32).copy() for k, v in self.get_many(keys).items()
                if len(v) % 4 == 0}

    def put_vectors(self, items: Mapping[str, np.ndarray]) -> None:
        self.put_many({k: np.ascontiguousarray(v, dtype=np.float32).tobytes() for k, v in items.items()})

    def put(self, key: str, value: bytes) -> None:
        self.put_many({key: value})

    def put_many(self, items: Mapping[str, bytes]) -> None:
        conn = self._conn()
        if conn is None or not items:
            return
        try:
            conn.executemany("INSERT OR REPLACE INTO entries (key, value) VALUES (?, ?)", list(items.items()))
            with self._lock:
                self._writes += len(items)
                trim = self._writes >= TRIM_EVERY
                if trim:
                    self._writes = 0
            if trim:
                self._trim(conn)
        except sqlite3.OperationalError as exc:  # busy: the value is simply not shared this time
            log.debug("shared cache write skipped: %r", exc)
        except sqlite3.Error as exc:
            self._give_up(exc)

    def _trim(self, conn: sqlite3.Connection) -> None:
        """The oldest rows (lowest rowid: INSERT OR REPLACE gives a rewritten key a new one) beyond max_rows."""
        newest = conn.execute("SELECT max(rowid) FROM entries").fetchone()[0] or 0
        conn.execute("DELETE FROM entries WHERE rowid <= ?", (newest - self.max_rows,))

    def clear(self) -> None:
        conn = self._conn()
        if conn is not None:
            try:
                conn.execute("DELETE FROM entries")
            except sqlite3.Error as exc:
                self._give_up(exc)

    def close(self) -> None:
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
