"""Read campaigns/*.yaml into CampaignKits. A kit with any problem is one rejection of its file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from connectors import fields as f
from connectors.models import CampaignKit, Rejection
from connectors.safe_files import import_subfolder, unsafe_reason

_TEXT_FIELDS = ("name", "objective", "audience", "call_to_action")


class KitError(ValueError):
    """What is wrong with a kit; `line` points into the YAML when the parser knows it."""

    def __init__(self, message: str, line: int | None = None, field: str | None = None):
        super().__init__(message)
        self.line, self.field = line, field


def read_campaigns(root: Path, rejected: list[Rejection]) -> list[CampaignKit]:
    """Every campaigns/*.yaml|*.yml (hidden files skipped), in name order; kit_id unique across files."""
    folder = import_subfolder(root, "campaigns", rejected)
    if folder is None:
        return []
    paths = sorted(
        p
        for p in folder.iterdir()
        if not p.is_dir() and not p.name.startswith(".") and p.suffix.lower() in (".yaml", ".yml")
    )
    kits: list[CampaignKit] = []
    first_source: dict[str, str] = {}
    for path in paths:
        source = path.relative_to(root).as_posix()
        try:
            unsafe = unsafe_reason(root, path)  # links out of the folder, FIFOs: never opened
            if unsafe:
                raise KitError(unsafe)
            kit = parse_kit(_load_yaml(path), source)
            if kit.kit_id in first_source:
                raise KitError(
                    f"duplicate kit_id {kit.kit_id!r} (first in {first_source[kit.kit_id]})", field="kit_id"
                )
        except KitError as exc:
            rejected.append(Rejection(file=source, line=exc.line, column=exc.field, message=str(exc)))
            continue
        first_source[kit.kit_id] = source
        kits.append(kit)
    return kits


def _load_yaml(path: Path) -> Any:
    try:
        return yaml.safe_load(path.read_bytes().decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise KitError(f"not UTF-8 text (bad bytes at offset {exc.start})") from exc
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        problem = " ".join(str(getattr(exc, "problem", None) or exc).split())[:200]
        raise KitError(f"not valid YAML: {problem}", line=mark.line + 1 if mark else None) from exc


def parse_kit(data: Any, source: str) -> CampaignKit:
    """Validate one kit's YAML data; raises KitError naming the first field that is wrong."""
    if not isinstance(data, dict):
        raise KitError("a campaign kit must be a YAML mapping (kit_id: ..., name: ...)")
    data = {str(k): v for k, v in data.items()}
    kit_id = data.get("kit_id")
    if kit_id is None or isinstance(kit_id, (bool, list, dict)) or not str(kit_id).strip():
        raise KitError("kit_id is required", field="kit_id")
    kit_id = str(kit_id).strip()
    values: dict[str, Any] = {"kit_id": kit_id, "source": source, "raw": f.json_safe(data)}
    for key in _TEXT_FIELDS:
        values[key] = _text(key, data.get(key))
    values["name"] = values["name"] or kit_id
    for key in ("products", "industries", "key_messages", "proof_points"):
        values[key] = _texts(key, data.get(key), split=key in ("products", "industries"))
    values["locales"] = _locales(data.get("locales"))
    return CampaignKit(**values)


def _text(key: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    raise KitError(f"{key} must be text", field=key)


def _texts(key: str, value: Any, split: bool) -> list[str]:
    """A YAML list of texts; a single text is one item (or a `;` list for products and industries)."""
    if value is None:
        return []
    if isinstance(value, str):
        return f.split_list(value) if split else ([value.strip()] if value.strip() else [])
    if isinstance(value, list) and all(
        isinstance(v, (str, int, float)) and not isinstance(v, bool) for v in value
    ):
        return [str(v).strip() for v in value if str(v).strip()]
    raise KitError(f"{key} must be a list of texts", field=key)


def _locales(value: Any) -> dict[str, dict[str, str]]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise KitError(
            "locales must be a mapping of language tags to channel texts (en: {email_subject: ...})",
            field="locales",
        )
    out: dict[str, dict[str, str]] = {}
    for raw_tag, texts in value.items():
        # YAML 1.1 reads a bare `no:` (Norwegian) as False
        tag_text = "no" if raw_tag is False else str(raw_tag).strip()
        tag = f.normalise_locale(tag_text)
        if tag is None or (isinstance(raw_tag, bool) and raw_tag):
            raise KitError(
                f"locales: {tag_text!r} is not a BCP 47 language tag like de or pt-BR", field="locales"
            )
        if tag in out:
            raise KitError(f"locales: {tag!r} appears twice", field="locales")
        if not isinstance(texts, dict):
            raise KitError(f"locales.{tag} must be a mapping of texts (email_subject: ...)", field="locales")
        block: dict[str, str] = {}
        for name, text in texts.items():
            if text is None:
                continue  # an empty key in YAML: the channel is left out
            if not isinstance(text, str):
                raise KitError(f"locales.{tag}.{name} must be text", field="locales")
            block[str(name)] = text
        out[tag] = block
    return out
