"""Which snippet models have text that translates, and which of their fields.

Registered by model label ("community.group") so that this app imports none of the apps whose
text it translates: they sit below it in DESIGN.md's import order. The registrations for this
site are in ``translations/registrations.py``; an app added later may call
:func:`text_translatable_register` from its own ``apps.py`` ``ready()`` instead.
"""

from dataclasses import dataclass

from django.apps import apps
from django.db import models


@dataclass(frozen=True)
class TextTranslatable:
    label: str  # "app_label.model_name", lower case
    fields: tuple[str, ...]

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)


_REGISTRY: dict[str, TextTranslatable] = {}


def _label(model: type[models.Model] | models.Model | str) -> str:
    if isinstance(model, str):
        return model.lower()
    return model._meta.label_lower


def text_translatable_register(model: type[models.Model] | str, *, fields: list[str]) -> None:
    """Say that ``fields`` of ``model`` (a class or "app_label.model") have translated text."""
    if not fields:
        raise ValueError("Name at least one field to translate.")
    _REGISTRY[_label(model)] = TextTranslatable(label=_label(model), fields=tuple(fields))


def text_translatables() -> list[TextTranslatable]:
    """Every registered model, in the order they were registered."""
    return list(_REGISTRY.values())


def text_translatable_get(
    model: type[models.Model] | models.Model | str,
) -> TextTranslatable | None:
    return _REGISTRY.get(_label(model))


def text_translatable_fields(model: type[models.Model] | models.Model | str) -> tuple[str, ...]:
    entry = text_translatable_get(model)
    return entry.fields if entry else ()
