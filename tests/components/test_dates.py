from datetime import date

import pytest

from kiextract.components.dates import find_dates, find_published, parse_published_option, resolve

PUB = date(2018, 4, 5)  # a Thursday


def resolved(text, published=PUB):
    return [(r.text, resolve(r, published), r.grain, r.modifier) for r in find_dates(text)]


@pytest.mark.parametrize(
    "text, value, grain",
    [
        ("Von Paul Kieras, 14.08.2017", "2017-08-14", "day"),
        ("Stand: 05.04.2018", "2018-04-05", "day"),
        ("am 5.4.18 in Köln", "2018-04-05", "day"),
        ("am 5. April 2018 in Köln", "2018-04-05", "day"),
        ("am 5. Apr. 2018 in Köln", "2018-04-05", "day"),
        ("seit April 2018 im Amt", "2018-04", "month"),
        ("Der Start im November 2014 war schwer.", "2014-11", "month"),
        ("Die Datei vom 2017-08-14 liegt vor.", "2017-08-14", "day"),
        ("Donnerstag, 05.04.2018, 15:04 Uhr", "2018-04-05T15:04", "minute"),
    ],
    ids=["numeric", "numeric-stand", "short-year", "month-name", "month-abbr", "month-year", "im-november", "iso", "weekday-date-time"],
)
def test_dates_absolute_day_first(text, value, grain):
    found = resolved(text)
    assert len(found) == 1, found
    assert found[0][1:3] == (value, grain)


@pytest.mark.parametrize(
    "text, value, modifier",
    [
        ("Seit 2014 besteht das Zentrum.", "2014", "since"),
        ("Ein gelungenes Beispiel war in 2017 der Zirkus.", "2017", None),
        ("bis 2022 gesichert", "2022", "until"),
        ("bis zum Ende der Legislaturperiode 2022 zu sichern", "2022", "until"),
        ("Ende 2019 soll es fertig sein.", "2019", "end"),
        ("Anfang 2020 beginnt der Bau.", "2020", "start"),
        ("Mitte 2021 ist Schluss.", "2021", "mid"),
        ("im Jahr 2015 gegründet", "2015", None),
        ("das bestehende Integrationskonzept von 2011", "2011", None),
        ("in der Saison 2016/17", "2016/2017", None),
    ],
    ids=["seit", "in", "bis", "bis-zum-ende-der", "ende", "anfang", "mitte", "im-jahr", "von", "season"],
)
def test_dates_years_as_time_references(text, value, modifier):
    found = resolved(text)
    assert len(found) == 1, found
    assert (found[0][1], found[0][3]) == (value, modifier)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Die Staatssekretärin kam am Mittwoch.", "2018-04-04"),
        ("Die Staatssekretärin hat am Donnerstag den Kreis besucht.", "2018-04-05"),
        ("Sie war gestern im Kreishaus.", "2018-04-04"),
        ("Vorgestern begann die Tour.", "2018-04-03"),
        ("Heute beginnt die Tour.", "2018-04-05"),
        ("Die Messe öffnet morgen.", "2018-04-06"),
        ("Am Wochenende wird gefeiert.", "2018-04-07"),
        ("Vergangene Woche tagte der Rat.", "2018-W13"),
        ("zu dem im August zwei Dutzend Kinder zusammenkommen", "2018-08"),
        ("Im vergangenen Jahr kamen mehr.", "2017"),
        ("Nächstes Jahr wird gebaut.", "2019"),
        ("Vor zwei Jahren begann es.", "2016"),
        ("am vergangenen Montag", "2018-04-02"),
        ("am kommenden Montag", "2018-04-09"),
        ("am 1. Mai wird gefeiert", "2018-05-01"),
    ],
    ids=["weekday-before", "weekday-same-day", "gestern", "vorgestern", "heute", "morgen", "wochenende", "vergangene-woche", "im-august", "vergangenen-jahr", "naechstes-jahr", "vor-zwei-jahren", "vergangenen-montag", "kommenden-montag", "day-month-without-year"],
)
def test_dates_resolve_relative_against_published(text, value):
    found = resolved(text)
    assert len(found) == 1, found
    assert found[0][1] == value


