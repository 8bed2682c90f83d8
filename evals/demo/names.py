"""Vocabulary for realistic company names: countries, legal suffixes, brand words, industry nouns.

Data only (plus two tiny lookups). Lists are `|`-separated strings to keep the module readable.
Order matters for determinism: everything is a tuple or an insertion-ordered dict, never a set.
"""
from __future__ import annotations

from dataclasses import dataclass

PRODUCTS = ("Lakehouse", "Streaming", "Governance", "AI Studio", "Observability")

INDUSTRIES = (
    "Financial Services", "Insurance", "Retail", "Consumer Goods", "Manufacturing", "Automotive",
    "Healthcare", "Life Sciences", "Telecommunications", "Energy & Utilities", "Public Sector",
    "Media & Entertainment", "Logistics", "Technology",
)


@dataclass(frozen=True)
class Country:
    code: str
    group: str  # naming vocabulary group (see WORDS / NOUNS)
    languages: tuple[str, ...]  # BCP 47 tags sellers there work in
    tld: str
    suffixes: tuple[str, ...]  # legal suffixes, most common first
    cities: tuple[str, ...]
    weight: float  # share of the vendor's accounts


def _c(code: str, group: str, langs: str, tld: str, suffixes: str, cities: str, weight: float) -> Country:
    return Country(code, group, tuple(langs.split("|")), tld, tuple(suffixes.split("|")),
                   tuple(cities.split("|")), weight)


COUNTRIES: dict[str, Country] = {c.code: c for c in (
    _c("US", "en", "en", ".com", "Inc.|Corporation|LLC|Corp.|Co.",
       "Chicago|Denver|Austin|Boston|Seattle|Atlanta|Phoenix|Columbus|Portland|Nashville|Omaha|Tampa", 21),
    _c("CA", "en", "en|fr-CA", ".ca", "Inc.|Ltd.|Corp.",
       "Toronto|Montreal|Calgary|Ottawa|Vancouver|Halifax|Winnipeg|Quebec City", 4),
    _c("GB", "en", "en", ".co.uk", "Ltd|plc|Limited|LLP",
       "Leeds|Bristol|Manchester|Glasgow|Cardiff|Norwich|York|Sheffield|Brighton|Oxford", 9),
    _c("IE", "en", "en", ".ie", "Ltd|DAC", "Dublin|Cork|Galway|Limerick", 1),
    _c("AU", "en", "en", ".com.au", "Pty Ltd|Limited",
       "Sydney|Melbourne|Brisbane|Perth|Adelaide|Hobart|Canberra|Darwin", 4),
    _c("NZ", "en", "en", ".co.nz", "Limited", "Auckland|Wellington|Christchurch", 0.6),
    _c("IN", "en", "en|hi", ".co.in", "Pvt Ltd|Limited",
       "Pune|Chennai|Hyderabad|Mumbai|Kolkata|Ahmedabad|Jaipur|Kochi", 5),
    _c("DE", "de", "de", ".de", "GmbH|AG|GmbH & Co. KG|SE",
       "Hamburg|Köln|Stuttgart|Leipzig|Dresden|Nürnberg|Bremen|Hannover|Freiburg|Mainz|Augsburg", 10),
    _c("AT", "de", "de", ".at", "GmbH|AG", "Wien|Graz|Linz|Salzburg|Innsbruck|Klagenfurt", 2),
    _c("CH", "de", "de|fr|it", ".ch", "AG|SA|GmbH", "Zürich|Basel|Bern|Luzern|Lausanne|Genève|St. Gallen", 3),
    _c("FR", "fr", "fr", ".fr", "SAS|SA|SARL",
       "Lyon|Nantes|Bordeaux|Lille|Toulouse|Rennes|Grenoble|Strasbourg|Marseille|Dijon", 7),
    _c("BE", "nl", "nl|fr", ".be", "NV|SA|BV", "Antwerpen|Gent|Brugge|Leuven|Liège", 1),
    _c("LU", "fr", "fr|de", ".lu", "S.A.|S.à r.l.", "Luxembourg|Esch-sur-Alzette", 0.4),
    _c("ES", "es", "es", ".es", "S.A.|S.L.", "Madrid|Valencia|Sevilla|Bilbao|Zaragoza|Málaga|Murcia|Vigo", 4),
    _c("MX", "es", "es", ".com.mx", "S.A. de C.V.|S. de R.L. de C.V.",
       "Monterrey|Guadalajara|Puebla|Querétaro|Tijuana|Mérida|León", 3),
    _c("PT", "pt", "pt", ".pt", "S.A.|Lda.", "Lisboa|Porto|Braga|Coimbra|Aveiro", 1),
    _c("BR", "pt", "pt-BR", ".com.br", "Ltda.|S.A.",
       "São Paulo|Curitiba|Recife|Campinas|Salvador|Fortaleza|Manaus|Goiânia|Florianópolis", 5),
    _c("IT", "it", "it", ".it", "S.p.A.|S.r.l.", "Milano|Torino|Bologna|Firenze|Napoli|Verona|Genova|Bari", 4),
    _c("NL", "nl", "nl", ".nl", "B.V.|N.V.", "Utrecht|Rotterdam|Eindhoven|Groningen|Leiden|Tilburg|Delft", 4),
    _c("SE", "sv", "sv", ".se", "AB", "Göteborg|Malmö|Uppsala|Västerås|Örebro|Linköping", 3),
    _c("NO", "sv", "nb", ".no", "AS|ASA", "Oslo|Bergen|Trondheim|Stavanger", 0.8),
    _c("DK", "sv", "da", ".dk", "A/S|ApS", "København|Aarhus|Odense|Aalborg", 0.8),
    _c("FI", "fi", "fi|sv", ".fi", "Oy|Oyj", "Helsinki|Tampere|Turku|Oulu|Espoo", 1),
    _c("PL", "pl", "pl", ".pl", "Sp. z o.o.|S.A.", "Warszawa|Kraków|Wrocław|Gdańsk|Poznań|Łódź|Lublin", 3),
    _c("JP", "ja", "ja", ".co.jp", "K.K.|Co., Ltd.|Corporation",
       "Tokyo|Osaka|Nagoya|Fukuoka|Sapporo|Sendai|Kobe|Yokohama|Hiroshima", 7),
)}

