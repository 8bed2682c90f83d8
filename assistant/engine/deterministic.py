"""The deterministic engine (no language model): route, resolve names, call one tool, compose the answer.

A turn is one of: an answer to our own question back ("the second one"), a follow-up ("and who
else?", "what about Globex?"), or a fresh question. Permissions are checked before a tool is called,
so a forbidden request is refused politely without touching the data; the tools check again anyway.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from rapidfuzz import fuzz

from assistant.core.errors import Forbidden, NotFound
from assistant.engine import analytics_chat as programme
from assistant.engine import (
    answers,
    deal_facts,
    directory_chat,
    draft_options,
    extension_rule,
    followup_chat,
    mdf_chat,
    onboarding_chat,
    overview_chat,
    partner_facts,
    recruit_chat,
    registration_facts,
    router,
    tier_benefits,
)
from assistant.engine.context import AppContext
from assistant.engine.intent_cues import (
    MDF_WORDS_RE,
    PROGRAMME_Q,
    TIER_NOUN,
    deal_stage,
    normalise,
    tier_named,
    won_asked,
)
from assistant.engine.messages import say
from assistant.engine.name_index import STOPWORDS, tokens
from assistant.engine.resolver import SURE, Mentions, Resolver, fold
from assistant.engine.threads import Candidate, ConversationThread, Pending, ThreadState
from assistant.engine.turn import AskResponse, Turn, content_citations, forbidden_message
from retrieval.scope import Scope
from tools.account_mapping.service import MappingResponse
from tools.analytics.types import AttributionResponse, PortfolioResponse
from tools.content_drafts.service import DraftResponse
from tools.directory.service import question_hints
from tools.documents.service import read_document
from tools.next_best_action.service import NbaResponse
from tools.onboarding.service import OnboardingPlan
from tools.partner_match.service import MatchResponse
from tools.partner_profile.service import ProfileResult
from tools.records_overview.service import OverviewResult
from tools.recruit.service import filter_values
from tools.recruit.types import RecruitResponse
from tools.registrations.service import list_registrations
from tools.search.service import SearchToolResult

MAX_CANDIDATES = 5
# "how many deals did <partner> win?", "¿cuántos deals ganó <partner>?", "wie viele Deals hat <partner> gewonnen?",
# "<partner> の受注件数は？": a partner's won deals in a period (its attribution), asked by the vendor's people
WON_COUNT = re.compile(r"\b(how many|number of|cuánt[oa]s|quant[oa]s|combien|wie ?viele|anzahl)\b.{0,100}\b(won|win|"
                       r"wins|ganó|ganaron|ganamos|ganad[oa]s|ganh(ou|aram|os|as|amos)|gagné\w*|remporté\w*|gewonnen\w*|gewann)\b|"
                       r"\b(won|closed[- ]won) (deals|opportunities|opps)\b.{0,40}\b(how many|count|number)\b|"
                       r"受注(件数|した案件|案件)|何件.{0,10}受注")
# Words next to which a capitalised name is taken as naming a deal ("the Globex deal", "Hooli 社の案件").
NAMED_DEAL_NEAR = re.compile(router.DEAL_WORD.pattern + r"|\b(account|customer|kunde\w*|client\w*|registr\w*|"
                             r"enregistr\w*)\b|社|顧客|登録|というパートナー|" + router.PARTNER_WORD.pattern,
                             re.IGNORECASE)  # fmt: skip
# A deal or its registration: "when does our <X> reg expire?", "<X> – ist das bei uns registriert?"
DEAL_OR_REGISTRATION = re.compile(router.DEAL_WORD.pattern + r"|\b(regs?|registr\w*|enregistr\w*)\b|登録",
                                  re.IGNORECASE)
# The programme's own things, capitalised beside "registration" but no deal ("the Partner Portal registration form")
PROGRAMME_TERM = re.compile(router.PARTNER_WORD.pattern + r"|\b(portal|programme|program|policy|form|copilot|"
                            r"finder|tool|guide|team|desk|support|process)\b", re.IGNORECASE)
# A tier word: the name beside it ("tier for <X>", "<X>'s level") is a partner's
_TIER_NOUN = re.compile(TIER_NOUN, re.IGNORECASE)
# Words next to which a capitalised name is taken as naming a partner or customer asked about ("how's Globex
# doing?", "status of Initech"): when it matches nothing, it does not exist rather than "which partner?".
STATUS_NEAR = re.compile(r"\b(how'?s|how is|how are|doing|update on|status of|news on|wie läuft|wie steht|"
                         r"où en est|comment va|cómo va|cómo está|como vai|como está|next steps? (with|on|for|at)|"
                         r"happening (on|with|at)|going on (with|at)|up with|latest (on|with|at)|news (about|from)|"
                         r"nächste\w* schritt\w* (mit|bei|für)|prochaine\w* étape\w* (avec|pour|sur|chez)|"
                         r"próximos? pasos? (con|para|en)|próximos? passos? (com|para|na|no))\b", re.IGNORECASE)
# "what should we do with Frobozz Consulting?", "was tun mit X?": the name a partner question is about.
ABOUT_NEAR = re.compile(r"\b(with|about|mit|über|avec|sur|con|sobre|com)\b", re.IGNORECASE)
# a target set in a plan ("revenue target of our joint plan", "meta de receita", "Umsatzziel"), not a figure won
_TARGET = re.compile(r"\b(targets?|goals?|objectives?|quota|ziel\w*|umsatzziel\w*|objectifs?|objetivos?|metas?|"
                     r"cible)\b|目標|ノルマ")
# "the onboarding of <X>", "l'onboarding de <X>", "Onboarding von <X>": whose plan
OF_NEAR = re.compile(r"\b(of|von|vom|de|du|des|da|do|del)\b", re.IGNORECASE)
# "a social post for Zollhaus Analytik", "um rascunho pra X": the partner a draft is for
FOR_NEAR = re.compile(r"\b(for|für|pour|para|pra|per)\b", re.IGNORECASE)


# The kinds of deal the registration rules speak of, as people name them in our languages
_DEAL_KINDS = [(re.compile(p), kind) for p, kind in (
    (r"\b(renewals?|verlängerung\w*|vertragsverlängerung\w*|renouvellements?|renovaci[oó]n\w*|renovaç\w*)\b|更新",
     "renewal"),
    (r"\b(expansions?|upsells?|erweiterung\w*|ampliaci[oó]n\w*|ampliaç\w*)\b|拡張", "expansion"),
    (r"\b(pilots?|pilote|piloto)\b|パイロット", "pilot"),
)]
# After a partner's first win: "how many days after joining was that?", "and when did we join?"
_FIRST_WIN_MORE = re.compile(r"\b(days?|how long|join\w*|tage\w*|beitr\w*|wie lange|jours?|rejoint|combien de temps|"
                             r"días?|dias?|unimos|entramos|cuánto tiempo|quanto tempo)\b|何日|加入")


# "in English please", "en español porfa", "auf Deutsch bitte", "日本語で": the same answer in another language
_ASKS_LANGUAGE = router.ASKS_LANGUAGE


@dataclass
class Plan:
    """What to do: call `intent`'s tool with `arguments`, or ask back (`question`, `candidates`)."""

    intent: str
    arguments: dict[str, Any] = field(default_factory=dict)
    question: str | None = None
    slot: str | None = None
    candidates: list[Candidate] = field(default_factory=list)
    refusal: str | None = None
    reply: str | None = None  # an answer that needs no tool ("there is nothing more to show")
    start: int = 0  # the first result to show: further down for "and who else?"
    note: str | None = None  # said before the tool's answer ("drafts cannot be personalised for you")


class DeterministicEngine:
    """Route, resolve names, call one tool, compose the answer: no language model."""

    name = "deterministic"

    def answer(self, turn: Turn) -> AskResponse:
        return run_deterministic(turn)


def run_deterministic(turn: Turn) -> AskResponse:
    resolver = Resolver(turn.ctx, turn.scope)
    return execute(turn, resolver, _plan_turn(turn, resolver))


def plan_turn(ctx: AppContext, scope: Scope, question: str, thread: ConversationThread | None = None) -> Plan:
    """The tool and arguments (or the question back, or the refusal) the engine would give `question` in
    `thread` (a new thread if None), without calling any tool or changing the thread; `remember` then
    advances the thread as carrying the plan out would. What `evals/routing.py` measures."""
    thread = thread or ConversationThread(thread_id="plan", user_id=scope.user_id)
    turn = Turn(ctx, scope, question, thread)
    return _plan_turn(turn, Resolver(ctx, scope))


