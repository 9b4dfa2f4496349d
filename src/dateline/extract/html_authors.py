"""Author names as bylines print them, tidied: the job title, credential or wire glued after a name
("Jane Roe Senior Writer", "Jane Roe MS", "Jane Roe The Associated Press") comes off, and the job
titles, desks and outlets a byline block lists beside its people ("Chief Technology Officer",
"The Northfield Journal", "Sponsored") leave the list when a person is named.
"""

from __future__ import annotations

import re

_ROLE_WORDS = (
    r"(?:senior |staff |contributing |managing |deputy |associate |executive |features? |news |sports )?"
    r"(?:editor|writer|reporter|correspondent|contributor|columnist|producer|critic)(?:-at-large| in chief)?"
)
# glued after a name with no separator, as byline cards set the role on the next line
_TRAILING_ROLE = re.compile(rf"\s+{_ROLE_WORDS}$", re.I)
_TRAILING_CREDENTIAL = re.compile(r"\s+(?:MS|MA|MD|PhD|Ph\.D\.|RDN?|LDN?|MPH|MBA|CPT|CSCS|Esq\.?)$")
_TRAILING_WIRE = re.compile(
    r"\s+(?:the )?(?:associated press|reuters|agence france-presse|afp|bloomberg|cnn wire)$", re.I
)

# an entry that names a post or a desk, not a person
_ROLE_ONLY = re.compile(
    rf"^(?:{_ROLE_WORDS}|sponsored|guest author|staff)$"
    r"|\b(?:officer|head of|chief|director|president|vice|secretary|ceo|cto|cfo|founder|manager)\b",
    re.I,
)
# an outlet, an agency or a desk: what a byline block sets beside its people
_ORGANIZATION = re.compile(
    r"\b(?:media|journal|news|press|report|times|post|magazine|channel|radio|network|agency|daily|tribune|herald"
    r"|gazette|staff|desk|team|wire|online|group|inc|llc|ltd)\b|\.(?:com|org|net|co\.uk)\b",
    re.I,
)
_ROLE_START = re.compile(
    r"^(?:senior|staff|contributing|managing|deputy|associate|executive|content|digital|assistant)\s", re.I
)
_ACRONYM = re.compile(r"^[A-Z]{2,6}$")  # "WBEZ", "BET": a station or an outlet


def tidy_names(names: list[str]) -> list[str]:
    """The names with glued roles, credentials and wires cut off, then without the non-persons when
    someone is named; the list unchanged in order otherwise."""
    cut = [_cut(name) for name in names]
    people = [name for name in cut if _is_person(name)]
    return people or cut


def _cut(name: str) -> str:
    if _ROLE_START.match(name):
        return name  # "Executive Content Editor" is a post through and through; nothing to cut it from
    for pattern in (_TRAILING_WIRE, _TRAILING_ROLE, _TRAILING_CREDENTIAL):
        shorter = pattern.sub("", name)
        if shorter != name and len(shorter.split()) >= 2:
            name = shorter
    return name


def _is_person(name: str) -> bool:
    return not (_ROLE_ONLY.search(name) or _ORGANIZATION.search(name) or _ACRONYM.match(name))
