"""HubSpot -> import folder, over the CRM v3 REST API (`requests`, a private-app access token).

Reads /crm/v3/objects/companies and /crm/v3/objects/deals (with their company associations),
following `paging.next.after`, and writes partners.csv, accounts.csv and opportunities.csv.

Mapping (changes and drops are listed in the export summary):
- Companies of `type` PARTNER or RESELLER become partners; the rest accounts, with lifecyclestage
  customer/evangelist -> customer and every earlier stage -> prospect.
- A deal's account is its first associated non-partner company; an associated partner company
  becomes the deal's partner (role `influenced`). A deal without a company is left out.
- dealstage: the default pipeline's stages by id; custom stages by hs_is_closed / hs_is_closed_won,
  else prospecting.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr

from connectors import fields as f
from connectors.base import Connector, ConnectorSettings, ExportSummary, bad_input, count_note
from connectors.countries import country_code_for
from connectors.csv_folder import write_import_folder
from connectors.models import Account, Opportunity, Partner
from connectors.registry import register_connector

COMPANY_PROPERTIES = [
    "name",
    "domain",
    "website",
    "industry",
    "country",
    "numberofemployees",
    "annualrevenue",
    "lifecyclestage",
    "type",
    "description",
]
DEAL_PROPERTIES = [
    "dealname",
    "dealstage",
    "pipeline",
    "amount",
    "deal_currency_code",
    "closedate",
    "createdate",
    "notes_last_updated",
    "hs_is_closed",
    "hs_is_closed_won",
    "description",
]
PARTNER_COMPANY_TYPES = {"PARTNER": "referral", "RESELLER": "reseller"}
DEAL_STAGES = {
    "appointmentscheduled": "prospecting",
    "qualifiedtobuy": "qualification",
    "presentationscheduled": "qualification",
    "decisionmakerboughtin": "proposal",
    "contractsent": "negotiation",
    "closedwon": "closed_won",
    "closedlost": "closed_lost",
}
CUSTOMER_STAGES = {"customer", "evangelist"}


class HubSpotSettings(ConnectorSettings):
    access_token: SecretStr | None = Field(
        None,
        description="A private app access token with crm.objects.companies.read and crm.objects.deals.read",
    )
    base_url: str = Field("https://api.hubapi.com", description="API root (change only for a proxy or tests)")
    page_size: int = Field(100, ge=1, le=100, description="Records per request (HubSpot allows up to 100)")
    max_retries: int = Field(3, ge=0, le=10, description="Retries after a rate limit (429) or a 5xx answer")
    http_session: Any = Field(
        None,
        description="A requests.Session to send requests with (proxies, tests)",
        json_schema_extra={"internal": True},
    )


@register_connector("hubspot")
class HubSpotConnector(Connector):
    description = "HubSpot companies and deals (CRM v3 API)."
    Settings = HubSpotSettings

    def export(self, out_dir: Path, settings: HubSpotSettings) -> ExportSummary:
        if settings.access_token is None:
            raise bad_input("hubspot needs access_token (a private app token)")
        return export_to_folder(HubSpotClient(settings), out_dir)


class HubSpotClient:
    """The few GETs the export needs: paged object lists with retries on rate limits."""

    def __init__(self, settings: HubSpotSettings):
        import requests

        self.session = settings.http_session or requests.Session()
        self.base_url = settings.base_url.rstrip("/")
        self.page_size, self.max_retries = settings.page_size, settings.max_retries
        token = settings.access_token.get_secret_value() if settings.access_token else ""
        self.headers = {"Authorization": f"Bearer {token}", "Accept": "application/json"}

    def list_objects(
        self, kind: str, properties: list[str], associations: tuple[str, ...] = ()
    ) -> Iterator[dict[str, Any]]:
        params: dict[str, Any] = {
            "limit": self.page_size,
            "properties": ",".join(properties),
            "archived": "false",
        }
        if associations:
            params["associations"] = ",".join(associations)
        seen_cursors: set[str] = set()
        while True:
            page = self._get(f"/crm/v3/objects/{kind}", params)
            yield from page.get("results", [])
            after = ((page.get("paging") or {}).get("next") or {}).get("after")
            if not after or after in seen_cursors:  # a repeated cursor would loop forever
                return
            seen_cursors.add(after)
            params = {**params, "after": after}

    def _get(self, path: str, params: dict[str, Any]) -> dict[str, Any]:
        from requests import RequestException

        for attempt in range(self.max_retries + 1):
            try:
                response = self.session.get(
                    self.base_url + path, params=params, headers=self.headers, timeout=60
                )
            except RequestException as exc:
                raise bad_input(f"cannot reach HubSpot at {self.base_url}: {exc.__class__.__name__}") from exc
            if response.status_code == 200:
                return response.json()
            if response.status_code in (429, 500, 502, 503, 504) and attempt < self.max_retries:
                time.sleep(min(float(response.headers.get("Retry-After") or 2**attempt), 30))
                continue
            raise bad_input(_error_message(response))
        raise AssertionError("unreachable")  # pragma: no cover


def _error_message(response: Any) -> str:
    try:
        detail = response.json().get("message", "")
    except ValueError:
        detail = response.text[:200]
    if response.status_code == 401:
        return "HubSpot refused the access token (401): create a new private app token"
    if response.status_code == 403:
        scopes = "crm.objects.companies.read and crm.objects.deals.read"
        return f"HubSpot denied access (403): the token needs {scopes}. {detail}".strip()
    return f"HubSpot answered {response.status_code}: {detail}".strip()


def export_to_folder(client: HubSpotClient, out_dir: Path | str) -> ExportSummary:
    """Read companies and deals through `client` and write an import folder into out_dir."""
    out = Path(out_dir)
    notes: list[str] = []
    companies = list(client.list_objects("companies", COMPANY_PROPERTIES))
    deals = list(client.list_objects("deals", DEAL_PROPERTIES, ("companies",)))
    partners = {c["id"]: p for c in companies if (p := map_partner(c))}
    opportunities, no_company = [], []
    for deal in deals:
        opportunity = map_deal(deal, partners)
        if opportunity is None:
            no_company.append(deal["id"])
        else:
            opportunities.append(opportunity)
    if no_company:
        notes.append(count_note("deals left out because no company is associated", no_company))
    with_deals = {o.account_id for o in opportunities}
    accounts = [map_company(c) for c in companies if c["id"] not in partners or c["id"] in with_deals]
    unknown = [a.attributes["hubspot_country"] for a in accounts if "hubspot_country" in a.attributes]
    if unknown:
        notes.append(count_note("countries not recognised, kept in the hubspot_country column", unknown))
    known = {a.account_id for a in accounts}
    missing = [o for o in opportunities if o.account_id not in known]
    if missing:
        notes.append(f"{len(missing)} deals whose company could not be read were left out")
    opportunities = [o for o in opportunities if o.account_id in known]
    files = write_import_folder(
        out, {Partner: partners.values(), Account: accounts, Opportunity: opportunities}
    )
    return ExportSummary(connector="hubspot", out_dir=str(out), files=files, notes=notes)


def _prop(record: dict[str, Any], name: str) -> str | None:
    value = (record.get("properties") or {}).get(name)
    text = str(value).strip() if value is not None else ""
    return text or None


def _number(text: str | None) -> float | None:
    try:
        return float(text) if text else None
    except ValueError:
        return None


def _domain(record: dict[str, Any]) -> str | None:
    raw = _prop(record, "domain") or _prop(record, "website")
    return f.normalise_domain(raw) if raw else None


def _industry(text: str | None) -> str | None:
    """HubSpot's industry option ids (`COMPUTER_SOFTWARE`) read as names (`Computer Software`)."""
    return text.replace("_", " ").title() if text and text.isupper() else text


