"""``Level``: how much a guardrail finding weighs."""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """A finding's level: ``ERROR`` fails synth, ``WARNING`` is shown and reported.

    The values are SARIF 2.1.0 ``result.level`` values (``"error"``, ``"warning"``), also written as
    ``level`` in ``xtap-guardrails.json``.
    """

    ERROR = "error"
    WARNING = "warning"
