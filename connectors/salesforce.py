"""Salesforce -> import folder. Reads Account, Opportunity, Partner and OpportunityPartner over the
REST query API (simple_salesforce) and writes partners.csv, accounts.csv, opportunities.csv and
partner_accounts.csv.

Mapping (each choice is noted in the export summary when it changes or drops something):
- Accounts whose Type names a partner kind (Reseller, Integrator, Partner, Technology Partner, ...)
  become partners; the rest become accounts, status from Type ("Customer - Direct" -> customer).
  A partner account that has opportunities is also written to accounts.csv, so its deals load.
- StageName -> stage; IsClosed/IsWon decide for custom closed stages; unknown open ones -> prospecting.
- OpportunityPartner (primary first) -> partner_id/partner_role; Partner (account to account) ->
  partner_accounts rows.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr

from connectors import fields as f
from connectors.base import Connector, ConnectorSettings, ExportSummary, bad_input, count_note
from connectors.countries import country_code_for
from connectors.csv_folder import write_import_folder
from connectors.models import PARTNER_TIERS, Account, Opportunity, Partner, PartnerAccount
from connectors.registry import register_connector

ACCOUNT_FIELDS = [
    "Id",
    "Name",
    "Type",
    "Industry",
    "Website",
    "BillingCountry",
    "NumberOfEmployees",
    "AnnualRevenue",
    "Description",
    "Owner.Email",
]
OPPORTUNITY_FIELDS = [
    "Id",
    "AccountId",
    "Name",
    "StageName",
    "Amount",
    "CloseDate",
    "CreatedDate",
    "LastActivityDate",
    "IsClosed",
    "IsWon",
    "Description",
]
PARTNER_SOQL = (
    "SELECT Id, AccountFromId, AccountToId, Role, IsPrimary FROM Partner WHERE AccountFromId != null"
)
OPPORTUNITY_PARTNER_SOQL = "SELECT Id, OpportunityId, AccountToId, Role, IsPrimary FROM OpportunityPartner"

# Account.Type values (lower-case, letters only) that mean "a partner of ours", and the DATA.md type.
PARTNER_ACCOUNT_TYPES = {
    "partner": "referral",
    "channelpartnerreseller": "reseller",
    "reseller": "reseller",
    "var": "var",
    "valueaddedreseller": "var",
    "integrator": "system_integrator",
    "systemintegrator": "system_integrator",
    "installationpartner": "system_integrator",
    "technologypartner": "isv",
    "isv": "isv",
    "distributor": "distributor",
    "msp": "msp",
    "managedserviceprovider": "msp",
    "consultant": "consultancy",
    "consultancy": "consultancy",
    "marketplace": "marketplace",
    "referralpartner": "referral",
}
STAGES = {
    "prospecting": "prospecting",
    "qualification": "qualification",
    "needsanalysis": "qualification",
    "valueproposition": "qualification",
    "iddecisionmakers": "qualification",
    "perceptionanalysis": "qualification",
    "proposalpricequote": "proposal",
    "proposal": "proposal",
    "negotiationreview": "negotiation",
    "negotiation": "negotiation",
    "closedwon": "closed_won",
    "closedlost": "closed_lost",
}
# OpportunityPartner.Role -> partner_role: who fulfils the order, who brought the deal, who helped.
ROLES = {
    "varreseller": "fulfillment",
    "reseller": "fulfillment",
    "distributor": "fulfillment",
    "dealer": "fulfillment",
    "supplier": "fulfillment",
    "referral": "sourced",
    "sourced": "sourced",
    "broker": "sourced",
    "dealregistration": "sourced",
}
_EMPTY = {"", "n/a", "na", "none", "-", "null"}


def _key(text: Any) -> str:
    return re.sub(r"[^a-z]", "", str(text or "").lower())


class SalesforceSettings(ConnectorSettings):
    instance_url: str | None = Field(None, description="Your org's URL, e.g. https://acme.my.salesforce.com")
    session_id: SecretStr | None = Field(
        None, description="An OAuth access token or session id for the REST API"
    )
    api_version: str = Field("59.0", description="Salesforce REST API version")
    partner_tier_field: str | None = Field(
        None,
        description="Account field holding the partner tier (e.g. Tier__c); without it, tier 'registered'",
    )
    http_session: Any = Field(
        None,
        description="A requests.Session to send requests with (proxies, tests)",
        json_schema_extra={"internal": True},
    )


@register_connector("salesforce")
class SalesforceConnector(Connector):
    description = "Salesforce accounts, opportunities and partner relationships (REST API)."
    Settings = SalesforceSettings

    def export(self, out_dir: Path, settings: SalesforceSettings) -> ExportSummary:
        if not settings.instance_url or settings.session_id is None:
            raise bad_input("salesforce needs instance_url and session_id (an OAuth access token)")
        from simple_salesforce import Salesforce

        client = Salesforce(
            instance_url=settings.instance_url,
            session_id=settings.session_id.get_secret_value(),
            version=settings.api_version,
            session=settings.http_session,
        )
        return export_to_folder(client, out_dir, partner_tier_field=settings.partner_tier_field)


def export_to_folder(
    client: Any, out_dir: Path | str, *, partner_tier_field: str | None = None
) -> ExportSummary:
    """Query the org through `client` (a simple_salesforce.Salesforce) and write an import folder."""
    out = Path(out_dir)
    notes: list[str] = []
    account_fields = ACCOUNT_FIELDS + ([partner_tier_field] if partner_tier_field else [])
    sf_accounts = list(
        _query(client, f"SELECT {', '.join(account_fields)} FROM Account", notes, required=True)
    )
    sf_opps = list(
        _query(client, f"SELECT {', '.join(OPPORTUNITY_FIELDS)} FROM Opportunity", notes, required=True)
    )
    links = list(_query(client, OPPORTUNITY_PARTNER_SOQL, notes, required=False))
    relations = list(_query(client, PARTNER_SOQL, notes, required=False))

    partners = {a["Id"]: p for a in sf_accounts if (p := map_partner(a, partner_tier_field))}
    no_account = [o["Id"] for o in sf_opps if not o.get("AccountId")]
    if no_account:
        notes.append(count_note("opportunities left out because they have no account", no_account))
    links_by_deal: dict[str, list[dict[str, Any]]] = {}
    for link in links:
        if link.get("AccountToId") in partners:
            links_by_deal.setdefault(link.get("OpportunityId"), []).append(link)
    opportunities = [
        map_opportunity(o, _deal_partner(links_by_deal.get(o["Id"], [])))
        for o in sf_opps
        if o.get("AccountId")
    ]
    with_deals = {o.account_id for o in opportunities}
    won = {o.account_id for o in opportunities if o.stage == "closed_won"}
    accounts = [map_account(a, won) for a in sf_accounts if a["Id"] not in partners or a["Id"] in with_deals]
    unknown = [a.attributes["billing_country"] for a in accounts if "billing_country" in a.attributes]
    if unknown:
        notes.append(count_note("countries not recognised, kept in the billing_country column", unknown))
    also = len([a for a in accounts if a.account_id in partners])
    if also:
        notes.append(f"{also} partner accounts with opportunities were also written to accounts.csv")
    known = {a.account_id for a in accounts}
    orphans = [o for o in opportunities if o.account_id not in known]
    if orphans:
        notes.append(f"{len(orphans)} opportunities whose account could not be read were left out")
    opportunities = [o for o in opportunities if o.account_id in known]
    shared = map_partner_accounts(relations, partners, {a.account_id: a for a in accounts}, opportunities)
    files = write_import_folder(
        out,
        {Partner: partners.values(), Account: accounts, Opportunity: opportunities, PartnerAccount: shared},
    )
    return ExportSummary(connector="salesforce", out_dir=str(out), files=files, notes=notes)


def _query(client: Any, soql: str, notes: list[str], required: bool) -> Iterator[dict[str, Any]]:
    """All records of a query, following nextRecordsUrl. Optional objects an org lacks are skipped."""
    from requests import RequestException
    from simple_salesforce.exceptions import SalesforceAuthenticationFailed, SalesforceError

    try:
        yield from client.query_all_iter(soql)
    except (SalesforceError, SalesforceAuthenticationFailed) as exc:
        status = getattr(exc, "status", None)
        if status == 401 or isinstance(exc, SalesforceAuthenticationFailed):
            raise bad_input("Salesforce refused the session: get a new access token (session_id)") from exc
        if required:
            raise bad_input(
                f"Salesforce query failed ({soql.split(' FROM ')[1].split()[0]}): {_sf_message(exc)}"
            ) from exc
        notes.append(f"skipped {soql.split(' FROM ')[1].split()[0]}: {_sf_message(exc)}")
    except RequestException as exc:
        raise bad_input(f"cannot reach Salesforce: {exc.__class__.__name__}") from exc


def _sf_message(exc: Exception) -> str:
    content = getattr(exc, "content", None)
    if isinstance(content, list) and content and isinstance(content[0], dict):
        return str(content[0].get("message") or content[0].get("errorCode"))
    return str(exc).splitlines()[0][:200]


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return None if text.lower() in _EMPTY else text


def _text(value: Any) -> str | None:
    """Free text is kept as written (only trimmed): 'None' may be a real description."""
    return str(value).strip() or None if value is not None else None


def _domain(value: Any) -> str | None:
    text = _clean(value)
    return f.normalise_domain(text) if text else None


def _date(value: Any) -> str | None:
    """Salesforce dates are `2026-03-31`, datetimes `2026-03-31T10:00:00.000+0000`: keep the day."""
    text = _clean(value)
    return text[:10] if text else None


def map_partner(record: dict[str, Any], tier_field: str | None = None) -> Partner | None:
    """A Partner when Account.Type names a partner kind, else None."""
    partner_type = PARTNER_ACCOUNT_TYPES.get(_key(record.get("Type")))
    if partner_type is None:
        return None
    tier = _key(record.get(tier_field)) if tier_field else ""
    country = country_code_for(_clean(record.get("BillingCountry")))
    return Partner(
        partner_id=record["Id"],
        name=_clean(record.get("Name")) or record["Id"],
        type=partner_type,
        tier=tier if tier in PARTNER_TIERS else "registered",
        website=_domain(record.get("Website")),
        countries=[country] if country else [],
        industries=[i for i in [_clean(record.get("Industry"))] if i],
        description=_text(record.get("Description")),
        attributes={"salesforce_type": str(record.get("Type"))},
    )


def map_account(record: dict[str, Any], won: set[str]) -> Account:
    """Account.Type -> status: customers, former customers, everything else a prospect."""
    kind = _key(record.get("Type"))
    if kind in PARTNER_ACCOUNT_TYPES:
        status = "customer" if record["Id"] in won else "prospect"
    elif "former" in kind or "churned" in kind or "excustomer" in kind:
        status = "former_customer"
    elif "customer" in kind:
        status = "customer"
    else:
        status = "prospect"
    raw_country = _clean(record.get("BillingCountry"))
    country = country_code_for(raw_country)
    owner = record.get("Owner") or {}
    email = _clean(owner.get("Email")) if isinstance(owner, dict) else None
    attributes = {"salesforce_type": str(record["Type"])} if record.get("Type") else {}
    if raw_country and not country:
        attributes["billing_country"] = raw_country
    return Account(
        account_id=record["Id"],
        name=_clean(record.get("Name")) or record["Id"],
        domain=_domain(record.get("Website")),
        industry=_clean(record.get("Industry")),
        country=country,
        employees=record.get("NumberOfEmployees"),
        annual_revenue=record.get("AnnualRevenue"),
        status=status,
        owner_email=email if email and f.check_email(email) else None,
        attributes=attributes,
    )


def map_stage(stage_name: Any, is_closed: Any = None, is_won: Any = None) -> str:
    if is_closed is True:
        return "closed_won" if is_won else "closed_lost"
    stage = STAGES.get(_key(stage_name))
    if stage is None and is_closed is None:  # no flags (older API, partial query): read the name
        name = _key(stage_name)
        stage = (
            "closed_won"
            if "closed" in name and "won" in name
            else ("closed_lost" if "closed" in name else None)
        )
    return stage or "prospecting"


def map_opportunity(record: dict[str, Any], partner: tuple[str, str] | None) -> Opportunity:
    stage = map_stage(record.get("StageName"), record.get("IsClosed"), record.get("IsWon"))
    return Opportunity(
        opportunity_id=record["Id"],
        account_id=record["AccountId"],
        name=_clean(record.get("Name")) or record["Id"],
        stage=stage,
        amount=record.get("Amount"),
        created_on=_date(record.get("CreatedDate")),
        close_date=_date(record.get("CloseDate")),
        last_activity_on=_date(record.get("LastActivityDate")),
        partner_id=partner[0] if partner else None,
        partner_role=partner[1] if partner else None,
        description=_text(record.get("Description")),
        attributes={"salesforce_stage": str(record.get("StageName") or "")},
    )


def _deal_partner(links: list[dict[str, Any]]) -> tuple[str, str] | None:
    """The deal's partner (account, role): its primary OpportunityPartner, else the first one."""
    if not links:
        return None
    link = min(links, key=lambda item: not item.get("IsPrimary"))
    return link["AccountToId"], ROLES.get(_key(link.get("Role")), "influenced")


def map_partner_accounts(
    relations: Iterable[dict[str, Any]],
    partners: dict[str, Partner],
    accounts: dict[str, Account],
    opportunities: list[Opportunity],
) -> list[PartnerAccount]:
    """Partner records (account -> partner account) as what each partner works on; Salesforce also
    stores each relation reversed, so only the direction that ends at a partner is kept."""
    open_deals = {
        (o.partner_id, o.account_id)
        for o in opportunities
        if o.partner_id and o.stage not in ("closed_won", "closed_lost")
    }
    rows: dict[tuple[str, str], PartnerAccount] = {}
    for relation in relations:
        partner_id, account_id = relation.get("AccountToId"), relation.get("AccountFromId")
        account = accounts.get(account_id)
        if (
            partner_id not in partners
            or account is None
            or account_id in partners
            or (partner_id, account_id) in rows
        ):
            continue
        status = "open_opportunity" if (partner_id, account_id) in open_deals else "customer"
        rows[(partner_id, account_id)] = PartnerAccount(
            partner_id=partner_id,
            account_name=account.name,
            domain=account.domain,
            country=account.country,
            status=status,
            attributes={"salesforce_role": str(relation.get("Role") or ""), "account_id": account_id},
        )
    return list(rows.values())
