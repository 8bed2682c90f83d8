"""content/: formats, front matter, visibility, and one rejection per unreadable file."""

from __future__ import annotations

import datetime as dt

from connectors.csv_folder import read_import_folder
from tests.connectors.folders import make_docx, make_pdf, write_folder

POLICY = """---
title: Deal registration policy
kind: Policy
visibility: partners
products: [Lakehouse]
industries: Financial Services; Retail
locale: en-gb
updated_on: 2026-02-01
owner: channel-ops
---
# Deal registration

Register a deal before the first meeting.
"""


def read(tmp_path, files):
    return read_import_folder(write_folder(tmp_path, files))


def test_markdown_front_matter_is_read_and_validated(tmp_path):
    bundle = read(tmp_path, {"content/policies/deal-reg.md": POLICY})
    assert bundle.rejected == []
    doc = bundle.documents[0]
    assert (doc.doc_id, doc.source, doc.title, doc.kind) == (
        "policies/deal-reg.md",
        "content/policies/deal-reg.md",
        "Deal registration policy",
        "policy",
    )
    assert doc.visibility == ["partners"] and doc.products == ["Lakehouse"]
    assert doc.industries == ["Financial Services", "Retail"] and doc.locale == "en-GB"
    assert doc.updated_on == dt.date(2026, 2, 1) and doc.attributes == {"owner": "channel-ops"}
    assert doc.text.startswith("# Deal registration\n")


def test_without_front_matter_a_file_is_internal_and_titled_by_heading_or_name(tmp_path):
    bundle = read(
        tmp_path,
        {
            "content/a.md": "Intro line\n\n## Battle card: Contoso\nbody\n",
            "content/notes/plain-notes.txt": "no heading here\n",
        },
    )
    by_id = {d.doc_id: d for d in bundle.documents}
    assert by_id["a.md"].title == "Battle card: Contoso" and by_id["a.md"].visibility == ["internal"]
    assert by_id["notes/plain-notes.txt"].title == "plain-notes" and by_id["a.md"].kind == "other"


def test_partner_visibility_lists_and_unknown_partners(tmp_path):
    files = {
        "content/one.md": "---\nvisibility: partner:P-1;partner:P-2\n---\nx\n",
        "content/list.md": "---\nvisibility: [partner:P-2]\n---\nx\n",
        "content/unknown.md": "---\nvisibility: partner:P-404\n---\nx\n",
        "content/bad.md": "---\nvisibility: public\n---\nx\n",
    }
    bundle = read(tmp_path, files)
    by_id = {d.doc_id: d.visibility for d in bundle.documents}
    assert by_id == {"one.md": ["partner:P-1", "partner:P-2"], "list.md": ["partner:P-2"]}
    assert [(r.file, r.column, r.message) for r in bundle.rejected] == [
        (
            "content/bad.md",
            "visibility",
            "visibility must be internal, partners or partner:<id>[;partner:<id>...] (got 'public')",
        ),
        ("content/unknown.md", "visibility", "visibility: partner 'P-404' not found in partners.csv"),
    ]


def test_front_matter_fields_are_validated(tmp_path):
    bundle = read(
        tmp_path,
        {
            "content/k.md": "---\nkind: memo\n---\nx\n",
            "content/l.md": "---\nlocale: english\n---\nx\n",
            "content/d.md": "---\nupdated_on: last week\n---\nx\n",
        },
    )
    assert {r.file: r.message for r in bundle.rejected} == {
        "content/d.md": "updated_on must be a date YYYY-MM-DD (got 'last week')",
        "content/k.md": "kind must be one of playbook, battlecard, policy, training, case_study, other (got 'memo')",
        "content/l.md": "locale must be a BCP 47 language tag like de or pt-BR (got 'english')",
    }


def test_broken_front_matter_binary_garbage_and_corrupt_files_are_one_rejection_each(tmp_path):
    files = {
        "content/yaml.md": '---\ntitle: "unterminated\n---\nbody\n',
        "content/unclosed.md": "---\ntitle: x\nbody without a closing line\n",
        "content/garbage.md": bytes(range(256)) * 4,
        "content/nul.txt": b"text\x00with nul bytes",
        "content/broken.pdf": b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage",
        "content/broken.docx": b"PK\x03\x04 this is not a zip file",
        "content/fine.md": "# Still loads\n",
    }
    bundle = read(tmp_path, files)
    assert [d.doc_id for d in bundle.documents] == ["fine.md"]
    rejected = {r.file: r.message for r in bundle.rejected}
    assert sorted(rejected) == sorted(f for f in files if f != "content/fine.md")
    assert rejected["content/yaml.md"].startswith("front matter is not valid YAML")
    assert rejected["content/unclosed.md"] == "front matter is not closed: add a '---' line after it"
    assert rejected["content/garbage.md"].startswith("not UTF-8 text")
    assert rejected["content/nul.txt"] == "binary data, not text"
    assert rejected["content/broken.pdf"].startswith("cannot be read as PDF")
    assert rejected["content/broken.docx"].startswith("cannot be read as DOCX")


def test_html_keeps_headings_and_drops_scripts(tmp_path):
    html = (
        "<html><head><title>Battlecard | Northwind</title><style>h1{}</style></head><body>"
        "<h1>Why we win</h1><p>Faster <b>setup</b>.</p><script>alert(1)</script>"
        "<h2>Pricing</h2><ul><li>Per seat</li></ul></body></html>"
    )
    doc = read(tmp_path, {"content/battle.html": html}).documents[0]
    assert doc.title == "Why we win"
    assert "# Why we win" in doc.text and "## Pricing" in doc.text and "- Per seat" in doc.text
    assert "alert" not in doc.text and "h1{}" not in doc.text


def test_pdf_text_is_read(tmp_path):
    pdf = make_pdf(["Partner programme guide", "Gold partners earn 30% margin."], title="Programme guide")
    bundle = read(tmp_path, {"content/guide.pdf": pdf})
    assert bundle.rejected == []
    doc = bundle.documents[0]
    assert "Gold partners earn 30% margin." in doc.text and doc.title == "Programme guide"


def test_docx_headings_lists_and_tables(tmp_path):
    doc = read(tmp_path, {"content/onboarding.docx": make_docx()}).documents[0]
    assert doc.text.splitlines()[:3] == ["# Onboarding guide", "", "Welcome to the partner programme."]
    assert "## Tiers" in doc.text and "- Gold partners get MDF." in doc.text
    assert "Tier | Discount" in doc.text and "Gold | 30%" in doc.text
    assert doc.title == "Onboarding guide"


def test_hidden_files_and_other_extensions_are_ignored(tmp_path):
    bundle = read(
        tmp_path,
        {
            "content/.hidden.md": "# h\n",
            "content/.git/x.md": "# g\n",
            "content/image.png": b"\x89PNG",
            "content/~$draft.docx": b"lock",
            "content/a.markdown": "# A\n",
            "content/b.htm": "<h1>B</h1>",
        },
    )
    assert sorted(d.doc_id for d in bundle.documents) == ["a.markdown", "b.htm"]
    assert bundle.rejected == []


def test_content_hash_is_stable_and_follows_metadata(tmp_path):
    first = read(tmp_path / "1", {"content/p.md": POLICY}).documents[0]
    again = read(tmp_path / "2", {"content/p.md": POLICY}).documents[0]
    assert first.content_hash == again.content_hash and first.doc_id == again.doc_id
    internal = read(tmp_path / "3", {"content/p.md": POLICY.replace("partners", "internal")}).documents[0]
    assert internal.content_hash != first.content_hash
