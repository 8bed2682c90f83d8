"""Words for the structured hints of a directory question, in the supported languages (en, de, fr, es, pt,
ja): country names (ISO 3166 alpha-2), industry concepts, tier and partner-type words.

Data only; `tools.directory.hints` reads it. A country's names are listed lower-case; an industry concept
is its English label and the words that say it (a word ending in `*` is a prefix). The data's own
vocabulary (the industries, competencies and tiers partners actually list) is matched on top of these, so
an ecosystem with other words is still understood in its own terms.
"""
from __future__ import annotations

# ISO code: English (names and adjective), German, French, Spanish, Portuguese, Japanese
COUNTRIES: dict[str, str] = {
    "DE": "germany|german|deutschland|deutsche*|deutschen|allemagne|allemand*|alemania|alemán|alemana|alemanha|alemão|alemã|ドイツ",
    "AT": "austria|austrian|österreich|österreichisch*|autriche|autrichien*|austríaco|áustria|オーストリア",
    "CH": "switzerland|swiss|schweiz|schweizer*|suisse|suiza|suizo|suíça|suíço|スイス",
    "FR": "france|french|frankreich|französisch*|français*|francia|francés|francesa|frança|francês|フランス",
    "GB": "united kingdom|uk|u.k.|britain|great britain|british|england|english|vereinigtes königreich|großbritannien|britisch*|england|royaume-uni|britannique*|angleterre|reino unido|británico|inglaterra|britânico|イギリス|英国",
    "IE": "ireland|irish|irland|irlande|irlanda|アイルランド",
    "NL": "netherlands|the netherlands|holland|dutch|niederlande|niederländisch*|pays-bas|néerlandais*|países bajos|holanda|países baixos|オランダ",
    "BE": "belgium|belgian|belgien|belgisch*|belgique|belge*|bélgica|ベルギー",
    "LU": "luxembourg|luxemburg|luxemburgo|ルクセンブルク",
    "ES": "spain|spanish|spanien|spanisch*|espagne|espagnol*|españa|español|española|espanha|espanhol|スペイン",
    "PT": "portugal|portuguese|portugiesisch*|portugais*|portugués|portuguesa|português|ポルトガル",
    "IT": "italy|italian|italien|italienisch*|italie|italienne*|italia|italiano|itália|イタリア",
    "DK": "denmark|danish|dänemark|dänisch*|danemark|danois*|dinamarca|dinamarqués|dinamarquês|デンマーク",
    "SE": "sweden|swedish|schweden|schwedisch*|suède|suédois*|suecia|sueco|suécia|スウェーデン",
    "NO": "norway|norwegian|norwegen|norwegisch*|norvège|norvégien*|noruega|noruego|norueguês|ノルウェー",
    "FI": "finland|finnish|finnland|finnisch*|finlande|finlandais*|finlandia|finlandés|finlândia|フィンランド",
    "IS": "iceland|islande|islandia|islândia|アイスランド",
    "PL": "poland|polish|polen|polnisch*|pologne|polonais*|polonia|polaco|polônia|polónia|ポーランド",
    "CZ": "czech republic|czechia|czech|tschechien|tschechisch*|tchéquie|république tchèque|chequia|república checa|tchéquia|república tcheca|チェコ",
    "SK": "slovakia|slowakei|slovaquie|eslovaquia|eslováquia|スロバキア",
    "HU": "hungary|hungarian|ungarn|ungarisch*|hongrie|hungría|hungria|ハンガリー",
    "RO": "romania|romanian|rumänien|roumanie|rumania|romênia|roménia|ルーマニア",
    "BG": "bulgaria|bulgarien|bulgarie|bulgária|ブルガリア",
    "GR": "greece|greek|griechenland|grèce|grecia|grécia|ギリシャ",
    "HR": "croatia|kroatien|croatie|croacia|croácia|クロアチア",
    "SI": "slovenia|slowenien|slovénie|eslovenia|eslovénia|スロベニア",
    "EE": "estonia|estland|estonie|estônia|エストニア",
    "LV": "latvia|lettland|lettonie|letonia|letônia|ラトビア",
    "LT": "lithuania|litauen|lituanie|lituania|lituânia|リトアニア",
    "UA": "ukraine|ucrania|ucrânia|ウクライナ",
    "TR": "turkey|türkiye|turkish|türkei|turquie|turquía|turquia|トルコ",
    "RU": "russia|russland|russie|rusia|rússia|ロシア",
    "IL": "israel|israël|イスラエル",
    "AE": "united arab emirates|uae|emirates|vereinigte arabische emirate|émirats arabes unis|emiratos árabes unidos|emirados árabes unidos|アラブ首長国連邦|ドバイ",
    "SA": "saudi arabia|saudi-arabien|arabie saoudite|arabia saudita|arábia saudita|サウジアラビア",
    "QA": "qatar|katar|catar|カタール",
    "EG": "egypt|ägypten|égypte|egipto|egito|エジプト",
    "ZA": "south africa|südafrika|afrique du sud|sudáfrica|áfrica do sul|南アフリカ",
    "NG": "nigeria|nigéria|ナイジェリア",
    "KE": "kenya|kenia|quênia|ケニア",
    "MA": "morocco|marokko|maroc|marruecos|marrocos|モロッコ",
    "US": "united states|usa|u.s.|u.s.a.|vereinigte staaten|amerikanisch*|états-unis|etats-unis|américain*|estados unidos|estadounidense|norte-americano|eua|アメリカ|米国",
    "CA": "canada|canadian|kanada|kanadisch*|canadien*|canadá|canadiense|canadense|カナダ",
    "MX": "mexico|mexican|mexiko|mexique|méxico|mexicano|mexicana|メキシコ",
    "BR": "brazil|brazilian|brasilien|brésil|brasil|brasileño|brasileiro|brasileira|ブラジル",
    "AR": "argentina|argentinien|argentine|アルゼンチン",
    "CL": "chile|chili|チリ",
    "CO": "colombia|kolumbien|colombie|colômbia|コロンビア",
    "PE": "peru|pérou|perú|ペルー",
    "JP": "japan|japanese|japanisch*|japon|japonais*|japón|japonés|japonesa|japão|japonês|日本",
    "CN": "china|chinese|chine|chinois*|chinesisch*|中国",
    "KR": "south korea|korea|korean|südkorea|corée du sud|corée|corea del sur|corea|coreia do sul|coreia|韓国",
    "TW": "taiwan|taïwan|taiwán|台湾",
    "HK": "hong kong|hongkong|香港",
    "SG": "singapore|singapur|singapour|cingapura|シンガポール",
    "MY": "malaysia|malaisie|malasia|malásia|マレーシア",
    "TH": "thailand|thaïlande|tailandia|tailândia|タイ王国",
    "VN": "vietnam|viêt nam|viet nam|vietnã|ベトナム",
    "ID": "indonesia|indonesien|indonésie|indonésia|インドネシア",
    "PH": "philippines|philippinen|filipinas|フィリピン",
    "IN": "india|indian|indien|indisch*|inde|indien*|indio|índia|indiano|インド",
    "PK": "pakistan|paquistán|paquistão|パキスタン",
    "AU": "australia|australian|australien|australisch*|australie|australien*|australiano|austrália|オーストラリア",
    "NZ": "new zealand|neuseeland|nouvelle-zélande|nueva zelanda|nova zelândia|ニュージーランド",
}

