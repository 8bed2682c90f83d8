"""Read content/ (enablement files) into DocumentRecords: text that keeps headings as `#` lines.

Formats: Markdown and text (with optional YAML front matter), HTML, PDF, DOCX. A file that cannot
be read as its format, or whose front matter is invalid, is one rejection; the rest still loads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
from pathlib import Path
from typing import Any

import yaml

from connectors import fields as f
from connectors.models import DOCUMENT_KINDS, DocumentRecord, Rejection
from connectors.safe_files import import_subfolder, unsafe_reason

TEXT_SUFFIXES = {".md", ".markdown", ".txt"}
SUFFIXES = TEXT_SUFFIXES | {".html", ".htm", ".pdf", ".docx"}
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_SETEXT_HEADING = re.compile(r"^(\S.*)\r?\n(?:=+|-+)[ \t]*$", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_KIND_TEXT = f.enum("kind", DOCUMENT_KINDS)
_LOCALE_TEXT = f.locale("locale")
_DATE_TEXT = f.date("updated_on")
_KNOWN_FIELDS = {"title", "kind", "visibility", "products", "industries", "locale", "updated_on"}
# Whose rule a document states: the vendor's own `programme` (default) or `reference` material from others
# (a distributor's, a marketplace's, a public handbook used as an example). Kept in `attributes["source"]`
# (the record's `source` is its path); `publisher` names the owner of reference material in answers.
CONTENT_SOURCES = ("programme", "reference")


class DocumentError(ValueError):
    """Why a file was rejected; `line` and `field` point into its front matter when they can."""

    def __init__(self, message: str, line: int | None = None, field: str | None = None):
        super().__init__(message)
        self.line, self.field = line, field


def read_documents(root: Path, known_partners: set[str], rejected: list[Rejection],
                   max_bytes: int | None = None) -> list[DocumentRecord]:
    """Every supported file under root/content, any depth; hidden files and folders are skipped.

    Only regular files inside the import folder are read: a link out of it, a FIFO or a device is
    rejected unopened, and so is a file larger than `max_bytes`."""
    content = import_subfolder(root, "content", rejected)
    if content is None:
        return []
    documents = []
    for path in _content_files(content):
        source = path.relative_to(root).as_posix()
        try:
            reason = unsafe_reason(root, path)
            if reason:
                raise DocumentError(reason)
            size = path.stat().st_size
            if max_bytes is not None and size > max_bytes:
                raise DocumentError(f"{size / 2**20:.1f} MB is larger than the limit of {max_bytes / 2**20:g} MB "
                                    "per document (COSELL_MAX_DOCUMENT_MB): skipped")
            documents.append(read_document(path, content, known_partners))
        except DocumentError as exc:
            rejected.append(Rejection(file=source, line=exc.line, column=exc.field, message=str(exc)))
    return documents


def _content_files(content: Path) -> list[Path]:
    found = []
    for folder, subfolders, files in os.walk(content):
        subfolders[:] = [d for d in subfolders if not d.startswith(".")]
        # os.walk does not enter linked folders; list them so the caller reports them as skipped
        found += [Path(folder) / d for d in subfolders if os.path.islink(os.path.join(folder, d))]
        for name in files:
            # `~$x.docx` is Word's lock file, not content
            if name.startswith((".", "~$")) or Path(name).suffix.lower() not in SUFFIXES:
                continue
            found.append(Path(folder) / name)
    return sorted(found)


def read_document(path: Path, content_root: Path, known_partners: set[str]) -> DocumentRecord:
    """One file; raises DocumentError with a short reason when it cannot be used."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read the file: {exc.strerror}") from exc
    suffix = path.suffix.lower()
    front: dict[str, Any] = {}
    format_title: str | None = None
    try:
        if suffix in TEXT_SUFFIXES:
            front, text = _split_front_matter(_decode_text(raw))
        elif suffix in (".html", ".htm"):
            format_title, text = _html_text(raw)
        elif suffix == ".pdf":
            format_title, text = _pdf_text(raw)
        else:
            format_title, text = _docx_text(raw)
    except DocumentError:
        raise
    except Exception as exc:  # parsers raise many types on corrupt files; a bad file must never crash ingest
        raise DocumentError(f"cannot be read as {suffix[1:].upper()}: {_short(exc)}") from exc
    # one newline convention for chunking; NUL (possible in PDF text) is refused by database text columns
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    meta = _metadata(front, known_partners)
    meta["title"] = meta.get("title") or _first_heading(text) or format_title or path.stem
    digest = hashlib.sha256(raw)
    digest.update(json.dumps(meta, sort_keys=True, default=str).encode("utf-8"))
    relative = path.relative_to(content_root).as_posix()
    return DocumentRecord(
        doc_id=relative,
        source=f"content/{relative}",
        text=text.strip(),
        content_hash=digest.hexdigest(),
        **meta,
    )


# --- formats -------------------------------------------------------------------------------------


def _decode_text(raw: bytes) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"not UTF-8 text (bad bytes at offset {exc.start})") from exc
    if "\x00" in text or len(_CONTROL.findall(text[:20000])) > 20:
        raise DocumentError("binary data, not text")
    return text


def _split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    if not re.match(r"---[ \t]*\r?\n", text):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if match is None:
        raise DocumentError("front matter is not closed: add a '---' line after it", line=1)
    try:
        data = yaml.safe_load(match.group(1))
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1  # +1 for 0-based, +1 for the opening '---'
        raise DocumentError(f"front matter is not valid YAML: {_short(exc)}", line=line) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError("front matter must be a mapping of fields (title: ...)", line=2)
    return {str(k): v for k, v in data.items()}, text[match.end() :]


