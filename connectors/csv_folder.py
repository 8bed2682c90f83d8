"""The import format (DATA.md) both ways: read a folder into typed records, write records as a folder.

Reading rejects each faulty row or file with a reason and still loads every valid row; the
per-file work is in `csv_table`, content/ in `documents`, campaigns/ in `campaigns`.
"""

from __future__ import annotations

import csv
import math
import re
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
from connectors.csv_table import FORMULA_STARTS, REQUIRED_FILES, Problems, References, Rules, TableReader
from connectors.documents import read_documents
from connectors.models import (
    SHARING,
    TABLES,
    Account,
    DealRegistration,
    ImportBundle,
    ImportRecord,
    Lead,
    MdfActivity,
    Opportunity,
    Partner,
    PartnerAccount,
    PartnerActivity,
    PartnerCandidate,
    Rejection,
    User,
    VendorConfig,
    partner_account_key,
)
from connectors.registry import register_connector
from connectors.safe_files import FileProblem, unsafe_reason

# --- row rules that span files -------------------------------------------------------------------


def _opportunity_rules(refs: References) -> Rules:
    def rules(row: dict[str, Any]) -> Problems:
        found = [
            refs.check("account_id", row["account_id"], "accounts.csv"),
            refs.check("partner_id", row.get("partner_id"), "partners.csv"),
            refs.check("registered_by", row.get("registered_by"), "partners.csv"),
            refs.check("mdf_activity_id", row.get("mdf_activity_id"), "mdf_activities.csv"),
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


def _registration_rules(refs: References) -> Rules:
    def rules(row: dict[str, Any]) -> Problems:
        problem = refs.check("partner_id", row["partner_id"], "partners.csv")
        if problem:
            return [problem]
        if row["status"] == "approved" and not row.get("decided_on") and not row.get("expires_on"):
            return [("decided_on", "an approved registration needs decided_on or expires_on")]
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
    unsafe = unsafe_reason(root, path)
    if unsafe:
        rejected.append(Rejection(file=path.name, message=unsafe))
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
        "registration_protection_days": f.integer("registration_protection_days", 1),
        "lead_accept_hours": f.integer("lead_accept_hours", 1),
    }
    typed = {*parsers, "reporting_currency", "fx_rates"}
    values: dict[str, Any] = {"extra": {k: v for k, v in data.items() if k not in typed}}
    problems: Problems = _currency_values(data, values)
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


def _currency_values(data: dict[str, Any], values: dict[str, Any]) -> Problems:
    """`reporting_currency` (ISO 4217) and `fx_rates` ({CODE: positive number}); a bad rate is left out."""
    problems: Problems = []
    raw = data.get("reporting_currency")
    if raw is not None and str(raw).strip():
        code = str(raw).strip().upper()
        if len(code) == 3 and code.isalpha():
            values["reporting_currency"] = code
        else:
            problems.append(("reporting_currency", f"reporting_currency must be an ISO 4217 code (got {raw!r})"))
    rates = data.get("fx_rates")
    if rates is None:
        return problems
    if not isinstance(rates, dict):
        return [*problems, ("fx_rates", "fx_rates must be a mapping of currency code to rate")]
    good: dict[str, float] = {}
    for key, rate in rates.items():
        code = str(key).strip().upper()
        try:
            number = float(rate)
        except (TypeError, ValueError):
            number = -1.0
        if len(code) != 3 or not code.isalpha() or not number > 0 or isinstance(rate, bool):
            problems.append(("fx_rates", f"fx_rates.{key} must be a positive number for an ISO 4217 code"))
            continue
        good[code] = number
    values["fx_rates"] = good
    return problems


def _short(exc: Exception) -> str:
    return " ".join(str(getattr(exc, "problem", None) or exc).split())[:200]


# --- the folder ------------------------------------------------------------------------------------


