"""The stacks main.py composes."""

from stacks.documented_partners import DOCUMENTED_PARTNERS
from stacks.partners_stack import PARTNERS_STACK_NAME, PartnersStack
from stacks.tenant_stack import TENANT_STACK_NAME, TenantStack

__all__ = ["DOCUMENTED_PARTNERS", "PARTNERS_STACK_NAME", "TENANT_STACK_NAME", "PartnersStack", "TenantStack"]
