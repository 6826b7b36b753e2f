"""Groups, memberships, posts and comments for tests."""

from io import BytesIO

import factory
from PIL import Image

from community.models import Comment, Group, Joining, Membership, MembershipStatus, Post, Role
from community.text import text_render
from tests.factories.places import NeighbourhoodFactory
from tests.factories.users import UserFactory


class GroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Group
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    description = "News and help for neighbours."
    neighbourhood = factory.SubFactory(NeighbourhoodFactory)
    joining = Joining.OPEN


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    group = factory.SubFactory(GroupFactory)
    user = factory.SubFactory(UserFactory)
    role = Role.MEMBER
    status = MembershipStatus.ACTIVE


class PostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Post

    group = factory.SubFactory(GroupFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Hello neighbours, this is post {n}.")
    body_html = factory.LazyAttribute(lambda post: text_render(post.body))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(UserFactory)
    body = factory.Sequence(lambda n: f"Thanks, reply {n}.")
    body_html = factory.LazyAttribute(lambda comment: text_render(comment.body))


def member_add(group, user=None, *, role: str = Role.MEMBER) -> Membership:
    return MembershipFactory(group=group, user=user or UserFactory(), role=role)


def image_bytes(*, size=(64, 48), image_format: str = "JPEG", colour=(11, 92, 82), **save) -> bytes:
    buffer = BytesIO()
    Image.new("RGB", size, colour).save(buffer, format=image_format, **save)
    return buffer.getvalue()
