"""Keeping translated text tidy when what it translates is deleted."""

from typing import Any

from django.db import models


def text_translations_tidy(
    sender: type[models.Model], instance: models.Model, **kwargs: Any
) -> None:
    from translations.services import text_translations_delete_for

    text_translations_delete_for(obj=instance)
