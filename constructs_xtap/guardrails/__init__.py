"""Security guardrails at synth: rule packs over the whole policy, suppressions with reasons, CI reports.

``Aspects.of(app_or_stack).add(Guardrails())`` checks every construct of this library in scope; see
``Guardrails``. Rules live one per module in ``constructs_xtap.guardrails.rules``.
"""

from constructs_xtap.guardrails.admin_center_pack import ADMIN_CENTER_PACK
from constructs_xtap.guardrails.cisa_pack import CISA_PACK
from constructs_xtap.guardrails.default_packs import DEFAULT_PACKS
from constructs_xtap.guardrails.finding import Finding
from constructs_xtap.guardrails.guardrails import Guardrails
from constructs_xtap.guardrails.guardrails_error import GuardrailsError
from constructs_xtap.guardrails.json_report import JSON_REPORT_NAME, json_report
from constructs_xtap.guardrails.level import Level
from constructs_xtap.guardrails.microsoft_pack import MICROSOFT_PACK
from constructs_xtap.guardrails.pack import Pack
from constructs_xtap.guardrails.report_files import ReportFiles
from constructs_xtap.guardrails.rule import Rule
from constructs_xtap.guardrails.sarif_report import SARIF_REPORT_NAME, SARIF_SCHEMA, sarif_report
from constructs_xtap.guardrails.suppression import MIN_REASON_LENGTH, Suppression

__all__ = [
    "ADMIN_CENTER_PACK",
    "CISA_PACK",
    "DEFAULT_PACKS",
    "JSON_REPORT_NAME",
    "MICROSOFT_PACK",
    "MIN_REASON_LENGTH",
    "SARIF_REPORT_NAME",
    "SARIF_SCHEMA",
    "Finding",
    "Guardrails",
    "GuardrailsError",
    "Level",
    "Pack",
    "ReportFiles",
    "Rule",
    "Suppression",
    "json_report",
    "sarif_report",
]
