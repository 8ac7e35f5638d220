"""The one error a construct raises at synth time, listing every problem found in its input."""

from __future__ import annotations

from collections.abc import Sequence

from constructs_xtap.constructs.validation_problem import ValidationProblem


class XtapValidationError(ValueError):
    """Raised once per construct with every problem, so one synth shows the whole list to fix."""

    def __init__(self, problems: Sequence[ValidationProblem]) -> None:
        self.problems: tuple[ValidationProblem, ...] = tuple(problems)
        count = len(self.problems)
        header = f"{count} problem{'s' if count != 1 else ''} in cross-tenant access settings:"
        super().__init__("\n".join([header, *(f"  - {p}" for p in self.problems)]))
