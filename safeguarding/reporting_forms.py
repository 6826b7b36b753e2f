"""The reporting form, a few questions a page. Each step is a plain Django form; the view keeps
the answers between steps (encrypted, in the session). Every bad answer gets a message by it."""

from django import forms
from django.core.validators import validate_email
from django.utils.translation import gettext_lazy as _

from community.forms import PhotoCleanMixin
from safeguarding.models.reports import (
    ADDITION_MAX_LENGTH,
    CONTACT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    EVIDENCE_DESCRIPTION_MAX_LENGTH,
    WHERE_MAX_LENGTH,
    Affected,
    ContactPreference,
    Strand,
)
from training.places.models import Neighbourhood
from voice.place_fields import PlaceForm

PHOTO_TYPES = "image/jpeg,image/png,image/webp"
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def _too_long(limit: int) -> dict:
    return {"max_length": _("Keep this to %(limit)s characters or fewer.") % {"limit": limit}}


def _yes_no(*, label, help_text="", required_message) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": required_message},
    )


class UrgentForm(forms.Form):
    """Step 1: is anyone in danger now? These two answers make a report urgent."""

    threat_to_life = _yes_no(
        label=_("Is someone's life in danger?"),
        required_message=_("Say whether someone's life is in danger."),
    )
    happening_now = _yes_no(
        label=_("Is it happening now?"),
        required_message=_("Say whether it is happening now."),
    )


class WhatForm(forms.Form):
    """Step 2: what happened, and to whom."""

    strands = forms.MultipleChoiceField(
        label=_("What happened?"),
        help_text=_(
            "Choose all that fit. A hate incident is anything that someone thinks was done "
            "because of who they are."
        ),
        choices=[
            (Strand.DISABILITY, _("Hate because of disability")),
            (Strand.RACE, _("Hate because of race, skin colour or where someone is from")),
            (Strand.RELIGION, _("Hate because of religion or belief")),
            (Strand.SEXUAL_ORIENTATION, _("Hate because someone is gay, lesbian or bisexual")),
            (Strand.TRANSGENDER, _("Hate because someone is transgender")),
            (Strand.OTHER_HATE, _("Another kind of hate")),
            (Strand.ANTI_SOCIAL, _("Anti-social behaviour, like noise, threats or damage")),
            (Strand.HARASSMENT, _("Harassment: someone keeps upsetting or frightening you")),
        ],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one thing that happened.")},
    )
    affected = forms.ChoiceField(
        label=_("Who did it happen to?"),
        choices=Affected.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who it happened to.")},
    )


class WhenWhereForm(forms.Form):
    """Step 3: when and where."""

    happened_on = forms.DateField(
        label=_("When did it happen? (optional)"),
        help_text=_("For example, 27/11/2026. Leave it empty if you are not sure."),
        required=False,
        input_formats=["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d.%m.%Y"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Write the date like 27/11/2026, or leave it empty.")},
    )
    ongoing = forms.BooleanField(label=_("It keeps happening"), required=False)
    neighbourhood = forms.ModelChoiceField(
        label=_("Which neighbourhood? (optional)"),
        queryset=Neighbourhood.objects.order_by("name"),
        required=False,
        empty_label=_("I would rather not say"),
        error_messages={"invalid_choice": _("Choose a neighbourhood from the list.")},
    )
    where = forms.CharField(
        label=_("Where did it happen? (optional)"),
        help_text=_("For example: “the car park behind Elm Court”. Do not give your own address."),
        required=False,
        max_length=WHERE_MAX_LENGTH,
        error_messages=_too_long(WHERE_MAX_LENGTH),
    )

    def clean_happened_on(self):
        from django.utils import timezone

        value = self.cleaned_data.get("happened_on")
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("The date cannot be in the future."))
        return value


class PlaceStepForm(PlaceForm):
    """Step 3b, only when the chosen neighbourhood has an outline: the place on it (optional),
    with voice's place picker (a tap works without JavaScript)."""

    tap_error = None
    tap_message = None

    def __init__(self, *args, boundary=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.boundary = boundary

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        self.place_clean(cleaned)
        return cleaned


class DetailsForm(forms.Form):
    """Step 4: what happened, in their own words."""

    description = forms.CharField(
        label=_("Tell us what happened"),
        help_text=_(
            "Say what was done or said, and anything you know about who did it. Write as much "
            "or as little as you like."
        ),
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Tell us what happened. A few words are enough."),
            **_too_long(DESCRIPTION_MAX_LENGTH),
        },
    )


