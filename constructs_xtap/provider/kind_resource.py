"""One Terraform resource engine for every Graph object kind (:mod:`constructs_xtap.wire.object_kinds`).

A resource class names its kind; the engine reads the kind's description for the schema, paths, verbs and
attributes and follows Terraform's contract for all of them:

* validate: the schema, then each JSON setting (valid JSON, an object, Graph's names and values) and the
  partner tenant id of keyed kinds (a lower-case GUID); then the kind's own checks.
* plan: a configured setting that means what the prior state holds (after the kind's
  :meth:`KindResource.setting_fill`) is planned as the prior text; the kind's computed values that Graph
  recalculates on a write are planned as :meth:`KindResource.recalculated_value` says (unknown unless the
  kind knows better); a change of a create-only property (``kind.create_only``) on an existing object
  fails with the kind's reason.
* create: by the kind's verb (PATCH for a singleton, whose diagnostics call it an update; POST to the
  collection with the key in the body, or PUT to the object), sending what Graph documents for create (a
  create-only property only when true); a 201 body is the object, anything else is read back until Graph
  shows it; the settings documented for update only (``kind.update_only``) follow in one PATCH. A create
  answered 409 adopts an object equal to the configuration; a different one is taken over (its differing
  attributes PATCHed to the configuration) with ``adopt_existing = true``, else the create fails with the
  import advice. For a kind Graph soft-deletes (``kind.deleted_items``), a 409 whose object cannot be read
  is waited out and sent again.
* read: from the provider's one list of the kind when it is listed (:mod:`listed_reads`), else GET; a key
  the list does not hold, or a 404, drops the resource from state. An answer for another key, or without
  the key, is an error, never state.
* update: PATCH with the complete desired value of each changed attribute (never a create-only one), then
  read back.
* delete: DELETE (404 is success; a refusal the kind explains, :meth:`KindResource.delete_refusal`, keeps
  the state), the reset action, or a PATCH back to the documented default.
* import: the id is checked first (:meth:`KindResource.import_key`), then GET.

What is special to a kind is data in its description; what is left is words and a few small hooks in
the kind's own file. No exception leaves the engine: each
entry point turns everything into a diagnostic with summary, detail and attribute path.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from tf.iface import (
    Config,
    CreateContext,
    DeleteContext,
    ImportContext,
    PlanContext,
    ReadContext,
    Resource,
    State,
    UpdateContext,
)
from tf.schema import Attribute, Schema
from tf.types import Bool, List, String, TfType, Unknown
from tf.utils import Diagnostics

from constructs_xtap.graph.errors import (
    GraphBadRequest,
    GraphConflict,
    GraphError,
    GraphForbidden,
    GraphNotFound,
    GraphResponseError,
)
from constructs_xtap.provider.configured_address import configured_addresses
from constructs_xtap.provider.consistency import ConsistencyTimeout, wait_until
from constructs_xtap.provider.graph_diagnostics import PERMISSION, GraphDiagnostic, diagnose, facts
from constructs_xtap.provider.import_advice import import_advice
from constructs_xtap.provider.kind_state import (
    SettingFill,
    desired_body,
    differing_attributes,
    keep_equal_settings,
    known,
    patch_body,
    state_from_graph,
    unknown_enum_paths,
)
from constructs_xtap.provider.listed_reads import Listing, Unlisted, listing_of
from constructs_xtap.provider.setting_validation import setting_problems
from constructs_xtap.provider.terraform_json import TerraformJson
from constructs_xtap.provider.terraform_set import TerraformSet
from constructs_xtap.wire import is_guid
from constructs_xtap.wire.graph_path import graph_value, put_graph_value
from constructs_xtap.wire.graph_properties import TENANT_ID
from constructs_xtap.wire.object_kinds import (
    BOOL,
    JSON,
    STRING_LIST,
    STRING_SET,
    KindAttribute,
    ObjectKind,
    TerraformFace,
)

if TYPE_CHECKING:  # pragma: no cover
    from constructs_xtap.graph.client import GraphClient
    from constructs_xtap.provider.provider import XtapProvider

T = TypeVar("T")
#: Entry points that leave Graph as it is; every other action forgets the key's listed answer first.
_READ_ONLY_ACTIONS = frozenset({"validate", "plan", "read"})
KEY_ATTRIBUTE = TENANT_ID.attribute
ADOPT_ATTRIBUTE = "adopt_existing"


def terraform_type(attribute: KindAttribute) -> TfType:
    """The ``tf`` type that carries an attribute of this kind."""
    if attribute.type == JSON:
        return TerraformJson()
    if attribute.type == BOOL:
        return Bool()
    if attribute.type == STRING_LIST:
        return List(String())
    if attribute.type == STRING_SET:
        return TerraformSet(String())
    return String()


def schema_attribute(attribute: KindAttribute, documented: Mapping[str, Any] | None = None) -> Attribute:
    """The ``tf`` schema attribute for one described attribute.

    An optional and computed attribute with a documented default (``documented``, the kind's) has it as its
    schema default: what a plan holds when the configuration leaves it out (see :mod:`plugin_servicer`).
    """
    default: Any = Unknown
    if attribute.use == "optional_computed" and documented and attribute.graph_name in documented:
        value = documented[str(attribute.graph_name)]
        default = list(value) if isinstance(value, (list, tuple)) else value
    return Attribute(
        attribute.name,
        terraform_type(attribute),
        description=attribute.description,
        required=attribute.use == "required",
        optional=attribute.use in ("optional", "optional_computed"),
        computed=attribute.use in ("computed", "optional_computed"),
        requires_replace=attribute.replace or None,
        default=default,
    )


class ObjectExists(Exception):
    """An object with this key exists in Graph and differs from the one we tried to create."""

    def __init__(self, existing: dict[str, Any], differing: list[str]) -> None:
        super().__init__("object exists")
        self.existing = existing
        self.differing = differing


class KindResource(Resource):
    """The engine; a subclass sets :attr:`kind` and overrides the hooks its kind needs."""

    kind: ClassVar[ObjectKind]
    #: What the kind's diagnostics call one object, e.g. "default configuration".
    noun: ClassVar[str]
    #: Computed attributes Graph recalculates on every write (see :meth:`recalculated_value`).
    recalculated: ClassVar[tuple[str, ...]] = ()
    #: How a cdktf app reaches this kind's L1 resource, for the import advice (``partner.resource``).
    construct_resource: ClassVar[str] = "<resource>"
    #: Why a create-only property (``kind.create_only``) can change by neither an update nor a replacement.
    create_only_reason: ClassVar[str] = ""
    #: How a create that finds the object in Graph says it is not what the configuration asks.
    differs: ClassVar[str] = "differs"

    def __init__(self, provider: XtapProvider) -> None:
        self.provider = provider
        #: How reads of this kind are served from a list; ``None``: one GET each.
        self.listing: Listing | None = listing_of(self.kind)
        #: Whether the last create sent a create-only property (a 403 then says what Graph requires).
        self._sent_create_only = False

    # ------------------------------------------------------------------ description

    @classmethod
    def face(cls) -> TerraformFace:
        face = cls.kind.terraform
        if face is None:  # pragma: no cover - every served kind has one
            raise TypeError(f"the {cls.kind.name} kind has no Terraform description")
        return face

    @classmethod
    def get_name(cls) -> str:
        return cls.face().type_name.removeprefix("xtap_")

    @classmethod
    def get_schema(cls) -> Schema:
        face = cls.face()
        return Schema(
            version=1,
            description=face.description,
            attributes=[schema_attribute(a, cls.kind.documented_default) for a in face.attributes],
        )

    @property
    def keyed(self) -> bool:
        return self.kind.key is not None

    def key_of(self, state: Mapping[str, Any]) -> str | None:
        """The Graph key of the object a state describes (a partner tenant id); ``None`` for singletons."""
        if not self.keyed:
            return None
        return str(state.get(KEY_ATTRIBUTE) or state.get("id"))

    def path(self, key: str | None) -> str:
        from constructs_xtap.graph.client import kind_path  # the HTTP stack loads when Graph is called

        return kind_path(self.kind, key)

    def subject(self, key: str | None) -> str:
        """How diagnostics name the object, e.g. "the default cross-tenant access configuration"."""
        return f"the {self.noun} for tenant {key}" if key else f"the {self.noun}"

    def exists_title(self, key: str | None) -> str:
        """The summary of a create that finds the object already in Graph, not in state."""
        return f"{self.opening(key)} already exists"

    def opening(self, key: str | None) -> str:
        """:meth:`subject` opening a sentence: "The default cross-tenant access configuration"."""
        subject = self.subject(key)
        return f"{subject[:1].upper()}{subject[1:]}"

    def fixed(self, key: str | None) -> dict[str, Any]:
        """State values that do not come from Graph's answer: ``id`` and the key."""
        if key is None:
            return {"id": self.kind.name}
        return {"id": key.lower(), KEY_ATTRIBUTE: key.lower()}

    def defaults(self) -> Mapping[str, Any] | None:
        """What "left out" means for this kind: its documented default, or ``None`` (inherit)."""
        return self.kind.documented_default

    def setting_fill(self) -> SettingFill | None:
        """How a JSON setting's members get their meaning before two values are compared; ``None``: as
        written ("absent = inherit")."""
        return None

    def recalculated_value(self, name: str, planned: Mapping[str, Any]) -> Any:
        """What to plan for the recalculated attribute ``name`` when a write is planned: unknown, unless
        the kind knows what Graph will answer."""
        return Unknown

    def desired(self, planned: Mapping[str, Any]) -> dict[str, Any]:
        """The body that makes Graph hold the planned configuration."""
        return desired_body(self.face(), planned, defaults=self.defaults())

    # ------------------------------------------------------------------ plan time

    def validate(self, diags: Diagnostics, type_name: str, config: Config) -> None:
        with self._boundary(diags, "validate", None):
            super().validate(diags, type_name, config)  # a problem here does not hide the ones below
            tenant_id = config.get(KEY_ATTRIBUTE) if self.keyed else None
            if isinstance(tenant_id, str) and not (is_guid(tenant_id) and tenant_id == tenant_id.lower()):
                diags.add_error(
                    "Invalid tenant_id",
                    f"tenant_id is {tenant_id!r}; it must be the partner's tenant id as a lower-case GUID, "
                    "e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47 (Graph keys partners by it).",
                    path=[KEY_ATTRIBUTE],
                )
            for attribute in self.face().json_attributes:
                self._validate_json(diags, attribute, config.get(attribute.name))
            self.validate_kind(diags, config)

    def validate_kind(self, diags: Diagnostics, config: Config) -> None:
        """The kind's own checks of a configuration (values may be ``Unknown``)."""

    @staticmethod
    def _validate_json(diags: Diagnostics, attribute: KindAttribute, raw: Any) -> None:
        if not isinstance(raw, str):
            return  # null, unknown, or not a string (Terraform's type check reports that)
        name, graph_name = attribute.name, attribute.graph_name
        try:
            value = TerraformJson().decode(raw)
        except ValueError as exc:
            diags.add_error(
                f"{name} is not valid JSON",
                f"{exc}. Set it to jsonencode({{...}}) of Graph's {graph_name} object, or leave it out.",
                path=[name],
            )
            return
        if value is not None and not isinstance(value, dict):
            diags.add_error(
                f"{name} must be a JSON object",
                f"Got {type(value).__name__}; set it to jsonencode({{...}}) of Graph's {graph_name} object.",
                path=[name],
            )
            return
        for problem in setting_problems(name, value):
            diags.add_error(problem.summary, problem.detail, path=[name])

    def plan(self, ctx: PlanContext, current: State | None, planned: State) -> State | None:
        with self._boundary(ctx.diagnostics, "plan", None):
            self._check_create_only(ctx.diagnostics, current, planned)
            self.plan_kind(ctx.diagnostics, current, planned)
            if current is not None and self.key_of(current) == self.key_of(planned):
                fill = self.setting_fill()
                keep_equal_settings(self.face(), current, planned, fill=fill)
                if self.recalculated and patch_body(
                    self.face(), current, planned, defaults=self.defaults(), fill=fill
                ):
                    for name in self.recalculated:
                        planned[name] = self.recalculated_value(name, planned)
        return planned

    def plan_kind(self, diags: Diagnostics, current: State | None, planned: State) -> None:
        """The kind's own plan checks and changes (``current`` is ``None`` never: tf plans creates alone)."""

    def _check_create_only(self, diags: Diagnostics, current: State | None, planned: State) -> None:
        """No create-only property may change on an existing object: Graph sets it only on create."""
        if current is None or self.key_of(current) != self.key_of(planned):
            return
        for attribute in self.face().attributes:
            was, wants = current.get(attribute.name), planned.get(attribute.name)
            if (
                attribute.graph_name in self.kind.create_only
                and wants is not Unknown
                and bool(was) != bool(wants)
            ):
                value = str(bool(was)).lower()
                diags.add_error(
                    f"{attribute.name} cannot change on an existing {self.kind.name}",
                    f"{self.opening(self.key_of(current))} has {attribute.name} = {value}. "
                    f"{self.create_only_reason} Set {attribute.name} = {value} again (or leave it out if "
                    f"false). To really change it, remove the {self.kind.name} in the Entra admin center, "
                    "run `terraform state rm` for this resource, and apply.",
                    path=[attribute.name],
                )

    # ------------------------------------------------------------------ lifecycle

    def create(self, ctx: CreateContext, planned: State) -> State | None:
        key = self.key_of(planned)
        # A singleton always exists: its "create" is an update in Graph, and diagnostics say so.
        action = "update" if self.kind.create == "PATCH" else "create"
        with self._boundary(ctx.diagnostics, action, key):
            client = self.provider.graph_client()
            created = self.create_in_graph(ctx.diagnostics, client, planned, key)
            if created is None:
                return None
            return self.to_state(ctx.diagnostics, created, key, planned)
        return None

    def create_in_graph(
        self, diags: Diagnostics, client: GraphClient, planned: State, key: str | None
    ) -> dict[str, Any] | None:
        """Bring the object into being; return Graph's object, or ``None`` after adding an error.

        A singleton is PATCHed. Otherwise one POST (to the kind's collection, the key in the body) or PUT
        carries what Graph documents for create; a 201 body is the object, a 204 or an unreadable 2xx body
        is read back. The settings Graph documents for update only follow in one PATCH.
        """
        if self.kind.create == "PATCH":
            client.update_object(self.path(key), self.desired(planned))
            return self.read_back(client, key, planned)
        first, later = self.create_bodies(self.desired(planned), key)
        self._sent_create_only = any(name in first for name in self.kind.create_only)
        created: dict[str, Any] | None
        try:
            created = client.create_object(self.kind.create, self.create_path(key), first)
        except GraphConflict as conflict:
            created = self.adopt_existing(diags, client, key, planned, first, conflict)
            if created is None:
                return None
        except GraphResponseError:
            created = None  # Graph said yes (2xx) but its body is unreadable: the object exists, read it
        if created is None:
            created = self.read_back(client, key, planned)
        names = tuple(a.name for a in self.face().attributes if a.graph_name in self.kind.update_only)
        if later and differing_attributes(self.face(), created, later, names=names):
            client.update_object(self.path(key), later)
            created = self.read_back(client, key, planned)
        return created

    def create_bodies(
        self, desired: Mapping[str, Any], key: str | None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """A keyed create's two bodies, from the ``desired`` body: what the POST or PUT sends, and the PATCH
        that follows it with the settings Graph documents for update only (``kind.update_only``).

        A POST goes to the kind's collection, so its body carries the key. A create-only property is sent
        only when true: ``false`` is Graph's default (``isServiceProvider``).
        """
        kind = self.kind
        first: dict[str, Any] = {str(kind.key): key} if kind.collection_path and kind.key else {}
        later: dict[str, Any] = {}
        for name, value in desired.items():
            if name in kind.update_only:
                later[name] = value
            elif name not in kind.create_only or value is True:
                first[name] = value
        return first, later

    def create_path(self, key: str | None) -> str:
        """Where a create goes: the kind's collection (POST), else the object's own path (PUT)."""
        return self.kind.collection_path or self.path(key)

    def adopt_existing(
        self,
        diags: Diagnostics,
        client: GraphClient,
        key: str | None,
        planned: State,
        body: dict[str, Any],
        conflict: GraphConflict,
    ) -> dict[str, Any] | None:
        """A create answered 409: the object exists. Equal to the configuration: our own earlier create
        whose answer was lost, adopt it. Different: with ``adopt_existing = true`` take it over (PATCH it
        to the configuration, then read back); otherwise fail with the import advice, changing nothing.
        Not readable, for a kind Graph soft-deletes (:attr:`ObjectKind.deleted_items`): one deleted moments
        ago still holds the key, so wait (:mod:`consistency`) and send ``body`` again."""
        desired = self.desired(planned)
        fill = self.setting_fill()

        def attempt() -> dict[str, Any] | None:
            try:
                existing = client.get_object(self.path(key))
            except GraphNotFound:
                if self.kind.deleted_items is None:
                    raise
                try:  # Graph still holds the key of an object deleted moments ago; create once it lets go
                    return client.create_object(self.kind.create, self.create_path(key), body)
                except GraphConflict:
                    return None
            differing = differing_attributes(self.face(), existing, desired, fill=fill)
            if differing:
                raise ObjectExists(existing, differing)
            return existing

        path = [KEY_ATTRIBUTE] if self.keyed else []
        try:
            return self.wait(
                attempt,
                what=f"Graph releasing tenant id {key} after a recent delete",
                timeout=self.provider.waits.conflict_after_delete,
            )
        except ObjectExists as exists:
            if known(planned.get(ADOPT_ATTRIBUTE)) is True:
                return self._take_over(diags, client, key, exists, planned, conflict)
            diags.add_error(
                self.exists_title(key),
                f"It exists in Graph but not in this Terraform state, and {self.differs} from this "
                f"configuration in: {', '.join(exists.differing)}. Nothing was changed.\n"
                f"{self.import_advice(key)}\n\n{facts(conflict)}",
                path=path,
            )
        except ConsistencyTimeout as timeout:
            kind = self.kind.name
            diags.add_error(
                f"Graph still reports a {self.noun} for tenant {key}",
                f"Creating it answers 409 but reading it answers 404, for {timeout.timeout:g} s: a {kind} "
                f"deleted moments ago is still being removed (Graph soft-deletes {kind}s). Run apply again "
                f"in a few minutes. If it persists, look for it under {self.kind.deleted_items} "
                f"and restore or permanently delete it.\n\n{facts(conflict)}",
                path=path,
            )
        return None

    def _take_over(
        self,
        diags: Diagnostics,
        client: GraphClient,
        key: str | None,
        exists: ObjectExists,
        planned: State,
        conflict: GraphConflict,
    ) -> dict[str, Any] | None:
        """``adopt_existing = true``: PATCH each differing attribute of the existing object to the
        configuration (whole; a JSON setting left out as ``null``, inherit). A differing create-only
        property cannot be adopted: an error, nothing changed."""
        desired = self.desired(planned)
        body: dict[str, Any] = {}
        for attribute in self.face().attributes:
            if attribute.name not in exists.differing or attribute.graph_name is None:
                continue
            if attribute.graph_name in self.kind.create_only:
                value = str(bool(graph_value(exists.existing, attribute.graph_name))).lower()
                diags.add_error(
                    f"Cannot adopt {self.subject(key)}",
                    f"It exists with {attribute.name} = {value}, which Graph sets only when a "
                    f"{self.kind.name} is created; set {attribute.name} = {value} to adopt it. Nothing was "
                    f"changed.\n\n{facts(conflict)}",
                    path=[attribute.name],
                )
                return None
            value = graph_value(desired, attribute.graph_name)
            if value is not None or attribute.type == JSON:
                put_graph_value(body, attribute.graph_name, value)
        client.update_object(self.path(key), body)
        return self.read_back(client, key, planned)

    def import_advice(self, key: str | None) -> str:
        """What to do about an object that exists in Graph but not in state (see :mod:`import_advice`)."""
        face = self.face()
        import_id = key or self.kind.name
        return import_advice(
            type_name=face.type_name,
            import_id=import_id,
            addresses=configured_addresses(import_id, type_name=face.type_name) if key else [],
            construct_resource=self.construct_resource,
            can_adopt=any(a.name == ADOPT_ATTRIBUTE for a in face.attributes),
        )

    def read(self, ctx: ReadContext, current: State) -> State | None:
        key = self.key_of(current)
        with self._boundary(ctx.diagnostics, "read", key):
            found = self.read_from_graph(self.provider.graph_client(), key)
            if found is None:
                return None  # deleted outside Terraform: drop it, the next plan creates it again
            return self.to_state(ctx.diagnostics, found, key, current)
        return current

    def read_from_graph(self, client: GraphClient, key: str | None) -> dict[str, Any] | None:
        """The object a refresh sees, ``None`` when it is gone: the listed answer when the kind is listed and
        the list answers for ``key`` (:mod:`listed_reads`), else one GET (404: gone)."""
        if self.listing is not None and key is not None:
            listed = self.provider.listed_reads.lookup(client, self.listing, key)
            if listed is Unlisted.GONE:
                return None
            if isinstance(listed, dict):
                return listed
        try:
            return client.get_object(self.path(key))
        except GraphNotFound:
            return None

    def update(self, ctx: UpdateContext, current: State, planned: State) -> State | None:
        key = self.key_of(current)
        with self._boundary(ctx.diagnostics, "update", key):
            client = self.provider.graph_client()
            body = self.update_body(current, planned)
            if body:
                client.update_object(self.path(key), body)
            found = self.read_back(client, key, planned)
            differing = differing_attributes(
                self.face(), found, self.desired(planned), fill=self.setting_fill()
            )
            if differing:
                ctx.diagnostics.add_error(
                    "Graph does not show the update yet",
                    f"After the update, Graph still answers different values for {', '.join(differing)} "
                    f"(waited {self.provider.waits.read_back:g} s). State now holds what Graph answered; run "
                    "plan again to see whether the change still needs applying.",
                    path=[differing[0]],
                )
            return self.to_state(ctx.diagnostics, found, key, planned)
        return current

    def update_body(self, current: State, planned: State) -> dict[str, Any]:
        """The PATCH body of an update: every changed attribute, complete; never a create-only property
        (a change of one is refused at plan)."""
        body = patch_body(self.face(), current, planned, defaults=self.defaults(), fill=self.setting_fill())
        for name in self.kind.create_only:
            body.pop(name, None)
        return body

    def delete(self, ctx: DeleteContext, current: State) -> State | None:
        key = self.key_of(current)
        with self._boundary(ctx.diagnostics, "delete", key):
            client = self.provider.graph_client()
            if self.kind.delete == "reset":
                client.invoke_action(self.path(key) + str(self.kind.reset_action))
            elif self.kind.delete == "restore":
                client.update_object(self.path(key), self.desired({}))
            else:
                try:
                    client.delete_object(self.path(key))
                except GraphNotFound:
                    pass  # already gone: that is what delete wants
                except (GraphBadRequest, GraphForbidden, GraphConflict) as refused:
                    advice = self.delete_refusal(refused, key, current)
                    if advice is None:
                        raise
                    ctx.diagnostics.add_error(
                        f"Graph refused to delete {self.subject(key)}",
                        f"{advice}\n\n{facts(refused)}",
                        path=[KEY_ATTRIBUTE] if self.keyed else [],
                    )
                    return current
            return None
        return current

    def delete_refusal(self, refused: GraphError, key: str | None, current: State) -> str | None:
        """What to do when Graph refuses a DELETE (400, 403, 409) for a reason of the kind's, keeping the
        state; ``None``: an error like any other."""
        return None

    def import_(self, ctx: ImportContext, id: str) -> State | None:
        key = self.import_key(ctx.diagnostics, id)
        if ctx.diagnostics.has_errors():
            return None
        with self._boundary(ctx.diagnostics, "import", key):
            try:
                found = self.provider.graph_client().get_object(self.path(key))
            except GraphNotFound as missing:
                ctx.diagnostics.add_error(
                    "Nothing to import",
                    f"Graph has no {self.noun} for tenant {key}. Check the id; to create it instead, remove "
                    f"the import and apply.\n\n{facts(missing)}",
                    path=[KEY_ATTRIBUTE] if self.keyed else [],
                )
                return None
            return self.to_state(ctx.diagnostics, found, key, {})
        return None

    def import_key(self, diags: Diagnostics, id: str) -> str | None:
        """The Graph key an import id names, after checking it (an error diagnostic when it is wrong)."""
        type_name = self.face().type_name
        if not self.keyed:
            if id.strip().lower() != self.kind.name:
                diags.add_error(
                    "Invalid import id",
                    f"{id!r} is not an id of {type_name}: there is one per tenant, imported with the id "
                    f"{self.kind.name!r}:\n  terraform import {type_name}.<name> {self.kind.name}",
                )
            return None
        tenant_id = id.strip().lower()
        if not is_guid(tenant_id):
            diags.add_error(
                "Invalid import id",
                f"{id!r} is not a tenant id. Import {type_name} by the partner's tenant id (a GUID): "
                f"terraform import {type_name}.<name> <tenant id>",
                path=[KEY_ATTRIBUTE],
            )
        return tenant_id

    # ------------------------------------------------------------------ helpers

    def read_back(self, client: GraphClient, key: str | None, planned: State) -> dict[str, Any]:
        """GET until Graph shows the planned configuration (bounded); the last answer either way."""
        desired = self.desired(planned)
        last: dict[str, Any] = {}

        def shows_it() -> dict[str, Any] | None:
            nonlocal last
            last = client.get_object(self.path(key))
            fill = self.setting_fill()
            return last if not differing_attributes(self.face(), last, desired, fill=fill) else None

        try:
            return self.wait(
                shows_it, what=f"Graph showing {self.subject(key)}", timeout=self.provider.waits.read_back
            )
        except ConsistencyTimeout:
            return last

    def wait(self, check: Callable[[], T | None], *, what: str, timeout: float) -> T:
        """Poll ``check`` with the provider's intervals until it yields a result or ``timeout`` passes."""
        waits = self.provider.waits
        return wait_until(
            check,
            what=what,
            timeout=timeout,
            first_interval=waits.first_interval,
            max_interval=waits.max_interval,
            sleep=self.provider.sleep,
        )

    def verify_answer(self, found: dict[str, Any], key: str | None) -> dict[str, Any]:
        """Graph's object as the kind reads it; raises :class:`GraphResponseError` for an answer that is
        not the object asked for (a proxy's page, a truncated body, another key): trusting one without the
        key would read every setting as "inherit" and plan to rewrite them all."""
        if self.kind.key is None or key is None:
            return found
        answered = found.get(self.kind.key)
        if not isinstance(answered, str) or answered.lower() != key.lower():
            raise GraphResponseError(
                f"Graph answered with {self.kind.key} {answered!r} when asked for {self.kind.name} {key!r}"
            )
        return found

    def to_state(
        self, diags: Diagnostics, found: dict[str, Any], key: str | None, prior: Mapping[str, Any]
    ) -> State:
        found = self.verify_answer(found, key)
        for where in unknown_enum_paths(self.face(), found):
            diags.add_warning(
                "Graph returned unknownFutureValue",
                f"{where} is 'unknownFutureValue': Graph holds a value newer than the v1.0 API can show. It "
                "is kept in state as returned; the plan shows it as a difference, and applying sets the "
                "configured value.",
                path=[where.split(".", 1)[0].split("[", 1)[0]],
            )
        return state_from_graph(
            self.face(),
            found,
            prior=prior,
            fixed=self.fixed(key),
            defaults=self.defaults(),
            fill=self.setting_fill(),
        )

    def diagnostic(self, error: BaseException, action: str, key: str | None) -> GraphDiagnostic:
        """The diagnostic for an exception raised while doing ``action``."""
        return diagnose(
            error,
            action=action,
            tenant_id=key,
            sent_service_provider=action == "create" and self._sent_create_only,
            subject=self.subject(key),
            noun=self.noun,
            path=[KEY_ATTRIBUTE] if self.keyed else [],
            permission=PERMISSION,
            parent=self.kind.parent,
        )

    @contextmanager
    def _boundary(self, diags: Diagnostics, action: str, key: str | None) -> Iterator[None]:
        """Turn any exception into a diagnostic: Terraform must never see a Python traceback.

        Before an action that changes Graph, or an import, later reads of ``key`` in this process are told
        to ask Graph rather than a list taken before it (:meth:`ListedReads.forget`).
        """
        if key is not None and action not in _READ_ONLY_ACTIONS:
            self.provider.listed_reads.forget(key)
        try:
            yield
        except Exception as error:  # the resource boundary: nothing may escape to tf's gRPC layer
            found = self.diagnostic(error, action, key)
            diags.add_error(found.summary, found.detail, path=found.path or None)
