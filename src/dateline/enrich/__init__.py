"""Article -> annotations: a pipeline of small components over one shared document.

Each component is registered by name and fills one annotation list of an :class:`EnrichDoc`.
Components that need linguistic analysis read ``doc.spacy`` (parsed once, on first use, with
the model loaded once per process by :mod:`dateline.enrich.nlp`); the others work on plain text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from dateline.record import Article, Entity, Place, Quantity, Quote, TimeExpression

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class EnrichDoc:
    """The working state of one article while components annotate it."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _spacy: Doc | None = None

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def spacy(self) -> Doc:
        if self._spacy is None:
            from dateline.enrich.nlp import parse

            self._spacy = parse(self.article.text)
        return self._spacy


Component = Callable[[EnrichDoc], None]

#: name -> component
COMPONENTS: dict[str, Component] = {}

#: the order the built-in components run in: later ones read earlier results (quantities skip what
#: times found; quotes link speakers to entities). It must not depend on which module was imported first.
BUILTIN_ORDER = ("times", "entities", "quotes", "places", "quantities")


def component(name: str) -> Callable[[Component], Component]:
    """Register a component under ``name`` (the registry replaces if-chains, as in spaCy)."""

    def register(func: Component) -> Component:
        COMPONENTS[name] = func
        return func

    return register


@cache  # imported once per process, not on every article
def _load_builtin_components() -> None:
    # importing a module registers its components (a missing one is a packaging error: let it raise)
    import importlib

    for module in BUILTIN_ORDER:
        importlib.import_module(f"dateline.enrich.{module}")


def enrich(article: Article, components: Iterable[str] | None = None) -> Article:
    """Return ``article`` with the annotations of the named components (all registered by default)."""
    _load_builtin_components()
    names = list(COMPONENTS) if components is None else list(components)
    rank = {name: number for number, name in enumerate(BUILTIN_ORDER)}
    names.sort(key=lambda name: rank.get(name, len(rank)))  # stable: other components keep their order
    unknown = [name for name in names if name not in COMPONENTS]
    if unknown:
        raise ValueError(f"unknown enrich component(s): {', '.join(unknown)}; known: {', '.join(COMPONENTS)}")
    doc = EnrichDoc(article)
    for name in names:
        try:
            COMPONENTS[name](doc)
        except Exception as error:  # a component's bug costs its annotations, never the article
            doc.warnings.append(f"enrich component {name!r} failed: {type(error).__name__}: {error}")
    return article.with_annotations(
        quotes=doc.quotes,
        times=doc.times,
        entities=doc.entities,
        places=doc.places,
        quantities=doc.quantities,
        warnings=article.warnings + doc.warnings,
    )