def test_dates_relative_stay_unresolved_without_published():
    assert resolved("Sie kam am Mittwoch.", None) == [("am Mittwoch", None, "day", None)]


def test_dates_range_gives_two_facts():
    assert [v for _, v, _, _ in resolved("vom 1. bis 3. März 2018")] == ["2018-03-01", "2018-03-03"]
    assert [(v, m) for _, v, _, m in resolved("Von 2014 bis 2016 lief das Projekt.")] == [("2014", "from"), ("2016", "until")]


@pytest.mark.parametrize(
    "text",
    [
        "Die Zahl stieg auf 2.022 Menschen.",
        "Rufnummer 0 22 41/13 30 66",
        "Serap Güler (vorn, 3.v.l.)",
        "die Version 2.4.1 der App",
        "Das Spiel endete 2:1.",
        "Denn sonst stehen wir in zehn oder fünfzehn Jahren vor Problemen.",
        "die Arbeit wird heute immer noch kritisch begleitet",
        "Die Mitarbeiter kommen jeden Morgen.",
        "mit 365.000 Euro und 54 Zentren",
        "Im Ziel: 1. Jan Brückner (GER) 8:14:40 Stunden",
        "Ein Film von Okt Nielsen und anderen.",
    ],
    ids=["thousands", "phone", "caption", "version", "score", "duration", "heute-nowadays", "der-morgen", "money-count",
         "ranking-jan-given-name", "short-month-before-a-name"],
)
def test_dates_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text, published",
    [
        (" date 2017-08 RHEIN-SIEG-KREIS. Seit 2014.\n\nVon Von Paul Kieras, 14.08.2017\n\nText.", "2017-08-14"),
        ("Titel\n\nDonnerstag, 05.04.2018, 15:04 Uhr\n\nText am Mittwoch.", "2018-04-05"),
        ("Titel (Meldung vom 09.08.2017) Text.", "2017-08-09"),
        ("Titel\n10. August 2017\nDer Text beginnt.", "2017-08-10"),
        ("Titel\n\nKreis Unna, 12.03.2019 – Das Kommunale Integrationszentrum feiert.", "2019-03-12"),
        ("Titel\nDer Text nennt seit 2014 nichts.", None),
    ],
    ids=["byline", "date-line", "meldung-vom", "month-name-line", "dateline", "none"],
)
def test_published_from_the_text(text, published):
    assert find_published(text, find_dates(text))[0] == published


@pytest.mark.parametrize(
    "value, expected",
    [("2018-04-05", "2018-04-05"), ("2018-04", "2018-04"), ("05.04.2018", "2018-04-05"), ("5. April 2018", "2018-04-05"), ("kein Datum", None)],
    ids=["iso", "iso-month", "german-numeric", "german-words", "garbage"],
)
def test_published_option_parsing(value, expected):
    assert parse_published_option(value) == expected


FUNCTION_WORDS = {
    "der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "einem", "einen", "mit", "so", "am", "im",
    "in", "an", "um", "von", "vom", "bis", "seit", "für", "er", "sie", "es", "wir", "ihr", "ich", "du", "man",
}


def test_dates_never_a_bare_function_word(seed_records, gnad_texts, nlp):
    from kiextract.pipeline import extract_many

    records = list(seed_records)
    dates = [f for r in records for f in r["facts"] if f["type"] == "date"]
    dates += [f.to_dict() for r in extract_many(gnad_texts, nlp=nlp) for f in r.facts if f.type == "date"]
    assert len(dates) > 100
    bad = [d["text"] for d in dates if d["text"].lower() in FUNCTION_WORDS or len(d["text"]) < 4]
    assert bad == []


