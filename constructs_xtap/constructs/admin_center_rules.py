"""The rules only the Entra admin center enforces (graph-api.md §3.1 R9-R11): synth warnings unless asked.

Rules Graph documents or enforces live in ``setting_validation`` and ``partner_validation`` and are
errors. The rules here come from the admin center's cross-tenant pages ("Conflicting settings aren't
allowed"), marked [PORTAL]: whether Graph enforces them is undocumented, and partners that break them
exist in real tenants and in peers' own tests (deploymenttheory's "maximal" partner blocks ``AllUsers`` and
only ``Office365`` in ``b2b_direct_connect_inbound``). Such a partner (or default configuration)
synthesizes and deploys; ``cdktf synth`` and ``cdktf deploy`` print one warning per finding, on the
construct's path, naming the rule, the value and the fix.

The switch, one cdktf context key, ``xtap:adminCenterRules``:

* ``"warn"`` (default): each finding is a synth warning (the framework's ``Annotations``);
* ``"error"``: each finding is a problem of the usual ``XtapValidationError``.

Set it for the whole app in cdktf.json (``"context": {"xtap:adminCenterRules": "error"}``) or with
``App(context={...})``, or for one stack with ``stack.node.set_context(...)`` before adding partners.

R9 and R10 apply to partners and the default configuration; R11 (inbound *default* settings cannot target
specific users or groups) to the default configuration only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from constructs import Construct

from constructs_xtap.constructs.admin_center_rule import AdminCenterRule
from constructs_xtap.constructs.b2b_setting import B2BSetting
from constructs_xtap.constructs.framework import context_of, framework_of
from constructs_xtap.constructs.target import Target
from constructs_xtap.constructs.target_configuration import TargetConfiguration
from constructs_xtap.constructs.tenant_restrictions import TenantRestrictions
from constructs_xtap.constructs.unresolved import is_unresolved
from constructs_xtap.constructs.validation_problem import ValidationProblem
from constructs_xtap.constructs.xtap_validation_error import XtapValidationError
from constructs_xtap.wire import DEFAULT, PARTNER
from constructs_xtap.wire.graph_properties import B2B_COLLABORATION_INBOUND, B2B_DIRECT_CONNECT_INBOUND

#: The cdktf context key that decides whether admin-center findings warn or fail synth.
ADMIN_CENTER_RULES_CONTEXT = "xtap:adminCenterRules"
WARN = "warn"
ERROR = "error"


def _known(config: object) -> TargetConfiguration | None:
    """``config`` when it is a ``TargetConfiguration`` whose access type is known at synth, else ``None``."""
    if isinstance(config, TargetConfiguration) and not is_unresolved(config.access_type):
        return config
    return None


def _is(config: TargetConfiguration, access_type: str, keyword: str | None = None) -> bool:
    """True when ``config`` has this access type (and, if given, targets exactly ``keyword``).

    A target list of the wrong type (already reported as an error) targets nothing, so it never matches a
    keyword.
    """
    if not isinstance(config.access_type, str) or config.access_type != access_type:
        return False
    if keyword is None:
        return True
    targets = config.targets if isinstance(config.targets, tuple) else ()
    return [getattr(t, "target", None) for t in targets] == [keyword]


def _blocks_all_users_but_not_all_applications(users: object, apps: object) -> bool:
    users, apps = _known(users), _known(apps)
    if users is None or apps is None:
        return False
    return _is(users, "blocked", "AllUsers") and not _is(apps, "blocked", "AllApplications")


def _allows_users_but_blocks_all_applications(users: object, apps: object) -> bool:
    users, apps = _known(users), _known(apps)
    if users is None or apps is None:
        return False
    return _is(users, "allowed") and _is(apps, "blocked", "AllApplications")


def _targets_specific_users_or_groups(users: object, apps: object) -> bool:
    """True when ``users`` lists any target but ``AllUsers``: a user or group id, or a token for one."""
    if not isinstance(users, TargetConfiguration) or not isinstance(users.targets, tuple):
        return False
    return any(isinstance(t, Target) and t.target != "AllUsers" for t in users.targets)


#: R9 example 2: "If you allow outbound access for all your users (or specific users or groups), you'll be
#: prevented from blocking all access to external applications; access to at least one application must be
#: allowed."
R9 = AdminCenterRule(
    id="R9",
    breaks=_allows_users_but_blocks_all_applications,
    problem="users_and_groups allows users, so the admin center requires at least one application allowed",
    fix="allow the applications they need, or block users_and_groups as well",
)

#: R10 (and R9 example 1): "If you block access for all of your users and groups, you also need to block
#: access to all external applications."
R10 = AdminCenterRule(
    id="R10",
    breaks=_blocks_all_users_but_not_all_applications,
    problem="users_and_groups blocks all users, so the admin center requires all applications blocked too",
    fix="set applications to TargetConfiguration.blocked(Target.all_applications())",
)

#: R11: "You cannot target users or groups in inbound default settings." A default configuration has no
#: partner tenant whose users and groups the ids could name; specific ones belong in a partner's settings.
R11 = AdminCenterRule(
    id="R11",
    breaks=_targets_specific_users_or_groups,
    problem="inbound default settings cannot target specific users or groups in the admin center, only "
    "AllUsers",
    fix="target Target.all_users() here, and name specific external users or groups in the "
    "CrossTenantAccessPartner of their tenant",
    kinds=frozenset({DEFAULT.name}),
    settings=frozenset({B2B_COLLABORATION_INBOUND.argument, B2B_DIRECT_CONNECT_INBOUND.argument}),
    names="users_and_groups",
)

#: Every admin-center rule, by id.
ADMIN_CENTER_RULES: tuple[AdminCenterRule, ...] = (R9, R10, R11)


def check_admin_center_rules(
    path: str, settings: Mapping[str, Any], kind: str = PARTNER.name
) -> list[ValidationProblem]:
    """Every admin-center finding of one object's settings, each a ``ValidationProblem`` with ``rule`` set.

    ``settings`` maps the construct's keyword names to what the caller passed; ``kind`` is the object kind
    (``wire.ObjectKind.name``: ``"partner"`` or ``"default"``): only the rules for that kind apply. The
    rules compare ``users_and_groups`` with ``applications`` of each B2B setting and of tenant restrictions:

    | users_and_groups          | applications                          | verdict                      |
    |---------------------------|---------------------------------------|------------------------------|
    | blocked AllUsers          | anything but blocked AllApplications  | R10 finding                  |
    | allowed (anyone)          | blocked AllApplications               | R9 finding                   |
    | blocked specific groups   | blocked AllApplications               | none (documented, §5.35)     |
    | specific users or groups  | (any), in a default's inbound setting | R11 finding                  |

    R9 and R10 only compare a pair when both are ``TargetConfiguration`` objects (any other type is already
    an error) and neither access type is a deploy-time token. Never raises, whatever the input.
    """
    found: list[ValidationProblem] = []
    for prop, setting in settings.items():
        if not isinstance(setting, B2BSetting | TenantRestrictions):
            continue
        users, apps = setting.users_and_groups, setting.applications
        for rule in ADMIN_CENTER_RULES:
            if kind not in rule.kinds or (rule.settings is not None and prop not in rule.settings):
                continue
            if rule.breaks(users, apps):
                named = users if rule.names == "users_and_groups" else apps
                found.append(
                    ValidationProblem(
                        path,
                        f"{prop}.{rule.names}",
                        _describe(named),
                        rule.problem,
                        rule.fix,
                        rule.qualified_id,
                    )
                )
    return found


def admin_center_mode(scope: Construct) -> tuple[str, list[ValidationProblem]]:
    """What the ``xtap:adminCenterRules`` context asks for at ``scope``: ``"warn"`` (default) or ``"error"``.

    Returns the mode and the problems with the setting itself: any other value is one problem (and the
    mode falls back to ``"warn"``), so a typo never silently turns the rules off or on.
    """
    value = context_of(scope, ADMIN_CENTER_RULES_CONTEXT)
    if value is None or value == WARN:
        return WARN, []
    if value == ERROR:
        return ERROR, []
    problem = ValidationProblem(
        scope.node.path,
        f"context {ADMIN_CENTER_RULES_CONTEXT!r}",
        value,
        f"is neither {WARN!r} nor {ERROR!r}",
        f'set "{ADMIN_CENTER_RULES_CONTEXT}" to "{ERROR}" to fail synth on admin-center rules, or "{WARN}" '
        "(the default) to see them as warnings",
    )
    return WARN, [problem]


def raise_or_warn(
    construct: Construct, problems: list[ValidationProblem], findings: list[ValidationProblem]
) -> tuple[ValidationProblem, ...]:
    """Settle one construct's checks: raise once, or warn about each admin-center finding.

    ``problems``: the construct's errors; ``findings``: its admin-center findings. Under the
    ``xtap:adminCenterRules`` context ``"error"`` the findings are problems too. Raises
    ``XtapValidationError`` with every problem (a bad context value among them) when there is any; else adds
    one cdktf warning per finding on ``construct`` and returns the findings (empty in ``"error"`` mode).
    """
    mode, mode_problems = admin_center_mode(construct)
    everything = [*problems, *mode_problems, *(findings if mode == ERROR else [])]
    if everything:
        raise XtapValidationError(everything)
    if mode == ERROR:
        return ()
    for finding in findings:
        framework_of(construct).module.Annotations.of(construct).add_warning(warning_message(finding))
    return tuple(findings)


def warning_message(finding: ValidationProblem) -> str:
    """The synth warning for one admin-center finding; cdktf prints it beside the construct path."""
    return (
        f"{finding.detail()}. Graph accepts this, so it deploys; to make admin-center rules fail "
        f'synth, set the cdktf context "{ADMIN_CENTER_RULES_CONTEXT}" to "{ERROR}"'
    )


def _describe(config: Any) -> str:
    if not isinstance(config, TargetConfiguration):
        return repr(config)
    targets = config.targets
    listed = [getattr(t, "target", t) for t in targets] if isinstance(targets, tuple) else targets
    return f"{config.access_type} {listed}"
