"""Blind scorer for `cosell partners search` (the partner directory).

For each world in questions.yaml: build a fresh COSELL_HOME, ingest the world's import
folder with the repo under test, run `partners search QUERY --k 5 --json [flags] --as U`
per question and compute recall@5 (capped by min(5, |truth|)) and hit@1. Alongside, a
BM25-only baseline implemented here (bm25s if installed, else a small BM25) over a text
built from partners.csv fields plus the content tagged to each partner, with the same
flags applied as hard filters.

    python evals/directory_blind/score.py [--repo PATH] [--baseline-only] [--verbose] [--json OUT]

Written blind: nothing here reads or imports the product's code; the product is only
run through its command line.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DEFAULT_REPO = HERE.parents[1]
DEFAULT_PYTHON = "/work/main/.venv/bin/python"
K = 5

# ---------------------------------------------------------------- data helpers


def split_list(cell: str | None) -> list[str]:
    return [x.strip() for x in (cell or "").split(";") if x.strip()]


def read_csv(path: Path) -> list[dict]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def certified(row: dict) -> dict[str, int]:
    out = {}
    for item in split_list(row.get("certified_staff")):
        name, _, n = item.rpartition(":")
        try:
            out[name.strip().lower()] = int(n)
        except ValueError:
            pass
    return out


def front_matter(text: str) -> tuple[dict, str]:
    if text.startswith("\ufeff"):
        text = text[1:]
    if text.startswith("---"):
        parts = text.split("\n---", 1)
        if len(parts) == 2:
            try:
                meta = yaml.safe_load(parts[0][3:]) or {}
                body = parts[1].split("\n", 1)[1] if "\n" in parts[1] else ""
                return (meta if isinstance(meta, dict) else {}), body
            except yaml.YAMLError:
                return {}, text
    return {}, text


def strip_html(text: str) -> str:
    return re.sub(r"<[^>]+>", " ", text)


def partner_tags(meta: dict) -> set[str]:
    """Partner ids a content file is tagged to: `visibility: partner:P-1[;partner:P-2]`,
    or front matter keys partner / partners / partner_id / partner_ids."""
    ids: set[str] = set()
    vis = meta.get("visibility")
    vis_items = vis if isinstance(vis, list) else str(vis or "").split(";")
    for v in vis_items:
        v = str(v).strip()
        if v.lower().startswith("partner:"):
            ids.add(v.split(":", 1)[1].strip())
    for key in ("partner", "partners", "partner_id", "partner_ids"):
        val = meta.get(key)
        if isinstance(val, str):
            ids.update(x.strip() for x in re.split(r"[;,]", val) if x.strip())
        elif isinstance(val, list):
            ids.update(str(x).strip() for x in val)
    return ids


def tagged_content(import_dir: Path, partner_ids: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    content = import_dir / "content"
    if not content.is_dir():
        return out
    for path in sorted(content.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".md", ".txt", ".html", ".htm"):
            continue
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        meta, body = front_matter(text) if path.suffix.lower() == ".md" else ({}, text)
        if path.suffix.lower() in (".html", ".htm"):
            body = strip_html(body)
        for pid in partner_tags(meta) & partner_ids:
            out[pid].append(f"{meta.get('title', '')}\n{body}")
    return out


# ---------------------------------------------------------------- BM25 baseline

COUNTRY_NAMES = {
    "DE": "Germany", "AT": "Austria", "CH": "Switzerland", "NL": "Netherlands", "BE": "Belgium",
    "LU": "Luxembourg", "FR": "France", "ES": "Spain", "PT": "Portugal", "IT": "Italy",
    "GB": "United Kingdom UK", "IE": "Ireland", "US": "United States USA", "CA": "Canada",
    "MX": "Mexico", "BR": "Brazil", "JP": "Japan", "IN": "India", "AU": "Australia",
    "NZ": "New Zealand", "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland",
    "PL": "Poland",
}

STOP = set("""a an and are as at be by can do does for from has have i in is it me my of on or our
that the their there this to we what which who with whose you your""".split())

CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def tokenize(text: str) -> list[str]:
    text = unicodedata.normalize("NFKC", text).lower()
    toks: list[str] = []
    for run in re.findall(r"\w+", text):
        if CJK.search(run):
            chars = [c for c in run]
            toks.extend(chars[i] + chars[i + 1] for i in range(len(chars) - 1))
            if len(chars) == 1:
                toks.append(chars[0])
        elif run not in STOP:
            toks.append(run)
    return toks


def partner_text(row: dict, extra: list[str]) -> str:
    countries = split_list(row.get("countries"))
    fields = [
        row.get("name", ""), row.get("brand_name", ""), row.get("type", "").replace("_", " "),
        row.get("tier", ""), " ".join(countries), " ".join(COUNTRY_NAMES.get(c.upper(), "") for c in countries),
        " ".join(split_list(row.get("industries"))), " ".join(split_list(row.get("competencies"))),
        (row.get("certified_staff") or "").replace(";", " ").replace(":", " "),
        " ".join(split_list(row.get("languages"))), row.get("tagline", ""), row.get("description", ""),
    ]
    return "\n".join(fields + extra)


class Bm25:
    def __init__(self, docs: list[list[str]], k1: float = 1.5, b: float = 0.75):
        self.n = len(docs)
        self.impl = None
        try:
            import bm25s  # type: ignore

            self.impl = bm25s.BM25(k1=k1, b=b)
            self.impl.index([d if d else ["__empty__"] for d in docs], show_progress=False)
            self.name = "bm25s"
        except Exception:  # noqa: BLE001 - fall back to the small implementation
            self.impl = None
            self.name = "builtin"
            self.k1, self.b = k1, b
            self.tf = [Counter(d) for d in docs]
            self.len = [len(d) for d in docs]
            self.avg = (sum(self.len) / self.n) if self.n else 0.0
            df = Counter(t for d in docs for t in set(d))
            self.idf = {t: math.log(1 + (self.n - c + 0.5) / (c + 0.5)) for t, c in df.items()}

    def scores(self, query: list[str]) -> list[float]:
        if self.impl is not None:
            vocab = getattr(self.impl, "vocab_dict", None) or {}
            q = [t for t in query if t in vocab]
            if not q:
                return [0.0] * self.n
            return [float(x) for x in self.impl.get_scores(q)]
        out = []
        for tf, ln in zip(self.tf, self.len):
            s = 0.0
            for t in query:
                f = tf.get(t, 0)
                if f:
                    s += self.idf[t] * f * (self.k1 + 1) / (f + self.k1 * (1 - self.b + self.b * ln / (self.avg or 1)))
            out.append(s)
        return out


def passes_flags(row: dict, flags: dict) -> bool:
    for key, val in (flags or {}).items():
        v = str(val).strip().lower()
        if key == "country" and v not in [c.lower() for c in split_list(row.get("countries"))]:
            return False
        if key == "industry" and v not in [c.lower() for c in split_list(row.get("industries"))]:
            return False
        if key == "product" and v not in [c.lower() for c in split_list(row.get("competencies"))]:
            return False
        if key == "tier" and v != (row.get("tier") or "").strip().lower():
            return False
    return True


class Baseline:
    def __init__(self, import_dir: Path):
        self.partners = read_csv(import_dir / "partners.csv")
        ids = {p["partner_id"] for p in self.partners}
        content = tagged_content(import_dir, ids)
        self.tagged_docs = sum(len(v) for v in content.values())
        docs = [tokenize(partner_text(p, content.get(p["partner_id"], []))) for p in self.partners]
        self.bm25 = Bm25(docs)

    def search(self, query: str, flags: dict, k: int = K) -> list[str]:
        scores = self.bm25.scores(tokenize(query))
        ranked = sorted(
            ((s, i) for i, s in enumerate(scores) if passes_flags(self.partners[i], flags)),
            key=lambda x: (-x[0], x[1]),
        )
        return [self.partners[i]["partner_id"] for _, i in ranked[:k]]


# ---------------------------------------------------------------- the product


def flag_args(flags: dict) -> list[str]:
    out = []
    for key in ("country", "industry", "product", "tier"):
        if key in (flags or {}):
            out += [f"--{key}", str(flags[key])]
    return out


def compact(text: str, limit: int = 300) -> str:
    """One line out of a rich/argparse error box."""
    text = re.sub(r"[\u2500-\u257f]+", " ", text or "")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    errors = [ln for ln in lines if re.search(r"error|no such|unknown|invalid|not found", ln, re.I)]
    return re.sub(r"\s+", " ", " | ".join(errors or lines))[-limit:]


def parse_json(stdout: str):
    stdout = stdout.strip()
    if not stdout:
        return None
    try:
        return json.loads(stdout)
    except json.JSONDecodeError:
        start = stdout.find("{")
        if start >= 0:
            try:
                return json.loads(stdout[start:])
            except json.JSONDecodeError:
                return None
    return None


class Product:
    def __init__(self, repo: Path, python: str, home: Path, today: str | None, timeout: int):
        self.repo, self.python, self.home, self.timeout = repo, python, home, timeout
        self.env = dict(os.environ)
        self.env.update({
            "PYTHONPATH": str(repo) + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else ""),
            "COSELL_HOME": str(home), "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
            "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", "TERM": "dumb",
        })
        if today:
            self.env["COSELL_TODAY"] = today

    def run(self, args: list[str], timeout: int | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [self.python, "-m", "assistant.cli", *args], cwd=str(self.repo), env=self.env,
            stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout or self.timeout,
        )

    def ingest(self, import_dir: Path) -> tuple[bool, str]:
        try:
            r = self.run(["ingest", str(import_dir), "--reset", "--json"], timeout=3600)
        except (subprocess.TimeoutExpired, OSError) as e:
            return False, f"ingest failed: {e}"
        if r.returncode not in (0, 3):
            return False, f"ingest exit {r.returncode}: {(r.stderr or r.stdout)[-600:]}"
        summary = parse_json(r.stdout) or {}
        return True, f"ingest exit {r.returncode}: partners={summary.get('partners')} documents={summary.get('documents')}"

    def search(self, query: str, flags: dict, user: str | None, k: int = K) -> tuple[list[str] | None, str]:
        args = ["partners", "search", query, "--k", str(k), "--json", *flag_args(flags)]
        if user:
            args += ["--as", user]
        try:
            r = self.run(args)
        except subprocess.TimeoutExpired:
            return None, "timeout"
        except OSError as e:
            return None, f"cannot run: {e}"
        data = parse_json(r.stdout)
        if r.returncode != 0 or not isinstance(data, dict) or "results" not in data:
            msg = (data or {}).get("error") if isinstance(data, dict) else None
            return None, f"exit {r.returncode}: {msg or compact(r.stderr or r.stdout)}"
        ids = []
        for item in data.get("results") or []:
            pid = item.get("partner_id") if isinstance(item, dict) else None
            if pid and pid not in ids:
                ids.append(pid)
        return ids, ""

    def has_command(self) -> tuple[bool, str]:
        """Cheap check before the (slow) ingest: does `partners search --help` work?"""
        try:
            r = self.run(["partners", "search", "--help"], timeout=300)
        except (subprocess.TimeoutExpired, OSError) as e:
            return False, str(e)
        return r.returncode == 0, compact(r.stderr or r.stdout)

    def available(self, user: str | None) -> tuple[bool, str]:
        """`partners search` exists if it answers a query with {"results": [...]}."""
        ids, err = self.search("data platform partner", {}, user, k=1)
        if ids is not None:
            return True, ""
        return False, err


# ---------------------------------------------------------------- scoring


def recall_at_k(ranked: list[str], truth: list[str], k: int = K) -> float:
    if not truth:
        return 0.0
    return len(set(ranked[:k]) & set(truth)) / min(k, len(truth))


def hit_at_1(ranked: list[str], truth: list[str]) -> float:
    return 1.0 if ranked and ranked[0] in truth else 0.0


def pick_user(import_dir: Path) -> str | None:
    path = import_dir / "users.csv"
    if not path.exists():
        return None
    users = read_csv(path)
    for role in ("channel_manager", "admin"):
        for u in users:
            if (u.get("role") or "").strip().lower() == role:
                return u["user_id"]
    return None


def ensure_world(name: str, spec: dict, python: str, repo: Path) -> tuple[Path | None, str]:
    import_dir = Path(spec["import"])
    note = ""
    if not (import_dir / "partners.csv").exists() and spec.get("regenerate"):
        out = str(import_dir)
        args = [a.replace("{out}", out).replace("{out_parent}", str(import_dir.parent)) for a in spec["regenerate"]]
        r = subprocess.run([python, *args], cwd=str(repo), capture_output=True, text=True,
                           env={**os.environ, "PYTHONPATH": str(repo)})
        note = f"regenerated ({r.returncode}); "
    if not (import_dir / "partners.csv").exists():
        return None, note + f"missing {import_dir}/partners.csv"
    digest = hashlib.sha256((import_dir / "partners.csv").read_bytes()).hexdigest()
    if spec.get("partners_sha256") and digest != spec["partners_sha256"]:
        note += "WARNING: partners.csv differs from the one the truth was written for; "
    return import_dir, note


def check_truth(questions: list[dict], partners: dict[str, dict]) -> list[str]:
    problems = []
    for q in questions:
        for pid in q["truth"]:
            row = partners.get(pid)
            if row is None:
                problems.append(f"{q['id']}: unknown partner {pid}")
            elif not passes_flags(row, q.get("flags") or {}):
                problems.append(f"{q['id']}: {pid} does not satisfy flags {q.get('flags')}")
    return problems


def mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def fmt(x: float | None) -> str:
    return "  n/a" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{x:5.3f}"


def print_table(title: str, rows: list[tuple[str, dict]], product_available: dict[str, bool]) -> None:
    print(f"\n{title}")
    print(f"{'group':<22}{'n':>4}  {'system R@5':>10}  {'system H@1':>10}  {'bm25 R@5':>9}  {'bm25 H@1':>9}")
    for label, m in rows:
        sys_r = fmt(m["sys_r"]) if m.get("sys_ok") else "NOT AVAILABLE" if m.get("sys_na") else fmt(m["sys_r"])
        sys_h = fmt(m["sys_h"]) if m.get("sys_ok") else "" if m.get("sys_na") else fmt(m["sys_h"])
        print(f"{label:<22}{m['n']:>4}  {sys_r:>10}  {sys_h:>10}  {fmt(m['bl_r']):>9}  {fmt(m['bl_h']):>9}")


def aggregate(items: list[dict], sys_available: bool) -> dict:
    m = {"n": len(items), "bl_r": mean([i["bl_r"] for i in items]), "bl_h": mean([i["bl_h"] for i in items])}
    if sys_available:
        m.update(sys_ok=True, sys_r=mean([i["sys_r"] for i in items]), sys_h=mean([i["sys_h"] for i in items]),
                 errors=sum(1 for i in items if i.get("sys_error")))
    else:
        m.update(sys_ok=False, sys_na=True, sys_r=None, sys_h=None)
    return m


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repo", type=Path, default=DEFAULT_REPO, help="repository whose `assistant.cli` is tested")
    ap.add_argument("--python", default=DEFAULT_PYTHON if Path(DEFAULT_PYTHON).exists() else sys.executable)
    ap.add_argument("--questions", type=Path, default=HERE / "questions.yaml")
    ap.add_argument("--baseline-only", action="store_true", help="only the BM25 baseline, no product run")
    ap.add_argument("--world", action="append", help="only these worlds (repeatable)")
    ap.add_argument("--work", type=Path, help="where to put the COSELL_HOMEs (default: a temp dir, removed)")
    ap.add_argument("--jobs", type=int, default=2, help="parallel `partners search` processes")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per query")
    ap.add_argument("--verbose", "-v", action="store_true", help="per-question rankings")
    ap.add_argument("--json", type=Path, help="also write the per-question results here")
    args = ap.parse_args(argv)

    spec = yaml.safe_load(args.questions.read_text(encoding="utf-8"))
    worlds, questions = spec["worlds"], spec["questions"]
    if args.world:
        worlds = {k: v for k, v in worlds.items() if k in args.world}
    work = args.work or Path(tempfile.mkdtemp(prefix="dirblind-"))
    results: list[dict] = []
    available: dict[str, bool] = {}
    status: dict[str, str] = {}

    for wname, wspec in worlds.items():
        wq = [q for q in questions if q["world"] == wname]
        import_dir, note = ensure_world(wname, wspec, args.python, args.repo)
        if import_dir is None:
            print(f"[{wname}] SKIPPED: {note}")
            continue
        baseline = Baseline(import_dir)
        problems = check_truth(wq, {p["partner_id"]: p for p in baseline.partners})
        for p in problems:
            print(f"[{wname}] TRUTH PROBLEM: {p}")
        print(f"[{wname}] {len(wq)} questions, {len(baseline.partners)} partners, "
              f"{baseline.tagged_docs} tagged content files, BM25={baseline.bm25.name}. {note}")

        product = None
        if args.baseline_only:
            available[wname] = False
            status[wname] = "baseline only"
        else:
            home = work / f"home-{wname}"
            shutil.rmtree(home, ignore_errors=True)
            home.mkdir(parents=True)
            product = Product(args.repo, args.python, home, wspec.get("today"), args.timeout)
            user = pick_user(import_dir)
            ok, msg = product.has_command()
            if not ok:
                msg = f"partners search NOT AVAILABLE: {msg}"
                print(f"[{wname}] {msg}")
            else:
                t0 = time.time()
                ok, msg = product.ingest(import_dir)
                print(f"[{wname}] {msg} ({time.time() - t0:.0f}s), as {user}")
            if ok:
                ok, why = product.available(user)
                if not ok:
                    msg = f"partners search NOT AVAILABLE: {why}"
                    print(f"[{wname}] {msg}")
            available[wname] = ok
            status[wname] = "ok" if ok else msg

        def run_one(q: dict) -> dict:
            truth = q["truth"]
            flags = q.get("flags") or {}
            bl = baseline.search(q["query"], flags)
            row = {"id": q["id"], "world": wname, "lang": q.get("lang", "en"), "kind": q.get("kind", []),
                   "query": q["query"], "flags": flags, "truth": truth, "baseline": bl,
                   "bl_r": recall_at_k(bl, truth), "bl_h": hit_at_1(bl, truth)}
            if available.get(wname):
                ranked, err = product.search(q["query"], flags, pick_user(import_dir))
                row["system"] = ranked or []
                row["sys_error"] = err or None
                row["sys_r"] = recall_at_k(ranked or [], truth)
                row["sys_h"] = hit_at_1(ranked or [], truth)
            return row

        t0 = time.time()
        with ThreadPoolExecutor(max_workers=max(1, args.jobs if available.get(wname) else 1)) as ex:
            wres = list(ex.map(run_one, wq))
        if available.get(wname):
            print(f"[{wname}] {len(wq)} queries in {time.time() - t0:.0f}s")
        results.extend(wres)

    if not args.work:
        shutil.rmtree(work, ignore_errors=True)

    if args.verbose:
        print()
        for r in results:
            line = f"{r['id']:<4} bl R@5={r['bl_r']:.2f} H@1={r['bl_h']:.0f}"
            if "sys_r" in r:
                line += f" | sys R@5={r['sys_r']:.2f} H@1={r['sys_h']:.0f}"
            print(f"{line}  {r['query'][:70]}")
            print(f"      truth={r['truth']} baseline={r['baseline']}" + (f" system={r.get('system')}" if "system" in r else ""))
            if r.get("sys_error"):
                print(f"      system error: {r['sys_error']}")

    all_ok = bool(results) and all(available.get(w, False) for w in {r["world"] for r in results})
    for wname in worlds:
        items = [r for r in results if r["world"] == wname]
        if not items:
            continue
        ok = available.get(wname, False)
        rows = [("all", aggregate(items, ok))]
        by_lang = defaultdict(list)
        for r in items:
            by_lang["english" if r["lang"] == "en" else "other languages"].append(r)
        rows += [(k, aggregate(v, ok)) for k, v in sorted(by_lang.items())]
        by_kind = defaultdict(list)
        for r in items:
            for kd in r["kind"]:
                base = kd.split("-")[0]
                if base in ("flags", "tier", "certification", "reference", "deal", "type"):
                    by_kind[base if base != "deal" else "deal-history"].append(r)
        rows += [(f"kind: {k}", aggregate(v, ok)) for k, v in sorted(by_kind.items())]
        agg = rows[0][1]
        extra = f"; {agg.get('errors', 0)} query errors" if ok else ""
        print_table(f"== {wname} (system: {status.get(wname)}{extra})", rows, available)
    overall = [("all worlds", aggregate(results, all_ok))]
    by_lang = defaultdict(list)
    for r in results:
        by_lang[r["lang"]].append(r)
    overall += [(f"lang: {k}", aggregate(v, all_ok)) for k, v in sorted(by_lang.items())]
    print_table("== overall", overall, available)

    if args.json:
        args.json.write_text(json.dumps({"status": status, "results": results}, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