@pytest.mark.parametrize(
    "text, years",
    [
        ("Der Haushalt 2018 steht.", [2018]),
        ("2002 hatte sie den Titel gewonnen.", [2002]),
        ("Der 1972 geborene Unternehmer schwieg.", [1972]),
        ("Bei der Landtagswahl 2013 verlor die Partei.", [2013]),
        ("Es kamen 2000 Besucher.", []),
        ("Er zahlte 1950 Euro.", []),
        ("Das Formular Nr. 2014 fehlt.", []),
        ("Die Strecke ist 2014 m lang.", []),
        ("Sie ist seit den Wahlen 2019 Stadträtin.", [2019]),
        ("Die Firma hat 2000 Mitarbeiter.", []),
    ],
    ids=["budget", "sentence-start", "birth-year", "election", "count", "money", "label", "measure", "noun-year-before-capital", "count-after-verb"],
)
def test_years_as_time_references_wherever_they_stand(text, years):
    from kiextract.components.dates import find_dates

    assert [r.year for r in find_dates(text) if r.grain == "year"] == years


@pytest.mark.parametrize(
    "text, values",
    [
        ("Am 3.2. kam er.", ["2016-02-03"]),
        ("Das ist für den 17.10. geplant.", ["2015-10-17"]),
        ("Wir treffen uns am Samstag um 18 Uhr.", ["2016-02-27T18:00"]),
        ("Am 12.03.2016 gegen 21:30 Uhr brannte es.", ["2016-03-12T21:30"]),
        ("Heute um 14.30 Uhr beginnt es.", ["2016-03-01T14:30"]),
        ("Es ist am 20. und 21. November offen.", ["2015-11-20", "2015-11-21"]),
        ("Am 21./22. Oktober 2016 wird gefeiert.", ["2016-10-21", "2016-10-22"]),
        ("Um 18 Uhr begann es.", []),
        ("Gemeldet am 15.10.2014 10:49:00 von der Polizei.", ["2014-10-15T10:49:00"]),
        ("Am zweiten Juni öffnet das Bad.", ["2016-06-02"]),
        ("Der dritte März 2019 war kalt.", ["2019-03-03"]),
        ("Die Frist endete 21 Juni 2016 um Mitternacht.", ["2016-06-21"]),
        ("Am dritten Tag gab er auf.", []),
    ],
    ids=[
        "day-month-digits", "fuer-den", "weekday-clock", "date-gegen-clock", "heute-clock", "two-days-und", "two-days-slash", "bare-clock",
        "seconds-kept", "ordinal-word-day", "ordinal-word-with-year", "day-without-dot", "ordinal-word-without-month",
    ],
)
def test_days_without_year_clock_times_and_day_lists(text, values):
    from kiextract.pipeline import extract, load_pipeline

    record = extract(text, published="2016-03-01", nlp=load_pipeline("blank"))
    assert [f.value for f in record.facts if f.type == "date"] == values


