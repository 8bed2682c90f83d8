"""campaigns/*.yaml: a valid kit loads; each bad kit is one rejection of its file."""

from __future__ import annotations

from connectors.csv_folder import read_import_folder
from connectors.models import Rejection
from tests.connectors.folders import write_folder

KIT = """kit_id: lakehouse-modernisation
name: Lakehouse modernisation
products: [Lakehouse]
industries: [Financial Services, Retail]
objective: Book architecture reviews with data leaders
audience: Heads of data and analytics
key_messages:
  - Reporting that used to take a day now takes minutes
proof_points: A European bank cut its month-end close from 6 days to 2
call_to_action: Book a 30-minute architecture review
locales:
  en:
    email_subject: "{partner} and {vendor}: modernise your data platform"
    email_body: |
      Hi {first_name}, ...
    social_post:
  PT-br:
    email_subject: "{partner} e {vendor}"
    call_to_action: Agende uma revisão
  no:
    email_subject: "{partner} og {vendor}"
"""


def kits(tmp_path, files):
    return read_import_folder(write_folder(tmp_path, files))


def test_a_kit_is_read_with_normalised_locales(tmp_path):
    bundle = kits(tmp_path, {"campaigns/lakehouse.yaml": KIT})
    assert bundle.rejected == []
    kit = bundle.campaign_kits[0]
    assert (kit.kit_id, kit.source, kit.products) == (
        "lakehouse-modernisation",
        "campaigns/lakehouse.yaml",
        ["Lakehouse"],
    )
    assert kit.proof_points == ["A European bank cut its month-end close from 6 days to 2"]
    assert list(kit.locales) == ["en", "pt-BR", "no"]  # `no:` is Norwegian, not YAML's False
    assert kit.locales["en"] == {
        "email_subject": "{partner} and {vendor}: modernise your data platform",
        "email_body": "Hi {first_name}, ...\n",
    }
    assert kit.locales["pt-BR"]["call_to_action"] == "Agende uma revisão"
    assert kit.raw["objective"] == "Book architecture reviews with data leaders"


def test_bad_kits_are_one_rejection_each(tmp_path):
    files = {
        "campaigns/a-ok.yml": "kit_id: k1\nname: One\n",
        "campaigns/b-dup.yaml": "kit_id: k1\nname: Copy\n",
        "campaigns/c-noid.yaml": "name: Missing id\n",
        "campaigns/d-tag.yaml": "kit_id: k4\nlocales:\n  english: {email_subject: x}\n",
        "campaigns/e-block.yaml": "kit_id: k5\nlocales:\n  de: Hallo\n",
        "campaigns/f-text.yaml": "kit_id: k6\nlocales:\n  de: {email_subject: [a, b]}\n",
        "campaigns/g-yaml.yaml": "kit_id: k7\nname: [broken\n",
        "campaigns/h-list.yaml": "- just\n- a list\n",
        "campaigns/notes.txt": "ignored: not yaml by extension\n",
    }
    bundle = kits(tmp_path, files)
    assert [k.kit_id for k in bundle.campaign_kits] == ["k1"]
    assert bundle.rejected == [
        Rejection(
            file="campaigns/b-dup.yaml",
            column="kit_id",
            message="duplicate kit_id 'k1' (first in campaigns/a-ok.yml)",
        ),
        Rejection(file="campaigns/c-noid.yaml", column="kit_id", message="kit_id is required"),
        Rejection(
            file="campaigns/d-tag.yaml",
            column="locales",
            message="locales: 'english' is not a BCP 47 language tag like de or pt-BR",
        ),
        Rejection(
            file="campaigns/e-block.yaml",
            column="locales",
            message="locales.de must be a mapping of texts (email_subject: ...)",
        ),
        Rejection(
            file="campaigns/f-text.yaml", column="locales", message="locales.de.email_subject must be text"
        ),
        Rejection(file="campaigns/g-yaml.yaml", line=3, message=bundle.rejected[5].message),
        Rejection(
            file="campaigns/h-list.yaml",
            message="a campaign kit must be a YAML mapping (kit_id: ..., name: ...)",
        ),
    ]
    assert bundle.rejected[5].message.startswith("not valid YAML")


def test_a_campaigns_or_content_folder_linked_from_outside_is_skipped_and_said(tmp_path):
    outside = tmp_path / "outside"
    write_folder(outside, {"campaigns/lakehouse.yaml": KIT, "content/secret.md": "# Secret\n\nNot imported.\n"})
    root = write_folder(tmp_path / "import")
    (root / "campaigns").symlink_to(outside / "campaigns", target_is_directory=True)
    (root / "content").symlink_to(outside / "content", target_is_directory=True)
    bundle = read_import_folder(root)
    assert bundle.campaign_kits == [] and bundle.documents == []
    assert sorted((r.file, r.message) for r in bundle.rejected) == [
        ("campaigns", "campaigns/ is a link out of the import folder: skipped"),
        ("content", "content/ is a link out of the import folder: skipped"),
    ]
