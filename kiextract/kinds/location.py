"""location: a named place: country, Land, Kreis, town, street, square or building."""
from .base import MENTIONS, STRING_OR_NULL, Category, Field, Kind, name_details

KIND = Kind(
    name="location",
    about="name",
    value={"type": "string"},
    fields=(Field("abbr", STRING_OR_NULL), Field("mentions", MENTIONS, nested=True)),
    label="Ort",
    style="bold underline green",
    colour="#c9efc9",
    rank=8,
    details=name_details,
    categories=(
        Category("locations", "loose", of_fact=lambda f: [f.get("value") or f.get("text")],
                 of_gold=lambda g: list(g.get("locations", []))),
    ),
)
