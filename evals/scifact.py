"""SciFact eval (BEIR, test split): how good is our retrieval on a public benchmark?

The corpus (5,183 abstracts, title + text) is ingested as enablement content into a temporary
COSELL_HOME through the real ContentService (chunking, MiniLM embeddings, chroma, bm25s); each of the
300 test claims is searched with the real hybrid search and documents are ranked by their best chunk.
Metrics are the standard BEIR ones, implemented here: nDCG@10 (graded gains, log2 discount, ideal
from the qrels) and recall@100, averaged over the queries that have judgments.
Published baselines (nDCG@10): BM25 (BEIR) 0.665, bm25s 0.687, all-MiniLM-L6-v2 0.645.
Embedding 12k chunks takes minutes on 2 cores: set COSELL_EVAL_HOME to keep the ingested home between
runs (sync is idempotent, so a rerun embeds nothing). `quick=True` uses a 1,000-document sub-corpus
(all judged documents plus random others): faster, not comparable with the published numbers.
Run: `.venv/bin/python -m evals.scifact [--quick]`.
"""
from __future__ import annotations

import hashlib
import json
import math
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

DATA = Path(os.environ.get("COSELL_SHARED_DATA", "/work/shared/data")) / "beir-scifact"
BASELINES = {"bm25_beir": 0.665, "bm25s": 0.687, "all_minilm_l6_v2": 0.645}
THRESHOLDS = {"ndcg_at_10": 0.70, "recall_at_100": 0.90}
QUICK_DOCS = 1000


def load_corpus(path: Path = DATA) -> list[dict]:
    return [json.loads(line) for line in (path / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]


def load_queries(path: Path = DATA) -> dict[str, str]:
    rows = (json.loads(line) for line in (path / "queries.jsonl").read_text(encoding="utf-8").splitlines())
    return {row["_id"]: row["text"] for row in rows}


def load_qrels(split: str = "test", path: Path = DATA) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in (path / "qrels" / f"{split}.tsv").read_text().splitlines()[1:]:
        query_id, doc_id, score = line.split("\t")
        qrels.setdefault(query_id, {})[doc_id] = int(score)
    return qrels


def ndcg_at_k(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], k: int = 10) -> float:
    """Mean nDCG@k over the judged queries (BEIR/trec_eval: gain = grade, discount = log2(rank + 1))."""
    total = 0.0
    for query_id, judged in qrels.items():
        ranked = run.get(query_id, [])[:k]
        dcg = sum(judged.get(doc, 0) / math.log2(rank + 2) for rank, doc in enumerate(ranked))
        ideal = sorted(judged.values(), reverse=True)[:k]
        idcg = sum(grade / math.log2(rank + 2) for rank, grade in enumerate(ideal))
        total += dcg / idcg if idcg > 0 else 0.0
    return total / len(qrels) if qrels else 0.0


def recall_at_k(run: dict[str, list[str]], qrels: dict[str, dict[str, int]], k: int = 100) -> float:
    total = 0.0
    for query_id, judged in qrels.items():
        relevant = {doc for doc, grade in judged.items() if grade > 0}
        if relevant:
            total += len(relevant & set(run.get(query_id, [])[:k])) / len(relevant)
    return total / len(qrels) if qrels else 0.0


def as_documents(corpus: list[dict]) -> list[Any]:
    from connectors.models import DocumentRecord

    return [DocumentRecord(doc_id=row["_id"], source=f"scifact/{row['_id']}", title=row.get("title") or row["_id"],
                           kind="other", visibility=["internal"], locale="en", text=row.get("text") or "",
                           content_hash=hashlib.sha256(f"{row.get('title')}\n{row.get('text')}".encode()).hexdigest())
            for row in corpus]


def quick_corpus(corpus: list[dict], qrels: dict[str, dict[str, int]], size: int = QUICK_DOCS) -> list[dict]:
    judged = {doc for docs in qrels.values() for doc in docs}
    others = [row for row in corpus if row["_id"] not in judged]
    random.Random(13).shuffle(others)
    return [row for row in corpus if row["_id"] in judged] + others[: max(0, size - len(judged))]


@contextmanager
def _home() -> Iterator[Path]:
    keep = os.environ.get("COSELL_EVAL_HOME")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        yield Path(keep)
    else:
        with tempfile.TemporaryDirectory(prefix="cosell-scifact-") as tmp:
            yield Path(tmp)


def _progress(done: int, total: int) -> None:
    if done == total or done % 500 < 60:
        print(f"scifact: indexed {done}/{total} documents", file=sys.stderr, flush=True)


def rank_documents(service, queries: dict[str, str], qrels: dict, depth: int = 100) -> dict[str, list[str]]:
    """Documents ranked by their best chunk (one hit per document)."""
    return {qid: [hit.doc_id for hit in service.search(queries[qid], k=depth, max_per_doc=1)] for qid in qrels}


def run(quick: bool = False) -> dict:
    from assistant.core.config import Settings
    from retrieval.content import ContentService
    from retrieval.records import RecordStore

    corpus, queries, qrels = load_corpus(), load_queries(), load_qrels("test")
    if quick:
        corpus = quick_corpus(corpus, qrels)
    with _home() as home:
        settings = Settings(home=home / ("quick" if quick else "full"), database_url=None, chroma_url=None)
        store = RecordStore(settings.effective_database_url)
        service = ContentService(settings, store)
        try:
            start = time.perf_counter()
            stats = service.sync_documents(as_documents(corpus), progress=_progress)
            ingest_s = time.perf_counter() - start
            metrics: dict[str, Any] = {"documents": stats.documents, "chunks": stats.chunks,
                                       "embedded_chunks": stats.embedded_chunks, "ingest_seconds": round(ingest_s, 1)}
            hybrid_weight = service.searcher.dense_weight
            for name, weight in (("bm25", 0.0), ("dense", 1.0), ("hybrid", hybrid_weight)):
                service.searcher.dense_weight = weight
                start = time.perf_counter()
                ranked = rank_documents(service, queries, qrels)
                per_query_ms = 1000 * (time.perf_counter() - start) / max(1, len(qrels))
                metrics[f"{name}_ndcg_at_10"] = round(ndcg_at_k(ranked, qrels, 10), 4)
                metrics[f"{name}_recall_at_100"] = round(recall_at_k(ranked, qrels, 100), 4)
                metrics[f"{name}_ms_per_query"] = round(per_query_ms, 1)
            service.searcher.dense_weight = hybrid_weight
        finally:
            service.close()
            store.dispose()
    metrics["ndcg_at_10"] = metrics["hybrid_ndcg_at_10"]
    metrics["recall_at_100"] = metrics["hybrid_recall_at_100"]
    # In quick mode the sub-corpus is easier than the real one: a pass there is only a smoke test.
    passed = all(metrics[k] >= v for k, v in THRESHOLDS.items())
    return {"suite": "scifact", "quick": quick, "metrics": metrics, "baselines_ndcg_at_10": BASELINES,
            "thresholds": THRESHOLDS, "passed": passed}


if __name__ == "__main__":
    json.dump(run(quick="--quick" in sys.argv), sys.stdout, indent=2)
    print()
