from django import template

from courses.offline.selectors import offline_saved_count

register = template.Library()


@register.simple_tag(takes_context=True)
def offline_saved_lessons(context) -> int:
    """How many of the signed-in learner's lessons were finished offline and recorded."""
    user = getattr(context.get("request"), "user", None)
    if user is None or not user.is_authenticated:
        return 0
    return offline_saved_count(learner=user)
