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
    """A Manager says which community centre a Digital Champion works at.

    Only Digital Champions are offered; once made, an assignment's person stays fixed (open
    another person's assignment, or add one, to change someone else).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from training.users.models import User
        from training.users.roles import DIGITAL_CHAMPION

        person = self.fields["person"]
        person.queryset = User.objects.filter(groups__name=DIGITAL_CHAMPION, is_active=True)
        person.label_from_instance = lambda user: f"{user.name} ({user.username})"
        person.help_text = _("Only Digital Champions are listed.")
        person.error_messages["required"] = _("Choose the Digital Champion.")
        centre = self.fields["centre"]
        centre.required = True
        centre.help_text = _(
            "The centre they work at. They see its learners, its events and its dashboard."
        )
        centre.error_messages["required"] = _("Choose the community centre they work at.")
        if self.instance.pk:
            person.disabled = True