@pytest.mark.parametrize(
    "text, published",
    [
        ("Titel\n\nSTADTLOHN\n\n, 15.02.2017, 18:15 Uhr / Lesedauer 4 Minuten\nDer Text.", "2017-02-15"),
        ("15.10.2014 10:49:00, Trier – Einbrüche\nDer Text.", "2014-10-15"),
        ("Am heutigen Dienstag, 9.10.2007, wählte der Rat.", "2007-10-09"),
        ("Pressemitteilung Nr.: 007/08 Magdeburg, den 10. Januar 2008 Neujahrsempfang", "2008-01-10"),
        ("12. Mai 2019 | Politik\nDer Text.", "2019-05-12"),
        ("Er kam am 12. Mai 2019 nach Hause.", None),
        ("Einbruch in Garage\n\nFreitag, 09.06.2023, 22:10 Uhr\n\nKategorie\nDiebstahl\nDatum\n10.06.2023\n\nIn der Nacht kam ein Mann.", "2023-06-10"),
        ("Eine Bilanz\n\nKULTUR / PRESSE\n\n14/09/16 Sichtlich zufrieden zog der Intendant Bilanz.", "2016-09-14"),
        ("Der Rat lehnte den Antrag ab und vertagte die Frage. Karin Vogt 12.03.2020, 05.15 Uhr\nDer Antrag kam vom Stadtrat.", "2020-03-12"),
        ("Heimatverein tagt\n\nsda\n\n14.03.2021 - 09:12\n\nDer Verein tagte.", "2021-03-14"),
    ],
    ids=["comma-line", "first-line-with-time", "am-heutigen", "place-den", "pipe-section", "event-date",
         "labelled-date-wins-over-an-event-line", "opening-slash-date", "signed-first-paragraph", "date-dash-time-line"],
)
def test_published_from_date_lines_and_datelines(text, published):
    from kiextract.components.dates import find_dates, find_published

    assert find_published(text, find_dates(text))[0] == published


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Im zweiten Quartal 2017 wuchs der Umsatz.", [("2017", "Q2", None)]),
        ("Die Zahlen des 3. Quartals 2016 liegen vor.", [("2016", "Q3", None)]),
        ("Der Gewinn stieg in Q4 2015 kräftig.", [("2015", "Q4", None)]),
        ("Im zweiten Halbjahr soll gebaut werden.", [("2016", "H2", None)]),
        ("In der ersten Jahreshälfte 2015 kamen weniger.", [("2015", "H1", None)]),
        ("Anfang 2017 begann der Umbau.", [("2017", "early", "start")]),
        ("Mitte 2014 war Schluss.", [("2014", "mid", "mid")]),
        ("Im Herbst 2016 kam die Wende.", [("2016", "autumn", None)]),
        ("Im vergangenen Sommer war es heiß.", [("2015", "summer", None)]),
        ("Ende des Jahres soll alles fertig sein.", [("2016", "late", "end")]),
        ("Bis Ende des Jahres läuft die Frist.", [("2016", "late", "until")]),
        ("Am Jahresende zieht er Bilanz.", [("2016", "late", "end")]),
        ("Im Sommer ist das Bad voll.", [("2016", "summer", None)]),
        ("Der Sommer war heiß.", []),
        ("Das neue Modell Q3 kommt gut an.", []),
    ],
    ids=[
        "quarter-word", "quarter-digit-genitive", "quarter-q", "half-year-no-year", "half-of-year", "early-year", "mid-year", "season-year",
        "past-season", "end-of-the-year", "until-end-of-the-year", "year-end-compound", "season-this-year", "season-alone-no-date", "q-without-year-no-date",
    ],
)
def test_parts_of_a_year_stay_at_year_grain_and_name_the_part(text, expected):
    from kiextract.pipeline import extract, load_pipeline

    record = extract(text, published="2016-03-01", nlp=load_pipeline("blank"))
    got = [(f.value, f.fields.get("part"), f.fields.get("modifier")) for f in record.facts if f.type == "date"]
    assert got == expected


@pytest.mark.parametrize(
    "text, values",
    [
        ("Karfreitag 2019 bleibt der Laden zu.", ["2019-04-19"]),
        ("An Christi Himmelfahrt ist Feiertag.", ["2016-05-05"]),
        ("Zu Fronleichnam gibt es eine Prozession.", ["2016-05-26"]),
        ("Ostern 2024 fiel früh.", ["2024-03-31"]),
        ("Am Rosenmontag zieht der Zug.", ["2016-02-08"]),
        ("An Heiligabend kommt die Familie.", ["2015-12-24"]),
        ("Am Tag der Deutschen Einheit wird gefeiert.", ["2015-10-03"]),
        ("Seit Silvester 2015 ist es verboten.", ["2015-12-31"]),
        ("Die Osterferien beginnen bald.", []),
        ("Trainer Silvester Meier lobte die Elf.", []),
        ("Am Muttertag 2017 öffnet das Café.", ["2017-05-14"]),
        ("Am zweiten Weihnachtstag 2016 spielt die Kapelle.", ["2016-12-26"]),
        ("Am Volkstrauertag legt der Bürgermeister einen Kranz nieder.", ["2015-11-15"]),
        ("Der Markt öffnet am ersten Advent.", ["2015-11-29"]),
        ("Am 3. Advent 2017 singt der Chor.", ["2017-12-17"]),
        ("Am Totensonntag bleibt es still.", ["2015-11-22"]),
        ("Am Buß- und Bettag ist schulfrei.", ["2015-11-18"]),
        ("Zum Erntedankfest schmückt die Gemeinde die Kirche.", ["2015-10-04"]),
        ("Am Himmelfahrtstag 2018 zogen die Väter los.", ["2018-05-10"]),
        ("Am Internationalen Frauentag 2019 demonstrierten Tausende.", ["2019-03-08"]),
        ("Peter und Paul kamen zu spät.", []),
    ],
    ids=["good-friday-year", "ascension", "corpus-christi", "easter-year", "rose-monday", "christmas-eve", "unity-day", "since-new-years-eve", "compound-no-date",
         "given-name-no-date", "mothers-day-second-sunday-of-may", "second-christmas-day-with-year", "remembrance-sunday", "first-advent",
         "third-advent-with-year", "sunday-of-the-dead", "repentance-day-wednesday", "harvest-festival-first-sunday-of-october",
         "ascension-day-short-name", "womens-day", "two-given-names-are-no-feast"],
)
def test_holidays_with_easter_computed(text, values):
    from kiextract.pipeline import extract, load_pipeline

    record = extract(text, published="2016-03-01", nlp=load_pipeline("blank"))
    assert [f.value for f in record.facts if f.type == "date"] == values


