"""``{% if user|may_handle_reports %}``: the one rule of safeguarding.permissions, for links."""

from django import template

from safeguarding.permissions import reports_may_handle

register = template.Library()


@register.filter
def may_handle_reports(user) -> bool:
    return reports_may_handle(user=user)
