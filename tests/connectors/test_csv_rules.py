"""One case per DATA.md rule: the exact rejection (file, line, column, message), and nothing else."""

from __future__ import annotations

import pytest

from assistant.core.errors import BadInput
from connectors.csv_folder import read_import_folder
from connectors.models import Rejection
from tests.connectors.folders import write_folder

P = "partner_id,name,type,tier"
A = "account_id,name,status"
O = "opportunity_id,account_id,name,stage"


def csv_text(header: str, *rows: str) -> str:
    return "\n".join((header, *rows)) + "\n"


# (file, its content, line, column, message). The valid first row of each file must still load.
CASES = {
    # partners.csv
    "required cell": (
        "partners.csv",
        csv_text(P, "P-1,Acme,reseller,gold", "P-9,,reseller,gold"),
        3,
        "name",
        "name is required",
    ),
    "partner type": (
        "partners.csv",
        csv_text(P, "P-1,Acme,reseller,gold", "P-9,X,agency,gold"),
        3,
        "type",
        (
            "type must be one of reseller, var, distributor, system_integrator, isv, msp, referral, "
            "influencer, marketplace, consultancy (got 'agency')"
        ),
    ),
    "tier": (
        "partners.csv",
        csv_text(P, "P-1,Acme,reseller,gold", "P-9,X,var,diamond"),
        3,
        "tier",
        "tier must be one of registered, silver, gold, platinum (got 'diamond')",
    ),
    "website": (
        "partners.csv",
        csv_text(P + ",website", "P-1,Acme,var,gold,acme.com", "P-9,X,var,gold,not a site"),
        3,
        "website",
        "website must be a web domain or URL like acme.com (got 'not a site')",
    ),
    "countries": (
        "partners.csv",
        csv_text(P + ",countries", "P-1,Acme,var,gold,DE", "P-9,X,var,gold,DE;Germany"),
        3,
        "countries",
        "countries must be a ';' list of ISO 3166-1 alpha-2 codes (got 'Germany')",
    ),
    "languages": (
        "partners.csv",
        csv_text(P + ",languages", "P-1,Acme,var,gold,de", "P-9,X,var,gold,de;en_GB"),
        3,
        "languages",
        "languages must be a ';' list of BCP 47 tags (got 'en_GB')",
    ),
    "certified_staff": (
        "partners.csv",
        csv_text(
            P + ",certified_staff", "P-1,Acme,var,gold,Lakehouse:12", "P-9,X,var,gold,Lakehouse:12;Streaming"
        ),
        3,
        "certified_staff",
        "certified_staff must be a ';' list of competency:count like Lakehouse:12 (got 'Streaming')",
    ),
    "joined_on date": (
        "partners.csv",
        csv_text(P + ",joined_on", "P-1,Acme,var,gold,2024-01-31", "P-9,X,var,gold,31/01/2024"),
        3,
        "joined_on",
        "joined_on must be a date YYYY-MM-DD (got '31/01/2024')",
    ),
    "brand_color": (
        "partners.csv",
        csv_text(P + ",brand_color", "P-1,Acme,var,gold,#1A2B3C", "P-9,X,var,gold,red"),
        3,
        "brand_color",
        "brand_color must be a colour #RRGGBB (got 'red')",
    ),
    "contact_email": (
        "partners.csv",
        csv_text(P + ",contact_email", "P-1,Acme,var,gold,a@acme.com", "P-9,X,var,gold,nobody"),
        3,
        "contact_email",
        "contact_email must be an email address (got 'nobody')",
    ),
    "partner account_sharing": (
        "partners.csv",
        csv_text(P + ",account_sharing", "P-1,Acme,var,gold,none", "P-9,X,var,gold,all"),
        3,
        "account_sharing",
        "account_sharing must be one of none, counts, accounts (got 'all')",
    ),
    "duplicate partner_id": (
        "partners.csv",
        csv_text(P, "P-1,Acme,reseller,gold", "P-1,Again,var,gold"),
        3,
        "partner_id",
        "duplicate partner_id 'P-1' (first on line 2)",
    ),
    # accounts.csv
    "status": (
        "accounts.csv",
        csv_text(A, "A-1,Acme,customer", "A-9,X,client"),
        3,
        "status",
        "status must be one of customer, prospect, former_customer (got 'client')",
    ),
    "country": (
        "accounts.csv",
        csv_text(A + ",country", "A-1,Acme,customer,de", "A-9,X,prospect,Germany"),
        3,
        "country",
        "country must be an ISO 3166-1 alpha-2 country code like DE or US (got 'Germany')",
    ),
    "integer with comma": (
        "accounts.csv",
        csv_text(A + ",employees", "A-1,Acme,customer,1000", 'A-9,X,prospect,"1,000"'),
        3,
        "employees",
        "employees must be a whole number (got '1,000')",
    ),
    "negative integer": (
        "accounts.csv",
        csv_text(A + ",employees", "A-1,Acme,customer,10", "A-9,X,prospect,-5"),
        3,
        "employees",
        "employees must be 0 or more (got '-5')",
    ),
    "decimal with comma": (
        "accounts.csv",
        csv_text(A + ",annual_revenue", "A-1,Acme,customer,125000.00", 'A-9,X,prospect,"1,000"'),
        3,
        "annual_revenue",
        "annual_revenue must be a plain decimal like 125000.00 (got '1,000')",
    ),
    "decimal text": (
        "accounts.csv",
        csv_text(A + ",annual_revenue", "A-1,Acme,customer,1", "A-9,X,prospect,abc"),
        3,
        "annual_revenue",
        "annual_revenue must be a plain decimal like 125000.00 (got 'abc')",
    ),
    "owner_email": (
        "accounts.csv",
        csv_text(A + ",owner_email", "A-1,Acme,customer,", "A-9,X,prospect,bob@"),
        3,
        "owner_email",
        "owner_email must be an email address (got 'bob@')",
    ),
    "domain": (
        "accounts.csv",
        csv_text(A + ",domain", "A-1,Acme,customer,acme.com", "A-9,X,prospect,acme"),
        3,
        "domain",
        "domain must be a web domain or URL like acme.com (got 'acme')",
    ),
    "duplicate account_id": (
        "accounts.csv",
        csv_text(A, "A-1,Acme,customer", "A-2,B,prospect", "A-1,Again,customer"),
        4,
        "account_id",
        "duplicate account_id 'A-1' (first on line 2)",
    ),
    # opportunities.csv
    "stage": (
        "opportunities.csv",
        csv_text(O, "O-1,A-1,Deal,proposal", "O-9,A-1,Deal,won"),
        3,
        "stage",
        (
            "stage must be one of prospecting, qualification, proposal, negotiation, closed_won, closed_lost "
            "(got 'won')"
        ),
    ),
    "unknown account": (
        "opportunities.csv",
        csv_text(O, "O-1,A-1,Deal,proposal", "O-9,A-9,Deal,proposal"),
        3,
        "account_id",
        "account_id 'A-9' not found in accounts.csv",
    ),
    "unknown partner": (
        "opportunities.csv",
        csv_text(
            O + ",partner_id,partner_role", "O-1,A-1,D,proposal,P-1,sourced", "O-9,A-1,D,proposal,P-9,sourced"
        ),
        3,
        "partner_id",
        "partner_id 'P-9' not found in partners.csv",
    ),
    "unknown registered_by": (
        "opportunities.csv",
        csv_text(O + ",registered_by", "O-1,A-1,D,proposal,P-2", "O-9,A-1,D,proposal,P-7"),
        3,
        "registered_by",
        "registered_by 'P-7' not found in partners.csv",
    ),
    "partner_role required": (
        "opportunities.csv",
        csv_text(
            O + ",partner_id,partner_role", "O-1,A-1,D,proposal,P-1,influenced", "O-9,A-1,D,proposal,P-1,"
        ),
        3,
        "partner_role",
        "partner_role is required when partner_id is set",
    ),
    "partner_role": (
        "opportunities.csv",
        csv_text(
            O + ",partner_id,partner_role",
            "O-1,A-1,D,proposal,P-1,sourced",
            "O-9,A-1,D,proposal,P-1,reseller",
        ),
        3,
        "partner_role",
        "partner_role must be one of sourced, influenced, fulfillment (got 'reseller')",
    ),
    "currency": (
        "opportunities.csv",
        csv_text(O + ",currency", "O-1,A-1,D,proposal,eur", "O-9,A-1,D,proposal,euros"),
        3,
        "currency",
        "currency must be an ISO 4217 currency code like USD (got 'euros')",
    ),
    "amount": (
        "opportunities.csv",
        csv_text(O + ",amount", "O-1,A-1,D,proposal,125000.00", "O-9,A-1,D,proposal,1e5"),
        3,
        "amount",
        "amount must be a plain decimal like 125000.00 (got '1e5')",
    ),
    "impossible date": (
        "opportunities.csv",
        csv_text(O + ",close_date", "O-1,A-1,D,proposal,2026-03-31", "O-9,A-1,D,proposal,2026-02-30"),
        3,
        "close_date",
        "close_date must be a date YYYY-MM-DD (got '2026-02-30')",
    ),
    # partner_accounts.csv
    "partner_accounts partner": (
        "partner_accounts.csv",
        csv_text("partner_id,account_name,status", "P-1,Acme Corp,customer", "P-9,Acme Corp,customer"),
        3,
        "partner_id",
        "partner_id 'P-9' not found in partners.csv",
    ),
    "partner_accounts status": (
        "partner_accounts.csv",
        csv_text("partner_id,account_name,status", "P-1,Acme Corp,customer", "P-1,Beta,former_customer"),
        3,
        "status",
        ("status must be one of customer, open_opportunity, prospect (got 'former_customer')"),
    ),
    # partner_activity.csv
    "month": (
        "partner_activity.csv",
        csv_text("partner_id,month", "P-1,2026-01", "P-1,2026-13"),
        3,
        "month",
        "month must be a month YYYY-MM (got '2026-13')",
    ),
    "psat range": (
        "partner_activity.csv",
        csv_text("partner_id,month,psat", "P-1,2026-01,8.5", "P-1,2026-02,11"),
        3,
        "psat",
        "psat must be between 0 and 10 (got '11')",
    ),
    "activity integer": (
        "partner_activity.csv",
        csv_text("partner_id,month,portal_logins", "P-1,2026-01,42", "P-1,2026-02,many"),
        3,
        "portal_logins",
        "portal_logins must be a whole number (got 'many')",
    ),
    "duplicate partner month": (
        "partner_activity.csv",
        csv_text("partner_id,month", "P-1,2026-01", "P-2,2026-01", "P-1,2026-01"),
        4,
        "month",
        "duplicate partner_id 'P-1' and month '2026-01' (first on line 2)",
    ),
    "activity partner": (
        "partner_activity.csv",
        csv_text("partner_id,month", "P-1,2026-01", "P-3,2026-01"),
        3,
        "partner_id",
        "partner_id 'P-3' not found in partners.csv",
    ),
    # users.csv
    "role": (
        "users.csv",
        csv_text("user_id,name,role", "U-1,Ann,admin", "U-2,Bob,owner"),
        3,
        "role",
        "role must be one of admin, channel_manager, marketer, partner_seller (got 'owner')",
    ),
    "partner_seller needs partner": (
        "users.csv",
        csv_text("user_id,name,role,partner_id", "U-1,Ann,admin,", "U-2,Bob,partner_seller,"),
        3,
        "partner_id",
        "partner_id is required for role partner_seller",
    ),
    "user partner": (
        "users.csv",
        csv_text("user_id,name,role,partner_id", "U-1,Ann,partner_seller,P-1", "U-2,Bob,partner_seller,P-5"),
        3,
        "partner_id",
        "partner_id 'P-5' not found in partners.csv",
    ),
    "locale": (
        "users.csv",
        csv_text("user_id,name,role,locale", "U-1,Ann,admin,pt-br", "U-2,Bob,admin,en_US"),
        3,
        "locale",
        "locale must be a BCP 47 language tag like de or pt-BR (got 'en_US')",
    ),
    "user email": (
        "users.csv",
        csv_text("user_id,name,role,email", "U-1,Ann,admin,ann@v.com", "U-2,Bob,admin,bob"),
        3,
        "email",
        "email must be an email address (got 'bob')",
    ),
    "duplicate user": (
        "users.csv",
        csv_text("user_id,name,role", "U-1,Ann,admin", "U-1,Bob,marketer"),
        3,
        "user_id",
        "duplicate user_id 'U-1' (first on line 2)",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_rule_rejects_row_with_exact_reason(tmp_path, case):
    file, content, line, column, message = case
    bundle = read_import_folder(write_folder(tmp_path, {file: content}))
    assert bundle.rejected == [Rejection(file=file, line=line, column=column, message=message)]
    table = {
        "partners.csv": "partners",
        "accounts.csv": "accounts",
        "opportunities.csv": "opportunities",
        "partner_accounts.csv": "partner_accounts",
        "partner_activity.csv": "partner_activity",
        "users.csv": "users",
    }[file]
    assert getattr(bundle, table), "the valid rows of the file still load"


def test_missing_required_column_is_bad_input_naming_file_and_column(tmp_path):
    with pytest.raises(BadInput, match=r"^accounts.csv: missing required column: status \(line 1\)"):
        read_import_folder(write_folder(tmp_path, {"accounts.csv": "account_id,name\nA-1,Acme\n"}))


def test_missing_required_columns_are_listed_together(tmp_path):
    with pytest.raises(BadInput, match=r"partners.csv: missing required columns: type, tier"):
        read_import_folder(write_folder(tmp_path, {"partners.csv": "partner_id,name\nP-1,Acme\n"}))


def test_missing_required_file_is_bad_input(tmp_path):
    with pytest.raises(BadInput, match=r"partners.csv: required file is missing. Nothing was changed"):
        read_import_folder(write_folder(tmp_path, {"partners.csv": None}))


def test_reference_to_a_rejected_id_says_so(tmp_path):
    bundle = read_import_folder(
        write_folder(
            tmp_path,
            {"accounts.csv": csv_text(A, "A-1,Acme,customer", "A-2,Beta,client")}
            | {"opportunities.csv": csv_text(O, "O-1,A-1,D,proposal", "O-2,A-2,D,proposal")},
        )
    )
    assert bundle.rejected[1] == Rejection(
        file="opportunities.csv",
        line=3,
        column="account_id",
        message="account_id 'A-2' was rejected in accounts.csv (line 3)",
    )
    assert [o.opportunity_id for o in bundle.opportunities] == ["O-1"]


def test_every_bad_cell_of_a_row_is_reported(tmp_path):
    bundle = read_import_folder(write_folder(tmp_path, {"partners.csv": csv_text(P, "P-1,,agency,gold")}))
    assert [(r.line, r.column) for r in bundle.rejected] == [(2, "name"), (2, "type")]


def test_empty_file_and_duplicate_header_column(tmp_path):
    bundle = read_import_folder(
        write_folder(
            tmp_path,
            {"users.csv": "", "partner_activity.csv": "partner_id,month,month\nP-1,2026-01,2026-01\n"},
        )
    )
    assert (
        Rejection(file="users.csv", line=1, message="file is empty: the first row must be the header "
                  "(file not loaded; its stored rows are kept)")
        in bundle.rejected
    )
    assert (
        Rejection(
            file="partner_activity.csv",
            line=1,
            column="month",
            message="column 'month' appears twice in the header (file not loaded; its stored rows are kept)",
        )
        in bundle.rejected
    )
    assert bundle.failed_files == ["partner_activity.csv", "users.csv"]


def test_folder_that_does_not_exist_is_bad_input(tmp_path):
    from assistant.core.errors import BadInput

    with pytest.raises(BadInput, match="import folder not found"):
        read_import_folder(tmp_path / "nope")