def _plan_turn(turn: Turn, resolver: Resolver) -> Plan:
    """An answer to our question back, "and who else?", "what about X?", or else a fresh question."""
    state = turn.thread.state
    if state.pending:
        pending = state.pending
        chosen = pick_candidate(turn.question, pending.candidates)
        if chosen is not None:
            base = {**pending.arguments, pending.slot: chosen}
            if pending.intent == "draft":  # the kit or partner is now known: finish the draft's arguments
                return _plan_draft(turn, resolver, Mentions(), base)
            return Plan(pending.intent, base)
    facts = deal_facts.plan_deal_followup(turn, lambda q: _named_deals(resolver, q), Plan)
    if facts is not None:  # "how many days left?", "2つ目の金額は？": facts of the deals the last answer listed
        return facts
    sibling = _plan_sibling_deal(turn, resolver)
    if sibling is not None:  # "e a de streaming?" after a deal's close date: the same facts of its other deal
        return sibling
    if state.choices and not state.pending:  # "the second one", "2": a deal (or partner) the last answer listed
        index = router.choice_index(turn.question, len(state.choices))
        if index is None and state.choice_slot == "partner_id" and router.RUNNER_UP.search(normalise(turn.question)):
            index = 1 if len(state.choices) > 1 else None  # "and who's the runner-up?": the second of the ranking
            if index is not None and state.last_intent == "match":
                return Plan("match", {**state.last_arguments, "partner_id": state.choices[index].id})
        if index is not None and state.last_intent == "match" and state.choice_slot == "partner_id" and \
                len(turn.question.split()) <= 3 and not router.score_intents(turn.question).of("nba") and \
                not router.score_intents(turn.question).of("map"):  # "2番目は？", "and the third?": its place
            return Plan("match", {**state.last_arguments, "partner_id": state.choices[index].id})
        if index is not None:
            return _plan_choice(turn, state, state.choices[index].id)
    followup = followup_chat.plan_followup(turn, Plan)  # "who's the partner on it?", "why the first one?"
    if followup is not None:
        return followup
    last = state.last_arguments
    if state.last_intent == "profile" and last.get("topic") == "mdf" and len(turn.question.split()) <= 10 and \
            set(router.profile_topics(turn.question)) <= {"mdf"} and not router.asks_rule(turn.question):
        period = router.mdf_period(turn.question, turn.ctx.today().year, turn.ctx.today())
        if period:  # "and last quarter?", "and what did we spend in Q3?" after MDF figures
            return Plan("profile", {**last, "period": period})
    if turn.scope.is_partner and _about_mdf(state) and len(turn.question.split()) <= 10 and not router.asks_rule(
            turn.question) and deal_facts.asks_left(turn.question) and not router.profile_topics(turn.question):
        period = router.mdf_period(turn.question, turn.ctx.today().year, turn.ctx.today())
        if period:  # "how much did we actually get allocated in q3?" after our MDF cap: our figures for Q3
            return Plan("profile", {"topic": "mdf", "period": period})
    if state.last_intent == "overview":  # "and in q2?", "how much exactly?" after MDF figures by partner
        first = state.choices[0].id if state.choices and state.choice_slot == "partner_id" else None
        overview = overview_chat.plan_followup(turn.question, turn.ctx.today(), last, first, Plan)
        if overview is not None:
            return overview
        listed = _listed_partner_topic(turn, resolver)
        if listed is not None:  # "and their won revenue?" after the partners that qualify for promotion
            return listed
    if state.last_intent == "first_win_own" and len(turn.question.split()) <= 10 and _FIRST_WIN_MORE.search(
            normalise(turn.question)):  # "how many days after joining was that?": the same facts again
        return Plan("first_win_own", dict(last))
    if (state.last_arguments.get("tier") or state.last_arguments.get("topic") == "tier") and len(
            turn.question.split()) <= 12 and tier_benefits.asks_benefit(turn.question):
        benefit = _plan_tier_benefit(turn, resolver, resolver.find(turn.question), state.last_arguments)
        if benefit is not None:  # "and the MDF cap per quarter for that?" after our tier: that tier's benefit
            return benefit
    if state.last_intent == "onboarding" and last.get("partner_id") and onboarding_chat.asks_steps(turn.question):
        return Plan("onboarding", dict(last))  # "und welche Zertifizierungen sollen wir machen?": the plan's steps
    if state.last_intent == "attribution" and deal_facts.words(turn.question) <= 6 and router.HOW_MANY_MORE.search(
            normalise(turn.question)) and not resolver.find(turn.question).entities:
        return Plan("attribution", dict(last))  # "e quantos deals?" after our won revenue: that answer counts them
    if state.last_intent and router.is_more(turn.question):
        return _plan_more(state, turn.lang)
    if state.last_intent == "profile" and last.get("topic") == "channel_manager" and len(turn.question.split()) <= 8 \
            and router.profile_topics(turn.question)[:1] == ["contacts"]:
        return Plan("profile", dict(last))  # "and their email?" after who our channel manager is: the same answer
    if state.last_intent == "draft" and len(turn.question.split()) <= 8:
        mentions = resolver.find(turn.question)  # "now the social version", "agora a versão pra landing page"
        if (mentions.channel or mentions.locale) and not mentions.of("account") and not router.asks_rule(turn.question):
            return plan(turn, resolver, "draft", mentions, state.last_arguments)
    carried = _search_followup(turn, resolver)
    if carried is not None:  # "and when would it kick in?" after a rule: the same subject, asked further
        return carried
    switch = _language_switch(turn, resolver)
    if switch is not None:  # "en español porfa", "in English please": the last answer again, in that language
        return switch
    subject = router.about_subject(turn.question)
    if subject and state.last_intent:
        mentions = resolver.find(subject)
        if mentions.entities or mentions.locale or mentions.channel or mentions.foreign_partner:
            if state.last_intent == "profile" and state.last_arguments.get("topic"):  # "and the <account> one?"
                return _plan_profile(turn, resolver, mentions, state.last_arguments["topic"])
            deals = _named_deals(resolver, subject)
            if state.last_intent == "deal_facts" and deals:  # "¿y el de <account>?": the same facts of its deal
                return _same_facts_of(state, deals)
            base = state.last_arguments if state.last_intent == "draft" else {}
            return plan(turn, resolver, state.last_intent, mentions, base)
    return plan_fresh(turn, resolver)


# A short follow-up's topic about the partner(s) an answer listed, beyond the profile cues: "¿y cuánto ingreso
# ganado tienen?", "and their certs?", "und die Zertifizierungen?"
_FOLLOWUP_TOPICS = (
    ("certifications", re.compile(r"\bcert\w*|\bzertifi\w*|認定|資格", re.IGNORECASE)),
    ("tier", re.compile(r"\b(won|revenue|ingreso\w*|ganad\w*|ganh\w*|receita|umsatz|gewonnen\w*|gagné\w*|chiffre|"
                        r"tier|level|nivel|nível|niveau|stufe)\b|受注|売上|ティア", re.IGNORECASE)),
    ("mdf", MDF_WORDS_RE),
)


def _listed_partner_topic(turn: Turn, resolver: Resolver) -> Plan | None:
    """After an answer listing partners (who qualifies for promotion, who is below its tier), a short question
    about their figures: the figures of the one listed (or the one picked: "and the second one's revenue?")."""
    state = turn.thread.state
    if state.choice_slot != "partner_id" or not state.choices or len(turn.question.split()) > 12:
        return None
    mentions = resolver.find(turn.question)
    if mentions.entities or router.asks_rule(turn.question):
        return None
    index = router.choice_index(turn.question, len(state.choices))
    if index is None and len(state.choices) > 1:
        return None
    topic = _followup_topic(turn.question)
    if topic is None:
        return None
    return Plan("profile", {"topic": topic, "partner_id": state.choices[index or 0].id})


def _followup_topic(question: str) -> str | None:
    """The partner-standing topic of a short follow-up: the profile cues', else the follow-up words'."""
    topics = [t for t in router.profile_topics(question) if t in ("tier", "certifications", "mdf", "registrations",
                                                                  "deals", "contacts", "channel_manager")]
    cued = [t for t, cue in _FOLLOWUP_TOPICS if cue.search(question)]
    return "certifications" if "certifications" in cued else next(iter(topics + cued), None)


def _search_followup(turn: Turn, resolver: Resolver) -> Plan | None:
    """A short question after a rule's answer that points back at it ("and when would it kick in?", "und wer
    genehmigt das?") and names nothing new: searched with the last question's words, so the subject is kept."""
    state = turn.thread.state
    if state.last_intent != "search" or not state.last_arguments.get("query") or state.last_arguments.get("tier"):
        return None
    question = turn.question
    if deal_facts.words(question) > 8 or not router.points_back(question):
        return None
    if router.profile_topics(question) or router.is_more(question) or _ASKS_LANGUAGE.search(normalise(question)):
        return None
    if resolver.find(question).entities:
        return None
    return Plan("search", {"query": router.search_followup(question, state.last_arguments["query"])})


def _about_mdf(state: ThreadState) -> bool:
    """The last answer was about marketing funds: our MDF figures, or a rule about them."""
    last = state.last_arguments
    return last.get("topic") == "mdf" or bool(MDF_WORDS_RE.search(str(last.get("query") or "")))


def _language_switch(turn: Turn, resolver: Resolver) -> Plan | None:
    """ "en español porfa, es para mi jefe", "in English please", "日本語で": the last answer's tool call again,
    its fixed sentences in that language (and its passages, when the content has them in it)."""
    state = turn.thread.state
    if not state.last_intent or state.last_intent == "draft" or len(turn.question.split()) > 10:
        return None
    if not _ASKS_LANGUAGE.search(normalise(turn.question)):
        return None
    locale = resolver.find(turn.question).locale
    if not locale:
        return None
    turn._lang = locale.split("-")[0].lower()
    arguments = dict(state.last_arguments)
    if state.last_intent == "search":
        arguments["locale"] = turn._lang
    return Plan(state.last_intent, arguments)


def _named_deals(resolver: Resolver, question: str) -> list[str]:
    """The deals a question names: by deal, else at the accounts it names (never "all of mine"); of several,
    the one the question's words single out ("the observability renewal at <account>"), when they do."""
    mentions = resolver.find(question)
    named = [e.id for e in mentions.of("opportunity")]
    accounts = {e.id for e in mentions.of("account")}
    deals = named + [o.opportunity_id for o in resolver.opportunities.values() if o.account_id in accounts]
    best = resolver.best_deal(deals, mentions.words) if len(deals) > 1 else None
    return [best] if best else deals


def _plan_sibling_deal(turn: Turn, resolver: Resolver) -> Plan | None:
    """ "and the streaming one?" after the facts of a deal: the same facts of the deal at the same account whose
    name has the words asked about."""
    state = turn.thread.state
    last = state.last_arguments.get("deals") or []
    subject = router.about_subject(turn.question) if state.last_intent == "deal_facts" and last else None
    if not subject:
        return None
    words = {w for w in tokens(subject) if w not in STOPWORDS}
    accounts = {resolver.opportunities[d].account_id for d in last if d in resolver.opportunities}
    same = [o.opportunity_id for o in resolver.opportunities.values()
            if o.account_id in accounts and o.opportunity_id not in last and words
            and words <= set(tokens(o.name))]
    if not same:
        return None
    return _same_facts_of(state, same)


def _same_facts_of(state: ThreadState, deals: list[str]) -> Plan:
    """The facts the last answer gave (close date, days left, ...), of other deals."""
    kept = {k: v for k, v in state.last_arguments.items() if k != "opportunity_id"}
    return Plan("deal_facts", {**kept, "deals": deals[:MAX_CANDIDATES], "pick": "",
                               **({"opportunity_id": deals[0]} if len(deals) == 1 else {})})


