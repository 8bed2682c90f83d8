"""Users of the copilot: every role, with fixed ids that demos and tests name (u-admin, u-cm-1, ...)."""
from __future__ import annotations

from evals.demo.world import World, rng

# user_id, name, role, partner key ('' for vendor staff), email local part, locale
_USERS = (
    ("u-admin", "Priya Raman", "admin", "", "priya.raman", "en"),
    ("u-cm-1", "Julia Weber", "channel_manager", "", "julia.weber", "en"),
    ("u-cm-2", "Marcus Reed", "channel_manager", "", "marcus.reed", "en"),
    ("u-cm-3", "Aiko Tanaka", "channel_manager", "", "aiko.tanaka", "ja"),
    ("u-mkt-1", "Sophie Laurent", "marketer", "", "sophie.laurent", "en"),
    ("u-mkt-2", "Lucas Oliveira", "marketer", "", "lucas.oliveira", "pt-BR"),
    ("u-mkt-3", "Lena Fischer", "marketer", "", "lena.fischer", "de"),
    ("u-ps-alpine", "Lukas Brandt", "partner_seller", "alpine", "lukas.brandt", "de"),
    ("u-ps-alpine-2", "Nina Huber", "partner_seller", "alpine", "nina.huber", "de-AT"),
    ("u-ps-sakura", "Kenji Watanabe", "partner_seller", "sakura", "kenji.watanabe", "ja"),
    ("u-ps-thames", "Oliver Grant", "partner_seller", "thames", "oliver.grant", "en-GB"),
    ("u-ps-keystone", "Emily Carter", "partner_seller", "keystone", "emily.carter", "en"),
    ("u-ps-lonestar", "Diego Ramirez", "partner_seller", "lonestar", "diego.ramirez", "en"),
    ("u-ps-lisboa", "Inês Ferreira", "partner_seller", "lisboa", "ines.ferreira", "pt"),
    ("u-ps-maple", "Chloé Tremblay", "partner_seller", "maple", "chloe.tremblay", "fr-CA"),
    ("u-ps-orion", "Camille Roux", "partner_seller", "orion", "camille.roux", "fr"),
    ("u-ps-kingsbridge", "Hannah Shaw", "partner_seller", "kingsbridge", "hannah.shaw", "en-GB"),
    ("u-ps-paulista", "Rafael Costa", "partner_seller", "paulista", "rafael.costa", "pt-BR"),
)
_SLACK_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
# Each partner's channel manager (partners.csv `channel_manager`) by the region of its first country:
# Julia Weber covers Europe and the rest, Marcus Reed the Americas, Aiko Tanaka Japan and Asia-Pacific.
_AMERICAS = frozenset({"US", "CA", "MX", "BR", "AR", "CL", "CO", "PE"})
_APAC = frozenset({"JP", "AU", "NZ", "IN", "SG", "KR", "CN", "HK", "TW", "MY", "ID", "TH", "PH", "VN"})


def channel_manager_for(countries: list[str]) -> str:
    """The user_id of the channel manager for a partner selling in `countries` (first one decides)."""
    first = countries[0].strip().upper() if countries else ""
    if first in _AMERICAS:
        return "u-cm-2"
    return "u-cm-3" if first in _APAC else "u-cm-1"


def build_users(world: World) -> list[dict[str, str]]:
    r = rng(world.seed, "users")
    rows = []
    for user_id, name, role, key, local, locale in _USERS:
        if key:
            partner = world.partner(key)
            partner_id, domain = partner.partner_id, partner.website
        else:
            partner_id, domain = "", "northwind.example"
        slack = "U0" + "".join(r.choice(_SLACK_CHARS) for _ in range(8))
        rows.append({"user_id": user_id, "name": name, "email": f"{local}@{domain}", "role": role,
                     "partner_id": partner_id, "slack_user_id": slack, "locale": locale})
    return rows
