from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from training.users.hooks import ACCOUNT_DELETE, DATA_EXPORT_SECTIONS, EXPORT_ORDER_VOICE
from voice import admin_views
from voice.data_rights import account_voice_tidy, tenant_voice_export
from voice.models import EstateCheck
from voice.selectors import IMPORT_PERMISSION, tenant_verification_export

# Later tenant-voice tools add their admin menu items with this hook.
VOICE_MENU_HOOK = "register_voice_menu_item"

voice_admin_urls = (
    [path("tenancies/", admin_views.tenancy_list, name="tenancy_list")],
    "voice_admin",
)


@hooks.register("register_admin_urls")
def voice_admin_urls_register():
    return [path("voice/", include(voice_admin_urls))]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request) -> bool:
        return request.user.has_perm(self.permission)


@hooks.register(VOICE_MENU_HOOK)
def tenancy_list_menu_item():
    return PermissionMenuItem(
        _("Tenancy list"),
        reverse("voice_admin:tenancy_list"),
        name="voice-tenancy-list",
        icon_name="list-ul",
        order=100,
        permission=IMPORT_PERMISSION,
    )


class EstateCheckViewSet(SnippetViewSet):
    """Estate checks with their questions inline. Only Managers hold the estate check
    permissions (ROLE_PERMISSIONS), so only they (and superusers) see or open one."""

    model = EstateCheck
    icon = "tasks"
    add_to_admin_menu = False
    list_display = ["title", "opens_on", "closes_on"]
    list_filter = ["neighbourhoods"]
    search_fields = ["title"]


register_snippet(EstateCheckViewSet)


@hooks.register(VOICE_MENU_HOOK)
def estate_checks_menu_item():
    return PermissionMenuItem(
        _("Estate checks"),
        reverse("wagtailsnippets_voice_estatecheck:list"),
        name="voice-estate-checks",
        icon_name="tasks",
        order=200,
        permission="voice.view_estatecheck",
    )


@hooks.register("register_admin_menu_item")
def voice_menu():
    """ "Tenant voice" in the admin menu; shown only to those who may open one of its items."""
    return SubmenuMenuItem(
        _("Tenant voice"),
        Menu(register_hook_name=VOICE_MENU_HOOK),
        name="tenant-voice",
        icon_name="home",
        order=330,
    )


@hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_VOICE)
def voice_data_export(*, person) -> dict:
    """The "tenant_verification" and "tenant_voice" sections of "Download my data"."""
    return {
        "tenant_verification": tenant_verification_export(person=person),
        "tenant_voice": tenant_voice_export(person=person),
    }


# Before an account is deleted: reports stay without the name, photos go, estate check answers
# stay anonymous (voice/data_rights.py says why).
hooks.register(ACCOUNT_DELETE, account_voice_tidy, order=25)


@hooks.register("register_log_actions")
def voice_report_log_actions(actions):
    """Estate report status changes in Wagtail's audit log (the admin's "Site history")."""
    actions.register_action(
        "voice.report.status_changed",
        _("Change an estate report's status"),
        _("Estate report status changed"),
    )


@hooks.register("register_log_actions")
def voice_improvement_log_actions(actions):
    """ "You said, we did": the people of an improvement's reports were told (how many)."""
    actions.register_action(
        "voice.improvement.people_told",
        _("Tell the people of an improvement's reports"),
        _("People of the improvement's reports told"),
    )


@hooks.register("register_log_actions")
def voice_consultation_log_actions(actions):
    """Consultations: everyone who took part was told about the decision (how many)."""
    actions.register_action(
        "voice.consultation.decision_told",
        _("Tell everyone who took part about a consultation's decision"),
        _("People who took part told about the decision"),
    )