def _plan_choice(turn: Turn, state: ThreadState, chosen: str) -> Plan:
    """A deal or partner the last answer listed: "why the first one?" after a match explains that partner's
    place; "how many accounts do we share with the second one?" maps it; else its next best actions."""
    if state.choice_slot != "partner_id":
        return Plan("nba", {"opportunity_id": chosen})
    if state.last_intent == "match" and router.says("why", turn.question):
        return Plan("match", {**state.last_arguments, "partner_id": chosen})
    topic = _followup_topic(turn.question) if state.last_intent == "overview" else None
    if topic:  # "and the second one's won revenue?" after a list of partners: that partner's figures
        return Plan("profile", {"topic": topic, "partner_id": chosen})
    scores = router.score_intents(turn.question)
    if scores.of("map") > scores.of("nba") and turn.scope.can("map"):
        return Plan("map", {"partner_id": chosen})
    return Plan("nba", {"partner_id": chosen})


def _plan_more(state: ThreadState, lang: str = "en") -> Plan:
    """ "and who else?": the next page of the last intent's results (a draft has no next page)."""
    intent = state.last_intent or "search"
    if intent in ("draft", "profile", "onboarding", "overview", "deal_partner", "deal_facts", "first_win_own",
                  "last_registered"):
        return Plan(intent, reply=say("nothing_more", lang))
    return Plan(intent, dict(state.last_arguments), start=state.shown)


def remember(thread: ConversationThread, p: Plan, shown: int = 0) -> None:
    """Advance `thread` past a turn planned as `p`: our question back (if any) awaits its answer, and a
    tool's results (`shown` of them) are what the next follow-up refers to."""
    state = thread.state
    state.pending = None  # answered, or dropped for a new question
    state.workflow = {}  # the last answer is this one, not a workflow's
    if p.question:
        state.pending = Pending(
            intent=p.intent, slot=p.slot or "", candidates=p.candidates, arguments=p.arguments
        )
    elif not (p.refusal or p.reply):
        state.last_intent, state.last_arguments, state.shown = p.intent, p.arguments, p.start + shown


# A partner's records (its registrations, deals, pipeline, MDF, revenue, win rate), as a seller would ask for another's
_PARTNER_RECORDS = re.compile(r"\b(registrations?|registr\w*|enregistrement\w*|registros?|pipeline|mdf|deals?|"
                              r"opportunit\w*|oportunidad\w*|negócios?|negocios?|affaires|revenue|umsatz|"
                              r"chiffre d'affaires|ingresos|receita|win rate|leads?)\b|案件|登録|商談|売上")


def plan_fresh(turn: Turn, resolver: Resolver) -> Plan:
    """The plan for a question on its own (no follow-up)."""
    if router.is_change_request(turn.question):  # no tool changes data: say so instead of searching
        return Plan("search", refusal=say("change", turn.lang))
    if turn.scope.is_partner and (router.says("injection", turn.question) or router.says("everyones", turn.question)):
        return Plan("search", refusal=say("foreign_partner", turn.lang))  # only their own organisation's data
    if turn.scope.is_partner and router.says("internal_ask", turn.question):
        return Plan("search", refusal=say("internal_only", turn.lang))  # the vendor's internal material, by name
    named_registrations = registration_facts.named_registrations(turn)
    if named_registrations:  # "why was the <account> registration rejected?": its record, even with no deal behind it
        return Plan("registration_facts", {"registration_ids": [r.registration_id for r in named_registrations]})
    mentions = resolver.find(turn.question)
    if turn.scope.is_partner and mentions.foreign_partner and _PARTNER_RECORDS.search(normalise(turn.question)):
        # "Mostre os registros de deal da <other partner>": another partner's records, whatever the wording
        return Plan("search", refusal=say("foreign_partner", turn.lang))
    missing = resolver.unknown_id(turn.question, mentions)
    if missing:
        return Plan("search", reply=say("no_such", turn.lang, what=say("what_entity", turn.lang), name=missing))
    missing = resolver.unknown_partner(turn.question, mentions, router.PARTNER_WORD)
    if missing:  # "how's Zorblax Partners doing?": no such partner, not an account "Zorblax"
        return Plan("search", reply=say("no_such", turn.lang, what=say("what_partner", turn.lang), name=missing))
    missing = resolver.unknown_qualified_name(turn.question, mentions) or \
        resolver.unknown_japanese_company(turn.question, mentions)  # "<name>工業の案件は？": no such company's deal
    if missing:  # "Quillon Insurance" when only "Insurance <something>" exists: another company, not that one
        return Plan("search", reply=say("no_such", turn.lang, what=say("what_entity", turn.lang), name=missing))
    if not turn.scope.is_partner and not any(e.score >= SURE for e in mentions.entities) and _TIER_OF.search(
            turn.question):
        missing = resolver.unknown_name(turn.question, mentions, _TIER_OF, reach=(12, 3))
        if missing and not (PROGRAMME_TERM.search(missing) or tier_named(missing)):  # "tier standing for <made-up>?"
            return Plan("search", reply=say("no_such", turn.lang, what=say("what_partner", turn.lang), name=missing))
    if recruit_chat.is_recruit_question(turn.question):
        return _plan_recruit(turn)
    extension = _plan_extension(turn, resolver, mentions)
    if extension is not None:  # "<partner> wants an extension on the <account> PoV, can I still give it?"
        return extension
    entitled = _plan_entitlement(turn, resolver, mentions)
    if entitled is not None:  # "<account>: can we get a vendor-funded proof of value?": the rule beside its facts
        return entitled
    if not turn.scope.is_partner and recruit_chat.is_coverage_question(turn.question) and not (
            mentions.of("partner") or mentions.of("opportunity") or mentions.of("account")):
        return _plan_recruit(turn, coverage=True)  # "where are we short on partner coverage?"
    if onboarding_chat.wants_plan(turn.question, mentions.kinds(), turn.scope.is_partner):
        return _plan_onboarding(turn, resolver, mentions)
    if not turn.scope.is_partner and not (mentions.of("opportunity") or mentions.of("account")):
        manager = turn.scope.user_id if turn.scope.role == "channel_manager" else None
        partners = mentions.of("partner")
        if manager and overview_chat.asks_own_book(turn.question):  # "partners I manage": not "… Managed Cloud"
            partners = [e for e in partners if e.score >= SURE]
        overview = overview_chat.topic_of(turn.question, turn.ctx.today(), bool(partners), manager)
        if overview and overview[0] == "won" and (programme.period_of(turn.question, turn.ctx.today()) != (None, None)
                                                  or programme.PARTNERISH.search(turn.question)):
            overview = None  # "won revenue in Q1 2026?", "Partneranteil am Umsatz": the period's attribution
        if overview:  # "how many partners?", "total open pipeline?", "MDF Maple Leaf left unspent in Q3?"
            args = {"topic": overview[0], **overview[1], **({"partner_id": partners[0].id} if partners else {})}
            if overview[0] == "certified":  # in a country, on a product ("Japan's most Streaming-certified")
                values = filter_values(turn.ctx, turn.scope)
                found = {"country": recruit_chat.country_in(turn.question),
                         "product": recruit_chat.named(turn.question, values["product"])}
                args.update({k: v for k, v in found.items() if v})
            elif overview[0] == "partners" and recruit_chat.country_in(turn.question):
                args["country"] = recruit_chat.country_in(turn.question)  # "how many partners sell in Japan?"
            return Plan("overview", args)
    if (tier_benefits.asks_own_benefit(turn.question) or tier_benefits.asks_tier_benefit(turn.question, mentions.tier)) \
            and not router.says("can_register", turn.question):
        # "how many NFR licences do we get?": our tier's row (not "can I register it to get the discount?");
        # "resale discount for a Platinum partner?": that tier's row
        benefit = _plan_tier_benefit(turn, resolver, mentions)
        if benefit is not None:
            return benefit
    programme_intent = programme.intent_of(turn.question, mentions.kinds())
    if programme_intent == "attribution" and tier_named(turn.question) and "tier" in router.profile_topics(
            turn.question):  # "how much more revenue does <partner> need for platinum?": the tier's gap
        programme_intent = None
    elif not programme_intent and (_won_in_period(turn) or _partner_wins(turn, mentions)):
        programme_intent = "attribution"  # "how much did we win last quarter?", "how many deals did <partner> win?"
    if programme_intent == "attribution" and _TARGET.search(normalise(turn.question)):
        programme_intent = None  # "the revenue target of our 2026 joint plan?": a plan's figure, not what was won
    if programme_intent:
        return _plan_programme(turn, programme_intent, mentions)
    if directory_chat.is_directory_question(turn.question, mentions, lambda text: question_hints(turn.ctx, text)):
        return plan(turn, resolver, "directory", mentions)
    if partner_facts.asks_last_registered(turn.question) and not (mentions.of("opportunity") or mentions.of("account")):
        p = _with_partner(turn, resolver, Plan("last_registered"), mentions)  # "when did <partner> last register?"
        if turn.scope.is_partner and (mentions.foreign_partner or resolver.names_foreign_partner(turn.question)):
            return Plan("last_registered", refusal=say("foreign_partner", turn.lang))
        return p
    if router.says("deal_partner", turn.question):  # "who's the partner on it?": the deal's partner of record
        p = _with_deal(turn, resolver, Plan("deal_partner"), mentions, required=False)
        if p.reply or p.arguments.get("opportunity_id"):
            return p
    if router.says("can_register", turn.question) and router.says("whole_account", turn.question):
        # "dürfen wir den ganzen Account registrieren, alles von <customer>?": the rule, the name an example
        return Plan("search", {"query": "can a partner register a whole account?"})
    if router.says("can_register", turn.question) and router.says("any_deal", turn.question) and not (
            mentions.of("opportunity") or mentions.of("account")):
        kind = next((k for pattern, k in _DEAL_KINDS if pattern.search(normalise(turn.question))), None)
        query = f"can a partner register a {kind}?" if kind else turn.question  # the content's own words
        return Plan("search", {"query": query})  # "posso registrar uma renovação?": the rule for any renewal
    if router.says("can_register", turn.question):  # "can we register it?": the rules for this kind of deal
        p = _with_deal(turn, resolver, Plan("search"), mentions, required=False)
        deal = resolver.opportunities.get(p.arguments.get("opportunity_id", ""))
        kind = router.DEAL_KIND.search(deal.name) if deal else None
        if p.reply or kind:
            return p if p.reply else Plan("search", {"query": f"can a partner register a {kind.group(1).lower()}?",
                                                     "about": deal.opportunity_id})
    if router.asks_rule(turn.question):  # "how long is the AI Studio proof of value?": a rule, not a deal
        mentions.entities = [e for e in mentions.entities if e.kind != "opportunity"
                             or resolver.names_account(turn.question, e.id)]
    intent = router.choose_intent(turn.question, mentions.kinds())
    if router.RUNNER_UP.search(normalise(turn.question)) and (mentions.of("opportunity") or mentions.of("account")) \
            and turn.scope.can("match"):  # "<account>'s runner-up?", "Yamato の二番手候補は？": the second of its match
        p = plan(turn, resolver, "match", mentions)
        if p.arguments.get("opportunity_id") and not (p.question or p.reply or p.refusal):
            p.arguments["rank"] = 2
        return p
    if intent == "match" and mentions.entities:  # "<X> Partners Corp - what stage is it at?": the partner word
        intent = router.choose_intent(_without_names(turn.question, mentions), mentions.kinds())  # is the name's
    programme_q = router.asks_rule(turn.question) or PROGRAMME_Q.search(normalise(turn.question))
    if intent == "match" and (programme_q or router.says("who_to_ask", turn.question)) and not (
            mentions.of("opportunity") or mentions.of("account")):
        intent = "search"  # "who decides when two partners register the same deal?": a rule, no deal to staff
    if intent == "draft" and router.asks_rule(turn.question) and not (mentions.of("partner") or mentions.of("kit")):
        intent = "search"  # "can co-branded social ads be paid with MDF?": what funds pay for, no draft
    if intent == "match" and router.asks_whom_in_the_programme(turn.question, mentions.kinds()):
        intent = "search"  # "who do I talk to about a conflict with another partner?": a person to ask, no ranking
    if intent == "nba" and router.asks_rule(turn.question) and not mentions.entities:
        intent = "search"  # "do we need to keep the opp updated after registering?": no deal to pick
    if router.asks_second_approval(turn.question) and not mentions.of("opportunity") and (
            intent in ("nba", "search", "match") or not _DRAFT_ASKED.search(normalise(turn.question))):
        # "<partner> want 20k for a workshop - does that need a second approver?": the rule, asked in the words of
        # the programme's MDF policy when it is about an activity (the workshop's name is no part of the rule)
        query = mdf_chat.approval_query(turn.question)
        return Plan("search", {"query": query} if query else {})
    named = [e for e in mentions.entities if e.kind in ("opportunity", "account", "partner")]
    missing = None
    if intent == "search" and not mentions.of("partner") and not mentions.foreign_partner:
        # "tier standing for <X Systems>?", "tier for <X Analytics>?": only partners hold a tier, so a name beside a
        # tier word that no partner has is no partner (an account sharing a word of it is not what is asked)
        missing = resolver.unknown_name(turn.question, mentions, _TIER_NOUN, reach=(16, 3), kinds=("partner",))
        if missing and (PROGRAMME_TERM.search(missing) or len(missing.split()) < 2 or tier_named(missing)):
            missing = None
    if missing:
        return Plan("search", reply=say("no_such", turn.lang, what=say("what_partner", turn.lang), name=missing))
    if intent == "search" and not named:
        reach = (14, 24) if router.score_intents(turn.question).of("search") < 1 else (5, 3)  # a rule asked about a
        missing = resolver.unknown_name(turn.question, mentions, router.DEAL_WORD, reach=reach)  # named deal: beside it
        if not missing:  # "when does our <X> reg expire?", "<X> – ist das bei uns registriert?"
            missing = resolver.unknown_name(turn.question, mentions, DEAL_OR_REGISTRATION, reach=reach)
            missing = None if missing and PROGRAMME_TERM.search(missing) else missing
        what = "what_deal"
        if not missing:  # "the <X> partner profile", "partner <X>'s details": a partner that is nowhere
            missing = resolver.unknown_name(turn.question, mentions, router.PARTNER_WORD, reach=(8, 3))
            if missing and (PROGRAMME_TERM.search(missing) or len(missing.split()) < 2 or tier_named(missing)):
                missing = None  # "the Partner Portal", "a Select partner", "a Gold partner": no partner's name
            what = "what_partner" if missing else what
        if not missing:  # "status of Initrode Holdings?": a customer or partner that is nowhere
            missing, what = resolver.unknown_name(turn.question, mentions, STATUS_NEAR), "what_entity"
        if not missing and turn.scope.can("records"):  # "ironbark foods pilot, status?", "saltmarsh - ours?"
            missing, what = resolver.unknown_plain_name(turn.question, mentions, router.DEAL_WORD), "what_entity"
        if missing:  # "next on the Globex deal?": no such deal, rather than passages about deals
            return Plan("search", reply=say("no_such", turn.lang, what=say(what, turn.lang), name=missing))
    if intent == "draft" and MDF_WORDS_RE.search(normalise(turn.question)) and not _DRAFT_ASKED.search(
            normalise(turn.question)):  # "can co-branded social ads be paid with MDF?": the MDF rules, no draft
        return plan(turn, resolver, "search", mentions)
    if intent == "draft" and mentions.of("partner") and router.BRAND_ASKED.search(router.normalise(turn.question)):
        return _plan_profile(turn, resolver, mentions, "contacts")  # "<partner>'s brand colour for the drafts?"
    if intent not in ("draft", "map", "match"):
        thread_deal = bool(turn.thread.state.last_arguments.get("opportunity_id"))
        topic = router.profile_topic(turn.question, mentions.kinds(), turn.scope.is_partner, thread_deal)
        if topic and router.asks_rule(turn.question) and not mentions.entities and not thread_deal and not (
                router.aims_at_tier(turn.question, turn.scope.is_partner)):  # "do we need to reach gold first?" is our gap to that tier
            topic = None  # "how many days do I have to register an opportunity?": the programme's rule
        if topic not in (None, "channel_manager", "contacts") and router.says("who_to_ask", turn.question) \
                and not mentions.entities:
            topic = None  # "who do I talk to about a conflict?": the programme's contact, not our conflicts
        thread_partner = turn.thread.state.last_arguments.get("partner_id")
        if not topic and thread_partner and not mentions.entities and router.says("last_partner", turn.question) \
                and not router.asks_rule(turn.question) and not PROGRAMME_Q.search(normalise(turn.question)):
            topic = next(iter(router.profile_topics(turn.question)), None) or (  # "what are their numbers?",
                _followup_topic(turn.question) if len(turn.question.split()) <= 8 else None)  # "and their certs?"
        if not topic and thread_partner and not mentions.entities and router.says("last_partner", turn.question) \
                and len(turn.question.split()) <= 10 and _followup_topic(turn.question) == "mdf" and router.mdf_period(
                turn.question, turn.ctx.today().year, turn.ctx.today()) and not router.asks_rule(turn.question):
            topic = "mdf"  # "extend it with their MDF for october": that partner's MDF in that period
        if topic:
            return _plan_profile(turn, resolver, mentions, topic)
        if router.profile_topics(turn.question) and not mentions.entities and not thread_deal:
            intent = "search"  # "how long is my deal registration protected?": the programme's rule
        if intent == "nba" and not mentions.entities and router.says("any_deal", turn.question):
            intent = "search"  # "who leads a new logo deal we found ourselves?": the rules of engagement
    return plan(turn, resolver, intent, mentions)


