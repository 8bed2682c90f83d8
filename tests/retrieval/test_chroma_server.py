"""The same ContentService against a Chroma server (a team's setup): `chroma run` in a subprocess."""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from evals.bench.ports import free_port
from tests.retrieval.conftest import make_doc


@pytest.fixture
def chroma_server(tmp_path):
    chroma = Path(sys.executable).parent / "chroma"
    port = free_port()
    log = open(tmp_path / "chroma.log", "wb")
    proc = subprocess.Popen([str(chroma), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1",
                             "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.time() + 60
        while True:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.time() > deadline:
                raise RuntimeError((tmp_path / "chroma.log").read_text(errors="replace")[-2000:])
            time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


def test_sync_and_search_through_a_chroma_server(make_service, chroma_server):
    service = make_service(chroma_url=chroma_server, chroma_collection="server_chunks")
    docs = [make_doc("a.md", "# MDF\n\nMarketing development funds cover up to 50% of the activity cost."),
            make_doc("b.md", "# NFR\n\nNot-for-resale licenses are for demos.", visibility=["internal"])]
    stats = service.sync_documents(docs)
    assert stats.documents == 2 and stats.embedded_documents == 2
    assert service.index.count() == stats.chunks
    hits = service.search("how much of a marketing activity is funded", allowed_visibility=["partners"])
    assert [h.doc_id for h in hits] == ["a.md"]
    again = make_service(chroma_url=chroma_server, chroma_collection="server_chunks").sync_documents(docs)
    assert again.embedded_documents == 0
