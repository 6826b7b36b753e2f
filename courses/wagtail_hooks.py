from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.models import Skill, SkillArea

# Rules added to the accessibility checker that Wagtail runs in the editor's preview ("Checks")
# and in the userbar on live pages: our lessons are mostly images, lists, links and forms.
EXTRA_AXE_RULES = ["image-alt", "label", "list", "listitem", "duplicate-id-aria", "video-caption"]


class SkillAreaViewSet(SnippetViewSet):
    model = SkillArea
    icon = "folder-open-inverse"
    menu_label = _("Skill areas")
    list_display = ["code", "name", "is_foundation"]
    search_fields = ["name"]
    ordering = ["sort_order", "code"]


class SkillViewSet(SnippetViewSet):
    model = Skill
    icon = "success"
    menu_label = _("Skills")
    list_display = ["code", "statement", "area", "wording_source"]
    list_filter = ["area", "wording_source"]
    search_fields = ["code", "statement"]
    ordering = ["area__sort_order", "sort_order", "code"]


class SkillsFrameworkViewSetGroup(SnippetViewSetGroup):
    items = (SkillAreaViewSet, SkillViewSet)
    menu_label = _("Skills framework")
    menu_icon = "success"
    menu_order = 250


register_snippet(SkillsFrameworkViewSetGroup)


@hooks.register("construct_wagtail_userbar")
def accessibility_checks_extend(request, items, page=None) -> None:
    """Run a few more axe-core rules than Wagtail's defaults in the accessibility checker."""
    for item in items:
        if isinstance(item, ContentCheckerItem):
            current = list(item.get_axe_run_only(request) or [])
            item.axe_run_only = [
                *current,
                *(rule for rule in EXTRA_AXE_RULES if rule not in current),
            ]
