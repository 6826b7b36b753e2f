"""The champions app's activity verbs (see :mod:`training.core.verbs`).

Becoming a Digital Champion counts as taking part (the dashboards' "Does it last?"): a learner
who goes on to help their neighbours has kept going in the best way.
"""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

CHAMPION_APPLIED = verb_register(
    "champion.applied",
    _("Asked to become a Digital Champion at a community centre, with a short note."),
)
CHAMPION_APPROVED = verb_register(
    "community.champion.approved",
    _("Became a Digital Champion at a community centre (a Manager said yes). Taking part."),
    participation=True,
)
CHAMPION_DECLINED = verb_register(
    "champion.declined",
    _("Was told no to becoming a Digital Champion, with the Manager's reason."),
)
CHAMPION_STEPPED_DOWN = verb_register(
    "champion.stepped_down",
    _("Stopped being a Digital Champion, by their own choice."),
)
CHAMPION_ENDED = verb_register(
    "champion.ended",
    _("Stopped being a Digital Champion: a Manager ended the role, with a reason."),
)
CHAMPION_EVENT_RUN = verb_register(
    "champion.event_run",
    _("A Digital Champion added an event at their centre to run it."),
)
HELPER_BADGE_ISSUED = verb_register(
    "champion.helper_badge_issued",
    _("Was given the Open Badge for helping 10 learners."),
)
