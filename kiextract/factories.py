"""Every kiextract stage as a spaCy factory, and the one list that fixes their order.

Importing this module registers the factories; `kiextract.pipeline.load_pipeline` adds the stages
in `STAGES` order on top of whatever German pipeline is loaded.
"""
from __future__ import annotations

from spacy.language import Language

# What the stages write and read (spaCy's `nlp.analyze_pipes()` shows it): every stage writes its
# `doc.spans` group and its facts in `doc._.ki_facts`; settings and findings go to `doc._.ki_meta`.
FACTS, META, SPANS = "doc._.ki_facts", "doc._.ki_meta", "doc.spans"

# The pipeline, in order. Later stages read what earlier ones found: numbers skip contacts and
# dates, roles attach to the persons the entity stage found.
STAGES: tuple[str, ...] = (
    "ki_locale",
    "ki_boilerplate",
    "ki_contacts",
    "ki_dates",
    "ki_numbers",
    "ki_entities",
    "ki_roles",
)


@Language.factory("ki_locale", assigns=[META])
def make_locale(nlp: Language, name: str):
    from .components.locale import LocaleComponent

    return LocaleComponent()


@Language.factory("ki_boilerplate", assigns=[SPANS, META])
def make_boilerplate(nlp: Language, name: str):
    from .components.boilerplate import BoilerplateComponent

    return BoilerplateComponent()


@Language.factory("ki_contacts", default_config={"region": None}, requires=[META], assigns=[SPANS, FACTS])
def make_contacts(nlp: Language, name: str, region: str | None):
    from .components.contacts import ContactsComponent

    return ContactsComponent(region=region)


@Language.factory("ki_dates", requires=[META, FACTS], assigns=[SPANS, FACTS, META])
def make_dates(nlp: Language, name: str):
    from .components.dates import DatesComponent

    return DatesComponent()


@Language.factory("ki_numbers", requires=[META, FACTS], assigns=[SPANS, FACTS])
def make_numbers(nlp: Language, name: str):
    from .components.numbers import NumbersComponent

    return NumbersComponent()


@Language.factory(
    "ki_entities", default_config={"patterns_path": None, "use_model": True},
    requires=[META, FACTS], assigns=[SPANS, FACTS, META],
)
def make_entities(nlp: Language, name: str, patterns_path: str | None, use_model: bool):
    from .components.entities import EntitiesComponent

    return EntitiesComponent(nlp, patterns_path=patterns_path, use_model=use_model)


@Language.factory("ki_roles", requires=[META, FACTS], assigns=[SPANS, FACTS])
def make_roles(nlp: Language, name: str):
    from .components.roles import RolesComponent

    return RolesComponent()


@Language.factory("ki_norms", assigns=["token.norm"])
def make_norms(nlp: Language, name: str):
    """Part of kiextract's own NER model (before its tok2vec), not of the rule stages."""
    from .components.norms import NormsComponent

    return NormsComponent()
