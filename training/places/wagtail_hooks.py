from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from training.places.models import CommunityCentre, Neighbourhood


class NeighbourhoodViewSet(SnippetViewSet):
    model = Neighbourhood
    icon = "site"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class CommunityCentreViewSet(SnippetViewSet):
    model = CommunityCentre
    icon = "home"
    list_display = ["name", "neighbourhood", "postcode"]
    list_filter = ["neighbourhood"]
    search_fields = ["name"]


class PlacesViewSetGroup(SnippetViewSetGroup):
    items = (NeighbourhoodViewSet, CommunityCentreViewSet)
    menu_label = _("Places")
    menu_icon = "site"
    menu_order = 300


register_snippet(PlacesViewSetGroup)
