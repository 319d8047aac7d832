"""money: an amount in units of its currency, with what it pays for."""
from .base import (
    NUMBER,
    PART_OR_NULL,
    QUALIFIER,
    STRING_OR_NULL,
    Category,
    Field,
    Kind,
    amount_details,
    fold,
    number,
)

PERIODS = (None, "year", "month", "week", "day", "hour")

KIND = Kind(
    name="money",
    about="amount in currency units",
    value=NUMBER,
    fields=(
        Field("unit", {"type": "string", "pattern": "^[A-Z]{3}$"}, note="(ISO 4217)"),
        Field("about", STRING_OR_NULL),
        Field("about_span", PART_OR_NULL, nested=True),
        Field("period", {"enum": list(PERIODS)}),
        Field("qualifier", QUALIFIER),
    ),
    label="Geld",
    style="bold underline red",
    colour="#f8c9c4",
    rank=0,
    details=amount_details,
    categories=(
        Category("money", "value",
                 of_fact=lambda f: [((number(f.get("value")), str(f.get("unit", "")).upper()), fold(f.get("text", "")))],
                 of_gold=lambda g: [((number(m["value"]), str(m.get("unit", "EUR")).upper()), fold(m.get("text", ""))) for m in g.get("money", [])]),
    ),
)
