from django.contrib.auth.models import Group

import factory
from allauth.account.models import EmailAddress

from training.users import roles
from training.users.models import User

PASSWORD = "a-long-test-password-42"


class UserFactory(factory.django.DjangoModelFactory):
    """A learner with a verified email address who can sign in with PASSWORD."""

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