# "can we get a funded proof of value?", "on peut avoir ...?", "haben wir Anspruch auf ...?": whether a benefit of the
# programme applies, which the deal's registration and size decide
_CAN_WE_GET = re.compile(r"\b(can|could|may) (we|i) (get|have|obtain|request|ask for|apply for|claim)\b|\b(are|is) (we|it|this|"
                         r"that)( deal)? eligible\b|\beligible for\b|\bqualif(y|ies) for\b|"
                         r"\b(on peut|peut-on|pouvons-nous|puis-je) (avoir|obtenir|demander|bénéficier)\b|"
                         r"\b(a-t-on|avons-nous|on a) droit\b|\béligible\w*\b|"
                         r"\b(können|dürfen|kann|darf) (wir|ich|ma|mer)\b.{0,40}\b(bekommen|erhalten|beantragen|nutzen)\b|"
                         r"\banspruch auf\b|\b(podemos|puedo|posso|dá pra|da pra) (tener|obtener|pedir|solicitar|"
                         r"conseguir|ter|obter|receber)\b|\b(tenemos|temos) derecho\b|\belegible\w*\b|\belegíve(l|is)\b|"
                         r"(もらえ|受けられ|利用でき|対象にな)")


def _plan_entitlement(turn: Turn, resolver: Resolver, mentions: Mentions) -> Plan | None:
    """A benefit asked of the one deal a question names ("<account> (150k): can we get a vendor-funded proof of
    value?"): the deal's registration and amount, then the programme's passage on the benefit."""
    if not turn.scope.is_partner or not (mentions.of("opportunity") or mentions.of("account")) or router.says(
            "can_register", turn.question):
        return None  # the vendor's "can we get a partner on <deal>?" is a ranking, not a benefit
    if not _CAN_WE_GET.search(normalise(turn.question)) or router.PARTNER_WORD.search(turn.question):
        return None
    deals = _named_deals(resolver, turn.question)
    if len(deals) != 1:
        return None
    return Plan("deal_facts", {"deals": deals, "facts": ["days_left", "amount"], "pick": "", "opportunity_id": deals[0],
                               "rule": _without_names(turn.question, mentions)})


def _plan_extension(turn: Turn, resolver: Resolver, mentions: Mentions) -> Plan | None:
    """A registration extension asked of the one deal a longer question names: its facts and the rule applied."""
    text = normalise(turn.question)
    if not deal_facts.EXTEND.search(text) or router.asks_rule(turn.question) or MDF_WORDS_RE.search(text) or not (
            mentions.of("opportunity") or mentions.of("account")):
        return None
    named = [e.id for e in mentions.of("opportunity")]
    deals = named if len(named) == 1 else _named_deals(resolver, turn.question)
    if len(deals) != 1:
        return None
    return Plan("deal_facts", {"deals": deals, "facts": deal_facts.EXTENSION_FACTS, "pick": "",
                               "opportunity_id": deals[0], "rule": deal_facts.EXTENSION_QUERY})


