"""person: a named human with the roles, party and age the article gives them."""
from .base import MENTIONS, PART_OR_NULL, STRING_OR_NULL, Category, Field, Kind, fold

# A role of a person: the title, the role phrase as written and where it stands, and its body.
ROLE_FIELDS = ("title", "text", "start", "end", "org")
ROLE_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object", "additionalProperties": False, "required": list(ROLE_FIELDS),
        "properties": {
            "title": {"type": "string"}, "text": {"type": "string", "minLength": 1},
            "start": {"type": "integer", "minimum": 0}, "end": {"type": "integer", "minimum": 1},
            "org": STRING_OR_NULL,
        },
    },
}


def _details(fact: dict) -> list[str]:
    parts = [str(fact.get("value"))]
    parts += [r["title"] + (f" ({r['org']})" if r.get("org") else "") for r in fact.get("roles") or []]
    if fact.get("party"):
        parts.append(fact["party"])
    if fact.get("age") is not None:
        parts.append(f"{fact['age']} Jahre")
    return parts


def _roles(fact: dict) -> list:
    name = fold(fact.get("value") or fact.get("text"))
    out = []
    for r in fact.get("roles") or []:
        title, text = (r.get("title"), r.get("text")) if isinstance(r, dict) else (r, r)
        out.append((name, fold(title or ""), fold(text or "")))
    return out


KIND = Kind(
    name="person",
    about="full name",
    value={"type": "string"},
    fields=(
        Field("roles", ROLE_SCHEMA, nested=True, note="[{" + ", ".join(f"`{k}`" for k in ROLE_FIELDS) + "}]"),
        Field("party", STRING_OR_NULL),
        Field("party_span", PART_OR_NULL, nested=True),
        Field("age", {"type": ["integer", "null"]}, integer=True),
        Field("age_span", PART_OR_NULL, nested=True),
        Field("mentions", MENTIONS, nested=True),
    ),
    label="Person",
    style="bold underline magenta",
    colour="#f4c6f0",
    rank=9,
    details=_details,
    categories=(
        Category("persons", "set", of_fact=lambda f: [fold(f.get("value") or f.get("text"))],
                 of_gold=lambda g: [fold(p["name"]) for p in g.get("persons", [])]),
        Category("roles", "roles", of_fact=_roles,
                 of_gold=lambda g: [(fold(p["name"]), fold(r)) for p in g.get("persons", []) for r in p.get("roles") or []]),
        Category("parties", "set",
                 of_fact=lambda f: [(fold(f.get("value") or f.get("text")), fold(f["party"]))] if f.get("party") else [],
                 of_gold=lambda g: [(fold(p["name"]), fold(p["party"])) for p in g.get("persons", []) if p.get("party")]),
    ),
    schema_comment="type, text, start, end, value are checked in base",
)
