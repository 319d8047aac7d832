"""Roles, parties and ages: each construction of the roles stage, with invented sentences."""
import pytest

from kiextract.pipeline import extract


def persons(nlp, text):
    return {f.value: f for f in extract(text, nlp=nlp).facts if f.type == "person"}


def _person(nlp, text, name):
    found = persons(nlp, text)
    assert name in found, sorted(found)
    return found[name]


@pytest.mark.parametrize(
    "text, name, title, org",
    [
        ("Es sprach Landrat Stephan Pusch im Kreishaus.", "Stephan Pusch", "Landrat", None),
        ("Als Gast kam NRW-Integrationsstaatssekretärin Serap Güler nach Rheine.", "Serap Güler", "NRW-Integrationsstaatssekretärin", None),
        ("Es sprach Lilli Schmidt, KI-Leiterin, über die Arbeit.", "Lilli Schmidt", "KI-Leiterin", None),
        ("Das betonte Dirk Jäckel, Leiter des Amtes für Integration und Inklusion.", "Dirk Jäckel", "Leiter", "Amt für Integration und Inklusion"),
        ("Es sprach die stellvertretende Leiterin des KI, Gabriele Wawer, über das Projekt.", "Gabriele Wawer", "stellvertretende Leiterin", "KI"),
        ("Darüber informierte sich Serap Güler, Staatssekretärin des Ministeriums für Kinder, Familie, Flüchtlinge und Integration.", "Serap Güler", "Staatssekretärin", "Ministerium für Kinder, Familie, Flüchtlinge und Integration"),
        ("Dazu kam der Bürgermeister der Stadt Heinsberg, Wolfgang Dieder (CDU), ins Rathaus.", "Wolfgang Dieder", "Bürgermeister", "Stadt Heinsberg"),
        ("Das sagten Landrat Sebastian Schuster und Hermann Allroggen, Sozialdezernent des Rhein-Sieg-Kreises, am Montag.", "Hermann Allroggen", "Sozialdezernent", "Rhein-Sieg-Kreis"),
        ("Die Leiterin des Kommunalen Integrationszentrums Nurhan Dogruer-Rütten zeigte das Projekt.", "Nurhan Dogruer-Rütten", "Leiterin", "Kommunales Integrationszentrum"),
        ("Im Bild: Serap Güler (Staatssekretärin für Integration) im Gespräch.", "Serap Güler", "Staatssekretärin", None),
        ("Gäste waren die beiden Landtagsabgeordneten Bernd Krückel (CDU) und Stefan Lenzen (FDP).", "Stefan Lenzen", "Landtagsabgeordneter", None),
        ("Zuständig ist Dr. Karin Becker, Dezernentin für Soziales.", "Karin Becker", "Dezernentin", None),
        ("Es kam der frühere Landrat Peter Hollmann.", "Peter Hollmann", "Landrat", None),
        ("Verurteilt wurde Broker Jan Wiesinger.", "Jan Wiesinger", "Broker", None),
        ("Das sagte der Germanist Klaus Ammerer.", "Klaus Ammerer", "Germanist", None),
        ("Ungarns Premier Viktor Orban blieb hart.", "Viktor Orban", "Premier", None),
        ("Es sprachen Prof. Dr. Jan Herz, Präsident der Hochschule Worms, Prof. Dr. Eva Rahm und andere.", "Jan Herz", "Präsident", "Hochschule Worms"),
        ("Schirmherr war auch in diesem Jahr Oberbürgermeister Dr. Rupert Kahl, der selbst mitlief.", "Rupert Kahl", "Schirmherr", None),
        ("Der Lauf war ein Erfolg. Trainer ist weiterhin Peter Maier.", "Peter Maier", "Trainer", None),
        ("Es sprach Urologin Anke Sommer im Saal.", "Anke Sommer", "Urologin", None),
        ("Lutz Gerber, Teambetreuer, lobte die Mannschaft.", "Lutz Gerber", "Teambetreuer", None),
        ("Gerätewart Jonas Kurz prüfte die Schläuche.", "Jonas Kurz", "Gerätewart", None),
        ("Preisträgerin Anke Moll lebt in Kleve. Das sei schön, sagt die Kabarettistin.", "Anke Moll", "Kabarettistin", None),
        ("Es sprachen MdL Carola Hense (SPD) und MdB Timo Wahl.", "Carola Hense", "MdL", None),
        ("Eher nachdenklich zeigt sich CEO Martin Vogel.", "Martin Vogel", "CEO", None),
        ("Es folgt VW-CFO Arno Senn (48).", "Arno Senn", "VW-CFO", None),
        ("Das sagte der SPD-Haushaltsexperte Peter Lühr.", "Peter Lühr", "SPD-Haushaltsexperte", None),
        ("Der Sieg über den Diktator Fulgencio Batista kam.", "Fulgencio Batista", "Diktator", None),
        ("Es sprach Trainer Kowalczyk vor dem Spiel.", "Kowalczyk", "Trainer", None),
        ("Trainer Zeidler lobte das Team. Peter Zeidler ist seit Mai im Amt.", "Peter Zeidler", "Trainer", None),
        ("Die Präsidentin und Finanz-Verantwortliche Helga Lind-Raab blieb.", "Helga Lind-Raab", "Finanz-Verantwortliche", None),
        ("„Das freut uns“, so Jens Wartmann Vorsitzender des Fördervereins.", "Jens Wartmann", "Vorsitzender", "Förderverein"),
    ],
    ids=[
        "title-before", "compound-title", "apposition", "apposition-with-body", "title-body-comma", "apposition-ministry", "title-genitive-city", "second-of-two",
        "title-body-no-comma", "brackets", "plural-title-list", "honorific-dropped", "temporal-adjective-dropped", "occupation-broker", "occupation-scholar", "premier",
        "apposition-before-next-name-with-honorifics", "inverted-predicative-with-title-before-name", "inverted-predicative",
        "occupation-of-the-word-clusters-before-name", "occupation-of-the-word-clusters-in-apposition", "compound-of-wart",
        "description-after-a-descriptor", "member-of-parliament-abbreviation", "chief-officer", "chief-officer-of-company", "expert", "name-ending-like-an-abbreviated-title",
        "surname-alone-after-title", "surname-alone-then-full-name",
        "second-title-joined-by-und", "apposition-with-body-without-its-comma",
    ],
)
def test_roles_constructions(nlp, text, name, title, org):
    found = persons(nlp, text)
    assert name in found, found.keys()
    roles = found[name].fields["roles"]
    assert any(r["title"] == title and r["org"] == org for r in roles), roles


