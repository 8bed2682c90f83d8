"""How another CRM spells the same company: name and domain variations, each with a label for the truth."""
from __future__ import annotations

import random
import re

from evals.demo.names import ABBREVIATIONS, COUNTRIES, NOUNS, SUFFIX_VARIANTS
from evals.demo.world import AccountRec

NAME_VARIATIONS = {"exact": 0.28, "case": 0.12, "punctuation": 0.10, "ampersand": 0.05, "suffix_dropped": 0.14,
                   "suffix_changed": 0.12, "abbreviation": 0.07, "typo": 0.10, "acronym": 0.02}
DOMAIN_VARIATIONS = {"same": 0.45, "www": 0.12, "url": 0.08, "upper": 0.03, "country_tld": 0.08, "missing": 0.24}
AND_WORD = {"en": "and", "de": "und", "fr": "et", "es": "y", "pt": "e", "it": "e", "nl": "en", "sv": "och",
            "fi": "ja", "pl": "i", "ja": "and"}
KEYBOARD_NEIGHBOURS = {"a": "s", "e": "r", "i": "o", "o": "p", "n": "m", "r": "t", "s": "d", "t": "y", "l": "k",
                       "c": "v", "m": "n", "u": "i", "d": "f", "g": "h", "h": "j", "k": "l", "b": "n", "p": "o"}
_STOP = {"of", "de", "di", "la", "le", "du", "des", "del", "da", "do", "city", "group", "and", "und", "the"}
_GENERIC = {w.lower() for nouns in NOUNS.values() for ns in nouns.values() for n in ns for w in n.strip("+").split()}


def vary_name(r: random.Random, acc: AccountRec) -> tuple[str, str]:
    kind = r.choices(list(NAME_VARIATIONS), weights=list(NAME_VARIATIONS.values()))[0]
    name = _apply(r, acc, kind)
    if name is None or (name == acc.name and kind != "exact"):
        kind = "suffix_dropped" if acc.suffix else "case"
        name = _apply(r, acc, kind) or acc.name.upper()
    return name, kind


def _apply(r: random.Random, acc: AccountRec, kind: str) -> str | None:
    name, core, suffix = acc.name, acc.core, acc.suffix
    if kind == "exact":
        return name
    if kind == "case":
        return r.choice([name.upper(), name.lower(), name.title()])
    if kind == "punctuation":
        stripped = re.sub(r"[.,]", "", name)
        if stripped != name:
            return stripped
        return f"{core}, {suffix}" if suffix in ("Inc", "LLC", "Ltd", "Limited", "AB", "AG", "SA") else None
    if kind == "ampersand":
        word = AND_WORD[COUNTRIES[acc.country].group]
        if "&" in name:
            return name.replace("&", word)
        return name.replace(f" {word} ", " & ") if f" {word} " in name else None
    if kind == "suffix_dropped":
        return core if suffix else None
    if kind == "suffix_changed":
        options = SUFFIX_VARIANTS.get(suffix)
        return f"{core} {r.choice(options)}".replace(" ,", ",") if options else None
    if kind == "abbreviation":
        out = name
        for long, short in ABBREVIATIONS.items():
            out = re.sub(rf"\b{long}\b", short, out)
        return out if out != name else None
    if kind == "typo":
        return _typo(r, name)
    if kind == "acronym":
        words = [w for w in core.split() if w.lower() not in _STOP and w != "&"]
        return ("".join(w[0].upper() for w in words) + (f" {suffix}" if suffix else "")) if len(words) >= 3 else None
    raise ValueError(kind)


def _typo(r: random.Random, name: str) -> str | None:
    words = name.split(" ")
    candidates = [i for i, w in enumerate(words) if len(w) >= 5 and w.isalpha()]
    if not candidates:
        return None
    i = r.choice(candidates)
    w = words[i]
    pos = r.randint(1, len(w) - 2)
    op = r.choice(("swap", "drop", "double", "neighbour"))
    if op == "swap" and w[pos] != w[pos + 1]:
        w = w[:pos] + w[pos + 1] + w[pos] + w[pos + 2:]
    elif op == "drop":
        w = w[:pos] + w[pos + 1:]
    elif op == "neighbour" and w[pos].lower() in KEYBOARD_NEIGHBOURS:
        w = w[:pos] + KEYBOARD_NEIGHBOURS[w[pos].lower()] + w[pos + 1:]
    else:
        w = w[:pos] + w[pos] + w[pos:]
    words[i] = w
    return " ".join(words)


def vary_domain(r: random.Random, acc: AccountRec) -> tuple[str, str]:
    kind = r.choices(list(DOMAIN_VARIATIONS), weights=list(DOMAIN_VARIATIONS.values()))[0]
    d = acc.domain
    if kind == "same":
        return d, kind
    if kind == "www":
        return f"www.{d}", kind
    if kind == "url":
        return r.choice([f"https://www.{d}/", f"http://{d}", f"https://{d}/en/"]), kind
    if kind == "upper":
        return d.upper(), kind
    if kind == "missing":
        return "", kind
    stem, _, _ = d.partition(".")
    if d.endswith(".com"):
        local = COUNTRIES[acc.country].tld
        tld = local if local != ".com" else r.choice([".co.uk", ".de", ".ca"])
    else:
        tld = ".com"
    return stem + tld, kind


def distinctive_word(core: str) -> str:
    """The word that makes a name recognisable ("Northstar" in "Northstar Foods"), or '' if none."""
    tokens = [t for t in re.findall(r"[\w'-]+", core) if t.lower() not in _STOP and t.lower() not in _GENERIC]
    tokens = [t for t in tokens if len(t) >= 4]
    return max(tokens, key=len) if tokens else ""
