"""One tenant's objects of one kind in the local Graph's ``ObjectStore`` (keyed by the lower-cased key; a
singleton's key is ``""``): what they hold when new or untouched, how a checked body changes them, and the
kind's 404, 409 and delete refusals (kind_rules.py). A child kind (``parent``) needs its parent object for
every method, and is expanded under its ``navigation``; a parent and its children change under one lock.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from constructs_xtap.local_graph.graph_routes import KINDS
from constructs_xtap.local_graph.kind_rules import rules_of
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.wire.answer_orders import answer_order
from constructs_xtap.wire.graph_types import INBOUND_OUTBOUND, USER_SYNC_INBOUND, GraphType
from constructs_xtap.wire.object_kinds import OBJECT_KINDS, PARTNER, ObjectKind

#: Each kind's children by navigation property (``$expand``): ``{"partner": {"identitySynchronization": …}}``.
CHILDREN: Mapping[str, Mapping[str, ObjectKind]] = MappingProxyType(
    {
        kind.name: MappingProxyType(
            {
                child.navigation: child
                for child in OBJECT_KINDS
                if child.parent == kind.name and child.navigation
            }
        )
        for kind in OBJECT_KINDS
    }
)
#: Types Graph always answers with every member: an inbound/outbound pair even for ``null`` (vector
#: create_partner_minimal_entra), ``userSyncInbound`` once set (graph-api.md §2.12).
_WHOLE_EVEN_NULL = (INBOUND_OUTBOUND,)
_WHOLE_ONCE_SET = (USER_SYNC_INBOUND,)


def answered(graph_type: GraphType, value: Any) -> Any:
    """A checked value as Graph stores and answers it: as sent (a B2B setting with only ``usersAndGroups``
    comes back without ``applications``), but the types above with every member (an omitted one ``null``).
    ``value`` comes from a checked body, which the check built afresh (request_body.py): kept, not copied."""
    whole = any(graph_type is t for t in _WHOLE_EVEN_NULL) or (
        value is not None and any(graph_type is t for t in _WHOLE_ONCE_SET)
    )
    if whole:
        return {member: (value or {}).get(member) for member in graph_type.fields}
    return value


def new_object(kind: ObjectKind, key: str) -> dict[str, Any]:
    """An object of ``kind`` with nothing configured (vectors create_partner_minimal_entra, get_partner_v1):
    its key, the kind's ``initial`` values, every other property ``null`` (inherit), in Graph's order."""
    initial = rules_of(kind).initial
    obj: dict[str, Any] = {}
    for name in answer_order(kind):
        if name == kind.key:
            obj[name] = key
        elif name in initial:
            obj[name] = copy.deepcopy(initial[name])
        else:
            obj[name] = answered(kind.type_of(name), None)
    return obj


def apply(kind: ObjectKind, obj: dict[str, Any], body: dict[str, Any]) -> None:
    """Replace each property of a checked body wholesale (arrays included); ``null`` clears it."""
    for name, value in body.items():
        if name != kind.key:
            obj[name] = answered(kind.type_of(name), value)


class KindStore:
    """The objects of ``kind`` (default: partners) of one ``tenant`` in the shared ``ObjectStore``; every
    method holds its lock, every change is saved. ``GraphError`` for the kind's 404, 409 and refusals."""

    def __init__(self, objects: ObjectStore, tenant: str, kind: ObjectKind = PARTNER) -> None:
        self.objects = objects
        self.tenant = tenant.lower()
        self.kind = kind
        self.rules = rules_of(kind)

    def _stored(self, key: str) -> dict[str, Any] | None:
        return self.objects.get(self.tenant, self.kind.name, key)

    def _check_parent(self, key: str) -> None:
        """A child needs its parent (the parent's own 404 otherwise; a singleton parent always exists)."""
        if self.kind.parent is not None:
            parent = KINDS[self.kind.parent]
            if parent.key is not None and self.objects.get(self.tenant, parent.name, key) is None:
                raise rules_of(parent).not_found(key)

    def _current(self, key: str) -> dict[str, Any]:
        """The stored object (itself: copy before answering), a singleton's untouched one, else the 404."""
        self._check_parent(key)
        stored = self._stored(key)
        if stored is not None:
            return stored
        untouched = self.rules.untouched(self.kind)
        if untouched is not None:
            return untouched
        raise self.rules.not_found(key)

    def _expanded(self, key: str, obj: dict[str, Any], navigations: tuple[str, ...]) -> dict[str, Any]:
        answer = copy.deepcopy(obj)
        for navigation in navigations:
            # A single-valued navigation with nothing behind it is expanded as null [assumption].
            child = CHILDREN[self.kind.name][navigation]
            answer[navigation] = copy.deepcopy(self.objects.get(self.tenant, child.name, key))
        return answer

    def list(self, navigations: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        """Every object, in creation order, with the ``navigations`` expanded."""
        with self.objects.lock:
            keys = self.objects.keys(self.tenant, self.kind.name)
            return [self._expanded(key, self._stored(key) or {}, navigations) for key in keys]

    def get(self, key: str = "", navigations: tuple[str, ...] = ()) -> dict[str, Any]:
        """One object (a copy; keys match case-insensitively), with the ``navigations`` expanded."""
        with self.objects.lock:
            return self._expanded(key, self._current(key), navigations)

    def create(self, key: str, body: dict[str, Any]) -> dict[str, Any]:
        """Create from a checked body; an existing object is the kind's 409. Returns a copy."""
        with self.objects.lock:
            self._check_parent(key)
            if self._stored(key) is not None:
                raise self.rules.conflict(self.kind)
            obj = new_object(self.kind, key.lower())
            apply(self.kind, obj, body)
            self.objects.put(self.tenant, self.kind.name, key, obj)
            self.objects.save()
            return copy.deepcopy(obj)

    def update(self, key: str, body: dict[str, Any]) -> None:
        """Apply a checked PATCH body (to a copy first: the kind's ``changed`` rule may refuse it; a shallow
        copy, since ``apply`` replaces whole properties and never changes one in place)."""
        with self.objects.lock:
            obj = dict(self._current(key))
            apply(self.kind, obj, body)
            self.rules.changed(obj, body)
            self.objects.put(self.tenant, self.kind.name, key, obj)
            self.objects.save()

    def delete(self, key: str = "") -> None:
        """Delete one object, unless the kind's ``delete_refusal`` refuses (a partner: R7, R8)."""
        with self.objects.lock:
            self._check_parent(key)
            stored = self._stored(key)
            if stored is None:
                raise self.rules.not_found(key)
            children = tuple(
                child
                for child in CHILDREN[self.kind.name].values()
                if self.objects.get(self.tenant, child.name, key) is not None
            )
            refusal = self.rules.delete_refusal(key, stored, children)
            if refusal is not None:
                raise refusal
            self.objects.remove(self.tenant, self.kind.name, key)
            self.objects.save()

    def reset(self) -> None:
        """Forget a singleton's changes: it answers its untouched self again."""
        with self.objects.lock:
            if self.objects.remove(self.tenant, self.kind.name):
                self.objects.save()

    def put(self, obj: dict[str, Any]) -> None:
        """Store an object as given, unchecked (tests seed documented or deliberately odd objects); a child's
        navigation member (as in an expanded answer) is stored as that child (``None`` removes it)."""
        with self.objects.lock:
            obj = copy.deepcopy(obj)
            key = str(obj[self.kind.key]).lower() if self.kind.key else ""
            navigations = CHILDREN[self.kind.name]
            children = {n: obj.pop(n) for n in list(obj) if n in navigations}
            self.objects.put(self.tenant, self.kind.name, key, {**new_object(self.kind, key), **obj})
            for navigation, value in children.items():
                child = navigations[navigation]
                if value is None:
                    self.objects.remove(self.tenant, child.name, key)
                else:
                    stored = {**new_object(child, key), **value}
                    if child.key:
                        stored[child.key] = key
                    self.objects.put(self.tenant, child.name, key, stored)
            self.objects.save()

    def snapshot(self) -> dict[str, dict[str, Any]]:
        """``{key: stored object}`` (copies) for direct inspection."""
        with self.objects.lock:
            keys = self.objects.keys(self.tenant, self.kind.name)
            return {key: copy.deepcopy(self._stored(key) or {}) for key in keys}
