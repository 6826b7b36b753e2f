"""Next steps in the Wagtail admin: Snippets → Next steps, for Course Editors."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from practice.models import NextStep


class NextStepViewSet(SnippetViewSet):
    model = NextStep
    icon = "arrow-right-full"
    menu_label = _("Next steps")
    menu_order = 260
    add_to_admin_menu = True
    list_display = ["title", "kind", "attached_to", "sort_order"]
    list_filter = ["kind"]
    search_fields = ["title"]
    ordering = ["sort_order", "pk"]

    def get_queryset(self, request):
        return NextStep.objects.select_related("course", "skill")


register_snippet(NextStepViewSet)