class ContactForm(forms.Form):
    """Step 5: how we may contact them, or not at all; and, if signed in, whether to keep it
    with their account."""

    contact_preference = forms.ChoiceField(
        label=_("Can we contact you about this?"),
        help_text=_(
            "You can stay anonymous. You will get a reference and a secret phrase to check for "
            "replies here."
        ),
        choices=ContactPreference.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose whether we can contact you.")},
    )
    contact_name = forms.CharField(
        label=_("Your name (optional)"),
        required=False,
        max_length=CONTACT_MAX_LENGTH,
        error_messages=_too_long(CONTACT_MAX_LENGTH),
    )
    contact_email = forms.CharField(
        label=_("Email address (if we can email you)"),
        help_text=_("We only say that there is a reply. We never put your report in an email."),
        required=False,
        max_length=CONTACT_MAX_LENGTH,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages=_too_long(CONTACT_MAX_LENGTH),
    )
    contact_phone = forms.CharField(
        label=_("Phone number (if we can phone you)"),
        help_text=_("Tell us in your report when it is safe to call."),
        required=False,
        max_length=CONTACT_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        error_messages=_too_long(CONTACT_MAX_LENGTH),
    )

    def __init__(self, *args, signed_in: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if signed_in:
            self.fields["keep_with_account"] = forms.TypedChoiceField(
                label=_("Keep this report with your account?"),
                help_text=_(
                    "If yes, you can see it under “My reports”. If no, only your reference and "
                    "secret phrase open it, and nothing links it to you."
                ),
                choices=[
                    ("yes", _("Yes, keep it with my account")),
                    ("no", _("No, keep it anonymous")),
                ],
                coerce=lambda value: value == "yes",
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose whether to keep it with your account.")},
            )

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        wants = cleaned.get("contact_preference")
        email = (cleaned.get("contact_email") or "").strip()
        phone = (cleaned.get("contact_phone") or "").strip()
        if wants == ContactPreference.EMAIL:
            if not email:
                self.add_error(
                    "contact_email", _("Write your email address, or choose another way.")
                )
            else:
                try:
                    validate_email(email)
                except forms.ValidationError:
                    self.add_error(
                        "contact_email",
                        _("Write the email address like name@example.com."),
                    )
        if wants == ContactPreference.PHONE:
            digits = [c for c in phone if c.isdigit()]
            if not phone:
                self.add_error(
                    "contact_phone", _("Write your phone number, or choose another way.")
                )
            elif len(digits) < 6 or any(c not in "0123456789 +-()" for c in phone):
                self.add_error(
                    "contact_phone",
                    _("Write the phone number with numbers only, like 07700 900123."),
                )
        return cleaned


class EvidenceForm(PhotoCleanMixin, forms.Form):
    """On the last step (and when adding information): one photo as evidence, optional.
    Photos cannot wait in the session between steps, so they come with the final send."""

    photo = forms.FileField(
        label=_("A photo as evidence (optional)"),
        help_text=_(
            "A JPEG, PNG or WebP photo smaller than 10 MB. We remove the date and location "
            "hidden in the photo. Only Safeguarding Officers see it."
        ),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": PHOTO_TYPES}),
        error_messages={"invalid": _("Choose a photo from your phone or computer.")},
    )
    photo_description = forms.CharField(
        label=_("What the photo shows (if you add one)"),
        required=False,
        max_length=EVIDENCE_DESCRIPTION_MAX_LENGTH,
        error_messages=_too_long(EVIDENCE_DESCRIPTION_MAX_LENGTH),
    )

    def __init__(self, *args, photo_too_big: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.photo_too_big = photo_too_big

    def clean(self) -> dict:
        cleaned = super().clean() or {}
        if cleaned.get("photo") and not (cleaned.get("photo_description") or "").strip():
            self.add_error(
                "photo_description",
                _("Say in a few words what the photo shows, for people who cannot see it."),
            )
        return cleaned


class CheckForm(forms.Form):
    """The reference page: the reference and the secret phrase."""

    reference = forms.CharField(
        label=_("Your reference"),
        help_text=_("8 letters and numbers, for example K7MR 9PXT."),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={"required": _("Write your reference.")},
    )
    phrase = forms.CharField(
        label=_("Your secret phrase"),
        help_text=_("The four words you were given, for example “green apple river seven”."),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "none"}),
        error_messages={"required": _("Write your secret phrase.")},
    )


class AddInformationForm(EvidenceForm):
    text = forms.CharField(
        label=_("What do you want to add?"),
        max_length=ADDITION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": _("Write what you want to add."),
            **_too_long(ADDITION_MAX_LENGTH),
        },
    )
    field_order = ["text", "photo", "photo_description"]
