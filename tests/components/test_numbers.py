import pytest

from kiextract.components.numbers import find_ages, find_numbers
from kiextract.components.numbers.parse import parse_number, parse_number_word


@pytest.mark.parametrize(
    "text, value",
    [
        ("365.000", 365000), ("1.250.000", 1250000), ("14,5", 14.5), ("10 000", 10000),
        ("1,5 Millionen", 1500000), ("2 Mio.", 2000000), ("3 Mrd.", 3000000000), ("eine Million", 1000000),
        ("fünf", 5), ("zwölf", 12), ("zweihundert", 200), ("zwei Dutzend", 24), ("ein Dutzend", 12),
        ("anderthalb", 1.5), ("einem", 1), ("zweier", 2), ("dreiundzwanzig", 23), ("zweitausendfünfhundert", 2500),
    ],
    ids=lambda v: str(v),
)
def test_numbers_parse_german_formats_and_words(text, value):
    assert parse_number(text) == value


def test_number_word_rejects_ordinary_words():
    assert parse_number_word("Sieger") is None and parse_number_word("Verein") is None


def one(text, type_):
    found = [f for f in find_numbers(text) if f.type == type_]
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, value, unit, about, period, qualifier",
    [
        ("Das Land stellt eine jährliche Förderung von 365.000 Euro zur Verfügung.", 365000, "EUR", "Förderung", "year", None),
        ("Davon werden 315.000 Euro für Personal investiert.", 315000, "EUR", "Personal", None, None),
        ("und 50.000 Euro für Sachkosten.", 50000, "EUR", "Sachkosten", None, None),
        ("Die Stadt zahlt 50.000 € im Jahr.", 50000, "EUR", None, "year", None),
        ("Der Eintritt kostet € 3.000 und mehr.", 3000, "EUR", "Eintritt", None, None),
        ("Das Budget beträgt EUR 2,5 Mio. im Jahr.", 2500000, "EUR", "Budget", "year", None),
        ("Der Umbau kostet 38,5 Millionen Euro.", 38500000, "EUR", "Umbau", None, None),
        ("Die Stadt zahlt 4.000 Euro.", 4000, "EUR", None, None, None),
        ("Der Deal bringt 12 Millionen australische Dollar.", 12000000, "AUD", None, None, None),
        ("Das Ticket kostet 3 Euro 20 im Vorverkauf.", 3.2, "EUR", "Ticket", None, None),
        ("Er fand 20 Dollar und 40 Cent.", 20.4, "USD", None, None, None),
        ("Es fehlen 1,5 Millionen Euro.", 1500000, "EUR", None, None, None),
        ("Sie sammelten rund 10.000 Euro für die Tafel.", 10000, "EUR", "Tafel", None, "approx"),
        ("Die Spende von 20.000 Franken kam an.", 20000, "CHF", "Spende", None, None),
        ("Der Konzern verlor 3 Mrd. Dollar.", 3000000000, "USD", None, None, None),
        ("Ein Ticket kostet 50 Cent.", 0.5, "EUR", None, None, None),
        ("Er zahlte 200 Pfund monatlich.", 200, "GBP", None, "month", None),
        ("Sie erhalten bis zu 500 Euro pro Monat.", 500, "EUR", None, "month", "at_most"),
        ("Das Land fördert die Arbeit mit jährlich rund 350.000 Euro.", 350000, "EUR", None, "year", "approx"),
        ("Kredite im Ausmaß von 190 Millionen Euro", 190000000, "EUR", "Kredite", None, None),
        ("Sie fanden Falschgeld im Nennwert von beinahe 300.000 Euro.", 300000, "EUR", "Falschgeld", None, "almost"),
        ("Der Kaffee kostet drei Euro neunzig.", 3.9, "EUR", "Kaffee", None, None),
        ("Die Maut kostet 12 Dollar und 45.", 12.45, "USD", "Maut", None, None),
        ("Der Verlag zahlte A$ 40.000 für die Rechte.", 40000, "AUD", "Rechte", None, None),
        ("Das Werk wurde 1989 für 80 Millionen finnische Mark verkauft.", 80000000, "FIM", None, None, None),
        ("Die Firma stellte eine Rechnung über 1.250 Euro aus.", 1250, "EUR", "Rechnung", None, None),
        ("Der Umbau verursacht Kosten von 3,1 Millionen.", 3100000, "EUR", "Kosten", None, None),
    ],
    ids=["foerderung-von", "fuer-personal", "fuer-sachkosten", "euro-sign-im-jahr", "euro-sign-before", "eur-mio", "subject-costs", "payer-is-no-purpose", "currency-after-adjective", "euro-and-cents", "dollar-and-cents", "millionen-euro", "rund", "franken", "mrd-dollar", "cent", "pfund-monatlich", "bis-zu", "period-before", "im-ausmass-von", "compound-measure-noun",
         "words-cents", "und-cents", "dollar-code-sign", "currency-of-a-country-adjective", "rechnung-ueber-is-a-preposition", "a-noun-of-money-without-currency"],
)
def test_money_value_unit_purpose_period_qualifier(text, value, unit, about, period, qualifier):
    f = one(text, "money")
    assert (f.value, f.fields["unit"], f.fields["about"], f.fields["period"], f.fields["qualifier"]) == (value, unit, about, period, qualifier)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Analysten gehen von 20 bis 30 Mrd. Euro aus.", [("money", 20000000000, "EUR"), ("money", 30000000000, "EUR")]),
        ("Betroffen sind 1,7 bis 3,1 Milliarden Menschen.", [("quantity", 1700000000, "Mensch"), ("quantity", 3100000000, "Mensch")]),
        ("Ein Brief kostet 50 bis 70 Cent.", [("money", 0.5, "EUR"), ("money", 0.7, "EUR")]),
        ("Der Preis liegt zwischen 500.000 und 1 Million Euro.", [("money", 500000, "EUR"), ("money", 1000000, "EUR")]),
        ("Das dauert zehn oder fünfzehn Jahre.", [("duration", 10, "Jahr"), ("duration", 15, "Jahr")]),
        ("Die Umlage steigt um rund 3,2 auf dann etwa 48 Millionen Euro.", [("money", 3200000, "EUR"), ("money", 48000000, "EUR")]),
        ("Die Partei fiel von 21 auf 14 Prozent.", [("percent", 21, None), ("percent", 14, None)]),
        ("Von acht Milliarden Euro Kosten fließen rund fünf Milliarden in Straßen.", [("money", 8000000000, "EUR"), ("money", 5000000000, "EUR")]),
        ("Der Bau kostet 3 Millionen Euro, der Betrieb 1,5 Millionen pro Jahr.", [("money", 3000000, "EUR"), ("money", 1500000, "EUR")]),
        ("Das Land zahlt 2 Millionen Euro. In der Stadt leben 1,2 Millionen.", [("money", 2000000, "EUR")]),
        ("Dafür stimmten 41 der 60 Abgeordneten.", [("quantity", 41, "Abgeordneter"), ("quantity", 60, "Abgeordneter")]),
        ("Die Polizei zählte 2019 noch 412 Fälle, nun liegt sie bei 530. Davon blieb vieles offen.", [("quantity", 412, "Fall"), ("quantity", 530, "Fall")]),
        ("Der Betrieb hat 32 Stellen auf 1480 abgebaut.", [("quantity", 32, "Stelle"), ("quantity", 1480, "Stelle")]),
        ("Im Jahr verbuchte das Haus 100.892 Besucher.", [("quantity", 100892, "Besucher")]),
        ("Er feiert den 100. Geburtstag.", []),
        ("Der Kantonsrat entschied mit 58 zu 41 Stimmen.", [("quantity", 58, "Stimme"), ("quantity", 41, "Stimme")]),
        ("Zum Parteitag kamen 1200 akkreditierte Journalisten.", [("quantity", 1200, "Journalist")]),
        ("Es gab 48.000 belegte Plätze und 900 geladene Gäste.", [("quantity", 48000, "Platz"), ("quantity", 900, "Gast")]),
        ("Die Kandidatin kam auf 31.74 Prozent.", [("percent", 31.74, None)]),
        ("Die Sanierung kostet 4 Millionen Euro. Der Erlös lag um 1,3 Millionen höher.", [("money", 4000000, "EUR"), ("money", 1300000, "EUR")]),
        ("Das Budget liegt bei 9 Millionen Franken. Die Stadt rechnet mit Ausgaben von 8,2 Millionen.", [("money", 9000000, "CHF"), ("money", 8200000, "CHF")]),
    ],
    ids=[
        "scale-shared", "scale-shared-count", "cent-shared", "larger-number-keeps-its-size", "no-scale", "um-x-auf-y",
        "von-x-auf-y-percent", "currency-from-the-sentence", "currency-after-comma", "no-currency-from-another-sentence",
        "partitive-x-der-y", "elliptic-bei-at-sentence-end", "elliptic-auf-before-verb", "grouped-number-after-label-word", "ordinal-before-noun",
        "votes-x-zu-y", "participle-before-the-counted-noun", "participles-of-two-counts", "decimal-point-before-prozent",
        "currency-of-the-text-after-a-money-noun", "money-nouns-in-a-later-sentence",
    ],
)
def test_a_range_shares_the_unit_and_scale_of_its_second_number(text, expected):
    assert [(f.type, f.value, f.fields.get("unit")) for f in find_numbers(text)] == expected


