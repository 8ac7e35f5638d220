"""One thing wrong with a construct's input: where, which property, what value, and how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ValidationProblem:
    """A single synth-time problem; ``XtapValidationError`` reports a list of them at once.

    ``property`` ``""`` (with ``value`` ``None``) is a problem of the construct as a whole, such as a second
    construct for a Graph object the stack already manages; it reads ``path: problem. Fix: fix``.
    ``rule``: default ``None``, a rule Graph documents or enforces. Set to the qualified id of an
    admin-center rule (``"admin-center/R9"``) when only the Entra admin center enforces it: such a
    problem is a synth warning unless the ``xtap:adminCenterRules`` context is ``"error"`` (see
    ``admin_center_rules``).
    """

    path: str  # the construct path, e.g. "partners/contoso"
    property: (
        str  # the snake_case property path, e.g. "b2b_collaboration_inbound.applications.targets[0]"; ""
    )
    value: Any
    problem: str
    fix: str
    rule: str | None = None

    # A method, not a property: the ``property`` field shadows the decorator in this class body.
    def detail(self) -> str:
        """The problem without its construct path: ``property = value: [rule] problem. Fix: fix`` (without
        ``property = value: `` for a problem of the whole construct)."""
        rule = f"[{self.rule}] " if self.rule is not None else ""
        where = f"{self.property} = {self.value!r}: " if self.property else ""
        return f"{where}{rule}{self.problem}. Fix: {self.fix}"

    def __str__(self) -> str:
        return f"{self.path}: {self.detail()}"
