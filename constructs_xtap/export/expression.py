"""A piece of generated Python source and the constructs_xtap names it uses."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Expression:
    """Python source text (``text``, e.g. ``Target.group("…")``) and the names it needs imported from
    ``constructs_xtap`` (``names``, e.g. ``{"Target"}``)."""

    text: str
    names: frozenset[str] = frozenset()

    @staticmethod
    def call(function: str, arguments: Iterable[Expression], *, name: str) -> Expression:
        """``function(arg, …)``, needing ``name`` and every argument's names."""
        arguments = tuple(arguments)
        return Expression(
            f"{function}({', '.join(a.text for a in arguments)})",
            frozenset({name}).union(*(a.names for a in arguments)),
        )

    @staticmethod
    def keyword(keyword: str, value: Expression) -> Expression:
        """``keyword=value`` (an argument of a call)."""
        return Expression(f"{keyword}={value.text}", value.names)

    @staticmethod
    def literal(value: str | bool) -> Expression:
        """A string or bool as Python source: ``True``, or a string in double quotes (as ruff formats it)."""
        if isinstance(value, bool):
            return Expression(repr(value))
        return Expression(json.dumps(value, ensure_ascii=False))
