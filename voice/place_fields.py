"""The place of a problem on a form (estate check answers, problem reports): the fields the
shared place picker fills in (``voice/components/place_picker.html``) and the one rule for them.

A place is optional, and when given must lie inside the neighbourhood's boundary.
``cleaned_data["place"]`` is then ``(latitude, longitude)``, else None.
"""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from voice.geo import point_in_boundary

PLACE_OUTSIDE = _(
    "That place is outside your neighbourhood's boundary. Tap a spot inside the outline, or "
    "leave the place out."
)
PLACE_NO_BOUNDARY = _("Your neighbourhood has no outline yet, so a place cannot be added.")


class PlaceForm(forms.Form):
    """Subclasses set ``self.boundary`` (GeoJSON geometry or None) and call :meth:`place_clean`
    from their ``clean``."""

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

    boundary: dict | None = None

    def place_clean(self, cleaned: dict) -> None:
        cleaned["place"] = None
        if cleaned.get("place_clear") or "latitude" in self.errors or "longitude" in self.errors:
            return
        latitude, longitude = cleaned.get("latitude"), cleaned.get("longitude")
        if latitude is None and longitude is None:
            return
        if latitude is None or longitude is None:
            self.add_error("latitude", PLACE_OUTSIDE)
        elif not self.boundary:
            self.add_error("latitude", PLACE_NO_BOUNDARY)
        elif not point_in_boundary(
            geometry=self.boundary, latitude=float(latitude), longitude=float(longitude)
        ):
            self.add_error("latitude", PLACE_OUTSIDE)
        else:
            cleaned["place"] = (latitude, longitude)


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
