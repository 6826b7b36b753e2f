"""Taking a next step: recorded in the activity stream as taking part in the community."""

from practice.models import NextStep
from practice.selectors import LearnerStep, StepResolver
from practice.verbs import NEXT_STEP_TAKEN
from training.core.services import activity_record
from training.users.models import User


def next_step_take(*, step: NextStep, learner: User) -> LearnerStep:
    """Resolve ``step`` for ``learner``, record that they took it, and return where it leads.

    Every take is one event (a learner who comes back to the step takes it again): the
    activity stream counts visits, and “done” is read from it.
    """
    resolved = StepResolver(learner, taking=True).resolve(step)
    context = {
        "kind": step.kind,
        "neighbourhood_id": learner.neighbourhood_id,
        "centre_id": learner.community_centre_id,
        "target": resolved.target.context,
    }
    if step.course_id:
        context["course_id"] = step.course_id
    if step.skill_id:
        context["skill_id"] = step.skill_id
    activity_record(actor=learner, verb=NEXT_STEP_TAKEN, obj=step, context=context)
    return resolved
