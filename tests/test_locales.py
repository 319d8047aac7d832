"""Austria and Switzerland as first-class locales: each form as a row (invented sentences), the
locale found in texts of each country, and --locale on the command line."""
import json

import pytest
from typer.testing import CliRunner

from kiextract.cli import app
from kiextract.locales import LOCALES, get, using
from kiextract.locales.detect import detect
from kiextract.pipeline import extract

PUBLISHED = "2019-05-03"

# (locale, text, type, value, a field that must hold: (name, value) or None)
ROWS = [
    # -- de-AT ---------------------------------------------------------------------------------
    ("de-AT", "Am 3. Jänner 2020 beginnt der Umbau.", "date", "2020-01-03", None),
    ("de-AT", "Bis Ende Feber 2021 soll alles fertig sein.", "date", "2021-02", None),
    ("de-AT", "Heuer gab es 300 Anmeldungen.", "date", "2019", None),
    ("de-AT", "Die Nächtigungen stiegen heuer um vier Prozent.", "date", "2019", None),
    ("de-AT", "Am Nationalfeiertag 2020 ist das Museum geöffnet.", "date", "2020-10-26", None),
    ("de-AT", "Am Staatsfeiertag 2019 bleiben die Geschäfte geschlossen.", "date", "2019-05-01", None),
    ("de-AT", "Am Stefanitag 2018 kamen viele Gäste.", "date", "2018-12-26", None),
    ("de-AT", "Anmeldung unter 0512 / 53 60 beim Tourismusverband.", "contact", "+435125360", None),
    ("de-AT", "Die Gemeinde zahlte 2,5 Millionen Schilling für den Bau.", "money", 2500000, ("unit", "ATS")),
    ("de-AT", "Landeshauptmann Markus Eder (ÖVP) eröffnete die Messe.", "person", "Markus Eder", ("roles", "Landeshauptmann")),
    ("de-AT", "Landeshauptmann Markus Eder (ÖVP) eröffnete die Messe.", "person", "Markus Eder", ("party", "ÖVP")),
    ("de-AT", "Bezirkshauptfrau Petra Moser kündigte Kontrollen an.", "person", "Petra Moser", ("roles", "Bezirkshauptfrau")),
    ("de-AT", "Klubobmann Herbert Lenz (FPÖ) kritisierte den Plan.", "person", "Herbert Lenz", ("party", "FPÖ")),
    ("de-AT", "Landesrätin Ulrike Fink (SPÖ) besuchte die Schule.", "person", "Ulrike Fink", ("roles", "Landesrätin")),
    ("de-AT", "NEOS-Abgeordneter Karl Huber stimmte dagegen.", "person", "Karl Huber", ("party", "NEOS")),
    ("de-AT", "Bürgermeister Josef Gruber (ÖVP) aus Hallein sprach zuerst.", "person", "Josef Gruber", ("roles", "Bürgermeister")),
    # -- de-CH ---------------------------------------------------------------------------------
    ("de-CH", "Der Umbau kostet 1'500'000 Franken.", "money", 1500000, ("unit", "CHF")),
    ("de-CH", "Ein Kaffee kostet im Bahnhofbuffet Fr. 4.50.", "money", 4.5, ("unit", "CHF")),
    ("de-CH", "Die Gemeinde rechnet mit 2,3 Mio. Fr. Defizit.", "money", 2300000, ("unit", "CHF")),
    ("de-CH", "Das Billett für Kinder kostet 80 Rappen.", "money", 0.8, ("unit", "CHF")),
    ("de-CH", "Das Defizit beträgt 12.5 Millionen Franken.", "money", 12500000, ("unit", "CHF")),
    ("de-CH", "Der Eintritt kostet CHF 12.50 pro Person.", "money", 12.5, ("unit", "CHF")),
    ("de-CH", "Die Kosten belaufen sich auf 250'000 Franken.", "money", 250000, ("unit", "CHF")),
    ("de-CH", "Die Massnahmen kosten 3,2 Mio. Franken.", "money", 3200000, ("unit", "CHF")),
    ("de-CH", "Rund 1'200 Personen besuchten das Fest.", "quantity", 1200, ("unit", "Person")),
    ("de-CH", "Die Gemeinde zählt neu 31'000 Einwohner.", "quantity", 31000, ("unit", "Einwohner")),
    ("de-CH", "Infos unter Tel. 044 123 45 67 erhältlich.", "contact", "+41441234567", None),
    ("de-CH", "Am Nationalfeiertag 2019 gab es ein Feuerwerk.", "date", "2019-08-01", None),
    ("de-CH", "Am Berchtoldstag 2020 bleibt das Amt geschlossen.", "date", "2020-01-02", None),
    ("de-CH", "Regierungsrat Urs Hofer (SP) stellte das Budget vor.", "person", "Urs Hofer", ("roles", "Regierungsrat")),
    ("de-CH", "Regierungsrat Urs Hofer (SP) stellte das Budget vor.", "person", "Urs Hofer", ("party", "SP")),
    ("de-CH", "Gemeindepräsidentin Monika Ammann begrüsste die Gäste.", "person", "Monika Ammann", ("roles", "Gemeindepräsidentin")),
    ("de-CH", "Stadtpräsident Beat Zumbühl eröffnete die Strasse.", "person", "Beat Zumbühl", ("roles", "Stadtpräsident")),
    ("de-CH", "Ständerätin Karin Keller schliesst sich der Forderung an.", "person", "Karin Keller", ("roles", "Ständerätin")),
    ("de-CH", "Nationalrat Thomas Aebi (SVP) sprach sich dagegen aus.", "person", "Thomas Aebi", ("roles", "Nationalrat")),
    ("de-CH", "Gemeindeammann Peter Gloor lud zur Versammlung.", "person", "Peter Gloor", ("roles", "Gemeindeammann")),
    ("de-CH", "Grossrätin Sandra Frei (GLP) reichte eine Motion ein.", "person", "Sandra Frei", ("party", "GLP")),
    ("de-CH", "Kantonsrätin Lea Huber (Mitte) stimmte zu.", "person", "Lea Huber", ("party", "Mitte")),
    ("de-CH", "Bundesrätin Viola Amrein besuchte die Truppe.", "person", "Viola Amrein", ("roles", "Bundesrätin")),
    ("de-CH", "Die EVP und die SP stimmten dagegen.", "organization", "SP", None),
    ("de-CH", "Die EVP und die SP stimmten dagegen.", "organization", "EVP", None),
    ("de-CH", "Die neue Bahnhofstrasse wird im Sommer eröffnet.", "location", "Bahnhofstrasse", None),
    ("de-AT", "Der SP-Klubobmann Otto Brunner (54) kritisierte die Stadt.", "person", "Otto Brunner", ("party", "SPÖ")),
    ("de-AT", "VP-Chef Hans Berger kam nicht.", "organization", "ÖVP", None),
    # -- de-DE: what the Austrian and Swiss words mean in Germany ------------------------------------
    ("de-DE", "Am Nationalfeiertag 2020 wehen die Fahnen.", "date", "2020-10-03", None),
    ("de-DE", "Infos unter Tel. 0441 234 56 78 erhältlich.", "contact", "+494412345678", None),
]


