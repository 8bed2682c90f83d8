"""ContentService.sync_documents: idempotent by content hash, removals, crash safety, no orphans."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from retrieval.chunking import CHUNKING_VERSION
from retrieval.content import ContentService
from retrieval.records import Chunk, Document
from tests.retrieval.conftest import make_doc

DEAL_REG = "# Deal registration\n\nApproved deal registrations expire after 90 days.\n\n## Margins\n\nSelect partners earn more."
MDF = "# MDF\n\nMarketing development funds cover up to 50% of an activity."
NFR = "# NFR\n\nNot-for-resale licenses are for demos only. " * 30


def _docs():
    return [make_doc("policies/deal-reg.md", DEAL_REG), make_doc("programs/mdf.md", MDF),
            make_doc("programs/nfr.md", NFR)]


def _state(service):
    with service.store.session() as session:
        sql = set(session.scalars(select(Chunk.chunk_id)))
        docs = {d.doc_id: (d.content_hash, d.indexed_hash) for d in session.scalars(select(Document))}
    return sql, set(service.index.iter_ids()), docs


def test_second_sync_embeds_nothing(make_service):
    service = make_service()
    first = service.sync_documents(_docs())
    assert first.documents == 3 and first.embedded_documents == 3 and first.chunks >= 4
    calls = service.embedder.calls
    version = service.store.content_version()
    second = make_service().sync_documents(_docs())  # another process, same home
    assert second.embedded_documents == 0 and second.embedded_chunks == 0 and second.removed_documents == 0
    assert second.chunks == first.chunks
    assert service.embedder.calls == calls
    assert service.store.content_version() == version  # nothing changed: searchers keep their index
    sql, chroma, docs = _state(service)
    assert sql == chroma and len(sql) == first.chunks
    assert all(indexed == f"{content}:{CHUNKING_VERSION}" for content, indexed in docs.values())


def test_changed_document_is_reembedded_and_shrinks_cleanly(make_service):
    service = make_service()
    service.sync_documents(_docs())
    changed = [make_doc("policies/deal-reg.md", DEAL_REG), make_doc("programs/mdf.md", MDF),
               make_doc("programs/nfr.md", "# NFR\n\nShort now.")]
    stats = service.sync_documents(changed)
    assert stats.embedded_documents == 1 and stats.embedded_chunks == 1
    sql, chroma, _ = _state(service)
    assert sql == chroma
    assert {c for c in sql if c.startswith("programs/nfr.md#")} == {"programs/nfr.md#0"}
    assert "Short now." in service.search("short now")[0].text


def test_removed_document_disappears(make_service):
    service = make_service()
    service.sync_documents(_docs())
    assert service.search("marketing development funds")[0].doc_id == "programs/mdf.md"
    stats = service.sync_documents(_docs()[:1] + _docs()[2:])
    assert stats.removed_documents == 1 and stats.documents == 2
    assert all(h.doc_id != "programs/mdf.md" for h in service.search("marketing development funds", k=10))
    sql, chroma, docs = _state(service)
    assert sql == chroma and "programs/mdf.md" not in docs


def test_metadata_change_updates_without_reembedding(make_service):
    service = make_service()
    service.sync_documents(_docs())
    calls = service.embedder.calls
    internal = [make_doc("policies/deal-reg.md", DEAL_REG, visibility=["internal"])] + _docs()[1:]
    stats = service.sync_documents(internal)
    assert stats.embedded_documents == 0 and service.embedder.calls == calls
    hits = service.search("deal registrations expire", allowed_visibility=["partners"], k=10)
    assert all(h.doc_id != "policies/deal-reg.md" for h in hits)
    assert service.search("deal registrations expire")[0].visibility == ["internal"]


class _Crash(RuntimeError):
    pass


class CrashingService(ContentService):
    """Dies after chroma has the new vectors but before SQL commits them (a kill at the worst time)."""

    def _after_upsert(self, chunk_ids):
        raise _Crash("killed")


def test_crash_between_vector_upsert_and_sql_commit_then_rerun(make_service):
    service = make_service()
    service.sync_documents(_docs())
    before_sql, _, before_docs = _state(service)

    new_docs = [make_doc("policies/deal-reg.md", DEAL_REG + "\n\nUpdated: registrations now need a customer contact."),
                make_doc("programs/mdf.md", MDF), make_doc("programs/nfr.md", "# NFR\n\nShort now."),
                make_doc("programs/new.md", "# New\n\nA brand new partner champions programme.")]
    crashing = make_service(cls=CrashingService)
    with pytest.raises(_Crash):
        crashing.sync_documents(new_docs)

    # The previous state is intact in SQL and still searchable.
    sql, chroma, docs = _state(service)
    assert sql == before_sql and docs == before_docs
    assert chroma >= sql  # chroma may hold the uncommitted vectors: orphans for now
    assert service.search("marketing development funds")[0].doc_id == "programs/mdf.md"
    assert all(h.doc_id != "programs/new.md" for h in service.search("partner champions programme", k=10))

    stats = make_service().sync_documents(new_docs)
    sql, chroma, docs = _state(service)
    assert sql == chroma  # no orphans, nothing missing
    assert stats.documents == 4 and stats.chunks == len(sql)
    assert stats.embedded_documents == 3  # deal-reg, nfr and new; mdf was never touched
    assert all(indexed == f"{content}:{CHUNKING_VERSION}" for content, indexed in docs.values())
    for doc_id in docs:  # ordinals are 0..n-1 per document: no duplicates, no gaps
        ordinals = sorted(int(c.rsplit("#", 1)[1]) for c in sql if c.rsplit("#", 1)[0] == doc_id)
        assert ordinals == list(range(len(ordinals)))
    assert service.search("partner champions programme")[0].doc_id == "programs/new.md"


def test_vectors_lost_from_chroma_are_rebuilt(make_service):
    service = make_service()
    service.sync_documents(_docs())
    service.index.reset()  # e.g. the chroma directory was deleted
    stats = make_service().sync_documents(_docs())
    assert stats.embedded_documents == 3
    sql, chroma, _ = _state(service)
    assert sql == chroma


def test_reset_drops_everything(make_service):
    service = make_service()
    service.sync_documents(_docs())
    service.reset()
    assert service.search("deal registration") == []
    sql, chroma, docs = _state(service)
    assert not sql and not chroma and not docs


def test_a_running_searcher_sees_another_process_ingest(make_service):
    server = make_service()
    server.sync_documents(_docs()[:1])
    assert all(h.doc_id != "programs/mdf.md" for h in server.search("marketing development funds", k=5))
    progress = []
    make_service().sync_documents(_docs(), progress=lambda done, total: progress.append((done, total)))
    assert progress[-1] == (2, 2)  # only the two new documents were indexed
    assert server.search("marketing development funds")[0].doc_id == "programs/mdf.md"


def test_a_new_splitter_version_reindexes_every_document_once(make_service, monkeypatch):
    """Chunks made by an older splitter (say, one that still indexed "Related" sections) are redone by the
    next plain sync, once; the text did not change, the way it is cut did."""
    import retrieval.content as content

    first = make_service().sync_documents(_docs())
    monkeypatch.setattr(content, "CHUNKING_VERSION", "next")
    again = make_service().sync_documents(_docs())
    assert again.embedded_documents == first.documents and again.removed_documents == 0
    third = make_service().sync_documents(_docs())
    assert third.embedded_documents == 0
    sql, chroma, docs = _state(make_service())
    assert sql == chroma and all(indexed == f"{text}:next" for text, indexed in docs.values())


def test_switching_to_int8_vectors_reindexes_every_document_once(make_service):
    """Documents embedded by the float32 model are re-embedded, once, by the next sync after
    COSELL_EMBEDDING_INT8 is switched on (and back): one index never mixes the two models' vectors."""

    class Int8:  # the shared float embedder, labelled as the int8 one: only the bookkeeping is tested
        quantized = True

        def __init__(self, inner):
            self._inner = inner

        def __getattr__(self, name):
            return getattr(self._inner, name)

    first = make_service().sync_documents(_docs())
    service = make_service()
    service._embedder = Int8(service.embedder)
    switched = service.sync_documents(_docs())
    assert switched.embedded_documents == first.documents and switched.removed_documents == 0
    assert service.sync_documents(_docs()).embedded_documents == 0
    sql, chroma, docs = _state(service)
    assert sql == chroma and all(indexed == f"{text}:{CHUNKING_VERSION}:int8" for text, indexed in docs.values())
    assert make_service().sync_documents(_docs()).embedded_documents == first.documents  # back to float32
