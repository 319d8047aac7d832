"""Build kiextract's packaged gazetteers from the openly licensed lists in shared/data/gazetteers.

    python scripts/build_data.py ../shared/data/gazetteers

Developer tool: the outputs are committed under kiextract/data/ (see kiextract/data/SOURCES.md);
nothing at run time reads the shared folder.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kiextract" / "data"
# Land abbreviations too short or ambiguous to match in running text (see the gazetteer README).
AMBIGUOUS_LAND_ALIASES = {"BE", "HE", "SH", "ST", "TH", "NI", "SL", "SN", "BB", "BY", "BW", "HB", "HH", "MV", "NW", "RP", "M-V"}


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s.strip())


def read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def write(name: str, header: str | None, rows: list[str], comment: str) -> None:
    rows = sorted(set(rows))
    lines = [f"# {comment}"] + ([header] if header else []) + rows
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows")


def word_probabilities() -> dict[str, float]:
    """spaCy's German word log-probabilities (spacy-lookups-data, MIT), to tell common words."""
    import gzip
    import json
    from importlib import resources

    data = resources.files("spacy_lookups_data") / "data" / "de_lexeme_prob.json.gz"
    return json.loads(gzip.decompress(data.read_bytes()))


def noun_lemmas() -> set[str]:
    """Nouns with a plural in spaCy's German lemma lookup table (spacy-lookups-data, MIT):
    "Million" (Millionen), "Art" (Arten). Names have no such plural."""
    import gzip
    import json
    from importlib import resources

    data = resources.files("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(data.read_bytes()))
    return {v for k, v in table.items() if k[:1].isupper() and k != v and k[len(v):] in ("en", "n", "e", "er")}


def common_word(word: str, prob: dict[str, float], cap_limit: float) -> bool:
    """Is `word` also an ordinary German word? Its lower-case form is frequent ("Weil", "Essen"),
    or the capitalised form itself is frequent ("Schuld", "Million")."""
    return prob.get(word.lower(), -99.0) > -12.5 or prob.get(word, -99.0) > cap_limit


def main(src: Path) -> None:
    prob = word_probabilities()
    names = {nfc(n) for n in (src / "de_first_names.txt").read_text(encoding="utf-8").split()}
    sex, count = {}, {}
    for row in read_tsv(src / "de_first_names_counts.tsv"):
        if row["in_first_names_txt"] == "yes":
            sex[nfc(row["name"])] = row["sex"]
            count[nfc(row["name"])] = int(row["count"])
    # weak: a given name that is also a common word or a place ("Million", "Art", "Norden");
    # frequency in news text says nothing here (older names are frequent in text, rare at birth)
    lemmas = noun_lemmas()
    place_names = {nfc(r["name"]) for r in read_tsv(src / "de_municipalities.tsv")}
    for own in ("countries.txt", "world_places.txt"):
        place_names |= {nfc(x) for x in (OUT / own).read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")}
    rows = []
    for n in names:
        weak = count.get(n, 0) < 1000 and (n in lemmas or prob.get(n.lower(), -99.0) > -12.5 or n in place_names)
        rows.append(f"{n}\t{sex.get(n, 'wm')}\t{'weak' if weak else ''}")
    write("first_names.tsv", "name\tsex\tflag", rows,
          "Given names (Berlin LABO/BerlinOnline, Stadt Köln: CC BY 3.0 DE; Stadt Leipzig, LH München: dl-de/by-2-0). See SOURCES.md.")

    population = {}
    for row in read_tsv(src / "de_gv_isys_2024.tsv"):
        if row["population_2023"]:
            population[nfc(row["name"])] = max(population.get(nfc(row["name"]), 0), int(row["population_2023"]))
    places = []
    for row in read_tsv(src / "de_municipalities.tsv"):
        name = nfc(row["name"])
        # ambiguous: a one-word place that is also a common word, unless it is a large city
        small = row["kind"] in ("Gemeinde", "Stadt") and population.get(name, 0) < 50_000
        ambiguous = " " not in name and (
            prob.get(name.lower(), -99.0) > -10.5  # "Essen", "Weil": the word is far more frequent
            or (small and (name in lemmas or common_word(name, prob, -11.0)))  # "Schuld", "Puls"
        )
        places.append(f"{name}\t{row['kind']}\t{row['land']}\t{'ambiguous' if ambiguous else ''}")
    write("places.tsv", "name\tkind\tland\tflag", places,
          "German Gemeinden, Kreise, Regierungsbezirke, Länder. Datenquelle: Statistisches Bundesamt (Destatis), GV-ISys 31.12.2024, dl-de/by-2-0. See SOURCES.md.")

    aliases = []
    for row in read_tsv(src / "de_laender.tsv"):
        if row["type"] == "iso_3166_2" or row["alias"] in AMBIGUOUS_LAND_ALIASES:
            continue
        aliases.append(f"{nfc(row['alias'])}\t{nfc(row['land'])}\t{row['type']}")
    write("land_aliases.tsv", "alias\tland\ttype", aliases, "Aliases of the German Länder (compiled by hand). See SOURCES.md.")

    parties = [f"{party_short_name(nfc(r['canonical']), nfc(r['alias']))}\t{nfc(r['alias'])}\tDE\t{int(nfc(r['alias']) in GENERIC_PARTY_WORDS)}" for r in read_tsv(src / "parties.tsv")]
    parties += world_parties(src)
    write("parties.tsv", "canonical\talias\tcountry\tambiguous", parties,
          "Parties and their aliases, canonical = the common short name (German parties and org_core.tsv's parties, compiled by hand). See SOURCES.md.")

    write("titles_esco.tsv", "masculine\tfeminine\tkind", esco_titles(src, prob),
          "Role and occupation titles, masculine and feminine: ESCO - European Skills, Competences, Qualifications and "
          "Occupations, v1.2.0, German classification, (c) European Union, https://esco.ec.europa.eu (CC BY 4.0). "
          "Changes: one-word titles of common words only, surnames and objects left out. See SOURCES.md.")

    write("orgs.tsv", "canonical\talias\tkind\tcountry\tambiguous", organisations(src, prob, lemmas),
          "Organisations: org_core.tsv (compiled by hand), football clubs of DE/AT/CH and their names of several words abroad (openfootball, CC0), federal public bodies "
          "of DE and CH (okfn/publicbodies, ODC-PDDL-1.0), universities of DE/AT/CH (Hipo university-domains-list, MIT, "
          "Copyright (c) 2014-2025 Hipo). See SOURCES.md.")

    orgs = [f"{nfc(r['name'])}\t{nfc(r['abbr'])}\t{nfc(r['kind'])}" for r in read_tsv(src / "org_nrw.tsv")]
    write("orgs_nrw.tsv", "name\tabbr\tkind", orgs, "NRW bodies and integration institutions (compiled by hand). See SOURCES.md.")


# The common short name of a German party where the list's canonical is its long or legal name
# (the gold's rule: "Bündnis 90/Die Grünen" -> Grüne, "DIE LINKE" -> Linke); "NPD" stays as written.
PARTY_SHORT = {"Bündnis 90/Die Grünen": "Grüne", "Die Linke": "Linke", "Piratenpartei": "Piraten", "Die Republikaner": "Republikaner"}
PARTY_ALIAS_SHORT = {"NPD": "NPD", "Nationaldemokratische Partei Deutschlands": "NPD"}
# Words that name a party family, not one party of one country: never a party on their own.
GENERIC_PARTY_WORDS = {"Sozialdemokraten", "Christdemokraten", "Christsoziale", "Liberale", "Freie Demokraten", "Union", "Unionsparteien", "Bündnis 90"}


def party_short_name(canonical: str, alias: str) -> str:
    return PARTY_ALIAS_SHORT.get(alias) or PARTY_SHORT.get(canonical, canonical)


def is_acronym(name: str) -> bool:
    return len(name) <= 7 and sum(c.isupper() for c in name) >= 2 and " " not in name


def world_parties(src: Path) -> list[str]:
    """Parties of Austria, Switzerland, Liechtenstein, South Tyrol, the EU and abroad from
    org_core.tsv, each under its short name: its acronym ("FPÖ", "AKP") or its shortest alias."""
    by_canon: dict[str, list[dict[str, str]]] = {}
    for r in read_tsv(src / "org_core.tsv"):
        if r["kind"] == "party":
            by_canon.setdefault(nfc(r["canonical"]), []).append(r)
    out = []
    for canon, rows in by_canon.items():
        aliases = [nfc(r["alias"]) for r in rows]
        clear = [a for a in aliases if not any(r["ambiguous"] == "1" for r in rows if nfc(r["alias"]) == a)]
        acronyms = [a for a in clear if is_acronym(a)]
        short = min(acronyms or aliases, key=len)
        for r in rows:
            out.append(f"{short}\t{nfc(r['alias'])}\t{r['country']}\t{r['ambiguous']}")
    return out


# One-word ESCO titles that are also frequent surnames ("Müller", "Koch") or name things rather
# than persons ("Bohrer", "Strahler"): they would stop names from being found.
TITLE_NOT = set("""
Müller Koch Jäger Bauer Weber Maler Schäfer Zimmermann Schuster Kellner Maurer Metzger Förster Gärtner
Schmied Bergmann Ziegler Geiger Binder Kirchner Gerber Glaser Böttcher Schuhmacher Töpfer Dreher Brauer
Fuhrmann Steiger Messner Hauer Fassbinder Drechsler Färber Schäffler Schlosser Bohrer Schnitzer Strahler
Lader Dämpfer Schwenker Brecher Mischer Fräser Schleifer Markierer Näher Seemann Wachmann Hauptmann Diener
Schütze Bäcker Fleischer Schreiner Tischler Wirth Kaiser König Graf Vogt Kutscher Portier Magier Host
Controller Handlanger Drahtzieher Hellseher Wahrsager Totengräber Pionier Lieferant Vermittler Organisator
Schlichter Ringer Boxer Cutter Promoter Producer Skipper Ranger Butler Steward Tutor Auditor Poet Lektor
Küster Imker Klempner Spengler Installateur Schlachter Zöllner Matrose Pantomime Texter Sekretär
""".split())


def esco_titles(src: Path, prob: dict[str, float]) -> list[str]:
    """One-word ESCO titles that are common words in German text (log-probability above -17)."""
    out = []
    for r in read_tsv(src / "de_roles_esco.tsv"):
        masc, fem = nfc(r["masculine"]), nfc(r["feminine"])
        if " " in masc or " " in fem or masc in TITLE_NOT or prob.get(masc, -99.0) <= -17.0 or len(masc) < 4:
            continue
        out.append(f"{masc}\t{fem}\toffice")
    return out


# Bodies every country has, named generically: no organisation of their own in the gold's sense.
GENERIC_BODIES = {"Landesregierung", "Regierung", "Parlament", "Bundesrat", "Nationalrat", "Landtag", "Staatsanwaltschaft"}


def organisations(src: Path, prob: dict[str, float], lemmas: set[str]) -> list[str]:
    """Every listed organisation name with its canonical, kind and country; a name that is also an
    ordinary word ("Bild", "Verbund", "Presse") or a bare place ("Köln" for 1. FC Köln,
    "St. Pölten") is flagged ambiguous (kiextract takes it only in quotes)."""
    places = {nfc(r["name"]) for r in read_tsv(src / "de_municipalities.tsv")}
    for own in ("countries.txt", "world_places.txt"):
        places |= {nfc(x) for x in (OUT / own).read_text(encoding="utf-8").splitlines() if x and not x.startswith("#")}
    rows = []
    core = [r for r in read_tsv(src / "org_core.tsv") if r["kind"] != "party"]  # parties: parties.tsv
    flagged = {nfc(r["alias"]) for r in core if r["ambiguous"] == "1"}
    institutions = set()
    for r in core:
        rows.append((nfc(r["canonical"]), nfc(r["alias"]), r["kind"], r["country"], r["ambiguous"]))
        # "Rechnungshof (Österreich)": the institution is named without its country in the text
        plain = re.sub(r"\s*\([^)]*\)$", "", nfc(r["canonical"]))
        if plain != nfc(r["canonical"]):
            institutions.add(plain)
            generic = plain in flagged or plain in GENERIC_BODIES
            rows.append((nfc(r["canonical"]), plain, r["kind"], r["country"], "1" if generic else "0"))
    for r in read_tsv(src / "org_football_clubs.tsv"):
        if r["kind"] != "club":
            continue
        name = nfc(r["name"])
        if r["country"] not in ("de", "at", "ch") and (r["name_lang"] not in ("", "de") or " " not in name):
            continue  # clubs abroad by their German or own names of several words ("Ajax Amsterdam", "AC Mailand")
        if "$" in name:
            continue  # "$$spusu$$ SKN St. Pölten": a sponsor marked up in the source
        # bare place names and short forms ("Köln", "Rapid") need a sports context: ambiguous
        plain = " " not in name and not any(c.isdigit() for c in name) and not is_acronym(name)
        ambiguous = "1" if plain or name == nfc(r["city"]) or name in places or "." in name.replace(". ", "") else "0"
        rows.append((nfc(r["club"]), name, "sports_club", r["country"].upper(), ambiguous))
    for r in read_tsv(src / "org_universities_dach.tsv"):
        name = nfc(r["name"])
        if "," not in name:
            rows.append((name, name, "university", r["country"], "0"))
    for r in read_tsv(src / "org_publicbodies_de.tsv"):
        name = nfc(r["name"])
        if r["classification"] != "Andere" and " " in name:
            rows.append((name, name, "authority", "DE", "0"))
    for r in read_tsv(src / "org_publicbodies_ch.tsv"):
        name, abbr = nfc(r["name"]), nfc(r["abbr"])
        if int(r["min_depth"]) <= 3 and " " in name:
            rows.append((name, name, "authority", "CH", "0"))
            if abbr and is_acronym(abbr):
                rows.append((name, abbr, "authority", "CH", "1"))  # "BA", "BAG": shared with others
    seen: dict[str, tuple] = {}
    for row in rows:  # one canonical per alias: the first list that has it wins
        name = row[1]
        if " " not in name and name[:1].isupper() and not is_acronym(name) and name not in institutions and (name in lemmas or common_word(name, prob, -11.0)):
            row = (*row[:4], "1")
        seen.setdefault(name, row)
    return ["\t".join(row) for row in seen.values()]


if __name__ == "__main__":
    source = Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteers")
    if not (source / "de_first_names.txt").is_file():
        sys.exit(f"{source}: not the folder of gazetteers (it needs de_first_names.txt and the others of ../shared/data/gazetteers beside the checkout)")
    main(source)