def test_roles_two_titles_before_one_name(nlp):
    roles = persons(nlp, "wie Kreisdirektorin und Sozialdezernentin Annerose Heinze erklärte.")["Annerose Heinze"].fields["roles"]
    assert sorted(r["title"] for r in roles) == ["Kreisdirektorin", "Sozialdezernentin"]


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Mehr dazu.\n\nVon Paul Kieras, 14.08.2017\n\nDer Text.", "Paul Kieras", "Autor"),
        ("Titel\nVon Anna Becker\n\nGütersloh. Der Text.", "Anna Becker", "Autorin"),
        ("Lilli Schmidt, KI-Leiterin Foto: Drunkenmölle\n", "Drunkenmölle", "Fotograf"),
        ("(Beitragsfoto: Die Gäste © Rheinisch-Bergischer Kreis/Katharina Krause)", "Katharina Krause", "Fotografin"),
        ("Von Lena Vogt und Moritz Albers\n\nDer Gipfel begann spät.", "Moritz Albers", "Autor"),
        ("Der Titel\nvon Von Jörg Brendel\n\n, 21.02.2008\nDer Text.", "Jörg Brendel", "Autor"),
        ("Der Rat tagte lange. Sandra Wyss 30.04.2021, 04.30 Uhr\nDer Text.", "Sandra Wyss", "Autorin"),
        ("Die Liga wächst.\n\nUlrich Brandner\n\nDer Text beginnt hier.", "Ulrich Brandner", "Autor"),
        ("Die neue Anlage. (Foto: K. Rieder)\n", "K. Rieder", "Fotograf"),
        ("Die Insolvenz traf die Firma. Foto: dpa/Jonas Roeder\n", "Jonas Roeder", "Fotograf"),
        ("Das Bundeshaus in Bern. Bild: Marco Zwahlen (13. Oktober 2020)\n", "Marco Zwahlen", "Fotograf"),
    ],
    ids=["byline", "byline-woman", "photo-credit", "copyright-credit", "byline-of-two", "byline-doubled-von", "byline-name-date-time",
         "byline-name-alone-in-the-lead", "photo-credit-initial", "photo-credit-agency-slash-name", "photo-credit-with-date"],
)
def test_roles_from_bylines_and_credits(nlp, text, name, title):
    found = persons(nlp, text)
    assert [r["title"] for r in found[name].fields["roles"]] == [title]


