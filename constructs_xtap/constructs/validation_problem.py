"""One thing wrong with a construct's input: where, which property, what value, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ValidationProblem:
    """A single synth-time problem; ``XtapValidationError`` reports a list of them at once."""

    path: str  # the construct path, e.g. "partners/contoso"
    property: str  # the snake_case property path, e.g. "b2b_collaboration_inbound.applications.targets[0]"
    value: Any
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}: {self.property} = {self.value!r}: {self.problem}. Fix: {self.fix}"