# concept label: words (en | de | fr | es | pt | ja); `*` ends a prefix
INDUSTRIES: dict[str, str] = {
    "Healthcare": "healthcare|health care|health|hospital*|clinic*|patient*|medical|"
                  "gesundheit*|krankenh*|klinik*|spital*|santé|hôpita*|clinique*|médical*|salud|sanidad|sanitari*|"
                  "clínica*|médic*|saúde|hospitai*|病院|医療|ヘルスケア|クリニック",
    "Life Sciences": "life science*|pharma*|biotech*|drug*|laborator*|pharmazeut*|pharmaceutique*|farmac*|"
                     "製薬|医薬|ライフサイエンス",
    "Financial Services": "financial service*|financial|finance|bank*|banque*|banco*|bancari*|lender*|lending|"
                          "wealth|asset manag*|payment*|fintech*|trading|finanz*|kreditinstitut*|financ*|finanças|"
                          "銀行|金融|証券",
    "Insurance": "insurance|insurer*|reinsur*|versicher*|assurance*|assureur*|seguro*|asegurador*|segurador*|保険",
    "Retail": "retail*|store|stores|shop|shops|shopper*|e-commerce|ecommerce|grocer*|supermarket*|einzelhandel*|händler*|handel|"
              "commerce|détail*|distributeur*|minorista*|tienda*|varej*|loja*|小売|リテール|スーパー|百貨店",
    "Consumer Goods": "consumer good*|consumer products|cpg|fmcg|konsumgüter*|biens de consommation|"
                      "bienes de consumo|bens de consumo|消費財",
    "Manufacturing": "manufactur*|factory|factories|plant|plants|industrial*|fertigung*|hersteller*|produktion*|"
                     "fabrik*|industrie*|fabrica*|fabricant*|usine*|fábrica*|fabricación|manufactura*|indústria*|"
                     "industria*|製造|メーカー|工場",
    "Automotive": "automotive|automaker*|carmaker*|car maker*|vehicle*|automobil*|fahrzeug*|"
                  "automobile*|automotriz|automoción|automotiv*|automóve*|自動車",
    "Public Sector": "public sector|government*|agency|agencies|ministr*|municipal*|council*|federal|"
                     "öffentlich*|behörde*|verwaltung*|regierung*|kommune*|secteur public|gouvernement*|"
                     "administration*|sector público|gobierno*|setor público|governo*|公共|官公庁|自治体|政府|行政",
    "Telecommunications": "telecom*|telco*|carrier*|mobile operator*|network operator*|telekommunikation*|"
                          "télécom*|opérateur*|telecomunica*|operador*|通信|テレコム",
    "Energy & Utilities": "energy|utilit*|oil|gas|power|grid*|renewable*|energie*|versorger*|stadtwerk*|"
                          "énergie*|énergétique*|energía|eléctric*|energia|elétric*|エネルギー|電力|ガス",
    "Logistics": "logistic*|shipping|freight|transport*|fleet*|warehous*|logistik*|spedition*|logistique*|"
                 "logística*|transporte*|物流|運輸|倉庫",
    "Media & Entertainment": "media|entertainment|broadcast*|publish*|streaming service*|medien*|unterhaltung*|"
                             "médias|divertissement*|medios|entretenimiento|mídia|entretenimento|メディア|放送|エンタメ",
    "Technology": "technology|tech|software|saas|hi-tech|high tech|technologie*|tecnología|tecnologia|"
                  "テクノロジー|ソフトウェア|IT企業",
    "Education": "education|universit*|school*|college*|bildung*|hochschul*|schule*|éducation|enseignement|"
                 "université*|école*|educación|universidad*|escuela*|educação|universidade*|escola*|教育|大学|学校",
    "Travel & Hospitality": "travel|hospitality|hotel*|airline*|tourism|reise*|tourismus|voyage*|hôtel*|"
                            "tourisme|viaje*|turismo|hotelería|aerolínea*|viage*|hotelaria|旅行|ホテル|航空",
    "Real Estate": "real estate|property|properties|immobilien*|immobilier|inmobiliari*|imobiliári*|不動産",
    "Construction": "construction|bau*|bâtiment|construcción|construção|建設",
    "Agriculture": "agricultur*|farming|landwirtschaft*|agricole*|agro*|農業",
    "Aerospace & Defense": "aerospace|defen[cs]e|luft- und raumfahrt|verteidigung*|aérospatial*|défense|"
                           "aeroespacial|defensa|defesa|航空宇宙|防衛",
    "Chemicals": "chemical*|chemie*|chimi*|químic*|化学",
}