def read_import_folder(
    path: Path,
    *,
    on_progress: Callable[[str], None] | None = None,
    stored: dict[str, set[Any]] | None = None,
    max_document_bytes: int | None = None,
    kept: dict[str, set[Any]] | None = None,
) -> ImportBundle:
    """Read every file of an import folder.

    Raises BadInput when the folder is missing or a required file cannot be used as a whole (every
    such file named). An optional file refused as a whole is a rejection, and its name is in
    `bundle.failed_files` (its table must be kept, not emptied). `stored`: ids already in the store
    per file name, so references to a kept record still resolve (see `References`).
    """
    root = Path(path)
    if not root.exists():
        raise bad_input(f"import folder not found: {root}")
    if not root.is_dir():
        raise bad_input(f"not a folder: {root}")
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 26))  # long descriptions are legitimate
    progress = on_progress or (lambda _name: None)
    rejected: list[Rejection] = []
    refs = References(stored, kept)  # kept: e.g. an MDF activity requested in the copilot, which deals may name
    fatal: list[FileProblem] = []
    vendor = read_vendor(root, rejected)

    def table(model: type[ImportRecord], rules: Rules | None) -> list[Any]:
        progress(model.file_name)
        try:
            return TableReader(root, model, refs, rejected).read(rules)
        except FileProblem as problem:
            if model.file_name in REQUIRED_FILES:
                fatal.append(problem)
            else:
                refs.failed_files.add(model.file_name)
                rejected.append(Rejection(file=model.file_name, line=problem.line, column=problem.column,
                                          message=f"{problem.message} (file not loaded; its stored rows are kept)"))
            return []

    partners = table(Partner, _partner_rules)
    accounts = table(Account, None)
    # MDF activities first: an opportunity's mdf_activity_id refers to them
    mdf_activities = table(MdfActivity, _partner_ref_rule(refs))
    opportunities = table(Opportunity, _opportunity_rules(refs))
    partner_accounts = table(PartnerAccount, _partner_account_rules(refs))
    partner_activity = table(PartnerActivity, _partner_ref_rule(refs))
    users = table(User, _user_rules(refs))
    leads = table(Lead, None)
    deal_registrations = table(DealRegistration, _registration_rules(refs))
    partner_candidates = table(PartnerCandidate, None)
    _check_channel_managers(partners, refs, rejected)
    if fatal:
        raise bad_input("; ".join(str(p) + (f" (line {p.line})" if p.line else "") for p in fatal)
                        + ". Nothing was changed.")
    progress("content/")
    kept_partners = set(refs.rejected.get(Partner.file_name, {})) & set(refs.stored.get(Partner.file_name, ()))
    known_partners = set(refs.accepted.get(Partner.file_name, {})) | kept_partners
    documents = read_documents(root, known_partners, rejected, max_bytes=max_document_bytes)
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
        leads=leads,
        deal_registrations=deal_registrations,
        mdf_activities=mdf_activities,
        partner_candidates=partner_candidates,
        documents=documents,
        campaign_kits=campaign_kits,
        rejected=rejected,
        rejected_keys={name: list(keys) for name, keys in refs.rejected.items() if keys},
        failed_files=sorted(refs.failed_files),
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
                    [safe_cell(format_cell(getattr(record, n))) for n in names]
                    + [safe_cell(format_cell(record.attributes.get(k))) for k in extra]
                )
        written[model.file_name] = len(records)
    return written


_NUMBER = re.compile(r"^[+-]?\d+(\.\d+)?$")


def safe_cell(text: str) -> str:
    """A cell a spreadsheet will not run as a formula (`=HYPERLINK(...)`, `+cmd|...`, `@SUM(...)`): such a
    cell gets a leading `'`, which the importer removes again, so a folder round-trips unchanged. Plain
    numbers (`-12.5`) are left as they are."""
    if text[:1] in FORMULA_STARTS and not _NUMBER.match(text):
        return "'" + text
    return text


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
