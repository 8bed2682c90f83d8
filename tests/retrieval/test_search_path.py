"""The content question's hot path: one search per question, unit vectors from ingest, cached query
vectors, the ONNX query model, and permissions that hold under concurrent askers."""
from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

from assistant.core.config import Settings
from assistant.engine.context import AppContext
from retrieval.content import decode_units, pool_unit_vectors
from retrieval.scope import Scope
from retrieval.search import Hit
from tests.retrieval.conftest import make_doc
from tools.search.service import SearchArgs, search_and_answer, search_content

POLICY = ("# Deal registration\n\nPartners register opportunities in the partner portal. Approved deal "
          "registrations expire 90 days after approval.\n\n## Protection\n\n- The portal warns you 14 days before "
          "a registration expires.\n- One extension of 30 days can be requested.")
PLAYBOOK = "# Lakehouse playbook\n\nLead with the migration assessment. Approved pilots run for 30 days."
SECRET = "# Pricing\n\nInternal pricing note: the floor discount for Ultimate renewals is 35 percent."
SELLER = Scope("s1", "partner_seller", partner_id="P-001")
ADMIN = Scope.operator()


@pytest.fixture(scope="module")
def ctx(tmp_path_factory):
    context = AppContext(Settings(home=tmp_path_factory.mktemp("search-path")))
    context.content.sync_documents([
        make_doc("policies/deal-reg.md", POLICY, title="Deal registration policy", kind="policy"),
        make_doc("playbooks/lakehouse.md", PLAYBOOK, title="Lakehouse playbook", kind="playbook"),
        make_doc("internal/pricing.md", SECRET, title="Pricing", visibility=("internal",)),
    ])
    yield context
    context.close()


def test_one_search_serves_the_passages_and_the_answer(ctx, monkeypatch):
    expected = search_content(ctx, SELLER, "How long do approved registrations last?", k=2).results
    calls = []
    real = ctx.content.search
    monkeypatch.setattr(ctx.content, "search", lambda *a, **kw: calls.append(kw) or real(*a, **kw))
    embedded = ctx.content.embedder.queries_embedded
    result = search_and_answer(ctx, SELLER, SearchArgs(query="How long do approved registrations last?", k=2))
    assert len(calls) == 1 and calls[0]["allowed_visibility"] == SELLER.allowed_visibility()
    assert [r.chunk_id for r in result.results] == [r.chunk_id for r in expected]
    assert result.found and "90 days" in result.answer
    assert ctx.content.embedder.queries_embedded == embedded  # the query vector was cached by the first call


def test_the_answer_respects_the_filters(ctx):
    result = search_and_answer(ctx, ADMIN, SearchArgs(query="How long do approved pilots run?", kinds=["policy"]))
    assert all(r.doc_id == "policies/deal-reg.md" for r in result.results)
    assert all(c.doc_id == "policies/deal-reg.md" for c in result.citations)


def test_unit_vectors_are_stored_at_ingest_and_never_recomputed(ctx):
    hits = ctx.content.search("registration extension", k=3)
    stored = ctx.content.index.collection.get(ids=[h.chunk_id for h in hits], include=["metadatas"])
    assert all(m.get("unit_vectors") and m.get("unit_key") for m in stored["metadatas"])
    calls = ctx.content.embedder.calls
    served = ctx.content.unit_vectors(hits)
    assert ctx.content.embedder.calls == calls  # read from the chunk metadata, not the model
    fresh = pool_unit_vectors(ctx.content.embedder, hits)
    for hit in hits:
        assert served[hit.chunk_id].shape == fresh[hit.chunk_id].shape
        assert np.allclose(served[hit.chunk_id], fresh[hit.chunk_id], atol=0.02)  # int8 storage
    # Text that differs from what was indexed never gets the stored vectors (keyed by content hash).
    changed = Hit(**(hits[0].model_dump() | {"text": hits[0].text + " One more sentence here."}))
    assert len(ctx.content.unit_vectors([changed])[changed.chunk_id]) == len(fresh[hits[0].chunk_id]) + 1


