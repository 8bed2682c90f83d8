"""What the web page needs besides the /v1 tools: who is signed in, one document to read, the document
view page, and the API docs (Swagger UI, ReDoc) from files served here, so `/docs` works offline.

    GET /v1/me                       the caller: id, name, role, partner, what they may do
    GET /v1/documents/{doc_id}       a document's text, if the caller may read it (else 404, like unknown)
    GET /v1/list/{kind}              partners, deals, kits or users the caller may see (`cosell list`)
    GET /docs/view?doc_id=...        the document view page (assistant/web/doc.html); its script reads the
                                     key from the tab's sessionStorage and calls /v1/documents: the key is
                                     never in a URL, and the page itself holds no data
    GET /docs, /redoc                Swagger UI and ReDoc from assistant/web/vendor (no CDN)
"""
from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter, FastAPI, Query
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from pydantic import BaseModel, Field

from assistant.api.deps import CallerDep, CtxDep
from retrieval.scope import CAPABILITIES
from tools.catalog.service import CatalogList, list_items
from tools.documents.service import DocumentView, read_document

WEB_DIR = Path(__file__).resolve().parent.parent / "web"
VENDOR = "/static/vendor"
router = APIRouter()


class Me(BaseModel):
    user_id: str
    name: str
    role: str
    partner_id: str | None = None
    partner_name: str | None = None
    capabilities: list[str] = Field(description="what this user may do (retrieval/scope.py CAPABILITIES)")


@router.get("/v1/me", tags=["identity"], summary="Who the API key belongs to, and their role")
def me(ctx: CtxDep, scope: CallerDep) -> Me:
    partner_name = None
    if scope.partner_id:
        own = [i for i in list_items(ctx, scope, "partners").items if i.id == scope.partner_id]
        partner_name = own[0].name if own else None
    return Me(user_id=scope.user_id, name=scope.name or scope.user_id, role=scope.role,
              partner_id=scope.partner_id, partner_name=partner_name,
              capabilities=sorted(c for c, roles in CAPABILITIES.items() if scope.role in roles))


@router.get("/v1/documents/{doc_id:path}", tags=["content"],
            summary="A document's text, for a caller who may read it (404 otherwise)")
def document(doc_id: str, ctx: CtxDep, scope: CallerDep) -> DocumentView:
    return read_document(ctx, scope, doc_id)


@router.get("/docs/view", include_in_schema=False)
def document_page() -> FileResponse:
    return FileResponse(WEB_DIR / "doc.html", media_type="text/html")


def mount_docs(app: FastAPI) -> None:
    """Swagger UI at /docs and ReDoc at /redoc, from the vendored files (the app is built without FastAPI's
    CDN-loading defaults: `docs_url=None, redoc_url=None`)."""

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return get_swagger_ui_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title}: API",
                                   swagger_js_url=f"{VENDOR}/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url=f"{VENDOR}/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url=f"{VENDOR}/swagger-ui/favicon-32x32.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return get_redoc_html(openapi_url=app.openapi_url or "/openapi.json", title=f"{app.title}: API",
                              redoc_js_url=f"{VENDOR}/redoc/redoc.standalone.js",
                              redoc_favicon_url=f"{VENDOR}/swagger-ui/favicon-32x32.png", with_google_fonts=False)


@router.get("/v1/list/{kind}", tags=["identity"], summary="Partners, deals, kits or users you may see (cosell list)")
def catalog(kind: str, ctx: CtxDep, scope: CallerDep, filter: str | None = Query(None, max_length=200)) -> CatalogList:
    return list_items(ctx, scope, kind, filter)
