"""Every small rule of the role and organisation finders has its rows here: the rule's name, an
invented sentence, and what it must give. A rule without a row fails `test_every_rule_has_a_row`."""
import pytest

from kiextract.components.entities.orgs import AFTER, AT_TOKEN, HEADED
from kiextract.components.roles.rules import AFTER_NAME, BEFORE_NAME, DOCUMENT
from kiextract.pipeline import extract

# (rule, text, person, what the person must have: title, ("party", X) or ("age", N))
ROLE_ROWS = [
    ("brackets_after_name", "Gemeinderätin Ilka Wendt (FDP, 47) stimmte zu.", "Ilka Wendt", ("party", "FDP")),
    ("brackets_after_name", "Gemeinderätin Ilka Wendt (47) stimmte zu.", "Ilka Wendt", ("age", 47)),
    ("brackets_after_name", "Karl Brandt und Uwe Kessler (beide CDU) stimmten dagegen.", "Karl Brandt", ("party", "CDU")),
    ("brackets_after_name", "Ilse Ott, Karl Brandt und Uwe Kessler (alle FDP) stimmten dagegen.", "Ilse Ott", ("party", "FDP")),
    ("party_after_von", "Uwe Kessler von der SPD und Lea Hahn von den Grünen stimmten dagegen.", "Lea Hahn", ("party", "Grüne")),
    ("party_after_von", "Uwe Kessler von der SPD und Lea Hahn von den Grünen stimmten dagegen.", "Uwe Kessler", ("party", "SPD")),
    ("party_after_von", "Sabine Kälin von den Freien Wählern forderte mehr Geld.", "Sabine Kälin", ("party", "Freie Wähler")),
    ("party_after_von", "Jan Wolf von der SPD-Fraktion sprach zuerst.", "Jan Wolf", ("party", "SPD")),
    ("titles_before_name", "Es sprach Kreisdirektor Bodo Lehnert im Saal.", "Bodo Lehnert", "Kreisdirektor"),
    ("titles_before_name", "Es sprach SPD-Bürgermeister Bodo Lehnert im Saal.", "Bodo Lehnert", ("party", "SPD")),
    ("party_member_before_name", "Der Grüne Aaron Thiel widersprach.", "Aaron Thiel", ("party", "Grüne")),
    ("plural_title_before_list", "Es kamen die Stadträte Ines Pohl und Aaron Thiel.", "Aaron Thiel", "Stadtrat"),
    ("titles_before_comma_once", "Der Vorsitzende, Hans Kessler, eröffnete die Sitzung.", "Hans Kessler", "Vorsitzender"),
    ("title_with_body_before", "Das sagte die Leiterin des Ordnungsamts, Ines Pohl, am Abend.", "Ines Pohl", "Leiterin"),
    ("title_with_body_before", "Das sagte die Sprecherin der Staatsanwaltschaft Kleve, Oberstaatsanwältin Ines Pohl.", "Ines Pohl", "Sprecherin"),
    ("apposition", "Das erklärte Ines Pohl, Sprecherin der Stadtwerke, am Abend.", "Ines Pohl", "Sprecherin"),
    ("predicative", "Ines Pohl ist Kämmerin der Gemeinde.", "Ines Pohl", "Kämmerin"),
    ("inverted_predicatives", "Der Tag begann früh. Schirmherrin war Ines Pohl.", "Ines Pohl", "Schirmherrin"),
    ("inverted_predicatives", "Neuer Landrat ist Jürgen Hesse.", "Jürgen Hesse", "Landrat"),
    ("inverted_predicatives", "Als Kämmerin folgt Sabine Roth auf Uwe Kessler.", "Sabine Roth", "Kämmerin"),
    ("inverted_predicatives", "Als Vorsitzender des Vereins wurde Jan Wolf bestätigt.", "Jan Wolf", "Vorsitzender"),
    ("as_titles", "Jan Wolf (CDU) verpflichtete sich als Europa- und Medienminister.", "Jan Wolf", "Europa- und Medienminister"),
    ("as_titles", "Ines Pohl, die als Einzelrichterin im Saal saß, schwieg.", "Ines Pohl", "Einzelrichterin"),
    ("as_titles", "Ines Pohl kam aus Kleve. Bekannt wurde sie als Moderatorin, Sängerin und Autorin.", "Ines Pohl", "Sängerin"),
    ("as_titles", "Ines Pohl kam. Sie kehrt als Ersatzgemeinderätin der Grünen zurück.", "Ines Pohl", ("party", "Grüne")),
    ("credits", "Von Ines Pohl\n\nDer Markt öffnet.", "Ines Pohl", "Autorin"),
    ("descriptions", "Bürgermeisterin Ines Pohl kam. Die Bürgermeisterin des Ortes sprach lange.", "Ines Pohl", "Bürgermeisterin"),
    ("possessive_parties", "Ines Pohl sprach. Pohls SPD verlor die Wahl.", "Ines Pohl", ("party", "SPD")),
    ("relative_parties", "Anders die FDP: Dort meint deren Finanzsprecher Aaron Thiel, es reiche.", "Aaron Thiel", ("party", "FDP")),
    ("ages_before", "Der 61-jährige Aaron Thiel wurde verabschiedet.", "Aaron Thiel", ("age", 61)),
    ("ages_before", "Die 58-jährige Oberärztin Ines Pohl wurde verabschiedet.", "Ines Pohl", ("age", 58)),
]

