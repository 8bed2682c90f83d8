"""What every connector is: something that writes an import folder (DATA.md) from a source system.

A connector declares its settings as a pydantic model (each field documented), so the CLI, the API
and connectors/README.md all describe the same options. `export_to_folder(out_dir, **settings)`
validates the settings, then calls `export`. See connectors/README.md for adding one.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.core.errors import BadInput


def bad_input(message: str) -> Exception:
    """The shared user-error type (exit 2, HTTP 422): a clear message, no traceback."""
    return BadInput(message)


def count_note(what: str, examples: list[str], limit: int = 3) -> str:
    """One summary line for many similar cases: `what: 12 (e.g. 'a', 'b', 'c', ...)`."""
    shown = ", ".join(repr(e) for e in examples[:limit]) + (", ..." if len(examples) > limit else "")
    return f"{what}: {len(examples)} (e.g. {shown})"


class ConnectorSettings(BaseModel):
    """Base of a connector's settings. Unknown keys are an error, so a typo is not silently ignored."""

    model_config = ConfigDict(extra="forbid", arbitrary_types_allowed=True)


class ExportSummary(BaseModel):
    """What an export wrote: rows per file, and what it left out or changed (and why)."""

    connector: str
    out_dir: str
    files: dict[str, int] = Field(default_factory=dict)
    notes: list[str] = Field(default_factory=list)


class Connector(ABC):
    """A source of import folders. Subclasses set `name` (via @register_connector), `description`
    (one line for `cosell export --help`) and `Settings`, and implement `export`."""

    name: ClassVar[str] = ""
    description: ClassVar[str] = ""
    Settings: ClassVar[type[ConnectorSettings]] = ConnectorSettings

    def export_to_folder(self, out_dir: Path | str, **settings: Any) -> ExportSummary:
        """Validate `settings` against `Settings`, then write an import folder into `out_dir`."""
        try:
            parsed = self.Settings(**settings)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'settings'}: {e['msg']}" for e in exc.errors()
            )
            raise bad_input(f"{self.name} settings: {problems}") from exc
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        return self.export(out, parsed)

    @abstractmethod
    def export(self, out_dir: Path, settings: Any) -> ExportSummary:
        """Write partners.csv, accounts.csv, opportunities.csv (and optional files) into out_dir."""

    @classmethod
    def settings_help(cls) -> dict[str, str]:
        """Setting name -> description, for CLI help and the README."""
        return {
            name: info.description or ""
            for name, info in cls.Settings.model_fields.items()
            if not (info.json_schema_extra or {}).get("internal")
        }
