"""Request dependencies: the AppContext the app was built with, and the caller's Scope from the bearer key."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from assistant.core.errors import Unauthenticated
from assistant.engine.context import AppContext
from retrieval.scope import Scope, scope_for_api_key

# auto_error=False: a missing or malformed header becomes our own 401 JSON error, not FastAPI's 403
bearer = HTTPBearer(auto_error=False, description="An API key issued with `cosell users key USER_ID`.")


def get_ctx(request: Request) -> AppContext:
    return request.app.state.ctx


def current_scope(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
) -> Scope:
    """The caller, from `Authorization: Bearer <key>`; 401 without a valid key."""
    if credentials is None:
        raise Unauthenticated("missing API key (Authorization: Bearer <key>)")
    return scope_for_api_key(get_ctx(request).store, credentials.credentials)


# what the endpoints declare: `ctx: CtxDep, scope: CallerDep`
CtxDep = Annotated[AppContext, Depends(get_ctx)]
CallerDep = Annotated[Scope, Depends(current_scope)]