def _html_text(raw: bytes) -> tuple[str | None, str]:
    from bs4 import BeautifulSoup
    from markdownify import MarkdownConverter

    if b"\x00" in raw:
        raise DocumentError("binary data, not HTML")
    soup = BeautifulSoup(raw, "lxml")
    title = soup.title.get_text(" ", strip=True) if soup.title else None
    for tag in soup(["script", "style", "noscript", "template", "head"]):
        tag.decompose()
    text = MarkdownConverter(heading_style="ATX", bullets="-").convert_soup(soup)
    return title or None, re.sub(r"\n{3,}", "\n\n", text)


def _pdf_text(raw: bytes) -> tuple[str | None, str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(raw))
    if reader.is_encrypted and not reader.decrypt(""):
        raise DocumentError("PDF is password-protected")
    pages = [(page.extract_text() or "").strip() for page in reader.pages]
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise DocumentError("no text could be extracted from the PDF (a scanned PDF needs OCR first)")
    title = reader.metadata.title if reader.metadata else None
    return (str(title).strip() or None) if title else None, text


def _docx_text(raw: bytes) -> tuple[str | None, str]:
    import docx
    from docx.table import Table

    document = docx.Document(io.BytesIO(raw))
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            for row in block.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
            lines.append("")
            continue
        text = block.text.strip()
        if text:
            lines.extend([_docx_prefix(block.style.name if block.style else "") + text, ""])
    title = (document.core_properties.title or "").strip() or None
    return title, "\n".join(lines)


def _docx_prefix(style: str) -> str:
    """Word's Heading N styles become `#` lines, so chunking sees the same structure as Markdown."""
    if style == "Title":
        return "# "
    match = re.match(r"Heading (\d)", style)
    if match:
        return "#" * min(int(match.group(1)), 6) + " "
    if style.startswith("List Bullet"):
        return "- "
    if style.startswith("List Number"):
        return "1. "
    return ""


# --- front matter --------------------------------------------------------------------------------


def _metadata(front: dict[str, Any], known_partners: set[str]) -> dict[str, Any]:
    meta: dict[str, Any] = {"visibility": parse_visibility(front.get("visibility"), known_partners)}
    if front.get("title") not in (None, ""):
        meta["title"] = str(front["title"]).strip()
    for key, parse in (("kind", _kind), ("locale", _locale), ("updated_on", _front_date)):
        if front.get(key) in (None, ""):
            continue
        try:
            meta[key] = parse(front[key])
        except ValueError as exc:
            raise DocumentError(str(exc), field=key) from exc
    for key in ("products", "industries"):
        meta[key] = _front_list(key, front.get(key))
    meta["attributes"] = {k: f.json_safe(v) for k, v in front.items() if k not in _KNOWN_FIELDS}
    if front.get("source") not in (None, ""):  # absent means programme (not stored: existing hashes stay)
        meta["attributes"]["source"] = _content_source(front["source"])
    return meta


def _content_source(value: Any) -> str:
    """`programme` (default) or `reference`; anything else is refused with the field named."""
    if value in (None, ""):
        return "programme"
    text = str(value).strip().lower()
    if text == "program":  # US spelling
        text = "programme"
    if text not in CONTENT_SOURCES:
        raise DocumentError(f"source must be programme or reference (got {value!r})", field="source")
    return text


def parse_visibility(value: Any, known_partners: set[str]) -> list[str]:
    """`internal` (default), `partners`, or `partner:<id>` items (a `;` string or a YAML list)."""
    if value is None or value == "":
        return ["internal"]
    items = f.split_list(value) if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items) or not items:
        raise DocumentError("visibility must be internal, partners or partner:<id> items", field="visibility")
    items = [i.strip() for i in items if i.strip()]
    if len(items) == 1 and items[0].lower() in ("internal", "partners"):
        return [items[0].lower()]
    out = []
    for item in items:
        prefix, _, partner_id = item.partition(":")
        partner_id = partner_id.strip()
        if prefix.strip().lower() != "partner" or not partner_id:
            raise DocumentError(
                f"visibility must be internal, partners or partner:<id>[;partner:<id>...] (got {item!r})",
                field="visibility",
            )
        if partner_id not in known_partners:
            raise DocumentError(
                f"visibility: partner {partner_id!r} not found in partners.csv", field="visibility"
            )
        out.append(f"partner:{partner_id}")
    return list(dict.fromkeys(out))


def _kind(value: Any) -> str:
    return _KIND_TEXT(str(value).strip())


def _locale(value: Any) -> str:
    return _LOCALE_TEXT(str(value).strip())


def _front_date(value: Any) -> dt.date:
    """YAML reads `2026-02-01` as a date already; a quoted or other value is parsed as text."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return _DATE_TEXT(str(value).strip())


def _front_list(key: str, value: Any) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return f.split_list(value)
    if isinstance(value, list) and all(isinstance(i, (str, int, float)) for i in value):
        return [str(i).strip() for i in value if str(i).strip()]
    raise DocumentError(f"{key} must be a list of names", field=key)


def _first_heading(text: str) -> str | None:
    found = [m for m in (_ATX_HEADING.search(text), _SETEXT_HEADING.search(text)) if m]
    if not found:
        return None
    return min(found, key=lambda m: m.start()).group(1).strip() or None


def _short(exc: Exception) -> str:
    text = " ".join(str(getattr(exc, "problem", None) or exc).split()) or type(exc).__name__
    return text[:200]
