"""`cosell map-private ...`: privacy-preserving account mapping (docs/private-mapping.md).

    cosell map-private hash partner_accounts.csv --secret-file key.txt [--partner P-007] --out partner.json
    cosell map-private hash-accounts --secret-file key.txt --out vendor.json           (the vendor's users)
    cosell map-private publish P-007 vendor.json                                         (the vendor's users)
    cosell map-private match P-007 partner.json [--vendor-digests vendor.json]

Each party hashes its own rows with the secret both agreed on; the copilot, as the broker, only ever
sees digests. `match` prints counts per population pair, and the matched references only when at
least `COSELL_MAPPING_MIN_OVERLAP` accounts overlap and the `map` sharing rules let the caller see rows.

Thin, like the main CLI: parse, call one function of `tools.private_mapping.service`, print. Mounted by the
main app: `app.add_typer(private_mapping_app, name="map-private")`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from assistant.cli.common import run_command
from assistant.core.errors import BadInput, CosellError
from tools.private_mapping.service import (
    HashedFile,
    hash_partner_csv,
    hash_vendor_accounts,
    private_overlaps,
    publish_vendor_digests,
    read_secret,
)

private_mapping_app = typer.Typer(no_args_is_help=True, help="Account mapping on keyed hashes: neither side "
                                  "discloses names or domains.")

SECRET_OPT = typer.Option(..., "--secret-file", help="A file holding the shared secret (16+ random bytes).")
OUT_OPT = typer.Option(None, "--out", help="Write the digests here (default: print them).")
AS_OPT = typer.Option(None, "--as", help="Act as this user (users.csv). Default: the local operator (admin).")
JSON_OPT = typer.Option(False, "--json", help="Print exactly one JSON object.")
CSV_ARG = typer.Argument(..., help="partner_accounts.csv (DATA.md columns).")
PARTNER_OPT = typer.Option(None, "--partner", help="The partner, if the file holds several.")
VENDOR_FILE_ARG = typer.Argument(..., help="The vendor's digests, from `hash-accounts`.")
PARTNER_FILE_ARG = typer.Argument(..., help="The partner's digests, from `hash`.")
VENDOR_DIGESTS_OPT = typer.Option(None, "--vendor-digests",
                                  help="The vendor's digests (default: those published for the partner).")


def _write(digests, out: Path | None) -> dict:
    """The digests to a file (then a summary of them is the result), or the digests themselves."""
    if out is None:
        return digests.model_dump(mode="json")
    try:
        out.write_text(digests.model_dump_json(), encoding="utf-8")
    except OSError as exc:
        raise BadInput(f"cannot write {out}: {exc.strerror}") from exc
    return {"out": str(out), "party": digests.party, "partner_id": digests.partner_id, "rows": len(digests.rows)}


def _render_written(data: dict) -> None:
    if "out" not in data:  # the digests themselves, for a pipe
        sys.stdout.write(json.dumps(data) + "\n")
        return
    typer.echo(f"{data['rows']} rows hashed into {data['out']}: send the file to the broker only, never to "
               "the other party.")


def read_digests(path: Path):
    """A digest file written by `hash` / `hash-accounts` (a bare list of rows is accepted too)."""
    from pydantic import ValidationError


    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if isinstance(data, list):
            data = {"party": "partner", "rows": data}
        return HashedFile.model_validate(data)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadInput(f"cannot read the digest file {path}: {exc}") from exc
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first.get("loc", ()))
        raise BadInput(f"{path}: not a digest file ({where}: {first.get('msg')})") from exc


def _offline(as_json: bool, call) -> None:
    """Run a command that needs no store (a partner hashes on its own machine), with the main CLI's
    output and exit codes."""
    try:
        data, code = call(), 0
    except CosellError as exc:
        data, code = exc.to_json(), exc.exit_code
        if not as_json:
            typer.echo(f"error: {exc.message}", err=True)
            raise typer.Exit(code) from None
    if as_json:
        sys.stdout.write(json.dumps(data, ensure_ascii=False) + "\n")
    else:
        _render_written(data)
    raise typer.Exit(code)


@private_mapping_app.command("hash")
def hash_csv(csv_file: Path = CSV_ARG, secret_file: Path = SECRET_OPT, partner: str | None = PARTNER_OPT,
             out: Path | None = OUT_OPT, as_json: bool = JSON_OPT) -> None:
    """The partner's side: hash its partner_accounts CSV with the shared secret (offline)."""

    _offline(as_json, lambda: _write(hash_partner_csv(csv_file, read_secret(secret_file), partner), out))


@private_mapping_app.command("hash-accounts")
def hash_accounts(secret_file: Path = SECRET_OPT, out: Path | None = OUT_OPT, as_json: bool = JSON_OPT,
                  user: str | None = AS_OPT) -> None:
    """The vendor's side: hash the vendor's accounts (with populations) with the shared secret."""

    run_command(as_json, user, lambda ctx, scope: _write(hash_vendor_accounts(ctx, scope, read_secret(secret_file)),
                                                         out), _render_written)


@private_mapping_app.command("publish")
def publish(partner_id: str, digest_file: Path = VENDOR_FILE_ARG, as_json: bool = JSON_OPT,
            user: str | None = AS_OPT) -> None:
    """Give the broker the vendor's digests for one partner (they are never shown to the partner)."""

    run_command(as_json, user, lambda ctx, scope: publish_vendor_digests(ctx, scope, partner_id,
                                                                         read_digests(digest_file)))


@private_mapping_app.command("match")
def match(partner_id: str, digest_file: Path = PARTNER_FILE_ARG, vendor_digests: Path | None = VENDOR_DIGESTS_OPT,
          as_json: bool = JSON_OPT, user: str | None = AS_OPT) -> None:
    """Match a partner's digests with the vendor's: counts, and matched references above the minimum."""

    def call(ctx, scope):
        partner = read_digests(digest_file)
        vendor = read_digests(vendor_digests).rows if vendor_digests else None
        return private_overlaps(ctx, scope, partner_id, partner.rows, vendor)

    run_command(as_json, user, call, _render)


def _render(data: dict) -> None:
    typer.echo(f"Private account mapping with {data['partner_id']}: {data['overlap']} overlapping accounts "
               f"(minimum {data['min_overlap']} to release references).")
    for cell in data["summary"]:
        typer.echo(f"- our {cell['vendor_population'].replace('_', ' ')} x their "
                   f"{cell['partner_population'].replace('_', ' ')}: {cell['count']}")
    for m in data["matches"]:
        typer.echo(f"  {m['vendor_ref']} <-> {m['partner_ref']} ({m['evidence']}, {m['confidence']:.2f})")
    typer.echo(data["note"])
