"""``InheritedAspects``: apply to a stack the aspects added above it that ask for it."""

from __future__ import annotations

import weakref
from typing import Any

from constructs import Construct, IConstruct

from constructs_xtap.constructs.framework import aspect_class, framework_of, stack_of

#: The attribute an aspect sets to ``True`` to be applied to every stack below the scope it was added to.
VISIT_FROM_STACK = "xtap_visit_from_stack"


#: The stacks that already forward their App's aspects.
_ENSURED: weakref.WeakSet[Any] = weakref.WeakSet()


class InheritedAspects:
    """Calls ``visit(stack)`` of every aspect added to a scope above the stack (usually the ``App``) that has
    ``xtap_visit_from_stack = True``.

    cdktf 0.21 (and cdktn 0.24) invoke aspects stack by stack, starting at the stack, so an aspect added
    with ``Aspects.of(app).add(...)`` is never invoked (``invokeAspects(stack)`` in
    ``cdktf/lib/synthesize/synthesizer.js`` inherits nothing from above the stack). Every construct of this
    library that such an aspect checks calls ``ensure`` once, so its stack forwards the App's aspects that
    ask for it. The forwarded aspect gets the stack only, not each construct: it must walk the stack itself.

    It is added to the first such construct of each stack (its ``anchor``), not to the stack: an aspect is
    called back for every construct below where it is added, and each call back crosses into the jsii
    runtime (a stack of 1,000 partners would pay 2,000 of them). The stack is forwarded when the anchor is
    visited.
    """

    def __init__(self, anchor: IConstruct) -> None:
        self.anchor = anchor

    @classmethod
    def ensure(cls, scope: Construct) -> None:
        """Make the stack of ``scope`` forward its App's marked aspects; a second call for that stack does
        nothing. The aspect goes on ``scope`` and is declared with the ``IAspect`` of the loaded framework
        (``aspect_class``). Raises what ``TerraformStack.of`` raises when ``scope`` is not inside a stack.
        """
        stack = stack_of(scope)
        if stack in _ENSURED:
            return
        framework_of(scope).module.Aspects.of(scope).add(aspect_class(cls)(scope))
        _ENSURED.add(stack)

    def visit(self, node: IConstruct) -> None:
        """On the anchor, forward its stack to each marked aspect of the scopes above the stack (outermost
        first); on anything else, nothing."""
        if node is not self.anchor:
            return
        stack = stack_of(node)
        framework = framework_of(stack)
        for scope in stack.node.scopes[:-1]:
            for aspect in framework.module.Aspects.of(scope).all:
                if getattr(aspect, VISIT_FROM_STACK, False) is True:
                    aspect.visit(stack)
