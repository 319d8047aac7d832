import pytest

from kiextract.components.contacts.find import find_contacts


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
        ("Anmeldungen bitte an kontakt@musikschule-oerlikon.ch.", "email", "kontakt@musikschule-oerlikon.ch"),
    ],
    ids=["spaced-phone", "phone-slash-dash", "international-phone", "email-lowercased", "www-url-trailing-dot", "https-url-comma", "url-balanced-bracket",
         "email-before-the-full-stop"],
)
def test_contacts_are_found_and_normalised(text, kind, value):
    found = [(c.kind, c.value) for c in find_contacts(text)]
    assert (kind, value) in found
    for c in find_contacts(text):
        assert text[c.start:c.end]


@pytest.mark.parametrize(
    "text",
    ["am 05.04.2018 um 15:04 Uhr", "53721 Siegburg", "seit 2014 mit 365.000 Euro", "Serap Güler (vorn, 3.v.l.)", "Version 2.0.1", "Der Anbieter Posteo.de wächst.", "Die Kampagne Vote.EU warb dafür."],
    ids=["date", "postcode", "year-and-money", "caption", "version", "brand-domain", "brand-domain-capitals"],
)
def test_contacts_do_not_take_numbers_that_are_no_contacts(text):
    assert list(find_contacts(text)) == []


def test_a_phone_number_at_the_end_of_a_long_text_is_found():
    from kiextract.components.contacts.find import find_contacts

    text = "Tel. 0221 1234567\n" * 5000 + "Zuletzt: Tel. 02241 133066"
    contacts = list(find_contacts(text))
    assert len(contacts) == 5001 and contacts[-1].value == "+492241133066"
    assert text[contacts[-1].start:contacts[-1].end] == "02241 133066"
