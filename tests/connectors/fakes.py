"""Transport adapters that answer the connectors' HTTP requests from recorded JSON (no network).

Mounted on a real `requests.Session`, so simple_salesforce and our HubSpot client run unchanged.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import requests
from requests.adapters import BaseAdapter

FIXTURES = Path(__file__).parent / "fixtures"


def _response(request: requests.PreparedRequest, status: int, body: object, headers: dict | None = None):
    response = requests.Response()
    response.status_code = status
    response._content = json.dumps(body).encode("utf-8")
    response.headers.update({"Content-Type": "application/json", **(headers or {})})
    response.encoding = "utf-8"
    response.url = request.url
    response.request = request
    return response


class _Recorded(BaseAdapter):
    def __init__(self, token: str):
        super().__init__()
        self.token = token
        self.requests: list[requests.PreparedRequest] = []

    def session(self) -> requests.Session:
        session = requests.Session()
        session.mount("https://", self)
        session.mount("http://", self)
        return session

    def close(self) -> None:
        pass

    def send(self, request, **kwargs):
        self.requests.append(request)
        if request.headers.get("Authorization") != f"Bearer {self.token}":
            return self.unauthorized(request)
        return self.answer(request, urlparse(request.url))


def _following(name: str) -> str:
    """`Account.json` -> `Account.page2.json`, `Account.page2.json` -> `Account.page3.json`."""
    kind, rest = name.split(".", 1)
    number = int(rest.removeprefix("page").removesuffix(".json")) if rest.startswith("page") else 1
    return f"{kind}.page{number + 1}.json"


class RecordedSalesforce(_Recorded):
    """Serves fixtures/salesforce: a query by the object after FROM, a next page by its nextRecordsUrl."""

    def __init__(
        self,
        token: str = "00D-test-session",
        folder: Path = FIXTURES / "salesforce",
        missing: tuple[str, ...] = (),
    ):
        super().__init__(token)
        self.pages = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in folder.glob("*.json")}
        self.next_pages = {
            body["nextRecordsUrl"]: _following(name)
            for name, body in self.pages.items()
            if body.get("nextRecordsUrl")
        }
        self.missing = missing  # objects this org does not have (INVALID_TYPE)

    def unauthorized(self, request):
        return _response(
            request, 401, [{"message": "Session expired or invalid", "errorCode": "INVALID_SESSION_ID"}]
        )

    def answer(self, request, url):
        if url.path.endswith("/query/"):
            soql = parse_qs(url.query)["q"][0]
            kind = re.search(r"\bFROM\s+(\w+)", soql).group(1)
            if kind in self.missing or f"{kind}.json" not in self.pages:
                return _response(
                    request,
                    400,
                    [{"message": f"sObject type '{kind}' is not supported.", "errorCode": "INVALID_TYPE"}],
                )
            return _response(request, 200, self.pages[f"{kind}.json"])
        if url.path in self.next_pages:  # query_more
            return _response(request, 200, self.pages[self.next_pages[url.path]])
        return _response(request, 404, [{"message": "not found", "errorCode": "NOT_FOUND"}])


class RecordedHubSpot(_Recorded):
    """Serves fixtures/hubspot: `<kind>.json` first, `<kind>.after-<cursor>.json` for `after=<cursor>`."""

    def __init__(
        self, token: str = "pat-test-token", folder: Path = FIXTURES / "hubspot", rate_limited: int = 0
    ):
        super().__init__(token)
        self.folder = folder
        self.rate_limited = rate_limited  # answer this many requests with 429 first

    def unauthorized(self, request):
        return _response(
            request,
            401,
            {
                "status": "error",
                "message": "Authentication credentials not found.",
                "category": "INVALID_AUTHENTICATION",
            },
        )

    def answer(self, request, url):
        if self.rate_limited:
            self.rate_limited -= 1
            return _response(
                request,
                429,
                {
                    "status": "error",
                    "message": "You have reached your secondly limit.",
                    "category": "RATE_LIMITS",
                },
                {"Retry-After": "0"},
            )
        kind = url.path.rsplit("/", 1)[-1]
        after = parse_qs(url.query).get("after", [None])[0]
        path = self.folder / (f"{kind}.json" if after is None else f"{kind}.after-{after}.json")
        if not path.is_file():
            return _response(
                request, 404, {"status": "error", "message": "Not found", "category": "OBJECT_NOT_FOUND"}
            )
        return _response(request, 200, json.loads(path.read_text(encoding="utf-8")))
