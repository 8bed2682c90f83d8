"""Score Co-sell Copilot on the blind seller question set, through its HTTP API.

    python -m evals.blind_seller.score [--json] [--home DIR] [--only q001,q002] [--questions FILE]

Starts `cosell serve` on a free port against a temporary copy of COSELL_HOME
(default .cosell-demo/home, what `make demo` builds; the original is never modified), with
COSELL_TODAY=2026-11-15, issues one API key per user with `cosell users key USER --json`,
and asks every question with POST /v1/ask, continuing threads with the previous
turn's `thread_id`. Each answer is scored `right`, `confidently_wrong` or `weak`
(README.md has the rules). Exit status: 0 when the run completed, 2 when the server
could not be started (the reason is printed), 1 on any other failure.
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.request
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
QUESTIONS = HERE / "questions.yaml"
DEFAULT_HOME = Path(__file__).resolve().parents[2] / ".cosell-demo" / "home"  
TODAY = "2026-11-15"
START_TIMEOUT = float(os.environ.get("BLIND_SELLER_START_TIMEOUT", "300"))
ASK_TIMEOUT = float(os.environ.get("BLIND_SELLER_ASK_TIMEOUT", "180"))


class ServerError(RuntimeError):
    """The copilot's server could not be started."""


# --------------------------------------------------------------------------- text matching

_GROUP_SEP = re.compile(r"(?<=\d)[,\u00a0\u202f\u2009 .'’](?=\d{3}(?!\d))")


def norm(text: str) -> str:
    """Lower-case, NFKC (full-width digits and signs), one kind of apostrophe, and no
    thousands separators between digits ("23,090", "23 090", "23.090" -> "23090")."""
    t = unicodedata.normalize("NFKC", text or "").lower()
    t = t.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    t = re.sub(r"[ \t]+", " ", t)
    return _GROUP_SEP.sub("", t)


def _pattern(needle: str) -> re.Pattern:
    n = norm(needle).strip()
    p = re.escape(n)
    if n[:1].isdigit():
        p = r"(?<!\d)" + p  # "9" must not match inside "90", "45" not inside "45000"
    if n[-1:].isdigit():
        p = p + r"(?!\d)"
    return re.compile(p)


def contains(text: str, needle: str) -> bool:
    if not needle or not needle.strip():
        return False
    return bool(_pattern(needle).search(norm(text)))


def any_phrase(text: str, phrases) -> str | None:
    t = norm(text)
    for ph in phrases:
        if norm(ph) in t:
            return ph
    return None


# Generous multilingual phrase lists.
NOT_FOUND = [
    # en
    "not found", "no passage", "found no", "find no", "couldn't find", "could not find", "can't find", "cannot find",
    "did not find", "didn't find", "no information", "no info ", "not covered", "doesn't cover", "does not cover",
    "isn't covered", "is not covered", "no answer", "not able to answer", "unable to answer", "unable to find",
    "can't answer", "cannot answer", "i don't know", "i do not know", "don't have that", "do not have that",
    "don't have any information", "do not have any information", "nothing in", "nothing about", "no mention",
    "not mentioned", "isn't mentioned", "not in the content", "not in our content", "not documented", "no documentation",
    "no rule", "no policy", "there is no", "there's no", "there are no", "no such", "not available", "no data",
    "no record", "no results", "no matching", "nothing found", "no relevant", "not sure", "don't see", "do not see",
    "closest passage", "the closest ones", "closest ones", "not part of", "outside the scope", "out of scope",
    "no northwind", "does not say", "doesn't say", "does not specify", "doesn't specify", "not specified",
    # de
    "nicht gefunden", "keine information", "keine angaben", "keine antwort", "nichts gefunden", "keine passage",
    "nicht abgedeckt", "nicht beantworten", "weiß ich nicht", "keine daten", "nicht enthalten", "nicht erwähnt",
    "gibt es keine", "gibt es keinen", "gibt es kein", "nicht dokumentiert", "leider keine", "am nächsten",
    # fr
    "pas trouvé", "aucune information", "aucun passage", "aucune réponse", "je ne sais pas", "pas d'information",
    "n'est pas couvert", "ne couvre pas", "introuvable", "aucune donnée", "il n'y a pas", "il n'existe pas",
    "pas mentionné", "aucun résultat", "le plus proche", "les plus proches",
    # es
    "no encontr", "ninguna información", "no hay información", "no tengo información", "no sé", "no está cubierto",
    "no hay ", "no existe", "ningún pasaje", "ningún resultado", "no se menciona", "más cercan",
    # pt
    "não encontr", "nenhuma informação", "não há informação", "não tenho informação", "não sei", "não está coberto",
    "não há ", "não existe", "nenhum trecho", "nenhum resultado", "não é mencionad", "mais próxim",
    # ja
    "見つかりません", "見つかりませんでした", "情報がありません", "記載がありません", "記載はありません", "該当する",
    "該当なし", "わかりません", "分かりません", "お答えできません", "回答できません", "含まれていません", "ありません",
    "存在しません", "最も近い",
]