def _matches(fact, type_, value, field) -> bool:
    if fact.type != type_ or fact.value != value:
        return False
    if field is None:
        return True
    name, expected = field
    got = fact.fields.get(name)
    if name == "roles":
        return expected in [r["title"] for r in got or []]
    return got == expected


@pytest.mark.parametrize("locale, text, type_, value, field", ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(ROWS)])
def test_a_form_of_the_locale(nlp, locale, text, type_, value, field):
    record = extract(text, nlp=nlp, published=PUBLISHED, locale=locale)
    assert record.locale == locale
    assert any(_matches(f, type_, value, field) for f in record.facts), [(f.type, f.value, f.fields) for f in record.facts]


@pytest.mark.parametrize(
    "locale, text, not_type, not_value",
    [
        ("de-DE", "Ein Kaffee kostet Fr. 4.50 im Café.", "money", 4.5),
        ("de-DE", "Zwei Rappen zogen die Kutsche.", "money", 0.02),
        ("de-DE", "Die SP und die FDP stimmten dagegen.", "organization", "SP"),
        ("de-CH", "VP-Chef Hans Berger kam nicht.", "organization", "ÖVP"),
        ("de-AT", "Ein Kaffee kostet Fr. 4.50 im Café.", "money", 4.5),
        ("de-CH", "Der Nationalrat stimmte dem Gesetz zu. Nationalrat Thomas Aebi sprach.", "person", "Nationalrat"),
    ],
    ids=["fr-is-no-franc-in-germany", "rappen-is-a-horse-in-germany", "sp-is-no-party-in-germany", "vp-is-no-austrian-party-in-switzerland", "fr-is-no-franc-in-austria", "council-is-no-person"],
)
def test_a_reading_of_one_locale_is_not_forced_on_another(nlp, locale, text, not_type, not_value):
    record = extract(text, nlp=nlp, published=PUBLISHED, locale=locale)
    assert not any(f.type == not_type and f.value == not_value for f in record.facts)


