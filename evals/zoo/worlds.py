"""The worlds of the zoo: what drives wins in each, how big and how busy it is.

Each world's latent win model is a sum of effects; the weights below say which ones matter there.
The vendor's past assignments follow a habit of their own (big, high-tier partners), so imitating
past choices is not the same as picking the partner most likely to win.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace


@dataclass(frozen=True)
class World:
    name: str
    seed: int
    today: str
    partners: int
    driver: str
    # weights of the latent effects on the win logit
    w_tier: float = 0.1
    w_skill: float = 0.3
    w_relationship: float = 0.4
    w_region: float = 0.2
    w_traits: float = 0.4
    # mean days between activities on an open deal (quiet pipelines have long gaps)
    activity_gap_days: float = 12.0
    protection_days: int = 90
    countries: tuple[str, ...] = ("DE", "FR", "GB", "US", "ES", "IT")
    industries: tuple[str, ...] = ("Financial Services", "Healthcare", "Retail", "Manufacturing",
                                   "Public Sector", "Energy")
    products: tuple[str, ...] = ("Lakehouse", "Streaming", "Governance", "Observability", "AI Studio")
    open_deals: int = 60
    leads: int = 20
    candidates: int = 40
    extra: dict = field(default_factory=dict)


WORLDS: dict[str, World] = {
    w.name: w
    for w in (
        World("tiered", 101, "2026-05-15", 40, "tier", w_tier=0.9, w_skill=0.15, w_relationship=0.2,
              w_region=0.1, w_traits=0.3, activity_gap_days=10,
              products=("Vault", "Ledger", "Pulse", "Atlas")),
        World("skills", 202, "2026-09-30", 150, "industry/product skill", w_tier=0.05, w_skill=0.9,
              w_relationship=0.3, w_region=0.1, activity_gap_days=25, protection_days=60,
              countries=("US", "CA", "MX", "BR"),
              industries=("Banking", "Insurance", "Hospitals", "Pharma", "Retail", "Telecom")),
        World("relationships", 303, "2026-02-28", 80, "customer relationships", w_tier=0.05,
              w_skill=0.2, w_relationship=2.4, w_region=0.1, activity_gap_days=6,
              countries=("JP", "AU", "SG", "IN", "KR"),
              products=("Edge Gateway", "Fleet Manager", "Telemetry")),
        World("regional", 404, "2026-07-01", 200, "regional coverage", w_tier=0.05, w_skill=0.2,
              w_relationship=0.3, w_region=1.1, activity_gap_days=40, protection_days=120,
              countries=("DE", "AT", "CH", "PL", "CZ", "NL", "BE", "SE")),
        World("noise", 505, "2026-11-20", 30, "mostly noise", w_tier=0.05, w_skill=0.1,
              w_relationship=0.1, w_region=0.05, w_traits=0.1, activity_gap_days=15,
              countries=("US", "GB", "IE")),
        World("large", 606, "2026-04-10", 3000, "industry/product skill at scale", w_tier=0.1,
              w_skill=1.0, w_relationship=1.0, w_region=0.5, activity_gap_days=20,
              countries=("US", "GB", "DE", "FR", "JP", "BR", "IN", "AU", "CA", "ES", "IT", "NL")),
    )
}
DEFAULT_WORLDS = ("tiered", "skills", "relationships", "regional", "noise")


def sized(world: World, size: str) -> World:
    """`small` shrinks a world for a developer's quick run; `full` keeps it."""
    if size == "small":
        return replace(world, partners=min(world.partners, 40), open_deals=30, leads=10, candidates=20)
    return world