@pytest.mark.parametrize(
    "text, value, unit, qualifier",
    [
        ("Die Staatssekretärin besucht alle 54 Kommunalen Integrationszentren.", 54, "Integrationszentrum", None),
        ("16 Mitarbeiterinnen und Mitarbeiter kümmern sich darum.", 16, "Mitarbeiter", None),
        ("Das Netzwerk umfasst mehr als 300 Kooperationspartner.", 300, "Kooperationspartner", "more_than"),
        ("zwischen dem Kreis und seinen 24 Städten und Gemeinden", 24, "Stadt und Gemeinde", None),
        ("Es gibt fünf Kommunale Integrationszentren im Bezirk.", 5, "Integrationszentrum", None),
        ("Im August kommen zwei Dutzend Kinder zusammen.", 24, "Kind", None),
        ("Die Stadt hat etwa 1.200 neue Wohnungen gebaut.", 1200, "Wohnung", "approx"),
        ("Fast 300 Menschen kamen.", 300, "Mensch", "almost"),
        ("Mindestens zwölf Schulen sind betroffen.", 12, "Schule", "at_least"),
        ("Weniger als 40 Teilnehmer meldeten sich.", 40, "Teilnehmer", "less_than"),
        ("die beiden Landtagsabgeordneten", 2, "Landtagsabgeordneter", None),
        ("14 Beamte wurden verletzt.", 14, "Beamter", None),
        ("Es gab drei Schwerverletzte.", 3, "Schwerverletzter", None),
        ("Die Pleite von vier Regionalbanken traf viele.", 4, "Regionalbank", None),
        ("Mehrere hundert Menschen kamen.", 100, "Mensch", "more_than"),
        ("Zur Feier kamen über 300 Gäste.", 300, "Gast", "more_than"),
        ("Der Saal verfügt über 300 Plätze.", 300, "Platz", None),
    ],
    ids=["kommunalen-integrationszentren", "gender-pair", "mehr-als", "two-nouns", "number-word", "dutzend", "adjective-etwa", "fast", "mindestens", "weniger-als", "beiden", "nominalised-adjective", "nominalised-compound", "table-lacks-plural", "mehrere-hundert",
         "ueber-is-more-than", "verfuegen-ueber-is-a-preposition"],
)
def test_counts_tie_the_number_to_the_counted_noun(text, value, unit, qualifier):
    f = one(text, "quantity")
    assert (f.value, f.fields["unit"], f.fields["qualifier"]) == (value, unit, qualifier)


