"""Forms of the events app: the admin form for an event, and the list's neighbourhood filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

from events.permissions import event_manage_centre, event_manage_everywhere
from training.places.models import CommunityCentre, Neighbourhood

CENTRE_ONLY = _("You can add events at your own community centre only.")


class EventAdminForm(WagtailAdminModelForm):
    """Checks the rules of an event with plain-English messages beside the field concerned.

    For someone who manages only their own centre's events (a Digital Champion), the centre is
    fixed to theirs and the address fields are switched off.
    """

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.centre_only = for_user is not None and not event_manage_everywhere(for_user)
        if self.centre_only:
            centre = self.fields["centre"]
            own = event_manage_centre(for_user)
            centre.queryset = (
                CommunityCentre.objects.filter(pk=own.pk) if own else CommunityCentre.objects.none()
            )
            centre.required = True
            centre.help_text = CENTRE_ONLY
            centre.error_messages["invalid_choice"] = CENTRE_ONLY
            centre.error_messages["required"] = _(
                "Choose your community centre. If it is not listed, ask a manager to assign you "
                "to a centre."
            )
            for name in ("address", "postcode", "neighbourhood"):
                self.fields[name].disabled = True
                self.fields[name].help_text = CENTRE_ONLY

    def clean(self):
        data = super().clean()
        starts_at, ends_at = data.get("starts_at"), data.get("ends_at")
        if starts_at and ends_at and ends_at <= starts_at:
            self.add_error(
                "ends_at",
                _("The end must be after the start. Check the end date and time."),
            )
        centre = data.get("centre")
        address = (data.get("address") or "").strip()
        postcode = (data.get("postcode") or "").strip()
        if centre and (address or postcode):
            self.add_error(
                "address",
                _(
                    "Choose a community centre or type an address, not both. Clear the address "
                    "and postcode if the event is at the centre."
                ),
            )
        elif centre:
            # The centre decides the neighbourhood.
            data["neighbourhood"] = centre.neighbourhood
        elif address:
            if not data.get("neighbourhood"):
                self.add_error("neighbourhood", _("Choose the neighbourhood the address is in."))
        elif "centre" not in self.errors:
            self.add_error(
                "centre",
                _("Say where the event is: choose a community centre, or type an address."),
            )
        data["address"] = address
        data["postcode"] = postcode.upper()
        return data


class NeighbourhoodFilterForm(forms.Form):
    neighbourhood = forms.ModelChoiceField(
        label=_("Neighbourhood"),
        queryset=Neighbourhood.objects.only("pk", "name", "slug").order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All neighbourhoods"),
        error_messages={"invalid_choice": _("Choose a neighbourhood from the list.")},
    )
