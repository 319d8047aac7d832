"""contact: a phone number (E.164), e-mail address or web address."""
import re

from .base import Category, Field, Kind

CONTACT_KINDS = ("phone", "email", "url")


def _phone_digits(value) -> str:
    raw = str(value).strip()
    digits = re.sub(r"\D", "", raw)
    if digits.startswith("0049"):
        digits = digits[4:]
    elif digits.startswith("49") and raw.startswith("+"):
        digits = digits[2:]
    return digits.lstrip("0")


def compared(kind, value) -> tuple[str, str]:
    """A contact as compared with gold: phones by their digits, the rest lower case without scheme."""
    kind = str(kind).lower()
    if kind == "phone":
        return kind, _phone_digits(value)
    return kind, re.sub(r"^https?://", "", str(value).strip().rstrip("/.").lower())


KIND = Kind(
    name="contact",
    about="E.164 phone, lower-case e-mail, URL as written",
    value={"type": "string"},
    fields=(Field("kind", {"enum": list(CONTACT_KINDS)}),),
    label="Kontakt",
    style="bold underline bright_blue",
    colour="#dcd3f5",
    rank=5,
    details=lambda f: [f.get("kind") or "", str(f.get("value"))],
    categories=(
        Category("contacts", "set", of_fact=lambda f: [compared(f.get("kind"), f.get("value"))],
                 of_gold=lambda g: [compared(c["kind"], c["value"]) for c in g.get("contacts", [])]),
    ),
)