# "tier standing for <name>", "<name>'s tier", "Stufe von <name>", "niveau de <name>": a tier asked of a named company
_TIER_OF = re.compile(r"\b(tiers?|tier standing|standing|stufe|niveau|nivel|nível|level|partner status)\b|ティア|ランク",
                      re.IGNORECASE)
# asking for a draft: a verb of writing ("draft", "write", "rédige", "escreva", "作成")
_DRAFT_ASKED = re.compile(r"\b(draft\w*|write|writing|create|make|generate|compose|prepare|entwurf|entwirf|schreib\w*|"
                          r"erstell\w*|rédige\w*|écri\w*|prépare\w*|borrador|redact\w*|escrib\w*|rascunho|escrev\w*|"
                          r"crie|cria|prepar\w*)\b|作成|書いて|下書き")


def _won_in_period(turn: Turn) -> bool:
    """ "how much did we win last quarter?", "今年受注した案件は何件？": the won revenue (or deals) of a period asked."""
    asked = won_asked(turn.question) or bool(WON_COUNT.search(normalise(turn.question)))  # or "how many did we win"
    return asked and programme.period_of(turn.question, turn.ctx.today()) != (None, None)


def _partner_wins(turn: Turn, mentions: Mentions) -> bool:
    """ "how many deals did <partner> win this year?", asked by the vendor's people: that partner's wins."""
    return not turn.scope.is_partner and len(mentions.of("partner")) == 1 and bool(
        WON_COUNT.search(normalise(turn.question)))


def _plan_tier_benefit(turn: Turn, resolver: Resolver, mentions: Mentions, last: dict | None = None) -> Plan | None:
    """A benefit of the asker's own tier (a partner seller), or of the partner named (or the thread's, `last`
    arguments): the programme's passage on it, headed by that tier's value."""
    if turn.scope.is_partner and (mentions.foreign_partner or resolver.names_foreign_partner(turn.question)):
        return Plan("search", refusal=say("foreign_partner", turn.lang))
    partners = mentions.of("partner")
    partner_id = turn.scope.partner_id if turn.scope.is_partner else (
        partners[0].id if partners else (last or {}).get("partner_id"))
    named = tier_benefits.tier_asked(turn.question, "", mentions.tier)
    if not partner_id and not named:
        return None
    own = ""
    if partner_id:
        try:
            with turn.ctx.records(turn.scope) as rec:
                own = str(rec.partner(partner_id).tier or "")
        except (Forbidden, NotFound):
            if not named:
                return None
    tier = named or own
    if not tier:
        return None
    # the partner is named in the answer only when the tier is its own ("Alpine IT is Gold: ..."), not when
    # another tier is asked about ("as a Platinum partner")
    return Plan("search", {"query": tier_benefits.query_for(turn.question, tier), "tier": tier,
                           "partner_id": partner_id if own.lower() == tier.lower() else None})


def _without_names(question: str, mentions: Mentions) -> str:
    """The question without the words of the names it was found to say (their words are not cue words)."""
    text = normalise(question)
    for e in mentions.entities:
        for word in mentions.words[e.span[0]:e.span[1]] if e.span else []:
            text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", " ", text, count=1)
    return text


def _plan_programme(turn: Turn, intent: str, mentions: Mentions) -> Plan:
    """Attribution (any role; a partner seller's own figures), at risk and first wins (internal roles)."""
    # a partner matched loosely on a word of the figures asked for ("sourced vs influenced" is not "<X> Influence
    # Lab"): the totals, not that partner
    partners = [e for e in mentions.of("partner") if e.score >= SURE or not programme.names_the_figures(
        " ".join(mentions.words[e.span[0]:e.span[1]]))]
    partner_id = partners[0].id if partners else None
    if turn.scope.is_partner and (partner_id not in (None, turn.scope.partner_id) or mentions.foreign_partner):
        return Plan(intent, refusal=say("foreign_figures", turn.lang))
    if intent == "first_win" and turn.scope.is_partner and turn.scope.can("onboarding"):
        return Plan("first_win_own", {"partner_id": turn.scope.partner_id})  # "when did we win our first deal?"
    if intent != "attribution" and not turn.scope.is_internal:
        return Plan(intent, refusal=say("portfolio_internal", turn.lang))
    start, end = programme.period_of(turn.question, turn.ctx.today())
    quiet = {"declining": True} if intent == "at_risk" and programme.QUIET.search(turn.question) else {}
    if intent == "at_risk" and turn.scope.role == "channel_manager" and overview_chat.asks_own_book(turn.question):
        return Plan(intent, {"channel_manager": turn.scope.user_id, **quiet})  # "which of my partners are at risk?"
    if quiet:  # "who has gone quiet on the portal?": the partners whose engagement is falling
        return Plan(intent, {"partner_id": partner_id, **quiet})
    ranked = programme.ropi_rank(turn.question) if intent == "attribution" and not partner_id else None
    if ranked and turn.scope.is_internal:  # "which of my platinum partners has the lowest ROPI?"
        mine = turn.scope.role == "channel_manager" and overview_chat.asks_own_book(turn.question)
        return Plan(intent, {"from_date": start, "to_date": end, "rank": ranked, "tier": tier_named(turn.question),
                             "channel_manager": turn.scope.user_id if mine else None})
    return Plan(intent, {"partner_id": partner_id, "from_date": start, "to_date": end})


def _plan_recruit(turn: Turn, coverage: bool = False) -> Plan:
    """Which companies to recruit as partners; the filters are the country, industry, product named."""
    if not turn.scope.can("recruit"):
        return Plan("recruit", refusal=forbidden_message(turn.scope, intent="recruit", lang=turn.lang))
    values = filter_values(turn.ctx, turn.scope)
    args = {"country": recruit_chat.country_in(turn.question),
            "industry": recruit_chat.named(turn.question, values["industry"]),
            "product": recruit_chat.named(turn.question, values["product"])}
    return Plan("recruit", {k: v for k, v in {**args, "coverage": coverage}.items() if v})


def _plan_onboarding(turn: Turn, resolver: Resolver, mentions: Mentions) -> Plan:
    """A partner's onboarding plan: a partner seller's own, or the partner named (internal roles)."""
    if not turn.scope.can("onboarding"):
        return Plan("onboarding", refusal=forbidden_message(turn.scope, intent="onboarding", lang=turn.lang))
    if turn.scope.is_partner and mentions.foreign_partner:
        return Plan("onboarding", refusal=say("foreign_partner", turn.lang))
    return _with_partner(turn, resolver, Plan("onboarding"), mentions)


def _plan_profile(turn: Turn, resolver: Resolver, mentions: Mentions, topic: str) -> Plan:
    """A partner's own standing: their partner (a partner seller) or the partner named; for a deal's
    registration, the deal named or the one the conversation is about ("is it still protected?")."""
    if turn.scope.is_partner and (mentions.foreign_partner or resolver.names_foreign_partner(turn.question)):
        return Plan("profile", refusal=say("foreign_partner", turn.lang))
    p = Plan("profile", {"topic": topic})
    if topic == "activity":  # "how many portal logins last month?": that month, else the quarter asked
        period = router.month_asked(turn.question, turn.ctx.today()) or router.mdf_period(
            turn.question, turn.ctx.today().year)
        if period:
            p.arguments["period"] = period
    if topic in ("mdf", "win_rate"):  # "MDF left this quarter?", "our win rate this year?"
        period = router.mdf_period(turn.question, turn.ctx.today().year, turn.ctx.today())
        if period:
            p.arguments["period"] = period
    window = router.date_window(turn.question, turn.ctx.today()) if topic in ("deals", "registrations") else None
    if window and (topic == "deals" or not (mentions.of("opportunity") or mentions.of("account"))):
        p.arguments["window"] = [window[0].isoformat(), window[1].isoformat()]  # "closing this month", "expiring
        #                                                                         in the next 2 weeks"
    elif topic == "registrations" and router.asks_still_running(turn.question) and not (
            mentions.of("opportunity") or mentions.of("account")):
        p.arguments["window"] = [turn.ctx.today().isoformat(), ""]  # "our active regs?": those not ended yet
    if topic == "deals" and router.asks_stalled_deals(turn.question):
        p.arguments["stalled"] = True  # "any stalled deals?": those quiet beyond their stage's norm
    if topic == "deals" and deal_stage(turn.question):
        p.arguments["stage"] = deal_stage(turn.question)  # "which deals are in negotiation?"
    if topic == "deals" and deal_facts.asks_biggest(turn.question):
        p.arguments["pick"] = "biggest"  # "our biggest open deal?": that one deal
    elif topic == "deals" and deal_facts.asks_by_size(turn.question):
        p.arguments["pick"] = "by_size"  # "list our open deals, biggest first": all of them, largest first
    if topic in ("tier", "certifications") and tier_named(turn.question):
        p.arguments["tier"] = tier_named(turn.question)  # "what do we still need for silver?"
    if topic == "registrations":
        last = turn.thread.state.last_arguments.get("opportunity_id")
        registered = _registered(turn, resolver, resolver.deals_for(mentions)) if mentions.of("account") else []
        if len(registered) == 1 and not mentions.of("opportunity"):
            p.arguments["opportunity_id"] = registered[0]  # of the account's deals, the one registered
        elif mentions.of("opportunity") or mentions.of("account"):
            p = _with_deal(turn, resolver, p, mentions, required=True)
            if p.question or p.reply:
                return p
        elif last and router.says("last_deal", turn.question):
            p.arguments["opportunity_id"] = last
        if p.arguments.get("opportunity_id") and not turn.scope.is_partner and not mentions.of("partner"):
            return p  # the tool takes the deal's partner
    return _with_partner(turn, resolver, p, mentions)


def _registered(turn: Turn, resolver: Resolver, deals: list[str]) -> list[str]:
    """Of `deals`, those a partner registered ("the registration on the <account> deal")."""
    return [d for d in deals if d in resolver.opportunities and resolver.opportunities[d].registered]


def pick_candidate(question: str, candidates: list[Candidate]) -> str | None:
    """The candidate a reply designates: by position, by id, or by (most of) its name."""
    index = router.choice_index(question, len(candidates), [c.label for c in candidates])
    if index is not None:
        return candidates[index].id
    text = fold(question).strip(" ?!.")
    for c in candidates:
        if fold(c.id) == text or fold(c.id) in text.split():
            return c.id
    scored = sorted(((fuzz.partial_ratio(text, fold(c.label)), c.id) for c in candidates), reverse=True)
    if (
        scored
        and len(text) >= 4
        and scored[0][0] >= 85
        and (len(scored) == 1 or scored[0][0] - scored[1][0] >= 8)
    ):
        return scored[0][1]
    return None