# Brand-ish words and surnames per naming group; combined with an industry noun.
WORDS: dict[str, tuple[str, ...]] = {g: tuple(s.split("|")) for g, s in {
    "en": "Bluewater|Redwood|Summit|Ironbridge|Silverline|Brightwave|Oakridge|Harbor|Granite|Pioneer|Crescent|"
          "Liberty|Evergreen|Falcon|Horizon|Lakeside|Maplewood|Northgate|Pinecrest|Riverside|Sterling|Trident|"
          "Clearwater|Copperfield|Highland|Beacon|Cobalt|Atlas|Orchard|Stonegate|Bayview|Sunridge|Prairie|"
          "Driftwood|Foxglove|Tidewater|Starling|Juniper|Ridgeline|Hawthorne|Fairview|Silverton|Kingfisher|"
          "Blackwood|Whitaker|Caldwell|Hughes|Porter|Bennett|Morrison|Fletcher|Harrington|Sullivan|Prescott|"
          "Donovan|Ashford|Bramble|Cedarline|Greystone|Lantern|Marlow|Osprey|Quarryhill|Rosewood|Thornbury|"
          "Wexford|Yellowpine|Brookfield|Castleton|Eastbrook|Glenmore|Kestrelwood|Larkspur|Millbrook|Newhaven",
    "de": "Adler|Berg|Brunnen|Eichen|Falken|Greif|Hansa|Isar|Lahn|Linden|Main|Mosel|Nordlicht|Rhein|Spree|"
          "Tannen|Weser|Sonnen|Alpen|Bodensee|Elbe|Harz|Kristall|Silberwald|Stein|Donau|Inntal|Taunus|"
          "Schwarzwald|Bergmann|Hoffmann|Krüger|Lehmann|Schäfer|Vogel|Wagner|Zimmermann|Brandt|Keller|Huber|"
          "Gruber|Steiner|Moser|Baumann|Eder|Fuchs|Lorenz|Winkler|Kranich|Edelweiss|Ostsee|Neckar|Allgäu",
    "fr": "Azur|Bellevue|Cèdre|Dauphin|Étoile|Horizon|Lumière|Mistral|Opale|Orée|Rivage|Séquoia|Soleil|Vallée|"
          "Loire|Garonne|Alpes|Atlantique|Normandie|Saphir|Iris|Dubois|Lefèvre|Moreau|Girard|Bonnet|Fontaine|"
          "Mercier|Chevalier|Rousseau|Gauthier|Marchand|Perrin|Arvor|Cévennes|Vercors|Émeraude|Olivier",
    "es": "Sol|Mar|Sierra|Levante|Cantábrico|Ibérica|Olivo|Laurel|Aurora|Alba|Pinar|Montaña|Altamira|Pacífico|"
          "Norte|Meseta|Guadiana|Atalaya|Encina|García|Fernández|Martínez|López|Navarro|Ortega|Romero|Castillo|"
          "Vargas|Herrera|Medina|Mendoza|Cárdenas|Jacaranda|Sonora|Yucatán|Cumbre|Brisa",
    "pt": "Aurora|Horizonte|Ipê|Jacarandá|Tropical|Atlântico|Paraná|Serra|Cerrado|Guanabara|Solar|Brisa|Estrela|"
          "Vitória|Pampa|Silva|Souza|Oliveira|Costa|Pereira|Almeida|Carvalho|Ribeiro|Mantiqueira|Pantanal|"
          "Tejo|Douro|Minho|Alvorada|Sabiá|Araucária|Itaú-Mirim|Capibaribe|Lusitana|Andrade|Moreira",
    "it": "Adriatica|Aurora|Dolomiti|Etrusca|Lago|Ligure|Tirrena|Vesuvio|Padana|Sole|Stella|Alba|Arno|Tevere|"
          "Brenta|Rossi|Bianchi|Romano|Colombo|Ricci|Marino|Greco|Conti|Gallo|Moretti|Fontana|Leone|Orsini|"
          "Monviso|Garda|Sabina|Aquila|Lucerna|Ambra",
    "nl": "Delta|Duin|Eiland|Gracht|Haven|Kempen|Lelie|Molen|Noorder|Tulp|Veluwe|Zeeland|Amstel|Maas|Dijk|"
          "Vliet|Brink|Heide|Zuider|Kroon|Jansen|De Vries|Bakker|Visser|Smit|Meijer",
    "sv": "Norr|Fjäll|Skog|Älv|Björk|Gran|Sjö|Vind|Havs|Lind|Ek|Strand|Berg|Vik|Ljung|Lindqvist|Bergström|Nyström|"
          "Holm|Dahl|Sund|Nord|Fjord|Polar|Vinter",
    "fi": "Aalto|Kallio|Koivu|Lahti|Saimaa|Tunturi|Revontuli|Kuusi|Järvi|Virta|Metsä|Ilmari|Otava|Kaleva",
    "pl": "Mazowsze|Tatry|Bałtyk|Odra|Warta|Polana|Orzeł|Sokół|Jantar|Kasztan|Wawel|Karpaty|Mazury|Sudety|"
          "Nowak|Kowalski|Wiśniewski|Zieliński|Lewandowski|Dąbrowski",
    "ja": "Fuji|Hokuto|Yamato|Asahi|Tsubasa|Midori|Hikari|Kaede|Aoba|Minato|Shinwa|Daiichi|Tokai|Kansai|Chubu|"
          "Kyushu|Tohoku|Hanshin|Setouchi|Nishiki|Akatsuki|Shirakawa|Kiso|Musashi|Tsukuba|Izumi|Hinode|"
          "Takumi|Kotobuki|Seiryu|Kagayaki|Sanwa|Toyo|Chiyoda|Marunouchi",
}.items()}

