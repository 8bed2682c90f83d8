"""Handbook eval: retrieval and extractive answers over the GitLab channel handbook (EN + JA).

The 36 pages of shared/data/gitlab-channel-handbook/corpus.jsonl are ingested as enablement documents
(doc id `<lang>:<path>`, visible to partners) into a temporary COSELL_HOME through the real
ContentService, then every question of evals/handbook_questions.yaml is asked through the real tools:
  * recall@5: a chunk of a right page (either language) is among the 5 results of `search_content`;
  * answer-contains: `answer_from_content` answered and quoted the expected text;
  * not-found: unanswerable questions got the honest "could not find" answer.
The same metrics are reported for evals/handbook_questions_heldout.yaml (`metrics["heldout"]`): questions
written before the answerer was tuned and never tuned against, so a gap between the two shows overfitting;
and for evals/handbook_questions_final.yaml (`metrics["final"]`), written blind, half of them near-topic
questions the handbook cannot answer.
Thresholds apply to the main set only.
Run: `.venv/bin/python -m evals.handbook [--quick]`.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

DATA = Path(os.environ.get("COSELL_SHARED_DATA", "/work/shared/data")) / "gitlab-channel-handbook" / "corpus.jsonl"
QUESTIONS = Path(__file__).with_name("handbook_questions.yaml")
# Written before the answerer was tuned and never tuned against: its gap to the main set shows overfitting.
HELDOUT = Path(__file__).with_name("handbook_questions_heldout.yaml")
# Written blind in session 3 (by someone who had not seen the answerer), mostly near-topic unanswerables:
# the harshest test of "not found". Reported as metrics["final"]; gates nothing.
FINAL = Path(__file__).with_name("handbook_questions_final.yaml")
# Written blind later in session 3, after the answerer was changed on what `final` showed: the honest
# measure of those changes. Reported as metrics["blind2"]; gates nothing.
BLIND2 = Path(__file__).with_name("handbook_questions_blind2.yaml")
REPORTED = {"heldout": HELDOUT, "final": FINAL, "blind2": BLIND2}
SHORT_PATHS = {
    "program-guide": "resellers/channel-program-guide/_index.md",
    "mdf": "resellers/channel-program-guide/mdf.md",
    "working": "resellers/channel-working-with-gitlab/index.md",
    "channel-ops": "sales/field-operations/channel-operations/_index.md",
    "partner-faq": "sales/field-operations/channel-operations/partner-faq.md",
    "sales-faq": "sales/field-operations/channel-operations/sales-faq.md",
    "champions": "resellers/partner-champions-program/_index.md",
    "training": "resellers/training.md",
    "tools": "resellers/channel-tools-resources.md",
    "implementation": "resellers/partner-enablement/partner-implementation-services.md",
    "migration": "resellers/partner-enablement/partner-migration-services.md",
    "alliances": "alliances/_index.md",
    "services": "resellers/services/_index.md",
}
# The product targets on the main set: the right page in the top 5, every unanswerable question gets
# "not found", a quote given as the answer is right (precision first: a wrong quote with a citation
# misleads more than "not found"), and the right text is on screen (as the answer or as the closest
# passage) for most answerable questions. The other sets are reported beside it and gate nothing: they
# show how much of the main set's score is tuning.
THRESHOLDS = {"recall_at_5": 0.90, "not_found_rate": 1.0, "answer_precision": 0.90, "shown_rate": 0.60}


def full_path(short: str) -> str:
    path = SHORT_PATHS.get(short, short)
    return path if path.startswith("content/") else "content/handbook/" + path


def load_documents(path: Path = DATA) -> list[Any]:
    """The corpus records as DocumentRecords (doc id `<lang>:<path>`, partners may read them)."""
    from connectors.models import DocumentRecord

    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        docs.append(DocumentRecord(
            doc_id=rec["id"], source=rec.get("url") or rec["path"], title=rec["title"], kind="other",
            visibility=["partners"], locale=rec.get("lang"), text=rec["text"],
            content_hash=hashlib.sha256(rec["text"].encode("utf-8")).hexdigest(),
            attributes={"path": rec["path"]},
        ))
    return docs


def load_questions(path: Path = QUESTIONS) -> list[dict]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    for case in cases:
        case.setdefault("lang", "ja" if re.search(r"[\u3040-\u30ff]", case["question"]) else "en")
        case.setdefault("style", "literal")
        case.setdefault("answerable", True)
        alts = case.get("answer_contains") or []
        case["answer_contains"] = [alts] if isinstance(alts, str) else list(alts)
        case["paths"] = [full_path(p) for p in case.get("paths") or []]
    return cases


def _page(doc_id: str) -> str:
    return doc_id.split(":", 1)[1] if ":" in doc_id else doc_id


def _contains(answer: str, alternatives: list[str]) -> bool:
    low = " ".join(answer.split()).lower()
    return any(" ".join(a.split()).lower() in low for a in alternatives)


def evaluate(ctx, cases: list[dict], scope=None, page=None) -> dict:
    """Ask every case through the real tools; per-case records plus aggregate metrics. `scope` asks (by
    default a partner seller: the handbook is visible to partners); `page(hit)` names the page a hit is
    on, as the cases' `paths` do (by default its doc id without the `<lang>:` prefix)."""
    from retrieval.extractive import NOT_FOUND, thresholds
    from retrieval.scope import Scope
    from tools.search.service import ANSWER_CANDIDATES, answer_for_hits, search_query

    scope = scope or Scope("eval-partner", "partner_seller", partner_id="P-EVAL")
    page = page or (lambda hit: _page(hit.doc_id))
    records, latencies = [], []
    for case in cases:
        start = time.perf_counter()
        # What the assistant's search tool does (tools.search.service.search_and_answer): one search serves the
        # passages and the answer. A threshold below any score gives the best candidate quote and its
        # confidence, so the found-threshold can be calibrated from one run; the decision below is the
        # one the tool makes with its threshold.
        query = search_query(case["question"])
        hits = ctx.content.search(query, k=ANSWER_CANDIDATES, allowed_visibility=scope.allowed_visibility())
        candidate = answer_for_hits(ctx, query, hits, threshold=-9.0)
        latencies.append(time.perf_counter() - start)
        results = hits[:5]
        answer_at, closest_at = thresholds(query)
        found = candidate.found and candidate.score >= answer_at
        # the quote the tool shows as the closest passage (a quote lacking the kind of answer asked for is
        # never the answer, so it comes back as `closest` even with the low threshold used here)
        quote = candidate.answer if candidate.found else candidate.closest or ""
        closest = not found and candidate.score >= closest_at
        pages = [page(r) for r in results]
        records.append({
            "id": case["id"], "lang": case["lang"], "style": case["style"], "answerable": case["answerable"],
            "hit_at_5": bool(set(pages) & set(case["paths"])) if case["answerable"] else None,
            "found": found, "score": candidate.score,
            "candidate_contains": _contains(candidate.answer, case["answer_contains"]) if case["answerable"] else None,
            "contains": found and _contains(candidate.answer, case["answer_contains"]) if case["answerable"] else None,
            "closest_contains": closest and _contains(quote, case["answer_contains"])
            if case["answerable"] else None,
            "answer": (candidate.answer if found else NOT_FOUND)[:300], "candidate": candidate.answer[:300],
            "top_pages": pages[:3],
        })
    return {"records": records, "metrics": _metrics(records, latencies)}


