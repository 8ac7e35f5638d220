"""``LocalGraph``: a faithful HTTPS stand-in for the Graph cross-tenant access policy endpoints (partners,
identity synchronization, default configuration, policy), the tenant lookups and the Entra token endpoint,
hosting any number of tenants.

Start it in-process (``with LocalGraph() as graph:``), as a pytest fixture (``local_graph``) or in the
foreground (``xtap local-graph``). Everything is documented Graph behaviour (graph-api.md) except the
choices below, which public documentation does not settle.

Assumptions (undocumented behaviour, graph-api.md §3.3 and §6):

1. A missing partner on GET, PATCH or DELETE is ``404 Request_ResourceNotFound`` "Resource '<id>' does
   not exist or one of its queried reference-property objects are not present." (§3.3 item 8), naming the
   path's id lower-cased. A path id that is not a GUID is simply not found.
2. PATCH of ``tenantId`` or ``isServiceProvider`` (not in the update table, §1.4) is
   ``400 Request_BadRequest``; writing the server-managed ``isInMultiTenantOrganization`` on POST or PATCH
   is 400 too.
3. DELETE of a partner with ``isServiceProvider: true`` (documented as impossible, R8), or of one that
   still has an ``identitySynchronization`` policy (documented as impossible until the policy is deleted,
   §1.5, R7), is ``400 Request_BadRequest`` with a message saying which and, for the policy, what to
   delete first; the partner stays.
4. An invalid enum value (``accessType``, ``targetType``, ``devices.mode``), a JSON type mismatch, a
   missing ``tenantId`` or a ``tenantId`` that is not a GUID on POST is ``400 Request_BadRequest`` naming
   the property. ``unknownFutureValue`` is not accepted from clients (Graph's sentinel for values it may
   send). Target GUID format and keyword/targetType pairing are not checked (no documented server rule).
5. Unknown or mis-cased property names anywhere in the body are ``400 Request_BadRequest "Invalid
   property '<name>'"`` (R22, observed); ``@odata.*`` annotations that SDKs send are ignored.
6. The answered partner is the union of the documented shapes: every v1.0 property
   (``isServiceProvider: null``, ``isInMultiTenantOrganization: false``, settings ``null``,
   ``automaticUserConsentSettings`` as a pair with ``null`` members) plus the undocumented
   ``crossCloudMeetingConfiguration`` pair seen in the real POST response (vector
   create_partner_minimal_entra), which is also accepted on input. Settings are stored and echoed as sent
   (a B2B setting with only ``usersAndGroups`` comes back without ``applications``, as in
   create_partner_v1); an inbound/outbound pair is always answered with both members.
7. ``/beta`` serves the same objects and shapes as ``/v1.0`` (no soft delete, no beta-only properties), the
   tenant lookups included (documented for v1.0 only).
8. ``$select`` is honoured on list and get (partner and identitySynchronization); ``$expand`` is honoured
   on partner list and get, where ``identitySynchronization`` is the only name (any other is ``400
   BadRequest "Could not find a property named ..."``, as for ``$select``). An expanded partner always
   carries ``identitySynchronization``, whatever ``$select`` says, and ``null`` when it has no policy
   (OData's form for an empty single-valued navigation; the vector shows only a partner with one).
   Without ``$expand`` it is never answered (a navigation property, §1.3). Other query options are
   ignored, ``$top`` and ``$skip`` included; the list is paged (item 15).
9. A bad or empty JSON payload is ``400 BadRequest`` with Graph's usual message; an unknown path segment
   is ``400 BadRequest "Resource not found for the segment '<segment>'."``; other methods ``405``. Routes
   are generated from the object kinds (graph_routes.py) and served by one handler (kind_api.py); path
   segments match case-insensitively and percent-escapes (``%27`` for the lookups' quotes) are decoded.
10. Tokens: an unknown tenant is ``400 invalid_request AADSTS90002``; an unknown client
    ``400 unauthorized_client AADSTS700016``; a wrong secret ``401 invalid_client AADSTS7000215``; a
    client assertion signed by an unregistered certificate or failing verification
    ``401 invalid_client AADSTS700027``; a scope without ``/.default`` ``400 invalid_scope AADSTS1002012``.
    Access tokens are JWTs (HS256 with a key that lives only in this process, so tokens die with a
    restart) carrying the client's app roles; missing, revoked or expired tokens are
    ``401 InvalidAuthenticationToken``.
11. Reads need ``Policy.Read.All`` or ``Policy.ReadWrite.CrossTenantAccess``; writes need the latter (the
    default's resetToSystemDefault included); the tenant lookups need ``CrossTenantInformation.ReadBasic.All``
    (neither policy role is enough); otherwise ``403 Authorization_RequestDenied``. The token is checked
    before routing and the body. The preregistered app holds the write and the lookup roles (the pytest
    plugin's shared server: the write role only).
12. Faults match the method (any when omitted) and a case-insensitive path prefix, first queued first;
    a fault with only ``delay`` delays the real answer. ``/_xtap`` requests are never faulted or logged.
    A request closed by ``reset``/``commit_then_reset`` is logged with ``status: null``.
13. The state file keeps every tenant's objects (registered tenants, partners, identity synchronization
    policies, a changed default and policy) and the home tenant and client ids across restarts, never the
    client secret (a new one is made at each start) nor tokens. A file of format 1 (partners only) is read
    as the home tenant's.
14. ``identitySynchronization`` (§1.8, §2.12): every method on a partner that does not exist is the
    partner's ``404 Request_ResourceNotFound`` (item 1). A partner without a policy answers GET, PATCH and
    DELETE with ``404 Directory_ObjectNotFound "Unable to read the company information from the
    directory."`` (the documented code and message of PATCH; status and its use for GET and DELETE
    assumed). PUT and PATCH bodies are checked like a partner's (items 4 and 5: only ``displayName`` and
    ``userSyncInbound {isSyncAllowed}``; beta's ``groupSyncInbound`` is not served, item 7); the read-only
    ``tenantId`` may be sent only as the path's own id (SDKs echo it), otherwise 400. A PUT without
    ``displayName`` or ``userSyncInbound`` stores ``null``; ``userSyncInbound`` is always answered with
    its ``isSyncAllowed`` member. The second PUT's 409 carries the documented ``details`` and the usual
    ``innerError`` (which the documented excerpt elides).
15. ``GET .../partners`` is paged (§1.1 documents no paging, §6.4 leaves it open; Graph is publicly
    reported to page this list and to ignore ``$top``/``$skip`` on it): at most ``page_size`` partners
    per page (default 100, Graph's usual directory page size; ``xtap local-graph --page-size N``,
    ``LocalGraph(page_size=N)``, the ``local_graph_page_size`` fixture), in creation order, each page but
    the last carrying ``@odata.nextLink``: the absolute collection URL with the request's own query
    options (``$select``/``$expand`` so apply to every page) and an opaque ``$skiptoken``. A token is
    honoured only by the run that issued it, only until a reset and only in the tenant whose list it
    pages; anything else as ``$skiptoken`` (forged, garbled, empty, repeated, stale, another tenant's) is
    ``400 Directory_ExpiredPageToken "The specified page token value has expired and can no longer be
    included in your request."``, the answer Graph is publicly reported to give for directory page tokens
    it no longer honours. A partner deleted between
    pages is simply not served; one created between pages comes on a later page.
16. Tenants: the home tenant (its id made at the first start, displayName ``xtap local Graph``,
    defaultDomainName ``xtaplocal.onmicrosoft.com``) is registered at start; ``POST /_xtap/tenants`` or
    ``register_tenant`` registers more (400 for a missing, empty or unknown member or a non-GUID tenantId;
    409 for a tenant id or default domain name already registered). ``reset()`` forgets every tenant but
    home. The token endpoint and discovery accept a registered tenant's id or default domain name (else
    AADSTS90002, item 10); the preregistered app is consented in every registered tenant, as a multi-tenant
    app is, other registered apps only in home (elsewhere ``400 unauthorized_client AADSTS700016``). A token
    carries its tenant in ``tid`` (and ``iss``) and every Graph call acts on that tenant's objects only; a
    token for a tenant no longer hosted is ``401 InvalidAuthenticationToken``.
17. Tenant lookups answer every registered tenant, whichever tenant asks; ``federationBrandName`` is always
    ``null``; the domain name matches the ``defaultDomainName`` only, case-insensitively. An unknown tenant
    id or domain is ``404 Request_ResourceNotFound "No tenant was found with tenant id|domain name
    '<value>'."`` (undocumented).
18. Default configuration: answered as the service default (kind_rules.py) until a PATCH, which
    replaces each sent top-level property wholesale and sets ``isServiceDefault: false``; ``null`` puts that
    property back to its service default; resetToSystemDefault (204, even if unchanged) brings the service
    default back. ``automaticUserConsentSettings`` (R17), ``isServiceDefault`` and ``id`` are read-only:
    ``400 Request_BadRequest "Property '<name>' is read-only and cannot be updated in the default
    configuration."``. Values are checked like a partner's (items 4, 5); identity providers against the
    documented b2bIdentityProvidersType values for each member. R18 is enforced as: an
    ``invitationRedemptionIdentityProviderConfiguration`` without a ``fallbackIdentityProvider`` is 400.
    R11 (no users or groups in inbound defaults) is an admin-center rule and is not enforced, like R9/R10.
    ``id`` is not answered (the documented examples show none); ``$select`` is honoured.
19. Policy: answered as vector get_policy_v1 shows it (``@odata.type``, ``displayName``
    ``CrossTenantAccessPolicy``, ``definition``), without the documentation's ``value`` wrapper, plus
    ``allowedCloudEndpoints: []``. PATCH accepts ``displayName`` (a string) and ``allowedCloudEndpoints``
    (an array of the R19 values), neither null; any other name is ``Invalid property``; a policy that would
    exceed 25 KB as compact JSON is ``400 Request_BadRequest`` (R20, documented status).
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any

from requests import Session

from constructs_xtap.local_graph.access_tokens import AccessTokens
from constructs_xtap.local_graph.certificates import server_context
from constructs_xtap.local_graph.client_registry import TENANT_INFORMATION_ROLE, WRITE_ROLE, ClientRegistry
from constructs_xtap.local_graph.collection_pages import DEFAULT_PAGE_SIZE, CollectionPages
from constructs_xtap.local_graph.control_api import ControlApi
from constructs_xtap.local_graph.fault_queue import FaultQueue, parse_faults
from constructs_xtap.local_graph.graph_api import GraphApi
from constructs_xtap.local_graph.kind_api import KindApi
from constructs_xtap.local_graph.kind_store import KindStore
from constructs_xtap.local_graph.object_store import ObjectStore
from constructs_xtap.local_graph.request_handler import LocalGraphHTTPServer
from constructs_xtap.local_graph.request_log import RequestLog
from constructs_xtap.local_graph.tenant_registry import (
    REGISTRATION_FIELDS,
    TenantRegistry,
    check_registration,
)
from constructs_xtap.local_graph.token_endpoint import TokenEndpoint
from constructs_xtap.wire import DEFAULT, IDENTITY_SYNCHRONIZATION, PARTNER, POLICY, ObjectKind
from constructs_xtap.wire.graph_properties import TENANT_ID
from constructs_xtap.wire.object_kinds import TENANT_INFORMATION

HOST = "127.0.0.1"
#: The app roles of the preregistered app (the client id and secret ``xtap local-graph`` prints): every
#: cross-tenant access policy call, and the tenant lookups.
APP_ROLES: tuple[str, ...] = (WRITE_ROLE, TENANT_INFORMATION_ROLE)
#: The home tenant's tenantInformation (the tenant id is made at the first start) [assumption 16].
HOME_DISPLAY_NAME = "xtap local Graph"
HOME_DOMAIN_NAME = "xtaplocal.onmicrosoft.com"


class LocalGraph:
    """The local Graph and Entra authority on ``https://127.0.0.1:<port>``, in a background thread."""

    # Set by start(): they need the bound port.
    tokens: AccessTokens
    token_endpoint: TokenEndpoint
    graph_api: GraphApi
    control: ControlApi

    def __init__(
        self,
        port: int = 0,
        state_file: str | Path | None = None,
        *,
        token_lifetime: int = 3599,
        page_size: int = DEFAULT_PAGE_SIZE,
        app_roles: tuple[str, ...] = APP_ROLES,
    ) -> None:
        """``page_size``: partners per page of ``GET .../partners`` (at least 1, else ``ValueError``);
        ``reset()`` comes back to it. ``app_roles``: the roles the preregistered app's tokens carry."""
        self.pages = CollectionPages(page_size)
        self._initial_page_size = page_size
        # Absolute: the CA bundle path next to it is handed to providers, which run in another directory.
        self._state_file = Path(state_file).resolve() if state_file is not None else None
        self.objects = ObjectStore(self._state_file)
        meta = self.objects.meta
        # The state file names the home tenant as Graph names a tenant id.
        self.tenant_id: str = meta.setdefault(TENANT_ID.name, str(uuid.uuid4()))
        self.client_id: str = meta.setdefault("clientId", str(uuid.uuid4()))
        self.client_secret: str = f"xtap-local~{uuid.uuid4().hex}"
        self.tenants = TenantRegistry(self.objects)
        if self.tenants.get(self.tenant_id) is None:
            self.tenants.register(check_registration(self._home_registration()))
        #: The home tenant's partners (``graph.store.delete(tenant_id)`` removes one behind a client's back).
        self.store = KindStore(self.objects, self.tenant_id)
        self.clients = ClientRegistry()
        #: Register (or replace) an app in the local tenant with a secret and/or certificate and app roles
        #: (``register_client(client_id, *, secret=None, certificate_pem=None, roles=(WRITE_ROLE,))``).
        self.register_client = self.clients.register
        self.clients.register(self.client_id, secret=self.client_secret, roles=app_roles)
        self.faults = FaultQueue()
        self.log = RequestLog()
        self._requested_port = port
        self._token_lifetime = token_lifetime
        self._temp_dir: str | None = None
        self._server: LocalGraphHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.ca_path = ""
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------------------
    def start(self) -> LocalGraph:
        """Bind, write the CA certificate and serve in a daemon thread."""
        if self._server is not None:
            return self
        if self._state_file is not None:
            ca_path = self._state_file.with_name(self._state_file.stem + ".ca.pem")
        else:
            self._temp_dir = tempfile.mkdtemp(prefix="xtap-local-graph-")
            ca_path = Path(self._temp_dir) / "ca.pem"
        context = server_context(ca_path)
        self.ca_path = str(ca_path)
        server = LocalGraphHTTPServer((HOST, self._requested_port), self)
        # The handshake runs in each connection's thread, not in the accept loop.
        server.socket = context.wrap_socket(server.socket, server_side=True, do_handshake_on_connect=False)
        self.port = server.server_address[1]
        self.tokens = AccessTokens(
            self.tenant_id,
            audience=self.graph_endpoint,
            issuer=f"{self.authority_host}/{self.tenant_id}/v2.0",
            lifetime=self._token_lifetime,
        )
        self.token_endpoint = TokenEndpoint(
            self.authority_host, self.tenant_id, self.clients, self.tokens, self.tenants, self.client_id
        )
        kinds = KindApi(self.objects, self.tenants, self.graph_endpoint, self.pages)
        self.graph_api = GraphApi(self.tenants, self.tokens, kinds)
        self.control = ControlApi(self.store, self.tenants, self.faults, self.log, self.tokens, self.reset)
        self.objects.save()  # the state file holds the tenant and client ids from the first start
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, name="xtap-local-graph", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and remove the temporary CA directory."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._temp_dir is not None:
            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def __enter__(self) -> LocalGraph:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- where it is ---------------------------------------------------------------------------------------
    @property
    def graph_endpoint(self) -> str:
        """Graph root: the API is under ``/v1.0`` and ``/beta``."""
        return f"https://{HOST}:{self.port}"

    @property
    def authority_host(self) -> str:
        """Entra authority host: token at ``{authority_host}/{tenant}/oauth2/v2.0/token``."""
        return f"https://{HOST}:{self.port}"

    @property
    def authority(self) -> str:
        """The authority URL for MSAL: ``{authority_host}/{tenant_id}``."""
        return f"{self.authority_host}/{self.tenant_id}"

    def env(self) -> dict[str, str]:
        """The environment that points the provider (and any Azure SDK client) at this local Graph."""
        return {
            "AZURE_TENANT_ID": self.tenant_id,
            "AZURE_CLIENT_ID": self.client_id,
            "AZURE_CLIENT_SECRET": self.client_secret,
            "AZURE_AUTHORITY_HOST": self.authority_host,
            "XTAP_GRAPH_ENDPOINT": self.graph_endpoint,
            "XTAP_CA_BUNDLE": self.ca_path,
        }

    @property
    def page_size(self) -> int:
        """Partners per page of ``GET .../partners``; settable (at least 1, else ``ValueError``) while
        running, until the next ``reset()``."""
        return self.pages.page_size

    @page_size.setter
    def page_size(self, value: int) -> None:
        self.pages.page_size = value

    def session(self) -> Session:
        """A ``requests.Session`` trusting this Graph's CA (and ignoring the machine's REQUESTS_CA_BUNDLE)."""
        session = Session()
        session.trust_env = False
        session.verify = self.ca_path
        return session

    # -- test helpers ------------------------------------------------------------------------------------
    def issue_token(
        self, client_id: str | None = None, *, lifetime: int | None = None, tenant_id: str | None = None
    ) -> str:
        """Return an access token for a registered client (default: the preregistered one) without HTTP,
        for ``tenant_id`` (default: the home tenant; any registered tenant for the preregistered app, as the
        token endpoint would; ``KeyError`` otherwise)."""
        client = self.clients.get(client_id or self.client_id)
        if client is None:
            raise KeyError(f"client {client_id!r} is not registered; call register_client first")
        tenant = self._tenant(tenant_id)
        if tenant != self.tenant_id.lower() and client.client_id.lower() != self.client_id.lower():
            raise KeyError(f"client {client_id!r} is consented only in the home tenant {self.tenant_id}")
        return self.tokens.issue(client, lifetime, tenant_id=tenant).access_token

    def issued_tokens(self) -> list[str]:
        """Every access token issued since start, over HTTP or not (for leak scans)."""
        return self.tokens.issued_tokens()

    def revoke_tokens(self) -> None:
        """Make every token issued so far answer 401 (as ``POST /_xtap/tokens/revoke``)."""
        self.tokens.revoke_all()

    # -- tenants -------------------------------------------------------------------------------------------
    def _home_registration(self) -> dict[str, str]:
        return dict(
            zip(REGISTRATION_FIELDS, (self.tenant_id, HOME_DISPLAY_NAME, HOME_DOMAIN_NAME), strict=True)
        )

    def _tenant(self, tenant_id: str | None) -> str:
        """The registered tenant id ``tenant_id`` names (default: home); ``KeyError`` if not registered."""
        if tenant_id is None:
            return self.tenant_id.lower()
        found = self.tenants.get(tenant_id)
        if found is None:
            raise KeyError(f"tenant {tenant_id!r} is not registered; call register_tenant first")
        return str(found[TENANT_ID.name])

    def register_tenant(self, tenant_id: str, display_name: str, default_domain_name: str) -> dict[str, Any]:
        """Host another tenant (as ``POST /_xtap/tenants``): the lookups find it, it has its own policy,
        default and partners, and the preregistered app gets tokens for it. Returns its tenantInformation;
        ``ValueError`` (``TenantRegistrationError``) for a non-GUID id, an empty name or a taken id or
        domain."""
        body = dict(zip(REGISTRATION_FIELDS, (tenant_id, display_name, default_domain_name), strict=True))
        return self.tenants.register(check_registration(body))

    def hosted_tenants(self) -> list[dict[str, Any]]:
        """Every registered tenant's tenantInformation, the home tenant first (as ``GET /_xtap/tenants``)."""
        return self.tenants.list()

    # -- objects -------------------------------------------------------------------------------------------
    def objects_of(self, kind: ObjectKind, tenant_id: str | None = None) -> dict[str, dict[str, Any]]:
        """Any kind's objects of the home tenant (or ``tenant_id``) for direct inspection: ``{key: stored
        object}`` (copies; keys lower-cased), or for a singleton ``{"": the object as GET answers it}`` (its
        documented default until changed). The methods below are this for one kind each."""
        store = KindStore(self.objects, self._tenant(tenant_id), kind)
        return store.snapshot() if kind.key is not None else {"": store.get()}

    def partners(self, tenant_id: str | None = None) -> dict[str, dict[str, Any]]:
        """``{tenantId: stored partner}`` of the home tenant (or ``tenant_id``) for direct inspection."""
        return self.objects_of(PARTNER, tenant_id)

    def put_partner(self, partner: dict[str, Any], tenant_id: str | None = None) -> None:
        """Store a partner directly, unchecked (a change made "in the portal", or a documented object);
        an ``identitySynchronization`` member becomes its policy (``None`` removes the policy)."""
        KindStore(self.objects, self._tenant(tenant_id)).put(partner)

    def identity_synchronizations(self, tenant_id: str | None = None) -> dict[str, dict[str, Any]]:
        """``{tenantId: stored identitySynchronization policy}`` for direct inspection."""
        return self.objects_of(IDENTITY_SYNCHRONIZATION, tenant_id)

    def default_configuration(self, tenant_id: str | None = None) -> dict[str, Any]:
        """The default configuration as GET answers it (the service default until changed)."""
        return self.objects_of(DEFAULT, tenant_id)[""]

    def cross_tenant_access_policy(self, tenant_id: str | None = None) -> dict[str, Any]:
        """The cross-tenant access policy as GET answers it (the documented one until changed)."""
        return self.objects_of(POLICY, tenant_id)[""]

    def requests(self) -> list[dict[str, Any]]:
        """The requests served so far: ``[{"method", "path", "status"}]`` (``/_xtap`` excluded)."""
        return self.log.entries()

    def add_faults(self, faults: list[dict[str, Any]]) -> None:
        """Queue faults, same format as ``POST /_xtap/faults``'s ``faults`` list."""
        self.faults.add(parse_faults({"faults": faults}))

    def clear_faults(self) -> None:
        """Drop every queued fault."""
        self.faults.clear()

    def reset(self) -> None:
        """Clear every tenant's objects (partners, identity synchronization policies, default, policy) and
        every registered tenant but home, faults and the request log; expire every page token and come back
        to the page size given at construction."""
        home = self.tenant_id.lower()
        self.objects.clear(lambda tenant, kind, key: tenant == home and kind == TENANT_INFORMATION.name)
        self.faults.clear()
        self.log.clear()
        self.pages.expire_all()
        self.pages.page_size = self._initial_page_size