def test_counts_each_number_gets_its_own_fact():
    found = [(f.value, f.fields["unit"]) for f in find_numbers("„19 Kommunen mit 19 Interessen“ zu unterstützen")]
    assert found == [(19, "Kommune"), (19, "Interesse")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Sie hat einen Hund und eine Katze.", []),
        ("Es kamen mehr als ein Dutzend Gäste.", [("quantity", 12, "more_than")]),
        ("Der Bau kostet eine Million Euro.", [("money", 1000000, None)]),
        ("Die Sanierung dauerte ein Jahr.", [("duration", 1, None)]),
        ("Das kostet rund eine Million Euro.", [("money", 1000000, "approx")]),
        ("Sie kamen (mehr als ein Dutzend Gäste).", [("quantity", 12, "more_than")]),
        ("Er ging zu einem Freund.", []),
        ("Er sprach über eine Reform.", []),
        ("Ein Euro-Betrag fehlt.", []),
        ("Der Umbau kostet eine halbe Million Euro.", [("money", 500000, None)]),
        ("Mit einer halben Milliarde Franken rechnet der Kanton.", [("money", 500000000, None)]),
        ("Er wartete eine halbe Stunde.", [("duration", 0.5, None)]),
        ("Die halbe Stadt war auf den Beinen.", []),
        ("Ein halbes Dutzend Vorschläge lag vor.", [("quantity", 6, None)]),
    ],
    ids=["articles", "qualifier-dutzend", "eine-million-euro", "ein-jahr", "rund-eine-million", "bracket-qualifier", "zu-einem", "ueber-eine", "euro-compound",
         "half-a-million", "half-a-billion-francs", "half-an-hour", "half-the-town-is-no-count", "half-a-dozen"],
)
def test_ein_is_a_number_only_before_a_scale_or_unit(text, expected):
    assert [(f.type, f.value, f.fields.get("qualifier")) for f in find_numbers(text)] == expected


