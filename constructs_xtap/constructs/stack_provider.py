"""The provider block a construct is managed through when it is given none."""

from __future__ import annotations

from cdktf import TerraformStack
from constructs import Construct

from constructs_xtap.constructs.xtap_provider import XtapProvider

#: The construct id of the provider added to a stack that has none.
DEFAULT_PROVIDER_ID = "xtap"


def stack_provider(construct: Construct) -> XtapProvider:
    """The stack's default (un-aliased) XtapProvider, created on first use so each stack has exactly one."""
    stack = TerraformStack.of(construct)
    for child in stack.node.children:
        if isinstance(child, XtapProvider) and child.alias is None:
            return child
    return XtapProvider(stack, DEFAULT_PROVIDER_ID)
