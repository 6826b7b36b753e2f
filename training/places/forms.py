"""The admin form for neighbourhoods: the optional boundary, checked with plain-English messages."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from training.places.boundary import boundary_errors, boundary_normalise


class NeighbourhoodForm(WagtailAdminModelForm):
    boundary = forms.JSONField(
        label=_("boundary (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=_(
            "Draw the area on geojson.io, then paste the GeoJSON here (a Polygon or a "
            "MultiPolygon, longitude first). Leave empty if you have none."
        ),
        error_messages={
            "invalid": _(
                "This is not valid GeoJSON. Check for a missing comma, bracket or quote mark, "
                "or copy it again."
            )
        },
    )

    def clean_boundary(self):
        value = self.cleaned_data.get("boundary")
        if value in (None, "", {}, []):
            return None
        value = boundary_normalise(value)
        errors = boundary_errors(value)
        if errors:
            raise ValidationError(errors)
        return value


class StaffAssignmentForm(WagtailAdminModelForm):
    """A Manager says where a member of staff works: a Digital Champion at one community
    centre, a Housing Officer in a neighbourhood (one row for each neighbourhood they look after).

    Only Digital Champions and Housing Officers are offered; once made, an assignment's person
    and kind of place stay fixed (open another assignment, or add one, to change something else).
    Each mistake is explained beside its field.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from training.users.models import User
        from training.users.roles import DIGITAL_CHAMPION, HOUSING_OFFICER

        person = self.fields["person"]
        person.queryset = User.objects.filter(
            groups__name__in=[DIGITAL_CHAMPION, HOUSING_OFFICER], is_active=True
        ).distinct()
        person.label_from_instance = lambda user: f"{user.name} ({user.username})"
        person.help_text = _("Only Digital Champions and Housing Officers are listed.")
        person.error_messages["required"] = _("Choose the Digital Champion or Housing Officer.")
        centre = self.fields["centre"]
        centre.required = False
        centre.help_text = _(
            "For a Digital Champion: the centre they work at. They see its learners, its events "
            "and its dashboard."
        )
        neighbourhood = self.fields["neighbourhood"]
        neighbourhood.required = False
        neighbourhood.help_text = _(
            "For a Housing Officer: a neighbourhood they look after. Add one assignment for each "
            "neighbourhood."
        )
        if self.instance.pk:
            person.disabled = True
            # The kind of place stays: a centre assignment changes centre, and so on.
            if self.instance.centre_id:
                neighbourhood.disabled = True
            else:
                centre.disabled = True

    def clean(self):
        from training.users.roles import DIGITAL_CHAMPION, HOUSING_OFFICER, user_has_role

        data = super().clean()
        person, centre = data.get("person"), data.get("centre")
        neighbourhood = data.get("neighbourhood")
        is_champion = person is not None and user_has_role(person, DIGITAL_CHAMPION)
        is_officer = person is not None and user_has_role(person, HOUSING_OFFICER)
        if centre and neighbourhood:
            self.add_error(
                "neighbourhood",
                _("Choose a community centre or a neighbourhood, not both. Leave one empty."),
            )
        elif not centre and not neighbourhood:
            if is_officer and not is_champion:
                self.add_error(
                    "neighbourhood", _("Choose the neighbourhood this Housing Officer looks after.")
                )
            else:
                self.add_error("centre", _("Choose the community centre they work at."))
        elif centre and person is not None and not is_champion:
            self.add_error(
                "centre",
                _(
                    "Only Digital Champions work at a community centre. For a Housing Officer, "
                    "leave this empty and choose a neighbourhood."
                ),
            )
        elif neighbourhood and person is not None and not is_officer:
            self.add_error(
                "neighbourhood",
                _(
                    "Only Housing Officers look after a neighbourhood. For a Digital Champion, "
                    "leave this empty and choose a community centre."
                ),
            )
        return data