# tier as the data spells it: other words for it
TIERS: dict[str, str] = {
    "platinum": "platinum|platin|platine|platino|platina|プラチナ",
    "gold": "gold|golden|oro|ouro|ゴールド",
    "silver": "silver|silber|argent|plata|prata|シルバー",
    "registered": "registered|registriert*|enregistré*|registrad*|レジスタード",
}

# partner type as the data spells it: other words for it
TYPES: dict[str, str] = {
    "system_integrator": "system integrator*|systems integrator*|integrator*|systemintegrator*|systemhaus*|"
                         "intégrateur*|integrador*|システムインテグレーター|sier|インテグレーター",
    "var": "var|vars|value-added reseller*|value added reseller*|mehrwert*",
    "reseller": "reseller*|resellers|wiederverkäufer*|revendeur*|revendedor*|distribuidor autorizado|リセラー|販売代理店",
    "msp": "msp|msps|managed service*|managed-service*|services managés|servicios gestionados|serviços gerenciados|"
           "マネージドサービス",
    "consultancy": "consultanc*|consulting firm*|consulting compan*|consulting house*|beratungsunternehmen|"
                   "beratungshaus*|beratungsfirma*|cabinet de conseil|société de conseil|consultora*|consultoría|"
                   "consultoria*|コンサルティング会社|コンサルファーム",
    "distributor": "distributor*|distributeur*|distribuidor*|distributor|ディストリビューター",
    "isv": "isv|isvs|software vendor*",
    "referral": "referral*|empfehlung*",
    "marketplace": "marketplace*|marktplatz",
    "influencer": "influencer*",
}

