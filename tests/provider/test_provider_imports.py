"""A provider process that only answers schema and validation calls (Terraform starts one for each) never
loads the Graph client's HTTP stack, nor PyJWT or cryptography; configuring loads the client."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("requests", "urllib3", "msal", "jwt", "cryptography", "constructs_xtap.graph.client")


def test_building_the_provider_and_its_schema_loads_no_graph_client() -> None:
    program = (
        "import sys\nfrom tf.utils import Diagnostics\n"
        "from constructs_xtap.provider.provider import XtapProvider\n"
        "provider = XtapProvider(environ={})\n"
        "provider.get_provider_schema(Diagnostics())\n"
        "for resource in provider.get_resources(): resource.get_schema()\n"
        "for source in provider.get_data_sources(): source.get_schema()\n"
        f"loaded = sorted(set({HEAVY!r}) & set(sys.modules))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", program], check=True)
