"""Withdraw a certificate: ``manage.py certificate_revoke <certificate number> --reason "..."``."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from courses.models import Certificate
from courses.progress.credentials.badges import certificate_revoke


class Command(BaseCommand):
    help = "Withdraw a certificate. Checking it then says it was withdrawn, and when."

    def add_arguments(self, parser):
        parser.add_argument("certificate_id", help="The certificate number (shown on it).")
        parser.add_argument(
            "--reason", required=True, help="Why it is withdrawn (kept; not shown to the public)."
        )

    def handle(self, *args, certificate_id: str, reason: str, **options):
        try:
            certificate = Certificate.objects.get(pk=certificate_id)
        except (Certificate.DoesNotExist, ValidationError) as error:
            raise CommandError(f"No certificate has the number {certificate_id}.") from error
        certificate = certificate_revoke(certificate=certificate, reason=reason)
        self.stdout.write(
            f"Withdrawn on {certificate.revoked_at:%d %B %Y}: {certificate.course_title} "
            f"for {certificate.learner_name}."
        )
