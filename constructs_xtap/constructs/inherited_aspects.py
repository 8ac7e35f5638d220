"""``InheritedAspects``: apply to a stack the aspects added above it that ask for it."""

from __future__ import annotations

import jsii
from cdktf import Aspects, IAspect, TerraformStack
from constructs import Construct, IConstruct

#: The attribute an aspect sets to ``True`` to be applied to every stack below the scope it was added to.
VISIT_FROM_STACK = "xtap_visit_from_stack"


@jsii.implements(IAspect)
class InheritedAspects:
    """Calls ``visit(stack)`` of every aspect added to a scope above the stack (usually the ``App``) that has
    ``xtap_visit_from_stack = True``.

    cdktf 0.21 invokes aspects stack by stack, starting at the stack, so an aspect added with
    ``Aspects.of(app).add(...)`` is never invoked (``invokeAspects(stack)`` in
    ``cdktf/lib/synthesize/synthesizer.js`` inherits nothing from above the stack). Every construct of this
    library that such an aspect checks calls ``ensure`` once, so its stack forwards the App's aspects that
    ask for it. The forwarded aspect gets the stack only, not each construct: it must walk the stack itself.
    """

    @classmethod
    def ensure(cls, scope: Construct) -> None:
        """Add one ``InheritedAspects`` to the stack of ``scope``; a second call for that stack does nothing.

        Raises what ``TerraformStack.of`` raises when ``scope`` is not inside a stack.
        """
        stack = TerraformStack.of(scope)
        if not any(isinstance(aspect, cls) for aspect in Aspects.of(stack).all):
            Aspects.of(stack).add(cls())

    def visit(self, node: IConstruct) -> None:
        """On a stack, forward it to each marked aspect of the scopes above it (outermost first)."""
        if not TerraformStack.is_stack(node):
            return
        for scope in node.node.scopes[:-1]:
            for aspect in Aspects.of(scope).all:
                if getattr(aspect, VISIT_FROM_STACK, False) is True:
                    aspect.visit(node)
