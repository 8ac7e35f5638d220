"""The one handler of every kind's Graph requests (graph-api.md §1.0-1.8), read from the kinds'
descriptions (wire/object_kinds.py) and their rules (kind_rules.py): a collection (list with paging,
``$select`` and ``$expand``; POST with a ``Location``), an entity (GET, PATCH, PUT when the kind is created
so, DELETE), a singleton's reset action and the tenant lookups. The caller (graph_api.py) has routed the
request and checked the token and its app roles; objects are the token's tenant's (kind_store.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Any
from urllib.parse import quote

from constructs_xtap.local_graph.collection_pages import SKIPTOKEN, CollectionPages
from constructs_xtap.local_graph.graph_error import method_not_allowed
from constructs_xtap.local_graph.graph_routes import KINDS, Route
from constructs_xtap.local_graph.kind_rules import KindRules
from constructs_xtap.local_graph.kind_store import CHILDREN, KindStore
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.local_graph.odata_query import expanded, select_properties
from constructs_xtap.local_graph.reply import Reply
from constructs_xtap.local_graph.request_body import (
    bad_request,
    check_members,
    describe,
    is_annotation,
    parse_json,
)
from constructs_xtap.local_graph.tenant_registry import TenantRegistry
from constructs_xtap.wire import is_guid
from constructs_xtap.wire.graph_properties import graph_property
from constructs_xtap.wire.graph_types import GraphType
from constructs_xtap.wire.object_kinds import ObjectKind


def check_body(
    kind: ObjectKind, rules: KindRules, body: Any, *, creating: bool, path_key: str = ""
) -> dict[str, Any]:
    """Return a create (``creating``) or update body of ``kind`` checked against the wire types (400
    ``Request_BadRequest`` otherwise), ``@odata.*`` annotations dropped.

    In order: not an object; (``names_first``) an unknown or mis-cased name anywhere (R22); a read-only
    property, or a create-only one on update (graph-api.md §1.4); a key that a collection's POST lacks or
    that is not a GUID (lower-cased when good), or that a body of a child echoes other than as its path's
    (SDKs echo it) [assumption]; a value of the wrong type or enumeration (§3.3 item 4); the kind's own
    ``check`` (R18, non-null policy members).
    """
    if not isinstance(body, dict):
        raise bad_request(
            f"The request body must be a JSON object representing a {rules.body_type or kind.entity_type}."
        )
    key = (kind.key,) if kind.key else ()
    # A collection's POST names the new object's key, which is then create-only; a child's path names it.
    create_only = (*kind.create_only, *key) if kind.create == "POST" else kind.create_only
    read_only = tuple(n for n in kind.read_only if n not in key) if rules.read_only_message else ()
    writable = _body_types(kind, creating)
    if rules.names_first:
        known = {*writable, *read_only, *create_only, *key}
        for name in body:
            if not is_annotation(name) and name not in known:
                raise bad_request(f"Invalid property '{name}'")
    for name in body:
        if name in read_only:
            raise bad_request((rules.read_only_message or "").format(name=name))
        if name in create_only and not creating:
            raise bad_request(
                f"Property '{name}' cannot be updated; it can only be set when the {rules.words} is "
                f"created. Delete and re-create the {kind.name} to change it."
            )
    new_key = _body_key(kind, rules, body, creating, path_key)
    checked = check_members(writable, {n: v for n, v in body.items() if n not in key})
    rules.check(checked)
    if new_key is not None:
        checked[str(kind.key)] = new_key
    return checked


@cache
def _body_types(kind: ObjectKind, creating: bool) -> Mapping[str, GraphType]:
    """What a create (``creating``) or update body of ``kind`` may hold, with its types (once per kind)."""
    return MappingProxyType({n: kind.type_of(n) for n in (kind.creatable if creating else kind.writable)})


def _body_key(
    kind: ObjectKind, rules: KindRules, body: dict[str, Any], creating: bool, path_key: str
) -> str | None:
    """The lower-cased key a collection's POST names; else ``None`` after checking an echoed key."""
    if kind.key is None:
        return None
    sent = body.get(kind.key)
    if kind.create == "POST" and creating:
        if sent is None:
            raise bad_request(f"Property '{kind.key}' is required when creating a {rules.words}.")
        if not isinstance(sent, str) or not is_guid(sent):
            raise bad_request(
                f"Invalid value {describe(sent)} for property '{kind.key}'. "
                f"A {kind.name}'s {kind.key} must be a tenant GUID."
            )
        return sent.lower()
    if kind.key in body and (not isinstance(sent, str) or sent.lower() != path_key.lower()):
        raise bad_request(
            f"Property '{kind.key}' is read-only: the {rules.words} always has its {kind.parent}'s "
            f"{graph_property(kind.key).words} '{path_key.lower()}'. Leave {kind.key} out of the body."
        )
    return None