@pytest.mark.parametrize(
    "text",
    ["Die Stadt meldet zwei Verletzte und eine Million Euro Schaden.", "İzmir meldet zwei Verletzte und eine Million Euro Schaden."],
    ids=["plain", "lowercase-changes-length"],
)
def test_number_words_keep_their_offsets_when_lowercase_changes_length(text):
    found = [(f.type, f.value, text[f.start:f.end]) for f in find_numbers(text)]
    assert found == [("quantity", 2, "zwei Verletzte"), ("money", 1000000, "eine Million Euro")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Zwei Kinder spielen im Hof.", [(2, "Zwei Kinder")]),
        ("Gemeldet wurden (drei Verletzte) am Abend.", [(3, "drei Verletzte")]),
        ("Sie sagte: „Vier Kinder kamen.“", [(4, "Vier Kinder")]),
        ("Die Zahl der Toten stieg auf zwölf\nPolizei ermittelt", []),
        ("Es kamen zwei Kinder\nund zwölf Erwachsene.", [(2, "zwei Kinder"), (12, "zwölf Erwachsene")]),
        ("Die Top-Drei Teams spielen.", []),
        ("Die Zweitausender Hefte kamen.", []),
    ],
    ids=["text-start", "after-bracket", "after-quote", "line-break-after-number", "line-break-after-noun", "after-hyphen", "inside-word"],
)
def test_number_words_are_whole_words_wherever_they_stand(text, expected):
    assert [(f.value, text[f.start:f.end]) for f in find_numbers(text) if f.type == "quantity"] == expected


