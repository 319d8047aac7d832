"""percent: a share in percent, with what it is a share of."""
from .base import (
    NUMBER,
    PART_OR_NULL,
    QUALIFIER,
    STRING_OR_NULL,
    Category,
    Field,
    Kind,
    by_value,
    gold_by_value,
)


def _details(fact: dict) -> list[str]:
    return [f"{fact.get('value')} %", fact.get("about") or ""]


KIND = Kind(
    name="percent",
    about="percent",
    value=NUMBER,
    fields=(Field("about", STRING_OR_NULL), Field("about_span", PART_OR_NULL, nested=True), Field("qualifier", QUALIFIER)),
    label="Prozent",
    style="bold underline bright_red",
    colour="#f7d9b8",
    rank=3,
    details=_details,
    categories=(Category("percents", "value", of_fact=by_value, of_gold=gold_by_value("percents")),),
)
