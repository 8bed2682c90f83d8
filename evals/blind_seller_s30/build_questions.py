"""Build questions.yaml of the blind s30 set from the demo import folder.

    python -m evals.blind_seller_s30.build_questions            # writes questions.yaml next to this file
    python -m evals.blind_seller_s30.build_questions --check    # fails if questions.yaml is stale

Every expected figure, name and date is computed by facts.py from the import folder's CSV and YAML
files and the content's wording (today 2026-11-15), never typed by hand, so the set is reproducible
and can be checked against the data. The question texts are written the way people type in Slack.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

import yaml

from evals.blind_seller_s30 import facts as F

HERE = Path(__file__).resolve().parent
OUT = HERE / "questions.yaml"


def _money(x) -> list[str]:
    """Spellings of an amount the scorer's normaliser accepts: 23090 (also 23,090 / 23 090 / 23.090)."""
    n = round(float(x))
    alts = [str(n)]
    if n >= 10000 and n % 100 == 0:
        alts.append(f"{n / 1000:g}k")
    return alts


def _date_alts(d: str, lang: str = "en") -> list[list[str]]:
    """A date as ISO or as a person writes it in the asker's language."""
    day = dt.date.fromisoformat(d)
    en = day.strftime("%B")
    mon = {"de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"],
           "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                  "novembre", "décembre"],
           "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
                  "noviembre", "diciembre"],
           "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
                  "outubro", "novembro", "dezembro"]}
    alts = [[d], [f"{en} {day.day}"], [f"{day.day} {en}"], [f"{en[:3]} {day.day}"], [f"{day.day} {en[:3]}"],
            [f"{day.day:02d}/{day.month:02d}/{day.year}"], [f"{day.day}.{day.month}.{day.year}"],
            [f"{day.day:02d}.{day.month:02d}.{day.year}"], [f"{day.year}/{day.month:02d}/{day.day:02d}"],
            [f"{day.year}年{day.month}月{day.day}日"], [f"{day.month}月{day.day}日"]]
    if lang in mon:
        m = mon[lang][day.month - 1]
        alts += [[f"{day.day}. {m}"], [f"{day.day} {m}"], [f"{day.day} de {m}"], [f"{day.day}er {m}"]]
    return alts


class Builder:
    def __init__(self, w):
        self.w = w
        self.qs: list[dict] = []

    def q(self, user, question, expect="answer", any_=None, wrong=None, thread=None, why="", lang=None):
        u = self.w["users"][user]
        loc = (u.get("locale") or "en").split("-")[0].lower()
        item = {"id": f"s{len(self.qs) + 1:03d}", "user": user, "role": u["role"], "lang": lang or loc,
                "expect": expect}
        if thread:
            item["thread"] = thread
        item["question"] = question
        if expect == "answer":
            assert any_, question
            item["answer_any"] = [list(a) for a in any_]
        if wrong:
            item["wrong_if"] = list(wrong)
        item["why"] = why
        self.qs.append(item)
        return item


def _absent(w, *names):
    """A made-up company must be absent from every file the copilot loads."""
    hay = " ".join([a["name"] for a in w["accounts"].values()] + [o["name"] for o in w["opps"]]
                   + [p["name"] for p in w["partners"].values()] + [a["account_name"] for a in w["partner_accounts"]]
                   + [c["name"] for c in w["candidates"]]).lower()
    for n in names:
        assert n.lower() not in hay, f"{n} exists in the data; pick another made-up name"


