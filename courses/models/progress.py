"""The learning record: who started which course, finished which lesson, and achieved which
skill — when, alone or with help, and who helped.

Rules that must hold "only once" are unique constraints in the database, so double clicks, two
tabs and two app servers can never record the same thing twice.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class CompletionMethod(models.TextChoices):
    DONE = "done", _("Marked as done")
    QUIZ = "quiz", _("Passed the quiz")
    CHAMPION = "champion", _("Recorded by a Digital Champion")


class SkillEvidence(models.TextChoices):
    LESSONS = "lessons", _("Completed every lesson that teaches it")
    OBSERVED = "observed", _("Seen by a Digital Champion")


class Enrolment(models.Model):
    """A learner's place in one course: started, where they were last, and finished."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments"
    )
    # Indexed by the first column of the cohort index (``enrolment_cohort``), not one of its own.
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="enrolments", db_index=False
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    last_activity_at = models.DateTimeField(_("last active"), default=timezone.now)
    last_lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("last lesson opened or finished"),
    )
    completed_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # A reminder is sent once per lapse: set when sent, cleared when the learner comes back.
    nudged_at = models.DateTimeField(_("reminder sent"), null=True, blank=True)
    # Lessons of this course the learner completed (their LessonCompletion rows for it), kept
    # by courses.progress.services.lesson_complete: the dashboard's "got halfway" reads it.
    lessons_completed = models.PositiveIntegerField(_("lessons completed"), default=0)

    class Meta:
        verbose_name = _("enrolment")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="enrolment_once"),
        ]
        indexes = [
            models.Index(fields=["completed_at", "last_activity_at"], name="enrolment_activity"),
            # The dashboard's funnels: each course's enrolments started in a period, with what
            # the funnel counts, read from the index alone in course order.
            models.Index(
                fields=["course", "started_at"],
                include=["learner", "completed_at", "lessons_completed"],
                name="enrolment_cohort",
            ),
            # The dashboard's stalled learners: unfinished enrolments by when they were last
            # worked on, with their course and learner, read from the index alone.
            models.Index(
                fields=["last_activity_at"],
                include=["course", "learner"],
                condition=models.Q(completed_at__isnull=True),
                name="enrolment_stalled",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} in {self.course_id}"


class HelpRecorded(models.Model):
    """Whether something was done with help, who helped, and what they noted."""

    assisted = models.BooleanField(_("done with help"), default=False)
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("who helped"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        abstract = True


class LessonCompletion(HelpRecorded):
    """One lesson done by one learner: once, with the page revision they saw."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="completions",
    )
    # Kept so that a later edit or deletion of the course never takes away what was earned.
    course = models.ForeignKey(
        "courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lesson_title = models.CharField(max_length=255)
    revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(_("when"), default=timezone.now)
    method = models.CharField(max_length=16, choices=CompletionMethod.choices)

    class Meta:
        verbose_name = _("lesson completion")
        # Digital Champions record lessons and skills done with their help (assisted mode).
        permissions = [
            ("record_assisted_progress", _("Can record progress for learners they help")),
        ]
        constraints = [
            models.UniqueConstraint(fields=["learner", "lesson"], name="lesson_completion_once"),
        ]
        indexes = [
            models.Index(fields=["completed_at"], name="completion_time"),
            # The managers' dashboard: a period's lessons read from the index alone, and each
            # learner's lessons in a course counted without visiting the table.
            models.Index(
                fields=["completed_at"],
                include=["learner", "assisted", "course"],
                name="completion_time_cover",
            ),
            models.Index(fields=["learner", "course"], name="completion_learner_course"),
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} finished {self.lesson_title}"


class QuizAttempt(models.Model):
    """Every try at a lesson's quiz: the answers, the score and whether it passed."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    quiz_block_id = models.CharField(max_length=64)
    answers = models.JSONField(default=list)
    score = models.PositiveSmallIntegerField()
    total = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    attempted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("quiz attempt")
        ordering = ["-attempted_at"]

    def __str__(self) -> str:
        return f"{self.score}/{self.total}"


class SkillRecord(HelpRecorded):
    """A skill achieved: through every lesson that teaches it, or seen by a Digital Champion."""

    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="skill_records"
    )
    # Indexed by the first column of ``skill_record_by_skill``, not one of its own.
    skill = models.ForeignKey(
        "courses.Skill", on_delete=models.PROTECT, related_name="records", db_index=False
    )
    achieved_at = models.DateTimeField(_("when"), default=timezone.now)
    evidence = models.CharField(max_length=16, choices=SkillEvidence.choices)

    class Meta:
        verbose_name = _("skill achieved")
        verbose_name_plural = _("skills achieved")
        constraints = [
            models.UniqueConstraint(fields=["learner", "skill"], name="skill_record_once"),
        ]
        # The managers' dashboard reads a period's skills from this index alone.
        indexes = [
            models.Index(
                fields=["achieved_at"], include=["learner", "skill"], name="skill_record_time"
            ),
            # The dashboard with a course chosen: the records of its few skills in a period.
            models.Index(
                fields=["skill", "achieved_at"], include=["learner"], name="skill_record_by_skill"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.learner_id} can {self.skill_id}"


class Certificate(models.Model):
    """Proof of a finished course, with a public verification address and a signed badge."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="certificates"
    )
    course = models.ForeignKey(
        "courses.CoursePage", null=True, on_delete=models.SET_NULL, related_name="certificates"
    )
    course_title = models.CharField(max_length=255)
    learner_name = models.CharField(max_length=150)
    issued_at = models.DateTimeField(default=timezone.now)
    # The Open Badges 3.0 credential, signed as a VC-JWT (filled in when it is issued).
    credential_jwt = models.TextField(blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=255, blank=True)

    class Meta:
        verbose_name = _("certificate")
        constraints = [
            models.UniqueConstraint(fields=["learner", "course"], name="certificate_once"),
        ]

    def __str__(self) -> str:
        return f"{self.course_title} for {self.learner_name}"


class NudgeOptOut(models.Model):
    """A learner who asked for no reminder emails. Deleting the row turns reminders back on."""

    learner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="nudge_opt_out",
    )
    opted_out_at = models.DateTimeField(_("reminders stopped"), default=timezone.now)

    class Meta:
        verbose_name = _("no reminder emails")
        verbose_name_plural = _("no reminder emails")

    def __str__(self) -> str:
        return f"{self.learner_id} wants no reminders"
