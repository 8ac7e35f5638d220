"""The machinery every generated L1 binding shares (``make bindings`` writes the bindings from the provider's
schema, ``constructs_xtap.toolchain.l1_bindings``; this module is hand-written).

A generated binding is a class of typed keyword arguments, one per settable attribute of the Terraform
resource or data source, and token getters (:class:`TokenAttribute`) for the attributes it reads back. Its
``__init__`` hands its arguments to :class:`L1Resource` or :class:`L1DataSource` (``locals()``), which

* makes the element a cdktf or a cdktn one, as the scope's framework is (``framework.BoundResource``), with
  the meta-arguments every binding takes (:class:`MetaArguments`: ``count``, ``depends_on``, ``for_each``,
  ``lifecycle``, ``provider``);
* writes the attributes into cdk.tf.json in the order of the keyword arguments (the schema's order), each
  left out while ``None`` unless it is required; ``json_settings`` (attribute name -> JSON text, Terraform's
  ``jsonencode`` form) stands for the JSON-string attributes, written in the order given where the first of
  them stands (``ValueError`` names a key that is not one); a set's strings are written sorted
  (:func:`in_stable_order`), so a synth never reorders them. Which attributes are JSON strings and sets is
  read from the kind's description (``kind_settings.terraform_face``), the one the provider's schema is
  built from; ``make bindings`` refuses to write a binding where the two disagree.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypedDict, TypeVar, overload

from constructs_xtap.constructs.framework import BoundDataSource, BoundResource, bound_framework
from constructs_xtap.constructs.kind_settings import terraform_face
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.wire.object_kinds import STRING_SET

if TYPE_CHECKING:
    from cdktf import (
        IResolvable,
        ITerraformDependable,
        ITerraformIterator,
        TerraformCount,
        TerraformProvider,
        TerraformResourceLifecycle,
    )
    from constructs import Construct

#: The argument that carries the JSON-string attributes of a binding that has them.
JSON_SETTINGS = "json_settings"

T = TypeVar("T")


class MetaArguments(TypedDict, total=False):
    """Terraform's meta-arguments, which every binding takes as keyword arguments (each optional)."""

    count: int | TerraformCount
    depends_on: Sequence[ITerraformDependable]
    for_each: ITerraformIterator
    lifecycle: TerraformResourceLifecycle
    provider: TerraformProvider


class TokenAttribute(Generic[T]):
    """A getter of one Terraform attribute as a token (a value known after deploy), e.g.
    ``partner_id = TokenAttribute.string("id")`` reads the ``id`` attribute (the schema describes it)."""

    def __init__(self, name: str, getter: str) -> None:
        self.name = name
        self._getter = getter  # the element's method that reads an attribute of this type
        self.__doc__ = f"The ``{name}`` attribute, as a token until deploy (a reference for other elements)."

    @staticmethod
    def string(name: str) -> TokenAttribute[str]:
        """The string attribute ``name`` (``get_string_attribute``)."""
        return TokenAttribute(name, "get_string_attribute")

    @staticmethod
    def boolean(name: str) -> TokenAttribute[IResolvable]:
        """The bool attribute ``name`` (``get_boolean_attribute``)."""
        return TokenAttribute(name, "get_boolean_attribute")

    @staticmethod
    def strings(name: str) -> TokenAttribute[list[str]]:
        """The list or set of strings ``name`` (``get_list_attribute``)."""
        return TokenAttribute(name, "get_list_attribute")

    @overload
    def __get__(self, element: None, owner: type) -> TokenAttribute[T]: ...

    @overload
    def __get__(self, element: object, owner: type) -> T: ...

    def __get__(self, element: object, owner: type) -> TokenAttribute[T] | T:
        if element is None:
            return self
        value: T = getattr(element, self._getter)(self.name)
        return value


