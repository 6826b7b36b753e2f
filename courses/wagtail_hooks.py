from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from courses.hooks import QUIZ_ANSWERED
from courses.models import Skill, SkillArea
from courses.offline.services import offline_session_merge
from courses.progress.learner.data_export import learning_record_export
from courses.progress.learner.page_context import quiz_result_record
from courses.progress.session import progress_session_merge
from training.users.hooks import DATA_EXPORT_SECTIONS, EXPORT_ORDER_LEARNING, SIGN_IN

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


# Keep what a visitor learned while signed out when they sign in or sign up.
hooks.register(SIGN_IN, progress_session_merge)
hooks.register(SIGN_IN, offline_session_merge)
# "Download my data": the reminder-email setting and the learning record.
hooks.register(DATA_EXPORT_SECTIONS, learning_record_export, order=EXPORT_ORDER_LEARNING)
# A quiz answered on a lesson page: store the try (passing completes the lesson).
hooks.register(QUIZ_ANSWERED, quiz_result_record)
