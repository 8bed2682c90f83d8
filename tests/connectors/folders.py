"""Build small import folders in tmp dirs: a valid baseline, overridden file by file."""

from __future__ import annotations

import io
from pathlib import Path

PARTNERS = (
    "partner_id,name,type,tier\n"
    "P-1,Acme Partners,reseller,gold\n"
    "P-2,Beta Integrators,system_integrator,silver\n"
)
ACCOUNTS = "account_id,name,status\nA-1,Acme Corporation,customer\nA-2,Beta Ltd,prospect\n"
OPPORTUNITIES = "opportunity_id,account_id,name,stage\nO-1,A-1,Expansion,proposal\n"
BASELINE = {"partners.csv": PARTNERS, "accounts.csv": ACCOUNTS, "opportunities.csv": OPPORTUNITIES}


def write_folder(root: Path, files: dict[str, str | bytes | None] | None = None,
                 baseline: dict[str, str | bytes] = BASELINE) -> Path:
    """The `baseline` folder with `files` added or replaced (None removes one; bytes are written as they
    are); paths may have sub-folders."""
    merged = {**baseline, **(files or {})}
    root.mkdir(parents=True, exist_ok=True)
    for name, content in merged.items():
        if content is None:
            continue
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return root


def make_pdf(lines: list[str], title: str | None = None) -> bytes:
    """A minimal valid one-page PDF with one text line per item (Helvetica), written by hand."""

    def escape(text: str) -> str:
        return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    stream = "BT /F1 12 Tf 72 720 Td 16 TL " + " ".join(f"({escape(line)}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        (
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
            "/Resources << /Font << /F1 5 0 R >> >> >>"
        ),
        f"<< /Length {len(stream)} >>\nstream\n{stream}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        f"<< /Title ({escape(title or '')}) >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode()
    info = " /Info 6 0 R" if title else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out


def make_docx() -> bytes:
    """A Word file with a title, headings, a paragraph, a bullet and a table (python-docx)."""
    import docx

    document = docx.Document()
    document.core_properties.title = "Partner onboarding"
    document.add_heading("Onboarding guide", level=1)
    document.add_paragraph("Welcome to the partner programme.")
    document.add_heading("Tiers", level=2)
    document.add_paragraph("Gold partners get MDF.", style="List Bullet")
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("Tier", "Discount"), ("Gold", "30%"))):
        for cell, text in zip(row.cells, cells):
            cell.text = text
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