# Industry nouns per group; "+" marks a noun that goes before the word ("Banque Azur").
_NOUNS_RAW: dict[str, str] = {
    "en": "Financial Services=Bank|Capital|Financial Group|Credit Union|Wealth Partners|Securities;"
          "Insurance=Insurance|Mutual|Assurance|Underwriters;"
          "Retail=Stores|Outfitters|Market|Retail Group|Home & Garden|Supply;"
          "Consumer Goods=Foods|Brewing|Beverages|Dairy|Brands|Bakeries;"
          "Manufacturing=Manufacturing|Industries|Precision|Fabrication|Machine Works|Components;"
          "Automotive=Motors|Automotive|Auto Parts|Mobility;"
          "Healthcare=Health|Medical Center|Clinics|Healthcare|Care Network;"
          "Life Sciences=Pharmaceuticals|Biosciences|Therapeutics|Labs|Diagnostics;"
          "Telecommunications=Telecom|Communications|Networks|Mobile|Broadband;"
          "Energy & Utilities=Energy|Power|Utilities|Renewables|Water|Gas & Electric;"
          "Media & Entertainment=Media|Studios|Broadcasting|Publishing|Entertainment;"
          "Logistics=Logistics|Freight|Shipping|Transport|Distribution;"
          "Technology=Software|Technologies|Systems|Digital|Data|Labs",
    "de": "Financial Services=Bank|Privatbank|Vermögensverwaltung|Finanz;"
          "Insurance=Versicherung|Versicherungsgruppe|Rückversicherung;"
          "Retail=Handel|Warenhaus|Handelsgruppe|Märkte;"
          "Consumer Goods=Lebensmittel|Brauerei|Feinkost|Getränke|Molkerei;"
          "Manufacturing=Maschinenbau|Werkzeugbau|Industrietechnik|Präzisionstechnik|Anlagenbau;"
          "Automotive=Automobil|Fahrzeugtechnik|Autoteile;"
          "Healthcare=Kliniken|Gesundheit|Klinikum;"
          "Life Sciences=Pharma|Biotech|Labordiagnostik|Medizintechnik;"
          "Telecommunications=Telekom|Netze|Kommunikation;"
          "Energy & Utilities=Energie|Solar|Wasserwerke|Netzgesellschaft;"
          "Media & Entertainment=Medien|Verlag|Rundfunk;"
          "Logistics=Logistik|Spedition|Transport;"
          "Technology=Software|Informatik|Systemhaus|Digital",
    "fr": "Financial Services=+Banque|+Crédit|Finance;"
          "Insurance=+Assurances|+Mutuelle;"
          "Retail=Distribution|+Magasins|+Boutiques;"
          "Consumer Goods=+Laiteries|+Brasseries|+Biscuiterie|+Vins;"
          "Manufacturing=Industries|+Mécanique|+Usinage;"
          "Automotive=Automobiles|+Équipements Auto;"
          "Healthcare=+Cliniques|Santé;"
          "Life Sciences=+Laboratoires|Pharma;"
          "Telecommunications=Télécom|+Réseaux;"
          "Energy & Utilities=Énergie|+Énergies Renouvelables|+Eaux;"
          "Media & Entertainment=Médias|+Éditions|Productions;"
          "Logistics=+Transports|Logistique;"
          "Technology=Informatique|+Logiciels|Numérique",
    "es": "Financial Services=+Banco|+Financiera;Insurance=+Seguros|+Mutua;"
          "Retail=+Almacenes|+Distribuciones|+Supermercados;Consumer Goods=+Alimentos|+Bodegas|+Cervecería;"
          "Manufacturing=+Industrias|+Metalúrgica|+Maquinaria;Automotive=+Autopartes|Automoción;"
          "Healthcare=+Clínicas|Salud|+Hospitales;Life Sciences=+Laboratorios|Farma;"
          "Telecommunications=Telecom|+Redes;Energy & Utilities=+Energía|+Eléctrica|+Aguas;"
          "Media & Entertainment=+Medios|+Editorial|Producciones;Logistics=+Transportes|Logística;"
          "Technology=Informática|Software|Tecnologías",
    "pt": "Financial Services=+Banco|+Financeira;Insurance=+Seguros|+Seguradora;"
          "Retail=+Lojas|+Supermercados|Magazine;Consumer Goods=+Alimentos|+Bebidas|+Laticínios;"
          "Manufacturing=+Indústrias|+Metalúrgica|+Máquinas;Automotive=+Autopeças|Automotiva;"
          "Healthcare=Saúde|+Hospitais|+Clínicas;Life Sciences=+Farmacêutica|+Laboratórios;"
          "Telecommunications=Telecom|+Telecomunicações;Energy & Utilities=Energia|+Elétrica|+Saneamento;"
          "Media & Entertainment=Mídia|+Editora|Produções;Logistics=+Transportes|Logística;"
          "Technology=Tecnologia|Sistemas|Software",
    "it": "Financial Services=+Banca|Finanziaria;Insurance=Assicurazioni;"
          "Retail=Distribuzione|+Grandi Magazzini|+Supermercati;Consumer Goods=Alimentari|+Caseificio|+Cantine;"
          "Manufacturing=Meccanica|Industrie|+Costruzioni Meccaniche;Automotive=+Componenti Auto|Automotive;"
          "Healthcare=Sanità|+Cliniche;Life Sciences=Farmaceutica|+Laboratori;"
          "Telecommunications=Telecomunicazioni|Reti;Energy & Utilities=Energia|+Servizi Idrici;"
          "Media & Entertainment=Media|Editrice|Produzioni;Logistics=Trasporti|Logistica;"
          "Technology=Informatica|Sistemi|Software",
    "nl": "Financial Services=Bank|Vermogensbeheer;Insurance=Verzekeringen;Retail=Winkels|Retail Groep;"
          "Consumer Goods=Voeding|Zuivel|Brouwerij;Manufacturing=Machinebouw|Industrie|Techniek;"
          "Automotive=Automotive|Autogroep;Healthcare=Zorggroep|Ziekenhuis;Life Sciences=Farma|Biotech;"
          "Telecommunications=Telecom|Netwerken;Energy & Utilities=Energie|Waterbedrijf;"
          "Media & Entertainment=Media|Uitgeverij;Logistics=Logistiek|Transport;Technology=ICT|Software",
    "sv": "Financial Services=Bank|Kapital;Insurance=Försäkring;Retail=Handel|Varuhus;"
          "Consumer Goods=Livsmedel|Bryggeri|Mejeri;Manufacturing=Verkstad|Industri|Maskin;"
          "Automotive=Fordon|Bildelar;Healthcare=Vård|Hälsa;Life Sciences=Läkemedel|Biotech;"
          "Telecommunications=Telekom|Nät;Energy & Utilities=Energi|Kraft;Media & Entertainment=Media|Förlag;"
          "Logistics=Logistik|Frakt;Technology=Data|System",
    "fi": "Financial Services=Pankki|Capital;Insurance=Vakuutus;Retail=Kauppa|Retail;Consumer Goods=Elintarvike|"
          "Panimo;Manufacturing=Konepaja|Teollisuus;Automotive=Auto;Healthcare=Terveys;Life Sciences=Pharma;"
          "Telecommunications=Telecom;Energy & Utilities=Energia|Voima;Media & Entertainment=Media;"
          "Logistics=Logistiikka;Technology=Data|Systems",
    "pl": "Financial Services=+Bank|Finanse;Insurance=Ubezpieczenia;Retail=Handel|Sklepy;"
          "Consumer Goods=+Zakłady Mięsne|+Browar|Żywność;Manufacturing=Przemysł|Maszyny|Metal;"
          "Automotive=Motoryzacja|Auto Części;Healthcare=Medycyna|+Szpital;Life Sciences=Farmacja|Biotech;"
          "Telecommunications=Telekomunikacja;Energy & Utilities=Energetyka|Wodociągi;"
          "Media & Entertainment=Media|+Wydawnictwo;Logistics=Logistyka|Transport;Technology=Informatyka|Systemy",
    "ja": "Financial Services=Ginko|Shoken|Finance;Insurance=Kasai Hoken|Seimei;Retail=Shoji|Depato|Mart;"
          "Consumer Goods=Shokuhin|Seika|Shuzo;Manufacturing=Seisakusho|Kogyo|Kikai;"
          "Automotive=Jidosha|Buhin Kogyo;Healthcare=Iryo|Medical;Life Sciences=Seiyaku|Bio;"
          "Telecommunications=Tsushin|Telecom;Energy & Utilities=Denryoku|Gas|Energy;"
          "Media & Entertainment=Shuppan|Hoso|Media;Logistics=Unyu|Butsuryu|Kaiun;"
          "Technology=Joho System|Denki|Soft",
}


