"""ki_contacts: phone numbers (E.164), e-mail addresses and web addresses."""
from __future__ import annotations

from spacy.tokens import Doc

from ...locales import DEFAULT, get
from ...textutil import overlaps
from ..base import add_fact, doc_text, meta, skip_ranges
from .find import find_contacts

KEY = "ki_contacts"


class ContactsComponent:
    """Phone numbers are read in the region of the document's locale (+49, +43, +41), or in
    `region` when the pipeline is built with one."""

    def __init__(self, region: str | None = None) -> None:
        self.region = region

    def __call__(self, doc: Doc) -> Doc:
        skip = skip_ranges(doc)
        doc.spans[KEY] = []
        region = self.region or get(meta(doc).locale or DEFAULT).phone_region
        for c in find_contacts(doc_text(doc), region):
            if not overlaps(c.start, c.end, skip):
                add_fact(doc, KEY, "contact", c.start, c.end, c.value, label=c.kind, kind=c.kind)
        return doc
