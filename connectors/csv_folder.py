"""The import format (DATA.md) both ways: read a folder into typed records, write records as a folder.

Reading rejects each faulty row or file with a reason and still loads every valid row; the
per-file work is in `csv_table`, content/ in `documents`, campaigns/ in `campaigns`.
"""

from __future__ import annotations

import csv
import math
import shutil
from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml
from pydantic import Field

from connectors import fields as f
from connectors.base import Connector, ConnectorSettings, ExportSummary, bad_input
from connectors.campaigns import read_campaigns
from connectors.csv_table import REQUIRED_FILES, Problems, References, Rules, TableReader
from connectors.documents import read_documents
from connectors.models import (
    SHARING,
    TABLES,
    Account,
    ImportBundle,
    ImportRecord,
    Opportunity,
    Partner,
    PartnerAccount,
    PartnerActivity,
    Rejection,
    User,
    VendorConfig,
    partner_account_key,
)
from connectors.registry import register_connector

# --- row rules that span files -------------------------------------------------------------------


def _opportunity_rules(refs: References) -> Rules:
    def rules(row: dict[str, Any]) -> Problems:
        found = [
            refs.check("account_id", row["account_id"], "accounts.csv"),
            refs.check("partner_id", row.get("partner_id"), "partners.csv"),
            refs.check("registered_by", row.get("registered_by"), "partners.csv"),
        ]
        if row.get("partner_id") and not row.get("partner_role"):
            found.append(("partner_role", "partner_role is required when partner_id is set"))
        return [p for p in found if p]

    return rules


def _partner_ref_rule(refs: References) -> Rules:
    def rules(row: dict[str, Any]) -> Problems:
        problem = refs.check("partner_id", row.get("partner_id"), "partners.csv")
        return [problem] if problem else []

    return rules


def _partner_account_rules(refs: References) -> Rules:
    seen: dict[str, int] = {}

    def rules(row: dict[str, Any]) -> Problems:
        problem = refs.check("partner_id", row["partner_id"], "partners.csv")
        if problem:
            return [problem]
        key = partner_account_key(
            row["partner_id"], row["account_name"], row.get("domain"), row.get("country")
        )
        seen[key] = count = seen.get(key, 0) + 1  # an exact repeat gets `#2`, `#3`: stable across runs
        row["row_key"] = key if count == 1 else f"{key}#{count}"
        return []

    return rules


def _user_rules(refs: References) -> Rules:
    def rules(row: dict[str, Any]) -> Problems:
        if row["role"] == "partner_seller" and not row.get("partner_id"):
            return [("partner_id", "partner_id is required for role partner_seller")]
        problem = refs.check("partner_id", row.get("partner_id"), "partners.csv")
        return [problem] if problem else []

    return rules


def _partner_rules(row: dict[str, Any]) -> Problems:
    if not row.get("brand_name"):
        row["brand_name"] = row["name"]
    return []


def _check_channel_managers(partners: list[Partner], refs: References, rejected: list[Rejection]) -> None:
    """partners.csv `channel_manager` must be a user_id of users.csv (read after partners.csv): a per-row
    error naming the line; the partner is kept, without the unknown channel manager."""
    lines = refs.accepted.get(Partner.file_name, {})
    for partner in partners:
        if partner.channel_manager and partner.channel_manager not in refs.accepted.get(User.file_name, {}):
            rejected.append(Rejection(
                file=Partner.file_name, line=lines.get(partner.partner_id), column="channel_manager",
                message=f"channel_manager {partner.channel_manager!r} of partner {partner.partner_id} "
                        f"not found in users.csv (kept the partner without it)"))
            partner.channel_manager = None


# --- vendor.yaml -----------------------------------------------------------------------------------


def read_vendor(root: Path, rejected: list[Rejection]) -> VendorConfig:
    """vendor.yaml, or defaults. A bad file or value is one rejection; bad values fall back to defaults."""
    path = root / "vendor.yaml"
    if not path.is_file():
        path = root / "vendor.yml"
        if not path.is_file():
            return VendorConfig()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        rejected.append(
            Rejection(file=path.name, line=line, message=f"not valid YAML or UTF-8: {_short(exc)}")
        )
        return VendorConfig()
    if data is None:
        return VendorConfig()
    if not isinstance(data, dict):
        rejected.append(
            Rejection(file=path.name, line=1, message="must be a mapping of settings (name: ...)")
        )
        return VendorConfig()
    values, problems = _vendor_values({str(k): v for k, v in data.items()})
    if problems:
        column = problems[0][0] if len(problems) == 1 else None
        rejected.append(
            Rejection(
                file=path.name, column=column, message="; ".join(m for _, m in problems) + " (defaults used)"
            )
        )
    return VendorConfig(**values)


def _vendor_values(data: dict[str, Any]) -> tuple[dict[str, Any], Problems]:
    parsers: dict[str, f.Parser] = {
        "name": lambda text: text,
        "website": f.domain("website"),
        "default_locale": f.locale("default_locale"),
        "account_sharing": f.enum("account_sharing", SHARING),
    }
    values: dict[str, Any] = {"extra": {k: v for k, v in data.items() if k not in parsers}}
    problems: Problems = []
    for key, parse in parsers.items():
        raw = data.get(key)
        if raw is None or str(raw).strip() == "":
            continue
        if not isinstance(raw, (str, int, float)) or isinstance(raw, bool):
            problems.append((key, f"{key} must be text (got {type(raw).__name__})"))
            continue
        try:
            values[key] = parse(str(raw).strip())
        except ValueError as exc:
            problems.append((key, str(exc)))
    return values, problems


