"""duration: a length of time ("drei Jahre" -> 3 Jahr)."""
from .base import NUMBER, QUALIFIER, Field, Kind, amount_details

KIND = Kind(
    name="duration",
    about="number",
    value=NUMBER,
    fields=(Field("unit", {"type": "string"}), Field("qualifier", QUALIFIER)),
    label="Dauer",
    style="bold underline bright_yellow",
    colour="#ecefc0",
    rank=4,
    details=amount_details,
)
