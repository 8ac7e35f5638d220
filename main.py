"""The cdktf app: composes the stacks in stacks/ and synthesizes them (``cdktf synth`` runs this file)."""

import sys

from cdktf import App

from constructs_xtap import XtapValidationError
from stacks import PartnersStack, TenantStack


def main() -> None:
    app = App()
    PartnersStack(app)
    TenantStack(app)
    app.synth()


if __name__ == "__main__":
    try:
        main()
    except XtapValidationError as error:
        sys.exit(str(error))  # the list of problems, each with its fix; a traceback would only hide it