@pytest.mark.parametrize(
    "text, name, party, age",
    [
        ("Staatssekretärin Serap Güler (CDU) machte sich ein Bild. Die 38-jährige CDU-Politikerin lobte das KI.", "Serap Güler", "CDU", 38),
        ("Auch SPD-Landrat Frank Meyer kam.", "Frank Meyer", "SPD", None),
        ("Der 54-jährige Stephan Pusch (CDU) ist Landrat.", "Stephan Pusch", "CDU", 54),
        ("Ratsfrau Gönül Eğlence (Grüne) forderte mehr Personal.", "Gönül Eğlence", "Grüne", None),
        ("Der 61-jährige Schwimmmeister Peter Lind rettete das Kind.", "Peter Lind", None, 61),
        ("Die 47-jährige frühere Stadträtin Ilse Kern (SPD) trat an.", "Ilse Kern", "SPD", 47),
    ],
    ids=["brackets-and-description", "party-compound-title", "age-before-name", "ambiguous-party-in-brackets", "age-title-name", "age-adjective-title-name"],
)
def test_party_and_age(nlp, text, name, party, age):
    f = persons(nlp, text)[name]
    assert (f.fields["party"], f.fields["age"]) == (party, age)


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Dr. Anna Berg als Chefärztin der Kardiologie begann im Mai.", "Anna Berg", "Chefärztin"),
        ("Jan Wolf (41) ist Betriebsratsvorsitzender.", "Jan Wolf", "Betriebsratsvorsitzender"),
        ("Maria Klein ist seit 2014 Vizebürgermeisterin.", "Maria Klein", "Vizebürgermeisterin"),
        ("Paul Brandes blieb Trainer, der Etat schrumpfte.", "Paul Brandes", "Trainer"),
        ("Der Vorsitzende, Hans Meier, begrüßte die Gäste.", "Hans Meier", "Vorsitzender"),
        ("Die Ehrenmitglieder Karl Stein, Otto Berg und Fritz Wolf wurden geehrt.", "Otto Berg", "Ehrenmitglied"),
        ("Begrüßt wurden sie von Jan Wolf, dem stellvertretenden Landrat.", "Jan Wolf", "stellvertretende Landrat"),
        ("Jan Wolf, stellvertretender Landrat, begrüßte sie.", "Jan Wolf", "stellvertretender Landrat"),
        ("Die Pfarrer Jens Ahlers, Timo Brück und Ralf Kämper segneten die Glocken.", "Timo Brück", "Pfarrer"),
        ("Die Stadträte Eva Kunz und Jan Ebert stimmten zu.", "Eva Kunz", "Stadträtin"),
        ("Die Stadträte Eva Kunz und Jan Ebert stimmten zu.", "Jan Ebert", "Stadtrat"),
        ("Die Fraktionsvorsitzenden Ute Lorenz und Hans Berg unterschrieben.", "Hans Berg", "Fraktionsvorsitzender"),
        ("Zwei weitere Chirurgen, Lars Hain und Ole Brink, operierten.", "Lars Hain", "Chirurg"),
        ("Die Mediziner Uwe Brand, Tim Sauer (beide Uniklinik) und Eva Roth (Charité) erhielten Preise.", "Eva Roth", "Medizinerin"),
        ("Klaus Brenner sprach im Rat. Danach legte der Minister einen Entwurf vor.", "Klaus Brenner", "Minister"),
    ],
    ids=["als", "ist", "ist-seit-year", "blieb", "title-comma-name", "plural-title-over-list", "adjective-after-article-weak", "adjective-without-article-strong",
         "plural-same-as-singular-after-die", "umlaut-plural-in-her-gender", "umlaut-plural-in-his-gender", "adjectival-plural-in-his-gender",
         "plural-title-comma-list", "plural-over-brackets", "description-of-a-boys-name-used-as-girls-middle-name"],
)
def test_roles_after_names_and_over_lists(nlp, text, name, title):
    assert title in [r["title"] for r in _person(nlp, text, name).fields["roles"]]


