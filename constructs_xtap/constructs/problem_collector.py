"""``ProblemCollector``: every problem of one construct, so validation raises once with all of them."""

from __future__ import annotations

from typing import Any

from constructs_xtap.constructs.validation_problem import ValidationProblem


class ProblemCollector:
    """Accumulates ``ValidationProblem`` objects for one construct path; checks append, never raise."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[ValidationProblem] = []

    def add(self, prop: str, value: Any, problem: str, fix: str) -> None:
        """Record that ``prop`` holds ``value``, what is wrong with it and how to fix it."""
        self.problems.append(ValidationProblem(self.path, prop, value, problem, fix))
