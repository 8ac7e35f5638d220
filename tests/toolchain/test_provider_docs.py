"""The provider docs generator places every schema attribute where the Terraform registry layout puts it
and refuses schemas it cannot show (the drift check itself is in tests/e2e/test_plain_terraform.py)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

from constructs_xtap.toolchain.provider_docs import (
    INDEX_PAGE,
    PROVIDER_EXAMPLE,
    RESOURCE_EXAMPLE,
    RESOURCE_PAGE,
    render_provider_docs,
    stale_pages,
    write_pages,
)

SCHEMA: dict[str, Any] = {
    "provider": {
        "block": {
            "description": "The provider.",
            "attributes": {
                "secret": {"type": "string", "description": "A secret.", "optional": True, "sensitive": True},
                "retries": {"type": "number", "description": "How often.", "optional": True},
            },
        }
    },
    "resource_schemas": {
        "xtap_partner_configuration": {
            "block": {
                "description": "One partner.",
                "attributes": {
                    "id": {"type": "string", "description": "The key.", "computed": True},
                    "tenant_id": {"type": "string", "description": "The tenant.", "required": True},
                    "flag": {"type": "bool", "description": "A flag.", "optional": True, "computed": True},
                    "tags": {"type": ["list", "string"], "description": "Some tags.", "optional": True},
                },
            }
        }
    },
}


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    for example, text in ((PROVIDER_EXAMPLE, 'provider "xtap" {}\n'), (RESOURCE_EXAMPLE, "locals {}\n")):
        (tmp_path / example).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / example).write_text(text)
    return tmp_path


def section(page: str, heading: str) -> str:
    """The text under ``heading`` up to the next heading of the same or a higher level."""
    level = heading.split(" ")[0]
    after = page.split(f"\n{heading}\n", 1)[1]
    stops = [i for i in (after.find(f"\n{'#' * n} ") for n in range(1, len(level) + 1)) if i >= 0]
    return after[: min(stops)] if stops else after


def test_resource_arguments_and_attributes_sit_under_the_registry_headings(docs_dir: Path) -> None:
    page = render_provider_docs(SCHEMA, docs_dir)[RESOURCE_PAGE]

    arguments = section(page, "## Argument Reference")
    assert section(arguments, "### Required").strip() == "- `tenant_id` (String) The tenant."
    assert section(arguments, "### Optional").strip().splitlines() == [
        "- `flag` (Boolean, Computed if not set) A flag.",
        "- `tags` (List of String) Some tags.",
    ]
    assert "`id`" not in arguments
    assert "- `id` (String) The key." in section(page, "## Attribute Reference")
    assert "terraform import xtap_partner_configuration.partner" in section(page, "## Import")
    assert "```terraform\nlocals {}\n```" in section(page, "## Example Usage")


def test_provider_page_marks_sensitive_arguments_and_embeds_the_provider_example(docs_dir: Path) -> None:
    page = render_provider_docs(SCHEMA, docs_dir)[INDEX_PAGE]

    assert page.startswith('---\npage_title: "xtap Provider"\n')
    assert section(page, "### Optional").strip().splitlines() == [
        "- `retries` (Number) How often.",
        "- `secret` (String, Sensitive) A secret.",
    ]
    assert '```terraform\nprovider "xtap" {}\n```' in page


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        pytest.param(
            lambda s: s["resource_schemas"]["xtap_partner_configuration"]["block"].update(
                block_types={"timeouts": {}}
            ),
            "nested blocks",
            id="nested-block",
        ),
        pytest.param(
            lambda s: s["resource_schemas"].update(xtap_other={"block": {}}),
            "xtap_other",
            id="second-resource",
        ),
        pytest.param(
            lambda s: s["provider"]["block"]["attributes"]["retries"].update(description=""),
            "'retries' has no description",
            id="undescribed-attribute",
        ),
        pytest.param(
            lambda s: s.update(data_source_schemas={"xtap_x": {}}), "xtap_x", id="undescribed-data-source"
        ),
    ],
)
def test_a_schema_the_pages_cannot_show_is_refused(docs_dir: Path, change: Any, complaint: str) -> None:
    schema = copy.deepcopy(SCHEMA)
    change(schema)

    with pytest.raises(ValueError, match=complaint):
        render_provider_docs(schema, docs_dir)


def test_stale_pages_names_missing_and_changed_pages_only(docs_dir: Path) -> None:
    pages = render_provider_docs(SCHEMA, docs_dir)
    assert stale_pages(docs_dir, pages) == [INDEX_PAGE, RESOURCE_PAGE]

    write_pages(docs_dir, pages)
    assert stale_pages(docs_dir, pages) == []

    (docs_dir / RESOURCE_PAGE).write_text(pages[RESOURCE_PAGE].replace("The tenant.", "Old text."))
    assert stale_pages(docs_dir, pages) == [RESOURCE_PAGE]


def test_a_described_data_source_gets_its_own_page_with_arguments_and_attributes(docs_dir: Path) -> None:
    schema = copy.deepcopy(SCHEMA)
    schema["data_source_schemas"] = {
        "xtap_tenant_information": {
            "block": {
                "description": "Looks a tenant up.",
                "attributes": {
                    "domain_name": {"type": "string", "description": "A domain.", "optional": True},
                    "display_name": {"type": "string", "description": "Its name.", "computed": True},
                },
            }
        }
    }
    page = render_provider_docs(schema, docs_dir)[Path("data-sources/tenant_information.md")]
    assert "# xtap_tenant_information (Data Source)" in page
    assert "- `domain_name` (String) A domain." in section(page, "## Argument Reference")
    assert "- `display_name` (String) Its name." in section(page, "## Attribute Reference")
    assert "## Import" not in page
