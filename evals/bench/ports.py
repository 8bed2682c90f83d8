"""A free local TCP port, for a server started in a subprocess (the benchmarks and the tests)."""

from __future__ import annotations

import socket


def free_port() -> int:
    """A port on 127.0.0.1 that was free just now (the OS picks it; a race with another process is
    possible but rare enough for benchmarks and tests)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
