from django import template
from django.utils.translation import gettext, ngettext

register = template.Library()


@register.filter
def minutes_text(minutes: int | None) -> str:
    """“About 25 minutes”, “About 1 hour 10 minutes”: how long something takes, in words."""
    minutes = int(minutes or 0)
    if minutes <= 0:
        return ""
    hours, rest = divmod(minutes, 60)
    minutes_part = ngettext("%(count)d minute", "%(count)d minutes", rest) % {"count": rest}
    if not hours:
        return gettext("About %(time)s") % {"time": minutes_part}
    hours_part = ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    if not rest:
        return gettext("About %(time)s") % {"time": hours_part}
    return gettext("About %(hours)s %(minutes)s") % {"hours": hours_part, "minutes": minutes_part}


@register.filter
def skill_areas_of(skills) -> list:
    """The distinct areas of some skills, in framework order."""
    areas = {skill.area.pk: skill.area for skill in skills}
    return sorted(areas.values(), key=lambda area: (area.sort_order, area.code))
