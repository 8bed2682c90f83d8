"""First ingest of SciFact documents beside the LangChain tutorial pipeline, in one invocation (issue 22).

The same documents (the SciFact quick sub-corpus: every judged document plus random others, first
`COSELL_BENCH_SCIFACT_DOCS`, default 1,000) go through:
- `langchain`: the LangChain RAG tutorial's indexing -- RecursiveCharacterTextSplitter(1000, 200),
  `langchain_chroma.Chroma.from_documents` into a persistent directory, the same MiniLM model through
  sentence-transformers' `encode` (what `HuggingFaceEmbeddings` calls; batch 32, torch);
- `ours_torch`: `ContentService.sync_documents` with the torch embedder (the state before issue 22);
- `ours`: the same with the default embedder (ONNX for documents);
- `ours_int8`: the same with the int8 ONNX models (`COSELL_EMBEDDING_INT8`);
- `ours_b64`: `ours` with the ONNX forward batch of before (64 texts instead of `DOCUMENT_FORWARD_BATCH`);
- `ours_w1`: `ours` with one forward pass at a time on every core, as before (`DOCUMENT_WORKERS=1`);
- `ours_prev`: `ours` as it was before issue 22's fourth pass: the document export traced with
  transformers' "sdpa" attention, passes of 8 texts ordered by characters (`DOCUMENT_EXPORT_ATTENTION`,
  `DOCUMENT_ORDER`, `DOCUMENT_FORWARD_BATCH`);
- `ours_bN` (N other than 64): `ours` with passes of N texts.
An ingest here is the document sync plus the build of the lexical (BM25) index that the first search
would otherwise build. Every run reports the process CPU seconds (all threads) by stage -- `cpu_split`:
chunk (splitting, token counts), tokenise (MiniLM's tokenizer, input arrays), model (the forward pass
alone), pool (span vectors), vectors (chroma writes), sql (rows), lexical (BM25 index), other (the rest);
for LangChain: split (the splitter), model, store (everything else in `from_documents`) -- and
`outside_model_cpu_share`, the CPU outside the forward pass over the ingest's CPU (the issue's "time spent
outside the embedding model"). On a shared machine read CPU seconds and ratios, not wall seconds: the
load average is printed before and after each run. A second, unchanged sync of the same documents is
timed as a share of the first (wall and CPU). `projection_full_scifact` scales ours' CPU per chunk to the
full corpus (chunks counted by our splitter, no embedding) and halves it for 2 idle cores: what the
first ingest would take on an idle machine if both cores were busy all along (an estimate, not a
measurement). Targets: full SciFact first ingest <= 180 s on an idle 2-core machine, outside the model
<= 20%, second ingest <= 3% of the first.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

TARGETS = {"outside_model_cpu_share": 0.20, "second_vs_first": 0.03, "full_scifact_first_s": 180}


def _load() -> list[float]:
    return [round(x, 1) for x in os.getloadavg()]


def _langchain(corpus: list[dict], home: Path) -> dict:
    from langchain_chroma import Chroma  # heavy: the baseline only
    from langchain_core.documents import Document
    from langchain_core.embeddings import Embeddings
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from retrieval.embeddings import default_model_path, load_model

    model = load_model(default_model_path())

    model_cpu = 0.0

    class MiniLM(Embeddings):  # what langchain_huggingface.HuggingFaceEmbeddings does with default arguments
        def embed_documents(self, texts: list[str]) -> list[list[float]]:
            nonlocal model_cpu
            started = time.process_time()
            try:
                return model.encode(texts, batch_size=32, show_progress_bar=False).tolist()
            finally:
                model_cpu += time.process_time() - started

        def embed_query(self, text: str) -> list[float]:
            return self.embed_documents([text])[0]

    load = _load()
    started, started_cpu = time.perf_counter(), time.process_time()
    docs = [Document(page_content=f"{row.get('title') or ''}\n{row.get('text') or ''}", metadata={"id": row["_id"]})
            for row in corpus]
    splits = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200).split_documents(docs)
    split_cpu = time.process_time() - started_cpu
    store = Chroma.from_documents(documents=splits, embedding=MiniLM(), persist_directory=str(home))
    seconds, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    count = store._collection.count()
    split = {"split": split_cpu, "model": model_cpu, "store": cpu - split_cpu - model_cpu}
    return {"chunks": count, "first_s": round(seconds, 1), "chunks_per_s": round(count / seconds, 2),
            "cpu_s": round(cpu, 1), "chunks_per_cpu_s": round(count / cpu, 2),
            "cpu_split": {k: round(v, 2) for k, v in split.items()},
            "outside_model_cpu_share": round(1 - model_cpu / cpu, 3),
            "load_before": load, "load_after": _load()}


def _ours(docs: list, home: Path, onnx: bool, quantized: bool = False, forward_batch: int | None = None,
          workers: int | None = None, previous: bool = False) -> dict:
    """One run of ours (`previous`: the document road before issue 22's fourth pass)."""
    from retrieval import embeddings

    kept = embeddings.DOCUMENT_EXPORT_ATTENTION, embeddings.DOCUMENT_ORDER
    if previous:
        embeddings.DOCUMENT_EXPORT_ATTENTION, embeddings.DOCUMENT_ORDER = "sdpa", "chars"
        forward_batch = forward_batch or 8
    try:
        return _ours_run(docs, home, onnx, quantized, forward_batch, workers)
    finally:
        embeddings.DOCUMENT_EXPORT_ATTENTION, embeddings.DOCUMENT_ORDER = kept


def _ours_run(docs: list, home: Path, onnx: bool, quantized: bool, forward_batch: int | None,
              workers: int | None) -> dict:
    from assistant.core.config import Settings
    from retrieval import embeddings
    from retrieval.content import ContentService
    from retrieval.embeddings import Embedder
    from retrieval.records import RecordStore

    settings = Settings(home=home, database_url=None, chroma_url=None)
    store = RecordStore(settings.effective_database_url)
    embedder = Embedder(settings.embedding_model_path, settings.embedding_batch_size, settings.torch_threads,
                        onnx_documents=onnx, quantized=quantized)
    embedder.embed_texts(["load the model before the clock starts"])
    from assistant.core.tokens import count_tokens

    count_tokens("load the tokenizer before the clock starts")  # LangChain's splitter counts characters
    service = ContentService(settings, store, embedder=embedder)
    service.index.count()
    embedder.cpu = dict.fromkeys(embedder.cpu, 0.0)
    kept, kept_workers = embeddings.DOCUMENT_FORWARD_BATCH, embeddings.DOCUMENT_WORKERS
    embeddings.DOCUMENT_FORWARD_BATCH = forward_batch or kept
    embeddings.DOCUMENT_WORKERS = workers or kept_workers
    load = _load()
    try:
        started, started_cpu = time.perf_counter(), time.process_time()
        stats = service.sync_documents(docs)
        synced_cpu = time.process_time()
        service.searcher.snapshot()  # the lexical index, built here rather than by the first search
        first, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    finally:
        embeddings.DOCUMENT_FORWARD_BATCH, embeddings.DOCUMENT_WORKERS = kept, kept_workers
    stages = dict(service.ingest_cpu)
    stages.pop("embed")  # = the embedder's parts + its own loop ("other")
    split = {"chunk": stages.pop("chunk"), **embedder.cpu, **stages, "lexical": started_cpu + cpu - synced_cpu}
    split["other"] = cpu - sum(split.values())  # the embedder's own loop (embed - its parts), sweep, reads
    started, started_cpu = time.perf_counter(), time.process_time()
    again = service.sync_documents(docs)
    second, second_cpu = time.perf_counter() - started, time.process_time() - started_cpu
    service.close()
    store.dispose()
    return {"chunks": stats.chunks, "first_s": round(first, 1), "chunks_per_s": round(stats.chunks / first, 2),
            "cpu_s": round(cpu, 1), "chunks_per_cpu_s": round(stats.chunks / cpu, 2),
            "cpu_split": {k: round(v, 2) for k, v in split.items()},
            "model_cpu_s": round(split["model"], 1), "outside_model_cpu_s": round(cpu - split["model"], 1),
            "outside_model_cpu_share": round(1 - split["model"] / cpu, 3),
            "second_s": round(second, 3), "second_cpu_s": round(second_cpu, 3),
            "second_embedded_chunks": again.embedded_chunks,
            "second_vs_first": round(second / first, 4), "second_vs_first_cpu": round(second_cpu / cpu, 4),
            "load_before": load, "load_after": _load()}


def _full_chunks() -> int:
    """Chunks of the full SciFact corpus under our splitter (no embedding)."""
    from evals import scifact
    from retrieval.chunking import MAX_TOKENS, OVERLAP_TOKENS, chunk_text

    return sum(len(chunk_text(row.get("title"), row.get("text") or "", MAX_TOKENS, OVERLAP_TOKENS))
               for row in scifact.load_corpus())


def run() -> dict:
    from evals import scifact

    size = int(os.environ.get("COSELL_BENCH_SCIFACT_DOCS", "1000"))
    runs = os.environ.get("COSELL_BENCH_SCIFACT_RUNS", "langchain,ours,ours_b64,ours_int8").split(",")
    corpus = scifact.quick_corpus(scifact.load_corpus(), scifact.load_qrels("test"), size)[:size]
    docs = scifact.as_documents(corpus)
    report: dict = {"documents": len(corpus), "cpu_count": os.cpu_count(), "targets": TARGETS,
                    "load_start": _load()}
    with tempfile.TemporaryDirectory(prefix="cosell-bench-scifact-") as tmp:
        for name in runs:
            home = Path(tmp) / name
            if name == "langchain":
                report[name] = _langchain(corpus, home)
            else:
                batch = name.removeprefix("ours_b")
                report[name] = _ours(docs, home, onnx=name != "ours_torch", quantized=name == "ours_int8",
                                     forward_batch=int(batch) if batch.isdigit() else None,
                                     workers=1 if name in ("ours_b64", "ours_w1") else None,
                                     previous=name == "ours_prev")
    report["load_end"] = _load()
    base = report.get("langchain")
    names = ("ours_torch", "ours", "ours_prev", "ours_w1", "ours_int8") + tuple(
        name for name in runs if name.removeprefix("ours_b").isdigit())
    for name in names:
        if base and name in report:  # > 1: ours indexes the same documents faster
            report[name]["speed_vs_langchain"] = round(
                report[name]["chunks_per_s"] / base["chunks_per_s"], 2)
            report[name]["time_vs_langchain"] = round(report[name]["first_s"] / base["first_s"], 2)
            # CPU seconds per chunk, ours over theirs: what a loaded machine distorts least
            report[name]["cpu_per_chunk_vs_langchain"] = round(
                base["chunks_per_cpu_s"] / report[name]["chunks_per_cpu_s"], 2)
            report[name]["cpu_per_document_vs_langchain"] = round(report[name]["cpu_s"] / base["cpu_s"], 2)
    for name in names[2:] + ("ours_torch",):
        if "ours" in report and name in report:
            report[name]["cpu_vs_ours"] = round(report[name]["cpu_s"] / report["ours"]["cpu_s"], 2)
    if any(name in report for name in names):
        full = _full_chunks()
        report["projection_full_scifact"] = {"chunks": full} | {
            name: {"cpu_s": round(full * report[name]["cpu_s"] / report[name]["chunks"]),
                   "idle_2_core_s": round(full * report[name]["cpu_s"] / report[name]["chunks"] / 2)}
            for name in names if name in report}
    if "ours" in report and "ours_torch" in report:
        report["ours"]["speed_vs_ours_torch"] = round(report["ours"]["chunks_per_s"] / report["ours_torch"]["chunks_per_s"], 2)
    return report


if __name__ == "__main__":
    import json

    print(json.dumps(run(), indent=2))
