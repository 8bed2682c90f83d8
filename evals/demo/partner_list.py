"""The curated partner roster of Northwind Data: names, types, tiers and territories.

Names, types, tiers and territories are fixed (demos and docs refer to them); competencies, industries,
hidden skills and everything numeric are drawn from the seed. `joined` is a year, or `recent` for a
partner that joined in the last six months (cold start for matching).
Columns: key | name | brand_name ('' = name) | type | tier | countries | HQ city | website | joined
"""
from __future__ import annotations

from dataclasses import dataclass

_ROSTER = """
alpine|Alpine IT||var|gold|DE;AT;CH|München|alpine-it.de|2019
rheinland|Rheinland Datenwerk GmbH|Rheinland Datenwerk|system_integrator|platinum|DE;AT;CH;NL|Düsseldorf|datenwerk-rheinland.de|2014
bergmann|Bergmann & Partner Consulting GmbH|Bergmann & Partner|consultancy|silver|DE;AT|Frankfurt am Main|bergmann-partner.de|2020
helvetic|Helvetic Data Services AG|Helvetic Data|msp|silver|CH;AT|Zürich|helvetic-data.ch|2018
donau|Donau Cloud GmbH|Donau Cloud|reseller|registered|AT;DE|Wien|donaucloud.at|2022
hanse|Hanse Digital GmbH|Hanse Digital|var|silver|DE;DK;PL|Hamburg|hanse-digital.de|2017
databridge|DataBridge Distribution GmbH|DataBridge|distributor|platinum|DE;AT;CH;PL;NL;BE;SE;DK;FI;NO|Köln|databridge-distribution.eu|2013
lumiere|Lumière Analytique SAS|Lumière Analytique|consultancy|gold|FR;BE;LU|Paris|lumiere-analytique.fr|2018
orion|Groupe Orion Intégration SA|Orion Intégration|system_integrator|platinum|FR;ES;IT;BE;CH|Paris|orion-integration.fr|2015
provence|Provence Cloud Services SARL|Provence Cloud|msp|registered|FR|Marseille|provence-cloud.fr|2021
atelier|Atelier Données SAS|Atelier Données|influencer|registered|FR;BE|Lyon|atelier-donnees.fr|recent
reseau|Réseau Data Conseil|Réseau Data Conseil|referral|registered|FR;LU|Nantes|reseau-data-conseil.fr|2023
thames|Thames Data Partners Ltd|Thames Data Partners|reseller|gold|GB;IE|London|thamesdata.co.uk|2016
kingsbridge|Kingsbridge Consulting plc|Kingsbridge|system_integrator|platinum|GB;US;IE|London|kingsbridge-consulting.com|2013
pennine|Pennine Managed Cloud Ltd|Pennine Cloud|msp|silver|GB|Leeds|penninecloud.co.uk|2019
redbrick|Redbrick Analytics Ltd|Redbrick Analytics|var|silver|GB;IE|Manchester|redbrick-analytics.co.uk|2020
lattice|Lattice Governance Software Ltd|Lattice|isv|silver|GB;US;DE|Cambridge|latticegov.io|2021
dataops|DataOps Weekly Media Ltd|DataOps Weekly|influencer|registered|GB;US|London|dataopsweekly.com|2022
keystone|Keystone Data Partners LLC|Keystone Data|reseller|gold|US|Philadelphia|keystonedata.com|2015
cascade|Cascade Systems Integration Inc.|Cascade Systems|system_integrator|platinum|US;CA|Seattle|cascade-si.com|2014
lonestar|Lone Star Analytics LLC|Lone Star Analytics|var|silver|US;MX|Dallas|lonestaranalytics.com|2020
bluegrass|Bluegrass Cloud Services Inc.|Bluegrass Cloud|msp|silver|US|Louisville|bluegrasscloud.com|2019
summitridge|Summit Ridge Consulting Group LLC|Summit Ridge|consultancy|gold|US;CA|Denver|summitridgegroup.com|2017
meridian|Meridian Software Distribution Inc.|Meridian Distribution|distributor|platinum|US;CA;MX;BR|Miami|meridian-distribution.com|2012
cloudshelf|CloudShelf Marketplace Inc.|CloudShelf|marketplace|gold|US;CA;GB;DE;FR;JP;AU;IN;BR|San Francisco|cloudshelf.com|2018
fathom|Fathom Metrics Inc.|Fathom Metrics|isv|silver|US;GB;CA|Boston|fathommetrics.io|2019
pinnacle|Pinnacle Referral Network LLC|Pinnacle Referral|referral|registered|US|Chicago|pinnaclereferral.com|2021
harborview|Harborview Data Labs Inc.|Harborview Labs|isv|registered|US|Baltimore|harborviewlabs.com|2022
evergreen|Evergreen Digital Partners LLC|Evergreen Digital|var|registered|US|Portland|evergreendigital.us|recent
ledgerline|Ledgerline Software Inc.|Ledgerline|isv|gold|US;GB|New York|ledgerline.com|2017
sakura|Sakura Systems K.K.|Sakura Systems|system_integrator|gold|JP|Tokyo|sakura-systems.co.jp|2016
fuji|Fuji Data Solutions Co., Ltd.|Fuji Data Solutions|reseller|silver|JP|Osaka|fujidata.co.jp|2018
hokuto|Hokuto Cloud K.K.|Hokuto Cloud|msp|silver|JP|Sapporo|hokuto-cloud.jp|2020
nippon|Nippon Analytics Consulting K.K.|Nippon Analytics|consultancy|registered|JP|Tokyo|nippon-analytics.co.jp|2023
kansai|Kansai Information Distribution Co., Ltd.|Kansai InfoDist|distributor|gold|JP|Osaka|kansai-infodist.co.jp|2015
kaizen|Kaizen Data Media K.K.|Kaizen Data Media|influencer|registered|JP|Tokyo|kaizendata.media|recent
lisboa|Lisboa Cloud Partners Lda.|Lisboa Cloud Partners|reseller|silver|PT;BR;ES|Lisboa|lisboacloud.pt|2019
paulista|Companhia Paulista de Integração de Dados Ltda.|Companhia Paulista de Integração de Dados|system_integrator|gold|BR|São Paulo|paulistadados.com.br|2016
riodados|Rio Dados Consultoria Ltda.|Rio Dados|consultancy|registered|BR|Rio de Janeiro|riodados.com.br|2022
amazonia|Amazônia Tech Distribuidora S.A.|Amazônia Tech|distributor|silver|BR;PT|São Paulo|amazoniatech.com.br|2017
indus|Indus Data Systems Pvt Ltd|Indus Data|system_integrator|gold|IN;US;GB;AU|Bengaluru|indusdata.in|2015
deccan|Deccan Analytics Pvt Ltd|Deccan Analytics|var|silver|IN|Hyderabad|deccananalytics.in|2019
ganga|Ganga Cloud Services Pvt Ltd|Ganga Cloud|msp|registered|IN|Delhi|gangacloud.in|recent
insightlabs|Bengaluru Insight Labs Pvt Ltd|Insight Labs|isv|registered|IN;US|Bengaluru|insightlabs.ai|recent
iberia|Iberia Datos S.L.|Iberia Datos|reseller|gold|ES;PT|Madrid|iberiadatos.es|2016
mediterranea|Mediterránea de Sistemas S.A.|Mediterránea de Sistemas|system_integrator|silver|ES|Barcelona|mediterranea-sistemas.es|2018
toscana|Toscana Data Engineering S.r.l.|Toscana Data|consultancy|silver|IT|Firenze|toscanadata.it|2019
milano|Milano Cloud Partners S.r.l.|Milano Cloud|var|gold|IT;CH|Milano|milanocloud.it|2017
polder|Polder Data B.V.|Polder Data|var|silver|NL;BE|Amsterdam|polderdata.nl|2018
oranje|Oranje Cloud Distribution B.V.|Oranje Distribution|distributor|gold|NL;BE;LU|Utrecht|oranje-distribution.nl|2016
wiener|Wiener Datenmanufaktur GmbH|Datenmanufaktur|consultancy|registered|AT|Wien|datenmanufaktur.at|2023
matterhorn|Matterhorn Analytics AG|Matterhorn Analytics|referral|registered|CH|Zermatt|matterhorn-analytics.ch|2021
maple|Maple Leaf Data Inc.|Maple Leaf Data|reseller|gold|CA;US|Toronto|mapleleafdata.ca|2016
laurentian|Laurentian Systems Integration Inc.|Laurentian Systems|system_integrator|silver|CA|Montréal|laurentian-si.ca|2018
southerncross|Southern Cross Data Pty Ltd|Southern Cross Data|var|gold|AU;NZ|Sydney|southerncrossdata.com.au|2016
coralsea|Coral Sea Cloud Pty Ltd|Coral Sea Cloud|msp|silver|AU|Brisbane|coralseacloud.com.au|2019
eucalypt|Eucalypt Consulting Pty Ltd|Eucalypt Consulting|consultancy|registered|AU;NZ|Melbourne|eucalyptconsulting.com.au|2022
nordlys|Nordlys Data AB|Nordlys Data|system_integrator|gold|SE;NO;DK;FI|Stockholm|nordlysdata.se|2015
gota|Göta Analytics AB|Göta Analytics|var|silver|SE;NO|Göteborg|gota-analytics.se|2020
wisla|Wisła Data Sp. z o.o.|Wisła Data|reseller|silver|PL|Warszawa|wisladata.pl|2019
krakow|Kraków Cloud Solutions Sp. z o.o.|Kraków Cloud|msp|registered|PL|Kraków|krakowcloud.pl|recent
azteca|Azteca Datos S.A. de C.V.|Azteca Datos|reseller|silver|MX|Ciudad de México|aztecadatos.com.mx|2018
monterrey|Monterrey Integración Digital S.A. de C.V.|Monterrey Digital|system_integrator|gold|MX;US|Monterrey|monterreydigital.mx|2017
globalbridge|GlobalBridge Consulting LLC|GlobalBridge|system_integrator|platinum|US;GB;DE;FR;JP;IN;BR;AU;ES;IT|New York|globalbridge-consulting.com|2012
euromarket|EuroStack Marketplace B.V.|EuroStack|marketplace|silver|DE;FR;GB;NL;ES;IT;SE;PL;AT|Amsterdam|eurostack.market|2021
"""


@dataclass(frozen=True)
class RosterEntry:
    key: str
    name: str
    brand_name: str
    type: str
    tier: str
    countries: tuple[str, ...]
    city: str
    website: str
    joined: str  # a year, or "recent"


def roster() -> list[RosterEntry]:
    entries = []
    for line in _ROSTER.strip().splitlines():
        key, name, brand, ptype, tier, countries, city, website, joined = line.split("|")
        entries.append(RosterEntry(key, name, brand or name, ptype, tier, tuple(countries.split(";")),
                                   city, website, joined))
    return entries


def partner_id_for(index: int) -> str:
    """Partner ids follow roster order, so `P-001` is Alpine IT for every seed."""
    return f"P-{index + 1:03d}"


# Roles in the planted situations (truth/planted.json); fixed so docs and demos can name them.
PLANTED_KEYS = {
    "logins_collapse": "thames",
    "unspent_mdf": "maple",
    "promotion_eligible": "lonestar",
    "expiring_registration": "alpine",
    "scoped_content": ("alpine", "sakura"),
}
