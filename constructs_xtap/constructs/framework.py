"""``Framework``: the one place that tells CDK for Terraform (``cdktf``) from CDK Terrain (``cdktn``).

The construct library is framework-free except here: settings, validation, the wire format, guardrails and
export never import either framework. A construct's framework is the one its tree is built with, read from
the classes of the App and stacks above it (they come from the ``cdktf`` or the ``cdktn`` module). Resource,
data source, provider and stack classes of this library are bound to that framework when constructed
(``BoundResource`` and its siblings), so ``CrossTenantAccessPartner(stack, ...)`` is a cdktf resource in a
``cdktf.App`` and a cdktn one in a ``cdktn.App``, with the same logical ids and the same Terraform JSON.

Mixing the two in one tree (a cdktf element inside a cdktn App, or the reverse) crashes inside cdktn at synth
(``_resetResolveDiscoveredProviderFeatureUsage is not a function``, anchors-turn2.md §2), so ``framework_of``
raises ``FrameworkMixError`` when the construct is made instead. cdktn 0.24 keeps cdktf's token encoding,
logical ids, ``cdktf.json``, ``cdktf.out`` and ``CDKTF_*`` variables, so nothing else has to know.
"""

from __future__ import annotations

import importlib
import sys
import types
import weakref
from typing import TYPE_CHECKING, Any

import jsii

from constructs_xtap.wire.cdk_frameworks import CDK_FRAMEWORKS
from constructs_xtap.wire.partner_schema import PROVIDER_LOCAL_NAME, PROVIDER_VERSION_CONSTRAINT

if TYPE_CHECKING:
    from constructs import IConstruct

#: The framework of a tree that holds neither (``wire.CDK_FRAMEWORKS`` lists the frameworks, default first).
DEFAULT_FRAMEWORK = CDK_FRAMEWORKS[0]


class FrameworkMixError(TypeError):
    """A construct of this library was placed in a tree that holds both cdktf and cdktn elements.

    The message names the construct path and which scopes come from which framework, and the fix: import
    ``App`` and ``TerraformStack`` (and any prebuilt provider) from one framework only.
    """


class Framework:
    """One CDK framework: ``name`` is ``"cdktf"`` or ``"cdktn"``; ``module`` is that Python module, so
    ``framework.module.TerraformStack`` is the framework's class. Get one with ``framework_named`` or
    ``framework_of``; there is one instance per framework."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.module: Any = importlib.import_module(name)
        #: Written into ``terraform.required_providers.xtap`` of every stack using the provider. The version
        #: constraint is required: without it ``cdktf deploy`` rejects the stack with a zod "version:
        #: Required" error (toolchain-recipes.md §3.5).
        self.generator_metadata: Any = self.module.TerraformProviderGeneratorMetadata(
            provider_name=PROVIDER_LOCAL_NAME, provider_version_constraint=PROVIDER_VERSION_CONSTRAINT
        )
        self._bound: dict[type, type] = {}

    def __repr__(self) -> str:
        return f"Framework({self.name!r})"

    def bind(self, binding: type) -> type:
        """The subclass of ``binding`` (a ``BoundResource``, ``BoundDataSource``, ``BoundProvider`` or
        ``BoundStack`` subclass) and of this framework's base class, made once per class and framework.
        It keeps the binding's name and module: ``isinstance(x, XtapPartnerConfiguration)`` holds in both."""
        bound = self._bound.get(binding)
        if bound is None:
            base = getattr(self.module, binding.framework_base)  # type: ignore[attr-defined]
            bound = _subclass(binding, base, metaclass=_bound_metaclass(type(base)))
            bound.framework = self  # type: ignore[attr-defined]
            self._bound[binding] = bound
        return bound


_FRAMEWORKS: dict[str, Framework] = {}
_ASPECT_CLASSES: dict[tuple[type, tuple[Framework, ...]], type] = {}