def map_partner(company: dict[str, Any]) -> Partner | None:
    partner_type = PARTNER_COMPANY_TYPES.get((_prop(company, "type") or "").upper())
    if partner_type is None:
        return None
    country = country_code_for(_prop(company, "country"))
    industry = _industry(_prop(company, "industry"))
    return Partner(
        partner_id=company["id"],
        name=_prop(company, "name") or company["id"],
        type=partner_type,
        tier="registered",
        website=_domain(company),
        countries=[country] if country else [],
        industries=[industry] if industry else [],
        description=_prop(company, "description"),
        attributes={"hubspot_type": _prop(company, "type") or ""},
    )


def map_company(company: dict[str, Any]) -> Account:
    stage = (_prop(company, "lifecyclestage") or "").lower()
    if stage in CUSTOMER_STAGES:
        status = "customer"
    elif "former" in stage or "churn" in stage:
        status = "former_customer"
    else:
        status = "prospect"
    raw_country = _prop(company, "country")
    country = country_code_for(raw_country)
    employees = _number(_prop(company, "numberofemployees"))
    attributes = {"hubspot_lifecyclestage": stage} if stage else {}
    if raw_country and not country:
        attributes["hubspot_country"] = raw_country
    return Account(
        account_id=company["id"],
        name=_prop(company, "name") or _domain(company) or company["id"],
        domain=_domain(company),
        industry=_industry(_prop(company, "industry")),
        country=country,
        employees=int(employees) if employees is not None and employees >= 0 else None,
        annual_revenue=_number(_prop(company, "annualrevenue")),
        status=status,
        attributes=attributes,
    )


def map_stage(deal: dict[str, Any]) -> str:
    stage = DEAL_STAGES.get((_prop(deal, "dealstage") or "").lower())
    if stage:
        return stage
    if _prop(deal, "hs_is_closed_won") == "true":
        return "closed_won"
    if _prop(deal, "hs_is_closed") == "true":
        return "closed_lost"
    return "prospecting"


def map_deal(deal: dict[str, Any], partners: dict[str, Partner]) -> Opportunity | None:
    """None when the deal has no associated company (an opportunity needs an account)."""
    links = ((deal.get("associations") or {}).get("companies") or {}).get("results") or []
    company_ids = list(dict.fromkeys(str(link["id"]) for link in links if link.get("id")))
    customers = [c for c in company_ids if c not in partners]
    deal_partners = [c for c in company_ids if c in partners]
    account_id = (customers or deal_partners or [None])[0]
    if account_id is None:
        return None
    partner_id = next((p for p in deal_partners if p != account_id), None)
    return Opportunity(
        opportunity_id=deal["id"],
        account_id=account_id,
        name=_prop(deal, "dealname") or deal["id"],
        stage=map_stage(deal),
        amount=_number(_prop(deal, "amount")),
        currency=_prop(deal, "deal_currency_code") or "USD",
        created_on=(_prop(deal, "createdate") or "")[:10] or None,
        close_date=(_prop(deal, "closedate") or "")[:10] or None,
        last_activity_on=(_prop(deal, "notes_last_updated") or "")[:10] or None,
        partner_id=partner_id,
        partner_role="influenced" if partner_id else None,
        description=_prop(deal, "description"),
        attributes={
            "hubspot_dealstage": _prop(deal, "dealstage") or "",
            "hubspot_pipeline": _prop(deal, "pipeline") or "",
        },
    )
