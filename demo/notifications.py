"""Demo email choices: the Digital Champion gets one email a day, everyone else the default
(straight away). Notifications themselves come from the community and events demo content."""

from notifications.models import EmailChoice
from notifications.services import email_choice_set
from training.users.models import User

DEMO_CHOICES = {"champion@example.com": EmailChoice.DAILY}


def demo_seed(*, stdout) -> None:
    for email, choice in DEMO_CHOICES.items():
        person = User.objects.filter(email__iexact=email).first()
        if person is not None:
            email_choice_set(person=person, choice=choice)
    stdout.write("Notifications: demo email choices set.")
