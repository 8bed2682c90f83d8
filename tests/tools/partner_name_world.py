"""A large, deterministic set of partner names for scaling tests and benchmarks of the "no other partner
named" check: realistic shapes (legal suffixes, brands made of common words, acronyms, CJK names)."""
from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


_FIRST = _words(
    "Alpine Nordic Blue Helvetic Sakura Atlas Bright Cedar Delta Ember Fjord Granite Harbor Iris Juniper "
    "Kestrel Lumen Maple Nimbus Orbit Pioneer Quartz Ridge Summit Tidal Umber Vertex Willow Xenon Yarrow "
    "Zephyr Rheinland Bergmann Lyon Iberia Baltic Andes Sierra Aurora Coral Falcon")
_SECOND = _words(
    "Data Cloud Analytics Systems Consulting Digital Insights Labs Partners Solutions Works Group Datenwerk "
    "Informatique Tech Networks Logic Metrics Stack Forge")
_SUFFIX = ("", "", "", " GmbH", " Ltd", " Ltd.", " Inc.", " AG", " SAS", " BV", " LLC", " Pty Ltd", " S.A.")
_CJK = _words("データ工房 株式会社 情報 技研 数据 科技 클라우드 솔루션")
_FRENCH = ("atelier données", "bureau conseil", "maison analyse", "studio réseau", "cabinet cloud")


def partner_names(count: int, seed: int = 7) -> list[str]:
    """`count` distinct partner names."""
    rng = random.Random(seed)
    names: dict[str, None] = {}
    while len(names) < count:
        shape = rng.random()
        if shape < 0.35:
            name = f"{rng.choice(_FIRST)} {rng.choice(_SECOND)} {rng.randint(1, 999)}{rng.choice(_SUFFIX)}"
        elif shape < 0.70:  # many names share their first words with each other and with marketing copy
            second, third = rng.sample(_SECOND, 2)
            name = f"{rng.choice(_FIRST)} {second} {third}{rng.choice(_SUFFIX)}"
        elif shape < 0.80:
            name = f"{rng.choice(_FIRST)}{rng.choice(_SECOND).lower()} {rng.randint(1, 99)}"
        elif shape < 0.88:  # acronyms: short names only match in their exact case
            name = "".join(rng.choice("BCDFGHJKLMNPQRSTVWXZ") for _ in range(3))
        elif shape < 0.95:
            name = f"{rng.choice(_CJK)}{rng.choice(_CJK)}{rng.randint(1, 99)}"
        else:  # brands made of common words: only a capitalised mention is the name
            name = f"{rng.choice(_FRENCH).title()} {rng.randint(1, 999)}"
        names[name] = None
    return list(names)
