"""Confidential reports' activity verb (see :mod:`training.core.verbs`).

The only trace of a report in the activity stream: no actor, no object, no context, and the
time rounded down to the day, so the stream cannot be matched with a sign-in or a page view.
"""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

REPORT_MADE = verb_register(
    "safeguarding.report.made",
    _(
        "Someone made a confidential report of a hate incident or anti-social behaviour. "
        "Anonymous: no person, report or time of day is recorded."
    ),
)
