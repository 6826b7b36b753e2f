from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from community import admin_views
from community.models import Group
from community.permissions import MODERATE_PERMISSION
from community.selectors import community_export
from community.services import account_photos_delete
from training.users.hooks import ACCOUNT_DELETE, DATA_EXPORT_SECTIONS, EXPORT_ORDER_COMMUNITY


class GroupViewSet(SnippetViewSet):
    model = Group
    icon = "group"
    menu_label = _("Community groups")
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["name", "neighbourhood", "joining", "pre_moderate"]
    list_filter = ["neighbourhood", "joining", "pre_moderate"]
    search_fields = ["name"]


register_snippet(GroupViewSet)

moderation_urls = (
    [
        path("", admin_views.queue, name="queue"),
        path("log/", admin_views.log, name="log"),
        path("<str:kind>/<int:pk>/", admin_views.review, name="review"),
    ],
    "community_moderation",
)


@hooks.register("register_admin_urls")
def moderation_urls_register():
    return [path("community/moderation/", include(moderation_urls))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(MODERATE_PERMISSION)


@hooks.register("register_admin_menu_item")
def moderation_menu_item():
    return ModeratorMenuItem(
        _("Moderation"),
        reverse("community_moderation:queue"),
        name="community-moderation",
        icon_name="warning",
        order=320,
    )


@hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_COMMUNITY)
def community_data_export(*, person) -> dict:
    """The "community" section of "Download my data"."""
    return {"community": community_export(person=person)}


# Before an account is deleted: remove the photos the person posted.
hooks.register(ACCOUNT_DELETE, account_photos_delete, order=10)
