"""Every fixed sentence of an answer, per language: one catalogue, so that an answer never mixes languages.

`say(key, lang, **values)` fills a template; `answer_language(question, locale)` picks the language: the
question's own when it is clearly written in one of ours (Japanese script; otherwise a confident detection
of 5+ words, or 4 with accents), else the asker's locale from users.csv, else English. A key missing in a
language falls back to English; values (names, ids, numbers, quotes) are never translated.
"""
from __future__ import annotations

import re

from tools.locales import catalogue_language, detect_languages, fill

LANGS = ("en", "de", "fr", "es", "pt", "ja")

# key -> (en, de, fr, es, pt, ja)
MESSAGES: dict[str, tuple[str, ...]] = {
    # asking back
    "which_deal": ("Which deal do you mean?", "Welchen Deal meinen Sie?", "De quelle affaire parlez-vous ?",
                   "¿A qué oportunidad se refiere?", "Qual negócio você quer dizer?", "どの案件のことですか？"),
    "which_deal_hint": ("Which deal do you mean? Name the account or give the opportunity id.",
                        "Welchen Deal meinen Sie? Nennen Sie den Kunden oder die Opportunity-ID.",
                        "De quelle affaire parlez-vous ? Nommez le compte ou donnez l'identifiant de l'opportunité.",
                        "¿A qué oportunidad se refiere? Indique la cuenta o el id de la oportunidad.",
                        "Qual negócio você quer dizer? Diga a conta ou o id da oportunidade.",
                        "どの案件のことですか？顧客名か案件IDを教えてください。"),
    "which_partner": ("Which partner do you mean?", "Welchen Partner meinen Sie?",
                      "De quel partenaire parlez-vous ?", "¿A qué partner se refiere?",
                      "Qual parceiro você quer dizer?", "どのパートナーのことですか？"),
    "which_partner_hint": ("Which partner do you mean? Name it or give its id (for example P-001).",
                           "Welchen Partner meinen Sie? Nennen Sie ihn oder seine ID (zum Beispiel P-001).",
                           "De quel partenaire parlez-vous ? Nommez-le ou donnez son identifiant (par exemple P-001).",
                           "¿A qué partner se refiere? Nómbrelo o indique su id (por ejemplo P-001).",
                           "Qual parceiro você quer dizer? Diga o nome ou o id (por exemplo P-001).",
                           "どのパートナーのことですか？名前かID（例: P-001）を教えてください。"),
    "which_kit": ("Which campaign kit?", "Welches Kampagnen-Kit?", "Quel kit de campagne ?",
                  "¿Qué kit de campaña?", "Qual kit de campanha?", "どのキャンペーンキットですか？"),
    "which_kit_draft": ("Which campaign kit should the draft use?", "Welches Kampagnen-Kit soll der Entwurf nutzen?",
                        "Quel kit de campagne le brouillon doit-il utiliser ?",
                        "¿Qué kit de campaña debe usar el borrador?", "Qual kit de campanha o rascunho deve usar?",
                        "下書きにはどのキャンペーンキットを使いますか？"),
    "reply_with": ("Reply with the number, the name or the id.", "Antworten Sie mit der Nummer, dem Namen oder der ID.",
                   "Répondez avec le numéro, le nom ou l'identifiant.", "Responda con el número, el nombre o el id.",
                   "Responda com o número, o nome ou o id.", "番号、名前、またはIDで返信してください。"),
    # refusals and errors
    "change": ("I can only look things up and draft content; I cannot change partners, accounts, deals or users. "
               "Please make that change in the source system (or the import files) and re-ingest.",
               "Ich kann nur nachschlagen und Inhalte entwerfen; Partner, Kunden, Deals oder Benutzer kann ich nicht "
               "ändern. Bitte ändern Sie das im Quellsystem (oder in den Importdateien) und importieren Sie neu.",
               "Je peux seulement consulter et rédiger du contenu ; je ne peux pas modifier les partenaires, comptes, "
               "affaires ou utilisateurs. Faites ce changement dans le système source (ou les fichiers d'import) et "
               "réimportez.",
               "Solo puedo consultar y redactar contenido; no puedo cambiar partners, cuentas, oportunidades ni "
               "usuarios. Haga ese cambio en el sistema de origen (o en los ficheros de importación) y vuelva a importar.",
               "Só posso consultar e redigir conteúdo; não posso alterar parceiros, contas, negócios ou usuários. "
               "Faça essa alteração no sistema de origem (ou nos arquivos de importação) e importe de novo.",
               "私は検索と下書きだけができ、パートナー・顧客・案件・ユーザーは変更できません。"
               "元のシステム（またはインポートファイル）で変更して、再取り込みしてください。"),
    "foreign_partner": ("Sorry, you may only see your own organisation's data, so I did not look up the other "
                        "partner you named.",
                        "Sie dürfen nur die Daten Ihrer eigenen Organisation sehen; den anderen Partner habe ich "
                        "daher nicht nachgeschlagen.",
                        "Désolé, vous ne pouvez voir que les données de votre organisation ; je n'ai donc pas "
                        "consulté l'autre partenaire cité.",
                        "Lo siento, solo puede ver los datos de su propia organización, así que no consulté el "
                        "otro partner que mencionó.",
                        "Desculpe, você só pode ver os dados da sua própria organização, então não consultei o "
                        "outro parceiro mencionado.",
                        "申し訳ありませんが、ご覧いただけるのは自社のデータのみのため、挙げられた他のパートナーは調べていません。"),
    "forbidden_see": ("Sorry, you may not see that: {reason}.", "Das dürfen Sie leider nicht sehen: {reason}.",
                      "Désolé, vous ne pouvez pas voir cela : {reason}.", "Lo siento, no puede ver eso: {reason}.",
                      "Desculpe, você não pode ver isso: {reason}.",
                      "申し訳ありませんが、それを閲覧する権限がありません: {reason}。"),
    "forbidden_do": ("Sorry, as a {role} you may not {what}, so I did not look it up.",
                     "Sie haben leider keine Berechtigung dazu: Als {role} dürfen Sie nicht {what}; ich habe es "
                     "daher nicht nachgeschlagen.",
                     "Désolé, en tant que {role} vous n'êtes pas autorisé(e) à {what} ; je n'ai donc pas cherché.",
                     "Lo siento, como {role} no está autorizado a {what}, así que no lo consulté.",
                     "Desculpe, acesso não autorizado: como {role} você não pode {what}, então não consultei.",
                     "申し訳ありませんが、{role}の方には{what}権限がないため、調べていません。"),
    "portfolio_internal": ("Sorry, only the vendor's channel managers and admins see the partner portfolio, so I did "
                           "not look it up.",
                           "Sie dürfen das Partnerportfolio leider nicht sehen: Es ist für die Channel Manager und "
                           "Admins des Herstellers. Ich habe es daher nicht nachgeschlagen.",
                           "Désolé, vous ne pouvez pas voir le portefeuille de partenaires : il est réservé aux "
                           "channel managers et administrateurs de l'éditeur. Je n'ai donc pas cherché.",
                           "Lo siento, no puede ver la cartera de partners: es para los channel managers y "
                           "administradores del fabricante, así que no lo consulté.",
                           "Desculpe, você não pode ver o portfólio de parceiros: ele é para os gerentes de canal e "
                           "administradores do fornecedor, então não consultei.",
                           "申し訳ありませんが、パートナーポートフォリオを閲覧する権限がありません（ベンダーのチャネルマネージャーと"
                           "管理者向けです）。調べていません。"),
    "foreign_figures": ("Sorry, you may only see your own organisation's figures, so I did not look up the other "
                        "partner you named.",
                        "Die Zahlen anderer Partner dürfen Sie leider nicht sehen, nur die Ihrer eigenen Organisation; "
                        "den anderen Partner habe ich daher nicht nachgeschlagen.",
                        "Désolé, vous ne pouvez pas voir les chiffres d'un autre partenaire, seulement ceux de votre "
                        "organisation ; je n'ai donc pas consulté l'autre partenaire cité.",
                        "Lo siento, no puede ver las cifras de otro partner, solo las de su propia organización, así "
                        "que no consulté el otro partner que mencionó.",
                        "Desculpe, você não pode ver os números de outro parceiro, só os da sua própria organização, "
                        "então não consultei o outro parceiro mencionado.",
                        "申し訳ありませんが、他のパートナーの数値を閲覧する権限はありません（自社の数値のみご覧いただけます）。"
                        "挙げられた他のパートナーは調べていません。"),
    "role_partner_seller": ("partner seller", "Partner-Vertriebsmitarbeiter", "vendeur partenaire",
                            "vendedor del partner", "vendedor do parceiro", "パートナー営業"),
    "role_channel_manager": ("channel manager", "Channel Manager", "channel manager", "channel manager",
                             "gerente de canal", "チャネルマネージャー"),
    "role_marketer": ("marketer", "Marketing-Mitarbeiter", "marketeur", "responsable de marketing",
                      "profissional de marketing", "マーケティング担当"),
    "role_admin": ("admin", "Administrator", "administrateur", "administrador", "administrador", "管理者"),
    "may_match": ("rank partners for deals (partner matching is for the vendor's channel team)",
                  "Partner für Deals bewerten (das Partner-Matching ist für das Channel-Team des Herstellers)",
                  "classer des partenaires pour des affaires (c'est réservé à l'équipe channel de l'éditeur)",
                  "clasificar partners para oportunidades (es para el equipo de canal del fabricante)",
                  "classificar parceiros para negócios (isso é para a equipe de canal do fornecedor)",
                  "案件に合うパートナーを順位付けする（ベンダーのチャネルチーム向けの機能です）"),
    "may_map": ("see account mapping", "das Account Mapping sehen", "voir le mapping de comptes",
                "ver el mapeo de cuentas", "ver o mapeamento de contas", "アカウントマッピングを見る"),
    "may_nba": ("see next best actions", "die nächsten Schritte sehen", "voir les prochaines actions",
                "ver las próximas acciones", "ver as próximas ações", "次のアクションを見る"),
    "may_draft": ("create drafts", "Entwürfe erstellen", "créer des brouillons", "crear borradores",
                  "criar rascunhos", "下書きを作成する"),
    "may_recruit": ("see partner recruitment candidates (that is for the vendor's channel team)",
                    "Kandidaten für die Partnergewinnung sehen (das ist für das Channel-Team des Herstellers)",
                    "voir les candidats au recrutement de partenaires (réservé à l'équipe channel de l'éditeur)",
                    "ver candidatos para reclutar partners (es para el equipo de canal del fabricante)",
                    "ver candidatos a parceiro (isso é para a equipe de canal do fornecedor)",
                    "パートナー候補を見る（ベンダーのチャネルチーム向けの機能です）"),
    "may_onboarding": ("see onboarding plans", "Onboarding-Pläne sehen", "voir les plans d'onboarding",
                       "ver planes de onboarding", "ver planos de onboarding", "オンボーディング計画を見る"),
    "may_directory": ("search the partner directory (it is for the vendor's own teams)",
                      "das Partnerverzeichnis durchsuchen (es ist für die eigenen Teams des Herstellers)",
                      "chercher dans l'annuaire des partenaires (il est réservé aux équipes de l'éditeur)",
                      "buscar en el directorio de partners (es para los equipos del fabricante)",
                      "pesquisar o diretório de parceiros (é para as equipes do fornecedor)",
                      "パートナーディレクトリを検索する（ベンダー社内チーム向けの機能です）"),
    "may_any": ("see that", "das sehen", "voir cela", "ver eso", "ver isso", "それを見る"),
    "not_found": ("I could not find that: {detail}.", "Das habe ich nicht gefunden: {detail}.",
                  "Je n'ai pas trouvé cela : {detail}.", "No encontré eso: {detail}.",
                  "Não encontrei isso: {detail}.", "見つかりませんでした: {detail}。"),
    "no_such": ("There is no {what} called \"{name}\" in the data you may see.",
                "In den Daten, die Sie sehen dürfen, gibt es kein(e) {what} namens \"{name}\".",
                "Il n'existe pas de {what} nommé(e) « {name} » dans les données que vous pouvez voir.",
                "No existe ningún/ninguna {what} llamado/a \"{name}\" en los datos que puede ver.",
                "Não existe {what} chamado(a) \"{name}\" nos dados que você pode ver.",
                "ご覧いただけるデータに「{name}」という{what}はありません（存在しません）。"),
    "what_deal": ("deal", "Deal", "affaire", "oportunidad", "negócio", "案件"),
    "what_partner": ("partner", "Partner", "partenaire", "partner", "parceiro", "パートナー"),
    "what_entity": ("deal, account or partner", "Deal, Kunde oder Partner", "affaire, compte ou partenaire",
                    "oportunidad, cuenta o partner", "negócio, conta ou parceiro", "案件・顧客・パートナー"),
    "nothing_more": ("There is nothing more to show; ask me a new question.",
                     "Mehr gibt es nicht zu zeigen; stellen Sie mir eine neue Frage.",
                     "Il n'y a rien de plus à montrer ; posez-moi une nouvelle question.",
                     "No hay nada más que mostrar; hágame otra pregunta.",
                     "Não há mais nada a mostrar; faça uma nova pergunta.",
                     "これ以上表示するものはありません。新しい質問をどうぞ。"),
    # content search
    "content_none": ("I found nothing about that in the content you may see.",
                     "Dazu habe ich in den Inhalten, die Sie sehen dürfen, nichts gefunden.",
                     "Je n'ai rien trouvé à ce sujet dans le contenu que vous pouvez voir.",
                     "No encontré nada sobre eso en el contenido que puede ver.",
                     "Não encontrei nada sobre isso no conteúdo que você pode ver.",
                     "ご覧いただけるコンテンツには、それについての情報が見つかりませんでした。"),
    "content_from": ("From the enablement content:", "Aus den Enablement-Inhalten:",
                     "D'après le contenu de formation :", "Del contenido de habilitación:",
                     "Do conteúdo de capacitação:", "イネーブルメント資料より:"),
    "content_closest": ("I found no passage that answers this directly; the closest ones:",
                        "Ich habe keine Passage gefunden, die das direkt beantwortet; die nächstliegenden:",
                        "Je n'ai trouvé aucun passage qui y réponde directement ; les plus proches :",
                        "No encontré ningún pasaje que lo responda directamente; los más cercanos:",
                        "Não encontrei nenhum trecho que responda diretamente; os mais próximos:",
                        "直接答える箇所は見つかりませんでした。最も近い箇所:"),
    # next best actions and matches
    "nba_head": ("Next best actions for {subject}, most important first:",
                 "Nächste Schritte für {subject}, das Wichtigste zuerst:",
                 "Prochaines actions pour {subject}, les plus importantes d'abord :",
                 "Próximas acciones para {subject}, las más importantes primero:",
                 "Próximas ações para {subject}, as mais importantes primeiro:",
                 "{subject} の次のアクション（重要度順）:"),
    "nba_more": ("More actions for {subject}, most important first:", "Weitere Schritte für {subject}:",
                 "Autres actions pour {subject} :", "Más acciones para {subject}:", "Mais ações para {subject}:",
                 "{subject} のその他のアクション:"),
    "nba_none": ("Nothing urgent for {subject} right now.", "Für {subject} ist gerade nichts dringend.",
                 "Rien d'urgent pour {subject} en ce moment.", "Nada urgente para {subject} por ahora.",
                 "Nada urgente para {subject} agora.", "{subject} について、今すぐ必要な対応はありません。"),
    "nba_no_more": ("No more actions for {subject}.", "Keine weiteren Schritte für {subject}.",
                    "Plus d'autres actions pour {subject}.", "No hay más acciones para {subject}.",
                    "Não há mais ações para {subject}.", "{subject} のアクションは以上です。"),
    "helpful": ("Helpful", "Hilfreich", "Utile", "Útil", "Útil", "参考資料"),
    "match_head": ("Partners to bring into {deal}, best first:", "Partner für {deal}, die besten zuerst:",
                   "Partenaires à associer à {deal}, les meilleurs d'abord :",
                   "Partners para {deal}, los mejores primero:", "Parceiros para {deal}, os melhores primeiro:",
                   "{deal} に適したパートナー（適合度順）:"),
    "match_more": ("More partners for {deal}, best first:", "Weitere Partner für {deal}:",
                   "Autres partenaires pour {deal} :", "Más partners para {deal}:", "Mais parceiros para {deal}:",
                   "{deal} のその他のパートナー:"),
    "match_none": ("No partner is a good fit for {deal} (none is authorised for its products and country).",
                   "Kein Partner passt zu {deal} (keiner ist für dessen Produkte und Land autorisiert).",
                   "Aucun partenaire ne convient pour {deal} (aucun n'est autorisé pour ses produits et son pays).",
                   "Ningún partner encaja con {deal} (ninguno está autorizado para sus productos y país).",
                   "Nenhum parceiro é adequado para {deal} (nenhum é autorizado para seus produtos e país).",
                   "{deal} に適したパートナーはいません（製品と国の認定を持つパートナーがいません）。"),
    "match_no_more": ("No more partners ranked for {deal}.", "Keine weiteren Partner für {deal}.",
                      "Plus d'autres partenaires pour {deal}.", "No hay más partners para {deal}.",
                      "Não há mais parceiros para {deal}.", "{deal} のパートナーは以上です。"),
    "score": ("score", "Score", "score", "puntuación", "pontuação", "スコア"),
    "checks": ("Checks", "Prüfungen", "Vérifications", "Comprobaciones", "Verificações", "チェック"),
    # partner profile
    "tier_now": ("{partner} is {tier} today.", "{partner} ist heute {tier}.", "{partner} est {tier} aujourd'hui.",
                 "{partner} es {tier} hoy.", "{partner} é {tier} hoje.", "{partner} の現在のティアは {tier} です。"),
    "tier_qualifies": ("On the trailing 12 months it qualifies for {tier}.",
                       "Nach den letzten 12 Monaten qualifiziert er sich für {tier}.",
                       "Sur les 12 derniers mois, il se qualifie pour {tier}.",
                       "Según los últimos 12 meses, califica para {tier}.",
                       "Pelos últimos 12 meses, qualifica-se para {tier}.",
                       "直近12か月の実績では {tier} の条件を満たしています。"),
    "tier_towards": ("Towards {tier}:", "Auf dem Weg zu {tier}:", "Vers {tier} :", "Hacia {tier}:",
                     "Rumo a {tier}:", "{tier} への進捗:"),
    "tier_all_met": ("Every {tier} requirement is met: on track for {tier}.",
                     "Alle Anforderungen für {tier} sind erfüllt: auf Kurs für {tier}.",
                     "Toutes les exigences {tier} sont remplies : en bonne voie pour {tier}.",
                     "Se cumplen todos los requisitos de {tier}: en camino a {tier}.",
                     "Todos os requisitos de {tier} foram atendidos: no caminho para {tier}.",
                     "{tier} の要件をすべて満たしています（{tier} 達成圏内）。"),
    "tier_missing": ("Still missing for {tier}: {gaps}.", "Für {tier} fehlt noch: {gaps}.",
                     "Il manque encore pour {tier} : {gaps}.", "Aún falta para {tier}: {gaps}.",
                     "Ainda falta para {tier}: {gaps}.", "{tier} まで不足: {gaps}。"),
    "tier_top": ("{partner} is already in the highest tier.", "{partner} ist bereits in der höchsten Stufe.",
                 "{partner} est déjà au niveau le plus élevé.", "{partner} ya está en el nivel más alto.",
                 "{partner} já está no nível mais alto.", "{partner} はすでに最上位のティアです。"),
    "check_line": ("- {metric}: {value} of {minimum} needed {mark}", "- {metric}: {value} von {minimum} nötig {mark}",
                   "- {metric} : {value} sur {minimum} requis {mark}", "- {metric}: {value} de {minimum} necesarios {mark}",
                   "- {metric}: {value} de {minimum} necessários {mark}", "- {metric}: {value} / 必要 {minimum} {mark}"),
    "more_of": ("{n} more {metric}", "{n} mehr {metric}", "{n} de plus en {metric}", "{n} más de {metric}",
                "mais {n} de {metric}", "{metric} があと {n}"),
    "m_won_revenue_12m": ("won revenue with partner involvement (12 months)",
                          "gewonnener Umsatz mit Partnerbeteiligung (12 Monate)",
                          "revenu gagné avec le partenaire (12 mois)", "ingresos ganados con el partner (12 meses)",
                          "receita ganha com o parceiro (12 meses)", "パートナー関与の受注額（12か月）"),
    "m_won_deals_12m": ("won deals (12 months)", "gewonnene Deals (12 Monate)", "affaires gagnées (12 mois)",
                        "oportunidades ganadas (12 meses)", "negócios ganhos (12 meses)", "受注件数（12か月）"),
    "m_certified_staff": ("certified staff", "zertifizierte Mitarbeitende", "personnes certifiées",
                          "personas certificadas", "pessoas certificadas", "認定資格者数"),
    "m_deals_registered_12m": ("deals registered (12 months)", "registrierte Deals (12 Monate)",
                               "affaires enregistrées (12 mois)", "oportunidades registradas (12 meses)",
                               "negócios registrados (12 meses)", "案件登録数（12か月）"),
    "mdf": ("MDF for {partner}, {first} to {last}: {allocated} allocated, {spent} spent, {left} left.",
            "MDF für {partner}, {first} bis {last}: {allocated} zugeteilt, {spent} ausgegeben, {left} übrig.",
            "MDF de {partner}, de {first} à {last} : {allocated} alloués, {spent} dépensés, {left} restants.",
            "MDF de {partner}, de {first} a {last}: {allocated} asignados, {spent} gastados, {left} disponibles.",
            "MDF de {partner}, de {first} a {last}: {allocated} alocados, {spent} gastos, {left} restantes.",
            "{partner} のMDF（{first}〜{last}）: 割当 {allocated}、消化 {spent}、残り {left}。"),
    "mdf_period": ("MDF for {partner} in {period} ({first} to {last}): {allocated} allocated, {spent} spent, {left} left.",
                   "MDF für {partner} in {period} ({first} bis {last}): {allocated} zugeteilt, {spent} ausgegeben, "
                   "{left} übrig.",
                   "MDF de {partner} en {period} ({first} à {last}) : {allocated} alloués, {spent} dépensés, "
                   "{left} restants.",
                   "MDF de {partner} en {period} ({first} a {last}): {allocated} asignados, {spent} gastados, "
                   "{left} disponibles.",
                   "MDF de {partner} em {period} ({first} a {last}): {allocated} alocados, {spent} gastos, "
                   "{left} restantes.",
                   "{partner} の{period}のMDF（{first}〜{last}）: 割当 {allocated}、消化 {spent}、残り {left}。"),
    "mdf_none_period": ("No MDF is recorded for {partner} in {period} yet.",
                        "Für {partner} ist in {period} noch kein MDF erfasst.",
                        "Aucun MDF n'est encore enregistré pour {partner} en {period}.",
                        "Aún no hay MDF registrado para {partner} en {period}.",
                        "Ainda não há MDF registrado para {partner} em {period}.",
                        "{partner} の{period}のMDF記録はまだありません。"),
    "mdf_none": ("No MDF is recorded for {partner} in the last six months.",
                 "Für {partner} ist in den letzten sechs Monaten kein MDF erfasst.",
                 "Aucun MDF n'est enregistré pour {partner} sur les six derniers mois.",
                 "No hay MDF registrado para {partner} en los últimos seis meses.",
                 "Não há MDF registrado para {partner} nos últimos seis meses.",
                 "{partner} の直近6か月のMDF記録はありません。"),
    "certified": ("{partner} has {total} certified people: {detail}.",
                  "{partner} hat {total} zertifizierte Mitarbeitende: {detail}.",
                  "{partner} compte {total} personnes certifiées : {detail}.",
                  "{partner} tiene {total} personas certificadas: {detail}.",
                  "{partner} tem {total} pessoas certificadas: {detail}.",
                  "{partner} の認定資格者は {total} 人です（{detail}）。"),
    "certified_none": ("{partner} has no certified staff on record.", "{partner} hat keine zertifizierten Mitarbeitenden erfasst.",
                       "{partner} n'a aucune personne certifiée enregistrée.", "{partner} no tiene personas certificadas registradas.",
                       "{partner} não tem pessoas certificadas registradas.", "{partner} の認定資格者の記録はありません。"),
    "regs_head": ("Deal registrations of {partner} ({days}-day protection from the deal's creation):",
                  "Deal-Registrierungen von {partner} ({days} Tage Schutz ab Anlage des Deals):",
                  "Enregistrements d'affaires de {partner} (protection de {days} jours à partir de la création) :",
                  "Registros de oportunidades de {partner} (protección de {days} días desde su creación):",
                  "Registros de negócios de {partner} (proteção de {days} dias a partir da criação):",
                  "{partner} の案件登録（作成日から{days}日間保護）:"),
    "regs_none": ("{partner} has no open registrations (no open deal registered by it).", "{partner} hat keine offenen registrierten Deals.",
                  "{partner} n'a aucune affaire enregistrée ouverte.", "{partner} no tiene oportunidades registradas abiertas.",
                  "{partner} não tem negócios registrados abertos.", "{partner} には有効な登録済み案件がありません。"),
    "reg_left": ("- {deal}: protected until {ends}, {days} days left", "- {deal}: geschützt bis {ends}, noch {days} Tage",
                 "- {deal} : protégée jusqu'au {ends}, encore {days} jours", "- {deal}: protegida hasta {ends}, quedan {days} días",
                 "- {deal}: protegido até {ends}, faltam {days} dias", "- {deal}: {ends} まで保護、残り{days}日"),
    "reg_expired": ("- {deal}: protection expired on {ends} ({days} days ago)",
                    "- {deal}: Schutz abgelaufen am {ends} (vor {days} Tagen)",
                    "- {deal} : protection expirée le {ends} (il y a {days} jours)",
                    "- {deal}: protección vencida el {ends} (hace {days} días)",
                    "- {deal}: proteção vencida em {ends} (há {days} dias)", "- {deal}: 保護は{ends}に終了（{days}日前）"),
    "reg_not_ours": ("{deal} is not registered by {partner} (no deal registration of yours on it).",
                     "{deal} ist nicht von {partner} registriert (keine Registrierung von Ihnen).",
                     "{deal} n'est pas enregistrée par {partner} (aucun enregistrement de votre part).",
                     "{deal} no está registrada por {partner} (sin registro suyo).",
                     "{deal} não está registrado por {partner} (sem registro seu).",
                     "{deal} は {partner} による登録がありません（未登録）。"),
    "reg_other": ("{deal} is registered by another partner.", "{deal} ist von einem anderen Partner registriert.",
                  "{deal} est enregistrée par un autre partenaire.", "{deal} está registrada por otro partner.",
                  "{deal} está registrado por outro parceiro.", "{deal} は別のパートナーが登録しています。"),
    "conflicts_none": ("No registration conflicts on {partner}'s open deals.",
                       "Keine Registrierungskonflikte bei den offenen Deals von {partner}.",
                       "Aucun conflit d'enregistrement sur les affaires ouvertes de {partner}.",
                       "No hay conflictos de registro en las oportunidades abiertas de {partner}.",
                       "Não há conflitos de registro nos negócios abertos de {partner}.",
                       "{partner} のオープン案件に登録の競合はありません。"),
    "conflicts_head": ("{n} of {partner}'s open deals have a registration conflict (another partner registered "
                       "the deal or the same account):",
                       "{n} offene Deals von {partner} haben einen Registrierungskonflikt (ein anderer Partner hat "
                       "den Deal oder denselben Kunden registriert):",
                       "{n} affaires ouvertes de {partner} ont un conflit d'enregistrement (un autre partenaire a "
                       "enregistré l'affaire ou le même compte) :",
                       "{n} oportunidades abiertas de {partner} tienen un conflicto de registro (otro partner "
                       "registró la oportunidad o la misma cuenta):",
                       "{n} negócios abertos de {partner} têm conflito de registro (outro parceiro registrou o "
                       "negócio ou a mesma conta):",
                       "{partner} のオープン案件のうち{n}件に登録の競合があります（別パートナーが同じ案件または顧客を登録）:"),
    "deals_head": ("{partner} has {n} open deals:", "{partner} hat {n} offene Deals:",
                   "{partner} a {n} affaires ouvertes :", "{partner} tiene {n} oportunidades abiertas:",
                   "{partner} tem {n} negócios abertos:", "{partner} のオープン案件は{n}件です:"),
    "deals_head_stage": ("{partner} has {n} open deals in {stage}:", "{partner} hat {n} offene Deals in {stage}:",
                         "{partner} a {n} affaires ouvertes en {stage} :",
                         "{partner} tiene {n} oportunidades abiertas en {stage}:",
                         "{partner} tem {n} negócios abertos em {stage}:", "{partner} の{stage}段階のオープン案件は{n}件です:"),
    "deals_none_stage": ("{partner} has no open deals in {stage}.", "{partner} hat keine offenen Deals in {stage}.",
                         "{partner} n'a aucune affaire ouverte en {stage}.",
                         "{partner} no tiene oportunidades abiertas en {stage}.",
                         "{partner} não tem negócios abertos em {stage}.", "{partner} に{stage}段階のオープン案件はありません。"),
    "deals_total": ("Total value: {total}.", "Gesamtwert: {total}.", "Valeur totale : {total}.", "Valor total: {total}.",
                    "Valor total: {total}.", "合計金額: {total}。"),
    "total_label": ("Total", "Gesamt", "Total", "Total", "Total", "合計"),
    # facts about the deals of the last answer (assistant.engine.deal_facts)
    "fact_days_left": ("protected until {ends}, {days} days left", "geschützt bis {ends}, noch {days} Tage",
                       "protégée jusqu'au {ends}, encore {days} jours", "protegida hasta {ends}, quedan {days} días",
                       "protegido até {ends}, faltam {days} dias", "{ends} まで保護、残り{days}日"),
    "fact_expired": ("protection expired on {ends} ({days} days ago)", "Schutz abgelaufen am {ends} (vor {days} Tagen)",
                     "protection expirée le {ends} (il y a {days} jours)",
                     "protección vencida el {ends} (hace {days} días)", "proteção vencida em {ends} (há {days} dias)",
                     "保護は{ends}に終了（{days}日前）"),
    "fact_not_registered": ("not registered by you, so no protection runs", "nicht von Ihnen registriert, kein Schutz",
                            "pas enregistrée par vous, aucune protection", "no registrada por ustedes, sin protección",
                            "não registrado por vocês, sem proteção", "登録されていないため保護期間はありません"),
    "fact_reg_other": ("registered by another partner", "von einem anderen Partner registriert",
                       "enregistrée par un autre partenaire", "registrada por otro partner",
                       "registrado por outro parceiro", "別のパートナーが登録済み"),
    "fact_stage": ("stage {stage}", "Phase {stage}", "étape {stage}", "etapa {stage}", "estágio {stage}",
                   "段階: {stage}"),
    "fact_close": ("closes {close}", "Abschluss {close}", "clôture le {close}", "cierre el {close}",
                   "fechamento em {close}", "クローズ予定日 {close}"),
    "fact_close_past": ("close date {close} passed {days} days ago", "Abschlussdatum {close} seit {days} Tagen überschritten",
                        "date de clôture {close} dépassée depuis {days} jours",
                        "fecha de cierre {close} vencida hace {days} días",
                        "data de fechamento {close} vencida há {days} dias",
                        "クローズ予定日 {close} を{days}日過ぎています"),
    "fact_close_ahead": ("closes {close}, in {days} days", "Abschluss {close}, in {days} Tagen",
                         "clôture le {close}, dans {days} jours", "cierre el {close}, en {days} días",
                         "fechamento em {close}, em {days} dias", "クローズ予定日 {close}（あと{days}日）"),
    "fact_amount": ("{amount}", "{amount}", "{amount}", "{amount}", "{amount}", "{amount}"),
    "facts_none_past_close": ("None of these deals is past its close date.",
                              "Keiner dieser Deals hat sein Abschlussdatum überschritten.",
                              "Aucune de ces affaires n'a dépassé sa date de clôture.",
                              "Ninguna de estas oportunidades ha pasado su fecha de cierre.",
                              "Nenhum destes negócios passou da data de fechamento.",
                              "クローズ予定日を過ぎた案件はありません。"),
    "facts_none": ("I found none of those deals.", "Keinen dieser Deals gefunden.", "Aucune de ces affaires trouvée.",
                   "No encontré ninguna de esas oportunidades.", "Não encontrei nenhum desses negócios.",
                   "該当する案件は見つかりませんでした。"),
    "deals_none": ("{partner} has no open deals.", "{partner} hat keine offenen Deals.",
                   "{partner} n'a aucune affaire ouverte.", "{partner} no tiene oportunidades abiertas.",
                   "{partner} não tem negócios abertos.", "{partner} にオープン案件はありません。"),
    "deal_line": ("- {deal}: {stage}, {amount}, closes {close}", "- {deal}: {stage}, {amount}, Abschluss {close}",
                  "- {deal} : {stage}, {amount}, clôture {close}", "- {deal}: {stage}, {amount}, cierre {close}",
                  "- {deal}: {stage}, {amount}, fechamento {close}", "- {deal}: {stage}、{amount}、クローズ予定 {close}"),
    "and_more": ("… and {n} more.", "… und {n} weitere.", "… et {n} de plus.", "… y {n} más.", "… e mais {n}.",
                 "…ほか{n}件。"),
    "cm_is": ("{partner}'s channel manager is {name}{email}.", "Channel Manager von {partner} ist {name}{email}.",
              "Le channel manager de {partner} est {name}{email}.", "El channel manager de {partner} es {name}{email}.",
              "O gerente de canal de {partner} é {name}{email}.", "{partner} のチャネルマネージャーは {name}{email} です。"),
    "cm_none": ("I could not find a channel manager for {partner} in the data: partners.csv names none.",
                "Einen Channel Manager für {partner} habe ich in den Daten nicht gefunden: partners.csv nennt keinen.",
                "Je n'ai pas trouvé de channel manager pour {partner} dans les données : partners.csv n'en indique aucun.",
                "No encontré ningún channel manager para {partner} en los datos: partners.csv no indica ninguno.",
                "Não encontrei um gerente de canal para {partner} nos dados: partners.csv não indica nenhum.",
                "データには {partner} のチャネルマネージャーが見つかりません（partners.csv に記載がありません）。"),
}


def say(key: str, lang: str = "en", **values: object) -> str:
    """The sentence `key` in `lang` (English when we have no such language), filled with `values`."""
    return fill(MESSAGES[key], lang, values, LANGS)


_JAPANESE = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def answer_language(question: str, locale: str | None = None) -> str:
    """The language to answer in: the question's own when clear, else the asker's locale, else English."""
    if _JAPANESE.search(question or ""):
        return "ja"
    own = _locale_language(locale)
    words = re.findall(r"[^\W\d_]+", question or "")
    accented = any(ord(ch) > 127 for ch in question)
    if len(words) >= 5 or (len(words) >= 4 and accented):  # fewer plain words are too easily misread
        guesses = detect_languages(" ".join(words).lower())
        if guesses and guesses[0].lang in LANGS and guesses[0].prob >= 0.7:
            return guesses[0].lang
    return own


def _locale_language(locale: str | None) -> str:
    return catalogue_language(locale, LANGS)  # a malformed locale in users.csv: English