@pytest.mark.parametrize(
    "text, locale",
    [
        ("Landeshauptmann Markus Eder (ÖVP) eröffnete am 12. Jänner in Graz die neue Brücke. Die SPÖ kritisierte die Kosten.", "de-AT"),
        ("Heuer kamen 300 Gäste nach Innsbruck; die APA meldet einen Rekord in Tirol.", "de-AT"),
        ("Der Kantonsrat in Zürich bewilligte 1'500'000 Franken. Gemeindepräsidentin Monika Ammann begrüsste den Entscheid.", "de-CH"),
        ("Die Strasse wird gesperrt, heisst es. Ausserdem schliesst das grosse Freibad früher.", "de-CH"),
        ("Landrat Stephan Pusch (CDU) besuchte am Mittwoch Heinsberg und lobte die Arbeit des Kreises.", "de-DE"),
        ("Die Staatssekretärin kam zum Guss der Glocke nach Köln, der Prozess dauerte zwei Stunden.", "de-DE"),
    ],
    ids=["austrian-words-and-parties", "heuer-apa-tirol", "canton-franc-swiss-titles", "swiss-spelling-without-eszett", "german", "german-ss-words-are-no-swiss-spelling"],
)
def test_the_locale_is_found_in_the_text(text, locale):
    assert detect(text) == locale


def test_a_web_pages_domain_tells_the_locale():
    assert detect("Die Gemeinde lädt ein.", url="https://www.example.ch/artikel") == "de-CH"
    assert detect("Die Gemeinde lädt ein.", url="https://www.example.at/artikel") == "de-AT"


def test_each_locale_has_its_phone_region():
    assert [get(code).phone_region for code in LOCALES] == ["DE", "AT", "CH"]
    with using("de-CH"):
        from kiextract.components.numbers.parse import parse_digits

        assert parse_digits("4.50") == 4.5
    assert parse_digits("4.50") is None  # in Germany "4.50" is no number


def test_locale_on_the_command_line_and_in_the_record():
    runner = CliRunner()
    text = "Infos unter Tel. 044 123 45 67, der Eintritt kostet Fr. 12.50."
    result = runner.invoke(app, ["facts", "-", "--model", "blank", "--locale", "de-CH"], input=text)
    record = json.loads(result.stdout)
    assert result.exit_code == 0 and record["locale"] == "de-CH"
    assert {(f["type"], f["value"]) for f in record["facts"]} >= {("contact", "+41441234567"), ("money", 12.5)}
    auto = json.loads(runner.invoke(app, ["facts", "-", "--model", "blank"], input="Landrat Anna Berg (CDU) kam.").stdout)
    assert auto["locale"] == "de-DE"
    bad = runner.invoke(app, ["facts", "-", "--model", "blank", "--locale", "de-FR"], input="x")
    assert bad.exit_code == 2 and "de-FR" in bad.output