#: The framework of each construct already asked about (constructs of one tree share it): the answer costs
#: two calls into the jsii runtime, and a synth of 1,000 partners asks it for every one.
_FRAMEWORK_OF: weakref.WeakKeyDictionary[Any, Framework] = weakref.WeakKeyDictionary()
#: The stack of each construct already asked about, for the same reason.
_STACK_OF: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
#: The stacks whose members were checked for elements of the other framework (``_check_stack_members``).
_CHECKED_STACKS: weakref.WeakSet[Any] = weakref.WeakSet()
#: The path of each construct asked about (``path_of``).
_PATH_OF: weakref.WeakKeyDictionary[Any, str] = weakref.WeakKeyDictionary()
#: The scope each construct of this library was made under (``place_under``).
_PARENT_OF: weakref.WeakKeyDictionary[Any, Any] = weakref.WeakKeyDictionary()
#: Context values asked for by constructs made under each scope (``context_of``).
_CONTEXT_OF: weakref.WeakKeyDictionary[Any, dict[str, Any]] = weakref.WeakKeyDictionary()


def framework_named(name: str) -> Framework:
    """The ``Framework`` of the module ``name`` (``"cdktf"`` or ``"cdktn"``), importing it on first use.

    Raises ``ValueError`` for another name and ``ModuleNotFoundError`` naming the extra to install when
    the framework is not installed (``pip install 'constructs-xtap[cdktn]'``).
    """
    known = _FRAMEWORKS.get(name)
    if known is not None:
        return known
    if name not in CDK_FRAMEWORKS:
        raise ValueError(f"unknown CDK framework {name!r}: use one of {', '.join(CDK_FRAMEWORKS)}")
    try:
        framework = _FRAMEWORKS[name] = Framework(name)
    except ModuleNotFoundError as missing:
        extra = "" if name == DEFAULT_FRAMEWORK else f"[{name}]"
        raise ModuleNotFoundError(
            f"the {name} module is not installed: pip install 'constructs-xtap{extra}'", name=name
        ) from missing
    return framework


def framework_of(scope: IConstruct) -> Framework:
    """The framework of the tree ``scope`` is in: that of the App and stacks above it (and of ``scope``).

    A tree with no element of either framework (a bare ``constructs.Construct`` root) gets the default,
    cdktf. Raises ``FrameworkMixError`` when the scopes from the root down to ``scope`` come from both.
    """
    known = _FRAMEWORK_OF.get(scope)
    if known is not None:
        return known
    scopes = scope.node.scopes  # root first, ``scope`` last
    found: dict[str, list[IConstruct]] = {}
    for node in scopes:
        name = _framework_module_of(type(node))
        if name is not None:
            found.setdefault(name, []).append(node)
    if len(found) > 1:
        where = "; ".join(
            f"{name}: {', '.join(n.node.path or '(the App)' for n in nodes)}" for name, nodes in found.items()
        )
        raise FrameworkMixError(
            f"{scope.node.path or '(the App)'}: this construct tree mixes cdktf and cdktn ({where}); one app "
            "must be built with one framework (cdktn fails at synth on a cdktf element). Fix: import App and "
            "TerraformStack from cdktn everywhere (or from cdktf everywhere), including stacks of prebuilt "
            "providers"
        )
    framework = framework_named(next(iter(found), DEFAULT_FRAMEWORK))
    if len(loaded_frameworks()) > 1:  # only then can a stack hold elements of both
        stacks = [node for node in scopes if is_terraform_stack(node)]
        if stacks and stacks[-1] not in _CHECKED_STACKS:
            _check_stack_members(stacks[-1], framework)
    _FRAMEWORK_OF[scope] = framework
    return framework


def _check_stack_members(stack: Any, framework: Framework) -> None:
    """Raise ``FrameworkMixError`` when ``stack`` (of ``framework``) already holds elements of the other
    framework, such as a prebuilt provider's resources generated for cdktf in a cdktn stack. Checked once
    per stack, when the first construct of this library is placed in it; an element of the other framework
    added after that still fails only inside the framework, at synth."""
    _CHECKED_STACKS.add(stack)
    foreign = [
        member
        for member in stack.node.find_all()
        if _framework_module_of(type(member)) not in (None, framework.name)
    ]
    if foreign:
        other = _framework_module_of(type(foreign[0]))
        listed = ", ".join(f"{m.node.path} ({type(m).__name__})" for m in foreign[:5])
        more = f" and {len(foreign) - 5} more" if len(foreign) > 5 else ""
        prebuilt = "cdktn-provider-*" if framework.name == "cdktn" else "cdktf-cdktf-provider-*"
        raise FrameworkMixError(
            f"{stack.node.path}: this {framework.name} stack holds {other} elements: {listed}{more}; one app "
            f"must be built with one framework (cdktn fails at synth on a cdktf element). Fix: make them "
            f"with {framework.name}'s classes (prebuilt providers: the {prebuilt} packages)"
        )