# --- planning: intent + mentions -> arguments or a question back ---------------------------------


def plan(turn: Turn, resolver: Resolver, intent: str, mentions: Mentions, base: dict | None = None) -> Plan:
    capability = router.INTENT_CAPABILITY.get(intent)
    if capability and not turn.scope.can(capability):
        return Plan(intent, refusal=forbidden_message(turn.scope, intent=intent, lang=turn.lang))
    if turn.scope.is_partner and mentions.foreign_partner and intent in ("map", "nba", "draft"):
        return Plan(intent, refusal=say("foreign_partner", turn.lang))
    if intent == "search":  # "bei wem beantrag ich das?" after the extension rule: about that rule
        previous = next((m["content"] for m in reversed(turn.thread.messages) if m.get("role") == "user"), None)
        return Plan("search", {"query": router.search_followup(turn.question, previous)})
    if intent == "directory":
        return Plan("directory", {"query": turn.question, "k": answers.PAGE})
    if intent == "map":
        return _with_partner(turn, resolver, Plan("map"), mentions)
    if intent == "match":
        return _with_deal(turn, resolver, Plan("match", {"top": answers.PAGE}), mentions, required=True)
    if intent == "nba":
        return _plan_nba(turn, resolver, mentions)
    return _plan_draft(turn, resolver, mentions, base or {})


def _with_partner(turn: Turn, resolver: Resolver, p: Plan, mentions: Mentions) -> Plan:
    partners = mentions.of("partner")
    if partners:
        tied = [e for e in partners if e.score >= partners[0].score - 2 and e.span == partners[0].span]
        if len(tied) > 1:
            return _ask_back(
                p,
                "partner_id",
                say("which_partner", turn.lang),
                [Candidate(id=e.id, label=f"{e.label} [{e.id}]") for e in tied],
                turn.lang,
            )
        p.arguments["partner_id"] = partners[0].id
    elif turn.scope.is_partner:
        p.arguments["partner_id"] = turn.scope.partner_id
    elif turn.thread.state.last_arguments.get("partner_id") and router.says("last_partner", turn.question):
        p.arguments["partner_id"] = turn.thread.state.last_arguments["partner_id"]  # "them": the last partner
    else:
        missing = resolver.unknown_name(turn.question, mentions, router.PARTNER_WORD)
        what = "what_partner"
        if not missing:
            missing, what = resolver.unknown_name(turn.question, mentions, NAMED_DEAL_NEAR), "what_entity"
        if not missing:
            missing, what = resolver.unknown_name(turn.question, mentions, STATUS_NEAR), "what_entity"
        if not missing:
            missing, what = resolver.unknown_name(turn.question, mentions, ABOUT_NEAR, reach=(6, 0)), "what_partner"
        if not missing and p.intent == "onboarding":  # "el onboarding de <X>", "Onboarding von <X>": whose plan
            missing, what = resolver.unknown_name(turn.question, mentions, OF_NEAR, reach=(6, 0)), "what_partner"
        if not missing and p.intent == "draft":
            missing, what = resolver.unknown_name(turn.question, mentions, FOR_NEAR, reach=(6, 0)), "what_partner"
            if missing and recruit_chat.country_in(missing):
                missing = None  # "an email for Japan": a market, not a partner's name
        if missing:
            p.reply = say("no_such", turn.lang, what=say(what, turn.lang), name=missing)
            return p
        p.question = say("which_partner_hint", turn.lang)
        p.slot = "partner_id"
    return p


def _with_deal(turn: Turn, resolver: Resolver, p: Plan, mentions: Mentions, required: bool) -> Plan:
    named = mentions.of("opportunity") + mentions.of("account")
    if not named or max(e.score for e in named) < SURE:
        missing = resolver.unknown_name(turn.question, mentions, NAMED_DEAL_NEAR)
        if missing:  # "the Globex deal" when there is no Globex: say so rather than list other deals
            p.reply = say("no_such", turn.lang, what=say("what_deal", turn.lang), name=missing)
            return p
        missing = resolver.unknown_name(turn.question, mentions, STATUS_NEAR)
        if missing:  # "how is Pacific Rim Data doing?" when only "Pacific Rim <something>" exists
            p.reply = say("no_such", turn.lang, what=say("what_entity", turn.lang), name=missing)
            return p
    if not named:
        missing = resolver.unknown_plain_name(turn.question, mentions, router.DEAL_WORD)
        if missing:  # "globex deal, next steps?" typed in lower case: no such deal, rather than a list to pick from
            p.reply = say("no_such", turn.lang, what=say("what_deal", turn.lang), name=missing)
            return p
    if not named:
        last = turn.thread.state.last_arguments.get("opportunity_id")
        if last and router.says("last_deal", turn.question):
            p.arguments["opportunity_id"] = last
            return p
    deals = resolver.deals_for(mentions)
    best = resolver.best_deal(deals, mentions.words) if deals else None
    if best:
        p.arguments["opportunity_id"] = best
        return p
    if deals:
        candidates = [Candidate(id=d, label=resolver.deal_label(d)) for d in deals[:MAX_CANDIDATES]]
        return _ask_back(p, "opportunity_id", say("which_deal", turn.lang), candidates, turn.lang)
    if required:
        p.question = say("which_deal_hint", turn.lang)
        p.slot = "opportunity_id"
    return p


def _ask_back(p: Plan, slot: str, question: str, candidates: list[Candidate], lang: str = "en") -> Plan:
    p.slot, p.candidates = slot, candidates
    lines = [question] + [f"{i}. {c.label}" for i, c in enumerate(candidates, 1)]
    p.question = "\n".join(lines) + "\n" + say("reply_with", lang)
    return p


def _plan_nba(turn: Turn, resolver: Resolver, mentions: Mentions) -> Plan:
    p = Plan("nba")
    about_deal = bool(mentions.of("opportunity") or mentions.of("account") or mentions.my_deal)
    whole_pipeline = re.search(r"\b(pipeline|deals|registrations|regs|opportunities|opps|renewals)\b|"
                               r"\b(any|which|all) of (my|our)\b", turn.question, re.IGNORECASE)
    if about_deal and whole_pipeline and not (mentions.of("opportunity") or mentions.of("account")):
        about_deal = False  # "my pipeline", "my deals": the partner's view covers all of them
    elif not about_deal and router.DEAL_WORD.search(turn.question) and not mentions.of("partner"):
        about_deal = (turn.scope.is_partner and not whole_pipeline) or bool(mentions.of("account"))
    if about_deal:
        return _with_deal(turn, resolver, p, mentions, required=True)
    if not mentions.entities:  # "next steps with Ostrander Mills?": a customer or partner that is nowhere
        missing = resolver.unknown_name(turn.question, mentions, STATUS_NEAR)
        if missing:
            return Plan("nba", reply=say("no_such", turn.lang, what=say("what_entity", turn.lang), name=missing))
    return _with_partner(turn, resolver, p, mentions)


def _plan_draft(turn: Turn, resolver: Resolver, mentions: Mentions, base: dict) -> Plan:
    keep = ("kit_id", "locale", "channel", "partner_id", "account_id")
    p = Plan("draft", {k: v for k, v in base.items() if k in keep and v is not None})
    if mentions.channel:
        p.arguments["channel"] = mentions.channel
    if mentions.locale:
        p.arguments["locale"] = mentions.locale
    if mentions.of("account"):
        p.arguments["account_id"] = mentions.of("account")[0].id
    if mentions.of("partner") or "partner_id" not in p.arguments:
        if mentions.of("partner") and not mentions.of("account"):
            p.arguments.pop("account_id", None)  # a new partner: the last account was that partner's
        p = _with_partner(turn, resolver, p, mentions)
        if p.question:
            return p
    kits = mentions.of("kit")
    if kits:
        tied = [e for e in kits if e.score >= kits[0].score - 2]
        if len(tied) > 1:
            return _ask_back(
                p, "kit_id", say("which_kit", turn.lang), [Candidate(id=e.id, label=e.label) for e in tied],
                turn.lang,
            )
        p.arguments["kit_id"] = kits[0].id
    elif "kit_id" not in p.arguments:
        taken = {fold(w) for e in mentions.entities for w in e.label.split()}
        named = draft_options.kit_named(turn.question, resolver.kits, taken)  # "kit de IA": the AI Studio kit
        missing = None if named else draft_options.unknown_kit(turn.question, resolver.kits, taken)
        if missing:  # "the webinar kit" when there is none: say so and name the kits there are
            return Plan("draft", reply=draft_options.no_such_kit(missing, resolver.kits, turn.lang))
        if named or len(resolver.kits) == 1:
            p.arguments["kit_id"] = named or next(iter(resolver.kits))
        else:
            kits_c = [Candidate(id=k, label=f"{n} [{k}]") for k, n in sorted(resolver.kits.items())][:8]
            return _ask_back(p, "kit_id", say("which_kit_draft", turn.lang), kits_c, turn.lang)
    p.arguments.setdefault("channel", "email")
    if not turn.scope.can("records") and draft_options.asks_personalised(turn.question):
        p.note = draft_options.say_no_account(turn.lang)  # a marketer drafts for the partner, not an account
    if not p.arguments.get("locale"):
        p.arguments["locale"] = _default_locale(turn, resolver, p)
    return p


def _default_locale(turn: Turn, resolver: Resolver, p: Plan) -> str:
    """A partner seller's own locale; else the partner's first language (the draft is for the partner's
    customers), else the asker's locale, else the vendor's default."""
    if turn.scope.is_partner and turn.scope.locale:
        return turn.scope.locale
    partner_id = p.arguments.get("partner_id")
    if partner_id:
        try:
            with turn.ctx.records(turn.scope) as rec:
                languages = rec.partner(partner_id).languages or []
            if languages:
                return languages[0]
        except (Forbidden, NotFound):
            pass  # the tool will say so
    return turn.scope.locale or str(turn.ctx.vendor().get("default_locale") or "en")


# --- execution -----------------------------------------------------------------------------------


