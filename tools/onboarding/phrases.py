"""The onboarding plan's evidence lines in the reader's language (en, de, fr, es, pt, ja; English otherwise).

One catalogue (`tools.locales.Catalogue`): `phrase(key, lang, **values)` fills a template. Values (ids, names, dates, numbers, file and column names) are never translated, so a line can
always be checked against the data it names.
"""
from __future__ import annotations

from tools.locales import Catalogue

# key -> (en, de, fr, es, pt, ja)
PHRASES: dict[str, tuple[str, ...]] = {
    "trainings_month": (
        "partner_activity {month}: {n} training(s) completed",
        "partner_activity {month}: {n} Training(s) abgeschlossen",
        "partner_activity {month} : {n} formation(s) suivie(s)",
        "partner_activity {month}: {n} formación(es) completada(s)",
        "partner_activity {month}: {n} treinamento(s) concluído(s)",
        "partner_activity {month}: 研修 {n} 件修了"),
    "trainings_total": (
        "{total} training(s) completed since joining; the plan asks for {needed} (one per competency)",
        "{total} Training(s) seit dem Beitritt abgeschlossen; der Plan verlangt {needed} (eines pro Kompetenz)",
        "{total} formation(s) suivie(s) depuis l'adhésion ; le plan en demande {needed} (une par compétence)",
        "{total} formación(es) completada(s) desde el alta; el plan pide {needed} (una por competencia)",
        "{total} treinamento(s) concluído(s) desde a entrada; o plano pede {needed} (um por competência)",
        "参加以来の研修修了 {total} 件、計画上の必要数 {needed} 件（コンピテンシーごとに1件）"),
    "registration_record": (
        "registration {id} for {account} ({status}, submitted {date})",
        "Registrierung {id} für {account} ({status}, eingereicht am {date})",
        "enregistrement {id} pour {account} ({status}, soumis le {date})",
        "registro {id} para {account} ({status}, enviado el {date})",
        "registro {id} para {account} ({status}, enviado em {date})",
        "案件登録 {id}（{account}、{status}、{date} 提出）"),
    "registered_deal": (
        "opportunity {id} {name} registered by the partner",
        "Opportunity {id} {name}, vom Partner registriert",
        "opportunité {id} {name} enregistrée par le partenaire",
        "oportunidad {id} {name} registrada por el partner",
        "oportunidade {id} {name} registrada pelo parceiro",
        "パートナーが登録した案件 {id} {name}"),
    "created": (" (created {date})", " (angelegt am {date})", " (créée le {date})", " (creada el {date})",
                " (criada em {date})", "（{date} 作成）"),
    "registrations_month": (
        "partner_activity {month}: {n} deal(s) registered",
        "partner_activity {month}: {n} Deal(s) registriert",
        "partner_activity {month} : {n} affaire(s) enregistrée(s)",
        "partner_activity {month}: {n} oportunidad(es) registrada(s)",
        "partner_activity {month}: {n} oportunidade(s) registrada(s)",
        "partner_activity {month}: 案件登録 {n} 件"),
    "no_registration": (
        "no registration record, no deal registered by the partner, and no registrations in partner_activity "
        "since joining",
        "kein Registrierungsdatensatz, kein vom Partner registrierter Deal und keine Registrierungen in "
        "partner_activity seit dem Beitritt",
        "aucun enregistrement, aucune affaire enregistrée par le partenaire et aucun enregistrement dans "
        "partner_activity depuis l'adhésion",
        "ningún registro, ninguna oportunidad registrada por el partner y ningún registro en partner_activity "
        "desde el alta",
        "nenhum registro, nenhuma oportunidade registrada pelo parceiro e nenhum registro em partner_activity "
        "desde a entrada",
        "参加以来、案件登録の記録・パートナーが登録した案件・partner_activity の登録はいずれもありません"),
    "certified": ("partners.csv certified_staff: {name}:{count}", "partners.csv certified_staff: {name}:{count}",
                  "partners.csv certified_staff : {name}:{count}", "partners.csv certified_staff: {name}:{count}",
                  "partners.csv certified_staff: {name}:{count}", "partners.csv certified_staff: {name}:{count}"),
    "not_certified": (
        "partners.csv certified_staff lists no {competency} staff",
        "partners.csv certified_staff nennt keine zertifizierten Mitarbeitenden für {competency}",
        "partners.csv certified_staff ne compte personne de certifié en {competency}",
        "partners.csv certified_staff no incluye personal certificado en {competency}",
        "partners.csv certified_staff não lista pessoas certificadas em {competency}",
        "partners.csv certified_staff に {competency} の認定者がいません"),
    "certifications_month": (
        "partner_activity {month}: {n} certification(s) earned (not in certified_staff yet)",
        "partner_activity {month}: {n} Zertifizierung(en) erworben (noch nicht in certified_staff)",
        "partner_activity {month} : {n} certification(s) obtenue(s) (pas encore dans certified_staff)",
        "partner_activity {month}: {n} certificación(es) obtenida(s) (aún no en certified_staff)",
        "partner_activity {month}: {n} certificação(ões) obtida(s) (ainda não em certified_staff)",
        "partner_activity {month}: 認定 {n} 件取得（certified_staff には未反映）"),
    "certified_total": (
        "partners.csv certified_staff: {listed} ({total} in total, {tier} requires {minimum})",
        "partners.csv certified_staff: {listed} (insgesamt {total}, {tier} verlangt {minimum})",
        "partners.csv certified_staff : {listed} ({total} au total, {tier} en demande {minimum})",
        "partners.csv certified_staff: {listed} ({total} en total, {tier} exige {minimum})",
        "partners.csv certified_staff: {listed} ({total} no total, {tier} exige {minimum})",
        "partners.csv certified_staff: {listed}（合計 {total} 名、{tier} の要件は {minimum} 名）"),
    "none": ("none", "keine", "aucun", "ninguno", "nenhum", "なし"),
    "no_win": (
        "no closed_won deal with the partner since joining",
        "seit dem Beitritt kein Deal mit dem Partner als closed_won abgeschlossen",
        "aucune affaire closed_won avec le partenaire depuis l'adhésion",
        "ninguna oportunidad closed_won con el partner desde el alta",
        "nenhuma oportunidade closed_won com o parceiro desde a entrada",
        "参加以来、パートナーとの closed_won の案件はありません"),
    "won_deal": ("opportunity {id} {name}", "Opportunity {id} {name}", "opportunité {id} {name}",
                 "oportunidad {id} {name}", "oportunidade {id} {name}", "案件 {id} {name}"),
    "a_deal": ("a deal", "ein Deal", "une affaire", "una oportunidad", "uma oportunidade", "案件"),
    "won_on": ("{what} closed won on {date}{after}", "{what} am {date} gewonnen{after}",
               "{what} gagnée le {date}{after}", "{what} ganada el {date}{after}", "{what} ganha em {date}{after}",
               "{what} を {date} に受注{after}"),
    "after_joining": (" ({days} days after joining)", " ({days} Tage nach dem Beitritt)",
                      " ({days} jours après l'adhésion)", " ({days} días después del alta)",
                      " ({days} dias após a entrada)", "（参加から {days} 日後）"),
    "tier_metric": ("{metric}: {value} (minimum {minimum})", "{metric}: {value} (Minimum {minimum})",
                    "{metric} : {value} (minimum {minimum})", "{metric}: {value} (mínimo {minimum})",
                    "{metric}: {value} (mínimo {minimum})", "{metric}: {value}（最低 {minimum}）"),
    "won_deals": ("won deals: {ids}", "gewonnene Deals: {ids}", "affaires gagnées : {ids}",
                  "oportunidades ganadas: {ids}", "oportunidades ganhas: {ids}", "受注案件: {ids}"),
    # for next best actions and the digest
    "due": ("due {date}", "fällig am {date}", "échéance le {date}", "vence el {date}", "prazo {date}",
            "期限 {date}"),
    "overdue_since": ("overdue since {date} ({days} days)", "seit {date} überfällig ({days} Tage)",
                      "en retard depuis le {date} ({days} jours)", "atrasado desde el {date} ({days} días)",
                      "atrasado desde {date} ({days} dias)", "{date} から {days} 日超過"),
    "step_of_plan": (
        "onboarding step due {offset} days after joining on {joined}",
        "Onboarding-Schritt, fällig {offset} Tage nach dem Beitritt am {joined}",
        "étape d'intégration due {offset} jours après l'adhésion le {joined}",
        "paso de onboarding, vence {offset} días después del alta el {joined}",
        "etapa de onboarding, prazo de {offset} dias após a entrada em {joined}",
        "{joined} の参加から {offset} 日後が期限のオンボーディング手順"),
}


phrase = Catalogue(PHRASES)
language_for = phrase.language  # the catalogue language for a BCP 47 locale (`de-AT` -> `de`); English otherwise
