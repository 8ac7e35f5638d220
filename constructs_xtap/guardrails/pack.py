"""``Pack``: a named set of guardrail rules, chosen as a whole with ``Guardrails(packs=...)``."""

from __future__ import annotations

from dataclasses import dataclass

from constructs_xtap.guardrails.rule import Rule


@dataclass(frozen=True)
class Pack:
    """``name``: the pack's id (``"cisa"``, ``"microsoft"``, ``"admin-center"``); ``rules``: its rules in the
    order they run; ``description``: where the rules come from, one sentence."""

    name: str
    rules: tuple[Rule, ...]
    description: str = ""
