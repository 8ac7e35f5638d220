"""What a create answered 409 ("it already exists") tells the user to do, for cdktf and plain Terraform.

cdktf prints Terraform's output with resource addresses rewritten, so an address copied from there cannot
be pasted into ``terraform import``; the cdktf way (``import_from`` on the construct's resource, or
``adopt_existing``) comes first. The plain Terraform command names the exact address when the working
directory's configuration tells it (:mod:`configured_address`), and the stack's directory when the
provider runs in one (cdktf runs Terraform in ``cdktf.out/stacks/<stack>``).
"""

from __future__ import annotations

from pathlib import Path


def stack_name(directory: Path | None = None) -> str | None:
    """The cdktf stack whose directory the provider runs in (``…/stacks/<stack>``), else ``None``."""
    here = directory or Path.cwd()
    return here.name if here.parent.name == "stacks" else None


def import_advice(
    *,
    type_name: str,
    import_id: str,
    addresses: list[str],
    construct_resource: str,
    can_adopt: bool,
    directory: Path | None = None,
) -> str:
    """The advice: ``construct_resource`` names the construct's resource in a cdktf app
    (``partner.resource``); ``can_adopt`` whether the resource has ``adopt_existing``."""
    stack = stack_name(directory)
    address = addresses[0] if len(addresses) == 1 else f"{type_name}.<name>"
    lines = [
        "To manage it with this configuration, bring it into this Terraform state and deploy again:",
        f'* cdktf: call {construct_resource}.import_from("{import_id}") in the stack, then run '
        + (f"`cdktf deploy {stack}`" if stack else "`cdktf deploy`")
        + " again; the plan shows how it differs from the configuration, and apply makes it so.",
    ]
    if can_adopt:
        lines.append(
            "* Or, when another process manages it (a multitenant organization, for one) and this "
            "configuration is to take it over: set adopt_existing=True (plain Terraform: adopt_existing = "
            "true) and deploy again."
        )
    where = f"cdktf.out/stacks/{stack}" if stack else "cdktf.out/stacks/<stack> with cdktf"
    lines.append(
        "* Plain Terraform (cdktf rewrites addresses in what it prints, so take the address from here, not "
        f"from cdktf's output), in {where}:\n  terraform import {address} {import_id}"
    )
    if len(addresses) != 1:
        lines.append(
            "  where <name> is this resource's name in the configuration (Terraform does not tell the "
            f'provider which resource is being created; cdk.tf.json lists it under "resource" > '
            f'"{type_name}"), or add an import block:\n'
            f'  import {{\n    to = {type_name}.<name>\n    id = "{import_id}"\n  }}'
        )
    return "\n".join(lines)