# English words for solution terms said in another language: added to the question for BM25 and the
# (English) embedding model, and competing for the same stretch of text as the hints ("gobierno de datos"
# is data governance, not the public sector).
TERMS: dict[str, str] = {
    "data governance": "datengovernance|daten-governance|governance des données|gouvernance des données|"
                       "gouvernance|gobierno de datos|gobernanza de datos|gobernanza|governança de dados|"
                       "governança|データガバナンス|ガバナンス",
    "streaming real-time": "echtzeit*|temps réel|tiempo real|tempo real|ストリーミング|リアルタイム",
    "observability monitoring": "beobachtbarkeit|observabilité|observabilidad|observabilidade|オブザーバビリティ|"
                                "可観測性|überwachung|supervision|monitorización|monitoramento|監視|モニタリング",
    "lakehouse": "レイクハウス|データレイク",
    "migration": "migration*|migrier*|migración|migraciones|migrar|migração|migrações|移行|マイグレーション",
    "data warehouse": "data-warehouse|entrepôt de données|almacén de datos|armazém de dados|データウェアハウス",
    "machine learning": "maschinelles lernen|apprentissage automatique|aprendizaje automático|"
                        "aprendizado de máquina|機械学習",
    "ai artificial intelligence": "künstliche intelligenz|ki|intelligence artificielle|ia|inteligencia artificial|"
                                  "inteligência artificial|人工知能|生成ai",
    "analytics": "analytik|analytique|analítica|análise de dados|análisis de datos|datenanalyse|分析",
    "security": "sicherheit|sécurité|seguridad|segurança|セキュリティ",
    "cloud": "クラウド|nube|nuvem",
    "data platform": "datenplattform|plateforme de données|plataforma de datos|plataforma de dados|データ基盤|"
                     "データプラットフォーム",
    "reporting": "berichtswesen|informes|relatórios|レポーティング|レポート",
    "forecasting": "prognose*|prévision*|previsión|pronóstico*|previsão|previsões|予測|需要予測",
    "fraud detection": "betrugserkennung|détection de fraude|detección de fraude|detecção de fraude|不正検知",
    "implementation": "implementierung|einführung|mise en œuvre|implementación|implantación|implementação|導入|実装",
    "modernisation": "modernisierung|modernisation|modernización|modernização|モダナイゼーション|刷新",
    "data quality": "datenqualität|qualité des données|calidad de datos|qualidade de dados|データ品質",
    "case study reference": "referenz*|référence*|caso de éxito|estudo de caso|caso de sucesso|事例|導入事例|実績",
    "data": "daten|données|datos|dados|データ",
}