def execute(turn: Turn, resolver: Resolver, p: Plan) -> AskResponse:
    """Carry out `p`: ask back, refuse or call its tool; then advance the thread (`remember`)."""
    turn.thread.state.workflow = {}  # this answer is the last one now, whatever happens
    without_tool = p.refusal or p.question or p.reply
    if without_tool:
        remember(turn.thread, p)
        turn.withheld = turn.withheld or bool(p.refusal)
        return turn.response(without_tool, intent=p.intent, candidates=p.candidates)
    turn.thread.state.pending = None  # a new question: drop our question back, if any
    try:
        text, shown = _run(turn, resolver, p)
    except Forbidden as exc:
        turn.withheld = True
        return turn.response(forbidden_message(turn.scope, exc, lang=turn.lang), intent=p.intent)
    except NotFound as exc:
        return turn.response(say("not_found", turn.lang, detail=exc.message), intent=p.intent)
    remember(turn.thread, p, shown)
    turn.thread.state.choices, turn.thread.state.choice_slot = list(turn.choices), turn.choice_slot
    if p.note:
        turn.withheld = True
        text = f"{p.note}\n\n{text}"
    return turn.response(text, intent=p.intent)


def _run(turn: Turn, resolver: Resolver, p: Plan) -> tuple[str, int]:
    """Call the tool; (answer text, results shown)."""
    args, start = p.arguments, p.start
    if p.intent == "attribution":
        call = {k: v for k, v in args.items() if k not in ("rank", "tier", "channel_manager")}
        attribution = turn.call("programme_attribution", call, AttributionResponse)
        keep = None
        if args.get("tier") or args.get("channel_manager"):  # the partners asked about: a tier, the asker's own
            with turn.ctx.records(turn.scope) as rec:
                keep = {p.partner_id for p in rec.partners()
                        if (not args.get("tier") or (p.tier or "").lower() == args["tier"])
                        and (not args.get("channel_manager") or p.channel_manager == args["channel_manager"])}
        return programme.attribution_answer(attribution, args.get("partner_id"), turn.lang, args.get("rank"),
                                            keep), len(attribution.partners)
    if p.intent in ("at_risk", "first_win"):
        portfolio = turn.call("programme_portfolio", {}, PortfolioResponse)
        if p.intent == "at_risk":
            listed = programme.at_risk_listed(portfolio, args.get("channel_manager"), bool(args.get("declining")))
            turn.choices = [Candidate(id=pid, label=resolver.partner_names.get(pid, pid)) for pid in listed]
            turn.choice_slot = "partner_id"  # "what should I do with them?": the first one listed
            return programme.at_risk_answer(portfolio, turn.lang, args.get("channel_manager"),
                                            bool(args.get("declining"))), len(portfolio.at_risk)
        return programme.first_win_answer(portfolio, args.get("partner_id"), turn.lang,
                                          lambda pid, day: _won_on(turn, resolver, pid, day)), 1
    if p.intent == "first_win_own":
        plan = turn.call("onboarding", {"partner_id": args["partner_id"], "locale": turn.lang}, OnboardingPlan)
        return programme.own_first_win_answer(plan, turn.lang), 1
    if p.intent == "registration_facts":
        turn.record("list_registrations", {"registration_ids": args["registration_ids"]})
        regs = [r for r in list_registrations(turn.ctx, turn.scope).registrations
                if r.registration_id in args["registration_ids"]]
        return registration_facts.registrations_answer(regs, turn.lang, not turn.scope.is_partner), len(regs)
    if p.intent == "last_registered":
        with turn.ctx.records(turn.scope) as rec:
            registered = [(o.opportunity_id, o.created_on) for o in rec.opportunities(partner_id=args["partner_id"])
                          if o.registered_by == args["partner_id"]]
        return partner_facts.last_registered_answer(_partner_label(resolver, args["partner_id"]), registered,
                                                    turn.ctx.today(), resolver.deal_label, turn.lang), 1
    if p.intent == "deal_partner":
        with turn.ctx.records(turn.scope) as rec:
            opp = rec.opportunity(args["opportunity_id"])
            partner_id, role, registered = opp.partner_id, opp.partner_role, opp.registered_by
        label = resolver.deal_label(args["opportunity_id"])
        visible = [x for x in (partner_id, registered) if x and x in resolver.partner_names]
        if visible:
            args["partner_id"] = visible[0]  # "what should we do with them?" next
        sellers = None
        if visible and (args.get("sellers") or followup_chat.WHO_SELLER.search(turn.question)):
            people = turn.call("partner_profile", {"partner_id": visible[0], "topic": "contacts"}, ProfileResult)
            sellers = [u.name or u.user_id for u in (people.contacts.users if people.contacts else [])]
        return followup_chat.deal_partner_answer(label, partner_id, role, registered, resolver.partner_names,
                                                 turn.lang, sellers), 1
    if p.intent == "deal_facts":
        found = deal_facts.deal_facts(turn, args["deals"], args["facts"], args.get("pick", ""))
        turn.choices = [Candidate(id=d.opportunity_id, label=resolver.deal_label(d.opportunity_id)) for d in found]
        text = deal_facts.facts_answer(found, args["facts"], args.get("pick", ""), resolver.deal_label,
                                       turn.ctx.today(), turn.lang)
        if args.get("rule") and found:  # "can I extend it?": the programme's rule beside the deal's facts
            rule = _search(turn, args["rule"], 0)[0]
            verdict = extension_rule.extension_verdict(found[0], rule, turn.ctx.today(), turn.lang) if (
                len(found) == 1 and args["rule"] == deal_facts.EXTENSION_QUERY) else None
            text += "\n" + (f"{verdict}\n" if verdict else "") + rule  # the rule applied, then the rule
        return text, len(found)
    if p.intent == "overview":
        overview = turn.call("records_overview", args, OverviewResult)
        if overview.partners:  # "how much exactly?", "the second one": the partners listed
            turn.choices = [Candidate(id=pid, label=resolver.partner_names.get(pid, pid))
                            for pid in overview_chat.partners_listed(overview)]
            turn.choice_slot = "partner_id"
        elif overview.deals:  # "how many days left on the second one?": the deals listed
            turn.choices = [Candidate(id=d.opportunity_id, label=resolver.deal_label(d.opportunity_id))
                            for d in overview.deals[:overview_chat.LIST_MAX]]
        return overview_chat.answer(overview, resolver.partner_names, turn.lang, turn.scope.can), 1
    if p.intent == "recruit":  # "and who else?" pages on through the ranking
        filters = {k: v for k, v in args.items() if k != "coverage"}
        ranked = turn.call("recruit_partners", {**filters, "top": 100}, RecruitResponse)
        one = None if start else recruit_chat.named_candidate(turn.question, ranked)
        if one:  # "is <company> on the candidate list new to us?": that candidate first
            return one + "\n" + recruit_chat.answer(ranked, start, turn.lang), recruit_chat.PAGE
        if args.get("coverage") and not start:  # the gaps first, then who could fill them
            return recruit_chat.coverage_answer(ranked) + "\n" + recruit_chat.answer(ranked, start, turn.lang), recruit_chat.PAGE
        return recruit_chat.answer(ranked, start, turn.lang), recruit_chat.PAGE
    if p.intent == "search" and args.get("tier") and not start:  # a benefit of this tier: its value first
        cell, best, asked = None, None, None
        english = tier_benefits.english_query(turn.question)  # the benefit in the tables' words, asked in another language
        queries = (turn.question, args["query"], *([english] if english else []), tier_benefits.TABLE_QUERY)
        for query in queries:  # as asked, then the table's
            table = query == tier_benefits.TABLE_QUERY  # every row of a benefits table split over passages
            found = turn.call("search_content", {"query": query, "k": tier_benefits.TABLE_DEPTH if table else
                                                 answers.PAGE}, SearchToolResult)
            asked = asked or found  # the search of the question as asked
            line = tier_benefits.benefit_line(turn.question, [found.answer if found.found else ""]
                                              + [r.text for r in found.results], args["tier"],
                                              first=not table)
            score = tier_benefits.asked_words(turn.question, line[0]) if line else -1
            if line and (best is None or score > best[0]):
                best = (score, line, query, found)
            if line and score >= 2:  # the row names what was asked ("resale" and "discount"): no need to go on
                break
        if best and tier_benefits.asks_registration_benefit(turn.question) and not re.search(
                r"regist", best[1][0], re.IGNORECASE):  # a registered deal's discount, no column of the table's
            rule = turn.call("search_content", {"query": tier_benefits.REGISTRATION_QUERY, "k": answers.PAGE},
                             SearchToolResult)
            if rule.found:
                best, asked = None, rule
                text, shown = _search(turn, tier_benefits.REGISTRATION_QUERY, start, rule)
                return text, shown
        if best:
            _, cell, query, found = best
            if best[0] < 2 and asked is not None and asked.found and cell[1] not in asked.answer:
                # a row sharing one word with the question ("discount") while the rule asked about is stated in
                # its own words elsewhere ("8 extra discount points on a registered deal"): that rule answers
                cell, query, found = None, turn.question, asked
        text, shown = _search(turn, query, start, found) if cell else _search(turn, turn.question, start, asked)
        row = next((r for r in found.results if cell in tier_benefits.tier_cells(r.text, args["tier"])), None) \
            if cell else None
        if row is not None and not (found.found and cell in tier_benefits.tier_cells(found.answer, args["tier"])):
            turn.citations = []  # the passage holding the row asked about, not the search's answer to other words
            turn.cite(answers.citations_from_search([row]))
            text = f"{row.text} [{row.title}]"
        if cell and args.get("partner_id"):
            head = say("tier_benefit", turn.lang, partner=_partner_label(resolver, args["partner_id"]),
                       tier=args["tier"], benefit=cell[0], value=cell[1])
            text = f"{head}\n{text}"
        elif cell:  # a tier asked about, not the partner's own
            head = say("tier_benefit_of", turn.lang, tier=args["tier"][:1].upper() + args["tier"][1:],
                       benefit=cell[0], value=cell[1])
            text = f"{head}\n{text}"
        return text, shown
    if p.intent == "search" and args.get("locale") and not start:  # the same question, passages in that language
        found = turn.call("search_content", {"query": args["query"], "k": answers.PAGE, "locale": args["locale"]},
                          SearchToolResult)
        return _search(turn, args["query"], start, found if found.found or found.results else None)
    if p.intent == "search":
        text, shown = _search(turn, args["query"], start)
        if args.get("about"):  # the rule was looked up for this deal's kind
            text = f"{resolver.deal_label(args['about'])}:\n{text}"
        return text, shown
    if p.intent == "onboarding":
        lang = onboarding_chat.cue_language(turn.question) or turn.lang
        plan = turn.call("onboarding", {"partner_id": args["partner_id"], "locale": lang}, OnboardingPlan)
        data = plan.model_dump(mode="json")
        if onboarding_chat.asks_tenure(turn.question):  # "how long have we been a partner?"
            return onboarding_chat.tenure_answer(data, lang), 1
        if onboarding_chat.asks_due(turn.question):  # "by when do we need our first certified installer?": the
            found = turn.call("search_content", {"query": turn.question, "k": 8}, SearchToolResult)  # programme's day
            documents = _documents(turn, [r.doc_id for r in found.results if r.source_type == "programme"][:3])
            due = onboarding_chat.due_answer(data, documents, turn.question, lang)  # from our joining date
            if due is None:  # no schedule in the content names it: the plan's step of that kind, else the passages
                step = onboarding_chat.plan_step_due(data, turn.question, lang)
                return (step, 1) if step else _search(turn, turn.question, 0, found)
            turn.cite(answers.citations_from_search(found.results[:1]))
            return due, 1
        turn.cite(content_citations(turn, onboarding_chat.plan_content(plan)))
        answer = onboarding_chat.plan_answer(data, lang, onboarding_chat.days_asked(turn.question))
        return answer, 1
    if p.intent == "directory":
        found = turn.call("find_partners", {**args, "k": start + answers.PAGE})
        data = found.model_dump(mode="json") if isinstance(found, BaseModel) else found
        return directory_chat.directory_answer(data, start, answers.PAGE), answers.PAGE
    if p.intent == "match":
        top = max(int(args.get("top") or answers.PAGE), start + answers.PAGE)
        matched = turn.call("match_partners", {"opportunity_id": args["opportunity_id"], "top": top}, MatchResponse)
        label = resolver.deal_label(args["opportunity_id"])
        focus = [i for i, m in enumerate(matched.partners) if m.partner_id == args.get("partner_id")] or (
            [args["rank"] - 1] if args.get("rank") and len(matched.partners) >= args["rank"] else [])
        if focus and args.get("why") and focus[0] > 0:  # "why?" after the second: beside the one ranked above
            return answers.match_answer(matched, label, focus[0] - 1, size=2, lang=turn.lang), 0
        if focus:  # "why the first one?": that partner's place and reasons
            return answers.match_answer(matched, label, focus[0], size=1, lang=turn.lang), 0
        turn.choices = [Candidate(id=m.partner_id, label=m.name or m.partner_id)
                        for m in matched.partners[start : start + answers.PAGE]]
        turn.choice_slot = "partner_id"
        return answers.match_answer(matched, label, start, lang=turn.lang), answers.PAGE
    if p.intent == "map":
        mapping = turn.call("map_accounts", {"partner_id": args["partner_id"]}, MappingResponse)
        own = turn.scope.is_partner and args["partner_id"] == turn.scope.partner_id  # told from the partner's side
        vendor = (turn.ctx.vendor() or {}).get("name") or "the vendor" if own else None
        text, withheld = answers.mapping_answer(mapping, _partner_label(resolver, args["partner_id"]), start,
                                                 lang=turn.lang, vendor=vendor,
                                                 asked=populations_asked(turn.question) if own else None)
        turn.withheld = turn.withheld or withheld
        return text, 10
    if p.intent == "nba":
        actions = turn.call(
            "next_best_actions",
            {"partner_id": args.get("partner_id"), "opportunity_id": args.get("opportunity_id")},
            NbaResponse,
        )
        turn.cite(content_citations(turn, [c for a in actions.actions for c in a.content]))
        label = (
            resolver.deal_label(args["opportunity_id"])
            if args.get("opportunity_id")
            else _partner_label(resolver, args["partner_id"])
        )
        return answers.nba_answer(actions, label, start, lang=turn.lang), answers.PAGE
    if p.intent == "profile":
        profile = turn.call("partner_profile", {k: v for k, v in args.items() if k not in ("pick", "window")},
                            ProfileResult)
        if args.get("window") and profile.topic in ("deals", "registrations") and not profile.asked_deal:
            return _in_window(turn, resolver, profile, args["window"])
        if args.get("pick") == "biggest" and profile.deals:  # "our biggest open deal?": that one, of how many
            biggest = max(profile.deals, key=lambda d: d.amount or 0)
            head = say("deals_biggest", turn.lang, partner=_partner_label(resolver, profile.partner_id),
                       n=len(profile.deals))
            turn.choices = [Candidate(id=biggest.opportunity_id, label=resolver.deal_label(biggest.opportunity_id))]
            return head + "\n" + answers.deal_line(biggest, resolver.deal_label, turn.lang), 1
        if args.get("pick") == "by_size":  # "biggest first": the list (and "the second one") by amount
            profile.deals.sort(key=lambda d: -(d.amount or 0))
        turn.choices = [Candidate(id=d.opportunity_id, label=resolver.deal_label(d.opportunity_id))
                        for d in answers.profile_deals(profile)]
        return answers.profile_answer(profile, resolver.deal_label, turn.lang), 1
    draft = turn.call("draft_content", args, DraftResponse)
    return answers.draft_answer(draft, _partner_label(resolver, args["partner_id"]), turn.lang), 1


