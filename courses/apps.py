from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self) -> None:
        from wagtail.signals import copy_for_translation_done

        from courses.translation_permissions import translation_permissions_on_copy

        # A page's translation may be edited by those who may edit the page.
        copy_for_translation_done.connect(
            translation_permissions_on_copy, dispatch_uid="courses-translation-permissions"
        )