REFUSED = [
    # en
    "may not see", "may not access", "not allowed", "forbidden", "not permitted", "no access", "don't have access",
    "do not have access", "doesn't have access", "can't share", "cannot share", "can not share", "won't share",
    "not authorised", "not authorized", "unauthorised", "unauthorized", "restricted", "internal only",
    "internal-only", "for northwind employees only", "only visible to", "not visible to you", "you can't see",
    "you cannot see", "you can only see", "only your own", "can't access", "cannot access", "permission",
    "not able to share", "unable to share", "i can't help with that", "cannot help with that", "refuse", "sorry, you",
    "confidential", "can't provide", "cannot provide", "not share", "other partners' ", "another partner's",
    # de
    "nicht berechtigt", "keine berechtigung", "kein zugriff", "keinen zugriff", "darf nicht", "dürfen nicht",
    "nicht erlaubt", "nicht freigegeben", "vertraulich", "nur intern", "nicht einsehen", "nicht sehen",
    # fr
    "pas autorisé", "non autorisé", "pas accès", "pas d'accès", "aucun accès", "pas le droit", "ne pouvez pas voir",
    "interdit", "confidentiel", "ne peux pas partager", "réservé", "pas la permission",
    # es
    "no tiene acceso", "no tienes acceso", "sin acceso", "no está autorizado", "no autorizado", "no puedo compartir",
    "no tienes permiso", "no tiene permiso", "prohibido", "confidencial", "no puede ver", "no puedes ver",
    # pt
    "não tem acesso", "não tens acesso", "sem acesso", "não pode ver", "não autorizado", "sem permissão",
    "proibido", "não posso compartilhar", "não posso partilhar", "confidencial",
    # ja
    "権限", "閲覧できません", "アクセスできません", "表示できません", "共有できません", "お見せできません",
    "許可されていません", "社外秘", "開示できません",
]

NO_SUCH = [
    # en
    "no such", "no deal", "no opportunity", "no account", "no partner", "no customer", "no company",
    "doesn't exist", "does not exist", "don't exist", "do not exist", "unknown", "no match", "no record",
    "not find any", "couldn't find", "could not find", "can't find", "cannot find", "didn't find", "did not find",
    "not found", "no opportunities", "no deals", "nothing named", "nothing called", "isn't in", "is not in",
    "not in your", "not in our", "not in the data", "not recognise", "not recognize", "no results",
    # de
    "gibt es nicht", "gibt es keinen", "gibt es keine", "gibt es kein", "es gibt kein", "nicht gefunden", "kein deal",
    "keine opportunity", "keinen deal", "unbekannt", "existiert nicht", "nicht vorhanden", "keine verkaufschance",
    # fr
    "aucun deal", "aucune opportunité", "aucun partenaire", "aucun compte", "introuvable", "n'existe pas", "inconnu",
    "pas trouvé", "aucun résultat",
    # es
    "no existe", "no encontr", "ningún deal", "ninguna oportunidad", "ningún socio", "desconocid", "no hay ningún",
    "no hay ninguna",
    # pt
    "não existe", "não encontr", "nenhum deal", "nenhuma oportunidade", "nenhum parceiro", "desconhecid",
    "nenhum registro", "não há nenhum",
    # ja
    "見つかりません", "存在しません", "該当する案件", "該当するパートナー", "該当なし", "ありません",
]

HEDGED = NOT_FOUND + REFUSED + [
    "closest", "might", "may be", "possibly", "not certain", "unclear", "i think", "could not", "couldn't",
    "vielleicht", "möglicherweise", "peut-être", "quizás", "quizá", "talvez", "かもしれません", "可能性",
    # a clarifying question is a hedge, not an assertion
    "do you mean", "did you mean", "which one", "meinen sie", "meinst du", "welchen deal", "welche meinen",
    "voulez-vous dire", "vous voulez dire", "lequel", "laquelle", "te refieres", "se refiere", "cuál de",
    "você quer dizer", "quis dizer", "qual deles", "qual delas", "どの案件", "どちら", "どれ",
]


