"""``GuardrailsError``: synth stopped on guardrail errors."""

from __future__ import annotations

from collections.abc import Sequence

from constructs_xtap.guardrails.finding import Finding


class GuardrailsError(Exception):
    """Raised by ``Guardrails`` at synth when a scope has unsuppressed error findings (and cdktf's CLI is not
    the caller: under ``cdktf synth`` the findings are error annotations, which fail the command instead).

    ``findings``: the failing findings; ``str()`` lists each as ``[path] message``. Raised from inside an
    aspect, it reaches Python callers of ``Testing.synth`` or ``app.synth()`` as jsii's ``RuntimeError``
    with the same text.
    """

    def __init__(self, findings: Sequence[Finding]) -> None:
        self.findings = tuple(findings)
        lines = "\n".join(f"  [{f.path}] {f.message}" for f in self.findings)
        super().__init__(f"Guardrails found {len(self.findings)} error(s):\n{lines}")
