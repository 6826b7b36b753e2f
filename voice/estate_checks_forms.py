"""The form a verified tenant answers an estate check with: a face and an optional comment for
each question, an optional place (of the problem, never the home) and an optional photo."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from community.photos import TOO_BIG, photo_prepare
from voice.geo import point_in_boundary
from voice.models import estate_checks as estate

PHOTO_TYPES = "image/jpeg,image/png,image/webp"
PLACE_OUTSIDE = _(
    "That place is outside your neighbourhood's boundary. Tap a spot inside the outline, or "
    "leave the place out."
)
PLACE_NO_BOUNDARY = _("Your neighbourhood has no outline yet, so a place cannot be added.")

# The five faces, worst to best, drawn beside each answer's words (hidden from screen readers,
# which read the words).
FACE_SYMBOLS = {1: "😠", 2: "🙁", 3: "😐", 4: "🙂", 5: "😀"}


def score_field_name(question: estate.EstateCheckQuestion) -> str:
    return f"q{question.pk}"


def comment_field_name(question: estate.EstateCheckQuestion) -> str:
    return f"c{question.pk}"


class EstateCheckAnswerForm(forms.Form):
    """Built for one check's questions and one tenant's neighbourhood boundary."""

    latitude = forms.DecimalField(
        required=False,
        max_digits=9,
        decimal_places=6,
        widget=forms.HiddenInput,
        error_messages={"invalid": PLACE_OUTSIDE},
    )
    longitude = forms.DecimalField(
        required=False,
        max_digits=9,
        decimal_places=6,
        widget=forms.HiddenInput,
        error_messages={"invalid": PLACE_OUTSIDE},
    )
    place_clear = forms.BooleanField(label=_("Leave the place out"), required=False)
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
            self.fields["photo"].help_text = _(
                "You have added %(count)s photos, the most we keep. Remove one to add another."
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

    def clean_photo(self):
        if self.photo_too_big:
            raise forms.ValidationError(TOO_BIG, code="too_big")
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return photo_prepare(upload)

    def clean(self) -> dict:
        cleaned = super().clean()
        self._clean_place(cleaned)
        description = (cleaned.get("photo_description") or "").strip()
        photo_given = bool(cleaned.get("photo")) or "photo" in self.errors
        if photo_given and not description and "photo_description" not in self.errors:
            self.add_error(
                "photo_description",
                _("Describe your photo in a few words, so everyone knows what it shows."),
            )
        cleaned["photo_description"] = description
        return cleaned

    def _clean_place(self, cleaned: dict) -> None:
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if cleaned.get("place_clear") or "latitude" in self.errors or "longitude" in self.errors:
            cleaned["place"] = None
            return
        if latitude is None and longitude is None:
            cleaned["place"] = None
            return
        if latitude is None or longitude is None:
            self.add_error("latitude", PLACE_OUTSIDE)
            return
        if not self.boundary:
            self.add_error("latitude", PLACE_NO_BOUNDARY)
            return
        if not point_in_boundary(
            geometry=self.boundary, latitude=float(latitude), longitude=float(longitude)
        ):
            self.add_error("latitude", PLACE_OUTSIDE)
            return
        cleaned["place"] = (latitude, longitude)

    def scores(self) -> dict[int, tuple[int, str]]:
        return {
            question.pk: (
                self.cleaned_data[score_field_name(question)],
                self.cleaned_data[comment_field_name(question)].strip(),
            )
            for question in self.questions
        }


def tapped_place(data, *, frame) -> tuple[Decimal, Decimal] | None:
    """The place under a tap on the outline when JavaScript is off: the browser sends the
    image button's ``place.x`` and ``place.y`` (pixels from the drawing's top-left)."""
    if frame is None:
        return None
    try:
        x, y = Decimal(data.get("place.x", "")), Decimal(data.get("place.y", ""))
    except InvalidOperation:
        return None
    if not (0 <= x <= frame.width and 0 <= y <= frame.height):
        return None
    return frame.to_place(x=float(x), y=float(y))