@pytest.mark.parametrize(
    "text, values",
    [
        # published Tuesday 2016-03-01
        ("Das Treffen ist am übernächsten Freitag.", ["2016-03-11"]),
        ("Wir sehen uns Donnerstag nächster Woche.", ["2016-03-10"]),
        ("Am Montag vergangener Woche kam er.", ["2016-02-22"]),
        ("Anfang nächsten Monats beginnt der Verkauf.", ["2016-04"]),
        ("Vorletztes Jahr war es anders.", ["2014"]),
        ("Am 12. Februar kam er, am Vortag war es ruhig.", ["2016-02-12", "2016-02-11"]),
        ("Am 12. Februar kam er, am Wochenende davor hatte es geregnet.", ["2016-02-12", "2016-02-06"]),
        ("Am Freitag, 12. Februar, war Sitzung, tags darauf Ruhe.", ["2016-02-12", "2016-02-13"]),
        ("Die Messe dauert von Dienstag bis Donnerstag.", ["2016-03-01", "2016-03-03"]),
        ("Sie ist von Freitag bis Dienstag geschlossen.", ["2016-02-26", "2016-03-01"]),
        ("Zwischen Montag und Mittwoch wird gebaut.", ["2016-02-29", "2016-03-02"]),
        ("Das sagte er der Welt am Sonntag.", []),
    ],
    ids=[
        "week-after-next-weekday", "weekday-of-next-week", "weekday-of-last-week", "start-of-next-month", "year-before-last",
        "day-before-anchor", "weekend-before-anchor", "day-after-anchor", "weekday-range", "weekday-range-over-weekend", "zwischen-und",
        "newspaper-not-a-weekday",
    ],
)
def test_relative_compounds_and_ranges_that_never_end_before_they_start(text, values):
    from kiextract.pipeline import extract, load_pipeline

    record = extract(text, published="2016-03-01", nlp=load_pipeline("blank"))
    assert [f.value for f in record.facts if f.type == "date"] == values


