"""date: a calendar reference, normalised to ISO 8601 at the grain the text gives."""
from .base import Category, Field, Kind, fold

GRAINS = ("year", "month", "week", "day", "minute", "second")
MODIFIERS = (None, "since", "until", "start", "end", "mid", "before", "after", "from", "approx")
PARTS = (None, "Q1", "Q2", "Q3", "Q4", "H1", "H2", "spring", "summer", "autumn", "winter", "early", "mid", "late")


def _details(fact: dict) -> list[str]:
    head = str(fact.get("value"))
    return [head + f" ({fact['grain']})" if fact.get("grain") else head]


KIND = Kind(
    name="date",
    about="ISO 8601 at the text's grain (`2014`, `2014-11`, `2018-W13`, `2017-08-14`, `2018-04-05T15:04`) or null",
    value={"type": ["string", "null"], "pattern": r"^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?)?)?|-W\d{2}|/\d{4})?$"},
    fields=(
        Field("grain", {"enum": list(GRAINS)}),
        Field("relative", {"type": "boolean"}, integer=True),
        Field("modifier", {"enum": list(MODIFIERS)}),
        Field("part", {"enum": list(PARTS)}),
    ),
    label="Datum",
    style="bold underline yellow",
    colour="#fbeaa8",
    rank=6,
    details=_details,
    categories=(
        Category("dates", "value", of_fact=lambda f: [(str(f["value"]), fold(f.get("text", "")))] if f.get("value") else [],
                 of_gold=lambda g: [(str(d["value"]), fold(d.get("text", ""))) for d in g.get("dates", []) if d.get("value")]),
        Category("published", "set", of_record=lambda r: [r["published"]] if r.get("published") else [],
                 of_gold=lambda g: [g["published"]] if g.get("published") else []),
    ),
)
