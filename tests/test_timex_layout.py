"""The tagger's layout (issue #4, fifth pass): one entry point, modules that each do one thing.

These guard what a reorganisation could silently break: a family without its normaliser (it would
fail on its first match, in someone's article), two modules claiming one family, the public names
other code imports, and an import cycle back into the entry point.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest

from dateline.enrich import (
    timex,
    timex_clock,
    timex_dates,
    timex_durations,
    timex_periods,
    timex_relative,
    timex_sets,
)
from dateline.enrich.timex_recognition import NEEDS, RULES, find_candidates, select, trim

FAMILY_MODULES = [timex_dates, timex_periods, timex_relative, timex_durations, timex_clock, timex_sets]
ENRICH = Path(timex.__file__).parent


def test_every_family_has_exactly_one_normaliser() -> None:
    families = [name for name, _ in RULES]
    assert len(families) == len(set(families))
    claimed = [family for module in FAMILY_MODULES for family in module.NORMALISERS]
    assert len(claimed) == len(set(claimed)), "two modules normalise the same family"
    assert set(claimed) == set(families)
    assert set(timex.NORMALISERS) == set(families)


def test_pre_checks_name_real_families() -> None:
    # a misspelt key would silently stop guarding its family
    assert set(NEEDS) <= {name for name, _ in RULES}


def test_public_names_stay_on_the_entry_point() -> None:
    for name in ("tag", "guess_tense", "Tense", "TenseHint"):
        assert hasattr(timex, name)
    from dateline.enrich.times import publication_date  # imports tag and the tense types from timex

    assert publication_date("2024-07-17") == date(2024, 7, 17)


@pytest.mark.parametrize("path", sorted(ENRICH.glob("timex_*.py")), ids=lambda p: p.name)
def test_parts_never_import_the_entry_point(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            assert node.module != "dateline.enrich.timex", f"{path.name} imports the entry point"
            if node.module == "dateline.enrich":
                assert "timex" not in {alias.name for alias in node.names}, f"{path.name} imports the entry point"


def test_recognition_alone_finds_and_selects_candidates() -> None:
    text = "Talks resume early next year, officials said Monday, Oct. 26."
    chosen = select(find_candidates(text))
    spans = [text[slice(*trim(text, c.start, c.end))] for c in chosen]
    assert spans == ["early next year", "Monday, Oct. 26"]  # leftmost-longest beats "next year", "Monday"
    assert [c.family for c in chosen] == ["rel", "mdy"]


def test_trim_drops_edges_and_a_sentence_full_stop() -> None:
    text = "It ended in 1998. Then"
    assert text[slice(*trim(text, 11, 17))] == "1998"
    clock = "at 5 p.m. Then"
    assert clock[slice(*trim(clock, 3, 9))] == "5 p.m"  # the stop ends the sentence, not the abbreviation
