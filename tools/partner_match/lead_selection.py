"""Which ranker routes LEADS: the deal backtest's protocol with each test deal seen as a lead, and one more
test, because a lead is sent to the partner most likely to WIN it.

A lead is a deal without history: the company has no deal of ours yet (`leads route` ranks it with the
account's own deal history empty), so a ranker that earns its backtest place on what partners already won at
the account (`account_history`) is judged on a signal leads never have. Here the same windows, candidates,
habit weights and rule (`tools.partner_match.selection.pick_ranker`: the segment ranker unless another
beats it by the margin, statistically and in most windows) judge every won test deal as `leads route`
would see it: under a fresh account id, so no deal at the account counts (wins, engaged partners), with
the company's industry and country, and the partners' relationships with it as serving knows them (the
rows no deal of ours can have created, `RELATIONS_KNOWN_NOW`), handed over as a lead's shared accounts are.

The extra test (`LeadBacktest.pick`): the winners of past deals are mostly partners the vendor chose to
engage (its habit: big, high-tier partners), so a ranker can rank winners well by ranking whom the vendor
engages. Whom to send a lead to is the vendor's choice; what matters is who then wins. The backtest's pick
is kept only when its rank also tells won deals from lost ones (among the engaged partners, `auc`) at
least as well as the incumbent segment ranker's; otherwise the incumbent routes leads.

The deal ranker (`choose_ranker`) is untouched; the lead ranker is built the first time a lead is routed
(`tools.partner_match.service.lead_ranker`).
"""
from __future__ import annotations

import datetime as dt
import logging
from dataclasses import replace

import numpy as np

from tools.partner_match.features import (
    AccountRec,
    DealRec,
    Ecosystem,
    PartnerMatrix,
    _relationship,
    deal_signals,
)
from tools.partner_match.history import HistorySweep
from tools.partner_match.model import MatchModel, train_model
from tools.partner_match.selection import (
    INCUMBENT,
    RELATIONS_KNOWN_NOW,
    Backtest,
    expected_metrics,
    fit_ranker,
    habit_weight,
    model_key,
    pick_ranker,
    run_backtest,
    score_cases,
)

log = logging.getLogger(__name__)
LEAD_PREFIX = "lead:"  # a lead's deal and account ids (tools.leads)


def as_lead(matrix: PartnerMatrix, deal: DealRec, account: AccountRec, as_of: dt.date):
    """(deal, company, relationships) of a past deal seen as an inbound lead for its company."""
    _, known = _relationship(matrix, deal, as_of, RELATIONS_KNOWN_NOW)
    lead_id = f"{LEAD_PREFIX}{deal.opportunity_id}"
    company = replace(account, account_id=lead_id)
    relations = [replace(rel, account_id=lead_id) for rel in known.values()]
    lead = replace(deal.masked(), opportunity_id=lead_id, account_id=lead_id, name=account.name)
    return lead, company, relations


def score_as_leads(eco: Ecosystem, matrix: PartnerMatrix, models: dict[str, MatchModel], cases: list[DealRec],
                   habit: np.ndarray) -> dict[str, dict[str, list]]:
    """`selection.score_cases`, each case seen as a lead (`as_lead`)."""
    sweep = HistorySweep(matrix, eco)
    out = {name: {"won": [], "lost": [], "pct": [], "weight": [], "favoured": []} for name in models}
    for deal in sorted(cases, key=lambda d: (d.opened(), d.opportunity_id)):
        state = sweep.advance(deal.opened())
        lead, company, relations = as_lead(matrix, deal, eco.accounts[deal.account_id], state.as_of)
        signals = deal_signals(matrix, state, lead, company, exclude=deal, relations=relations)
        engaged = matrix.index[deal.partner_id]
        weight = habit_weight(habit, signals.eligible, engaged)
        for name, model in models.items():
            key = model_key(model, signals)
            among = signals.eligible
            out[name]["favoured"].append((1.0 / weight, deal.won))
            out[name]["pct"].append((float((key[among] < key[engaged]).mean()) if among.any() else 0.5, deal.won))
            if deal.won:
                out[name]["won"].append(expected_metrics(key, engaged))
                out[name]["weight"].append(weight)
            else:
                out[name]["lost"].append(expected_metrics(key, engaged))
    return out


class LeadBacktest(Backtest):
    """The backtest's pooled figures with the lead ranker's rule (`pick`)."""

    def pick(self) -> tuple[str, dict[str, dict]]:
        """`pick_ranker`'s choice, kept only when its rank tells won deals from lost ones at least as well
        as the incumbent's (`auc`); else the incumbent. A lead goes to the partner most likely to win it:
        a challenger whose winners' hit rate comes from ranking whom the vendor engages (its habit), not who
        wins once engaged, loses on that."""
        best, verdicts = pick_ranker(self.per_deal, self.weight, self.window, self.auc)
        if best != INCUMBENT and self.auc[best] < self.auc[INCUMBENT]:
            verdicts[best] = verdicts[best] | {"kept_out": f"AUC {self.auc[best]:.3f} below the incumbent's "
                                               f"{self.auc[INCUMBENT]:.3f}"}
            best = INCUMBENT
        return best, verdicts

    def deal_pick(self) -> str:
        """What `choose_ranker` picks from these figures (no AUC check): the deal ranker's rule."""
        return pick_ranker(self.per_deal, self.weight, self.window, self.auc)[0]


def lead_backtest(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date, as_leads: bool = True) -> LeadBacktest | None:
    """The backtest of `choose_ranker` with each test deal seen as a lead (`as_leads`; False: as a deal,
    for comparison); None with too little history."""
    found = run_backtest(eco, matrix, today + dt.timedelta(days=1), score_as_leads if as_leads else score_cases)
    return LeadBacktest(**vars(found)) if found is not None else None


def choose_lead_ranker(eco: Ecosystem, matrix: PartnerMatrix, today: dt.date) -> MatchModel:
    """The ranker that did best on the vendor's recent won deals seen as leads, refitted on all history,
    with its figures (`backtest.as_leads` true). Too little history: the deal ranker's fallback."""
    as_of = today + dt.timedelta(days=1)
    found = lead_backtest(eco, matrix, today)
    if found is None:
        return train_model(eco, matrix, as_of)
    best, verdicts = found.pick()
    model = fit_ranker(eco, matrix, as_of, best)
    model.backtest, model.candidates = found.figures(best, verdicts, as_leads=True)
    log.info("lead routing: ranker %s chosen by the backtest on deals seen as leads %s", best, model.candidates)
    return model
