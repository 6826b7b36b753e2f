"""The snippet text of this site that translates (see ``translations/registry.py``).

Kept in one place so a Course Editor's "Translations" list and the README agree. Names, codes,
addresses and organisers' names are not translated: they are names.
"""

from translations.registry import text_translatable_register


def text_translatables_register() -> None:
    text_translatable_register("courses.skillarea", fields=["name", "description"])
    text_translatable_register("courses.skill", fields=["statement"])
    text_translatable_register("practice.nextstep", fields=["title", "text"])
    text_translatable_register("community.group", fields=["description"])
    text_translatable_register("events.event", fields=["title", "description", "accessibility"])
