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
