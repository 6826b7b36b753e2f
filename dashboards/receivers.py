"""Keep the dashboard's fact table in step with completions saved outside the progress service.

The progress service (``courses.progress.services.lesson_complete``) inserts completions in one
statement of its own and calls :func:`dashboards.facts.learner_facts_touch` itself; a completion
saved with ``save()`` or ``objects.create()`` (the admin, the demo, back-dated test records)
comes through here. Deleting completions needs nothing: they go when their learner goes, and the
learner's fact rows go with them.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from courses.models import LessonCompletion
from dashboards.facts import learner_facts_touch


@receiver(post_save, sender=LessonCompletion, dispatch_uid="dashboards_facts_completion_saved")
def completion_saved(
    sender, instance: LessonCompletion, created: bool = False, raw: bool = False, **kwargs
) -> None:
    if raw:  # loading fixtures: rebuild the facts afterwards instead
        return
    learner_facts_touch(learner_id=instance.learner_id, added=instance if created else None)
