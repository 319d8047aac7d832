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


def main(src: Path) -> None:
    names = {nfc(n) for n in (src / "de_first_names.txt").read_text(encoding="utf-8").split()}
    sex = {}
    for row in read_tsv(src / "de_first_names_counts.tsv"):
        if row["in_first_names_txt"] == "yes":
            sex[nfc(row["name"])] = row["sex"]
    write("first_names.tsv", "name\tsex", [f"{n}\t{sex.get(n, 'wm')}" for n in names],
          "Given names (Berlin LABO/BerlinOnline, Stadt Köln: CC BY 3.0 DE; Stadt Leipzig, LH München: dl-de/by-2-0). See SOURCES.md.")

    places = []
    for row in read_tsv(src / "de_municipalities.tsv"):
        places.append(f"{nfc(row['name'])}\t{row['kind']}\t{row['land']}")
    write("places.tsv", "name\tkind\tland", places,
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
