"""Build kiextract's packaged gazetteers from the openly licensed lists in shared/data/gazetteers.

    python scripts/build_data.py ../shared/data/gazetteers

Developer tool: the outputs are committed under kiextract/data/ (see kiextract/data/SOURCES.md);
nothing at run time reads the shared folder.
"""
from __future__ import annotations

import csv
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

    parties = [f"{nfc(r['canonical'])}\t{nfc(r['alias'])}" for r in read_tsv(src / "parties.tsv")]
    write("parties.tsv", "canonical\talias", parties, "German parties and their aliases (compiled by hand). See SOURCES.md.")

    orgs = [f"{nfc(r['name'])}\t{nfc(r['abbr'])}\t{nfc(r['kind'])}" for r in read_tsv(src / "org_nrw.tsv")]
    write("orgs_nrw.tsv", "name\tabbr\tkind", orgs, "NRW bodies and integration institutions (compiled by hand). See SOURCES.md.")


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data/gazetteers"))
