"""Translations in the Wagtail admin: the menu item, its views, and the audit log actions."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from translations import urls
from translations.admin_views import TRANSLATE_PERMISSION
from translations.languages import default_language
from translations.selectors import STATE_LABELS, page_translation_status_for
from translations.services import PAGE_STATUS_ACTION, TEXT_SAVED_ACTION


@hooks.register("register_admin_urls")
def translations_admin_urls():
    return [path("translations/", include(urls, namespace="translations_admin"))]


class TranslationsMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(TRANSLATE_PERMISSION)


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return TranslationsMenuItem(
        _("Translations"),
        reverse("translations_admin:overview"),
        name="translations",
        icon_name="globe",
        order=265,
    )


@hooks.register("register_log_actions")
def translations_log_actions(actions):
    actions.register_action(
        TEXT_SAVED_ACTION,
        _("Save a translation of some text"),
        _("Translation saved"),
    )
    actions.register_action(
        PAGE_STATUS_ACTION,
        _("Set the status of a translated page"),
        _("Translation status set"),
    )


@hooks.register("register_page_header_buttons")
def translation_status_header_button(page, user, view_name, next_url=None):
    """On a translated page's header menu in the page editor: its translation status, which
    opens the place to change it. Only for those who may translate."""
    if not user.has_perm(TRANSLATE_PERMISSION):
        return
    if page.locale.language_code == default_language():
        return
    state, _record, _english = page_translation_status_for(page=page)
    yield Button(
        _("Translation: %(status)s") % {"status": STATE_LABELS[state]},
        reverse("translations_admin:page_status", kwargs={"page_id": page.pk}),
        icon_name="globe",
        priority=80,
    )
