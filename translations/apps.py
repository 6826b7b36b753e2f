from django.apps import AppConfig
from django.db.models.signals import post_delete, post_migrate
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self) -> None:
        # A language added to settings.LANGUAGES gets its Wagtail Locale on the next migrate,
        # with no migration of its own (translations/locales.py).
        from translations.locales import locales_ensure_after_migrate
        from translations.registrations import text_translatables_register

        text_translatables_register()
        # A deleted skill, step, group or event takes its translations with it.
        from translations.registry import text_translatables
        from translations.signals import text_translations_tidy

        for entry in text_translatables():
            post_delete.connect(text_translations_tidy, sender=entry.model, weak=False)

        post_migrate.connect(locales_ensure_after_migrate, sender=self)

        # A new course page gets an alias in the languages its parent is translated into.
        from wagtail import hooks

        from translations.sync import page_created_sync

        hooks.register("after_create_page", page_created_sync)