@pytest.mark.parametrize(
    "text, value, about, qualifier",
    [
        ("Das sind 14 Prozent.", 14, None, None),
        ("Das sind 14 % mehr.", 14, None, None),
        ("Es waren 14,5 Prozent der Stimmen.", 14.5, "Stimmen", None),
        ("Fast 14 Prozent der Bevölkerung besitzt keinen deutschen Pass.", 14, "Bevölkerung", "almost"),
        ("Dort hat etwa jeder sechste Bürger eine Zuwanderungsgeschichte.", 16.67, "Bürger", "approx"),
        ("Die Hälfte der Schüler kommt mit dem Bus.", 50, "Schüler", None),
        ("Ein Drittel der Mittel fließt in Personal.", 33.33, "Mittel", None),
        ("Drei Viertel der Befragten sind zufrieden.", 75, "Befragten", None),
        ("Rund jeder Dritte erwartet sich Vorteile.", 33.33, None, "approx"),
        ("Jeder vierte will Geschenke weiterverkaufen.", 25, None, None),
        ("Nur ein Prozent der Stimmen fehlte.", 1, "Stimmen", None),
        ("Fast ein Viertel aller bisher in diesem Jahr registrierten Fälle", 25, None, "almost"),
        ("Inzwischen hat jeder 5. Haushalt einen Hund.", 20, "Haushalt", None),
        ("Jedes zehnte Kind lebt in Armut.", 10, "Kind", None),
    ],
    ids=["prozent", "percent-sign", "decimal-der", "fast-der-bevoelkerung", "jeder-sechste", "haelfte", "ein-drittel", "drei-viertel", "jeder-dritte-is-the-noun", "lowercase-verb-is-no-noun", "ein-prozent", "no-noun-across-a-preposition", "jeder-digit-ordinal", "jedes-zehnte"],
)
def test_percents_and_shares(text, value, about, qualifier):
    f = one(text, "percent")
    assert (f.value, f.fields["about"], f.fields["qualifier"]) == (value, about, qualifier)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das KI besteht seit zehn Jahren.", [(10, "Jahr")]),
        ("Denn sonst stehen wir in zehn oder fünfzehn Jahren vor Problemen.", [(10, "Jahr"), (15, "Jahr")]),
        ("Das Projekt dauert drei Monate.", [(3, "Monat")]),
        ("Nach zwei Wochen war alles vorbei.", [(2, "Woche")]),
    ],
    ids=["seit-zehn-jahren", "zehn-oder-fuenfzehn", "drei-monate", "zwei-wochen"],
)
def test_durations(text, expected):
    assert [(f.value, f.fields["unit"]) for f in find_numbers(text) if f.type == "duration"] == expected


@pytest.mark.parametrize(
    "text, age",
    [("Die 38-jährige CDU-Politikerin hat sich vorgenommen", 38), ("sagte der 54-Jährige.", 54), ("Er ist 61 Jahre alt.", 61)],
    ids=["jaehrige", "der-jaehrige", "jahre-alt"],
)
def test_ages_are_spans_not_counts(text, age):
    assert [a for _, _, a in find_ages(text)] == [age]
    assert [f for f in find_numbers(text) if f.type in ("quantity", "duration")] == []


@pytest.mark.parametrize(
    "text",
    [
        "Seit 2014 besteht das Zentrum.",
        "Von Paul Kieras, 14.08.2017",
        "bis zum Ende der Legislaturperiode 2022 zu sichern",
        "Donnerstag, 05.04.2018, 15:04 Uhr",
        "Das Spiel endete 2:1 für die Gäste.",
        "Serap Güler (vorn, 3.v.l.) im Kreishaus",
        "Die 3. Klasse der Grundschule",
        "Der Antrag Nr. 9 wurde abgelehnt.",
        "Nach § 3 des Gesetzes gilt das.",
        "Die Adresse lautet 53721 Siegburg.",
        "Sie wohnt in der Hauptstraße 12 in Bonn.",
        "Weitere Infos unter www.kreis-3000.de und info2020@kreis.de",
        "Er erreichte Platz 4 im Finale.",
        "Der Film bekam die Note 2 von der Jury.",
        "Rubin Okotie (1860 München) traf.",
        "Davon haben 55.000 ihre Wurzeln in der Türkei.",
        "Für den LG 65EF9500 zahlt man viel.",
    ],
    ids=["year", "byline-date", "legislaturperiode", "clock-time", "score", "caption", "ordinal", "issue-number", "section", "postcode", "house-number", "url-and-email", "rank", "rating", "club", "verb-after-number", "model-number"],
)
def test_numbers_that_are_no_facts(text):
    from kiextract.components.contacts.find import find_contacts
    from kiextract.components.dates import find_dates

    taken = [(c.start, c.end) for c in find_contacts(text)] + [(d.start, d.end) for d in find_dates(text)]
    assert [f for f in find_numbers(text, taken) if f.type in ("money", "quantity", "percent")] == []


