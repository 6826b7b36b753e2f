"""The practice app's activity verbs (see :mod:`training.core.verbs`)."""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

NEXT_STEP_TAKEN = verb_register(
    "community.next_step.taken",
    _(
        "Pressed a next step's button after a course or skill (“join your neighbourhood group”, "
        "say) and went where it leads. Taking part."
    ),
    participation=True,
)
