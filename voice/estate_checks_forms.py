"""The form a verified tenant answers an estate check with: a face and an optional comment for
each question, an optional place (of the problem, never the home) and an optional photo."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from community.forms import PhotoCleanMixin
from voice.models import estate_checks as estate
from voice.place_fields import PlaceForm

PHOTO_TYPES = "image/jpeg,image/png,image/webp"

# The five faces, worst to best, drawn beside each answer's words (hidden from screen readers,
# which read the words).
FACE_SYMBOLS = {1: "😠", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀"}


def score_field_name(question: estate.EstateCheckQuestion) -> str:
    return f"q{question.pk}"


def comment_field_name(question: estate.EstateCheckQuestion) -> str:
    return f"c{question.pk}"


class EstateCheckAnswerForm(PhotoCleanMixin, PlaceForm):
    """Built for one check's questions and one tenant's neighbourhood boundary."""

    photo = forms.FileField(
        label=_("Add a photo (optional)"),
        help_text=_(
            "A JPEG, PNG or WebP photo, smaller than 10 MB, of the problem. Do not photograph "
            "people. We remove the photo's location before keeping it."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_TYPES}),
        error_messages={"invalid": _("Choose a photo from your phone or computer.")},
    )
    photo_description = forms.CharField(
        label=_("Describe your photo"),
        help_text=_("Needed if you add a photo, e.g. “Broken light by the bins”."),
        required=False,
        max_length=estate.PHOTO_DESCRIPTION_MAX_LENGTH,
        error_messages={"max_length": _("Keep the description under %(limit_value)s characters.")},
    )
    photos_removed = forms.TypedMultipleChoiceField(
        label=_("Remove photos"), required=False, coerce=int, widget=forms.CheckboxSelectMultiple
    )

    def __init__(
        self,
        *args,
        questions: list[estate.EstateCheckQuestion],
        boundary: dict | None,
        photos: list[estate.EstateCheckPhoto] | None = None,
        photo_too_big: bool = False,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.boundary = boundary
        self.photos = photos or []
        self.photo_too_big = photo_too_big
        for question in questions:
            self.fields[score_field_name(question)] = forms.TypedChoiceField(
                label=question.text,
                choices=estate.Face.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": _("Choose one of the five faces for this question."),
                    "invalid_choice": _("Choose one of the five faces for this question."),
                },
            )
            self.fields[comment_field_name(question)] = forms.CharField(
                label=_("Comment (optional)"),
                required=False,
                max_length=estate.COMMENT_MAX_LENGTH,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={
                    "max_length": _("Keep your comment under %(limit_value)s characters.")
                },
            )
        self.fields["photos_removed"].choices = [(p.pk, p.description) for p in self.photos]
        if len(self.photos) >= estate.PHOTOS_MAX:
            self.fields["photo"].disabled = True
            self.fields["photo"].help_text = ngettext(
                "You have added %(count)s photo, the most we keep. Remove it to add another.",
                "You have added %(count)s photos, the most we keep. Remove one to add another.",
                estate.PHOTOS_MAX,
            ) % {"count": estate.PHOTOS_MAX}

    @property
    def faces(self) -> list[tuple[str, str, str]]:
        """(value, words, face) of each answer, worst first."""
        return [
            (str(value), str(label), FACE_SYMBOLS[value]) for value, label in estate.Face.choices
        ]

    def question_fields(self):
        """(question, face field, comment field) for the template, in order."""
        return [
            (question, self[score_field_name(question)], self[comment_field_name(question)])
            for question in self.questions
        ]

    def clean(self) -> dict:
        cleaned = super().clean()
        self.place_clean(cleaned)
        description = (cleaned.get("photo_description") or "").strip()
        photo_given = bool(cleaned.get("photo")) or "photo" in self.errors
        if photo_given and not description and "photo_description" not in self.errors:
            self.add_error(
                "photo_description",
                _("Describe your photo in a few words, so everyone knows what it shows."),
            )
        cleaned["photo_description"] = description
        return cleaned

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            question.pk: (
                self.cleaned_data[score_field_name(question)],
                self.cleaned_data[comment_field_name(question)].strip(),
            )
            for question in self.questions
        }
