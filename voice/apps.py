from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VoiceConfig(AppConfig):
    name = "voice"
    verbose_name = _("Tenant voice")

    def ready(self) -> None:
        # A signal, not an admin hook: Wagtail's scheduled publishing (publish_scheduled) and
        # publishing from code announce themselves only through page_published, and the people
        # of an improvement's reports must be told however it goes live. The service is
        # idempotent (who was told is stored), so a second publish tells nobody twice.
        from wagtail.signals import page_published

        from voice.improvements_services import improvement_published
        from voice.models import ImprovementPage

        page_published.connect(
            improvement_published,
            sender=ImprovementPage,
            weak=False,
            dispatch_uid="voice-improvement-published",
        )

        # Consultations: everyone who took part is told once the decision is published.
        from voice.consultations_services import consultation_published
        from voice.models import ConsultationPage

        page_published.connect(
            consultation_published,
            sender=ConsultationPage,
            weak=False,
            dispatch_uid="voice-consultation-published",
        )
