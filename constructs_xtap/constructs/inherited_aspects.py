"""``InheritedAspects``: apply to a stack the aspects added above it that ask for it."""

from __future__ import annotations

import weakref
from typing import Any

from constructs import Construct, IConstruct

from constructs_xtap.constructs.framework import aspect_class, framework_of, stack_of

#: The attribute an aspect sets to ``True`` to be applied to every stack below the scope it was added to.
VISIT_FROM_STACK = "xtap_visit_from_stack"


#: The stacks that already have their ``InheritedAspects``: asking the stack's aspects again for every
#: construct cost two jsii calls each.
_ENSURED: weakref.WeakSet[Any] = weakref.WeakSet()


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

        The aspect is declared with the ``IAspect`` of the stack's framework (``aspect_class``). Raises what
        ``TerraformStack.of`` raises when ``scope`` is not inside a stack.
        """
        stack = stack_of(scope)
        if stack in _ENSURED:
            return
        framework = framework_of(stack)
        aspects = framework.module.Aspects.of(stack)
        if not any(isinstance(aspect, cls) for aspect in aspects.all):
            aspects.add(aspect_class(cls)())
        _ENSURED.add(stack)

    def visit(self, node: IConstruct) -> None:
        """On a stack, forward it to each marked aspect of the scopes above it (outermost first)."""
        framework = framework_of(node)
        if not framework.module.TerraformStack.is_stack(node):
            return
        for scope in node.node.scopes[:-1]:
            for aspect in framework.module.Aspects.of(scope).all:
                if getattr(aspect, VISIT_FROM_STACK, False) is True:
                    aspect.visit(node)