# Words of a question that say nothing about the partner wanted (BM25 would match them in names and
# descriptions: "de" in "Azteca Datos S.A. de C.V."). English function words are dropped by the tokenizer.
QUESTION_WORDS = frozenset([
    "partner", "partners", "partnern", "partenaire", "partenaires", "socio", "socios", "parceiro",
    "parceiros", "company", "companies", "firm", "firms", "someone", "anyone", "somebody", "done", "help",
    "find", "need", "needs", "looking", "good", "best", "experience", "experienced", "der", "die", "das",
    "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und", "oder", "für", "mit", "im", "am",
    "an", "auf", "aus", "bei", "von", "zu", "zum", "zur", "wer", "was", "welche", "welcher", "welches",
    "wie", "kann", "können", "hat", "haben", "hatte", "ist", "sind", "wir", "uns", "unser", "unsere", "mir",
    "mich", "ich", "gibt", "es", "schon", "bereits", "jemand", "gemacht", "erfahrung", "le", "la", "les",
    "un", "une", "du", "d", "l", "et", "ou", "pour", "avec", "dans", "en", "au", "aux", "sur", "par", "qui",
    "que", "quel", "quelle", "quels", "quelles", "est", "sont", "ont", "peut", "peuvent", "nous", "notre",
    "nos", "déjà", "fait", "réalisé", "expérience", "el", "los", "las", "unos", "unas", "y", "o", "con",
    "del", "al", "por", "qué", "quién", "quiénes", "cuál", "cuáles", "son", "ha", "han", "hecho", "puede",
    "pueden", "nuestro", "nuestra", "tiene", "tienen", "ya", "alguien", "experiencia", "os", "as", "um",
    "uma", "e", "em", "no", "na", "nas", "do", "da", "dos", "quem", "qual", "quais", "é", "são", "tem",
    "têm", "fez", "feito", "pode", "podem", "já", "alguém", "experiência", "de", "para", "una", "com", "ao",
    "à", "a", "aos", "às", "pelo", "pela", "se", "chez", "nach", "über", "of", "in", "for", "with",
    "least", "most", "more", "fewer", "staff", "people", "employees", "engineers", "consultants", "certified",
    "certification", "certifications", "region", "regions", "area", "above", "higher", "better", "tier",
])  # fmt: skip

