"""A value Graph holds that the constructs cannot express."""

from __future__ import annotations


class Unexpressible(ValueError):
    """Raised while turning a Graph value into construct source: ``reason`` says why it cannot be written
    (an ``unknownFutureValue``, a property the constructs have no argument for, a value they reject)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