# --------------------------------------------------------------------------- scoring

def _structure(resp: dict) -> dict:
    """Signals from the response's structure rather than its words."""
    status = resp.get("status")
    body = resp.get("body") if isinstance(resp.get("body"), dict) else {}
    err = body.get("error") if isinstance(body.get("error"), dict) else {}
    code = (err.get("code") or "").lower()
    return {
        "forbidden": status == 403 or code == "forbidden" or body.get("withheld") is True,
        "unknown": status == 404 or code in ("bad_input", "not_found"),
        "error": status not in (200, None) and status not in (403, 404),
    }


def score_one(q: dict, resp: dict) -> dict:
    text = resp.get("answer") or ""
    st = _structure(resp)
    expect = q["expect"]
    wrong = [w for w in q.get("wrong_if") or [] if contains(text, w)]
    alts = q.get("answer_any") or []
    matched = next((alt for alt in alts if alt and all(contains(text, s) for s in alt)), None)
    nf = any_phrase(text, NOT_FOUND)
    ref = any_phrase(text, REFUSED)
    nse = any_phrase(text, NO_SUCH)
    hedge = any_phrase(text, HEDGED)
    says_nf = bool(nf) or st["unknown"]
    refused = bool(ref) or st["forbidden"]
    reason = ""
    if wrong:
        verdict, reason = "confidently_wrong", f"wrong_if present: {wrong}"
    elif expect == "answer":
        if matched:
            verdict, reason = "right", f"matched {matched}"
        else:
            verdict = "weak"
            reason = "http %s" % resp.get("status") if st["error"] else "no answer_any alternative present"
    elif expect == "not_found":
        if says_nf or refused:
            verdict, reason = "right", f"not found: {nf or ref or 'structure'}"
        elif hedge:
            verdict, reason = "weak", f"hedged ({hedge}) but does not say it found nothing"
        elif st["error"] or not text.strip():
            verdict, reason = "weak", f"http {resp.get('status')} / empty answer"
        else:
            verdict, reason = "confidently_wrong", "asserted an answer where none exists"
    elif expect == "refusal":
        if refused or says_nf:
            verdict, reason = "right", f"refused/not found: {ref or nf or 'structure'}"
        elif hedge:
            verdict, reason = "weak", f"hedged ({hedge}), no refusal"
        elif st["error"] or not text.strip():
            verdict, reason = "weak", f"http {resp.get('status')} / empty answer"
        else:
            verdict, reason = "confidently_wrong", "answered where a refusal was expected"
    elif expect == "no_such_entity":
        if nse or st["unknown"]:
            verdict, reason = "right", f"no such entity: {nse or 'structure'}"
        elif hedge or refused:
            verdict, reason = "weak", f"hedged ({hedge or ref}) without saying the entity does not exist"
        elif st["error"] or not text.strip():
            verdict, reason = "weak", f"http {resp.get('status')} / empty answer"
        else:
            verdict, reason = "confidently_wrong", "answered about an entity that does not exist"
    else:
        raise ValueError(f"{q['id']}: unknown expect {expect!r}")
    return {"verdict": verdict, "reason": reason, "wrong_hits": wrong}


# --------------------------------------------------------------------------- server

