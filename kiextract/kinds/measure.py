"""measure: a measurement with a normalised unit of measure ("85 Meter" -> 85 m)."""
from .base import NUMBER, QUALIFIER, Field, Kind, amount_details

KIND = Kind(
    name="measure",
    about="number",
    value=NUMBER,
    fields=(
        Field("unit", {"type": "string", "description": "normalised unit symbol: m, km, m², ha, kg, t, l, kWh, MWh, GWh, °C, km/h, …"},
              note="(normalised: `m`, `km`, `ha`, `t`, `kWh`, `GWh`, `°C`, …)"),
        Field("qualifier", QUALIFIER),
    ),
    label="Maß",
    style="bold underline cyan",
    colour="#d6e8e9",
    rank=2,
    details=amount_details,
)
