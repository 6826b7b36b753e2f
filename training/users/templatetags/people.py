"""``{% person_name user %}``: a name with its staff role badges; ``{% person_badges user %}``:
the badges alone (beside a name already written, e.g. in "Sam wrote")."""

from django import template

from training.users.people import person_badges

register = template.Library()


@register.inclusion_tag("users/includes/person_name.html")
def person_name(user) -> dict:
    return {"name": user.name if user is not None else "", "badges": person_badges(user)}


@register.inclusion_tag("users/includes/person_name.html", name="person_badges")
def person_badges_only(user) -> dict:
    return {"name": "", "badges": person_badges(user)}
