"""Activity verbs about accounts (see :mod:`training.core.verbs`)."""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

ACCOUNT_CREATED = verb_register(
    "account.created",
    _("Opened an account, or had one made for them by a Digital Champion (the context says who)."),
)
ACCOUNT_DELETED = verb_register(
    "account.deleted",
    _(
        "Someone deleted their account. Recorded with nobody as the actor and no personal data, "
        "so that counts stay right."
    ),
)