def _parse_nouns(raw: str) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for part in raw.split(";"):
        industry, nouns = part.split("=")
        out[industry] = tuple(nouns.split("|"))
    return out


NOUNS: dict[str, dict[str, tuple[str, ...]]] = {g: _parse_nouns(raw) for g, raw in _NOUNS_RAW.items()}

# Public-sector bodies carry no legal suffix: "{city}" is filled with a city of the country.
PUBLIC_SECTOR: dict[str, tuple[str, ...]] = {
    "en": ("City of {city}", "{city} Transit Authority", "{city} City Council", "{city} Port Authority",
           "{city} Housing Agency", "{city} Water Board"),
    "de": ("Stadt {city}", "Stadtwerke {city}", "Landesamt für Statistik {city}", "Verkehrsbetriebe {city}"),
    "fr": ("Ville de {city}", "Métropole de {city}", "Région {city}", "Hôpitaux de {city}"),
    "es": ("Ayuntamiento de {city}", "Gobierno de {city}", "Puerto de {city}"),
    "pt": ("Prefeitura de {city}", "Câmara Municipal de {city}", "Porto de {city}"),
    "it": ("Comune di {city}", "Regione {city}", "Azienda Trasporti {city}"),
    "nl": ("Gemeente {city}", "Provincie {city}", "Havenbedrijf {city}"),
    "sv": ("{city} Kommun", "Region {city}"),
    "fi": ("{city} Kaupunki",),
    "pl": ("Urząd Miasta {city}", "Zarząd Transportu {city}"),
    "ja": ("{city} City Office", "{city} Prefectural Government", "{city} Water Bureau"),
}