@dataclass
class KindApi:
    """Answers every kind's requests against the objects of the tenant a request is for."""

    objects: ObjectStore
    tenants: TenantRegistry
    graph_endpoint: str
    pages: CollectionPages

    def handle(self, route: Route, tenant: str, query: Mapping[str, list[str]], body: bytes) -> Reply:
        """Answer one request (``GraphError`` for every failure)."""
        operation = OPERATIONS.get((route.target, route.method))
        if operation is None:
            raise method_not_allowed()
        kind = KINDS[route.kind]
        return operation(self, kind, route, KindStore(self.objects, tenant, kind), query, body)

    # -- what every answer carries ---------------------------------------------------------------------------
    def _context(self, kind: ObjectKind, route: Route, *, entity: bool = True) -> str:
        """``@odata.context``: the kind's entity set (``/$entity`` for one object, not for a function's)."""
        entity_set = kind.entity_set.format(tenant_id=_path_key(route).lower())
        suffix = "/$entity" if entity and not kind.read_only_kind else ""
        return f"{self.graph_endpoint}/{route.version}/$metadata#{entity_set}{suffix}"

    @staticmethod
    def _expand(kind: ObjectKind, query: Mapping[str, list[str]]) -> tuple[str, ...]:
        """The navigations ``$expand`` names; ignored on a kind that has none."""
        navigations = CHILDREN[kind.name]
        return expanded(query, navigations, kind.entity_type) if navigations else ()

    @staticmethod
    def _select(
        kind: ObjectKind, obj: dict[str, Any], query: Mapping[str, list[str]], navigations: tuple[str, ...]
    ) -> dict[str, Any]:
        """Apply ``$select``; an expanded navigation is kept whatever is selected (vector
        list_partners_expand_identitysync_v1)."""
        children = {navigation: obj.pop(navigation) for navigation in navigations}
        return {**select_properties(obj, query, kind.entity_type, kind.key), **children}

    # -- operations ------------------------------------------------------------------------------------------
    def _read(
        self, kind: ObjectKind, route: Route, store: KindStore, query: Mapping[str, list[str]], _: bytes
    ) -> Reply:
        found = store.rules.lookup(self.tenants, route)
        if found is not None:
            return Reply(200, {"@odata.context": self._context(kind, route), **found})
        navigations = self._expand(kind, query)
        obj = store.get(_path_key(route), navigations)
        return Reply(
            200, {"@odata.context": self._context(kind, route), **self._select(kind, obj, query, navigations)}
        )

    def _create(
        self, kind: ObjectKind, route: Route, store: KindStore, _: Mapping[str, list[str]], body: bytes
    ) -> Reply:
        path_key = _path_key(route)
        checked = check_body(kind, store.rules, parse_json(body), creating=True, path_key=path_key)
        key = checked[kind.key] if kind.create == "POST" and kind.key else path_key
        created = store.create(key, checked)
        if route.target != "collection":
            return Reply(204)
        location = f"{self._collection_url(kind, route)}/{created[str(kind.key)]}"
        return Reply(201, {"@odata.context": self._context(kind, route), **created}, {"Location": location})

    def _update(
        self, kind: ObjectKind, route: Route, store: KindStore, _: Mapping[str, list[str]], body: bytes
    ) -> Reply:
        path_key = _path_key(route)
        store.update(
            path_key, check_body(kind, store.rules, parse_json(body), creating=False, path_key=path_key)
        )
        return Reply(204)

    def _delete(
        self, kind: ObjectKind, route: Route, store: KindStore, _: Mapping[str, list[str]], __: bytes
    ) -> Reply:
        store.delete(_path_key(route))
        return Reply(204)

    def _reset(
        self, kind: ObjectKind, route: Route, store: KindStore, _: Mapping[str, list[str]], __: bytes
    ) -> Reply:
        """The reset action (resetToSystemDefault): no body needed, none answered."""
        store.reset()
        return Reply(204)

    # -- the collection --------------------------------------------------------------------------------------
    def _collection_url(self, kind: ObjectKind, route: Route) -> str:
        return f"{self.graph_endpoint}/{route.version}{kind.collection_path}"

    def _list(
        self, kind: ObjectKind, route: Route, store: KindStore, query: Mapping[str, list[str]], _: bytes
    ) -> Reply:
        """One page of the collection (server.py assumption 15): ``$select`` and ``$expand`` apply to every
        page, as the next link carries them on; ``$top`` and ``$skip`` are ignored."""
        navigations = self._expand(kind, query)
        objects = store.list(navigations)
        keys = [str(obj[str(kind.key)]).lower() for obj in objects]
        page = self.pages.page(keys, query.get(SKIPTOKEN), scope=store.tenant)
        answer: dict[str, Any] = {
            "@odata.context": self._context(kind, route, entity=False),
            "value": [self._select(kind, obj, query, navigations) for obj in objects[page.start : page.stop]],
        }
        if page.next_token is not None:
            answer["@odata.nextLink"] = self._next_link(kind, route, query, page.next_token)
        return Reply(200, answer)

    def _next_link(self, kind: ObjectKind, route: Route, query: Mapping[str, list[str]], token: str) -> str:
        """The absolute URL of the next page: this request's query options, then the new ``$skiptoken``."""
        options = [(name, value) for name, values in query.items() if name != SKIPTOKEN for value in values]
        options.append((SKIPTOKEN, token))
        encoded = "&".join(f"{quote(name, safe='$')}={quote(value, safe=',$')}" for name, value in options)
        return f"{self._collection_url(kind, route)}?{encoded}"


def _path_key(route: Route) -> str:
    """The key the path names (a partner's tenant id for the partner and its children); ``""`` for a
    singleton."""
    return next(iter(route.args.values()), "")


Operation = Callable[[KindApi, ObjectKind, Route, KindStore, Mapping[str, list[str]], bytes], Reply]
#: What each (path, method) of a kind does; graph_routes.py gives a kind only the paths and methods its
#: description implies.
OPERATIONS: Mapping[tuple[str, str], Operation] = {
    ("collection", "GET"): KindApi._list,
    ("collection", "POST"): KindApi._create,
    ("entity", "GET"): KindApi._read,
    ("entity", "PATCH"): KindApi._update,
    ("entity", "PUT"): KindApi._create,
    ("entity", "DELETE"): KindApi._delete,
    ("action", "POST"): KindApi._reset,
    ("by_domain", "GET"): KindApi._read,
}
