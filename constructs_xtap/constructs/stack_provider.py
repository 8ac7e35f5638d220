"""The provider block a construct is managed through when it is given none."""

from __future__ import annotations

import weakref
from typing import Any

from constructs import Construct

from constructs_xtap.constructs.framework import stack_of
from constructs_xtap.constructs.xtap_provider import XtapProvider

#: The construct id of the provider added to a stack that has none.
DEFAULT_PROVIDER_ID = "xtap"

#: Each stack's default provider once found or created: looking it up among the stack's children on every
#: construct made synth quadratic in the number of constructs (each child is a call into the jsii runtime).
_DEFAULT_OF_STACK: weakref.WeakKeyDictionary[Any, XtapProvider] = weakref.WeakKeyDictionary()


def stack_provider(construct: Construct) -> XtapProvider:
    """The stack's default (un-aliased) XtapProvider, created on first use so each stack has exactly one."""
    stack = stack_of(construct)
    known = _DEFAULT_OF_STACK.get(stack)
    if known is not None and known.alias is None:
        return known
    found = next(
        (c for c in stack.node.children if isinstance(c, XtapProvider) and c.alias is None),
        None,
    )
    provider = found if found is not None else XtapProvider(stack, DEFAULT_PROVIDER_ID)
    _DEFAULT_OF_STACK[stack] = provider
    return provider