def stack_of(scope: IConstruct) -> Any:
    """The ``TerraformStack`` ``scope`` is in (``scope`` itself when it is one), found once per scope: from
    the scope a construct was placed under (``place_under``) when known, else by the framework's
    ``TerraformStack.of``, which raises when ``scope`` is in no stack."""
    known = _STACK_OF.get(scope)
    if known is None:
        parent = _PARENT_OF.get(scope)
        if is_terraform_stack(scope):
            known = scope
        elif parent is not None:
            known = stack_of(parent)
        else:
            known = framework_of(scope).module.TerraformStack.of(scope)
        _STACK_OF[scope] = known
    return known


def context_of(construct: IConstruct, key: str) -> Any:
    """``construct.node.try_get_context(key)`` for a construct just made, asked once per scope it was
    placed under. Safe to share: a construct made this moment has no context of its own yet, and the
    constructs library refuses to set context on a scope that already has children."""
    parent = _PARENT_OF.get(construct)
    if parent is None:
        return construct.node.try_get_context(key)
    answers = _CONTEXT_OF.setdefault(parent, {})
    if key not in answers:
        answers[key] = construct.node.try_get_context(key)
    return answers[key]


def path_of_new(construct: IConstruct, scope: IConstruct, id: str) -> str:
    """``construct.node.path`` of ``construct``, just made with ``id`` under ``scope``: ``scope``'s path
    (asked once per scope), ``/`` and the id, without asking the jsii runtime for each construct."""
    if "/" in id:  # the constructs library rewrites such an id: let it say how
        return path_of(construct)
    parent = path_of(scope)
    path = _PATH_OF[construct] = f"{parent}/{id}" if parent else id
    return path


def path_of(construct: IConstruct) -> str:
    """``construct.node.path``, asked once per construct."""
    known = _PATH_OF.get(construct)
    if known is None:
        known = _PATH_OF[construct] = construct.node.path
    return known


def place_under(construct: IConstruct, scope: IConstruct) -> Framework:
    """Record that ``construct`` was just made under ``scope``: it shares ``scope``'s framework and stack,
    so the constructs made under it find both without asking the jsii runtime (a synth of 1,000 partners
    would ask thousands of times). Returns the framework. Raises ``FrameworkMixError`` as
    ``framework_of(scope)`` does."""
    framework = _FRAMEWORK_OF[construct] = framework_of(scope)
    _PARENT_OF[construct] = scope
    return framework


def loaded_framework() -> Framework:
    """The framework already imported in this process (cdktf when both or neither are): for work that has no
    construct to ask, such as recognising tokens, whose encoding (``${TfToken[...]}``, number and list
    tokens) cdktn keeps from cdktf, so either framework's ``Token`` reads the other's."""
    for name in CDK_FRAMEWORKS:
        if name in sys.modules:
            return framework_named(name)
    return framework_named(DEFAULT_FRAMEWORK)


def loaded_frameworks() -> list[Framework]:
    """Every framework already imported in this process; the default when there is none."""
    names = [name for name in CDK_FRAMEWORKS if name in sys.modules] or [DEFAULT_FRAMEWORK]
    return [framework_named(name) for name in names]


def aspect_class(aspect: type) -> type:
    """``aspect`` declared as implementing the ``IAspect`` of every framework imported in this process, made
    once per class and set of frameworks. jsii hands a Python aspect to the framework through the interfaces
    its class declares (its ``visit`` is only called back when one declares it), and an aspect such as
    ``Guardrails`` is made before it is added to any tree, so it cannot ask a scope which framework."""
    frameworks = tuple(loaded_frameworks())
    declared = _ASPECT_CLASSES.get((aspect, frameworks))
    if declared is None:
        declared = _subclass(aspect)
        jsii.implements(*(f.module.IAspect for f in frameworks))(declared)
        _ASPECT_CLASSES[(aspect, frameworks)] = declared
    return declared


