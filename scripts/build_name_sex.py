"""Refine the sex column of kiextract/data/first_names.tsv: a given name the merged lists mark
"wm" (given to girls and boys) whose first-name use in Berlin is one sex's in at least 85 of 100
births is that sex's ("Karl", "Klaus", "Sebastian" are boys' names that now and then stand as a
girl's middle name). Counts are the first names (position 1) of the Berlin birth statistics
2012-2023 (where a year has no position column, all its names).

    git clone https://github.com/berlinonline/haeufige-vornamen-berlin /tmp/berlin
    python scripts/build_name_sex.py /tmp/berlin/data/cleaned

Source: Berliner Landesamt für Bürger- und Ordnungsangelegenheiten (LABO) / BerlinOnline Stadtportal
GmbH & Co. KG (github.com/berlinonline/haeufige-vornamen-berlin, CC BY 3.0 DE); see SOURCES.md.
"""
import collections
import csv
import sys
import unicodedata
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kiextract" / "data" / "first_names.tsv"
SHARE = 0.85
MIN_BIRTHS = 10


def counts(cleaned: Path) -> dict[str, collections.Counter]:
    out: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for path in sorted(cleaned.glob("*/*.csv")):
        with path.open(encoding="utf-8") as f:
            for row in csv.DictReader(f):
                if row.get("position", "1") not in ("1", "") or row["geschlecht"] not in ("m", "w"):
                    continue
                out[unicodedata.normalize("NFC", row["vorname"])][row["geschlecht"]] += int(row["anzahl"])
    return out


def main(cleaned: Path) -> None:
    births = counts(cleaned)
    lines = OUT.read_text(encoding="utf-8").splitlines()
    changed = 0
    for n, line in enumerate(lines):
        if line.startswith("#") or "\t" not in line:
            continue
        name, sex, flag = line.split("\t")
        c = births.get(name)
        if sex != "wm" or not c or sum(c.values()) < MIN_BIRTHS:
            continue
        top, k = c.most_common(1)[0]
        if k / sum(c.values()) >= SHARE:
            lines[n] = f"{name}\t{top}\t{flag}"
            changed += 1
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"first_names.tsv: {changed} names of both sexes now of one")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