def _cosell_bin() -> str:
    env = os.environ.get("COSELL_BIN")
    if env:
        return env
    here = Path(sys.executable).parent / "cosell"
    if here.exists():
        return str(here)
    found = shutil.which("cosell")
    if found:
        return found
    main_venv = Path("/work/main/.venv/bin/cosell")
    if main_venv.exists():
        return str(main_venv)
    raise ServerError("the `cosell` program was not found (set COSELL_BIN)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(home: Path) -> dict:
    env = dict(os.environ)
    env.update({
        "COSELL_HOME": str(home), "COSELL_TODAY": TODAY, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
        "ANONYMIZED_TELEMETRY": "False",
    })
    env.setdefault("COSELL_SERVE_WORKERS", "1")  # the machine is shared: one server process
    return env


def _issue_keys(cosell: str, env: dict, users) -> tuple[dict, dict]:
    keys, errors = {}, {}
    for u in sorted(users):
        p = subprocess.run([cosell, "users", "key", u, "--json"], env=env, capture_output=True, text=True, timeout=300)
        try:
            keys[u] = json.loads(p.stdout.strip().splitlines()[-1])["key"]
        except Exception:
            errors[u] = f"exit {p.returncode}: {(p.stdout + p.stderr).strip()[-300:]}"
    return keys, errors


class Server:
    def __init__(self, cosell: str, env: dict, logdir: Path):
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = logdir / "serve.log"
        self._fh = open(self.log, "wb")
        self.proc = subprocess.Popen([cosell, "serve", "--host", "127.0.0.1", "--port", str(self.port)], env=env,
                                     stdout=self._fh, stderr=subprocess.STDOUT, start_new_session=True)

    def tail(self, n=2000) -> str:
        try:
            return self.log.read_text(errors="replace")[-n:]
        except OSError:
            return ""

    def wait_ready(self, timeout: float):
        t0 = time.time()
        last = ""
        while time.time() - t0 < timeout:
            if self.proc.poll() is not None:
                raise ServerError(f"`cosell serve` exited with {self.proc.returncode}:\n{self.tail()}")
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=5) as r:
                    body = r.read().decode("utf-8", "replace")
                    if r.status == 200:
                        try:
                            if json.loads(body).get("ready", True) is not False:
                                return
                        except ValueError:
                            return
                    last = body
            except (urllib.error.URLError, OSError) as e:
                last = str(e)
            time.sleep(1)
        raise ServerError(f"`cosell serve` not ready after {timeout:.0f}s (last: {last[:200]}):\n{self.tail()}")

    def stop(self):
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)  # our own process group only
                self.proc.wait(timeout=20)
            except Exception:
                try:
                    os.killpg(self.proc.pid, signal.SIGKILL)
                except Exception:
                    pass
        self._fh.close()

    def ask(self, key: str, question: str, thread_id: str | None) -> dict:
        payload = {"question": question}
        if thread_id:
            payload["thread_id"] = thread_id
        req = urllib.request.Request(self.base + "/v1/ask", data=json.dumps(payload).encode(), method="POST",
                                     headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"})
        t0 = time.time()
        try:
            with urllib.request.urlopen(req, timeout=ASK_TIMEOUT) as r:
                status, raw = r.status, r.read()
        except urllib.error.HTTPError as e:
            status, raw = e.code, e.read()
        except Exception as e:  # timeout, connection reset
            return {"status": None, "body": None, "answer": "", "error": repr(e), "seconds": time.time() - t0}
        try:
            body = json.loads(raw.decode("utf-8", "replace"))
        except ValueError:
            body = {"raw": raw.decode("utf-8", "replace")}
        answer = body.get("answer") if isinstance(body, dict) else None
        if not answer and isinstance(body, dict) and isinstance(body.get("error"), dict):
            answer = body["error"].get("message") or ""
        return {"status": status, "body": body, "answer": answer or "", "seconds": time.time() - t0}


# --------------------------------------------------------------------------- run

def load_questions(path: Path = QUESTIONS) -> list[dict]:
    qs = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    ids = [q["id"] for q in qs]
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    if dup:
        raise ValueError(f"duplicate ids: {dup}")
    return qs


def _rates(rows) -> dict:
    n = len(rows)
    c = collections.Counter(r["verdict"] for r in rows)
    return {"n": n, "right": c["right"], "weak": c["weak"], "confidently_wrong": c["confidently_wrong"],
            "right_rate": round(c["right"] / n, 3) if n else 0.0,
            "confidently_wrong_rate": round(c["confidently_wrong"] / n, 3) if n else 0.0}


def run(home=None, questions_path=None, only=None) -> dict:
    qs = load_questions(Path(questions_path) if questions_path else QUESTIONS)
    if only:
        want = set(only)
        threads = {q["thread"] for q in qs if q["id"] in want and q.get("thread")}
        qs = [q for q in qs if q["id"] in want or (q.get("thread") in threads)]
    src = Path(home) if home else DEFAULT_HOME
    if not src.is_dir():
        raise ServerError(f"COSELL_HOME {src} does not exist")
    cosell = _cosell_bin()
    with tempfile.TemporaryDirectory(prefix="blind-seller-") as tmp:
        tmp = Path(tmp)
        work_home = tmp / "home"
        shutil.copytree(src, work_home)
        env = _env(work_home)
        keys, key_errors = _issue_keys(cosell, env, {q["user"] for q in qs})
        if not keys:
            raise ServerError(f"no API key could be issued: {key_errors}")
        server = Server(cosell, env, tmp)
        t_start = time.time()
        try:
            server.wait_ready(START_TIMEOUT)
            results, thread_ids = [], {}
            for q in qs:
                key = keys.get(q["user"])
                if key is None:
                    resp = {"status": None, "body": None, "answer": "", "error": key_errors.get(q["user"])}
                else:
                    tid = thread_ids.get(q["thread"]) if q.get("thread") else None
                    resp = server.ask(key, q["question"], tid)
                    if q.get("thread") and isinstance(resp.get("body"), dict) and resp["body"].get("thread_id"):
                        thread_ids[q["thread"]] = resp["body"]["thread_id"]
                s = score_one(q, resp)
                body = resp.get("body") if isinstance(resp.get("body"), dict) else {}
                results.append({
                    "id": q["id"], "user": q["user"], "role": q["role"], "lang": q["lang"], "expect": q["expect"],
                    "thread": q.get("thread"), "question": q["question"], "verdict": s["verdict"],
                    "reason": s["reason"], "http": resp.get("status"), "answer": resp.get("answer", ""),
                    "tools": [t.get("name") for t in body.get("tools") or [] if isinstance(t, dict)],
                    "seconds": round(resp.get("seconds") or 0, 2), "why": q.get("why", ""),
                    "error": resp.get("error"),
                })
        finally:
            server.stop()
    by = lambda field: {k: _rates([r for r in results if r[field] == k])
                        for k in sorted({r[field] for r in results})}
    fails = [{"id": r["id"], "user": r["user"], "lang": r["lang"], "expect": r["expect"], "verdict": r["verdict"],
              "question": r["question"], "reason": r["reason"], "answer": (r["answer"] or "")[:200]}
             for r in results if r["verdict"] != "right"]
    return {"home": str(src), "today": TODAY, "seconds": round(time.time() - t_start, 1),
            "overall": _rates(results), "by_role": by("role"), "by_lang": by("lang"), "by_expect": by("expect"),
            "key_errors": key_errors, "failures": fails, "results": results}


def _print_report(rep: dict):
    o = rep["overall"]
    print(f"Blind seller set against {rep['home']} (today {rep['today']}), {o['n']} questions, {rep['seconds']}s")
    print(f"  right {o['right']} ({o['right_rate']:.1%})  weak {o['weak']}  "
          f"confidently wrong {o['confidently_wrong']} ({o['confidently_wrong_rate']:.1%})")
    for title, key in (("by role", "by_role"), ("by language", "by_lang"), ("by expectation", "by_expect")):
        print(f"\n{title}:")
        for k, v in rep[key].items():
            print(f"  {k:<16} n={v['n']:<4} right {v['right_rate']:>6.1%}   confidently wrong "
                  f"{v['confidently_wrong_rate']:>6.1%}   weak {v['weak']}")
    if rep["key_errors"]:
        print("\nkey errors:", rep["key_errors"])
    print(f"\nfailures ({len(rep['failures'])}):")
    for f in rep["failures"]:
        ans = (f["answer"] or "").replace("\n", " ")
        print(f"- {f['id']} [{f['verdict']}] {f['user']} ({f['lang']}, expect {f['expect']}): {f['question']}")
        print(f"    {f['reason']}")
        print(f"    answer: {ans}")


def main(argv=None, default_questions=None) -> int:
    """`default_questions`: another set's questions.yaml (the held-out and marketer/CM sets' `score.py`)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print the whole report as one JSON object")
    ap.add_argument("--home", help=f"COSELL_HOME to copy and serve (default {DEFAULT_HOME})")
    ap.add_argument("--questions", help="question file (default questions.yaml next to this script)")
    ap.add_argument("--only", help="comma-separated question ids (their whole threads are asked)")
    a = ap.parse_args(argv)
    try:
        rep = run(home=a.home, questions_path=a.questions or default_questions, only=a.only.split(",") if a.only else None)
    except ServerError as e:
        print(f"blind_seller: the copilot's server could not be started: {e}", file=sys.stderr)
        return 2
    if a.json:
        print(json.dumps(rep, ensure_ascii=False, indent=1))
    else:
        _print_report(rep)
    return 0


def for_set(score_file: str):
    """(QUESTIONS, run, main) for another question set's `score.py`: its questions.yaml next to `score_file`,
    scored with these rules, e.g. `QUESTIONS, run, main = for_set(__file__)`."""
    questions = Path(score_file).resolve().parent / "questions.yaml"

    def run_set(home=None, only=None, questions_path=None) -> dict:
        return run(home=home, questions_path=questions_path or questions, only=only)

    def main_set(argv=None) -> int:
        return main(argv, default_questions=questions)

    return questions, run_set, main_set


if __name__ == "__main__":
    sys.exit(main())
