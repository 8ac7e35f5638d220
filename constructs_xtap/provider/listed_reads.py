"""Reads served from one paged list per kind: a no-change plan of N partners costs a few pages, not N GETs.

Terraform refreshes every resource with its own ReadResource call, in parallel threads. Within one provider
process, the first read of a listed kind (the partner, and the identity synchronization reached through its
partner) takes the whole list once, following ``@odata.nextLink``; the other reads wait for it and are then
answered from it:

* the key's entry holds everything the kind's state is built from: that object, no call;
* the key is not in the list (or its identity synchronization is expanded as ``null``): gone, dropped from
  state as a 404 is;
* anything else asks Graph with one GET: an entry that lacks a property, a key this process has written
  (created, updated, deleted) or imported since the list was taken, or every key when the list failed
  (after the retries every call gets, the reads fall back to one GET each).

A list describes Graph at the moment it was taken, so it is never used past the process (Terraform starts
a new provider for every plan and every apply) nor for a key this process has changed.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import TYPE_CHECKING, Any

from constructs_xtap.graph.errors import GraphError
from constructs_xtap.wire.object_kinds import OBJECT_KINDS, ObjectKind

if TYPE_CHECKING:  # pragma: no cover
    from constructs_xtap.graph.client import GraphClient

log = logging.getLogger(__name__)


class Unlisted(Enum):
    """What a read gets when the list does not hand it an object."""

    #: The list shows that the object does not exist: drop it from state.
    GONE = "gone"
    #: The list cannot tell: GET the object.
    ASK = "ask"


@dataclass(frozen=True)
class Listing:
    """How the objects of one kind are listed.

    ``expand`` is ``None`` for the partners themselves, or the navigation property of each partner that
    holds the object (``identitySynchronization``). ``properties`` are the top-level properties a listed
    object must hold to answer a read.
    """

    expand: str | None
    properties: frozenset[str]
    #: The kind whose collection is listed (the partner, for a partner's child too).
    collection: ObjectKind


@cache
def listing_of(kind: ObjectKind) -> Listing | None:
    """How ``kind`` is listed: partners by their collection, a partner's child by expanding it on the
    partners; ``None`` for a kind that is not listed (singletons, lookups)."""
    if kind.key is None or kind.terraform is None:
        return None
    properties = frozenset(
        str(a.graph_name).split(".", 1)[0] for a in kind.terraform.attributes if a.graph_name is not None
    )
    if kind.collection_path is not None:
        return Listing(expand=None, properties=properties, collection=kind)
    parent = next((k for k in OBJECT_KINDS if k.name == kind.parent), None)
    if parent is not None and parent.collection_path is not None and kind.navigation is not None:
        return Listing(expand=kind.navigation, properties=properties, collection=parent)
    return None


#: One list: each listed key (lower case) with its entry; ``None`` when the list could not be taken.
_Listed = dict[str, Any] | None


class ListedReads:
    """The lists taken by one provider process, and the keys it has written since."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lists: dict[Listing, _Listed] = {}
        self._written: set[str] = set()

    def lookup(self, client: GraphClient, listing: Listing, key: str) -> dict[str, Any] | Unlisted:
        """The listed object for ``key``, or what to do instead (see the module docstring)."""
        key = key.lower()
        with self._lock:  # the first reader takes the list; the others wait here for it
            if key in self._written:
                return Unlisted.ASK
            if listing not in self._lists:
                self._lists[listing] = _take(client, listing)
            listed = self._lists[listing]
        if listed is None:
            return Unlisted.ASK
        if key not in listed:
            return Unlisted.GONE
        entry = listed[key]
        if listing.expand is not None:
            if listing.expand not in entry:
                return Unlisted.ASK  # not expanded: the list does not say
            entry = entry[listing.expand]
            if entry is None:
                return Unlisted.GONE  # the partner has none
        if not isinstance(entry, dict) or not listing.properties <= entry.keys():
            return Unlisted.ASK
        return dict(entry)

    def forget(self, key: str) -> None:
        """From now on, reads of ``key`` ask Graph: this process is changing (or importing) it."""
        with self._lock:
            self._written.add(key.lower())


def _take(client: GraphClient, listing: Listing) -> _Listed:
    """Every page of the list, by key; ``None`` when it failed or an entry has no key."""
    kind = listing.collection
    try:
        entries = client.list_objects(kind, expand=listing.expand)
    except GraphError as error:
        log.debug("listing the %s kind failed, reading each one instead: %s", kind.name, error)
        return None
    listed: dict[str, Any] = {}
    for entry in entries:
        key = entry.get(str(kind.key))
        if not isinstance(key, str):
            log.debug("a listed %s has no %s, reading each one instead", kind.name, kind.key)
            return None
        listed[key.lower()] = entry
    return listed
