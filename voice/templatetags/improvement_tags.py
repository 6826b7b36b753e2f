"""You said, we did on other apps' pages (community and the home page must not import voice):

- ``{% improvements_latest_for neighbourhood %}``: the neighbourhood's latest 3 improvements;
- ``{% improvements_newest %}``: the newest 3 everywhere, for the home page;
- ``{% report_improvements_for report as improvements %}``: the improvements answering a report.

Each is a fixed number of queries, whatever the number of improvements.
"""

from django import template

from voice.improvements_selectors import (
    improvements_index,
    improvements_latest,
    report_improvements,
)

register = template.Library()


@register.inclusion_tag("voice/improvements/latest.html")
def improvements_latest_for(neighbourhood) -> dict:
    improvements = improvements_latest(neighbourhood=neighbourhood)
    index = improvements_index() if improvements else None
    return {"improvements": improvements, "index": index, "neighbourhood": neighbourhood}


@register.inclusion_tag("voice/improvements/latest.html")
def improvements_newest() -> dict:
    improvements = improvements_latest()
    index = improvements_index() if improvements else None
    return {"improvements": improvements, "index": index, "neighbourhood": None}


@register.simple_tag
def report_improvements_for(report) -> list:
    return report_improvements(report=report)
