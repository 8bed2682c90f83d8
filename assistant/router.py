"""Deterministic intent routing: which tool answers a question, without a language model.

Cue phrases in several languages score each intent; the kinds of things the question names (a deal,
a partner, an account, a campaign kit, found by `assistant.resolver`) are language-independent cues
that break ties. Anything else is a content question for `search_content`. Pure functions: tested on
their own and measured by `evals/routing.py`.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

INTENT_TOOL = {
    "search": "search_content",
    "map": "map_accounts",
    "match": "match_partners",
    "nba": "next_best_actions",
    "draft": "draft_content",
}
# the permission each tool needs (retrieval.scope.CAPABILITIES); search has none of its own
INTENT_CAPABILITY = {"map": "map", "match": "match", "nba": "nba", "draft": "draft"}

# (pattern, weight). Patterns run on the lower-cased, NFKC-normalised question.
CUES: dict[str, list[tuple[str, float]]] = {
    "draft": [
        (r"\bdraft\b|\bdrafts?\s+(an?|the|me)\b", 3),
        ((r"\b(write|compose|prepare|create)\b.{0,40}"
          r"\b(e-?mail|post|landing|campaign|message|copy|invite|invitation)"), 3),
        (r"\bco-?brand", 2), (r"\blocali[sz]e\b", 2),
        (r"\bentwurf|\bentwirf|\bschreib|\berstell", 3), (r"\brédig|\bbrouillon|\bécri[rstv]", 3),
        (r"\bredact|\bborrador|\bescrib", 3), (r"\brascunho|\bescrev|\bredij", 3),
        (r"下書き|ドラフト|書いて|作成して", 3), (r"\blinkedin\b|\bsocial post\b|\blanding page\b", 1),
        (r"\bcampaign\b|\bkampagne|\bcampagne|\bcampaña|\bcampanha|キャンペーン", 1),
    ],
    "map": [
        (r"\baccounts?\b.{0,30}\b(share|shared|in common|overlap)", 3), (r"\bshare\b.{0,25}\bwith\b", 2),
        (r"\boverlap", 3), (r"\baccount[- ]mapping\b|\bmap (the |our )?accounts\b|\bmapping\b", 3),
        (r"\b(mutual|common|joint|shared) (customers|accounts|clients)\b", 3), (r"\bin common with\b", 3),
        (r"\bmap\b", 1), (r"\b(customers|accounts|clients)\b.{0,30}\balso\b", 3), (r"\bintroduc", 2),
        (r"gemeinsame\w* (kunden|accounts|konten)|überschneid", 3),
        (r"(comptes|clients) (en )?commun|chevauchement", 3),
        (r"(cuentas|clientes) en común|solapamiento", 3),
        (r"(contas|clientes) em comum|sobreposição", 3),
        (r"共通の(顧客|アカウント)|重複|アカウントマッピング", 3),
    ],
    "match": [
        (r"\b(which|what) partners?\b", 2), (r"\bwho should\b.{0,30}\b(help|bring|work|involve|partner)", 3),
        (r"\bbring (in|into|on)\b", 2), (r"\b(best|right|ideal|top|suitable) partners?\b", 3),
        (r"\bpartners? (for|on|to help with) (the|this|my|our)\b", 2),
        (r"\brecommend\w* (a |some )?partners?\b", 3),
        (r"\bmatch\w*\b", 2), (r"\binvolve\b", 1), (r"\brank\w* partners\b", 3), (r"\bwho can help\b", 2),
        (r"\b(strongest|good|strong|qualified) partners?\b", 3), (r"\bneed (a |some )?partners?\b", 3),
        (r"\bpull (in|into)\b", 2), (r"\bco-?sell\b", 1),
        (r"\b(suggest|propose)\b.{0,20}\b(partners?|resellers?|sis?|integrators?|vars?|msps?)\b", 3),
        (r"\bwhich (si|sis|reseller|var|msp|integrator|distributor|consultancy)s?\b", 3),
        (r"\bwelche\w* partner|passende\w* partner|\bpartner für\b", 3),
        (r"\bquels? partenaires?|partenaire idéal", 3),
        (r"\bqué (socio|partner)|\bmejor(es)? (socio|partner)", 3), (r"\bqual(is)? parceiro", 3),
        (r"どのパートナー|最適なパートナー|パートナーを(推薦|提案)", 3),
    ],
    "nba": [
        (r"\bwhat should (i|we) do\b", 3),
        (r"\bdo next\b|\bnext steps?\b|\bnext best\b|\bnext actions?\b", 3),
        (r"\bhow (is|are|'s)\b.{1,40}\b(doing|going|performing|tracking)\b", 3), (r"\bhealth\b", 2),
        (r"\bwhat now\b|\bfocus on\b|\bpriorit", 1), (r"\bstalled\b|\bstuck\b|\bat risk\b", 1),
        (r"\b(my|our) pipeline\b|\bstatus of (my|our)\b", 3),
        (r"\brecommended actions?\b|\bactions? (for|on)\b", 2), (r"\bmove\b.{0,40}\bforward\b|\bunblock", 3),
        (r"nächsten? schritt|was sollten? (ich|wir)|wie läuft|wie steht", 3),
        (r"prochaines? étapes?|que (dois|devrais|devons)|comment va", 3),
        (r"(próximos?|siguientes?) pasos?|qué (debo|debería|deberíamos) hacer|cómo va", 3),
        (r"próximos? passos?|o que devo fazer", 3), (r"次に何|次のアクション|次の一手|何をすべき", 3),
    ],
    "search": [
        (r"\bpolicy|\bpolic(ies|y)|\bprogram(me)?\b|\brules?\b|\brequirements?\b|\bhow (do|can|to)\b", 1),
        (r"\bwhat (is|are)\b|\bexplain\b|\bmdf\b|\bcertification|\btier\b|\bplaybook|\bbattlecard", 1),
        (r"\bdeal registration\b|\bregister a deal\b|\bdiscount|\brebate|\bonboarding\b|\btraining\b", 1),
    ],
}

# Follow-up shapes, checked before anything else when the thread has state.
MORE_RE = re.compile(
    r"^\W*(and |so )?(who|what|which ones?|anyone|any\w*) (else|more|other)\W*$|^\W*(show |give me )?(some )?"
    r"more\W*$|^\W*(next|other) ones\W*$|^\W*others\W*$|^\W*und wer noch\W*$|^\W*weitere\W*$|"
    r"^\W*(d'autres|qui d'autre)\W*$|^\W*(otros|quién más)\W*$|^\W*(他には|ほかには)\W*$")
ABOUT_RE = re.compile(
    r"^\W*(and |but |ok,? |okay,? )?(what|how) about (?P<s1>.+?)\W*$|^\W*and (for|with|on) (?P<s2>.+?)\W*$|"
    r"^\W*(und )?(was ist mit|wie ist es mit|und für) (?P<s3>.+?)\W*$|^\W*et (pour|avec) (?P<s4>.+?)\W*$|"
    r"^\W*(y|e) (para|con|com) (?P<s5>.+?)\W*$|^\W*(?P<s6>.+?)(は|の場合)は?(どう|どうですか)\W*$")
ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "5th": 5, "erste": 1, "zweite": 2, "dritte": 3, "premier": 1, "première": 1,
    "deuxième": 2, "troisième": 3, "primero": 1, "primera": 1, "segundo": 2, "segunda": 2,
    "tercero": 3, "tercera": 3, "1つ目": 1, "2つ目": 2, "3つ目": 3,
}
CHOICE_RE = re.compile(r"^\W*(the |die |der |das |le |la |el |o |a )?(?P<w>\w+)"
                       r"( one| option| choice| deal| partner)?\W*$"
                       r"|^\W*(number|option|#|no\.?|nr\.?)\s*(?P<n>\d)\W*$|^\W*(?P<d>\d)\W*$")
LAST_RE = re.compile(r"^\W*(the )?last( one)?\W*$")


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower().strip()


@dataclass
class IntentScores:
    scores: dict[str, float] = field(default_factory=dict)
    cues: dict[str, list[str]] = field(default_factory=dict)

    def best(self) -> tuple[str, float]:
        if not self.scores:
            return "search", 0.0
        order = ["draft", "map", "match", "nba", "search"]  # ties: the more specific tool wins
        intent = max(order, key=lambda i: (self.scores.get(i, 0.0), -order.index(i)))
        return intent, self.scores.get(intent, 0.0)


def score_intents(question: str) -> IntentScores:
    text = normalise(question)
    result = IntentScores()
    for intent, patterns in CUES.items():
        for pattern, weight in patterns:
            found = re.search(pattern, text)
            if found:
                result.scores[intent] = result.scores.get(intent, 0.0) + weight
                result.cues.setdefault(intent, []).append(found.group(0))
    return result


PARTNER_WORD = re.compile(r"partner|partenaire|socio|parceiro|パートナー", re.IGNORECASE)
DEAL_WORD = re.compile(r"\b(deal|deals|opportunit\w*|renewal|expansion|upsell|pilot|migration|proof of value|"
                       r"pipeline|opp)\b|\bangebot|\bgeschäft|"
                       r"\baffaire|\boportunidad|\bnegócio|案件|商談", re.IGNORECASE)
PERSONAL = re.compile(r"\b(my|our|i|we|me|us|mein\w*|unser\w*|mes|nos|notre|mis|nuestr\w*|meu|minha|nosso)\b")
ACCOUNTS_WORD = re.compile(r"\baccounts?\b|\bcustomers?\b|\bkunden|\bclients?\b|\bclientes\b|顧客",
                           re.IGNORECASE)


def choose_intent(question: str, kinds: set[str]) -> str:
    """The intent of a question, given the kinds of things it names ("partner", "opportunity", "account",
    "kit", "locale", "channel"), as found by the resolver."""
    scores = score_intents(question)
    intent, score = scores.best()
    text = normalise(question)
    if intent == "search" or score == 0:
        return _intent_from_kinds(text, kinds, scores)
    named_subject = bool(kinds & {"partner", "opportunity", "account"})
    programme_like = (scores.scores.get("search", 0) and not DEAL_WORD.search(text)
                      and not PERSONAL.search(text))
    if intent == "nba" and not named_subject and programme_like:
        # "what are the next steps to become a gold partner?" is a programme question, even for a seller
        return "search"
    if intent == "match" and "partner" in kinds and "opportunity" not in kinds and "account" not in kinds:
        # "which partners ..." naming only a partner: about that partner, not a deal
        return "map" if scores.scores.get("map") else ("nba" if scores.scores.get("nba") else intent)
    if intent == "draft" and scores.scores.get("draft", 0) <= 1 and not kinds & {"kit", "locale", "channel"}:
        return _intent_from_kinds(text, kinds, scores)  # a bare "campaign" word is not a draft request
    return intent


def _intent_from_kinds(text: str, kinds: set[str], scores: IntentScores) -> str:
    """No clear cue: the kinds of things named decide (works for any language)."""
    if "kit" in kinds and ("partner" in kinds or "locale" in kinds or "channel" in kinds):
        return "draft"
    about_deal = "opportunity" in kinds or ("account" in kinds and DEAL_WORD.search(text))
    if about_deal and PARTNER_WORD.search(text):
        return "match"
    if about_deal:
        return "nba"
    if "partner" in kinds and ACCOUNTS_WORD.search(text):
        return "map"
    if "partner" in kinds and not scores.scores.get("search"):
        return "nba"
    return "search"


# --- follow-ups --------------------------------------------------------------------------------------


def is_more(question: str) -> bool:
    """"and who else?", "more", "others?": the next results of the last intent."""
    return bool(MORE_RE.match(normalise(question)))


def about_subject(question: str) -> str | None:
    """"what about Globex?" -> "Globex": the last intent with a new subject."""
    found = ABOUT_RE.match(normalise(question))
    if not found:
        return None
    subject = next((v for k, v in found.groupdict().items() if v), None)
    if subject is None or len(subject.split()) > 6:
        return None
    return re.sub(r"^(the|die|der|le|la|el)\s+", "", subject).strip() or None


def choice_index(question: str, n_candidates: int) -> int | None:
    """"the second one", "2", "#3", "the last one" -> a 0-based index into the candidates asked about."""
    text = normalise(question)
    if LAST_RE.match(text):
        return n_candidates - 1 if n_candidates else None
    found = CHOICE_RE.match(text)
    if not found:
        return None
    number = found.group("n") or found.group("d")
    if number:
        index = int(number) - 1
    else:
        word = found.group("w")
        if word.isdigit():
            index = int(word) - 1
        elif word in ORDINALS:
            index = ORDINALS[word] - 1
        else:
            return None
    return index if 0 <= index < n_candidates else None
