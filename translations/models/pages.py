"""The translator's status of a translated page (a page in a locale other than English)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from translations.models.mixins import TranslationStatus, TranslatorStatusMixin


class PageTranslationStatus(TranslatorStatusMixin):
    page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("translated page"),
        on_delete=models.CASCADE,
        related_name="translation_status",
    )
    # A page's translation starts as a draft (a snippet's text is ready when saved).
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=TranslationStatus.choices,
        default=TranslationStatus.IN_PROGRESS,
    )
    # The English page's published revision this translation was brought in line with; a newer
    # published English revision makes the translation out of date.
    source_revision_id = models.PositiveBigIntegerField(
        _("English revision synced"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("page translation status")
        verbose_name_plural = _("page translation statuses")

    def __str__(self) -> str:
        return f"{self.page_id}: {self.status}"
