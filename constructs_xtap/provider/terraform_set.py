"""The set attribute type: tf's ``Set`` (a Python list, order and repeats ignored) that survives unknowns.

tf 1.2.0's ``Set.semantically_equal`` iterates both values, so a planned set Terraform does not know yet
(``var.clouds`` before apply) raised ``TypeError`` inside PlanResourceChange; and it counts ``null`` equal
to ``[]``, which would keep a planned ``null`` in state where Graph answered ``[]``. Unknown equals only
unknown, ``null`` only ``null``.
"""

from __future__ import annotations

from typing import Any

from tf.types import Set, Unknown


class TerraformSet(Set):
    """A set of ``element_type`` values; Terraform compares sets without order."""

    def semantically_equal(self, a_decoded: Any, b_decoded: Any) -> bool:
        if a_decoded is Unknown or b_decoded is Unknown or a_decoded is None or b_decoded is None:
            return a_decoded is b_decoded
        return bool(super().semantically_equal(a_decoded, b_decoded))