# (rule, text, an organisation it must give)
ORG_ROWS = [
    ("sports_club", "Der FC Lippstadt gewann gegen den 1. FC Borken.", "FC Lippstadt"),
    ("sports_club", "Der FC Lippstadt gewann gegen den 1. FC Borken.", "1. FC Borken"),
    ("sports_club", "Die SpVgg Greuther Fürth und der SV 07 Elversberg spielten.", "SpVgg Greuther Fürth"),
    ("sports_club", "Die SpVgg Greuther Fürth und der SV 07 Elversberg spielten.", "SV 07 Elversberg"),
    ("sports_club", "Der Trainer von Eintracht Trier kam.", "Eintracht Trier"),
    ("sports_club", "Die Straubing Tigers schlugen die Augsburger Panther.", "Straubing Tigers"),
    ("sports_club", "Die Straubing Tigers schlugen die Augsburger Panther.", "Augsburger Panther"),
    ("sports_club", "Der HC Burgenland verlor gegen den HV Chemnitz.", "HV Chemnitz"),
    ("party_or_compound", "Dafür stimmte die CDU.", "CDU"),
    ("named_compound", "Die Schüler der Karin-Lenz-Realschule sammelten Spenden.", "Karin-Lenz-Realschule"),
    ("national_body", "Den Entwurf hat der Bundestag beraten, der Bundesrat muss zustimmen.", "Bundesrat"),
    ("party_or_compound", "Wie WTK-Chef Aaron Thiel sagte, wächst die Firma.", "WTK"),
    ("english_head", "Sie forschte an der Harwick University.", "Harwick University"),
    ("legal_form_or_ministry", "Die Brenner Stahlbau GmbH baut.", "Brenner Stahlbau GmbH"),
    ("legal_form_or_ministry", "Das US-Handelsministerium warnt.", "US-Handelsministerium"),
    ("bracket_abbreviation", "Das Regionale Bildungszentrum (RBZ) lädt ein. Das RBZ zahlt.", "Regionales Bildungszentrum"),
    ("headed_name", "Das Amtsgericht Lemgo urteilte.", "Amtsgericht Lemgo"),
    ("gazetteer_body_with_place", "Das Kommunale Integrationszentrum des Kreises Soest lädt ein.", "Kommunales Integrationszentrum"),
    ("fuer_list", "Das Amt für Sport und Kultur lädt ein.", "Amt für Sport und Kultur"),
    ("council_of_place", "Der Kreistag des Kreises Soest tagte.", "Kreistag des Kreises Soest"),
    ("genitive_name", "Der Landesverband des Bayerischen Handwerks tagte.", "Landesverband des Bayerischen Handwerks"),
    ("place_adjective_name", "Die Tiroler Gebietskrankenkasse zahlt.", "Tiroler Gebietskrankenkasse"),
    ("quoted_name", "Die Kita „Sonnenblume“ feiert.", "Kita Sonnenblume"),
    ("kind_and_place", "Die Bezirksregierung Detmold prüft.", "Bezirksregierung Detmold"),
    ("named_institution", "Der Kindergarten Pusteblume feiert.", "Kindergarten Pusteblume"),
    ("hospital_in_town", "Er wechselte an das Klinikum in Lemgo.", "Klinikum Lemgo"),
    ("place_only_kind", "Gelöscht hat die Freiwillige Feuerwehr in Lemgo den Brand.", "Freiwillige Feuerwehr Lemgo"),
    ("kind_and_name", "Laut der Nachrichtenagentur Tanjug gab es Verletzte.", "Tanjug"),
    ("adjectives_and_head", "Sie wechselt zum Medizinischen Versorgungszentrum.", "Medizinisches Versorgungszentrum"),
    ("reported_outlets", "Das bestätigte die Polizei, wie „Stadtblick“ berichtet.", "Stadtblick"),
    ("byline_sources", "Von ruhrpost.de/dpa, 3. Mai 2021\nDer Rat tagte.", "ruhrpost.de"),
    ("byline_sources", "Von ruhrpost.de/dpa, 3. Mai 2021\nDer Rat tagte.", "dpa"),
    ("abbreviation_mentions", "Das Regionale Bildungszentrum (RBZ) lädt ein. Das RBZ zahlt.", "Regionales Bildungszentrum"),
    ("model_organisations", "Das Amtsgericht Lemgo urteilte.", "Amtsgericht Lemgo"),
    ("drop_inner", "Das Amtsgericht Lemgo urteilte.", "Amtsgericht Lemgo"),
    ("drop_generic_bodies", "Das Amtsgericht Lemgo und das Finanzministerium prüfen.", "Amtsgericht Lemgo"),
]


def _names(rules) -> set[str]:
    return {r.__name__ for r in rules}


def test_every_rule_has_a_row():
    roles = _names(BEFORE_NAME) | _names(AFTER_NAME) | _names(DOCUMENT)
    orgs = _names(AT_TOKEN) | _names(HEADED) | _names(AFTER)
    assert roles - {r[0] for r in ROLE_ROWS} == set()
    assert orgs - {r[0] for r in ORG_ROWS} == set()


@pytest.mark.parametrize("rule, text, name, expected", ROLE_ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(ROLE_ROWS)])
def test_role_rule(nlp, rule, text, name, expected):
    person = {f.value: f for f in extract(text, nlp=nlp).facts if f.type == "person"}[name]
    if isinstance(expected, tuple):
        assert person.fields[expected[0]] == expected[1]
    else:
        assert expected in [r["title"] for r in person.fields["roles"]]


@pytest.mark.parametrize("rule, text, org", ORG_ROWS, ids=[f"{r[0]}-{n}" for n, r in enumerate(ORG_ROWS)])
def test_organisation_rule(nlp, rule, text, org):
    orgs = {f.value for f in extract(text, nlp=nlp).facts if f.type == "organization"}
    assert org in orgs
    if rule == "drop_generic_bodies":
        assert "Finanzministerium" not in orgs