def is_terraform_stack(value: object) -> bool:
    """Whether ``value`` is a ``TerraformStack`` of a framework imported in this process (no jsii call)."""
    return any(isinstance(value, f.module.TerraformStack) for f in loaded_frameworks())


def is_app(value: object) -> bool:
    """Whether ``value`` is an ``App`` of a framework imported in this process (no jsii call)."""
    return any(isinstance(value, f.module.App) for f in loaded_frameworks())


class _AnyTerraformStackCheck(type):
    def __instancecheck__(cls, value: object) -> bool:
        return is_terraform_stack(value)


class AnyTerraformStack(metaclass=_AnyTerraformStackCheck):
    """For ``isinstance`` only: true of a ``TerraformStack`` of either framework (a guardrail rule's
    ``applies_to``)."""


def _subclass(cls: type, *bases: type, metaclass: type | None = None) -> type:
    """A subclass of ``cls`` (and ``bases``) that reads as ``cls``: same name, qualified name, module and
    docstring, so ``repr``, tracebacks and ``help`` show the class the user knows."""
    subclass = types.new_class(
        cls.__name__, (cls, *bases), {} if metaclass is None else {"metaclass": metaclass}
    )
    subclass.__module__ = cls.__module__
    subclass.__qualname__ = cls.__qualname__
    subclass.__doc__ = cls.__doc__
    return subclass


def _framework_module_of(cls: type) -> str | None:
    for klass in cls.__mro__:
        top = klass.__module__.partition(".")[0]
        if top in CDK_FRAMEWORKS:
            return top
    return None


class _Binding(type):
    """Metaclass of the framework-free classes: calling one builds its subclass bound to the framework of
    ``scope`` (the first argument) and constructs that."""

    def __call__(cls, scope: Any, *args: Any, **kwargs: Any) -> Any:
        instance = framework_of(scope).bind(cls)(scope, *args, **kwargs)
        place_under(instance, scope)
        return instance


_BOUND_METACLASSES: dict[type, type] = {}


def _bound_metaclass(jsii_metaclass: type) -> type:
    """The metaclass of a bound class: both ``_Binding`` and the base's jsii metaclass (``JSIIMeta``, or
    ``JSIIAbstractClass`` for an abstract base such as ``TerraformProvider``), constructing as that one
    does, since the bound class is a jsii subclass now."""
    known = _BOUND_METACLASSES.get(jsii_metaclass)
    if known is None:

        def construct(cls: Any, *args: Any, **kwargs: Any) -> Any:
            return jsii_metaclass.__call__(cls, *args, **kwargs)

        known = _BOUND_METACLASSES[jsii_metaclass] = type(
            f"_Bound{jsii_metaclass.__name__}", (_Binding, jsii_metaclass), {"__call__": construct}
        )
    return known


def bound_framework(construct: Any) -> Framework:
    """The framework a ``BoundResource`` (or sibling) instance was bound to."""
    framework: Framework = type(construct).framework
    return framework


# For type checkers the bindings are cdktf's classes (the default framework, with the same API in cdktn).
if TYPE_CHECKING:
    from cdktf import TerraformDataSource as BoundDataSource
    from cdktf import TerraformProvider as BoundProvider
    from cdktf import TerraformResource as BoundResource
    from cdktf import TerraformStack as BoundStack
else:

    class BoundResource(metaclass=_Binding):
        """Base of this library's L1 resources: a ``TerraformResource`` of the scope's framework."""

        framework_base = "TerraformResource"

    class BoundDataSource(metaclass=_Binding):
        """Base of this library's L1 data sources: a ``TerraformDataSource`` of the scope's framework."""

        framework_base = "TerraformDataSource"

    class BoundProvider(metaclass=_Binding):
        """Base of ``XtapProvider``: a ``TerraformProvider`` of the scope's framework."""

        framework_base = "TerraformProvider"

    class BoundStack(metaclass=_Binding):
        """Base of a stack class that runs on both frameworks (``stacks.PartnersStack``): a
        ``TerraformStack`` of the framework of its scope, the App."""

        framework_base = "TerraformStack"
