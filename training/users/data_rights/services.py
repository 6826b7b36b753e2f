"""Delete my account.

:func:`account_delete` erases the person: deleting the user row cascades to their enrolments,
completions, quiz attempts, skill records, certificates, email addresses and reminder settings.
Their activity-stream events stay, with no one attached (``actor`` is set to NULL by the
database), so the dashboards keep anonymous counts. Apps that must tidy up first register a
:data:`training.users.hooks.ACCOUNT_DELETE` hook.
"""

from django.db import transaction

from wagtail import hooks

from training.core.services import activity_record
from training.users.hooks import ACCOUNT_DELETE
from training.users.models import User
from training.users.verbs import ACCOUNT_DELETED


@transaction.atomic
def account_delete(*, user: User) -> None:
    """Erase ``user`` and everything personal that hangs off their account.

    An ``account.deleted`` event with no actor and no personal data is recorded first, so the
    dashboards can count deletions. The user's other events stay, no longer linked to anyone.
    """
    for hook in hooks.get_hooks(ACCOUNT_DELETE):
        hook(person=user)
    activity_record(actor=None, verb=ACCOUNT_DELETED)
    User.objects.filter(pk=user.pk).delete()
