"""Write kiextract/data/title_cluster_words.txt, surnames.txt and place_cluster_words.txt from spaCy's German Brown clusters
(spacy-lookups-data, MIT: de_lexeme_cluster.json.gz, 1,000,001 word forms in 750 clusters).

surnames.txt: the surname cluster (the one that holds the ten most common German surnames),
its mixed-case members that are no common word in lower case ("Schwarz"; "Müller" stays), place or title ("Werner", "Brandt" stay: the cluster holds them as surnames): a lone word
after a title is a person when it is one of these ("Trainer Pagé", "Aufsichtsratsvorsitzender
Buchner").

place_cluster_words.txt: the capitalised members of the clusters whose most frequent members are
mostly listed places (the cluster of "Winterhude, Beelitz, Schwabing" and that of "Köln, Bonn"),
less what kiextract lists or knows as another kind of word; a place after "in", "aus", "nach" and
in the list that follows ("in Winterhude, Steilshoop und Bramfeld").

title_cluster_words.txt: the capitalised German words of the word clusters that hold person
nouns of office and occupation.

A cluster is taken when at least a fifth of its 300 most frequent capitalised members are role
titles kiextract already lists (titles.tsv, titles_esco.tsv): so the clusters of "Arzt, Lehrer,
Autor", "Leiter, Präsident, Geschäftsführer", "Trainer, Bürgermeister, Landrat", "Autorin,
Sängerin", ... The roles stage reads a word of these clusters as a title only right before a
person's name or in an apposition to one ("Schwimmmeister Peter Lind").

    python scripts/build_clusters.py
"""
import collections
import gzip
import json
import os
from importlib import resources
from pathlib import Path

import regex

OUT = Path(__file__).resolve().parent.parent / "kiextract" / "data"
SHARE = 0.2
PLACE_SHARE = 0.5  # a place cluster: at least half of its most frequent capitalised members are listed places
TOP = 300
# the ten most common German surnames (general knowledge): they find the surname cluster
COMMON_SURNAMES = ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann")
NAME_RE = regex.compile(r"\p{Lu}\p{Ll}+(?:[-'’]\p{Lu}?\p{Ll}+)*")