# What a partner's CRM may write instead of a legal suffix (the mapping must see through it).
SUFFIX_VARIANTS: dict[str, tuple[str, ...]] = {
    "Inc.": ("Inc", ", Inc.", "Incorporated", "INC"), "Corporation": ("Corp.", "Corp", "Co.", "CORP"),
    "Corp.": ("Corporation", "Corp"), "LLC": ("L.L.C.", "llc"), "Co.": ("Company", "Co"),
    "Ltd": ("Ltd.", "Limited", "LTD"), "Ltd.": ("Ltd", "Limited"), "Limited": ("Ltd", "Ltd."),
    "plc": ("PLC", "Plc", "p.l.c."), "LLP": ("L.L.P.",), "Pty Ltd": ("Pty. Ltd.", "PTY LTD", "Pty Limited"),
    "Pvt Ltd": ("Private Limited", "Pvt. Ltd.", "P Ltd"), "DAC": ("Designated Activity Company",),
    "GmbH": ("Gmbh", "GmbH & Co. KG", "G.m.b.H."), "AG": ("A.G.", "Aktiengesellschaft"),
    "GmbH & Co. KG": ("GmbH & Co KG", "GmbH"), "SE": ("S.E.",), "SAS": ("S.A.S.", "SAS."), "SA": ("S.A.",),
    "SARL": ("S.A.R.L.", "Sarl"), "S.A.": ("SA", "S.A"), "S.L.": ("SL", "S.L"), "S.à r.l.": ("SARL",),
    "S.A. de C.V.": ("SA de CV", "S.A. DE C.V."), "S. de R.L. de C.V.": ("S de RL de CV",),
    "Ltda.": ("Ltda", "LTDA"), "Lda.": ("Lda",), "S.p.A.": ("SpA", "S.P.A."), "S.r.l.": ("Srl", "S.R.L."),
    "B.V.": ("BV", "B.V"), "N.V.": ("NV",), "NV": ("N.V.",), "BV": ("B.V.",), "AB": ("Aktiebolag", "AB (publ)"),
    "AS": ("A/S", "A.S."), "ASA": ("AS",), "A/S": ("AS",), "ApS": ("Aps",), "Oy": ("OY", "Oy Ab"),
    "Oyj": ("Oy", "OYJ"), "Sp. z o.o.": ("Sp.z o.o.", "sp. z o.o."), "K.K.": ("KK", "Kabushiki Kaisha", "Co., Ltd."),
    "Co., Ltd.": ("Co.,Ltd.", "Co Ltd", "K.K."),
}

