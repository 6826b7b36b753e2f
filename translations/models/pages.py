"""The translator's status of a translated page (a page in a locale other than English)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from translations.models.text import TranslationStatus


class PageTranslationStatus(models.Model):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("translated page"),
        on_delete=models.CASCADE,
        related_name="translation_status",
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=TranslationStatus.choices,
        default=TranslationStatus.IN_PROGRESS,
    )
    translator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("translator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The English page's published revision this translation was brought in line with; a newer
    # published English revision makes the translation out of date.
    source_revision_id = models.PositiveBigIntegerField(
        _("English revision synced"), null=True, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)

    class Meta:
        verbose_name = _("page translation status")
        verbose_name_plural = _("page translation statuses")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.status}"
