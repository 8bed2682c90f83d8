"""The connector registry: `cosell export NAME DIR` finds connectors here by name.

Built-ins (`csv_folder`, `salesforce`, `hubspot`) register with the same decorator a third party
uses; a separate package can also advertise one under the entry-point group `cosell.connectors`
(the module is imported, its decorator registers it). Nothing is imported until a connector is asked
for, so `import connectors.registry` stays cheap.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from importlib.metadata import entry_points
from typing import TypeVar

from pydantic import BaseModel

from connectors.base import Connector, bad_input

BUILTIN_MODULES = ("connectors.csv_folder", "connectors.salesforce", "connectors.hubspot")
ENTRY_POINT_GROUP = "cosell.connectors"

log = logging.getLogger(__name__)
_REGISTRY: dict[str, type[Connector]] = {}
_loaded = False
C = TypeVar("C", bound=type[Connector])


def register_connector(name: str) -> Callable[[C], C]:
    """Class decorator: `@register_connector("zoho") class ZohoConnector(Connector): ...`."""

    def decorate(cls: C) -> C:
        existing = _REGISTRY.get(name)
        if existing is not None and existing.__qualname__ != cls.__qualname__:
            raise ValueError(
                f"connector name {name!r} is already taken by {existing.__module__}.{existing.__qualname__}"
            )
        cls.name = name
        _REGISTRY[name] = cls
        return cls

    return decorate


class ConnectorInfo(BaseModel):
    name: str
    description: str
    settings: dict[str, str]


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    for module in BUILTIN_MODULES:
        importlib.import_module(module)
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        try:
            entry.load()
        except Exception:  # a broken plug-in must not take the built-ins down with it
            log.exception("could not load connector plug-in %s", entry.value)


def get_connector(name: str) -> Connector:
    """A fresh connector instance by name; an unknown name is a BadInput listing the known ones."""
    _load()
    cls = _REGISTRY.get(name)
    if cls is None:
        raise bad_input(f"unknown connector {name!r} (available: {', '.join(sorted(_REGISTRY))})")
    return cls()


def available_connectors() -> list[ConnectorInfo]:
    """Every registered connector with its one-line description and documented settings."""
    _load()
    return [
        ConnectorInfo(name=name, description=cls.description, settings=cls.settings_help())
        for name, cls in sorted(_REGISTRY.items())
    ]
