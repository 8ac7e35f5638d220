"""Microsoft's national clouds: where Graph and the token authority live in each (graph-api.md §4.2)."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType


@dataclass(frozen=True)
class Cloud:
    """The Graph service root and the Entra authority host of one cloud."""

    name: str
    graph_endpoint: str
    authority_host: str


CLOUDS: MappingProxyType[str, Cloud] = MappingProxyType(
    {
        "global": Cloud("global", "https://graph.microsoft.com", "https://login.microsoftonline.com"),
        "usgov": Cloud("usgov", "https://graph.microsoft.us", "https://login.microsoftonline.us"),
        "dod": Cloud("dod", "https://dod-graph.microsoft.us", "https://login.microsoftonline.us"),
        "china": Cloud("china", "https://microsoftgraph.chinacloudapi.cn", "https://login.chinacloudapi.cn"),
    }
)

# Names pipelines already use for the same clouds (ARM_ENVIRONMENT of the azurerm/azuread providers).
CLOUD_ALIASES: MappingProxyType[str, str] = MappingProxyType(
    {
        "public": "global",
        "azurepublic": "global",
        "azurecloud": "global",
        "usgovernment": "usgov",
        "usgovernmentl4": "usgov",
        "azureusgovernment": "usgov",
        "usgovernmentl5": "dod",
        "azurechina": "china",
        "azurechinacloud": "china",
    }
)


def find_cloud(name: str) -> Cloud | None:
    """The cloud called ``name`` (case-insensitive, ARM_ENVIRONMENT aliases accepted), or ``None``."""
    key = name.strip().lower()
    return CLOUDS.get(CLOUD_ALIASES.get(key, key))