# Words a partner's CRM abbreviates.
ABBREVIATIONS: dict[str, str] = {
    "International": "Intl", "Corporation": "Corp", "Company": "Co", "Technologies": "Tech",
    "Systems": "Sys", "Manufacturing": "Mfg", "Services": "Svcs", "Financial": "Fin.", "Communications": "Comms",
    "Pharmaceuticals": "Pharma", "Laboratories": "Labs", "Healthcare": "HC", "Insurance": "Ins.",
    "Industries": "Ind.", "Distribution": "Dist.", "Maschinenbau": "Maschb.", "Logistics": "Logistics",
    "Versicherung": "Vers.", "Brothers": "Bros",
}

# Where words in a hard negative come from: a different company that shares a distinctive word.
NEGATIVE_NOUNS: tuple[str, ...] = (
    "Logistics", "Bank", "Foods", "Realty", "Hotels", "Consulting", "Dental", "Capital", "Airlines", "Textiles",
    "Marine", "Construction", "Pharmacy", "Legal", "Travel", "Studios", "Farms", "Motors", "Security", "Solar",
)

COMPETITORS: dict[str, str] = {
    # name -> the product area it competes in (fictional competitors; battlecards live in content/)
    "Polar Warehouse": "Lakehouse",
    "Quarry Analytics": "AI Studio",
    "Kestrel Streams": "Streaming",
}

# The vendor's account owners per region.
OWNERS: dict[str, tuple[str, ...]] = {
    "AMER": ("daniel.price", "maria.gonzalez", "kevin.oconnor", "rachel.kim", "lucas.souza"),
    "EMEA": ("anna.keller", "thomas.meyer", "claire.dupont", "james.walker", "sofia.rossi", "erik.lindgren"),
    "APJ": ("yuki.sato", "arjun.mehta", "olivia.brown"),
}
REGION: dict[str, str] = {
    **dict.fromkeys(("US", "CA", "MX", "BR"), "AMER"),
    **dict.fromkeys(("JP", "IN", "AU", "NZ"), "APJ"),
}


def region_of(country: str) -> str:
    return REGION.get(country, "EMEA")
