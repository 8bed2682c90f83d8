"""`cosell export salesforce|hubspot DIR` through the command line, against the recorded CRM answers.

HubSpot: the real `cosell` process talks HTTP to a localhost server that replays the recordings.
Salesforce: simple_salesforce only speaks https, so the command runs in-process with the recorded
transport mounted on the session it creates; everything from option parsing to the written folder is real.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import requests
from typer.testing import CliRunner

from assistant.cli import app
from connectors.csv_folder import read_import_folder
from tests.connectors.fakes import RecordedHubSpot, RecordedSalesforce
from tests.fakes.local_server import LocalServer, QuietHandler


def export_hubspot(tmp_path, fake: RecordedHubSpot, token: str) -> subprocess.CompletedProcess:
    """`cosell export hubspot OUT --json` in its own process, against a localhost server replaying `fake`."""

    class Replay(QuietHandler):
        def do_GET(self):
            url = f"http://{self.headers['Host']}{self.path}"
            prepared = requests.Request("GET", url, headers=dict(self.headers)).prepare()
            answer = fake.send(prepared)
            self.send_response(answer.status_code)
            for name, value in answer.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(answer.content)

    with LocalServer(Replay) as server:
        env = {**os.environ, "COSELL_HOME": str(tmp_path / "home"), "COSELL_HUBSPOT_ACCESS_TOKEN": token,
               "COSELL_HUBSPOT_BASE_URL": f"http://127.0.0.1:{server.port}"}
        return subprocess.run([sys.executable, "-m", "assistant.cli", "export", "hubspot", str(tmp_path / "out"),
                               "--json"], env=env, capture_output=True, text=True, timeout=120)


def test_export_hubspot_writes_a_folder_that_imports(tmp_path):
    fake = RecordedHubSpot()
    run = export_hubspot(tmp_path, fake, fake.token)
    assert run.returncode == 0, run.stdout + run.stderr
    summary = json.loads(run.stdout)
    assert summary["files"] == {"partners.csv": 2, "accounts.csv": 7, "opportunities.csv": 7}
    assert read_import_folder(tmp_path / "out").rejected == []


def test_export_hubspot_with_a_wrong_token_is_bad_input(tmp_path):
    run = export_hubspot(tmp_path, RecordedHubSpot(), "wrong")
    assert run.returncode == 2, run.stdout + run.stderr
    assert json.loads(run.stdout)["error"]["code"] != "internal"


def test_export_salesforce_writes_a_folder_that_imports(tmp_path, monkeypatch):
    fake = RecordedSalesforce()
    monkeypatch.setenv("COSELL_HOME", str(tmp_path / "home"))
    session = fake.session()  # built before the swap: simple_salesforce then gets this one
    monkeypatch.setattr(requests, "Session", lambda: session)
    result = CliRunner().invoke(app, ["export", "salesforce", str(tmp_path / "out"), "--instance-url",
                                      "https://northwind.my.salesforce.com", "--session-id", fake.token, "--json"])
    assert result.exit_code == 0, result.stdout
    summary = json.loads(result.stdout)
    assert summary["connector"] == "salesforce" and summary["files"]["opportunities.csv"] > 0
    assert read_import_folder(tmp_path / "out").rejected == []