def _won_on(turn: Turn, resolver: Resolver, partner_id: str, day: str) -> list[str]:
    """The labels of the partner's deals (engaged or registered) won on `day`."""
    with turn.ctx.records(turn.scope) as rec:
        won = [o.opportunity_id for o in rec.opportunities(partner_id=partner_id)
               if o.stage == "closed_won" and str(o.close_date) == day]
    return [resolver.deal_label(d) for d in won]


def _in_window(turn: Turn, resolver: Resolver, profile: ProfileResult, window: list[str]) -> tuple[str, int]:
    """The deals closing (topic deals) or registrations ending (topic registrations) between the window's dates."""
    start, end = (dt.date.fromisoformat(d) if d else None for d in window)
    partner = _partner_label(resolver, profile.partner_id)
    if end is None:  # the registrations still protected today
        found = [d for d in profile.deals if d.registered_by_partner and d.protection_ends
                 and d.protection_ends >= start]
        head, none = "window_running", "window_running_none"
    elif profile.topic == "deals":
        found = [d for d in profile.deals if d.close_date and start <= d.close_date <= end]
        head, none = "window_close", "window_close_none"
    else:
        found = [d for d in profile.deals if d.registered_by_partner and d.protection_ends
                 and start <= d.protection_ends <= end]
        head, none = "window_expiry", "window_expiry_none"
    turn.choices = [Candidate(id=d.opportunity_id, label=resolver.deal_label(d.opportunity_id)) for d in found]
    if not found:
        text = say(none, turn.lang, partner=partner, start=start, end=end)
        lapsed = [d for d in profile.deals if d.registered_by_partner and d.protection_ends] if end is None else []
        if lapsed:  # "any registered deals right now?": none protected, but say which registrations have lapsed
            text += "\n" + "\n".join(answers.reg_line(d, resolver.deal_label, turn.lang)
                                      for d in lapsed[:answers.DEALS_SHOWN])
        return text, 0
    lines = [f"{partner}: " + say(head, turn.lang, start=start, end=end, n=len(found))]  # "how many ...?" answered
    for d in found[:answers.DEALS_SHOWN]:
        lines.append(answers.deal_line(d, resolver.deal_label, turn.lang) if profile.topic == "deals"
                     else answers.reg_line(d, resolver.deal_label, turn.lang))
    return "\n".join(lines), len(found)


# The mapping's account populations as people name them
_POPULATIONS = (("customer", re.compile(r"\b(customers?|clients?|clientes?|kunden|kundinnen|bestandskunden)\b|顧客")),
                ("prospect", re.compile(r"\b(prospects?|prospekt\w*|prospectos?|interessenten|clientes potenci\w*)\b|"
                                        r"見込み(客|顧客)")),
                ("open_opportunity", re.compile(r"\b(open (deals?|opportunit\w*)|offene\w* (deals?|chancen)|"
                                                r"opportunités ouvertes|oportunidades abiertas|oportunidades abertas)\b|"
                                                r"商談中")))


def populations_asked(question: str) -> tuple[str, str] | None:
    """(ours, the vendor's) of "how many of our customers are <vendor>'s prospects?": the first population named is
    the asker's own, the second the vendor's; None unless two different ones are named."""
    text = normalise(question)
    found = sorted((m.start(), name) for name, pattern in _POPULATIONS for m in [pattern.search(text)] if m)
    return (found[0][1], found[1][1]) if len(found) == 2 else None


def _documents(turn: Turn, doc_ids: list[str]) -> list[tuple[str, str]]:
    """(title, whole text) of the documents, once each, that the asker may read."""
    documents = []
    for doc_id in dict.fromkeys(doc_ids):
        try:
            view = read_document(turn.ctx, turn.scope, doc_id)
        except NotFound:
            continue
        documents.append((view.title, "\n\n".join(  # a section's own heading too: "Days 60-90: first deal"
            f"{(section.heading or '').split(' > ')[-1]}\n{section.text}".strip() for section in view.sections)))
    return documents


def _partner_label(resolver: Resolver, partner_id: str) -> str:
    name = resolver.partner_names.get(partner_id)
    return f"{name} ({partner_id})" if name else partner_id


def _search(turn: Turn, query: str, start: int, found: SearchToolResult | None = None) -> tuple[str, int]:
    """The search tool's extractive answer and citations when it gives one; else the best passages."""
    found = found or turn.call("search_content", {"query": query, "k": start + answers.PAGE}, SearchToolResult)
    results = found.results[start:]
    if found.answer and found.found and not start:
        turn.cite(answers.citations_from_answer(found.citations) or answers.citations_from_search(results))
        return found.answer, answers.PAGE
    turn.cite(answers.citations_from_search(results))  # no direct answer: the closest passages, quoted
    return answers.search_answer(results, direct=start > 0,
                                 closest=None if start else found.closest, lang=turn.lang), answers.PAGE


