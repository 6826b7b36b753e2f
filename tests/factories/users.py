import time

from django.contrib.auth.models import Group

import factory
from allauth.account.models import EmailAddress
from allauth.mfa import app_settings
from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from training.users import roles
from training.users.models import User
from training.users.two_factor import authenticator_app_add

PASSWORD = "a-long-test-password-42"
# The authenticator-app secret of every factory user whose role needs two-step sign-in.
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"  # noqa: S105 - tests only


def totp_code(secret: str = TOTP_SECRET) -> str:
    """The code an authenticator app with ``secret`` shows now (allauth's own TOTP helper).

    Near the end of a 30-second window the code could expire before the test posts it, so it
    waits for the next window, as a person would.
    """
    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:
        time.sleep(left + 0.05)
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


class UserFactory(factory.django.DjangoModelFactory):
    """A learner with a verified email address who can sign in with PASSWORD.

    Staff whose role needs two-step sign-in (and superusers) also get an authenticator app with
    TOTP_SECRET, so ``client.force_login`` keeps working for them; ``second_factor=False`` makes
    one without (to test that they are sent to set one up).
    """

    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"learner{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    display_name = factory.Faker("first_name", locale="en_GB")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if not create:
            return
        self.save()
        self.groups.add(Group.objects.get(name=roles.LEARNER))
        if extracted and extracted != roles.LEARNER:
            self.groups.add(Group.objects.get(name=extracted))
        if extracted == roles.DIGITAL_CHAMPION and self.community_centre_id:
            # As the data migration (places 0004) does: a champion made with a centre works
            # there, by a Manager's staff assignment. Tests change it with staff_assignment_set.
            from training.places.models import StaffAssignment

            StaffAssignment.objects.create(person=self, centre_id=self.community_centre_id)
        if self.email:
            EmailAddress.objects.get_or_create(
                user=self, email=self.email, defaults={"verified": True, "primary": True}
            )

    @factory.post_generation
    def second_factor(self, create, extracted, **kwargs):
        if not create:
            return
        wanted = roles.role_needs_second_factor(self) if extracted is None else extracted
        # The check above remembered the roles on the object; forget them, as tests add groups.
        self.__dict__.pop("_role_names", None)
        if wanted:
            authenticator_app_add(user=self, secret=TOTP_SECRET)