def main() -> None:
    from kiextract import lexicon as lx
    from kiextract.lexicon.calendar import calendar_words
    from kiextract.locales import data_json
    from kiextract.textutil import load_lines

    data = resources.files("spacy_lookups_data") / "data"
    clusters = json.loads(gzip.decompress((data / "de_lexeme_cluster.json.gz").read_bytes()))
    prob = json.loads(gzip.decompress((data / "de_lexeme_prob.json.gz").read_bytes()))
    forms = {f for row in lx.titles._titles() for f in (row[1], row[2])}
    members = collections.defaultdict(list)
    for word, cluster in clusters.items():
        if word[:1].isupper() and word.replace("-", "").isalpha() and len(word) >= 4:
            members[cluster].append(word)
    chosen = []
    for cluster, words in members.items():
        top = sorted(words, key=lambda w: -prob.get(w, -30.0))[:TOP]
        if sum(w in forms for w in top) / len(top) >= SHARE:
            chosen.append(cluster)
    umlaut = str.maketrans({"a": "ä", "o": "ö", "u": "ü"})
    plain = str.maketrans({"ä": "a", "ö": "o", "ü": "u"})
    countries = [c.translate(plain).lower() for c in load_lines("countries.txt")]

    def feminine(word: str) -> bool:
        """A person noun has its feminine in -in among the word forms ("Arzt": "Ärztin"; "Kollege":
        "Kollegin"); a feminine stands with its masculine. "Download" and "Lehrstuhl" have none."""
        if word.endswith("in"):
            return word[:-2] in clusters or word[:-2].translate(plain) in clusters
        stem = word[:-1] if word.endswith("e") else word
        forms = {word + "in", stem + "in"}
        forms |= {f[: f.rfind(v)] + v.translate(umlaut) + f[f.rfind(v) + 1:] for f in list(forms) for v in "aou" if v in f[:-2]}
        return any(f in clusters for f in forms)

    def personal(word: str) -> bool:
        """A person noun by its feminine, or a compound whose head is one ("Schwimmmeister":
        "Meister", "Gerätewart": "Wart" by "Kassenwartin")."""
        if feminine(word) or word in forms:
            return True
        for k in range(2, len(word) - 3):
            head = word[k].upper() + word[k + 1:]
            if head in forms or (len(head) >= 4 and feminine(head)):
                return True
        return False

    def demonym(word: str) -> bool:
        """A people's name is no office: "Franzose", "Schwede", "Italiener", "Däne" (no listed title,
        and all but its last four letters begin a country's name)."""
        low = word.translate(plain).lower().removesuffix("in")
        return any(word not in forms and len(os.path.commonprefix([low, c])) >= max(4, len(low) - 4) for c in countries)

    def heads(word: str) -> list[str]:
        """The words a compound ends in: "Afroamerikaner" -> "Amerikaner"."""
        return [h for h in (word[k].upper() + word[k + 1:] for k in range(1, len(word) - 7)) if h in clusters]

    rows = sorted({w for c in chosen for w in members[c] if personal(w) and not demonym(w) and not any(demonym(h) for h in heads(w))})
    header = (f"# Capitalised words of spaCy's German Brown clusters (spacy-lookups-data, MIT) {sorted(chosen)}, whose most frequent members "
              f"are role titles: person nouns of office and occupation. Written by scripts/build_clusters.py. Sorted, NFC.")
    (OUT / "title_cluster_words.txt").write_text(header + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    print(f"title_cluster_words.txt: {len(rows)} words of clusters {sorted(chosen)}")

    common = collections.Counter(clusters.get(w) for w in COMMON_SURNAMES)
    surname_cluster = common.most_common(1)[0][0]
    surnames = sorted(
        w for w, c in clusters.items()
        if c == surname_cluster and w[:1].isupper() and not w.isupper() and len(w) >= 3 and NAME_RE.fullmatch(w)
        and not lx.is_common_word(w.lower()) and w not in lx.places() and lx.title_of(w) is None
    )
    header = (f"# Surnames: the mixed-case members of spaCy's German Brown cluster {surname_cluster} (spacy-lookups-data, MIT), the cluster of "
              f"{', '.join(COMMON_SURNAMES[:3])}, ..., less words common in lower case, places and titles. Written by scripts/build_clusters.py. Sorted, NFC.")
    (OUT / "surnames.txt").write_text(header + "\n" + "\n".join(surnames) + "\n", encoding="utf-8")
    print(f"surnames.txt: {len(surnames)} words of cluster {surname_cluster}")

    listed = lx.places()
    place_clusters = sorted(
        c for c, words in members.items()
        if sum(w in listed for w in sorted(words, key=lambda w: -prob.get(w, -30.0))[:TOP]) / min(TOP, len(words)) >= PLACE_SHARE
    )
    known_surnames = set(surnames)
    holidays = {k for k in data_json("dates_de.json")["holidays"] if not k.startswith("_")}
    towns = sorted(
        w for c in place_clusters for w in members[c]
        if NAME_RE.fullmatch(w) and w not in listed and w not in lx.first_names() and w not in known_surnames
        and not lx.is_common_word(w) and not lx.is_common_word(w.lower()) and lx.title_of(w) is None and lx.org_head_of(w) is None
        and w.lower() not in calendar_words() and w.lower() not in holidays
    )
    header = (f"# Places no list holds: the capitalised members of spaCy's German Brown clusters {place_clusters} (spacy-lookups-data, MIT), whose "
              f"most frequent members are listed places (towns, districts, regions), less listed places, given names, surnames, common words, "
              f"titles, heads of organisation names and calendar words. Written by scripts/build_clusters.py. Sorted, NFC.")
    (OUT / "place_cluster_words.txt").write_text(header + "\n" + "\n".join(towns) + "\n", encoding="utf-8")
    print(f"place_cluster_words.txt: {len(towns)} words of clusters {place_clusters}")


if __name__ == "__main__":
    main()
