"""Write kiextract/data/place_short_forms.tsv: the names towns go by without what tells them from
others of the same name ("Frankfurt" of "Frankfurt am Main" and "Frankfurt (Oder)", "Freiburg" of
"Freiburg im Breisgau", "Buchen" of "Buchen (Odenwald)"), from places.tsv, flagged `ambiguous`
where the name is also a common word: its lower case is frequent ("buchen"), it is a noun with a
plural ("Berg"), or spaCy's German Brown clusters put it among no places ("Wetter" with the
nouns, not with "Frankfurt, Offenbach"; a place cluster is one whose 300 most frequent members
are a fifth or more places of places.tsv); spaCy's lexeme probabilities, lemma table and
clusters, spacy-lookups-data, MIT: such a name needs context ("bei Buchen").
A short form that places.tsv lists as a town of its own is left to that row.

    python scripts/build_place_short_forms.py      (after build_data.py)
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_data import word_probabilities, write  # noqa: E402


CLUSTERS: dict[str, int] = {}


def plural_nouns() -> set[str]:
    """Nouns with a plural in -e, -en, -n in spaCy's German lemma table ("Berg": "Berge"); not
    the adjective of a town ("Frankfurter")."""
    import gzip
    import json
    from importlib import resources

    data = resources.files("spacy_lookups_data") / "data" / "de_lemma_lookup.json.gz"
    table = json.loads(gzip.decompress(data.read_bytes()))
    return {v for k, v in table.items() if k[:1].isupper() and k != v and k[len(v):] in ("en", "n", "e")}


def place_clusters(places: set[str], prob: dict[str, float]) -> set[int]:
    """The Brown clusters whose 300 most frequent capitalised members are a fifth or more places."""
    import collections
    import gzip
    import json
    from importlib import resources

    data = resources.files("spacy_lookups_data") / "data" / "de_lexeme_cluster.json.gz"
    CLUSTERS.update(json.loads(gzip.decompress(data.read_bytes())))
    members = collections.defaultdict(list)
    for word, cluster in CLUSTERS.items():
        if word[:1].isupper():
            members[cluster].append(word)
    out = set()
    for cluster, words in members.items():
        top = sorted(words, key=lambda w: -prob.get(w, -30.0))[:300]
        if sum(w in places for w in top) / len(top) >= 0.2:
            out.add(cluster)
    return out


def main() -> None:
    from kiextract.lexicon.places import INFLECTED_PLACE_KINDS, QUALIFIED_RE
    from kiextract.textutil import load_tsv

    prob, lemmas = word_probabilities(), plural_nouns()
    rows = load_tsv("places.tsv")
    listed = {r[0] for r in rows}
    shorts = {m.group(1) for name, kind, _land, _flag in rows if kind not in INFLECTED_PLACE_KINDS and (m := QUALIFIED_RE.fullmatch(name))}
    clusters = place_clusters(listed | shorts, prob)  # the short forms vote too: "Frankfurt, Offenbach, Esslingen"
    out = []
    for short in sorted(shorts - listed):
        ambiguous = prob.get(short.lower(), -99.0) > -12.5 or short in lemmas or CLUSTERS.get(short) not in clusters  # "buchen", "Berg", "Wetter"
        out.append(f"{short}\t{'ambiguous' if ambiguous else ''}")
    write("place_short_forms.tsv", "name\tflag", out,
          "Short names of towns whose full name tells them apart ('Frankfurt' of 'Frankfurt am Main'), from places.tsv; written by scripts/build_place_short_forms.py. See SOURCES.md.")


if __name__ == "__main__":
    main()
