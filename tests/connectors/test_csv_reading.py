"""How CSV files are read: encodings, quoting, line numbers, normalisation, extra columns, vendor.yaml."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from assistant.core.errors import BadInput
from connectors.csv_folder import read_import_folder
from connectors.models import Account, Opportunity, Partner, PartnerAccount, Rejection, partner_account_key
from tests.connectors.folders import write_folder


def test_multi_line_quoted_cells_report_the_line_where_the_record_starts(tmp_path):
    accounts = (
        "account_id,name,status\n"
        'A-1,"Acme\nCorporation\n(three lines)",customer\n'  # lines 2-4
        "A-2,Beta,client\n"  # line 5
        'A-3,"Gamma ""quoted""\r\nName",nope\r\n'  # lines 6-7
        "A-4,Delta,prospect\n"
    )
    bundle = read_import_folder(write_folder(tmp_path, {"accounts.csv": accounts}))
    assert [(r.line, r.column) for r in bundle.rejected] == [(5, "status"), (7 - 1, "status")]
    assert [(a.account_id, a.line) for a in bundle.accounts] == [("A-1", 2), ("A-4", 8)]
    assert bundle.accounts[0].name == "Acme\nCorporation\n(three lines)"


def test_utf8_bom_is_accepted(tmp_path):
    bundle = read_import_folder(
        write_folder(tmp_path, {"accounts.csv": "\ufeffaccount_id,name,status\nA-1,Müller GmbH,customer\n"})
    )
    assert bundle.rejected == [] and bundle.accounts[0].name == "Müller GmbH"


def test_a_file_with_bytes_that_are_not_utf8_is_refused_whole_naming_the_encoding(tmp_path):
    """Issue 15: a Latin-1 file used to load only its ASCII rows (and cascade); now it is refused whole."""
    accounts = b"account_id,name,status\nA-1,Acme,customer\nA-2,M\xfcller (latin-1),customer\nA-3,Ok,prospect\n"
    with pytest.raises(BadInput, match=r"accounts.csv: is not UTF-8 \(byte 0xFC .*Latin-1.*\(line 3\)"):
        read_import_folder(write_folder(tmp_path, {"accounts.csv": accounts}))


def test_an_optional_file_with_bad_bytes_is_one_file_rejection(tmp_path):
    users = b'user_id,name,role\nU-1,"two\nlines \xff",admin\nU-2,Beta,admin\n'
    bundle = read_import_folder(write_folder(tmp_path, {"users.csv": users}))
    assert [(r.file, r.line) for r in bundle.rejected] == [("users.csv", 3)]
    assert "not UTF-8" in bundle.rejected[0].message and bundle.failed_files == ["users.csv"]
    assert bundle.users == [] and len(bundle.accounts) == 2


def test_extra_columns_are_kept_verbatim_in_attributes(tmp_path):
    bundle = read_import_folder(
        write_folder(
            tmp_path,
            {
                "accounts.csv": "account_id,Segment,name,status, Region \nA-1,Enterprise , Acme ,customer,EMEA\n"
            },
        )
    )
    account = bundle.accounts[0]
    assert account.attributes == {"Segment": "Enterprise ", "Region": "EMEA"}
    assert account.name == "Acme"


def test_column_order_and_header_case_do_not_matter(tmp_path):
    bundle = read_import_folder(
        write_folder(tmp_path, {"accounts.csv": "Status,Name,Account_ID\ncustomer,Acme,A-1\n"})
    )
    assert bundle.rejected == [] and bundle.accounts[0].account_id == "A-1"


def test_values_are_normalised(tmp_path):
    partners = (
        "partner_id,name,type,tier,website,countries,industries,certified_staff,languages,joined_on,brand_color\n"
        "P-1,Acme,System Integrator,GOLD,https://www.Acme-Partners.com/about?x=1,de; us ;;,"
        "Financial Services ; Retail,Lakehouse:12; Streaming : 3,PT-br;de;zh-hant-tw,2024-01-31,#a1b2c3\n"
    )
    opportunities = (
        "opportunity_id,account_id,name,stage,amount,products\nO-1,A-1,D,Closed Won,125000.50,Lakehouse;\n"
    )
    bundle = read_import_folder(
        write_folder(tmp_path, {"partners.csv": partners, "opportunities.csv": opportunities})
    )
    assert bundle.rejected == []
    partner = bundle.partners[0]
    assert (partner.type, partner.tier, partner.website) == ("system_integrator", "gold", "acme-partners.com")
    assert partner.countries == ["DE", "US"] and partner.industries == ["Financial Services", "Retail"]
    assert partner.certified_staff == {"Lakehouse": 12, "Streaming": 3}
    assert partner.languages == ["pt-BR", "de", "zh-Hant-TW"]
    assert partner.joined_on == dt.date(2024, 1, 31) and partner.brand_color == "#A1B2C3"
    # defaults from DATA.md
    assert partner.brand_name == "Acme" and partner.account_sharing == "counts"
    deal = bundle.opportunities[0]
    assert (deal.stage, deal.amount, deal.currency, deal.products) == (
        "closed_won",
        125000.5,
        "USD",
        ["Lakehouse"],
    )


def test_records_read_fast_equal_validated_models(tmp_path):
    bundle = read_import_folder(write_folder(tmp_path))
    for record in [*bundle.partners, *bundle.accounts, *bundle.opportunities]:
        assert type(record).model_validate(record.model_dump()) == record
    assert bundle.partners[0].model_dump()["line"] == 2


def test_blank_lines_are_skipped_and_cell_count_is_checked(tmp_path):
    accounts = "account_id,name,status\n\nA-1,Acme,customer\n,,\nA-2,Beta,prospect,extra\nA-3,Gamma\n"
    bundle = read_import_folder(write_folder(tmp_path, {"accounts.csv": accounts}))
    assert bundle.rejected == [
        Rejection(file="accounts.csv", line=5, message="row has 4 cells, the header has 3"),
        Rejection(file="accounts.csv", line=6, column="status", message="status is required"),
    ]


def test_an_unclosed_quote_is_reported_with_its_line_span(tmp_path):
    accounts = 'account_id,name,status\nA-1,"Acme,customer\nA-2,Beta,prospect\n'
    bundle = read_import_folder(write_folder(tmp_path, {"accounts.csv": accounts}))
    assert bundle.rejected[0] == Rejection(
        file="accounts.csv", line=2, message="row has 2 cells, the header has 3 (lines 2-3: check the quotes)"
    )


def test_partner_account_row_keys_are_stable_and_number_exact_repeats(tmp_path):
    shared = (
        "partner_id,account_name,domain,country,status\n"
        "P-1,ACME Corp.,https://www.acme.com,de,customer\n"
        "P-1,Beta,,,prospect\n"
        "P-1,ACME Corp.,acme.com,DE,open_opportunity\n"
    )
    first = read_import_folder(
        write_folder(tmp_path / "a", {"partner_accounts.csv": shared})
    ).partner_accounts
    key = partner_account_key("P-1", "ACME Corp.", "acme.com", "DE")
    assert [r.row_key for r in first] == [key, partner_account_key("P-1", "Beta", None, None), key + "#2"]
    assert key == partner_account_key("p-1", "acme corp.", "ACME.COM", "de")  # lower-cased before hashing
    assert (
        PartnerAccount(
            partner_id="P-1", account_name="ACME Corp.", domain="acme.com", country="de", status="Customer"
        ).row_key
        == key
    )


def test_models_normalise_when_built_directly():
    partner = Partner(
        partner_id="P-1",
        name="Acme",
        type="Reseller",
        tier="Gold",
        website="http://www.acme.com/x",
        countries=["de", " us "],
        languages="pt-br",
    )
    assert (partner.type, partner.website, partner.countries, partner.languages) == (
        "reseller",
        "acme.com",
        ["DE", "US"],
        ["pt-BR"],
    )
    assert partner.brand_name == "Acme"
    account = Account(account_id="A-1", name="X", status="Former Customer", country="gb", employees="12")
    assert (account.status, account.country, account.employees) == ("former_customer", "GB", 12)
    assert (
        Opportunity(opportunity_id="O", account_id="A", name="n", stage="closed-lost").stage == "closed_lost"
    )


def test_faulty_folder_loads_every_valid_row(tmp_path):
    files = {
        "partners.csv": "partner_id,name,type,tier\nP-1,A,reseller,gold\nP-2,B,bogus,gold\nP-3,C,isv,silver\n",
        "accounts.csv": "account_id,name,status\nA-1,X,customer\nA-2,Y,prospect\nA-3,Z,client\nA-1,dup,customer\n",
        "opportunities.csv": (
            "opportunity_id,account_id,name,stage,partner_id,partner_role\n"
            "O-1,A-1,D,proposal,P-1,sourced\nO-2,A-3,D,proposal,,\nO-3,A-2,D,proposal,P-2,sourced\n"
            "O-4,A-2,D,negotiation,P-3,influenced\n"
        ),
        "partner_accounts.csv": "partner_id,account_name,status\nP-1,X,customer\nP-2,Y,customer\nP-3,Z,prospect\n",
        "partner_activity.csv": "partner_id,month,psat\nP-1,2026-01,9\nP-1,2026-02,12\nP-3,2026-01,\n",
        "users.csv": "user_id,name,role,partner_id\nU-1,Ann,admin,\nU-2,Bob,partner_seller,P-2\nU-3,Cy,marketer,\n",
        "vendor.yaml": "name: Northwind\naccount_sharing: everything\n",
        "content/ok.md": "# Fine\ntext\n",
        "content/bad.md": "---\ntitle: [unclosed\n---\nbody\n",
        "campaigns/ok.yaml": "kit_id: k1\nname: Kit\nlocales: {en: {email_subject: Hi}}\n",
        "campaigns/bad.yaml": "name: no id\n",
    }
    bundle = read_import_folder(write_folder(tmp_path, files))
    assert bundle.counts() == {
        "partners": 2,
        "accounts": 2,
        "opportunities": 2,
        "partner_accounts": 2,
        "partner_activity": 2,
        "users": 2,
        "documents": 1,
        "campaign_kits": 1,
    }
    assert [(r.file, r.line) for r in bundle.rejected] == [
        ("vendor.yaml", None),
        ("partners.csv", 3),
        ("accounts.csv", 4),
        ("accounts.csv", 5),
        ("opportunities.csv", 3),
        ("opportunities.csv", 4),
        ("partner_accounts.csv", 3),
        ("partner_activity.csv", 3),
        ("users.csv", 3),
        ("content/bad.md", 3),
        ("campaigns/bad.yaml", None),
    ]
    assert bundle.vendor.name == "Northwind" and bundle.vendor.account_sharing == "counts"


def test_vendor_yaml_values_defaults_and_extra_keys(tmp_path):
    vendor = "name: Northwind Data\nwebsite: https://northwind.example/\ndefault_locale: pt-br\ntier_rules: {gold: 10}\n"
    bundle = read_import_folder(write_folder(tmp_path, {"vendor.yaml": vendor}))
    assert bundle.rejected == []
    assert bundle.vendor.model_dump() == {
        "name": "Northwind Data",
        "website": "northwind.example",
        "default_locale": "pt-BR",
        "account_sharing": "counts",
        "registration_protection_days": 90,
        "lead_accept_hours": 48,
        "reporting_currency": "USD",
        "fx_rates": {},
        "extra": {"tier_rules": {"gold": 10}},
    }
    assert read_import_folder(write_folder(tmp_path / "none")).vendor.name == "Vendor"


def test_bad_vendor_yaml_is_one_rejection_and_defaults(tmp_path):
    bundle = read_import_folder(write_folder(tmp_path, {"vendor.yaml": "name: [Northwind\n"}))
    assert len(bundle.rejected) == 1 and bundle.rejected[0].file == "vendor.yaml"
    assert bundle.rejected[0].message.startswith("not valid YAML")
    assert bundle.vendor.name == "Vendor"
    bad_value = read_import_folder(
        write_folder(tmp_path / "b", {"vendor.yaml": "default_locale: english_uk\n"})
    )
    assert bad_value.rejected == [
        Rejection(
            file="vendor.yaml",
            column="default_locale",
            message=(
                "default_locale must be a BCP 47 language tag like de or pt-BR (got 'english_uk') (defaults used)"
            ),
        )
    ]


def test_twenty_thousand_rows_read_quickly(tmp_path):
    rows = "".join(
        f"A-{i},Company {i},www.c{i}.com,Retail,DE,{i},{i}.50,customer,o@v.com\n" for i in range(20000)
    )
    header = "account_id,name,domain,industry,country,employees,annual_revenue,status,owner_email\n"
    folder = write_folder(tmp_path, {"accounts.csv": header + rows})
    start = time.perf_counter()
    bundle = read_import_folder(folder)
    assert len(bundle.accounts) == 20000 and bundle.accounts[-1].domain == "c19999.com"
    assert time.perf_counter() - start < 5  # ~0.4 s here; a million rows take ~20 s


def test_a_row_with_a_nul_byte_is_rejected(tmp_path):
    accounts = b"account_id,name,status\nA-1,Ac\x00me,customer\nA-2,Beta,prospect\n"
    bundle = read_import_folder(write_folder(tmp_path, {"accounts.csv": accounts}))
    assert bundle.rejected[0] == Rejection(
        file="accounts.csv", line=2, message="row contains a NUL byte (binary data?)"
    )
    assert [a.account_id for a in bundle.accounts] == ["A-2"]


def test_progress_is_reported_per_file(tmp_path):
    seen: list[str] = []
    read_import_folder(write_folder(tmp_path), on_progress=seen.append)
    assert seen[:4] == ["partners.csv", "accounts.csv", "mdf_activities.csv", "opportunities.csv"]
    assert seen[-1] == "campaigns/"  # MDF activities before the deals that refer to them