def test_the_warm_up_decodes_every_chunks_unit_vectors_once(ctx, monkeypatch):
    """After `warm_unit_vectors` (a warm-up step) a first answer reads no chroma metadata, and gets the vectors
    it would have read (as kept in memory after a read); a chunk whose text changed is still not served them."""
    ctx.content._units.clear()
    chunks = ctx.content.index.count()
    assert ctx.content.warm_unit_vectors() == chunks > 0
    hits = ctx.content.search("registration extension", k=3)
    stored = ctx.content.index.collection.get(ids=[h.chunk_id for h in hits], include=["metadatas"])
    dim = ctx.content.embedder.dimension
    expected = {cid: decode_units(m["unit_vectors"], dim).astype(np.float16)
                for cid, m in zip(stored["ids"], stored["metadatas"])}
    reads = []
    real = ctx.content._stored_units
    monkeypatch.setattr(ctx.content, "_stored_units", lambda ids, *a: reads.append(ids) or real(ids, *a))
    served = ctx.content.unit_vectors(hits)
    assert reads == [] and set(served) == set(expected)
    assert all(np.array_equal(served[cid], expected[cid]) for cid in expected)
    changed = Hit(**(hits[0].model_dump() | {"text": hits[0].text + " One more sentence here."}))
    ctx.content.unit_vectors([changed])
    assert reads == [[changed.chunk_id]]
    ctx.content._units.clear()
    assert ctx.content.warm_unit_vectors(limit=1) == 1 and len(ctx.content._units) == 1


def test_a_dense_query_repeated_in_one_content_version_asks_the_index_once(ctx, monkeypatch):
    """The same query, depth and filter again (an answer's programme-only pass, its second search) reuses the
    nearest chunks of the first; another filter, another query or new content asks the index again; the
    asker's visibility still decides what is returned."""
    searcher = ctx.content.searcher
    searcher._neighbours.clear()
    calls = []
    real = searcher.index.query
    monkeypatch.setattr(searcher.index, "query", lambda *a, **kw: calls.append(a[1:]) or real(*a, **kw))
    first = ctx.content.search("floor discount for renewals", k=3)
    again = ctx.content.search("floor discount for renewals", k=3)
    assert len(calls) == 1 and again == first and any(h.doc_id == "internal/pricing.md" for h in first)
    seller = ctx.content.search("floor discount for renewals", k=3, allowed_visibility=SELLER.allowed_visibility())
    assert all(h.doc_id != "internal/pricing.md" for h in seller) and len(calls) == 2
    ctx.content.search("approved pilots", k=3)
    assert len(calls) == 3
    searcher.invalidate()
    ctx.content.search("floor discount for renewals", k=3)
    assert calls[-1] == calls[0]


