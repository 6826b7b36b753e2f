"""The courses app's activity verbs (see :mod:`training.core.verbs`).

None of them counts as taking part in the community: the dashboards ask whether learning led
to taking part, so learning itself cannot be the answer.
"""

from django.utils.translation import gettext_lazy as _

from training.core.verbs import verb_register

COURSE_STARTED = verb_register(
    "course.started",
    _("Started a course (the first time only)."),
)
LESSON_COMPLETED = verb_register(
    "lesson.completed",
    _("Finished a lesson, alone or with a Digital Champion's help (the context says which)."),
)
QUIZ_ATTEMPTED = verb_register(
    "quiz.attempted",
    _("Tried a lesson's quiz, with the score and whether it was passed."),
)
SKILL_ACHIEVED = verb_register(
    "skill.achieved",
    _(
        "Achieved a skill: by finishing its lessons, or seen doing it by a Digital Champion "
        "(the evidence says which)."
    ),
)
COURSE_COMPLETED = verb_register(
    "course.completed",
    _("Finished every lesson of a course."),
)
CERTIFICATE_ISSUED = verb_register(
    "certificate.issued",
    _("Was given a certificate (an Open Badge) for a finished course."),
)
CERTIFICATE_REVOKED = verb_register(
    "certificate.revoked",
    _("Had a certificate withdrawn by staff, with the reason."),
)
NUDGE_SENT = verb_register(
    "nudge.sent",
    _("Was sent a reminder email after a week or so without learning (the site did it)."),
)