@pytest.mark.parametrize(
    "text, name, party",
    [
        ("Eine Anfrage des Grünen Georg Weber blieb offen.", "Georg Weber", "Grüne"),
        ("Der Ukip-Vorsitzende Nigel Farage sprach.", "Nigel Farage", "UKIP"),
        ("Dabei war Hans Meier, stellvertretender FPÖ-Landesparteiobmann, anwesend.", "Hans Meier", "FPÖ"),
        ("Es folgen Maria Kessler (DIE LINKE) und Paul Brandt (ZENTRUM).", "Paul Brandt", "Zentrum"),
        ("HDP-Abgeordnete Leyla Kaya protestierte.", "Leyla Kaya", "HDP"),
        ("Kanzlerin Ulrike Hahn sprach. Dagegen stimmte Hahns konservative CDU nicht.", "Ulrike Hahn", "CDU"),
        ("Karin Pohl (44), Leiterin der Bibliothek und Vorsitzende der Stadt-SPD, tritt an.", "Karin Pohl", "SPD"),
        ("Anders die ÖVP: Das gehe zu weit, sagt deren Bildungssprecher Markus Lechner.", "Markus Lechner", "ÖVP"),
        ("Lob kam von der FDP. Erfreut zeigte sich Umweltsprecherin Jana Roth.", "Jana Roth", "FDP"),
        ("Dagegen sprach Urs Bättig (SVP/Schwyz) im Rat.", "Urs Bättig", "SVP"),
        ("Auch Beat Zumstein (CVP/NW) war dagegen.", "Beat Zumstein", "CVP"),
        ("Es kam MdL Ilse Brandt (Bündnis 90/Grüne) dazu.", "Ilse Brandt", "Grüne"),
        ("Senatorin Nora Lienau (GAL) rechnet anders.", "Nora Lienau", "GAL"),
        ("Die Grünen-Abgeordnete Eva Roth kam.", "Eva Roth", "Grüne"),
        ("Der Freiheitliche Udo Brandner kam.", "Udo Brandner", "FPÖ"),
        ("Der Anwalt Stephan Holtkamp-Pförtner (CDU) wurde Minister.", "Stephan Holtkamp-Pförtner", "CDU"),
    ],
    ids=[
        "der-gruene", "prefix-case", "apposition-prefix", "capitals-in-brackets", "prefix-foreign-party", "genitive-possessive",
        "second-title-body-is-party-branch", "deren-refers-to-party", "field-spokesperson-after-party",
        "party-and-canton", "party-and-canton-abbreviation", "party-slash-short-name", "local-party-of-a-city-state", "inflected-party-noun-compound",
        "party-member-noun-of-austria", "double-surname-ending-in-a-title",
    ],
)
def test_parties_from_phrases(nlp, text, name, party):
    assert _person(nlp, text, name).fields["party"] == party


@pytest.mark.parametrize(
    "text, name",
    [
        ("Die SPD lehnt das ab. Polizeisprecher Hans Meier sagte, es gebe keine Hinweise.", "Hans Meier"),
        ("Ein Senator der Demokratischen Partei von Premier Matteo Renzi sprach.", "Matteo Renzi"),
        ("Auch der Konservative François Morel gab auf.", "François Morel"),
    ],
    ids=["office-spokesperson", "long-party-name-in-body", "party-family-is-no-party-abroad"],
)
def test_no_party_from_phrases(nlp, text, name):
    assert _person(nlp, text, name).fields["party"] is None


