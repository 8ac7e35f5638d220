"""Talk to the local Graph over HTTPS as any other Graph client would (msal token + requests)."""

from __future__ import annotations

from typing import Any

import msal
import requests

PARTNERS = "/v1.0/policies/crossTenantAccessPolicy/partners"


class GraphHttp:
    """A minimal, independent Graph client for assertions: no code shared with the provider."""

    def __init__(self, graph: Any) -> None:
        self.root = graph.graph_endpoint
        self.session = graph.session()  # trusts the local CA, not the machine's REQUESTS_CA_BUNDLE
        app = msal.ConfidentialClientApplication(
            graph.client_id,
            client_credential=graph.client_secret,
            authority=f"{graph.authority_host}/{graph.tenant_id}",
            instance_discovery=False,
            http_client=self.session,
        )
        token = app.acquire_token_for_client(scopes=[f"{self.root}/.default"])
        assert "access_token" in token, token
        self.session.headers["Authorization"] = f"Bearer {token['access_token']}"

    def get(self, tenant_id: str) -> requests.Response:
        return self.session.get(f"{self.root}{PARTNERS}/{tenant_id}", timeout=10)

    def patch(self, tenant_id: str, body: dict[str, Any]) -> requests.Response:
        return self.session.patch(f"{self.root}{PARTNERS}/{tenant_id}", json=body, timeout=10)
