from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_7cf8419b6963604b.txt"


@pytest.fixture
def examples() -> Path:
    return EXAMPLES
