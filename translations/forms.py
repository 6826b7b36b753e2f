"""Forms of the Translations area in the Wagtail admin."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from translations.languages import translation_languages
from translations.models import TranslationStatus
from translations.selectors import STATE_LABELS
from translations.services import text_translation_max_length


def _language_choices() -> list[tuple[str, str]]:
    return [("", str(_("All languages"))), *translation_languages()]


def _state_choices() -> list[tuple[str, str]]:
    return [("", str(_("Any status"))), *((key, str(label)) for key, label in STATE_LABELS.items())]


class OverviewFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False, choices=_language_choices)
    status = forms.ChoiceField(label=_("Status"), required=False, choices=_state_choices)


def _status_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Status"),
        choices=TranslationStatus.choices,
        initial=TranslationStatus.IN_PROGRESS,
        help_text=_(
            "“In progress”: not shown on the website yet. “Needs review”: shown, and waiting "
            "for a native speaker to check it. “Ready”: checked."
        ),
    )


class TextTranslationForm(forms.Form):
    """The translation of each translatable field of one object, and one status for them all."""

    def __init__(self, *args, obj: models.Model, fields: tuple[str, ...], **kwargs):
        self.obj = obj
        self.translated_fields = fields
        # The English of each field, to show beside it.
        self.english: dict[str, str] = {name: getattr(obj, name) or "" for name in fields}
        super().__init__(*args, **kwargs)
        for name in fields:
            verbose_name = getattr(obj._meta.get_field(name), "verbose_name", name)
            limit = text_translation_max_length(model=type(obj), field=name)
            widget = forms.Textarea(attrs={"rows": 4}) if not limit else forms.TextInput()
            self.fields[name] = forms.CharField(
                label=str(verbose_name).capitalize(),
                required=False,
                max_length=limit,
                widget=widget,
                strip=True,
            )
        self.fields["status"] = _status_field()

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("status") in (TranslationStatus.NEEDS_REVIEW, TranslationStatus.READY):
            for name in self.translated_fields:
                if name in cleaned and not cleaned[name] and self.english[name]:
                    self.add_error(
                        name,
                        _("Write the translation of this, or choose “In progress” for now."),
                    )
        return cleaned

    def text_fields(self) -> list[tuple[forms.BoundField, str]]:
        """(the field, its English) of each text to translate."""
        return [(self[name], self.english[name]) for name in self.translated_fields]


class PageTranslationStatusForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"] = _status_field()
