"""Translated snippet text in templates.

``{{ group|translated:"description" }}`` shows the text in the active language (English when
there is no translation). Before a loop, ``{% text_translations_prefetch events %}`` reads the
translations of every object in one query (it takes several lists too), so the loop needs none.
In English neither makes any query.
"""

from django import template
from django.db import models

from translations.languages import default_language, language_resolve
from translations.selectors import text_translated, text_translations_apply

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    if obj is None or obj == "":
        return ""
    if not isinstance(obj, models.Model):
        # Not a model (a dict of a record kept as it was, say): its own value, as templates do.
        return obj.get(field, "") if isinstance(obj, dict) else getattr(obj, field, "")
    return text_translated(obj=obj, field=field)


def _follow(item, path: str):
    """``item.a.b`` for the path "a.b", calling what is callable (``skills.all``)."""
    for part in path.split("."):
        if item is None:
            return None
        item = getattr(item, part, None)
        if callable(item) and not getattr(item, "do_not_call_in_templates", False):
            item = item()
    return item


@register.simple_tag
def text_translations_prefetch(*lists, via: str = "", also: str = "", also_via: str = "") -> str:
    """Read the translations of every object in ``lists`` in one query.

    ``via="step"`` reads ``item.step`` of each item instead of the item. ``also="skills.all"``
    reads the objects in each item's ``skills.all`` as well (prefetched, so no query), each
    through ``also_via`` if given.
    """
    if language_resolve(None) == default_language():
        return ""  # English: the objects' own text, nothing to read
    objects = []
    for items in lists:
        for item in items or ():
            obj = _follow(item, via) if via else item
            if isinstance(obj, models.Model):
                objects.append(obj)
            for child in (_follow(item, also) if also else None) or ():
                child = _follow(child, also_via) if also_via else child
                if isinstance(child, models.Model):
                    objects.append(child)
    text_translations_apply(objects=objects)
    return ""
