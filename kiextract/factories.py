"""Every kiextract stage as a spaCy factory, and the one list that fixes their order.

Importing this module registers the factories; `kiextract.pipeline.load_pipeline` adds the stages
in `STAGES` order on top of whatever German pipeline is loaded.
"""
from __future__ import annotations

from spacy.language import Language

# The pipeline, in order. Later stages read what earlier ones found: numbers skip contacts and
# dates, roles attach to the persons the entity stage found.
STAGES: tuple[str, ...] = (
    "ki_boilerplate",
    "ki_contacts",
    "ki_dates",
    "ki_numbers",
    "ki_entities",
    "ki_roles",
)


@Language.factory("ki_boilerplate")
def make_boilerplate(nlp: Language, name: str):
    from .components.boilerplate import BoilerplateComponent

    return BoilerplateComponent()


@Language.factory("ki_contacts", default_config={"region": "DE"})
def make_contacts(nlp: Language, name: str, region: str):
    from .components.contacts import ContactsComponent

    return ContactsComponent(region=region)


@Language.factory("ki_dates")
def make_dates(nlp: Language, name: str):
    from .components.dates import DatesComponent

    return DatesComponent()


@Language.factory("ki_numbers")
def make_numbers(nlp: Language, name: str):
    from .components.numbers import NumbersComponent

    return NumbersComponent()


@Language.factory("ki_entities", default_config={"patterns_path": None, "use_model": True})
def make_entities(nlp: Language, name: str, patterns_path: str | None, use_model: bool):
    from .components.entities import EntitiesComponent

    return EntitiesComponent(nlp, patterns_path=patterns_path, use_model=use_model)


@Language.factory("ki_roles")
def make_roles(nlp: Language, name: str):
    from .components.roles import RolesComponent

    return RolesComponent()


@Language.factory("ki_norms")
def make_norms(nlp: Language, name: str):
    """Part of kiextract's own NER model (before its tok2vec), not of the rule stages."""
    from .components.norms import NormsComponent

    return NormsComponent()