# Regions and cities: words that stand for one or several countries (a partner covering any of them fits).
REGIONS: dict[str, str] = {
    "DE AT CH": "dach|d-a-ch",
    "BE NL LU": "benelux",
    "SE NO DK FI IS": "nordics|nordic|nordic countries|nordics region|nordeuropa|skandinavien|scandinavia|"
                      "scandinavian|pays nordiques|scandinavie|países nórdicos|escandinavia|escandinávia|北欧",
    "ES PT": "iberia|iberian peninsula|iberische halbinsel|péninsule ibérique|península ibérica|イベリア",
    "GB IE": "uk and ireland|uk & ireland|uki|british isles",
    "US CA": "north america|nordamerika|amérique du nord|norteamérica|américa do norte|北米",
    "MX BR AR CL CO PE": "latin america|latam|lateinamerika|amérique latine|latinoamérica|américa latina|"
                         "ラテンアメリカ|中南米",
    "AU NZ": "anz|australia and new zealand|oceania|ozeanien|océanie|オセアニア",
    "SG MY TH VN ID PH": "southeast asia|south-east asia|asean|südostasien|asie du sud-est|sudeste asiático|東南アジア",
}
CITIES: dict[str, str] = {
    "DE": "berlin|munich|münchen|hamburg|frankfurt|cologne|köln|düsseldorf|stuttgart|leipzig|dresden|hannover|"
          "nuremberg|nürnberg|dortmund|bremen|ベルリン|ミュンヘン|フランクフルト",
    "AT": "vienna|wien|vienne|viena|graz|linz|salzburg|innsbruck|ウィーン",
    "CH": "zurich|zürich|geneva|genf|genève|ginebra|genebra|basel|bâle|bern|berne|lausanne|lugano|チューリッヒ",
    "FR": "paris|lyon|marseille|toulouse|lille|bordeaux|nantes|strasbourg|パリ",
    "GB": "london|londres|manchester|birmingham|edinburgh|glasgow|leeds|bristol|ロンドン",
    "IE": "dublin|dublín|cork|ダブリン",
    "NL": "amsterdam|rotterdam|the hague|den haag|utrecht|eindhoven|アムステルダム",
    "BE": "brussels|brüssel|bruxelles|bruselas|bruxelas|antwerp|antwerpen|anvers|ghent|gent|ブリュッセル",
    "LU": "luxembourg city",
    "ES": "madrid|barcelona|valencia|seville|sevilla|bilbao|málaga|zaragoza|マドリード|バルセロナ",
    "PT": "lisbon|lissabon|lisbonne|lisboa|porto|oporto|リスボン",
    "IT": "milan|milano|mailand|milán|milão|rome|roma|turin|torino|naples|napoli|bologna|florence|firenze|ミラノ|ローマ",
    "PL": "warsaw|warschau|varsovie|varsovia|varsóvia|warszawa|krakow|kraków|krakau|wroclaw|wrocław|poznan|"
          "poznań|gdansk|gdańsk|ワルシャワ",
    "CZ": "prague|prag|praga|praha|brno|プラハ",
    "SE": "stockholm|estocolmo|gothenburg|göteborg|malmö|ストックホルム",
    "NO": "oslo|bergen|オスロ",
    "DK": "copenhagen|kopenhagen|copenhague|copenhaga|københavn|aarhus|コペンハーゲン",
    "FI": "helsinki|helsingfors|espoo|tampere|ヘルシンキ",
    "US": "new york|nueva york|nova iorque|san francisco|los angeles|chicago|boston|seattle|austin|dallas|houston|"
          "atlanta|miami|denver|washington dc|silicon valley|texas|california|florida|ニューヨーク|シリコンバレー",
    "CA": "toronto|vancouver|montreal|montréal|calgary|ottawa|トロント",
    "MX": "mexico city|ciudad de méxico|cdmx|monterrey|guadalajara|メキシコシティ",
    "BR": "são paulo|sao paulo|rio de janeiro|brasília|belo horizonte|curitiba|porto alegre|サンパウロ",
    "AR": "buenos aires",
    "CL": "santiago de chile",
    "CO": "bogotá|bogota|medellín|medellin",
    "JP": "tokyo|tokio|tóquio|osaka|kyoto|nagoya|yokohama|fukuoka|sapporo|東京|大阪|京都|名古屋|横浜|福岡|関西|関東",
    "KR": "seoul|séoul|seúl|ソウル",
    "SG": "singapore city",
    "IN": "mumbai|bombay|bangalore|bengaluru|delhi|new delhi|hyderabad|chennai|pune|kolkata|ムンバイ",
    "AU": "sydney|melbourne|brisbane|perth|adelaide|canberra|シドニー",
    "NZ": "auckland|wellington",
    "AE": "dubai|abu dhabi|dubái",
    "ZA": "johannesburg|cape town|le cap|ciudad del cabo",
    "IL": "tel aviv",
    "TR": "istanbul|estambul",
}
# partner tiers from lowest to highest (DATA.md); "gold or above" is gold and platinum
TIER_ORDER = ("registered", "silver", "gold", "platinum")

# Languages a partner's sellers speak (partners.csv `languages`), said with a speaking phrase only
# ("German-speaking", "speaks Japanese"): a bare "German partner" is a country.
LANGUAGES: dict[str, str] = {
    "en": "english|englisch|anglais|inglés|inglês|英語",
    "de": "german|deutsch|allemand|alemán|alemão|ドイツ語",
    "fr": "french|französisch|français|francés|francês|フランス語",
    "es": "spanish|spanisch|espagnol|español|castellano|espanhol|スペイン語",
    "pt": "portuguese|portugiesisch|portugais|portugués|português|ポルトガル語",
    "it": "italian|italienisch|italien|italiano|イタリア語",
    "nl": "dutch|niederländisch|néerlandais|neerlandés|holandês|オランダ語",
    "ja": "japanese|japanisch|japonais|japonés|japonês|日本語",
    "zh": "chinese|mandarin|chinesisch|chinois|chino|chinês|中国語",
    "ko": "korean|koreanisch|coréen|coreano|韓国語",
    "pl": "polish|polnisch|polonais|polaco|polonês|ポーランド語",
    "hi": "hindi|ヒンディー語",
}
SPEAKING = (r"\b(speak\w*|spoken|-speaking|speaking|language|sprech\w*|sprachig\w*|-sprachig\w*|spricht|parl\w*|"
            r"langue|habla\w*|idioma|fala\w*|língua)\b|語(対応|が話せる|を話す|で対応)|話せる")
