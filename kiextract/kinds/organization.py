"""organization: a named organisation, institution, party, company, club, newspaper or agency."""
from .base import MENTIONS, STRING_OR_NULL, Category, Field, Kind, name_details

KIND = Kind(
    name="organization",
    about="name in nominative",
    value={"type": "string"},
    fields=(Field("abbr", STRING_OR_NULL), Field("mentions", MENTIONS, nested=True)),
    label="Organisation",
    style="bold underline blue",
    colour="#c6dcf7",
    rank=7,
    details=name_details,
    categories=(
        Category("organizations", "loose", of_fact=lambda f: [f.get("value") or f.get("text")],
                 of_gold=lambda g: list(g.get("organizations", []))),
    ),
)
