"""Account-mapping scale: 1,000,000 vendor accounts x 1,000,000 partner rows over 20 partners.

    python -m evals.bench mapping            (or: python -m evals.bench.mapping [N])

Goal: 1M x 1M mapped in <= 60 s with peak memory <= 4 GB on 2 cores. Generation is vectorised (numpy +
polars) and not counted. "ingest" is loading both sides into the matcher's frames (normalising names
and domains, word statistics, the vendor's blocking index); "map" is blocking + scoring + choosing one
account per row, through the same functions `map_accounts` uses (`tools.account_mapping.service.match_frames`
= `er.prepare_sides` + `er.match_sides`, then `choose`). CPU seconds (all threads) are reported beside
wall seconds, with the load average: on a shared machine wall time includes waiting for a core.

The synthetic world: company names are a brand word (invented from syllables, shared by several
companies: natural hard negatives such as 'Kalora Foods' / 'Kalora Bank') plus an industry noun and a
legal suffix of the country; 40% of partner rows are our accounts spelled another way (case, suffix
dropped or changed, a typo, www/URL/country-TLD/missing domain, missing country), 60% are not ours, of
which a third are planted hard negatives (`ROW_MIX`): the same name in another country, subsidiaries
(the parent's name and a word more, often on the parent's domain), common-word names of other
countries, and other companies carrying one of our domains. `kind` names each row's kind.
"""
from __future__ import annotations

import json
import os
import sys
import threading
import time
from typing import Self

import numpy as np
import polars as pl
import psutil

SYLLABLES = ("ka", "lo", "ra", "mi", "ven", "tor", "sa", "ne", "bri", "do", "lu", "mar", "qui", "zen", "ta",
             "ro", "fel", "is", "on", "ar", "vel", "cor", "dan", "ember", "sol", "vi", "gra", "nor", "wes", "ty",
             "hal", "pen", "ri", "ko", "mun", "ste", "ber", "al", "fin", "gor", "ly", "ox", "pra", "sen", "ul")
NOUNS = ("Logistics", "Foods", "Bank", "Systems", "Analytics", "Health", "Energy", "Capital", "Media", "Motors",
         "Insurance", "Retail", "Pharma Labs", "Software", "Consulting", "Textiles", "Marine", "Construction",
         "Solar", "Security", "Telecom", "Airlines", "Hotels", "Realty", "Chemicals", "Robotics", "Dental",
         "Farms", "Travel", "Studios", "Home & Garden", "Machine Works", "Credit Union", "Wealth Partners",
         "Biotech", "Mining", "Packaging", "Publishing", "Semiconductors", "Water")
COUNTRIES = (("US", ".com", ("Inc.", "Corp.", "LLC", "Corporation")), ("GB", ".co.uk", ("Ltd", "plc", "Limited")),
             ("DE", ".de", ("GmbH", "AG", "GmbH & Co. KG")), ("FR", ".fr", ("SAS", "SA", "SARL")),
             ("NL", ".nl", ("B.V.", "N.V.")), ("ES", ".es", ("S.A.", "S.L.")), ("IT", ".it", ("S.p.A.", "S.r.l.")),
             ("JP", ".co.jp", ("K.K.", "Co., Ltd.")), ("AU", ".com.au", ("Pty Ltd",)), ("SE", ".se", ("AB",)),
             ("BR", ".com.br", ("Ltda.",)), ("CA", ".ca", ("Inc.", "Ltd.")))
SUFFIX_SWAP = {"Inc.": "Incorporated", "Corp.": "Corporation", "Corporation": "Corp", "LLC": "L.L.C.",
               "Ltd": "Limited", "Limited": "Ltd.", "plc": "PLC", "GmbH": "G.m.b.H.", "AG": "Aktiengesellschaft",
               "SAS": "S.A.S.", "SA": "S.A.", "B.V.": "BV", "N.V.": "NV", "S.A.": "SA", "S.L.": "SL",
               "S.p.A.": "SpA", "K.K.": "Kabushiki Kaisha", "Pty Ltd": "Pty. Limited", "AB": "Aktiebolag",
               "Ltda.": "Ltda", "Ltd.": "Limited", "GmbH & Co. KG": "GmbH & Co KG", "SARL": "S.A.R.L.",
               "S.r.l.": "Srl", "Co., Ltd.": "Co Ltd"}