@pytest.mark.parametrize(
    "text, type_, value, unit",
    [
        ("Der Turm ist 85 Meter hoch.", "measure", 85, "m"),
        ("Auf 1000 Quadratmetern entsteht die Kita.", "measure", 1000, "m²"),
        ("Das Werk liefert 2,5 Gigawattstunden Strom.", "measure", 2.5, "GWh"),
        ("Der Hagel traf mehr als 25.000 Hektar.", "measure", 25000, "ha"),
        ("Es kamen 300 Besucher.", "quantity", 300, "Besucher"),
        ("Die Armee hat zwei Stützpunkte.", "quantity", 2, "Stützpunkt"),
        ("Am Nachmittag wurden in Linz 36 °C gemessen.", "measure", 36, "°C"),
        ("Der Lenker war mit 142 km/h unterwegs.", "measure", 142, "km/h"),
        ("Die Halle bietet 4.050 m² Fläche.", "measure", 4050, "m²"),
        ("Die Wohnung hat 78 qm.", "measure", 78, "m²"),
        ("Die Etappe führt über 187 km nach Sion.", "measure", 187, "km"),
        ("Der Park erzeugt 2,5 GWh im Jahr.", "measure", 2.5, "GWh"),
    ],
    ids=["meter", "square-metres", "gigawatt-hours", "hectares", "count-stays", "compound-of-punkt-is-a-count",
         "degrees-celsius-symbol", "kmh-symbol", "square-metre-symbol", "qm", "km-symbol", "gwh-symbol"],
)
def test_measurements_are_measures_not_counts(text, type_, value, unit):
    from kiextract.components.numbers import find_numbers

    facts = [(f.type, f.value, f.fields["unit"]) for f in find_numbers(text) if f.type in ("measure", "quantity")]
    assert facts == [(type_, value, unit)]


@pytest.mark.parametrize("text", ["Sie holte elf Punkte.", "Er hat 250 ATP-Punkte."], ids=["points", "ranking-points"])
def test_points_are_no_fact(text):
    from kiextract.components.numbers import find_numbers

    assert [f for f in find_numbers(text) if f.type in ("measure", "quantity")] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Land gibt 20 Millionen Euro. Die 50-Millionen-Investition soll 2019 fertig sein.",
         [(20_000_000, "EUR", None), (50_000_000, "EUR", "Investition")]),
        ("Der Konzern plant eine 2,5-Milliarden-Dollar-Übernahme.", [(2_500_000_000, "USD", "Übernahme")]),
        ("Die 50-Millionen-Investition soll 2019 fertig sein.", []),
        ("Die Zuschüsse: Altdorf 1 Mio. Euro, Neudorf 500.000, Hochdorf 250.000 und mehr.",
         [(1_000_000, "EUR", None), (500_000, "EUR", None), (250_000, "EUR", None)]),
        ("Erwachsene zahlen 12 Euro, Kinder 6. Die Kasse öffnet um 18 Uhr.", [(12, "EUR", None), (6, "EUR", None)]),
        ("Das Ticket kostet 3 Euro 20.", [(3.2, "EUR", "Ticket")]),
    ],
    ids=["compound-context-currency", "compound-own-currency", "compound-without-any-currency", "list-after-scaled-amount", "list-after-small-amount", "cents-at-clause-end"],
)
def test_money_in_compounds_lists_and_cents(text, expected):
    from kiextract.components.numbers import find_numbers

    got = [(f.value, f.fields["unit"], f.fields.get("about")) for f in find_numbers(text) if f.type == "money"]
    assert got == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("In der Stadt leben 5.000 Flüchtlinge. 1.200 von ihnen sind minderjährig.", [(5000, "Flüchtling"), (1200, "Flüchtling")]),
        ("Der Kreis hat 300 Schulen, 20 davon sind neu.", [(300, "Schule"), (20, "Schule")]),
        ("Die Zahl der Einbrüche lag 2013 bei 705. Im Jahr davor waren es mehr.", [(705, "Einbruch")]),
        ("Die Zahl der Mitarbeiterinnen und Mitarbeiter stieg mit 173 Neueinstellungen auf insgesamt 2069. Davon waren 1400 in Berlin.",
         [(173, "Neueinstellung"), (2069, "Mitarbeiter"), (1400, "Mitarbeiter")]),
        ("Sie beliefert etwa 230.000 gewerbliche und 4.500 landwirtschaftliche Anlagen.", [(230_000, "Anlage"), (4500, "Anlage")]),
    ],
    ids=["von-ihnen", "davon-after", "zahl-der-bei", "insgesamt-is-no-year-and-davon", "adjective-before-und"],
)
def test_elliptic_counts_take_the_noun_from_context(text, expected):
    from kiextract.components.numbers import find_numbers

    assert [(f.value, f.fields["unit"]) for f in find_numbers(text) if f.type == "quantity"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Handy hat 16 GB Speicher.", [("measure", 16, "GB")]),
        ("Es starb ein 13 Jahre altes Mädchen.", []),
        ("Es kamen 300 Feuerwehrleute.", [("quantity", 300, "Feuerwehrmann")]),
    ],
    ids=["data-unit-is-a-measure", "inflected-alt-is-an-age", "leute-plural-of-mann"],
)
def test_measures_ages_and_irregular_plurals(text, expected):
    from kiextract.components.numbers import find_numbers

    assert [(f.type, f.value, f.fields.get("unit")) for f in find_numbers(text)] == expected


