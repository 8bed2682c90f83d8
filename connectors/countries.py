"""ISO 3166-1 alpha-2 country codes and English names, as data (no download, no extra package).

`COUNTRY_CODES` validates the import format; `country_code_for` turns the free-text country names
CRMs store (Salesforce BillingCountry, HubSpot `country`) into codes where it can.
"""

from __future__ import annotations

import re
import unicodedata

# code, English short name (ISO 3166-1, 249 entries)
_ISO_3166 = """
AD Andorra|AE United Arab Emirates|AF Afghanistan|AG Antigua and Barbuda|AI Anguilla|AL Albania|AM Armenia
AO Angola|AQ Antarctica|AR Argentina|AS American Samoa|AT Austria|AU Australia|AW Aruba|AX Aland Islands
AZ Azerbaijan|BA Bosnia and Herzegovina|BB Barbados|BD Bangladesh|BE Belgium|BF Burkina Faso|BG Bulgaria
BH Bahrain|BI Burundi|BJ Benin|BL Saint Barthelemy|BM Bermuda|BN Brunei Darussalam|BO Bolivia
BQ Bonaire, Sint Eustatius and Saba|BR Brazil|BS Bahamas|BT Bhutan|BV Bouvet Island|BW Botswana|BY Belarus
BZ Belize|CA Canada|CC Cocos (Keeling) Islands|CD Democratic Republic of the Congo|CF Central African Republic
CG Congo|CH Switzerland|CI Cote d'Ivoire|CK Cook Islands|CL Chile|CM Cameroon|CN China|CO Colombia
CR Costa Rica|CU Cuba|CV Cabo Verde|CW Curacao|CX Christmas Island|CY Cyprus|CZ Czechia|DE Germany
DJ Djibouti|DK Denmark|DM Dominica|DO Dominican Republic|DZ Algeria|EC Ecuador|EE Estonia|EG Egypt
EH Western Sahara|ER Eritrea|ES Spain|ET Ethiopia|FI Finland|FJ Fiji|FK Falkland Islands|FM Micronesia
FO Faroe Islands|FR France|GA Gabon|GB United Kingdom|GD Grenada|GE Georgia|GF French Guiana|GG Guernsey
GH Ghana|GI Gibraltar|GL Greenland|GM Gambia|GN Guinea|GP Guadeloupe|GQ Equatorial Guinea|GR Greece
GS South Georgia and the South Sandwich Islands|GT Guatemala|GU Guam|GW Guinea-Bissau|GY Guyana|HK Hong Kong
HM Heard Island and McDonald Islands|HN Honduras|HR Croatia|HT Haiti|HU Hungary|ID Indonesia|IE Ireland
IL Israel|IM Isle of Man|IN India|IO British Indian Ocean Territory|IQ Iraq|IR Iran|IS Iceland|IT Italy
JE Jersey|JM Jamaica|JO Jordan|JP Japan|KE Kenya|KG Kyrgyzstan|KH Cambodia|KI Kiribati|KM Comoros
KN Saint Kitts and Nevis|KP North Korea|KR South Korea|KW Kuwait|KY Cayman Islands|KZ Kazakhstan|LA Laos
LB Lebanon|LC Saint Lucia|LI Liechtenstein|LK Sri Lanka|LR Liberia|LS Lesotho|LT Lithuania|LU Luxembourg
LV Latvia|LY Libya|MA Morocco|MC Monaco|MD Moldova|ME Montenegro|MF Saint Martin (French part)|MG Madagascar
MH Marshall Islands|MK North Macedonia|ML Mali|MM Myanmar|MN Mongolia|MO Macao|MP Northern Mariana Islands
MQ Martinique|MR Mauritania|MS Montserrat|MT Malta|MU Mauritius|MV Maldives|MW Malawi|MX Mexico|MY Malaysia
MZ Mozambique|NA Namibia|NC New Caledonia|NE Niger|NF Norfolk Island|NG Nigeria|NI Nicaragua|NL Netherlands
NO Norway|NP Nepal|NR Nauru|NU Niue|NZ New Zealand|OM Oman|PA Panama|PE Peru|PF French Polynesia
PG Papua New Guinea|PH Philippines|PK Pakistan|PL Poland|PM Saint Pierre and Miquelon|PN Pitcairn
PR Puerto Rico|PS Palestine|PT Portugal|PW Palau|PY Paraguay|QA Qatar|RE Reunion|RO Romania|RS Serbia
RU Russia|RW Rwanda|SA Saudi Arabia|SB Solomon Islands|SC Seychelles|SD Sudan|SE Sweden|SG Singapore
SH Saint Helena, Ascension and Tristan da Cunha|SI Slovenia|SJ Svalbard and Jan Mayen|SK Slovakia
SL Sierra Leone|SM San Marino|SN Senegal|SO Somalia|SR Suriname|SS South Sudan|ST Sao Tome and Principe
SV El Salvador|SX Sint Maarten (Dutch part)|SY Syria|SZ Eswatini|TC Turks and Caicos Islands|TD Chad
TF French Southern Territories|TG Togo|TH Thailand|TJ Tajikistan|TK Tokelau|TL Timor-Leste|TM Turkmenistan
TN Tunisia|TO Tonga|TR Turkiye|TT Trinidad and Tobago|TV Tuvalu|TW Taiwan|TZ Tanzania|UA Ukraine|UG Uganda
UM United States Minor Outlying Islands|US United States|UY Uruguay|UZ Uzbekistan|VA Holy See
VC Saint Vincent and the Grenadines|VE Venezuela|VG British Virgin Islands|VI U.S. Virgin Islands|VN Vietnam
VU Vanuatu|WF Wallis and Futuna|WS Samoa|YE Yemen|YT Mayotte|ZA South Africa|ZM Zambia|ZW Zimbabwe
"""