def _brands(rng: np.random.Generator, count: int) -> np.ndarray:
    """`count` distinct invented brand words of two to four syllables."""
    syllables = np.array(SYLLABLES, dtype=object)
    parts = rng.integers(0, len(syllables), size=(count * 2, 4))
    optional = [np.where(rng.random(count * 2) < 0.5, syllables[parts[:, i]], "") for i in (2, 3)]
    words = (pl.Series(syllables[parts[:, 0]]) + pl.Series(syllables[parts[:, 1]]) + pl.Series(optional[0])
             + pl.Series(optional[1]))
    return words.str.to_titlecase().unique(maintain_order=True).head(count).to_numpy()


def companies(rng: np.random.Generator, n: int) -> pl.DataFrame:
    """`n` distinct companies: name, domain, country, and the parts variations are made from."""
    brands = _brands(rng, max(1000, n // 6))
    combos = np.unique(rng.integers(0, len(brands) * len(NOUNS), size=int(n * 1.5)))
    combos = rng.permutation(combos)[:n]
    brand, noun = combos // len(NOUNS), combos % len(NOUNS)
    country = rng.integers(0, len(COUNTRIES), size=len(combos))
    suffix_pick = rng.integers(0, 4, size=len(combos))
    suffix = np.array([COUNTRIES[c][2][s % len(COUNTRIES[c][2])] for c, s in zip(country, suffix_pick)], dtype=object)
    core = pl.Series(brands[brand]) + " " + pl.Series(np.array(NOUNS, dtype=object)[noun])
    tld = pl.Series(np.where(rng.random(len(combos)) < 0.3, ".com",
                             np.array([c[1] for c in COUNTRIES], dtype=object)[country]))
    slug = core.str.to_lowercase().str.replace_all("&", "and").str.replace_all(" ", "")
    return pl.DataFrame({"core": core, "suffix": pl.Series(suffix), "name": core + " " + pl.Series(suffix),
                         "slug": slug, "domain": slug + tld,
                         "country": pl.Series(np.array([c[0] for c in COUNTRIES], dtype=object)[country])})


def _vary(rng: np.random.Generator, rows: pl.DataFrame) -> pl.DataFrame:
    """How another CRM spells the same companies (vectorised)."""
    n = rows.height
    name_kind = rng.choice(6, size=n, p=[0.35, 0.12, 0.18, 0.15, 0.12, 0.08])
    pos = (rng.random(n) * (rows["core"].str.len_chars().to_numpy() - 2)).astype(np.int64) + 1
    typo = rows["core"].str.slice(0, pl.Series(pos)) + rows["core"].str.slice(pl.Series(pos + 1))
    swapped = rows["suffix"].replace(SUFFIX_SWAP)
    name = pl.select(pl.when(pl.Series(name_kind == 1)).then(rows["name"].str.to_uppercase())
                     .when(pl.Series(name_kind == 2)).then(rows["core"])
                     .when(pl.Series(name_kind == 3)).then(rows["core"] + " " + swapped)
                     .when(pl.Series(name_kind == 4)).then(typo + " " + rows["suffix"])
                     .when(pl.Series(name_kind == 5)).then(rows["name"].str.to_lowercase())
                     .otherwise(rows["name"])).to_series()
    dom_kind = rng.choice(5, size=n, p=[0.45, 0.12, 0.08, 0.25, 0.10])
    other_tld = pl.Series(np.where(rows["domain"].str.ends_with(".com").to_numpy(), ".de", ".com"))
    domain = pl.select(pl.when(pl.Series(dom_kind == 1)).then("www." + rows["domain"])
                       .when(pl.Series(dom_kind == 2)).then("https://www." + rows["domain"] + "/en/")
                       .when(pl.Series(dom_kind == 3)).then(pl.lit(None, pl.String))
                       .when(pl.Series(dom_kind == 4)).then(rows["slug"] + other_tld)
                       .otherwise(rows["domain"])).to_series()
    country = pl.select(pl.when(pl.Series(rng.random(n) < 0.15)).then(pl.lit(None, pl.String))
                        .otherwise(rows["country"])).to_series()
    return pl.DataFrame({"name": name, "domain": domain, "country": country})


COMMON_WORDS = ("Global", "United", "National", "First", "Pacific", "Atlantic", "Summit", "Premier", "Central",
                "General", "Standard", "Royal", "Metro", "Allied", "Northern", "Southern", "Eastern", "Western",
                "Apex", "Pioneer")
SUBSIDIARY_WORDS = ("Holdings", "Services", "International", "Group", "Europe", "Digital", "Labs", "Ventures",
                    "Solutions", "Trading")
# Shares of partner rows: ours (spelled another way), other companies, and four kinds of hard negative.
ROW_MIX = {"ours": 0.40, "other": 0.40, "same_name_other_country": 0.07, "subsidiary": 0.07, "common_words": 0.04,
           "reused_domain": 0.02}


def _pick(rng: np.random.Generator, options: tuple, size: int) -> pl.Series:
    return pl.Series(np.array(options, dtype=object)[rng.integers(0, len(options), size=size)], dtype=pl.String)


def _suffixes(rng: np.random.Generator, country: np.ndarray) -> pl.Series:
    pick = rng.integers(0, 4, size=len(country))
    return pl.Series([COUNTRIES[c][2][s % len(COUNTRIES[c][2])] for c, s in zip(country, pick)], dtype=pl.String)


def _tld(country: np.ndarray) -> pl.Series:
    return pl.Series(np.array([c[1] for c in COUNTRIES], dtype=object)[country], dtype=pl.String)


def _codes(country: np.ndarray) -> pl.Series:
    return pl.Series(np.array([c[0] for c in COUNTRIES], dtype=object)[country], dtype=pl.String)


def _country_index(codes: pl.Series) -> np.ndarray:
    return codes.replace_strict({c[0]: i for i, c in enumerate(COUNTRIES)}, return_dtype=pl.Int64).to_numpy()


def _blank(rng: np.random.Generator, values: pl.Series, share: float) -> pl.Series:
    return pl.select(pl.when(pl.Series(rng.random(len(values)) < share)).then(pl.lit(None, pl.String))
                     .otherwise(values)).to_series()


def _common_companies(rng: np.random.Generator) -> pl.DataFrame:
    """Every (common-word brand, industry, country): 'Global Logistics' exists in each country, each a
    different company with its own domain."""
    w, n, c = np.meshgrid(np.arange(len(COMMON_WORDS)), np.arange(len(NOUNS)), np.arange(len(COUNTRIES)),
                          indexing="ij")
    w, n, c = w.ravel(), n.ravel(), c.ravel()
    core = (pl.Series(np.array(COMMON_WORDS, dtype=object)[w], dtype=pl.String) + " "
            + pl.Series(np.array(NOUNS, dtype=object)[n], dtype=pl.String))
    suffix = _suffixes(rng, c)
    slug = core.str.to_lowercase().str.replace_all("&", "and").str.replace_all(" ", "")
    return pl.DataFrame({"core": core, "suffix": suffix, "name": core + " " + suffix, "slug": slug,
                         "domain": slug + "-" + _codes(c).str.to_lowercase() + _tld(c), "country": _codes(c)}
                        ).sample(fraction=1.0, shuffle=True, seed=int(rng.integers(1 << 30)))


def _hard_negatives(rng: np.random.Generator, ours: pl.DataFrame, others: pl.DataFrame, common: pl.DataFrame,
                    counts: dict[str, int]) -> pl.DataFrame:
    """Rows that are not ours but look like ours (each distinct from every vendor account)."""
    out = []
    # The same company name in another country: another legal entity (own suffix, own domain).
    base = ours[rng.integers(0, ours.height, size=counts["same_name_other_country"])]
    shift = rng.integers(1, len(COUNTRIES), size=base.height)
    country = (_country_index(base["country"]) + shift) % len(COUNTRIES)
    domain = base["slug"] + _tld(country)
    domain = pl.select(pl.when(domain == base["domain"]).then(base["slug"] + "-" + _codes(country).str.to_lowercase()
                                                               + _tld(country)).otherwise(domain)).to_series()
    moved = pl.DataFrame({"name": base["core"] + " " + _suffixes(rng, country), "domain": _blank(rng, domain, 0.4),
                          "country": _codes(country), "kind": "same_name_other_country", "core": base["core"]})
    # never a company we do have in that country ('Global Logistics' may be ours in several)
    out.append(moved.join(ours.select("core", "country"), on=["core", "country"], how="anti").drop("core"))
    # Subsidiaries: the parent's name and a word more, often the parent's domain (a reused domain).
    base = ours[rng.integers(0, ours.height, size=counts["subsidiary"])]
    same = rng.random(base.height) < 0.5
    country = np.where(same, _country_index(base["country"]), rng.integers(0, len(COUNTRIES), size=base.height))
    word = _pick(rng, SUBSIDIARY_WORDS, base.height)
    word = pl.select(pl.when(base["core"].str.contains(word)).then(pl.lit("Holdings")).otherwise(word)).to_series()
    kind = rng.random(base.height)
    domain = pl.select(pl.when(pl.Series(kind < 0.4)).then(base["domain"])
                       .when(pl.Series(kind < 0.7)).then(base["slug"] + word.str.to_lowercase() + _tld(country))
                       .otherwise(pl.lit(None, pl.String))).to_series()
    out.append(pl.DataFrame({"name": base["core"] + " " + word + " " + _suffixes(rng, country), "domain": domain,
                             "country": _codes(country), "kind": "subsidiary"}))
    # Common words: 'Global Logistics' of another country than ours (never the one we have).
    theirs = common.join(ours.select("core", "country"), on=["core", "country"], how="anti")
    base = theirs[rng.integers(0, theirs.height, size=counts["common_words"])]
    out.append(base.select("name", _blank(rng, base["domain"], 0.25).alias("domain"), "country")
               .with_columns(kind=pl.lit("common_words")))
    # Reused domains: another company whose row carries one of our domains (a reseller, a bought domain).
    base = others[rng.integers(0, others.height, size=counts["reused_domain"])]
    domain = ours["domain"].gather(rng.integers(0, ours.height, size=base.height))
    out.append(base.select("name", "country").with_columns(domain=domain, kind=pl.lit("reused_domain"))
               .select("name", "domain", "country", "kind"))
    frame = pl.concat(out)
    return frame.with_columns(_blank(rng, frame["country"], 0.15).alias("country"))


def synthetic(n_accounts: int, n_rows: int, n_partners: int = 20, seed: int = 7, hard_negatives: bool = True,
              ) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(accounts: key,name,domain,country; rows: key,partner_id,name,domain,country,truth,kind). `kind` says
    what a row is (ours, other, or which hard negative); matchers never see it nor `truth`."""
    rng = np.random.default_rng(seed)
    mix = ROW_MIX if hard_negatives else {"ours": 0.4, "other": 0.6}
    counts = {k: int(n_rows * share) for k, share in mix.items()}
    counts["other"] = n_rows - sum(v for k, v in counts.items() if k != "other")
    n_ours = counts["ours"]
    world = companies(rng, n_accounts + counts["other"])
    ours, others = world.head(n_accounts), world.slice(n_accounts)
    if hard_negatives:  # some of our accounts have common-word names ('Global Logistics Inc.'), a few thousand at most
        common = _common_companies(rng)
        n_common = min(int(n_accounts * 0.03), common.height // 2)
        ours = pl.concat([ours.head(n_accounts - n_common), common.head(n_common)])
        ours = ours.sample(fraction=1.0, shuffle=True, seed=seed)
        common = common.slice(n_common)
    accounts = ours.select(pl.format("A-{}", pl.int_range(pl.len()).cast(pl.String).str.zfill(7)).alias("key"),
                           "name", "domain", "country")
    picked = rng.integers(0, n_accounts, size=n_ours)
    varied = _vary(rng, ours[picked])
    parts = [
        varied.with_columns(truth=accounts["key"].gather(picked), kind=pl.lit("ours")),
        others.select("name", pl.when(pl.Series(rng.random(others.height) < 0.25)).then(None)
                      .otherwise(pl.col("domain")).alias("domain"), "country")
        .with_columns(truth=pl.lit(None, pl.String), kind=pl.lit("other")),
    ]
    if hard_negatives:
        parts.append(_hard_negatives(rng, ours, others, common, counts)
                     .with_columns(truth=pl.lit(None, pl.String)).select("name", "domain", "country", "truth", "kind"))
    rows = pl.concat(parts).sample(fraction=1.0, shuffle=True, seed=seed)
    partner = pl.Series(rng.integers(1, n_partners + 1, size=rows.height)).cast(pl.String).str.zfill(3)
    rows = rows.with_columns(partner_id="P-" + partner, key=pl.format("R-{}", pl.int_range(pl.len())))
    return accounts, rows.select("key", "partner_id", "name", "domain", "country", "truth", "kind")


class _PeakRss:
    """Samples this process's resident memory every 50 ms (numpy/polars/Rust allocations included)."""

    def __init__(self) -> None:
        self.peak = psutil.Process().memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        proc = psutil.Process()
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, proc.memory_info().rss)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def _timed(fn):
    wall, cpu = time.perf_counter(), time.process_time()
    result = fn()
    return result, round(time.perf_counter() - wall, 2), round(time.process_time() - cpu, 2)


def _ingest(accounts: pl.DataFrame, rows: pl.DataFrame):
    """Both sides into the matcher's frames: normalised, token statistics, the vendor's blocking index."""
    from tools.account_mapping import entity_resolution as er

    vendor, partner = er.prepare_sides(accounts, rows)
    stats = er.token_stats(vendor, partner)
    return vendor, partner, stats, er.VendorIndex.of(vendor, stats)


def run(n: int = 1_000_000, n_partners: int = 20) -> dict:
    from tools.account_mapping import entity_resolution as er
    from tools.account_mapping.service import Matched, choose

    (accounts, rows), gen_s, _ = _timed(lambda: synthetic(n, n, n_partners))
    load_before = os.getloadavg()[0]
    with _PeakRss() as rss:
        (vendor, partner, stats, index), ingest_s, ingest_cpu = _timed(lambda: _ingest(accounts, rows))
        one = np.flatnonzero((rows["partner_id"] == "P-001").to_numpy())
        _, one_s, one_cpu = _timed(lambda: er.match_sides(vendor, partner.take(one), stats, index=index))
        candidates, all_s, all_cpu = _timed(lambda: er.match_sides(vendor, partner, stats, index=index))
        chosen, choose_s, choose_cpu = _timed(lambda: choose(Matched(vendor, partner, candidates)))
    truth = rows.select("key", "truth")
    joined = truth.join(chosen.select(pl.col("row_key").alias("key"), "account_id"), on="key", how="left")
    tp = joined.filter(pl.col("account_id") == pl.col("truth")).height
    predicted, actual = joined["account_id"].is_not_null().sum(), joined["truth"].is_not_null().sum()
    map_all_s = round(all_s + choose_s, 2)
    return {
        "accounts": accounts.height, "partner_rows": rows.height, "partners": n_partners,
        "generate_s": gen_s, "ingest_s": ingest_s, "ingest_cpu_s": ingest_cpu,
        "map_one_partner_s": one_s, "map_one_partner_cpu_s": one_cpu, "one_partner_rows": len(one),
        "map_all_s": map_all_s, "map_all_cpu_s": round(all_cpu + choose_cpu, 2),
        "ingest_plus_map_all_s": round(ingest_s + map_all_s, 2),
        "ingest_plus_map_all_cpu_s": round(ingest_cpu + all_cpu + choose_cpu, 2),
        "candidates_kept": candidates.height, "matched_rows": chosen.height,
        "precision": round(tp / max(predicted, 1), 4), "recall": round(tp / max(actual, 1), 4),
        "peak_rss_mb": round(rss.peak / 2**20), "cores": psutil.cpu_count(),
        "load_average_before": round(load_before, 1), "load_average_after": round(os.getloadavg()[0], 1),
        "goal_s": 60, "goal_peak_rss_mb": 4096,
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000), indent=2))