def test_int8_unit_vectors_round_trip():
    from retrieval.content import encode_units

    vectors = np.random.default_rng(1).normal(size=(4, 384)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors[2] = 0.0  # a unit past the model's window
    decoded = decode_units(encode_units(vectors), 384)
    assert np.abs(decoded - vectors).max() < 0.01 and not decoded[2].any()


def test_query_vectors_are_cached_and_bounded(embedder):
    from retrieval.embeddings import Embedder

    small = Embedder(query_cache_size=2)
    first = small.embed_query("how long is protection?")
    assert small.embed_query("how long is protection?") is first and small.queries_embedded == 1
    small.embed_query("b")
    small.embed_query("c")
    small.embed_query("how long is protection?")
    assert small.queries_embedded == 4  # evicted, embedded again
    with pytest.raises(ValueError):
        first[0] = 1.0  # shared between threads: read-only


def test_onnx_query_model_agrees_with_torch(embedder):
    from retrieval.embeddings import Embedder, query_model

    assert query_model(embedder.model_path) is not None
    torch_only = Embedder(onnx_queries=False)
    for text in ("How long is an approved registration protected?", "MDF の最低申請金額はいくらですか？"):
        assert float(embedder.embed_query(text) @ torch_only.embed_query(text)) > 0.9999


def test_concurrent_askers_never_see_each_others_content(ctx):
    """20 threads, a partner seller and an admin asking about the internal note at once: the seller never
    gets it, and every answer equals the one given to the same asker alone."""
    question = "What is the floor discount for Ultimate renewals?"
    alone = {s.role: search_and_answer(ctx, s, SearchArgs(query=question)) for s in (SELLER, ADMIN)}
    assert "35 percent" in alone["admin"].answer and "35 percent" not in alone["partner_seller"].answer
    barrier = threading.Barrier(20)

    def ask(i: int):
        scope = SELLER if i % 2 else ADMIN
        barrier.wait()
        return scope.role, search_and_answer(ctx, scope, SearchArgs(query=question))

    with ThreadPoolExecutor(20) as pool:
        results = list(pool.map(ask, range(20)))
    for role, result in results:
        assert result.model_dump() == alone[role].model_dump()
        if role == "partner_seller":
            assert all(r.doc_id != "internal/pricing.md" for r in result.results)


def test_onnx_document_model_gives_torchs_vectors_and_unit_vectors(embedder):
    """Ingest's ONNX road: the same chunk vectors and the same pooled unit vectors as torch, padded batch
    of texts of different lengths (leading whitespace included: offsets are shifted back)."""
    from retrieval.content import _spans
    from retrieval.embeddings import Embedder, document_model

    assert document_model(embedder.model_path, 2) is not None
    texts = ["Deal registration\nAn approved registration is protected for 90 days. Renewals follow the same rule.",
             "  MDF claims need proof of execution within 30 days of the event.",
             "Short one."]
    spans = [_spans(None, None, t) for t in texts]
    fast = Embedder(batch_size=2)
    slow = Embedder(batch_size=2, onnx_documents=False)
    fast_vectors, fast_units = fast.embed_with_spans(texts, spans)
    slow_vectors, slow_units = slow.embed_with_spans(texts, spans)
    assert np.min(np.sum(fast_vectors * slow_vectors, axis=1)) > 0.9999
    for a, b in zip(fast_units, slow_units):
        assert a.shape == b.shape and len(a) > 0
        assert np.min(np.sum(a * b, axis=1)) > 0.9999
    assert np.allclose(fast.embed_texts(texts), fast_vectors, atol=1e-5)


def test_int8_setting_selects_quantised_models_close_to_float(tmp_path, embedder):
    """COSELL_EMBEDDING_INT8: ingest and queries run the int8 exports (other files than the float ones),
    whose chunk, unit and query vectors stay within cosine 0.98 of float32; off by default."""
    from retrieval.content import ContentService, _spans
    from retrieval.embeddings import document_model, query_model
    from retrieval.records import RecordStore

    settings = Settings(home=tmp_path / "int8", embedding_int8=True)
    assert Settings(home=tmp_path / "float").embedding_int8 is False
    service = ContentService(settings, RecordStore(settings.effective_database_url))
    quantized = service.embedder
    assert quantized.quantized
    assert document_model(embedder.model_path, 2, True) is not document_model(embedder.model_path, 2, False)
    assert query_model(embedder.model_path, True) is not query_model(embedder.model_path, False)
    texts = ["Deal registration\nAn approved registration is protected for 90 days. Renewals follow the same rule.",
             "MDF claims need proof of execution within 30 days of the event."]
    spans = [_spans(None, None, t) for t in texts]
    q_vectors, q_units = quantized.embed_with_spans(texts, spans)
    f_vectors, f_units = embedder.embed_with_spans(texts, spans)
    assert np.min(np.sum(q_vectors * f_vectors, axis=1)) > 0.98
    assert not np.allclose(q_vectors, f_vectors, atol=1e-4)  # really another model
    for a, b in zip(q_units, f_units):
        assert np.min(np.sum(a * b, axis=1)) > 0.95
    question = "How long is an approved registration protected?"
    assert float(quantized.embed_query(question) @ embedder.embed_query(question)) > 0.98
    service.close()


def test_int8_queries_alone_leave_documents_float(tmp_path, embedder):
    """COSELL_EMBEDDING_INT8_QUERIES (on by default): questions through the int8 query model, documents
    still float32."""
    from retrieval.content import ContentService
    from retrieval.records import RecordStore

    settings = Settings(home=tmp_path / "q8")  # the default
    assert Settings(home=tmp_path / "float", embedding_int8_queries=False).embedding_int8_queries is False
    service = ContentService(settings, RecordStore(settings.effective_database_url))
    mixed = service.embedder
    assert mixed.query_quantized and not mixed.quantized
    question = "How long is an approved registration protected?"
    q8, f32 = mixed.embed_query(question), embedder.embed_query(question)
    assert float(q8 @ f32) > 0.98 and not np.allclose(q8, f32, atol=1e-4)
    texts = ["MDF claims need proof of execution within 30 days of the event."]
    assert np.allclose(mixed.embed_texts(texts), embedder.embed_texts(texts), atol=1e-5)
    service.close()


def test_fusion_ranks_best_first_and_ties_by_position():
    """Fusion over the union of both lists; a chunk missing from the dense list gets the lowest dense
    similarity seen; equal scores in chunk order (deterministic)."""
    from retrieval.lexical import top_k
    from retrieval.search import fuse

    lexical = np.array([0.0, 0.5, 0.5, 0.0, 0.9, 0.2], dtype=np.float32)
    assert top_k(lexical, 3) == [(4, pytest.approx(0.9)), (1, 0.5), (2, 0.5)]
    assert top_k(np.zeros(4, dtype=np.float32), 2) == []
    fused = fuse(lexical, top_k(lexical, 3), [(3, 0.8), (2, 0.4)], 0.5)
    assert [pos for pos, _ in fused] == [4, 1, 2, 3]
    scores = dict(fused)
    assert scores[4] == pytest.approx(0.5 * 0.4 + 0.5 * 0.9)  # not in the dense list: its floor, 0.4
    assert scores[3] == pytest.approx(0.4) and scores[1] == pytest.approx(0.45)
    assert fuse(lexical, [], [], 0.5) == []


def test_query_vectors_are_shared_with_the_other_workers(embedder, tmp_path, monkeypatch):
    from retrieval.embeddings import Embedder
    from retrieval.shared_cache import SharedCache

    shared = SharedCache(tmp_path / "shared.sqlite")
    first = Embedder(shared=shared).embed_query("who approves a registration?")
    other = Embedder(shared=shared)  # another process: its own memory, the machine's cache
    monkeypatch.setattr(other, "_embed_query_now", lambda fast, text: pytest.fail("embedded again"))
    again = other.embed_query("who approves a registration?")
    assert np.array_equal(first, again) and not again.flags.writeable


def test_document_passes_side_by_side_give_the_one_at_a_time_vectors(monkeypatch):
    """Ingest runs ONNX forward passes on several threads at once (one single-threaded pass each) and
    pools span vectors as results come back: every text keeps its own vector and unit vectors, in
    order, as when one pass at a time uses every core; the CPU counters record both parts."""
    from retrieval import embeddings
    from retrieval.content import _spans
    from retrieval.embeddings import Embedder

    sentences = ["Deal registration protects the partner for 90 days.", "MDF claims need proof of execution.",
                 "Renewals follow the same rule as new business.", "Short one."]
    texts = [" ".join(sentences[: 1 + i % 4]) * (1 + i % 3) + f" Item {i}." for i in range(45)]
    spans = [_spans(None, None, t) for t in texts]
    runs = {}
    for workers in (1, 3):
        monkeypatch.setattr(embeddings, "DOCUMENT_WORKERS", workers)
        embedder = Embedder(threads=2)
        vectors, units = embedder.embed_with_spans(texts, spans)
        assert embedder.cpu["model"] > 0 and embedder.cpu["tokenise"] > 0
        runs[workers] = (vectors, units, embedder.embed_texts(texts))
    (v1, u1, t1), (v3, u3, t3) = runs[1], runs[3]
    assert np.min(np.sum(v1 * v3, axis=1)) > 0.9999
    assert np.allclose(t1, v1, atol=1e-5) and np.allclose(t3, v3, atol=1e-5)
    assert len({tuple(np.round(v, 3)) for v in v3}) == len(set(texts))  # no text got another's vector
    for a, b in zip(u1, u3):
        assert a.shape == b.shape and len(a) > 0
        assert np.min(np.sum(a * b, axis=1)) > 0.9999


def test_document_passes_are_cut_by_word_pieces_not_characters(monkeypatch):
    """A pass is padded to its longest text: ingest orders a call's texts by word pieces before cutting
    passes, so texts of equal word pieces share a pass even when their character counts sort otherwise
    (digits are one word piece per character, long words a few for many characters) and nothing is padded;
    every text keeps its own vector."""
    from retrieval import embeddings
    from retrieval.embeddings import Embedder, OnnxDocumentModel

    monkeypatch.setattr(embeddings, "DOCUMENT_FORWARD_BATCH", 2)
    monkeypatch.setattr(embeddings, "DOCUMENT_WORKERS", 1)
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(f"{embeddings.default_model_path()}/tokenizer.json")
    tokenizer.no_padding()
    pieces = len(tokenizer.encode("internationalization", add_special_tokens=False).ids)
    assert pieces > 1  # the premise: a long word is several word pieces, a digit one
    texts = ["internationalization " * 5, "7 " * 5 * pieces, "internationalization " * 4, "7 " * 4 * pieces]
    a1, a2, b1, b2 = (len(t) for t in texts)
    assert a1 > b1 > a2 > b2  # by characters, each pass would mix a long and a short text
    widths: list[tuple[int, int]] = []
    run = OnnxDocumentModel.run

    def spy(self, feed):
        widths.append((int(feed["attention_mask"].sum()), feed["attention_mask"].size))
        return run(self, feed)

    monkeypatch.setattr(OnnxDocumentModel, "run", spy)
    embedder = Embedder(threads=1)
    vectors = embedder.embed_texts(texts)
    assert len(widths) == 2 and all(real == padded for real, padded in widths), widths
    for text, vector in zip(texts, vectors):  # each text's own vector, as when embedded alone
        assert float(embedder.embed_texts([text])[0] @ vector) > 0.9999


def test_export_attention_switch_leaves_the_torch_model_as_it_was(embedder):
    """The document export is traced with eager attention; the process's torch model (the fallback and the
    reference the exports are checked against) computes attention as before once traced."""
    from retrieval.embeddings import _attention_implementation

    transformer = embedder.model[0].auto_model
    before = transformer.config._attn_implementation
    other = "eager" if before != "eager" else "sdpa"
    with _attention_implementation(transformer, other):
        assert transformer.config._attn_implementation == other
    assert transformer.config._attn_implementation == before
