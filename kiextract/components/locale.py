"""ki_locale: the locale a document is written in (de-DE, de-AT, de-CH), unless it was given
(--locale): every later stage reads the words of that locale."""
from __future__ import annotations

from spacy.tokens import Doc

from ..locales.detect import detect
from .base import doc_text, meta


class LocaleComponent:
    def __call__(self, doc: Doc) -> Doc:
        info = meta(doc)
        if info.locale is None:
            info.locale = detect(doc_text(doc), info.url)
        return doc