# Other spellings CRMs commonly hold (official long forms, old names, local names, alpha-3 codes).
_ALIASES = {
    "united states of america": "US",
    "usa": "US",
    "us": "US",
    "u s a": "US",
    "america": "US",
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "gbr": "GB",
    "deutschland": "DE",
    "deu": "DE",
    "federal republic of germany": "DE",
    "holland": "NL",
    "the netherlands": "NL",
    "nld": "NL",
    "czech republic": "CZ",
    "turkey": "TR",
    "russian federation": "RU",
    "korea": "KR",
    "republic of korea": "KR",
    "korea republic of": "KR",
    "korea south": "KR",
    "korea democratic people s republic of": "KP",
    "viet nam": "VN",
    "lao people s democratic republic": "LA",
    "iran islamic republic of": "IR",
    "syrian arab republic": "SY",
    "bolivia plurinational state of": "BO",
    "venezuela bolivarian republic of": "VE",
    "tanzania united republic of": "TZ",
    "moldova republic of": "MD",
    "taiwan province of china": "TW",
    "macedonia": "MK",
    "ivory coast": "CI",
    "cape verde": "CV",
    "swaziland": "SZ",
    "brunei": "BN",
    "burma": "MM",
    "macau": "MO",
    "uae": "AE",
    "vatican city": "VA",
    "micronesia federated states of": "FM",
    "palestine state of": "PS",
    "drc": "CD",
    "dr congo": "CD",
    "congo the democratic republic of the": "CD",
    "congo democratic republic of the": "CD",
    "republic of the congo": "CG",
    "mainland china": "CN",
    "people s republic of china": "CN",
    "prc": "CN",
    "hong kong sar": "HK",
    "espana": "ES",
    "schweiz": "CH",
    "suisse": "CH",
    "osterreich": "AT",
    "brasil": "BR",
    "mexique": "MX",
    "nippon": "JP",
    "can": "CA",
    "aus": "AU",
    "fra": "FR",
    "jpn": "JP",
}


def _key(name: str) -> str:
    """Fold case, accents and punctuation so 'Côte d’Ivoire' and 'cote divoire' meet."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return folded.removeprefix("the ")


COUNTRY_NAMES: dict[str, str] = {}
for _entry in _ISO_3166.replace("\n", "|").split("|"):
    if _entry.strip():
        _code, _name = _entry.strip().split(" ", 1)
        COUNTRY_NAMES[_code] = _name

COUNTRY_CODES: frozenset[str] = frozenset(COUNTRY_NAMES)

_BY_NAME: dict[str, str] = {_key(name): code for code, name in COUNTRY_NAMES.items()}
_BY_NAME.update({_key(alias): code for alias, code in _ALIASES.items()})


def country_code_for(value: str | None) -> str | None:
    """An ISO code for a code or a country name ('Germany', 'USA', 'de'), or None when unknown."""
    if not value or not value.strip():
        return None
    text = value.strip()
    if len(text) == 2 and text.upper() in COUNTRY_CODES:
        return text.upper()
    return _BY_NAME.get(_key(text))
