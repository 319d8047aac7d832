"""ki_contacts: phone numbers (E.164), e-mail addresses and web addresses."""
from __future__ import annotations

from spacy.tokens import Doc

from ...textutil import overlaps
from ..base import add_fact, doc_text, skip_ranges
from .find import find_contacts

KEY = "ki_contacts"


class ContactsComponent:
    def __init__(self, region: str = "DE") -> None:
        self.region = region

    def __call__(self, doc: Doc) -> Doc:
        skip = skip_ranges(doc)
        doc.spans[KEY] = []
        for c in find_contacts(doc_text(doc), self.region):
            if not overlaps(c.start, c.end, skip):
                add_fact(doc, KEY, "contact", c.start, c.end, c.value, label=c.kind, kind=c.kind)
        return doc