def _short(exc: Exception) -> str:
    return " ".join(str(getattr(exc, "problem", None) or exc).split())[:200]


# --- the folder ------------------------------------------------------------------------------------


def read_import_folder(path: Path, *, on_progress: Callable[[str], None] | None = None) -> ImportBundle:
    """Read every file of an import folder. Raises BadInput only when the folder itself is missing."""
    root = Path(path)
    if not root.exists():
        raise bad_input(f"import folder not found: {root}")
    if not root.is_dir():
        raise bad_input(f"not a folder: {root}")
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))  # long descriptions are legitimate
    progress = on_progress or (lambda _name: None)
    rejected: list[Rejection] = []
    refs = References()
    vendor = read_vendor(root, rejected)

    def table(model: type[ImportRecord], rules: Rules | None) -> list[Any]:
        progress(model.file_name)
        return TableReader(root, model, refs, rejected).read(rules)

    partners = table(Partner, _partner_rules)
    accounts = table(Account, None)
    opportunities = table(Opportunity, _opportunity_rules(refs))
    partner_accounts = table(PartnerAccount, _partner_account_rules(refs))
    partner_activity = table(PartnerActivity, _partner_ref_rule(refs))
    users = table(User, _user_rules(refs))
    _check_channel_managers(partners, refs, rejected)
    progress("content/")
    documents = read_documents(root, set(refs.accepted.get(Partner.file_name, {})), rejected)
    progress("campaigns/")
    campaign_kits = read_campaigns(root, rejected)
    # model_construct: every record above is already validated; re-validating would double the time
    return ImportBundle.model_construct(
        vendor=vendor,
        partners=partners,
        accounts=accounts,
        opportunities=opportunities,
        partner_accounts=partner_accounts,
        partner_activity=partner_activity,
        users=users,
        documents=documents,
        campaign_kits=campaign_kits,
        rejected=rejected,
    )


# --- writing a folder -------------------------------------------------------------------------------


def write_import_folder(
    out_dir: Path, tables: dict[type[ImportRecord], Iterable[ImportRecord]]
) -> dict[str, int]:
    """Write records as CSVs in the import format; returns rows written per file.

    partners.csv, accounts.csv and opportunities.csv are always written (header only when empty), so
    the folder loads; optional files only when given. Extra `attributes` become extra columns.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, int] = {}
    for model in TABLES:
        if model not in tables and model.file_name not in REQUIRED_FILES:
            continue
        records = list(tables.get(model, ()))
        names = [c.name for c in model.columns]
        extra = sorted({k for r in records for k in r.attributes} - set(names))
        with open(out_dir / model.file_name, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(names + extra)
            for record in records:
                writer.writerow(
                    [format_cell(getattr(record, n)) for n in names]
                    + [format_cell(record.attributes.get(k)) for k in extra]
                )
        written[model.file_name] = len(records)
    return written


def format_cell(value: Any) -> str:
    """One value as DATA.md writes it: `;` lists, `name:count` maps, ISO dates, plain decimals."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        text = repr(value)
        return format(Decimal(text), "f") if "e" in text or "E" in text else text
    if isinstance(value, list):
        return ";".join(format_cell(v).replace(";", ",") for v in value)
    if isinstance(value, dict):
        return ";".join(f"{k}:{v}" for k, v in value.items())
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).replace("\x00", "")  # csv readers stop at NUL bytes


class CsvFolderSettings(ConnectorSettings):
    path: Path = Field(
        description="The import folder to read (DATA.md); its valid rows are re-written, "
        "normalised, into the output folder with content/, campaigns/ and vendor.yaml copied."
    )


@register_connector("csv_folder")
class CsvFolderConnector(Connector):
    """Reads an import folder; `export` writes its valid rows, normalised, to another folder."""

    description = "An import folder written by hand or by any CRM export (validated and normalised)."
    Settings = CsvFolderSettings

    def load(self, path: Path) -> ImportBundle:
        return read_import_folder(path)

    def export(self, out_dir: Path, settings: CsvFolderSettings) -> ExportSummary:
        source = Path(settings.path)
        if source.resolve() == out_dir.resolve():
            raise bad_input("the output folder must differ from the folder read")
        bundle = read_import_folder(source)
        files = write_import_folder(
            out_dir,
            {
                Partner: bundle.partners,
                Account: bundle.accounts,
                Opportunity: bundle.opportunities,
                PartnerAccount: bundle.partner_accounts,
                PartnerActivity: bundle.partner_activity,
                User: bundle.users,
            },
        )
        for name in ("content", "campaigns"):
            if (source / name).is_dir():
                shutil.copytree(source / name, out_dir / name, dirs_exist_ok=True)
        for name in ("vendor.yaml", "vendor.yml"):
            if (source / name).is_file():
                shutil.copy2(source / name, out_dir / name)
        notes = [f"{r.file}:{r.line or '-'}: {r.message}" for r in bundle.rejected]
        return ExportSummary(connector=self.name, out_dir=str(out_dir), files=files, notes=notes)
