from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


@register_setting(icon="cog")
class SiteSettings(BaseGenericSetting):
    """Footer links and contact details shown on every page."""

    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy notice"),
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contact page"),
    )
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)

    panels = [
        FieldPanel("accessibility_page"),
        FieldPanel("privacy_page"),
        FieldPanel("contact_page"),
        FieldPanel("contact_phone"),
        FieldPanel("contact_email"),
    ]

    class Meta:
        verbose_name = _("site settings")

    def save(self, *args, **kwargs) -> None:
        from training.core.page_cache import page_cache_purge

        super().save(*args, **kwargs)
        page_cache_purge()  # every page shows the footer
