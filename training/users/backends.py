"""Sign-in backends that load, with the person, whether their role needs two-step sign-in.

:class:`training.users.middleware.SecondFactorRequiredMiddleware` asks this on every request of a
signed-in person; reading it in the same query that loads them keeps every page's query count as
it was.
"""

from django.contrib.auth import backends as django_backends
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef

from allauth.account import auth_backends as allauth_backends

from training.users.models import User
from training.users.roles import SECOND_FACTOR_ROLE_ANNOTATION, SECOND_FACTOR_ROLES
from training.users.user_cache import user_cached_get


class _LoadsSecondFactorRole:
    def get_user(self, user_id):
        # From the shared cache when a current copy is there (training/users/user_cache.py).
        user = user_cached_get(user_id=user_id, load=lambda: _user_load(user_id))
        return user if user is not None and self.user_can_authenticate(user) else None


def _user_load(user_id):
    in_role = Group.objects.filter(user=OuterRef("pk"), name__in=SECOND_FACTOR_ROLES)
    return (
        User._default_manager.annotate(**{SECOND_FACTOR_ROLE_ANNOTATION: Exists(in_role)})
        .filter(pk=user_id)
        .first()
    )


class ModelBackend(_LoadsSecondFactorRole, django_backends.ModelBackend):
    pass


class AuthenticationBackend(_LoadsSecondFactorRole, allauth_backends.AuthenticationBackend):
    pass