@pytest.mark.parametrize(
    "text, name",
    [
        ("Der Franzose Pierre Dubois gewann das Rennen.", "Pierre Dubois"),
        ("Der Schwede Lars Berglund siegte im Sprint.", "Lars Berglund"),
        ("Das Buch erzählt die Gegenwart. Anna Kleinert liest daraus.", "Anna Kleinert"),
        ("Otto Brenner trat ab. Das sagte der Biograf Brenners.", "Otto Brenner"),
        ("Uwe Brenner kam. Die Meinungsforscher weisen darauf hin, dass es knapp wird.", "Uwe Brenner"),
        ("Timo Weiler spielt in der englischen Premier League.", "Timo Weiler"),
        ("Jan Wolf verdient mehr als ein Minister.", "Jan Wolf"),
        ("Jan Wolf ist größer als sein Chef.", "Jan Wolf"),
        ("Jan Wolf holte ihn als Manager in die Firma.", "Jan Wolf"),
        ("Sie begrüßte Gerd Lorenz, die Ortsvorsteher und die Gäste.", "Gerd Lorenz"),
    ],
    ids=["demonym-is-no-office", "demonym-of-the-word-clusters", "gegenwart-ends-in-wart", "title-before-a-genitive-name",
         "plural-description-after-die", "a-name-that-begins-with-a-title", "als-after-mehr-compares", "als-after-a-comparative-compares", "als-after-an-object-pronoun",
         "plural-title-after-a-name-is-the-next-item-of-a-list"],
)
def test_no_role(nlp, text, name):
    assert _person(nlp, text, name).fields["roles"] == []


def test_a_role_with_more_than_100_more_titles_stays_fast_to_look_up():
    from kiextract import lexicon as lx

    assert lx.title_of("Landesparteiobmann").text == "Landesparteiobmann"
    assert lx.title_of("Vorstandsmitglieder").text == "Vorstandsmitglied"
    assert lx.title_of("Mitarbeiterin") is None


def test_two_predicative_titles_joined_by_und(nlp):
    person = _person(nlp, "Bernd Auer (41) ist Betriebsratsvorsitzender der Stadtwerke und SPÖ-Klubobmann in Linz.", "Bernd Auer")
    assert [r["title"] for r in person.fields["roles"]] == ["Betriebsratsvorsitzender", "SPÖ-Klubobmann"]
    assert person.fields["party"] == "SPÖ" and person.fields["age"] == 41


@pytest.mark.parametrize(
    "text, name, title",
    [
        ("Landrat Stefan Rößle Bild: Simon Kapfer, Landratsamt", "Simon Kapfer", "Fotograf"),
        ("Das Geld ging an die beiden Caritas-Vorstände Michael Stein und Max Berg.", "Max Berg", "Caritas-Vorstand"),
        ("Es sprachen die Stadträte Anna Berg und Jan Wolf.", "Jan Wolf", "Stadtrat"),
    ],
    ids=["bild-credit", "umlaut-plural-title", "umlaut-plural-council"],
)
def test_credits_and_plural_titles_with_umlaut(nlp, text, name, title):
    assert title in [r["title"] for r in _person(nlp, text, name).fields["roles"]]


@pytest.mark.parametrize(
    "text, name, party",
    [
        ("Reiner Gutowski (PIRATEN) erhielt 1,29 Prozent.", "Reiner Gutowski", "Piraten"),
        ("Daniel Thiel (Zentrum) erhielt 0,5 Prozent.", "Daniel Thiel", "Zentrum"),
        ("Er lag vor dem Grünen Alexander Van der Bellen.", "Alexander Van der Bellen", "Grüne"),
    ],
    ids=["party-after-a-weak-given-name", "zentrum-in-brackets", "capital-particle"],
)
def test_names_with_their_party(nlp, text, name, party):
    assert _person(nlp, text, name).fields["party"] == party


def test_a_hyphen_compound_title_keeps_its_capital_in_the_persons_gender(nlp):
    person = _person(nlp, "Nach dem Ausschluss des EU-Abgeordneten Ewald Stadler gab es Streit.", "Ewald Stadler")
    assert [r["title"] for r in person.fields["roles"]] == ["EU-Abgeordneter"]