@pytest.mark.parametrize(
    "text, texts",
    [("Das geht im Mai. Ich weiß es.", ["im Mai"]), ("Es gilt ab 3. Jan. 2016 weiter.", ["ab 3. Jan. 2016"])],
    ids=["sentence-dot-after-month-is-no-part", "abbreviation-keeps-its-dot"],
)
def test_a_month_name_keeps_only_its_own_dot(text, texts):
    from kiextract.components.dates import find_dates

    assert [r.text for r in find_dates(text)] == texts


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Der Markt ist vom 28. Dezember bis 3. Januar geschlossen.", [("2016-12-28", "from"), ("2017-01-03", "until")]),
        ("Die Saison geht von Oktober bis März.", [("2016-10", "from"), ("2017-03", "until")]),
        ("Geöffnet vom 20.12. bis 6.1. täglich.", [("2016-12-20", "from"), ("2017-01-06", "until")]),
        ("Das Schreiben vom 28. Dezember kam an.", [("2016-12-28", None)]),
    ],
    ids=["days-over-new-year", "months-over-new-year", "numeric-days-over-new-year", "vom-alone-is-no-range"],
)
def test_a_range_without_year_never_ends_before_it_starts(text, expected):
    from kiextract.pipeline import extract, load_pipeline

    record = extract(text, published="2016-07-01", nlp=load_pipeline("blank"))
    assert [(f.value, f.fields.get("modifier")) for f in record.facts if f.type == "date"] == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Das Fest ist am Freitag, 18.03., im Rathaus.", [("2016-03-18", None)]),
        ("Die Frist läuft bis Montag, 4.7.", [("2016-07-04", "until")]),
        ("Am Dienstag, 12.04., um 15.30 Uhr beginnt die Sitzung.", [("2016-04-12T15:30", None)]),
        ("Im kommenden März beginnt der Bau.", [("2017-03", None)]),
        ("Im vergangenen Mai war es kalt.", [("2015-05", None)]),
        ("Im vergangenen Februar war es kalt.", [("2016-02", None)]),
        ("Vor 2000 Jahren siedelten hier Kelten.", [("0016", None)]),
        ("Vor 300 Jahren brannte die Stadt.", [("1716", None)]),
        ("Das Turnier war am 14./15.10.2017 in Kassel.", [("2017-10-14", None), ("2017-10-15", None)]),
        ("Gebaut wird zwischen dem 3. und dem 12. September.", [("2015-09-03", None), ("2015-09-12", None)]),
        ("Die Sprechstunde ist am Donnerstag von 9.30 bis 11 Uhr.", [("2016-02-25T09:30", "from"), ("2016-02-25T11:00", "until")]),
        ("Am 5. April 2017 zwischen 14 und 16 Uhr ist geschlossen.", [("2017-04-05T14:00", "from"), ("2017-04-05T16:00", "until")]),
        ("Die Planung für die Jahre 2025-27 fehlt.", [("2025", "from"), ("2027", "until")]),
        ("Meldung vom 14.03.2021 - 09:12", [("2021-03-14T09:12", None)]),
        ("Das Stadtfest läuft 17. - 19. Juni auf dem Marktplatz.", [("2016-06-17", "from"), ("2016-06-19", "until")]),
        ("Die Tagung läuft 14.10. - 15.10.2018 in Graz.", [("2018-10-14", "from"), ("2018-10-15", "until")]),
        ("Die Streikabstimmung findet von 19. bis 24. Juni statt.", [("2016-06-19", "from"), ("2016-06-24", "until")]),
        ("Der Festakt ist am Freitag, den 8. April, im Rathaus.", [("2016-04-08", None)]),
        ("Termin ist Samstag, der 9. April 2016.", [("2016-04-09", None)]),
        ("Das Fest ist am Freitag, den 24. Februar.", [("2017-02-24", None)]),
    ],
    ids=["weekday-comma-day-month-is-no-clock-time", "until-weekday-comma-day-month", "weekday-day-month-and-clock",
         "coming-month", "past-month-of-last-year", "past-month-of-this-year", "four-digit-years-ago-is-no-year", "centuries-ago",
         "numeric-day-list", "days-between-with-articles", "clock-range-on-a-weekday", "clock-range-between-on-a-date",
         "years-with-a-two-digit-end", "time-after-a-dash", "day-range-with-a-dash", "numeric-range-takes-the-end-year",
         "austrian-von-bis-days", "weekday-den-day-month", "weekday-der-day-month-year",
         "the-weekday-picks-the-year"],
)
def test_days_after_a_weekday_and_months_with_their_direction(text, expected):
    from kiextract.pipeline import extract, load_pipeline

    record = extract(text, published="2016-03-01", nlp=load_pipeline("blank"))
    assert [(f.value, f.fields.get("modifier")) for f in record.facts if f.type == "date"] == expected
