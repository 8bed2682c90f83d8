"""A partner seller never gets internal or another partner's chunks, whatever the query says."""
from __future__ import annotations

import pytest

from retrieval.scope import Scope
from tests.retrieval.conftest import make_doc

SECRET = "Internal only: the walk-away discount for Project Falcon is 42 percent."
P2_PLAN = "Joint business plan for partner P-002: target 3 million in Falcon bookings."
PUBLIC = "Partners register deals in the portal; approved registrations expire after 90 days."
P1_PLAN = "Joint business plan for partner P-001: focus on Lakehouse migrations."


@pytest.fixture
def service(make_service):
    svc = make_service()
    svc.sync_documents([
        make_doc("internal/falcon.md", f"# Falcon\n\n{SECRET}", visibility=["internal"], products=["Lakehouse"]),
        make_doc("partners/p2.md", f"# Plan\n\n{P2_PLAN}", visibility=["partner:P-002"]),
        make_doc("public/deal-reg.md", f"# Deal registration\n\n{PUBLIC}", visibility=["partners"],
                 products=["Lakehouse"], industries=["Financial Services"], kind="policy", locale="en"),
        make_doc("partners/p1.md", f"# Plan\n\n{P1_PLAN}", visibility=["partner:P-001"], kind="playbook",
                 locale="ja-JP"),
    ])
    return svc


def test_partner_seller_never_sees_internal_or_other_partners_text(service):
    seller = Scope("u1", "partner_seller", partner_id="P-001")
    allowed = seller.allowed_visibility()
    for query in (SECRET, P2_PLAN, "Falcon walk-away discount 42 percent", "joint business plan P-002"):
        for k in (1, 5, 50):
            hits = service.search(query, k=k, allowed_visibility=allowed)
            assert hits, query  # something visible is still returned
            assert {h.doc_id for h in hits} <= {"public/deal-reg.md", "partners/p1.md"}
            assert all("Falcon" not in h.text and "P-002" not in h.text for h in hits)
            assert all(set(h.visibility) & set(allowed) for h in hits)


def test_internal_users_see_everything(service):
    assert service.search(SECRET, k=1)[0].doc_id == "internal/falcon.md"
    assert service.search(P2_PLAN, k=1, allowed_visibility=None)[0].doc_id == "partners/p2.md"


def test_partner_sees_own_partner_content(service):
    hits = service.search(P1_PLAN, k=1, allowed_visibility=["partners", "partner:P-001"])
    assert hits[0].doc_id == "partners/p1.md"


def test_empty_allowed_list_sees_nothing(service):
    assert service.search(PUBLIC, allowed_visibility=[]) == []


def test_filters_are_case_insensitive_and_applied_inside(service):
    hits = service.search("plan", k=10, products=["lakehouse"])
    assert {h.doc_id for h in hits} == {"internal/falcon.md", "public/deal-reg.md"}
    hits = service.search("plan", k=10, products=["LAKEHOUSE"], allowed_visibility=["partners"])
    assert {h.doc_id for h in hits} == {"public/deal-reg.md"}
    assert {h.doc_id for h in service.search("plan", k=10, industries=["financial services"])} == {"public/deal-reg.md"}
    assert {h.doc_id for h in service.search("plan", k=10, kinds=["Playbook"])} == {"partners/p1.md"}
    assert {h.doc_id for h in service.search("plan", k=10, locale="ja")} == {"partners/p1.md"}
    assert service.search("plan", k=10, products=["Nothing"]) == []


def test_dense_where_clause_alone_enforces_visibility(service):
    """The vector side filters too (not only the final check): ask chroma directly."""
    from retrieval.search import Filters

    filters = Filters.build(["partners", "partner:P-001"])
    vector = service.embedder.embed_query(SECRET)
    ids = [cid for cid, _ in service.index.query(vector, 10, filters.where())]
    assert ids and all(cid.split("#")[0] in {"public/deal-reg.md", "partners/p1.md"} for cid in ids)


def test_scores_are_between_zero_and_one_best_first(service):
    hits = service.search("deal registration portal", k=4)
    assert hits[0].doc_id == "public/deal-reg.md"
    assert all(0 <= h.score <= 1 for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
