"""The ``xtap`` command: ``local-graph``, ``env``, ``export``, ``show`` and ``plan-summary``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from constructs_xtap.wire.cdk_frameworks import CDK_FRAMEWORKS


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser of the ``xtap`` command."""
    parser = argparse.ArgumentParser(prog="xtap", description="Cross-tenant access policy as code.")
    commands = parser.add_subparsers(dest="command", required=True)

    local = commands.add_parser(
        "local-graph",
        help="run the local HTTPS Graph and token endpoint in the foreground",
        description="Run the local Graph in the foreground; print export lines that point clients at it.",
    )
    local.add_argument("--port", type=int, default=0, help="port on 127.0.0.1 (default: a free one)")
    local.add_argument("--state", default=None, help="JSON file that keeps partners across restarts")
    local.add_argument(
        "--page-size", type=int, default=None, help="partners per page of GET .../partners (default: 100)"
    )

    commands.add_parser(
        "env",
        help="print the export lines that make cdktf (or cdktn) use this package's Terraform and provider",
        description='Print export lines for `eval "$(xtap env)"`; the last line, a comment, is the PATH that '
        "puts the CDK Terrain CLI (cdktn) and its Node 22 first.",
    )

    export = commands.add_parser(
        "export",
        help="write the tenant's cross-tenant access settings as a Python cdktf stack, marked for import",
        description="Read the tenant the provider would manage (same settings and environment variables) "
        "and write a ruff-formatted module defining a TerraformStack subclass whose first deploy imports it.",
    )
    export.add_argument("--output", required=True, help="the Python file to write, e.g. exported_stack.py")
    export.add_argument(
        "--class-name", default="ExportedStack", help="the stack class's name (default: ExportedStack)"
    )
    export.add_argument(
        "--framework",
        choices=CDK_FRAMEWORKS,
        default=CDK_FRAMEWORKS[0],
        help="import TerraformStack from cdktf (default) or cdktn (CDK Terrain); the constructs are the same",
    )

    show = commands.add_parser(
        "show",
        help="print who may reach what, per partner and for the default, inheritance resolved",
        description="Print the effective cross-tenant access of a synthesized stack or the live tenant.",
    )
    source = show.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--synth", metavar="STACK_DIR", help="a synthesized stack, e.g. cdktf.out/stacks/partners"
    )
    source.add_argument(
        "--live",
        action="store_true",
        help="the tenant the provider would manage (same environment variables)",
    )
    show.add_argument("--format", choices=("table", "markdown", "json", "html"), default="table")
    show.add_argument("--output", "-o", default=None, help="write to this file instead of stdout")

    summary = commands.add_parser(
        "plan-summary",
        help="write a Terraform plan's effect on cross-tenant access as Markdown (for pull requests)",
        description="Summarize `terraform show -json PLAN` output: one line per changed setting.",
    )
    summary.add_argument("plan", help="the plan as JSON (terraform show -json PLAN > plan.json); - for stdin")
    summary.add_argument("--output", "-o", default=None, help="write to this file instead of stdout")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``xtap`` console script."""
    args = build_parser().parse_args(argv)
    if args.command == "local-graph":
        from constructs_xtap.cli.local_graph_command import run_local_graph

        return run_local_graph(port=args.port, state_file=args.state, page_size=args.page_size)
    if args.command == "export":
        from constructs_xtap.cli.export_command import run_export

        return run_export(output=args.output, class_name=args.class_name, framework=args.framework)
    if args.command == "show":
        from constructs_xtap.cli.show_command import run_show

        return run_show(synth=args.synth, live=args.live, output_format=args.format, output=args.output)
    if args.command == "plan-summary":
        from constructs_xtap.cli.plan_summary_command import run_plan_summary

        return run_plan_summary(plan_file=args.plan, output=args.output)
    from constructs_xtap.cli.env_command import run_env

    return run_env()


if __name__ == "__main__":
    sys.exit(main())
