"""Pure normalisers: strings (and context such as the publication date) to values. No spaCy here."""
