from django import template

from allauth.mfa.utils import is_mfa_enabled

from training.users.roles import role_needs_second_factor
from training.users.two_factor import SECOND_FACTOR_TYPES

register = template.Library()


@register.filter
def needs_second_factor(user) -> bool:
    """``{% if user|needs_second_factor %}``: the one rule of roles.role_needs_second_factor."""
    return role_needs_second_factor(user)


@register.filter
def has_second_factor(user) -> bool:
    """``{% if user|has_second_factor %}``: an authenticator app (or security key) is on."""
    return user.is_authenticated and is_mfa_enabled(user, types=SECOND_FACTOR_TYPES)
