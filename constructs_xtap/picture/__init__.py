"""The effective-access picture: what applies to each partner and the default, computed from Graph-shaped
objects (a synthesized stack, the live tenant, a Terraform plan), and its renderers."""

from constructs_xtap.picture.access_cell import AccessCell
from constructs_xtap.picture.access_picture import PICTURE_FORMAT, AccessPicture
from constructs_xtap.picture.effective_access import default_picture, effective_access, partner_picture
from constructs_xtap.picture.flag_cell import FlagCell
from constructs_xtap.picture.html_page import render_html_page
from constructs_xtap.picture.json_document import render_json_document
from constructs_xtap.picture.markdown_table import render_markdown_table
from constructs_xtap.picture.other_clouds import other_clouds
from constructs_xtap.picture.plan_summary import plan_summary
from constructs_xtap.picture.planned_objects import PlannedObjects, planned_objects
from constructs_xtap.picture.rule import Rule
from constructs_xtap.picture.synthesized_stack import read_synthesized_stack
from constructs_xtap.picture.tenant_picture import TenantPicture
from constructs_xtap.picture.terminal_table import render_terminal_table
from constructs_xtap.picture.terraform_object import graph_object, with_system_defaults

__all__ = [
    "PICTURE_FORMAT",
    "AccessCell",
    "AccessPicture",
    "FlagCell",
    "PlannedObjects",
    "Rule",
    "TenantPicture",
    "default_picture",
    "effective_access",
    "graph_object",
    "other_clouds",
    "partner_picture",
    "plan_summary",
    "planned_objects",
    "read_synthesized_stack",
    "render_html_page",
    "render_json_document",
    "render_markdown_table",
    "render_terminal_table",
    "with_system_defaults",
]
