"""``xtap show``: print the effective-access picture of a synthesized stack or the live tenant."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from constructs_xtap.picture import (
    AccessPicture,
    effective_access,
    read_synthesized_stack,
    render_html_page,
    render_json_document,
    render_markdown_table,
    render_terminal_table,
)

#: ``--format`` values and their renderers (``table``: the terminal table, as wide as ``COLUMNS`` or 200).
RENDERERS: dict[str, Callable[[AccessPicture], str]] = {
    "html": render_html_page,
    "json": render_json_document,
    "markdown": render_markdown_table,
    "table": lambda picture: render_terminal_table(
        picture, width=shutil.get_terminal_size((200, 24)).columns
    ),
}


def live_picture() -> AccessPicture:
    """The picture of the tenant the provider would manage: settings and credentials from the environment
    exactly as ``provider "xtap" {}`` reads them. Raises ``SystemExit`` naming each configuration problem,
    :class:`constructs_xtap.graph.GraphError` when Graph refuses."""
    from constructs_xtap.export import read_tenant
    from constructs_xtap.graph.client import GraphClient
    from constructs_xtap.provider.provider_config import resolve_provider_config

    settings, problems = resolve_provider_config({}, os.environ)
    if settings is None:
        lines = "\n".join(f"  - {p.summary}: {p.detail}" for p in problems)
        raise SystemExit(f"xtap show --live: no usable tenant configuration in the environment:\n{lines}")
    client = GraphClient.from_settings(settings)
    try:
        objects = read_tenant(client, names_are_cosmetic=True)
    finally:
        client.close()
    return effective_access(objects, f"live: {settings.graph_endpoint}")


def synthesized_picture(stack_dir: str) -> AccessPicture:
    """The picture of ``stack_dir`` (``cdktf.out/stacks/NAME``, or its cdk.tf.json); ``SystemExit`` with
    one line naming the problem when it has no cdk.tf.json or the file is not a synthesized stack."""
    path = Path(stack_dir)
    if not path.is_file() and not (path / "cdk.tf.json").is_file():
        raise SystemExit(f"xtap show --synth: {path / 'cdk.tf.json'} not found; run `cdktf synth` first")
    try:
        objects = read_synthesized_stack(path)
    except (OSError, ValueError) as error:
        fix = "" if "cdktf synth" in str(error) else "; run `cdktf synth` again"
        raise SystemExit(f"xtap show --synth: {error}{fix}") from None
    return effective_access(objects, f"synth: {stack_dir}")


def run_show(*, synth: str | None, live: bool, output_format: str, output: str | None) -> int:
    """Render the picture of ``synth`` or the live tenant in ``output_format`` to ``output`` (a file) or
    stdout; return the exit code: 1, with the problem on stderr, when the settings or the synthesized stack
    are not usable, Graph refuses, or ``output`` cannot be written."""
    from constructs_xtap.graph.errors import GraphError

    try:
        picture = live_picture() if live else synthesized_picture(str(synth))
    except GraphError as error:
        print(f"xtap show --live: {error}", file=sys.stderr)
        return 1
    except SystemExit as stop:
        if not isinstance(stop.code, str):
            raise
        print(stop.code, file=sys.stderr)
        return 1
    if output is not None:
        try:
            Path(output).write_text(RENDERERS[output_format](picture), encoding="utf-8")
        except OSError as error:
            print(
                f"xtap show: cannot write {output}: {error.strerror or error} "
                "(create its directory first, or pick another -o)",
                file=sys.stderr,
            )
            return 1
        return 0
    if output_format == "table" and sys.stdout.isatty():
        from rich.console import Console

        from constructs_xtap.picture.terminal_table import picture_table

        Console().print(picture_table(picture))
        return 0
    sys.stdout.write(RENDERERS[output_format](picture))
    return 0
