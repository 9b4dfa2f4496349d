"""Scoring shared by the extraction benchmarks (the Zyte article-extraction metric, per page)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

TOKEN = re.compile(r"\w+")


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    if len(tokens) < size:
        return Counter([tuple(tokens)])
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


@dataclass
class BodyScore:
    """Per-page normalized TP/FP/FN, averaged over pages (each page weighs the same)."""

    precisions: list[float] = field(default_factory=list)
    recalls: list[float] = field(default_factory=list)
    exact: list[bool] = field(default_factory=list)

    def add(self, truth: str, predicted: str) -> float:
        gold, pred = shingles(truth), shingles(predicted)
        tp = sum((gold & pred).values())
        fp = sum(pred.values()) - tp
        fn = sum(gold.values()) - tp
        if tp + fp > 0:
            self.precisions.append(tp / (tp + fp))
        if tp + fn > 0:
            self.recalls.append(tp / (tp + fn))
        self.exact.append(TOKEN.findall(truth or "") == TOKEN.findall(predicted or ""))
        return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

    @property
    def precision(self) -> float:
        return sum(self.precisions) / len(self.precisions) if self.precisions else 0.0

    @property
    def recall(self) -> float:
        return sum(self.recalls) / len(self.recalls) if self.recalls else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float:
        return sum(self.exact) / len(self.exact) if self.exact else 0.0


def norm_space(text: str | None) -> str:
    return " ".join((text or "").split())


def author_set(authors: str | Iterable[str] | None) -> set[str]:
    names = authors.split(",") if isinstance(authors, str) else list(authors or [])
    return {norm_space(name).lower() for name in names if norm_space(name)}


def set_f1(gold: set[str], predicted: set[str]) -> float:
    if not gold and not predicted:
        return 1.0
    tp = len(gold & predicted)
    return 2 * tp / (len(gold) + len(predicted)) if tp else 0.0