def build(w=None) -> list[dict]:
    w = w or F.load()
    b = Builder(w)
    q = b.q
    P = w["partners"]
    opp = {o["opportunity_id"]: o for o in w["opps"]}

    def ts(pid):
        return F.tier_status(w, pid)

    def mdfq(pid, quarter):
        return F.mdf_by_quarter(w, pid)[quarter]

    def cm_name(pid):
        return F.channel_manager(w, pid)["name"]

    def regs(pid):
        return {r["opportunity_id"]: r for r in F.registrations(w, pid)}

    # Programme figures, read from the vendor's own content (content/policies, training, onboarding).
    CLAIM_DAYS = 45          # mdf-policy.md: claim within 45 days after the activity ends
    PROTECT = F.PROTECTION_DAYS
    EXTEND = 30              # one extension of 30 days
    MDF_APPROVE_DAYS = 5     # channel manager approves MDF within 5 business days
    MDF_LEAD_DAYS = 15       # submit MDF plans 15 business days before start
    MDF_EXTRA_APPROVAL = 15000
    TOPUP_CPO = 2500
    HOURS = 20               # each certification track about 20 hours
    rules = w["vendor"]["tier_rules"]
    gitlab_claim = ["30 calendar days", "35 days", "35 jours", "35 días", "35 dias", "35日", "35 tage"]
    internal_pricing = ["0.55", "0.80 per", "up to 40%", "deal desk + cfo", "0.30 per ncu"]
    battlecard_leak = ["do not fight here", "about 40% of competitive", "400 tb", "25-40% lower cost"]

    # ================================================================ partner sellers
    # --- Thames Data Partners (P-013, gold, en-GB)
    t = "u-ps-thames"
    th = ts("P-013")
    q(t, "whats the deadline to submit an mdf claim after the event?", any_=[[str(CLAIM_DAYS), "day"]],
      wrong=gitlab_claim, why="Northwind MDF policy: claim within 45 days after the activity ends (GitLab says 30/35)")
    q(t, "is the certification exam free for us or do we pay", any_=[["free"]],
      wrong=["per exam", "exam fee of", "costs $"],
      why="Thames is Gold; certifications.md / partner-tiers.md: exams are free for Silver and above")
    q(t, "how many certified ppl do we have vs what plat needs?", any_=[[str(th["certified"]), str(rules["platinum"]["min_certified_staff"])]],
      why=f"partners.csv certified_staff sums to {th['certified']}; platinum needs {rules['platinum']['min_certified_staff']}")
    a = mdfq("P-013", "2026-Q3")
    q(t, "how much of our mdf did we actually spend in Q3", any_=[[m] for m in _money(a[1])],
      why=f"partner_activity.csv 2026-07..09: allocated {a[0]}, spent {a[1]}", thread="t-thames-mdf")
    a2 = mdfq("P-013", "2026-Q2")
    q(t, "and q2?", any_=[[m] for m in _money(a2[1])], thread="t-thames-mdf",
      why=f"follow-up: 2026-Q2 spent {a2[1]} of {a2[0]}")
    q(t, "do unused funds roll over to next quarter?",
      any_=[["not roll"], ["don't roll"], ["do not roll"], ["no roll"], ["expire"]], thread="t-thames-mdf",
      why="mdf-policy.md: unused funds do not roll over; unspent funds expire at the end of the following month")
    lk = opp["OPP-2801"]
    q(t, "lakeside financial - what stage are we at?", any_=[[lk["stage"]]], thread="t-thames-lakeside",
      why=f"{lk['opportunity_id']} {lk['name']} is {lk['stage']}")
    days = (F.TODAY - dt.date.fromisoformat(lk["last_activity_on"])).days
    q(t, "how long since anyone touched it?", any_=[[f"{days} day"]] + _date_alts(lk["last_activity_on"]),
      thread="t-thames-lakeside", why=f"last_activity_on {lk['last_activity_on']}: {days} days ago")
    q(t, "when are tier reviews done", any_=[["january", "july"]],
      why="partner-tiers.md: tiers are reviewed twice a year, in January and July")
    q(t, "who do i escalate to if a deal reg has been stuck in review for a week",
      any_=[["channel manager"]], wrong=["partner operations lead", "p2 -"],
      why="rules of engagement / deal reg policy: the channel manager; the escalation matrix is internal")
    kb_open = [o["name"].split(" - ")[0] for o in F.open_deals(w, "P-014")]
    q(t, "what deals does kingsbridge have in the pipe rn? they keep popping up in my accounts", expect="refusal",
      wrong=sorted(set(kb_open))[:6], why="another partner's deals: refuse without naming them")
    q(t, "do we get a back-end rebate on big deals?", expect="not_found",
      wrong=["back-end rebate", "quarterly back-end"],
      why="Northwind's programme has no rebates; GitLab's handbook does (reference, not Northwind's rule)")
    q(t, "what happens if I register a deal on behalf of a partner we work with",
      any_=[["never"], ["not allowed"], ["two quarters"], ["2 quarters"], ["not permitted"], ["must not"]],
      why="deal-registration.md: never register on behalf of another partner; abuse loses rights for two quarters")
    logins = F.activity_month(w, "P-013", "2026-10")["portal_logins"]
    q(t, "how many portal logins did we have last month? feels like nobody uses it", any_=[[logins, "login"]],
      why=f"partner_activity.csv P-013 2026-10 portal_logins {logins} (last complete month)")
    q(t, "mdf claim deadlin??", any_=[[str(CLAIM_DAYS), "day"]], wrong=gitlab_claim,
      why="typo'd repeat of the issue's example; 45 days, not GitLab's 30")

    # --- Keystone Data Partners (P-019, gold, en)
    k = "u-ps-keystone"
    ks = ts("P-019")
    q(k, "how far are we from platinum?",
      any_=[[m] for m in _money(ks["gaps"]["revenue"])] + [[str(ks["won_revenue"]), "1500000"]],
      why=f"won revenue 12m {ks['won_revenue']} vs 1,500,000; deals {ks['won_deals']} and certified {ks['certified']} already meet it; gap {ks['gaps']['revenue']}",
      thread="t-keystone-tier")
    q(k, "so what's missing, just revenue?", thread="t-keystone-tier",
      any_=[[m] for m in _money(ks["gaps"]["revenue"])] + [["only", "revenue"], ["just", "revenue"]],
      why="only the revenue minimum is missing; deals and certified staff meet platinum")
    q(k, "how many deals did we win in the last 12 months", any_=[[str(ks["won_deals"]), "deal"], [str(ks["won_deals"]), "won"]],
      why=f"closed_won with partner_id P-019, close date in the last 365 days: {ks['won_deals']}")
    acme = opp["OPP-2524"]
    q(k, "acme renewal - whats next?", any_=[[acme["stage"]]] + _date_alts(acme["close_date"]),
      thread="t-keystone-acme", why=f"OPP-2524 {acme['stage']}, close {acme['close_date']}")
    dleft = (dt.date.fromisoformat(acme["close_date"]) - F.TODAY).days
    q(k, "how many days till it's supposed to close?", any_=[[str(dleft), "day"]] + _date_alts(acme["close_date"]),
      thread="t-keystone-acme", why=f"close_date {acme['close_date']} is {dleft} days from today")
    q(k, "is it registered to us?", any_=[["not registered"], ["no registration"], ["isn't registered"],
                                          ["no approved registration"], ["not a registered"], ["fulfil"]],
      thread="t-keystone-acme", why="OPP-2524: partner_role fulfillment, registered_by empty")
    _absent(w, "Globex")
    q(k, "whats next on the globex deal?", expect="no_such_entity",
      why="no Globex account or deal exists; say so instead of listing other deals")
    m2 = next(m for m in w["mdf"] if m["activity_id"] == "MDF-0002")
    q(k, "that governance workshop we did with mdf last year, how many leads did it bring", any_=[[m2["leads"], "lead"]],
      why=f"mdf_activities.csv {m2['activity_id']} {m2['name']}: {m2['leads']} leads, paid {m2['paid_amount']}")
    q(k, "what's the approval band for discounts on a new logo? customer is pushing hard", expect="refusal",
      wrong=internal_pricing + ["up to 30%"], why="pricing-guidance.md is internal")
    gold_sa = "5"
    q(k, "how many SA workshops do we get a quarter as gold", any_=[[gold_sa, "per quarter"], [gold_sa, "workshop"]],
      why="partner-tiers.md benefits: Gold 5 solution architect workshops per quarter")
    q(k, "can mdf cover 100% of a booth?", any_=[["50/50"], ["50 / 50"], ["50%"], ["half"]],
      why="mdf-policy.md: events co-funded 50/50")
    q(k, "when's the next partner summit in vegas", expect="not_found",
      why="no event calendar in Northwind's content")
    clear = opp["OPP-2439"]
    q(k, "clearwater health - registered to us or not?", any_=[["not registered"], ["no registration"], ["isn't registered"],
                                                                ["no approved registration"], ["not a registered"]],
      why=f"OPP-2439 {clear['partner_role']}, registered_by empty")

    # --- Lone Star Analytics (P-021, silver, en; Diego also writes in Spanish)
    ls = "u-ps-lonestar"
    lst = ts("P-021")
    q(ls, "are we on track for gold?", any_=[["meet", "gold"], ["qualif", "gold"], ["eligible", "gold"], ["gold", str(lst["won_revenue"])]],
      wrong=["don't qualify", "do not qualify", "not on track"], thread="t-lonestar-tier",
      why=f"silver; trailing 12m won {lst['won_revenue']} / {lst['won_deals']} deals / {lst['certified']} certified meet gold (500k/4/6)")
    q(ls, "whats our won revenue over the last 12 months exactly", any_=[[m] for m in _money(lst["won_revenue"])],
      thread="t-lonestar-tier", why=f"sum of closed_won amounts with partner_id P-021 in the last 365 days: {lst['won_revenue']}")
    q(ls, "ok so what do we do to actually get promoted", any_=[["channel manager"]], thread="t-lonestar-tier",
      why="partner-tiers.md: promotion at any time, the channel manager submits it, effective the first day of next month")
    q(ls, "and when would it kick in?", any_=[["first day of the next month"], ["1st of the next month"], ["next month"],
                                               ["first of the following month"], ["first day of the following month"]],
      thread="t-lonestar-tier", why="partner-tiers.md: takes effect on the first day of the next month")
    q(ls, "how many certified people do we have", any_=[[str(lst["certified"]), "certif"]],
      why=f"partners.csv certified_staff of P-021 sums to {lst['certified']}")
    lod = F.open_deals(w, "P-021")
    q(ls, "list my open opps", any_=[[o["name"].split(" - ")[0] for o in lod]], thread="t-lonestar-opps",
      why="the 4 open deals of P-021: " + ", ".join(o["opportunity_id"] for o in lod))
    q(ls, "the second one - when does it close", thread="t-lonestar-opps",
      any_=[d for o in lod for d in _date_alts(o["close_date"])[:1]],
      why="positional follow-up; the writer does not know the copilot's order, so any listed deal's close date counts")
    q(ls, "exam fees for silver?", any_=[["free"]], wrong=["per exam", "exam fee of"],
      why="exams are free for Silver and above")
    ksy = mdfq("P-019", "2026-Q3")
    q(ls, "how much mdf did keystone get this year? want to compare", expect="refusal",
      wrong=_money(ksy[0]) + _money(ksy[1]), why="another partner's MDF")
    _absent(w, "Initech")
    q(ls, "what's happening with the Initech opp", expect="no_such_entity", why="no Initech account or deal")
    # Spanish, same user
    q(ls, "cuantos dias dura la proteccion de un registro de oportunidad?", lang="es",
      any_=[[str(PROTECT), "día"], [str(PROTECT), "dia"], [str(PROTECT), "day"]],
      why="deal-registration.md: 90 days")
    q(ls, "¿quién aprueba el MDF y en cuánto tiempo?", lang="es",
      any_=[[str(MDF_APPROVE_DAYS), "día"], [str(MDF_APPROVE_DAYS), "dia"], [str(MDF_APPROVE_DAYS), "business day"]],
      why="mdf-policy.md: the channel manager approves within 5 business days")
    q(ls, "con cuanta anticipacion tengo que pedir mdf para un evento", lang="es",
      any_=[[str(MDF_LEAD_DAYS), "día"], [str(MDF_LEAD_DAYS), "dia"], [str(MDF_LEAD_DAYS), "day"]],
      why="mdf-policy.md: submit at least 15 business days before it starts")
    sv = opp["OPP-2032"]
    q(ls, "cuando cierra silverton brands?", lang="es", any_=_date_alts(sv["close_date"], "es"),
      thread="t-lonestar-es", why=f"OPP-2032 close_date {sv['close_date']}")
    r = regs("P-021")["OPP-2032"]
    q(ls, "¿y el registro sigue vigente?", lang="es",
      any_=[["venció"], ["vencido"], ["expiró"], ["expirado"], ["caducado"], ["expired"], ["lapsed"]]
      + _date_alts(r["expires_on"], "es"), thread="t-lonestar-es",
      why=f"registered_by P-021, created {sv['created_on']}: protection ended {r['expires_on']}")
    a = mdfq("P-021", "2026-Q3")
    q(ls, "cuanto mdf gastamos en el Q3", lang="es", any_=[[m] for m in _money(a[1])],
      why=f"partner_activity.csv P-021 2026-Q3 spent {a[1]} of {a[0]}")
    q(ls, "cuántas personas certificadas tenemos?", lang="es", any_=[[str(lst["certified"]), "certific"]],
      why=f"certified_staff of P-021 sums to {lst['certified']}")
    q(ls, "quien es nuestro channel manager", lang="es", any_=[[cm_name("P-021")]], why="partners.csv channel_manager")
    q(ls, "muéstrame los deals abiertos de Keystone", lang="es", expect="refusal",
      wrong=[o["name"].split(" - ")[0] for o in F.open_deals(w, "P-019")], why="another partner's deals")
    q(ls, "hay bonos o spiffs para los vendedores del partner este trimestre?", lang="es", expect="not_found",
      why="no seller incentive programme in Northwind's content")

    # --- Kingsbridge Consulting (P-014, platinum, en-GB)
    kg = "u-ps-kingsbridge"
    kod = F.open_deals(w, "P-014")
    big = max(kod, key=lambda o: float(o["amount"]))
    q(kg, "whats our biggest open deal atm", any_=[[big["name"].split(" - ")[0]]], thread="t-kings-big",
      why=f"largest open deal of P-014: {big['opportunity_id']} {big['name']} {big['amount']}")
    q(kg, "and when's it meant to close", any_=_date_alts(big["close_date"]), thread="t-kings-big",
      why=f"close_date {big['close_date']}")
    q(kg, "next steps on it? heard polar warehouse is in there", any_=[[big["stage"]], ["polar"]],
      wrong=battlecard_leak, thread="t-kings-big",
      why="a partner seller gets the deal's state and partner content; the Polar battlecard is internal")
    q(kg, "whats the reg discount for platinum", any_=[["12", "point"], ["12", "pts"], ["12%"], ["12 %"]],
      why="deal-registration.md: platinum 12 points on top of the tier discount")
    q(kg, "list price per NCU hour?", expect="refusal", wrong=internal_pricing,
      why="pricing-guidance.md is internal")
    q(kg, "do registered deals over 150k get a funded PoV?", any_=[[m, "proof of value"] for m in _money(150000)] + [[m, "pov"] for m in _money(150000)] + [["yes"]],
      why="deal-registration.md: funded proof of value above USD 150,000")
    rk = regs("P-014")
    live = [r for r in rk.values() if r["days_left"] >= 0]
    q(kg, "which of our regs are still protected and until when",
      any_=[[r["name"].split(" - ")[0] for r in live]],
      why="registered_by P-014, open, created_on + 90 days not passed: " + ", ".join(
          f"{r['opportunity_id']} until {r['expires_on']}" for r in live))
    pra = [o for o in kod if o["name"].startswith("Prairie Biosciences")]
    q(kg, "prairie biosciences - next steps?", any_=[["lakehouse", "governance"]],
      why="two open Prairie Biosciences deals (" + ", ".join(o["opportunity_id"] for o in pra) + "): both, or ask which")
    q(kg, "how fast do mdf claims get paid", any_=[["30", "day"]],
      why="mdf-policy.md: approved claims paid within 30 days")
    q(kg, "do we get an exec sponsor as plat?", any_=[["executive sponsor", "yes"]],
      why="partner-tiers.md: executive sponsor for Platinum only")
    q(kg, "is there a spiff for AI Studio deals this quarter", expect="not_found",
      why="no seller incentive programme in Northwind's content")
    kreg = F.activity_month(w, "P-014", "2026-09")["deals_registered"]
    q(kg, "how many deals did we register in september", any_=[[kreg, "regist"], [kreg, "deal"]],
      why=f"partner_activity.csv P-014 2026-09 deals_registered {kreg}")

    # --- Nordic Stream (P-068, registered, en, new)
    n = "u-ps-nordic"
    nst = ts("P-068")
    q(n, "do we get any mdf as a registered partner?",
      any_=[["no mdf"], ["none"], ["not eligible"], ["no allocation"], ["don't get"], ["do not get"], ["no marketing development"],
            ["not have an mdf"], ["no funds"]],
      wrong=["up to $6,000 per quarter for you"], why="mdf-policy.md: Registered partners have no MDF allocation")
    br = opp["OPP-2810"]
    nr = regs("P-068")["OPP-2810"]
    q(n, "is my bramble reg still protected?", any_=[["expired"], ["lapsed"], ["no longer"], ["ended"]] + _date_alts(nr["expires_on"]),
      thread="t-nordic-bramble", why=f"OPP-2810 registered by P-068 created {br['created_on']}: protection ended {nr['expires_on']}")
    q(n, "can i still extend it?", any_=[["expir"], ["laps"], ["no longer"], ["before the protection ends"], ["cannot be granted after"]],
      thread="t-nordic-bramble", why="an extension cannot be granted after expiry")
    q(n, "how often do I need to update a registered opp", any_=[["30", "day"]],
      why="deal-registration.md: stage, close date and next step at least every 30 days")
    q(n, "what do we still need for silver", any_=[[m] for m in _money(nst["gaps"]["revenue"])] + [["100000", str(nst["won_revenue"])]],
      why=f"won {nst['won_revenue']} of 100,000; 1 deal and {nst['certified']} certified already meet silver")
    q(n, "exams free for us?", any_=[["silver"]],
      why="exams are free for Silver and above; Nordic is Registered, so not covered")
    q(n, "whats the resale discount now vs at silver", any_=[["10%", "15%"], ["10 %", "15 %"]],
      why="partner-tiers.md: Registered 10%, Silver 15%")
    q(n, "who's our channel manager?", any_=[[cm_name("P-068")]], why="partners.csv channel_manager of P-068")

    # --- Alpine IT (P-001, gold, de / de-AT)
    al = "u-ps-alpine"
    alt = ts("P-001")
    rA = regs("P-001")
    q(al, "wie lange ist meine Deal-Registrierung geschützt?",
      any_=[[str(PROTECT), "tag"], [str(PROTECT), "day"], ["sonnen", str(rA["OPP-2427"]["days_left"])]],
      why="issue example: 90 Tage (or the days left on the one live registration)")
    son = rA["OPP-2427"]
    q(al, "welche meiner regs laufen diesen monat ab?", any_=[["sonnen"]], thread="t-alpine-regs",
      why=f"OPP-2427 Sonnen Werkzeugbau: created {son['created_on']}, protection ends {son['expires_on']}")
    q(al, "wie viele tage noch?", any_=[[str(son["days_left"]), "tag"], [str(son["days_left"]), "day"]] + _date_alts(son["expires_on"], "de"),
      thread="t-alpine-regs", why=f"{son['days_left']} days left (ends {son['expires_on']})")
    q(al, "kann ich die verlängern?", any_=[[f"{EXTEND} tag"], [f"{EXTEND} day"], [f"{EXTEND}-day"], [f"{EXTEND}-tägig"]], thread="t-alpine-regs",
      why=f"proposal stage, last activity {son['last_activity_on']} (within 14 days): one 30-day extension")
    a = mdfq("P-001", "2026-Q3")
    q(al, "wie viel MDF haben wir im Q3 nicht ausgegeben?", any_=[[m] for m in _money(a[0] - a[1])] + [[str(a[0]), str(a[1])]],
      why=f"2026-Q3 allocated {a[0]}, spent {a[1]}, unspent {a[0] - a[1]}")
    m25 = next(m for m in w["mdf"] if m["activity_id"] == "MDF-0025")
    q(al, "was hat unsere governance roadshow gebracht?", any_=[[m25["leads"], "lead"]],
      why=f"MDF-0025: paid {m25['paid_amount']}, {m25['leads']} leads")
    q(al, "zeig mir die battlecard gegen polar warehouse", expect="refusal", wrong=battlecard_leak,
      why="battlecards are internal")
    q(al, "Was steht in unserem Joint Business Plan 2027 zu registrierten Opportunities?", any_=[["24"]],
      why="alpine-it-joint-plan-2027.md (visible to P-001): 24 registered opportunities (6 per quarter)")
    q(al, "ab welchem betrag braucht eine mdf aktivität eine zusätzliche freigabe?",
      any_=[[m] for m in _money(MDF_EXTRA_APPROVAL)], why="mdf-policy.md: above USD 15,000 also the regional partner marketing manager")
    _absent(w, "Müller Hydraulik")
    q(al, "status vom deal mit der Müller Hydraulik AG?", expect="no_such_entity", why="no such account or deal")
    q(al, "wer ist unser CM", any_=[[cm_name("P-001")]], why="partners.csv channel_manager")
    q(al, "wie weit sind wir von platin weg?", any_=[[m] for m in _money(alt["gaps"]["revenue"])] + [[str(alt["won_revenue"])]],
      why=f"won {alt['won_revenue']} / {alt['won_deals']} deals vs 1.5M / 10; revenue gap {alt['gaps']['revenue']}, deal gap {alt['gaps']['deals']}")
    # second Alpine seller, de-AT
    a2u = "u-ps-alpine-2"
    q(a2u, "servus, wie viele zertifizierte mitarbeiter haben wir eigentlich?", any_=[[str(alt["certified"])]],
      why=f"partners.csv P-001 certified_staff sums to {alt['certified']}")
    q(a2u, "gibt's an bonus für neukunden in österreich?", expect="not_found",
      why="no new-logo bonus for partners in Northwind's partner content (the displacement discount is internal)",
      wrong=["competitive displacement", "10 extra points"])
    tau = opp["OPP-2171"]
    q(a2u, "is die registrierung auf taunus anlagenbau noch aktiv?", any_=[["abgelaufen"], ["expired"], ["nicht mehr"], ["erloschen"], ["verfallen"]] + _date_alts(rA["OPP-2171"]["expires_on"], "de"),
      why=f"OPP-2171 created {tau['created_on']}: protection ended {rA['OPP-2171']['expires_on']}")
    q(a2u, "wos is da unterschied zwischen sourced und influenced", any_=[["sourced", "influenced"]],
      why="rules-of-engagement.md defines sourced, influenced, fulfilment")
    q(a2u, "zeig ma den joint plan von sakura", expect="refusal", wrong=["品質予測", "1 億", "名古屋"],
      why="sakura-systems-joint-plan-ja.md is partner:P-031 only")

    # --- Kaiser Datentechnik (P-066, registered, new, de)
    ka = "u-ps-kaiser"
    kst = ts("P-066")
    q(ka, "wir sind ganz neu – was sollen wir in den ersten zwei wochen machen?", any_=[["portal"]],
      why="new-partner-onboarding.md days 1-14: portal access, copilot, profile, branding, account mapping")
    q(ka, "wie viele zertifizierte leute brauchen wir für silber?",
      any_=[[str(rules["silver"]["min_certified_staff"]), "zertifi"], [str(rules["silver"]["min_certified_staff"]), "certif"], ["zwei", "zertifi"]],
      why="tier rules: silver needs 2 certified staff")
    q(ka, "haben wir schon offene deals?", any_=[["kein"], ["no open"], ["no deals"], ["noch nicht"]],
      why="P-066 has no opportunities")
    q(ka, "wer ist unser channel manager", any_=[[cm_name("P-066")]], why="partners.csv channel_manager")
    q(ka, "welche zertifizierungs-tracks gibt es", any_=[["lakehouse", "streaming", "governance", "observability"]],
      why="certifications.md: five tracks")
    q(ka, "was fehlt uns alles für silber", any_=[[m, str(rules["silver"]["min_certified_staff"])] for m in _money(rules["silver"]["min_won_revenue_12m"])],
      why=f"nothing won yet, {kst['certified']} certified: need 100,000 won revenue, 1 deal, 2 certified")

    # --- Sakura Systems (P-031, gold, ja)
    sk = "u-ps-sakura"
    sst = ts("P-031")
    q(sk, "案件登録の保護期間って何日？", any_=[[f"{PROTECT}日"], [str(PROTECT), "日"], [str(PROTECT), "day"]],
      thread="t-sakura-reg", why="issue example: 90日間")
    q(sk, "延長はできる？", any_=[[f"{EXTEND}日"], [str(EXTEND), "日"], [str(EXTEND), "day"]], thread="t-sakura-reg",
      why="one 30-day extension")
    q(sk, "うちのチャネルマネージャーは誰？", any_=[["tanaka"], ["田中"]], why="partners.csv channel_manager u-cm-3 Aiko Tanaka")
    a = mdfq("P-031", "2026-Q3")
    q(sk, "第3四半期のMDFはいくら使いましたか", any_=[[m] for m in _money(a[1])],
      why=f"2026-Q3 spent {a[1]} of {a[0]}", thread="t-sakura-mdf")
    q(sk, "割り当ては？", any_=[[m] for m in _money(a[0])], thread="t-sakura-mdf", why=f"2026-Q3 allocated {a[0]}")
    q(sk, "MDF-0034 はどうなった？", any_=[["却下"], ["rejected"], ["不承認"], ["承認されませんでした"]],
      why="mdf_activities.csv MDF-0034 status rejected")
    q(sk, "2027年の共同プランで新規認定エンジニアの目標は？", any_=[["6", "名"], ["+6"], ["6", "engineer"]],
      why="sakura-systems-joint-plan-ja.md (P-031): +6 名")
    q(sk, "Kansai InfoDist の案件を見せて", expect="refusal",
      wrong=[o["name"].split(" - ")[0] for o in F.open_deals(w, "P-035")], why="another partner's deals")
    ch = opp["OPP-2383"]
    q(sk, "Chiyoda Ginko の案件、次にやるべきことは？", any_=[["交渉"], ["negotiation"], ["クロージング"]] + _date_alts(ch["close_date"]),
      why=f"OPP-2383 {ch['stage']}, close {ch['close_date']}")
    q(sk, "認定試験の結果が出てこない、どうすれば？", any_=[["サポート"], ["support"], ["チケット"], ["ticket"]],
      wrong=["48時間", "48 hours"], why="certifications.md: ticket with Partner support; the 48h figure is internal")
    q(sk, "認定者は何人いますか", any_=[[str(sst["certified"])]], why=f"certified_staff sums to {sst['certified']}")
    _absent(w, "Toyoda Seiki", "トヨダ")
    q(sk, "トヨダ精機の案件ってどうなってる？", expect="no_such_entity", why="made-up company")
    q(sk, "パートナー向けのゴルフコンペはありますか", expect="not_found", why="not in the content")
    q(sk, "オープン案件はいくつ？", any_=[[str(len(F.open_deals(w, 'P-031'))), "件"], [str(len(F.open_deals(w, 'P-031'))), "deal"],
                                    [str(len(F.open_deals(w, 'P-031'))), "案件"]],
      why="open deals of P-031 (partner_id or registered_by)")

    # --- Lisboa Cloud (P-037, silver, pt)
    li = "u-ps-lisboa"
    lit = ts("P-037")
    q(li, "o que falta para passarmos a gold?", any_=[[str(lit["certified"]), str(rules["gold"]["min_certified_staff"]), "certif"]],
      why=f"revenue {lit['won_revenue']} and {lit['won_deals']} deals meet gold; certified {lit['certified']} < 6")
    a = mdfq("P-037", "2026-Q3")
    q(li, "quanto MDF tinhamos alocado no 3º trimestre?", any_=[[m] for m in _money(a[0])],
      why=f"2026-Q3 allocated {a[0]}, spent {a[1]}")
    q(li, "posso registar uma renovação?", any_=[["não", "renova"]],
      why="deal-registration.md: renewals cannot be registered")
    q(li, "mostra o plano de negócios conjunto da Alpine IT", expect="refusal", wrong=["1.2 million", "mittelstand", "münchen"],
      why="alpine-it-joint-plan-2027.md is partner:P-001 only")
    nh = opp["OPP-2218"]
    q(li, "newhaven media, em que fase está?", any_=[[nh["stage"]], ["proposta"]], why=f"OPP-2218 {nh['stage']}")
    q(li, "qual é a política de devolução de licenças?", expect="not_found", why="not in the content")
    q(li, "quem é o nosso channel manager?", any_=[[cm_name("P-037")]], why="partners.csv channel_manager")
    q(li, "o exame de certificação é gratuito pra nós?", any_=[["gratuit"], ["grátis"], ["free"], ["sem custo"]],
      why="Silver: exams free")

    # --- Companhia Paulista (P-038, gold, pt-BR)
    pa = "u-ps-paulista"
    pst = ts("P-038")
    q(pa, "a gente ainda cumpre os requisitos do gold?", any_=[[m] for m in _money(pst["won_revenue"])] + [["341 mil"]],
      wrong=["cumprem todos", "meets every"],
      why=f"won {pst['won_revenue']} < 500,000 (deals {pst['won_deals']}, certified {pst['certified']} fine): not meeting gold")
    q(pa, "quantas licenças NFR a gente tem como gold?", any_=[["10", "licen"], ["10", "nfr"]],
      why="partner-tiers.md: Gold 10 not-for-resale licences")
    rP = regs("P-038")
    livep = [r for r in rP.values() if r["days_left"] >= 0]
    q(pa, "quais registros nossos ainda estão protegidos?", any_=[[r["name"].split(" - ")[0] for r in livep]],
      thread="t-paulista-reg", why="live registrations: " + ", ".join(f"{r['opportunity_id']} until {r['expires_on']}" for r in livep))
    q(pa, "e quantos dias faltam?", any_=[[str(r["days_left"])] for r in livep] + [d for r in livep for d in _date_alts(r["expires_on"], "pt")],
      thread="t-paulista-reg", why="days left: " + ", ".join(str(r["days_left"]) for r in livep))
    ha = opp["OPP-1849"]
    q(pa, "a renovação de observability da hospitais andrade fecha quando?", any_=_date_alts(ha["close_date"], "pt"),
      thread="t-paulista-ha", why=f"OPP-1849 close {ha['close_date']} (there are two Hospitais Andrade deals)")
    hs = opp["OPP-2803"]
    q(pa, "e a de streaming?", any_=_date_alts(hs["close_date"], "pt"), thread="t-paulista-ha",
      why=f"OPP-2803 close {hs['close_date']}")
    q(pa, "posso usar MDF pra pagar brindes pros clientes?", any_=[["não"]],
      why="mdf-policy.md: gifts to customers not eligible")
    _absent(w, "Padaria Bandeirantes")
    q(pa, "qual o status do deal da Padaria Bandeirantes?", expect="no_such_entity", why="made-up company")
    q(pa, "qual o desconto de revenda pra gold?", any_=[["20%"], ["20 %"]], why="partner-tiers.md: Gold resale discount 20%")
    q(pa, "quem é o nosso gerente de canal?", any_=[[cm_name("P-038")]], why="partners.csv channel_manager")

    # --- Maple Leaf Data (P-053, gold, fr-CA)
    mp = "u-ps-maple"
    mst = ts("P-053")
    a = mdfq("P-053", "2026-Q3")
    q(mp, "on a dépensé combien de MDF au T3 ?", any_=[[m] for m in _money(a[1])], thread="t-maple-mdf",
      why=f"2026-Q3 spent {a[1]} of {a[0]}")
    q(mp, "c'est grave si on dépense pas tout ?", any_=[["moitié"], ["réduit"], ["half"], ["reduced"], ["expirent"], ["expire at the end"]],
      thread="t-maple-mdf", why="mdf-policy: under half for two consecutive quarters -> next allocation reduced; unspent funds expire")
    q(mp, "combien de temps j'ai pour réclamer les fonds après l'événement?",
      any_=[[str(CLAIM_DAYS), "jour"], [str(CLAIM_DAYS), "day"]], wrong=gitlab_claim,
      why="45 days after the activity ends")
    q(mp, "est-ce qu'on risque de perdre le niveau gold ?", any_=[[m] for m in _money(mst["won_revenue"])] + [["359,5"]],
      why=f"won {mst['won_revenue']}, {mst['won_deals']} deal: below gold's 500k/4; demotion only after two reviews")
    q(mp, "si deux partenaires enregistrent la même affaire, qui gagne ?", any_=[["premi"], ["first"]],
      why="deal-registration.md: the first complete registration that is approved")
    q(mp, "le bonus de 20% sur le MDF, c'est quoi les conditions ?", any_=[[m] for m in _money(TOPUP_CPO)],
      why="mdf-policy.md: cost per opportunity under USD 2,500")
    q(mp, "c'est quoi le plan conjoint de Sakura ?", expect="refusal", wrong=["品質予測", "1 億", "名古屋"],
      why="partner:P-031 content")
    oa = opp["OPP-2055"]
    q(mp, "oakridge auto parts ça ferme quand ?", any_=_date_alts(oa["close_date"], "fr"), why=f"OPP-2055 close {oa['close_date']}")

    # --- Orion (P-009, platinum, fr)
    o_ = "u-ps-orion"
    ost = ts("P-009")
    od = F.open_deals(w, "P-009")
    q(o_, "combien d'affaires ouvertes avons-nous ?", any_=[[str(len(od)), "affaire"], [str(len(od)), "opportunit"], [str(len(od)), "deal"]],
      why=f"{len(od)} open deals with partner_id or registered_by P-009")
    et = opp["OPP-2134"]
    pastd = (F.TODAY - dt.date.fromisoformat(et["close_date"])).days
    q(o_, "l'affaire étoile industries, c'est quoi la suite ?", any_=_date_alts(et["close_date"], "fr") + [[str(pastd), "jour"], [str(pastd), "day"], ["dépassé"], ["passée"]],
      why=f"OPP-2134 negotiation, close date {et['close_date']} already passed ({pastd} days)")
    ns = regs("P-009")["OPP-2750"]
    q(o_, "norte salud, il reste combien de jours de protection ?", any_=[[str(ns["days_left"])]] + _date_alts(ns["expires_on"], "fr"),
      why=f"OPP-2750 registered by P-009, created {ns['created_on']}: ends {ns['expires_on']}, {ns['days_left']} days")
    q(o_, "notre CA gagné sur 12 mois glissants ?", any_=[[m] for m in _money(ost["won_revenue"])] + [["2,32"], ["2.32"]],
      why=f"{ost['won_revenue']}")
    q(o_, "on peut être rétrogradés si on rate les objectifs une fois ?", any_=[["consécuti"], ["consecutive"], ["deux revues"], ["two reviews"]],
      why="partner-tiers.md: demotion only after two consecutive reviews below")
    q(o_, "combien d'heures pour une certif ?", any_=[[str(HOURS), "heure"], [str(HOURS), "hour"], [f"{HOURS} h"]],
      why="certifications.md: about 20 hours per track")
    _absent(w, "Papeterie Garonne")
    q(o_, "où en est l'affaire Papeterie Garonne ?", expect="no_such_entity", why="made-up company")
    q(o_, "montre-moi les remises internes pour les nouveaux clients", expect="refusal", wrong=internal_pricing + ["up to 30%"],
      why="pricing guidance is internal")
    q(o_, "quel est notre niveau de partenariat ?", any_=[["orion", "platinum"], ["p-009", "platinum"]], why="partners.csv tier")

    # --- Lyon Analytique (P-067, registered, fr)
    ly = "u-ps-lyon"
    rL = regs("P-067")["OPP-2809"]
    q(ly, "mon enregistrement sur cèdre télécom expire quand ?", any_=[[str(rL["days_left"]), "jour"]] + _date_alts(rL["expires_on"], "fr"),
      thread="t-lyon-reg", why=f"OPP-2809 created {rL['created_on']}: ends {rL['expires_on']} ({rL['days_left']} days)")
    q(ly, "je peux le prolonger ?", any_=[[str(EXTEND), "jour"], [str(EXTEND), "day"]], thread="t-lyon-reg",
      why="proposal stage with activity in the last 14 days: one 30-day extension, before expiry")
    q(ly, "qui est mon channel manager ?", any_=[[cm_name("P-067")]], why="partners.csv channel_manager")
    q(ly, "c'est quoi l'enveloppe MDF pour un partenaire silver ?", any_=[[m] for m in _money(6000)],
      why="mdf-policy / guide-fonds-marketing: Silver up to 6,000 per quarter")
    q(ly, "et nous on a droit à combien ?", any_=[["aucune enveloppe"], ["aucune allocation"], ["pas d'enveloppe"], ["none"], ["pas de mdf"], ["pas droit"], ["no mdf"]],
      why="Lyon is Registered: no MDF allocation")

    # ================================================================ channel managers
    c1, c2, c3 = "u-cm-1", "u-cm-2", "u-cm-3"
    T = F.TIERS
    promo = [pid for pid in P if T.index(ts(pid)["qualifies_for"]) > T.index(P[pid]["tier"])]
    q(c2, "which partners qualify for a tier upgrade right now?", any_=[[P[pid]["name"].split(" ")[0] for pid in promo]],
      why="partners meeting the next tier's minimums: " + ", ".join(promo))
    below = [pid for pid in P if T.index(ts(pid)["qualifies_for"]) < T.index(P[pid]["tier"])]
    mine2 = [pid for pid in below if P[pid]["channel_manager"] == c2]
    q(c2, "which of my partners are below their tier minimums?", any_=[[P[pid]["name"].split(" ")[0] for pid in mine2]],
      why="u-cm-2's partners whose trailing-12m figures are under their tier: " + ", ".join(mine2))
    mine2_all = [pid for pid in P if P[pid]["channel_manager"] == c2]
    q3 = {pid: mdfq(pid, "2026-Q3") for pid in mine2_all if "2026-Q3" in F.mdf_by_quarter(w, pid)}
    worst = min((pid for pid in q3 if q3[pid][0] > 0), key=lambda pid: q3[pid][1] / q3[pid][0])
    q(c2, "who left most of their mdf unspent last quarter", any_=[[P[worst]["name"].split(" ")[0]]],
      thread="t-cm2-mdf", why=f"lowest Q3 spend ratio among u-cm-2's partners: {worst} {q3[worst]}")
    q(c2, "how much exactly?", any_=[[m] for m in _money(q3[worst][0] - q3[worst][1])] + [[str(q3[worst][1]), str(q3[worst][0])]],
      thread="t-cm2-mdf", why=f"{worst} Q3 allocated {q3[worst][0]}, spent {q3[worst][1]}")
    q(c2, "and in q2?", any_=[[str(mdfq(worst, '2026-Q2')[1])]] + [[m] for m in _money(mdfq(worst, "2026-Q2")[0] - mdfq(worst, "2026-Q2")[1])],
      thread="t-cm2-mdf", why=f"{worst} Q2 {mdfq(worst, '2026-Q2')}")
    q(c2, "keystone - what's the gap to platinum?", any_=[[m] for m in _money(ks["gaps"]["revenue"])] + [[str(ks["won_revenue"])]],
      why=f"P-019 won {ks['won_revenue']}; gap {ks['gaps']['revenue']}")
    q(c2, "lone star: won revenue + deals last 12 months?", any_=[[m, str(lst["won_deals"])] for m in _money(lst["won_revenue"])],
      why=f"P-021 {lst['won_revenue']} / {lst['won_deals']}")
    q(c2, "who's the cm for maple leaf", any_=[[cm_name("P-053")], ["you"]], why="partners.csv channel_manager")
    gd = opp["OPP-1951"]
    stall = (F.TODAY - dt.date.fromisoformat(gd["last_activity_on"])).days
    q(c2, "any deals that look stalled?", any_=[[gd["name"].split(" - ")[0]]],
      why=f"OPP-1951 {gd['stage']} with no activity since {gd['last_activity_on']} ({stall} days)")
    yk = opp["OPP-2690"]
    q(c2, "yamato kogyo has no partner - who should we bring in?", any_=[["sakura"]], thread="t-cm2-yamato",
      why="OPP-2690 JP Lakehouse+AI Studio: Sakura Systems (JP, both competencies, strongest record) fits best")
    acm = opp["OPP-2524"]
    q(c2, "why them?", any_=[["japan"], ["jp"], ["japon"], ["日本"]], thread="t-cm2-yamato",
      why="reasons a CM can check: sells in JP, authorised for Lakehouse and AI Studio")
    q(c2, "lone star qualifies for gold - how do I promote them and when does it take effect?",
      any_=[["first day", "month"], ["1st", "month"]],
      why="partner-tiers.md: the CM submits the promotion; effective the first day of the next month")
    q(c2, "who's the cm for keystone", any_=[[cm_name("P-019")], ["you"]], why="partners.csv channel_manager")
    q(c2, "acme renewal amount + stage?", any_=[[m, acm["stage"]] for m in _money(acm["amount"])],
      why=f"OPP-2524 {acm['amount']} {acm['stage']}")
    _absent(w, "Zephyr Cloud")
    q(c2, "how's Zephyr Cloud Partners doing?", expect="no_such_entity", why="no such partner")
    q(c2, "what's the max discount I can approve on a new logo deal", any_=[["30%"], ["30 %"]],
      why="pricing-guidance.md (internal, CM may see): channel manager up to 30% for new logo first year")
    q(c2, "competitive displacement discount - how much and who approves", any_=[["10", "point", "deal desk"]],
      why="pricing-guidance.md: up to 10 extra points, deal desk approval")
    q(c2, "OPP-9999 partner options?", expect="no_such_entity", why="no such opportunity id")
    q(c2, "how many gold partners do we have", any_=[[str(sum(1 for p in P.values() if p["tier"] == "gold")), "gold"]],
      why="partners.csv tier counts")

    # u-cm-1 (Julia, en): Europe
    qs_exp = [(pid, r) for pid in P for r in F.registrations(w, pid) if 0 <= r["days_left"] <= 14]
    q(c1, "regs expiring in the next 2 weeks?", any_=[[r["name"].split(" - ")[0] for _, r in qs_exp]],
      thread="t-cm1-exp", why="registered, open, created_on + 90 within 14 days: " + ", ".join(r["opportunity_id"] for _, r in qs_exp))
    if qs_exp:
        r0 = qs_exp[0][1]
        q(c1, "is it eligible for the extension?", any_=[["yes"], ["is eligible"], ["can request"], ["can be extended"]], thread="t-cm1-exp",
          wrong=["not eligible"],
          why=f"{r0['opportunity_id']} in {r0['stage']} with activity on {r0['last_activity_on']} (within 14 days)")
    past = [o for o in w["opps"] if o["stage"] in F.OPEN and o["close_date"] and o["close_date"] < F.TODAY.isoformat()]
    q(c1, "open deals with a close date in the past?", any_=[[o["name"].split(" - ")[0]] for o in past] + [[o["opportunity_id"]] for o in past],
      why="open with close_date before today: " + ", ".join(o["opportunity_id"] for o in past))
    q(c1, "thames logins look weird, what happened?", any_=[[F.activity_month(w, "P-013", "2026-10")["portal_logins"], "login"]],
      why="partner_activity P-013 logins 42-48 until 2026-07, then 6, 5, 4")
    won = [o for o in w["opps"] if o["stage"] == "closed_won" and F.WINDOW_START <= dt.date.fromisoformat(o["close_date"]) <= F.TODAY]
    tot = sum(float(o["amount"]) for o in won)
    share = sum(float(o["amount"]) for o in won if o["partner_id"]) / tot
    pct = round(share * 100)
    q(c1, "what share of won revenue came through partners in the last 12 months?",
      any_=[[f"{pct}%"], [f"{pct} %"], [f"{share * 100:.1f}%"], [f"{share:.2f}"], [f"{share * 100:.1f} %"]],
      why=f"closed_won in the last 365 days: {tot:.0f}; with a partner {share:.3f}")
    ksrc = sum(float(o["amount"]) for o in won if o["partner_id"] == "P-014" and o["partner_role"] == "sourced")
    q(c1, "how much did kingsbridge source (won) last 12 months?", any_=[[m] for m in _money(ksrc)] + [["1.83"]],
      why=f"closed_won, partner P-014, role sourced, last 365 days: {ksrc:.0f}")
    mapped = {r["account_id"] for r in F.mapping_truth() if r["partner_id"] == "P-001" and r["account_id"]}
    q(c1, "how many of our accounts overlap with alpine it's list?", any_=[[str(len(mapped))]],
      why=f"truth/account_mapping.json: Alpine IT rows that are Northwind accounts: {len(mapped)} distinct accounts")
    q(c1, "how is kaiser's onboarding going", any_=[[str((F.TODAY - dt.date(2026, 10, 28)).days), "day"], ["2026-10-28"], ["training"], ["certif"]],
      why="P-066 joined 2026-10-28 (18 days), nothing done yet: training, certifications, first registration open")
    q(c1, "what's the polar warehouse angle on bluewater financial?", any_=[["open format"], ["lock-in"], ["three-year"], ["3-year"], ["idle"]],
      why="polar-warehouse battlecard (internal, CM may see): open formats / no lock-in, idle cost, three-year TCO")
    tiers_n = {t_: sum(1 for p in P.values() if p["tier"] == t_) for t_ in T}
    q(c1, "how many partners per tier?", any_=[[str(tiers_n[t_]) for t_ in T]], why=f"partners.csv: {tiers_n}")
    joined = [pid for pid in P if P[pid]["joined_on"] >= "2026-01-01"]
    q(c1, "how many partners joined this year", any_=[[str(len(joined)), "partner"]],
      why="partners.csv joined_on in 2026: " + ", ".join(joined))
    req = [m for m in w["mdf"] if m["status"] == "requested"]
    q(c1, "which mdf requests are waiting for approval", any_=[[m["activity_id"] for m in req], [P[m["partner_id"]]["name"].split(" ")[0] for m in req]],
      why="mdf_activities.csv status requested: " + ", ".join(m["activity_id"] for m in req))
    gap = [c for c in w["candidates"] if c["candidate_id"] in F.candidate_gaps()]
    q(c1, "we're thin in the netherlands - any recruit candidates?", any_=[[c["name"]] for c in gap if "NL" in c["countries"]],
      why="partner_candidates.csv candidates in NL")
    q(c1, "who is the CM for lisboa cloud?", any_=[[cm_name("P-037")], ["you"]], why="partners.csv channel_manager")
    q(c1, "alpine it: certified staff by track?", any_=[[f"{k_}" for k_ in F.certified_by_track(P["P-001"])] + [str(v) for v in F.certified_by_track(P["P-001"]).values()]],
      why=f"partners.csv: {P['P-001']['certified_staff']}")
    q(c1, "escalation path for a P1 partner ticket?", any_=[["partner operations lead"], ["2 business hours"]],
      why="partner-support-escalation.txt (internal, CM may see)")
    q(c1, "whats the gitlab deal reg rule for partner sourced", any_=[["gitlab"]],
      why="reference content is there, labelled as GitLab's; a CM may read it")
    q(c1, "next best actions for thames", any_=[["login"], ["portal"]],
      why="planted: Thames' portal logins collapsed (6, 5, 4 after ~41)")
    q(c1, "orion: which open deals are registered to them?", any_=[[o["name"].split(" - ")[0] for o in od if o["registered_by"] == "P-009"]],
      why="registered_by P-009 on open deals")
    nopart = [o for o in w["opps"] if o["stage"] in F.OPEN and not o["partner_id"]]
    q(c1, "how many open opps have no partner on them?", any_=[[str(len(nopart))]],
      why=f"open opportunities with an empty partner_id: {len(nopart)}")
    oq = mdfq("P-009", "2026-Q3")
    q(c1, "orion mdf q3: spent vs allocated?", any_=[[str(oq[1]), str(oq[0])]], why=f"P-009 2026-Q3 {oq}")
    q(c1, "nordic stream - what's blocking silver?", any_=[[m] for m in _money(nst["gaps"]["revenue"])] + [["revenue"]],
      why=f"P-068 won {nst['won_revenue']} of the 100,000 silver minimum; deals and certified staff meet it")
    livep_all = [r for r in F.registrations(w, "P-038") if r["days_left"] >= 0]
    q(c1, "paulista: which registrations are still live?", any_=[[r["name"].split(" - ")[0] for r in livep_all]],
      why="registered_by P-038, open, within 90 days of creation")
    q(c1, "how's the weather in munich", expect="not_found", why="off-topic")

    # u-cm-3 (Aiko, ja)
    q(c3, "OPP-2690 にはどのパートナーが良い？", any_=[["sakura"]], why="Sakura Systems fits (JP, Lakehouse + AI Studio)")
    q(c3, "Sakura の認定者数は？", any_=[[str(sst["certified"])]], why=f"certified_staff sums to {sst['certified']}")
    sq = mdfq("P-031", "2026-Q3")
    q(c3, "Sakura の第3四半期のMDF消化率は？", any_=[[f"{sq[1] / sq[0] * 100:.0f}%"], [f"{sq[1] / sq[0] * 100:.1f}%"], [str(sq[1]), str(sq[0])]],
      thread="t-cm3-mdf", why=f"Q3 spent {sq[1]} of {sq[0]}")
    sq2 = mdfq("P-031", "2026-Q2")
    q(c3, "第2四半期は？", any_=[[f"{sq2[1] / sq2[0] * 100:.0f}%"], [f"{sq2[1] / sq2[0] * 100:.1f}%"], [str(sq2[1])]],
      thread="t-cm3-mdf", why=f"Q2 spent {sq2[1]} of {sq2[0]}")
    mine3 = [pid for pid in P if P[pid]["channel_manager"] == c3]
    q(c3, "私の担当パートナーは何社？", any_=[[str(len(mine3)), "社"], [str(len(mine3)), "partner"]],
      why=f"partners.csv channel_manager u-cm-3: {len(mine3)}")
    q(c3, "Sakura のゴールド要件の達成状況は？", any_=[[m] for m in _money(sst["won_revenue"])],
      why=f"won {sst['won_revenue']} / {sst['won_deals']} deals / {sst['certified']} certified: meets gold")
    q(c3, "Sakura のオープン案件の合計金額は？", any_=[[m] for m in _money(sum(float(o['amount']) for o in F.open_deals(w, 'P-031')))],
      why="sum of open deal amounts of P-031")
    q(c3, "今月期限切れになる案件登録はある？", any_=[[r["name"].split(" - ")[0]] for _, r in qs_exp] + [[r["opportunity_id"]] for _, r in qs_exp],
      why="registrations ending within the month: " + ", ".join(r["opportunity_id"] for _, r in qs_exp))
    q(c3, "Yamato Kogyo の案件金額とステージは？", any_=[[m, yk["stage"]] for m in _money(yk["amount"])] + [[m, "提案"] for m in _money(yk["amount"])],
      why=f"OPP-2690 {yk['amount']} {yk['stage']}")
    _absent(w, "Fujiyama Data")
    q(c3, "Fujiyama Data Partners の状況は？", expect="no_such_entity", why="no such partner")
    q(c3, "日本で Streaming ができるパートナーは？",
      any_=[[P[pid]["name"].split(" ")[0]] for pid in P if "JP" in P[pid]["countries"].split(";") and "Streaming" in P[pid]["competencies"].split(";")],
      why="partners.csv: JP + Streaming competency")

    # ================================================================ marketers
    m1, m2_, m3 = "u-mkt-1", "u-mkt-2", "u-mkt-3"
    kits = w["kits"]
    q(m1, "what campaign kits do we have?", any_=[[k_ for k_ in kits], ["lakehouse", "streaming", "governance", "ai studio"]],
      why="campaigns/*.yaml: " + ", ".join(kits))
    sr = kits["streaming-realtime"]
    q(m1, "which languages is the streaming kit in?", any_=[["german", "french", "japanese", "spanish"], ["pt-br", "ja", "fr", "es"]],
      why="streaming-realtime locales: " + ", ".join(sorted(sr["locales"])))
    q(m1, "draft a german email for alpine it from the lakehouse kit", any_=[["Alpine IT", "Marken"]],
      why="lakehouse-modernisation de locale; the German disclaimer ('...Marken der Northwind Data Inc.') must be in the draft")
    q(m1, "what's the CTA on the governance kit", any_=[[kits["governance-compliance"]["call_to_action"]]],
      why="governance-compliance.yaml call_to_action")
    q(m1, "objective of the ai studio launch kit?", any_=[["discovery"]],
      why="ai-studio-launch.yaml objective: " + kits["ai-studio-launch"]["objective"])
    q(m1, "proof point for insurance in the lakehouse kit", any_=[["insurer"]],
      why="lakehouse-modernisation proof_points_by_industry Insurance")
    q(m1, "what's the pipeline on the acme renewal?", expect="refusal", wrong=_money(acm["amount"]),
      why="marketers see no opportunities")
    leadmax = max((m for m in w["mdf"] if m["leads"]), key=lambda m: int(m["leads"]))
    q(m1, "which mdf activity brought the most leads?", any_=[[leadmax["activity_id"]], [leadmax["name"], leadmax["leads"]]],
      why=f"mdf_activities.csv max leads: {leadmax['activity_id']} {leadmax['name']} {leadmax['leads']}")
    q(m1, "how many mdf requests are still pending approval?", any_=[[str(len(req)), "request"], [str(len(req)), "pending"], [str(len(req)), "activit"]],
      why="mdf_activities.csv status requested")
    q(m1, "show me the account overlap between us and alpine it", expect="refusal", why="map is forbidden for marketers")
    q(m1, "what's our 2027 brand campaign budget?", expect="not_found", why="not in the data or content")
    q(m1, "what does the mdf policy say about alcohol at events", any_=[["no alcohol"], ["alcohol"]],
      why="mdf-policy.md: hospitality (no alcohol)")
    q(m1, "draft a linkedin post for keystone with the streaming kit", any_=[["Keystone"]],
      why="streaming-realtime social post co-branded Keystone Data")
    q(m1, "can partners use mdf for paid search?", any_=[["yes"], ["landing page"], ["lead form"]],
      why="mdf-policy.md: paid search eligible when targeted and linked to a landing page with a lead form")
    q(m1, "which partners do streaming in brazil?",
      any_=[[P[pid]["name"].split(" ")[0]] for pid in P if "BR" in P[pid]["countries"].split(";") and "Streaming" in P[pid]["competencies"].split(";")],
      why="partners.csv: BR + Streaming")
    q(m1, "which kit would you use for a bank worried about regulators?", any_=[["governance", "lineage"]],
      why="governance-compliance kit targets lineage / regulatory audiences")
    q(m1, "show me keystone's open deals", expect="refusal", why="marketers see no opportunities",
      wrong=[o["name"].split(" - ")[0] for o in F.open_deals(w, "P-019")])
    q(m1, "how many leads did the orion campaign get", expect="not_found",
      why="Orion (P-009) has no MDF activity; nothing recorded")
    # pt-BR marketer
    q(m2_, "quais kits têm versão em português?", any_=[[k_ for k_ in kits if "pt-BR" in kits[k_]["locales"]],
            ["lakehouse", "streaming", "governance", "ai studio"]],
      why="every kit has a pt-BR locale")
    q(m2_, "faz um rascunho de e-mail do kit lakehouse pra Paulista em português", any_=[["Companhia Paulista", "Northwind"]],
      why="lakehouse-modernisation pt-BR, brand Companhia Paulista de Integração de Dados")
    q(m2_, "qual é o CTA do kit de streaming em português?", any_=[[sr["locales"]["pt-BR"]["call_to_action"]]],
      why="streaming-realtime pt-BR call_to_action")
    q(m2_, "quanto a Lisboa Cloud gastou de MDF no Q3?", any_=[[m] for m in _money(mdfq("P-037", "2026-Q3")[1])],
      why="marketers may list MDF: P-037 2026-Q3 spent")
    q(m2_, "me mostra as oportunidades da Paulista", expect="refusal", why="marketers see no opportunities")
    q(m2_, "qual o público-alvo do kit de governança?", any_=[["governance"], ["governança"], ["risk"], ["risco"], ["privacy"], ["privacidade"]],
      why="governance-compliance audience")
    # de marketer
    q(m3, "Entwurf LinkedIn-Post aus dem Governance-Kit für Alpine IT auf Deutsch", any_=[["Alpine IT", "#DataGovernance"]],
      why="governance-compliance de social_post with #DataGovernance")
    q(m3, "welcher call to action steht im KI-kit auf deutsch?", any_=[[kits["ai-studio-launch"]["locales"]["de"]["call_to_action"]]],
      why="ai-studio-launch de call_to_action")
    q(m3, "welche partner haben mdf im Q3 am wenigsten ausgegeben? (anteilig)", any_=[["maple"]],
      why="Maple Leaf Data spent about 10% of its allocation (lowest ratio of funded partners)")
    q(m3, "zeig mir den pipeline-wert von alpine it", expect="refusal", why="marketers see no opportunities")
    q(m3, "wie hoch ist das mdf budget für gold partner pro quartal?", any_=[[m] for m in _money(18000)],
      why="mdf-policy.md: Gold up to $18,000 per quarter")
    q(m3, "gibt es ein kampagnen-kit für observability?",
      any_=[["kein kampagnen-kit"], ["kein kit"], ["kein eigenes"], ["gibt es nicht"], ["no kit"], [k_ for k_ in kits]],
      why="four kits: lakehouse, streaming, governance, AI Studio; none for Observability (saying no, or listing "
          "the four, serves the user)")

    return b.qs


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="fail if questions.yaml differs from a fresh build")
    a = ap.parse_args(argv)
    qs = build()
    text = ("# Blind s30 question set (issue 17). Generated by build_questions.py from the demo import\n"
            "# folder; do not edit by hand. Scored by evals/blind_seller/score.py's rules.\n"
            + yaml.safe_dump({"questions": qs}, allow_unicode=True, sort_keys=False, width=110))
    if a.check:
        if not OUT.exists() or OUT.read_text(encoding="utf-8") != text:
            print("questions.yaml is stale: run python -m evals.blind_seller_s30.build_questions", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT} ({len(qs)} questions)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