class _Binding:
    """What :class:`L1Resource` and :class:`L1DataSource` share: the arguments and their synthesis."""

    #: The Terraform type name (``xtap_partner_configuration``): the class keyword ``terraform_type``.
    TF_RESOURCE_TYPE: ClassVar[str]

    def __init_subclass__(cls, terraform_type: str | None = None, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if terraform_type is not None:
            cls.TF_RESOURCE_TYPE = terraform_type

    def __init__(self, scope: Construct, id: str, meta: MetaArguments, given: Mapping[str, Any]) -> None:
        """Make the element under ``scope`` with the meta-arguments ``meta``; ``given`` holds the generated
        ``__init__``'s arguments (its ``locals()``). Raises ``ValueError`` naming any ``json_settings`` key
        the schema does not have."""
        init: Any = super().__init__
        init(
            scope,
            id,
            terraform_resource_type=self.TF_RESOURCE_TYPE,
            terraform_generator_metadata=bound_framework(self).generator_metadata,
            **meta,
        )
        names, self._required = _arguments(type(self).__init__)
        self._arguments: dict[str, Any] = {name: given[name] for name in names}
        self._sets = _described(self.TF_RESOURCE_TYPE)[1]
        if JSON_SETTINGS in self._arguments:
            settings = self._arguments[JSON_SETTINGS] = dict(self._arguments[JSON_SETTINGS] or {})
            known = _described(self.TF_RESOURCE_TYPE)[0]
            unknown = sorted(set(settings) - set(known))
            if unknown:
                raise ValueError(
                    f"{self.TF_RESOURCE_TYPE} has no attribute(s) {unknown}; known: {sorted(known)}"
                )

    @property
    def json_settings(self) -> dict[str, str]:
        """The JSON-string attributes that are set (attribute name -> JSON text)."""
        return dict(self._arguments.get(JSON_SETTINGS) or {})

    def _synthesize_attributes(self) -> dict[str, Any]:
        # jsii calls this Python override (the underscore name is the binding of synthesizeAttributes).
        attributes: dict[str, Any] = {}
        for name, value in self._arguments.items():
            if name == JSON_SETTINGS:
                attributes.update(value)
            elif name in self._sets and value is not None:
                attributes[name] = in_stable_order(value)
            elif value is not None or name in self._required:
                attributes[name] = value
        return attributes


@functools.cache
def _described(type_name: str) -> tuple[tuple[str, ...], frozenset[str]]:
    """The JSON-string attributes and the sets of ``type_name``, from its kind's description (the one the
    provider's schema is built from; ``make bindings`` checks that they agree)."""
    face = terraform_face(type_name)
    return tuple(a.name for a in face.json_attributes), frozenset(
        a.name for a in face.attributes if a.type == STRING_SET
    )


@functools.cache
def _arguments(init: Callable[..., None]) -> tuple[tuple[str, ...], frozenset[str]]:
    """The keyword-only arguments of a generated ``__init__``, in order, and those without a default."""
    code = init.__code__
    names = code.co_varnames[code.co_argcount : code.co_argcount + code.co_kwonlyargcount]
    return names, frozenset(names) - set(init.__kwdefaults__ or {})


class L1Resource(_Binding, BoundResource):
    """Base of the generated resource bindings: a ``TerraformResource`` of the scope's framework."""


class L1DataSource(_Binding, BoundDataSource):
    """Base of the generated data source bindings: a ``TerraformDataSource`` of the scope's framework."""


def in_stable_order(values: Sequence[str]) -> list[str]:
    """``values`` as plain strings, sorted, with anything else (deploy-time tokens, whose text says nothing
    about their value) after them in the order given; a list token is returned as it is."""
    if is_unresolved(values):
        return list(values)
    texts = [str.__str__(e) if isinstance(e, str) else e for e in values]
    plain = [t for t in texts if isinstance(t, str) and not is_unresolved(t)]
    return sorted(plain) + [t for t in texts if not isinstance(t, str) or is_unresolved(t)]
