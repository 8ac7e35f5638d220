"""The fleet's cdktf app: one ``FleetStack`` per tenant of the fleet file.

Point cdktf.json's ``app`` at ``python -m stacks.fleet_app``. ``XTAP_FLEET_FILE``: the fleet's data file
(default: stacks/tenants.json). ``XTAP_FLEET_STATE``: a credential-free ``postgres://host/database`` URL
for the ``pg`` backend (default: local state files). ``cdktf deploy '*' --parallelism 4`` deploys the fleet.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cdktf import App

from constructs_xtap import XtapValidationError
from stacks.fleet import FLEET_FILE, FLEET_FILE_ENV, Fleet
from stacks.fleet_stack import FleetStack


def synth_fleet(app: App, fleet: Fleet, state_conn_str: str | None) -> list[FleetStack]:
    """Add one ``FleetStack`` per tenant of ``fleet`` to ``app``."""
    return [FleetStack(app, fleet, tenant, state_conn_str=state_conn_str) for tenant in fleet.tenants]


def main() -> None:
    """Synthesize the fleet the environment names."""
    fleet = Fleet.load(Path(os.environ.get(FLEET_FILE_ENV) or FLEET_FILE))
    app = App()
    synth_fleet(app, fleet, os.environ.get("XTAP_FLEET_STATE") or None)
    app.synth()


if __name__ == "__main__":
    try:
        main()
    except (XtapValidationError, ValueError) as error:
        sys.exit(str(error))
