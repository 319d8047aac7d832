import pytest

from kiextract.normalize.contacts import find_contacts


@pytest.mark.parametrize(
    "text, kind, value",
    [
        ("unter der Rufnummer 0 22 41/13 30 66 zu erreichen", "phone", "+492241133066"),
        ("Tel. 0221 / 123 45-67", "phone", "+492211234567"),
        ("Telefon: +49 (0)211 8618-4000", "phone", "+4921186184000"),
        ("per E-Mail an integration@Rhein-Sieg-Kreis.de zu erreichen.", "email", "integration@rhein-sieg-kreis.de"),
        ("auf dem Portal www.integrationsportal-rhein-sieg-kreis.de.", "url", "www.integrationsportal-rhein-sieg-kreis.de"),
        ("Infos: https://www.land.nrw/de/pressemitteilung?id=5, sagte sie", "url", "https://www.land.nrw/de/pressemitteilung?id=5"),
        ("(siehe https://de.wikipedia.org/wiki/Köln_(Begriffsklärung))", "url", "https://de.wikipedia.org/wiki/Köln_(Begriffsklärung)"),
    ],
    ids=["spaced-phone", "phone-slash-dash", "international-phone", "email-lowercased", "www-url-trailing-dot", "https-url-comma", "url-balanced-bracket"],
)
def test_contacts_are_found_and_normalised(text, kind, value):
    found = [(c.kind, c.value) for c in find_contacts(text)]
    assert (kind, value) in found
    for c in find_contacts(text):
        assert text[c.start:c.end]


@pytest.mark.parametrize(
    "text",
    ["am 05.04.2018 um 15:04 Uhr", "53721 Siegburg", "seit 2014 mit 365.000 Euro", "Serap Güler (vorn, 3.v.l.)", "Version 2.0.1"],
    ids=["date", "postcode", "year-and-money", "caption", "version"],
)
def test_contacts_do_not_take_numbers_that_are_no_contacts(text):
    assert list(find_contacts(text)) == []
