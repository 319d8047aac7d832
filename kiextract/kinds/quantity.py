"""quantity: a count of things, with the counted noun."""
from .base import (
    NUMBER,
    QUALIFIER,
    Category,
    Field,
    Kind,
    amount_details,
    by_value,
    gold_by_value,
)

KIND = Kind(
    name="quantity",
    about="number",
    value=NUMBER,
    fields=(Field("unit", {"type": "string"}, note="(the counted noun, singular nominative)"), Field("qualifier", QUALIFIER)),
    label="Anzahl",
    style="bold underline cyan",
    colour="#c4eef2",
    rank=1,
    details=amount_details,
    categories=(Category("quantities", "value", of_fact=by_value, of_gold=gold_by_value("quantities")),),
)
