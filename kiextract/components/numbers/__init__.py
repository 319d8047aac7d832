"""ki_numbers: money, counts, percents and durations, each tied to what it counts or pays for.

`find_numbers(text, taken)` is the whole logic over plain text (used by the component and the
tests); the component adds the facts and spans to the Doc.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ...textutil import Ranges, overlaps
from ..base import add_fact, doc_text, in_doc_locale, skip_ranges, taken_ranges
from .ages import find_ages
from .counts import unit_of
from .find import find_numbers
from .tokens import NumberFact

KEY = "ki_numbers"
AGES_KEY = "ki_ages"  # "der 54-jährige": spans the roles stage reads, no facts of the record

__all__ = ["AGES_KEY", "KEY", "NumberFact", "NumbersComponent", "find_ages", "find_numbers", "unit_of"]


class NumbersComponent:
    @in_doc_locale
    def __call__(self, doc: Doc) -> Doc:
        doc.spans[KEY] = []
        text, skip = doc_text(doc), skip_ranges(doc)
        skip_set = Ranges(skip)
        doc.spans[AGES_KEY] = []
        ages = find_ages(text)  # not facts of the record: the roles stage gives them to persons
        for f in find_numbers(text, skip + taken_ranges(doc, "ki_contacts", "ki_dates"), ages):
            add_fact(doc, KEY, f.type, f.start, f.end, f.value, **f.fields)
        for s, e, age in ages:
            if not overlaps(s, e, skip_set):
                add_fact(doc, AGES_KEY, "age", s, e, age)
        return doc