def _rate(values: list[bool]) -> float:
    return round(sum(values) / len(values), 4) if values else 0.0


def _metrics(records: list[dict], latencies: list[float]) -> dict:
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    metrics: dict[str, Any] = {
        "questions": len(records),
        "recall_at_5": _rate([r["hit_at_5"] for r in answerable]),
        "answer_contains_rate": _rate([r["found"] and r["contains"] for r in answerable]),
        "answered_rate": _rate([r["found"] for r in answerable]),
        "answer_precision": _rate([r["contains"] for r in answerable if r["found"]]),
        "shown_rate": _rate([bool(r["contains"] or r["closest_contains"]) for r in answerable]),
        # not answered, but the closest passage shown (labelled as such) quotes the answer
        "closest_contains_rate": _rate([bool(r["closest_contains"]) for r in answerable]),
        "not_found_rate": _rate([not r["found"] for r in unanswerable]),
        "ask_latency_p50_ms": round(1000 * sorted(latencies)[len(latencies) // 2], 1) if latencies else 0.0,
    }
    for name, subset in (("en_literal", [r for r in answerable if r["lang"] == "en" and r["style"] == "literal"]),
                         ("en_paraphrase", [r for r in answerable if r["lang"] == "en" and r["style"] == "paraphrase"]),
                         ("ja", [r for r in answerable if r["lang"] == "ja"])):
        metrics[f"recall_at_5_{name}"] = _rate([r["hit_at_5"] for r in subset])
        metrics[f"answer_contains_{name}"] = _rate([r["found"] and r["contains"] for r in subset])
    metrics["best_threshold"] = calibrate([r for r in records if r["lang"] != "ja"])
    metrics["best_threshold_ja"] = calibrate([r for r in records if r["lang"] == "ja"])
    return metrics


def calibrate(records: list[dict]) -> dict:
    """The found-threshold that maximises correct outcomes (a right quote for an answerable question, a
    "not found" for an unanswerable one): reported to re-tune retrieval.extractive.FOUND_THRESHOLD."""
    best = {"threshold": 0.0, "accuracy": -1.0}
    if not records:
        return best
    for t in sorted({round(r["score"], 4) for r in records} | {0.0, 1.0}):
        ok = [(r["score"] >= t and r["candidate_contains"]) if r["answerable"] else r["score"] < t for r in records]
        accuracy = sum(ok) / len(ok)
        if accuracy > best["accuracy"]:
            best = {"threshold": t, "accuracy": round(accuracy, 4)}
    return best


@contextmanager
def _home(name: str) -> Iterator[Path]:
    """COSELL_EVAL_HOME keeps the ingested handbook between runs (sync is idempotent); else a temp dir."""
    keep = os.environ.get("COSELL_EVAL_HOME")
    if keep:
        path = Path(keep) / f"handbook-{name}"
        path.mkdir(parents=True, exist_ok=True)
        yield path
    else:
        with tempfile.TemporaryDirectory(prefix="cosell-handbook-") as tmp:
            yield Path(tmp)


def _progress(done: int, total: int) -> None:
    print(f"handbook: indexed {done}/{total} documents", file=sys.stderr, flush=True)


def run(quick: bool = False) -> dict:
    """Ingest the handbook into a temporary home and score the question set."""
    from assistant.core.config import Settings
    from assistant.engine.context import AppContext

    cases = load_questions()
    others = {name: load_questions(path) for name, path in REPORTED.items()}
    docs = load_documents()
    if quick:  # the English pages only, and the questions about them
        docs = [d for d in docs if d.locale == "en"]
        cases = [c for c in cases if c["lang"] == "en"]
        others = {name: [c for c in cs if c["lang"] == "en"] for name, cs in others.items()}
    with _home("quick" if quick else "full") as home:
        ctx = AppContext(Settings(home=home, database_url=None, chroma_url=None))
        try:
            start = time.perf_counter()
            stats = ctx.content.sync_documents(docs, progress=_progress)
            ingest_s = time.perf_counter() - start
            result = evaluate(ctx, cases)
            reported = {name: evaluate(ctx, cs) for name, cs in others.items()}
        finally:
            ctx.close()
    metrics = result["metrics"] | {"documents": stats.documents, "chunks": stats.chunks,
                                   "ingest_seconds": round(ingest_s, 1)}
    metrics |= {name: r["metrics"] for name, r in reported.items()}
    passed = all(metrics[k] >= v for k, v in THRESHOLDS.items())
    report = {"suite": "handbook", "metrics": metrics, "thresholds": THRESHOLDS, "passed": passed,
              "failures": _failures(result["records"]), "cases": result["records"]}
    for name, r in reported.items():
        report[f"{name}_failures"] = _failures(r["records"])
        report[f"{name}_cases"] = r["records"]
    return report


def _failures(records: list[dict]) -> list[str]:
    return [r["id"] for r in records if (r["answerable"] and not (r["hit_at_5"] and r["found"] and r["contains"]))
            or (not r["answerable"] and r["found"])]


if __name__ == "__main__":
    report = run(quick="--quick" in sys.argv)
    json.dump(report, sys.stdout, indent=2, ensure_ascii=False)
    print()
