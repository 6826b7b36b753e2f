"""Translated snippet text in templates.

``{{ group|translated:"description" }}`` shows the text in the active language (English when
there is no translation). Before a loop, ``{% text_translations_prefetch events %}`` reads the
translations of every object in one query (it takes several lists too), so the loop needs none.
In English neither makes any query.
"""

from django import template

from translations.selectors import text_translated, text_translations_apply

register = template.Library()


@register.filter
def translated(obj, field: str) -> str:
    if obj is None or obj == "":
        return ""
    return text_translated(obj=obj, field=field)


@register.simple_tag
def text_translations_prefetch(*lists) -> str:
    objects = []
    for items in lists:
        if items:
            objects.extend(items)
    text_translations_apply(objects=objects)
    return ""
