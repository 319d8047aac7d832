"""Contacts: e-mail addresses, web addresses and phone numbers, found and normalised."""
from __future__ import annotations

from functools import cache
from typing import Iterator, NamedTuple

import regex

from ...textutil import Ranges, load_lines

# The domain labels repeat possessively (`++`): on a long run of dotted labels ("a1.a1.a1…") that
# ends in no top-level domain, a backtracking loop made the search quadratic in the run. A label's
# dot is one only before another label: the full stop after "info@beispiel.de." ends the sentence.
EMAIL_RE = regex.compile(
    r"(?<![\w.+-])[\w.+-]++@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.(?=[\p{L}\p{N}]))++\p{L}{2,24}(?![\w@])",
)
BARE_DOMAIN_ENDS = ("de", "com", "org", "net", "eu", "info", "nrw", "at", "ch")
URL_RE = regex.compile(
    r"\b(?<![\w@/.-])(?:(?:https?://|www\.)[^\s<>\"“”„«»]+"
    r"|(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)++(?:" + "|".join(BARE_DOMAIN_ENDS) + r")(?:/[^\s<>\"“”„«»]*)?(?![\w@.-]))",
    regex.IGNORECASE,
)
# What every web address holds, one of them: a text without any is not scanned
URL_CUES = ("http", "www.", *(f".{end}" for end in BARE_DOMAIN_ENDS))
# A capitalised bare domain is a brand ("Web.de", "Leave.EU"): an organisation, no address.
BRAND_DOMAIN_RE = regex.compile(r"^\p{Lu}[\p{L}\p{N}-]*\.(?i:de|com|org|net|eu|info|at|ch)$")
BRAND_DOMAIN_IN_TEXT_RE = regex.compile(r"(?<![\w./@:-])\p{Lu}[\p{L}\p{N}-]*\.(?i:de|com|org|net|eu|info|at|ch)(?![\w@/-]|\.\w)")
DATE_LIKE_RE = regex.compile(r"^\d{1,2}\.\d{1,2}\.(?:\d{2}|\d{4})$")
TRAILING_PUNCT = ".,;:!?)]}'\"“”‘’»«"


class Contact(NamedTuple):
    start: int
    end: int
    kind: str
    value: str


def strip_url(url: str) -> str:
    """A URL as written, without punctuation that ends the sentence around it.

    >>> strip_url("www.integrationsportal-rhein-sieg-kreis.de.")
    'www.integrationsportal-rhein-sieg-kreis.de'
    >>> strip_url("https://de.wikipedia.org/wiki/Köln_(Begriffsklärung))")
    'https://de.wikipedia.org/wiki/Köln_(Begriffsklärung)'
    """
    while url and url[-1] in TRAILING_PUNCT:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        url = url[:-1]
    return url


@cache
def _phone_cue_re():
    cues = "|".join(regex.escape(c) for c in load_lines("phone_cues.txt"))
    return regex.compile(rf"(?:{cues})\W*(?:\w+\W+){{0,3}}$", regex.IGNORECASE)


def is_phone_candidate(text: str, start: int, raw: str) -> bool:
    """A phone number needs an international prefix or a cue word ("Tel.", "Rufnummer") before it;
    date-like strings ("05.04.2018") never are phone numbers.

    >>> is_phone_candidate("am 05.04.2018", 3, "05.04.2018")
    False
    >>> is_phone_candidate("unter der Rufnummer 0 22 41/13 30 66", 20, "0 22 41/13 30 66")
    True
    """
    if DATE_LIKE_RE.match(raw.strip()):
        return False
    if raw.lstrip().startswith(("+", "00")):
        return True
    return bool(_phone_cue_re().search(text[max(0, start - 40):start]))


def find_contacts(text: str, region: str = "DE") -> Iterator[Contact]:
    """Every e-mail address, web address and valid phone number in `text`, in order of position.

    >>> [c.value for c in find_contacts("Tel. 0 22 41/13 30 66 oder integration@Rhein-Sieg-Kreis.de")]
    ['+492241133066', 'integration@rhein-sieg-kreis.de']
    """
    import phonenumbers

    found: list[Contact] = []
    for m in EMAIL_RE.finditer(text) if "@" in text else ():
        value = m.group().rstrip(".")
        found.append(Contact(m.start(), m.start() + len(value), "email", value.lower()))
    taken = Ranges((c.start, c.end) for c in found)
    low = text.lower()
    for m in URL_RE.finditer(text) if any(cue in low for cue in URL_CUES) else ():
        url = strip_url(m.group())
        s, e = m.start(), m.start() + len(url)
        if "." not in url.split("//")[-1] or taken.hits(s, e) or BRAND_DOMAIN_RE.match(url):
            continue
        found.append(Contact(s, e, "url", url))
    taken = Ranges((c.start, c.end) for c in found)
    # phonenumbers gives up after a fixed number of tries per text: a long text is searched in
    # pieces, so that a number near its end is found too
    offset = 0
    for piece in _pieces(text):
        for m in phonenumbers.PhoneNumberMatcher(piece, region, leniency=phonenumbers.Leniency.VALID):
            s, e = offset + m.start, offset + m.end
            if taken.hits(s, e) or not is_phone_candidate(text, s, m.raw_string):
                continue
            e164 = phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
            found.append(Contact(s, e, "phone", e164))
        offset += len(piece)
    return iter(sorted(found))


PHONE_PIECE = 20_000


def _pieces(text: str) -> list[str]:
    """`text` in consecutive pieces of about PHONE_PIECE characters, cut at line breaks (or spaces)."""
    out, pos = [], 0
    while len(text) - pos > PHONE_PIECE:
        cut = text.rfind("\n", pos + PHONE_PIECE // 2, pos + PHONE_PIECE)
        if cut < 0:
            cut = text.rfind(" ", pos + PHONE_PIECE // 2, pos + PHONE_PIECE)
        cut = pos + PHONE_PIECE if cut < 0 else cut + 1
        out.append(text[pos:cut])
        pos = cut
    out.append(text[pos:])
    return out
