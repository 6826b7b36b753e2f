"""Forms of the Translations area in the Wagtail admin."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from translations.languages import translation_languages
from translations.models import TranslationStatus
from translations.selectors import STATE_LABELS
from translations.services import text_translation_max_length


class OverviewFilterForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [("", _("All languages")), *translation_languages()]
        self.fields["status"].choices = [("", _("Any status")), *STATE_LABELS.items()]


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
        super().__init__(*args, **kwargs)
        for name in fields:
            model_field = obj._meta.get_field(name)
            limit = text_translation_max_length(model=type(obj), field=name)
            widget = forms.Textarea(attrs={"rows": 4}) if not limit else forms.TextInput()
            self.fields[name] = forms.CharField(
                label=str(model_field.verbose_name).capitalize(),
                required=False,
                max_length=limit,
                widget=widget,
                strip=True,
            )
            # The English, to show beside the field.
            self.fields[name].english = getattr(obj, name) or ""
        self.fields["status"] = _status_field()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") in (TranslationStatus.NEEDS_REVIEW, TranslationStatus.READY):
            for name in self.translated_fields:
                if name in cleaned and not cleaned[name] and self.fields[name].english:
                    self.add_error(
                        name,
                        _("Write the translation of this, or choose “In progress” for now."),
                    )
        return cleaned

    def text_fields(self):
        return [self[name] for name in self.translated_fields]


class PageTranslationStatusForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"] = _status_field()
