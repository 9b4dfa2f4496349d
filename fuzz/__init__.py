"""Fuzzing targets for every parser (see docs/reliability.md); `python -m fuzz.run` runs them under atheris."""
