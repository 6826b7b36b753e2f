"""Demo accounts, one for each role. Created only by `seed_demo`, never in production."""

from django.contrib.auth.models import Group

from allauth.account.models import EmailAddress

from demo.two_factor import demo_second_factor_seed
from training.places.models import CommunityCentre, Neighbourhood
from training.places.services import staff_assignment_set, staff_neighbourhood_set
from training.users import roles
from training.users.models import User
from training.users.services import account_setup

DEMO_PASSWORD = "homes-demo-2026"  # noqa: S105 - published on purpose, demo only

DEMO_ACCOUNTS = [
    # email, display name, role, is superuser, staff member. Names carry no role words: the
    # site shows each staff role as a badge beside the name ({% person_name %}).
    ("tenant@example.com", "Pat Jones", roles.LEARNER, False, False),
    ("champion@example.com", "Sam Patel", roles.DIGITAL_CHAMPION, False, True),
    ("editor@example.com", "Alex Green", roles.COURSE_EDITOR, False, True),
    ("moderator@example.com", "Jo Adams", roles.MODERATOR, False, True),
    ("safeguarding@example.com", "Chris Lee", roles.SAFEGUARDING_OFFICER, False, True),
    ("manager@example.com", "Morgan Reid", roles.MANAGER, False, True),
    ("officer@example.com", "Dee Okafor", roles.HOUSING_OFFICER, False, True),
    ("admin@example.com", "Robin Shaw", None, True, True),
]


def demo_seed(*, stdout) -> None:
    elm_court = Neighbourhood.objects.get(slug="elm-court")
    centre = CommunityCentre.objects.get(slug="elm-court-community-centre")
    for email, name, role, is_superuser, staff_member in DEMO_ACCOUNTS:
        user = User.objects.filter(email__iexact=email).first()
        created = user is None
        if created:
            user = User(username=email.split("@")[0], email=email)
        user.display_name = name
        user.is_superuser = is_superuser
        user.is_staff = is_superuser
        user.is_staff_member = staff_member
        user.set_password(DEMO_PASSWORD)
        if email in {"tenant@example.com", "champion@example.com"}:
            user.neighbourhood = elm_court
            user.community_centre = centre
        user.save()
        EmailAddress.objects.update_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if role and role != roles.LEARNER:
            user.groups.add(Group.objects.get(name=role))
        if created:
            account_setup(user=user)
    # The champion works at Elm Court: a staff assignment made by the demo Manager.
    manager = User.objects.get(email__iexact="manager@example.com")
    staff_assignment_set(
        person=User.objects.get(email__iexact="champion@example.com"), centre=centre, by=manager
    )
    # The Housing Officer looks after Elm Court: a staff assignment to the neighbourhood.
    staff_neighbourhood_set(
        person=User.objects.get(email__iexact="officer@example.com"),
        neighbourhood=elm_court,
        by=manager,
    )
    stdout.write(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
    for email, _name, role, _su, _staff in DEMO_ACCOUNTS:
        stdout.write(f"  {email:<28} {role or 'superuser'}")
    demo_second_factor_seed(emails=[account[0] for account in DEMO_ACCOUNTS], stdout=stdout)