@pytest.mark.parametrize(
    "text, locale, expected",
    [
        ("Die Gemeinde plant Einnahmen von 42 und Ausgaben von 40,3 Millionen Euro.", "de-DE",
         [(42000000, "EUR", "Einnahmen"), (40300000, "EUR", "Ausgaben")]),
        ("Die Gemeindeversammlung genehmigte Ausgaben von 2,3 Millionen.", "de-CH", [(2300000, "CHF", "Ausgaben")]),
        ("Die Kosten trugen 3 Millionen Menschen.", "de-DE", []),
    ],
    ids=["parallel-nouns-share-the-scale", "swiss-money-noun-without-currency", "counted-noun-is-no-money"],
)
def test_amounts_a_noun_of_money_names(text, locale, expected):
    from kiextract.locales import using

    with using(locale):
        facts = find_numbers(text)
    assert [(f.value, f.fields["unit"], f.fields["about"]) for f in facts if f.type == "money"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Stürmer traf dreimal und wurde 25-mal eingewechselt.", [(3, "Mal"), (25, "Mal")]),
        ("Sie war zwölfmal Meisterin.", [(12, "Mal")]),
        ("Er war noch einmal da, manchmal auch diesmal.", []),
    ],
    ids=["word-and-digits-times", "compound-number-word-times", "adverbs-are-no-counts"],
)
def test_how_many_times_in_one_word(text, expected):
    assert [(f.value, f.fields["unit"]) for f in find_numbers(text) if f.type == "quantity"] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Der Kreis hat 10,7 Betten pro 1.000 Einwohner.",
        "Er stürmte zuletzt für die SV 07 Elversberg.",
        "Es sprachen Martin Reincke und Christian Weber (beide LMU).",
    ],
    ids=["denominator-of-a-rate", "leading-zero-of-a-club-name", "beide-in-brackets"],
)
def test_numbers_that_count_nothing(text):
    assert [f for f in find_numbers(text) if f.type == "quantity" and f.value in (1000, 7, 2)] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Die Werke stehen in Zwickau (512 Beschäftigte), Riesa (310) und Bad Elster (96).",
         [(512, "Beschäftigter"), (310, "Beschäftigter"), (96, "Beschäftigter")]),
        ("Der Ortsteil Riesa (310) wächst.", []),
    ],
    ids=["bracketed-list-takes-the-first-unit", "a-bracket-alone-counts-nothing"],
)
def test_counts_in_a_bracketed_list(text, expected):
    assert [(f.value, f.fields["unit"]) for f in find_numbers(text) if f.type == "quantity"] == expected
