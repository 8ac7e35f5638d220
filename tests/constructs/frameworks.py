"""The framework a test's construct tree was built with, read from its App, for test helpers that get a
stack but not the ``cdk`` fixture (tests/conftest.py) it was built from.

It reads the class of the tree's root, the App the ``stack`` fixture made with ``cdk.Testing.app()``, and
not ``constructs_xtap.constructs.framework.framework_of``: a helper that asked the seam under test which
``Testing`` to synthesize with could not notice the seam answering wrong.
"""

from __future__ import annotations

import json
import sys
from types import ModuleType
from typing import Any

from constructs import IConstruct


def framework_module(scope: IConstruct) -> ModuleType:
    """``cdktf`` or ``cdktn``: the module of the App at the root of ``scope``'s tree."""
    name = type(scope.node.root).__module__.partition(".")[0]
    assert name in ("cdktf", "cdktn"), f"the root of {scope.node.path!r} is a {type(scope.node.root)}"
    return sys.modules[name]


def synth(stack: IConstruct) -> dict[str, Any]:
    """``Testing.synth(stack)`` of the stack's framework, parsed."""
    return dict(json.loads(framework_module(stack).Testing.synth(stack)))
