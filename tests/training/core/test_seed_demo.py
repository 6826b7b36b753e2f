from django.core.management import call_command

import pytest

from demo.users import DEMO_PASSWORD
from training.core.models import ActivityEvent, StandardPage
from training.places.models import CommunityCentre, Neighbourhood
from training.users import roles
from training.users.models import User

pytestmark = pytest.mark.django_db

DEMO_ROLES = {
    "tenant@example.com": roles.LEARNER,
    "champion@example.com": roles.DIGITAL_CHAMPION,
    "editor@example.com": roles.COURSE_EDITOR,
    "moderator@example.com": roles.MODERATOR,
    "safeguarding@example.com": roles.SAFEGUARDING_OFFICER,
    "manager@example.com": roles.MANAGER,
    "officer@example.com": roles.HOUSING_OFFICER,
}


def test_seed_demo_creates_accounts_places_and_pages_once(demo_seeded, capsys):
    counts = (User.objects.count(), Neighbourhood.objects.count(), StandardPage.objects.count())
    call_command("seed_demo")
    output = demo_seeded.output + capsys.readouterr().out

    assert counts == (
        User.objects.count(),
        Neighbourhood.objects.count(),
        StandardPage.objects.count(),
    )
    assert Neighbourhood.objects.count() == 3
    assert CommunityCentre.objects.count() == 2
    # Each account the demo opens is recorded once, even though it was seeded twice: the seven
    # roles above and the admin, the three Digital Champions and the two accounts they made for
    # learners (demo/content/champions.json).
    created = ActivityEvent.objects.filter(verb="account.created")
    assert sorted(event.actor.email or event.actor.username for event in created) == sorted(
        [
            *DEMO_ROLES,
            "admin@example.com",
            "jamie@example.com",
            "nia@example.com",
            "tom@example.com",
            "bill.carter",
            "rose.ahmed",
        ]
    )
    assert "homes-demo-2026" in output
    for email, role in DEMO_ROLES.items():
        user = User.objects.get(email=email)
        assert user.check_password(DEMO_PASSWORD)
        assert user.groups.filter(name=role).exists()
        assert email in output
    admin = User.objects.get(email="admin@example.com")
    assert admin.is_superuser
    tenant = User.objects.get(email="tenant@example.com")
    champion = User.objects.get(email="champion@example.com")
    assert tenant.neighbourhood is not None
    assert champion.community_centre is not None


def test_demo_accounts_can_sign_in(client, demo_seeded):
    response = client.post(
        "/account/login/",
        {"login": "champion@example.com", "password": DEMO_PASSWORD},
        follow=True,
    )
    assert response.context["user"].email == "champion@example.com"
