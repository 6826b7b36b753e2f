"""Reading next steps, and making each one concrete for one learner.

A step says “join your neighbourhood group”; :class:`StepResolver` turns that into *this*
learner's group, from their neighbourhood, or the next event at *their* community centre. Every
page asks for its steps in one query and resolves them with at most a handful more, however many
steps there are: the group and the event are looked up once per learner, not once per step.
"""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.core.cache import cache
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils.translation import gettext as _

from community.models import Group, Joining
from community.selectors import group_for_neighbourhood, membership_of
from community.verbs import GROUP_JOINED, POST_CREATED
from courses.models import Enrolment, LessonPage, SkillRecord
from events.selectors import event_next
from events.verbs import EVENT_BOOKED
from practice.models import INDEX_VERSION_KEY, NextStep, NextStepKind, url_is_safe
from practice.verbs import NEXT_STEP_TAKEN
from training.core.models import ActivityEvent
from training.core.page_cache import page_cache_version
from training.places.models import CommunityCentre, Neighbourhood
from training.users.models import User

VERB_TAKEN = NEXT_STEP_TAKEN  # its earlier name here, still imported by tests
# The community action that shows each kind of step was really done.
DONE_VERBS: dict[str, str] = {
    NextStepKind.JOIN_GROUP: GROUP_JOINED,
    NextStepKind.SHARE_PHOTO: POST_CREATED,
    NextStepKind.NEXT_EVENT: EVENT_BOOKED,
}


@dataclass(frozen=True)
class StepTarget:
    """Where taking a step leads this learner."""

    kind: str  # group | post_new | event | link | community
    url: str
    name: str = ""
    detail: str = ""
    obj: Any = None

    @property
    def context(self) -> dict[str, Any]:
        """What the activity stream keeps about the target (no joins needed later)."""
        found: dict[str, Any] = {"type": self.kind, "url": self.url}
        if self.obj is not None:
            found["id"] = self.obj.pk
        if self.name:
            found["name"] = self.name
        return found


@dataclass
class LearnerStep:
    """A next step made concrete for one learner."""

    step: NextStep
    target: StepTarget
    note: str = ""
    taken: bool = False
    done: bool = False

    @property
    def button_text(self) -> str:
        return {
            "group": _("Go to the group"),
            "post_new": _("Share your photo"),
            "event": _("See the event"),
            "link": _("Open the page"),
        }.get(self.target.kind, _("Find out more"))

    @property
    def target_label(self) -> str:
        return {
            "group": _("Your group:"),
            "post_new": _("Share it in:"),
            "event": _("Next event:"),
            "community": _("Where to look:"),
        }.get(self.target.kind, "")

    @property
    def after_text(self) -> str:
        step = self.step
        if step.course is not None:
            return _("After the course “%(title)s”") % {"title": step.course.title}
        assert step.skill is not None  # a step follows a course or a skill (model validation)
        return _("After learning: %(skill)s") % {"skill": step.skill.statement}


@dataclass
class Practice:
    """What a page shows under “Put it into practice”."""

    steps: list[LearnerStep] = field(default_factory=list)
    # The learner has not told us where they live: say so, with a link to their profile.
    needs_place: bool = False
    # There are steps that finishing this lesson would show (the lesson page reloads for them).
    leads_to_steps: bool = False

    def __bool__(self) -> bool:
        return bool(self.steps)

    @property
    def profile_url(self) -> str:
        return reverse("users:profile")


class StepResolver:
    """Resolves steps for one learner. The group and the event are each looked up once."""

    def __init__(self, learner: User, *, taking: bool = False) -> None:
        self.learner = learner
        # When the learner takes a step, and only then, we check whether they are already in
        # the group (pages showing steps stay within their query budgets).
        self.taking = taking

    # The learner's places, for lookups: by id, with no query. The full neighbourhood (its
    # name and address) is read only when a step falls back to the neighbourhood page.
    @cached_property
    def neighbourhood_ref(self) -> Neighbourhood | None:
        found = self.learner.neighbourhood_id
        return Neighbourhood(pk=found) if found else None

    @cached_property
    def centre_ref(self) -> CommunityCentre | None:
        found = self.learner.community_centre_id
        return CommunityCentre(pk=found) if found else None

    @cached_property
    def neighbourhood(self) -> Neighbourhood | None:
        if self.neighbourhood_ref is None:
            return None
        if User.neighbourhood.is_cached(self.learner):
            return self.learner.neighbourhood
        return Neighbourhood.objects.filter(pk=self.neighbourhood_ref.pk).first()

    @cached_property
    def group(self) -> tuple[Group | None, bool]:
        """(the learner's group, whether it is their own neighbourhood's)."""
        if self.neighbourhood_ref is not None:
            group = group_for_neighbourhood(neighbourhood=self.neighbourhood_ref)
            if group is not None:
                return group, True
        topic = (
            Group.objects.filter(neighbourhood__isnull=True, joining=Joining.OPEN)
            .order_by("name")
            .first()
        )
        return topic, False

    @cached_property
    def member_of_group(self) -> bool:
        group, _own = self.group
        if group is None:
            return False
        membership = membership_of(group=group, user=self.learner)
        return membership is not None and membership.is_active

    @cached_property
    def event(self) -> tuple[Any, bool]:
        """(the next event for the learner, whether it is at their own centre or area)."""
        if self.centre_ref is not None:
            found = event_next(centre=self.centre_ref)
            if found is not None:
                return found, True
        if self.neighbourhood_ref is not None:
            found = event_next(neighbourhood=self.neighbourhood_ref)
            if found is not None:
                return found, True
        return event_next(), False

    def _community_fallback(self) -> StepTarget:
        if self.neighbourhood is not None:
            url = reverse("community:neighbourhood", kwargs={"slug": self.neighbourhood.slug})
            return StepTarget(kind="community", url=url, name=self.neighbourhood.name)
        return StepTarget(kind="community", url=reverse("community:home"))

    def _no_place_note(self, *, what: str) -> str:
        if self.neighbourhood_ref is None:
            return _(
                "You have not told us your neighbourhood yet, so we cannot show you %(what)s."
            ) % {"what": what}
        return ""

    def _group_target(self, step: NextStep) -> tuple[StepTarget, str]:
        group, own = self.group
        if group is None:
            note = self._no_place_note(what=_("your neighbourhood group")) or _(
                "Your neighbourhood does not have a group yet. Have a look at the community "
                "page instead."
            )
            return self._community_fallback(), note
        note = ""
        sharing = step.kind == NextStepKind.SHARE_PHOTO
        if sharing and self.taking and not self.member_of_group:
            note = _("Join the group first. Then you can share your photo there.")
        if sharing and not note:
            url = reverse("community:post_new", kwargs={"slug": group.slug})
            target = StepTarget(kind="post_new", url=url, name=group.name, obj=group)
        else:
            target = StepTarget(
                kind="group", url=group.get_absolute_url(), name=group.name, obj=group
            )
        if not own:
            why = self._no_place_note(what=_("your neighbourhood group")) or _(
                "Your neighbourhood does not have a group yet."
            )
            until = _("Until then, this group is open to everyone in the area.")
            note = " ".join(part for part in (why, until, note) if part)
        return target, note

    def _event_target(self) -> tuple[StepTarget, str]:
        event, own = self.event
        if event is None:
            return self._community_fallback(), _(
                "There are no events planned yet. Have a look again soon."
            )
        detail = ", ".join(part for part in (event.when_text, event.place_name) if part)
        target = StepTarget(
            kind="event", url=event.get_absolute_url(), name=event.title, detail=detail, obj=event
        )
        note = ""
        if not own:
            if self.centre_ref is None and self.neighbourhood_ref is None:
                note = _(
                    "You have not told us your community centre yet, so here is the next event "
                    "anywhere in the area."
                )
            else:
                note = _(
                    "There is no event planned at your centre yet. Here is the next one nearby."
                )
        return target, note

    def resolve(self, step: NextStep) -> LearnerStep:
        if step.kind in (NextStepKind.JOIN_GROUP, NextStepKind.SHARE_PHOTO):
            target, note = self._group_target(step)
        elif step.kind == NextStepKind.NEXT_EVENT:
            target, note = self._event_target()
        else:
            # Checked when saved; checked again here, so a bad address can never be followed.
            url = step.url if url_is_safe(step.url) else reverse("courses:my_learning")
            target, note = StepTarget(kind="link", url=url, name=step.title), ""
        return LearnerStep(step=step, target=target, note=note)

    def practice(self, steps: list[NextStep], **extra) -> Practice:
        resolved = [self.resolve(step) for step in steps]
        needs = self.neighbourhood_ref is None and any(
            item.step.kind != NextStepKind.LINK for item in resolved
        )
        return Practice(steps=resolved, needs_place=needs, **extra)


def _steps() -> QuerySet[NextStep]:
    return NextStep.objects.select_related("course", "skill").order_by("sort_order", "pk")


def _finished_course(learner: User, course_ref: str = "course_id") -> Exists:
    return Exists(
        Enrolment.objects.filter(
            learner=learner, course_id=OuterRef(course_ref), completed_at__isnull=False
        )
    )


def _achieved_skill(learner: User, skill_ref: str = "skill_id") -> Exists:
    return Exists(SkillRecord.objects.filter(learner=learner, skill_id=OuterRef(skill_ref)))


def learner_next_steps(*, learner: User) -> list[NextStep]:
    """Every step the learner has earned: from the courses they finished and the skills they
    achieved. One query."""
    return list(
        _steps()
        .annotate(finished=_finished_course(learner), achieved=_achieved_skill(learner))
        .filter(Q(course__isnull=False, finished=True) | Q(skill__isnull=False, achieved=True))
    )


def course_next_steps(*, course_id: int) -> list[NextStep]:
    return list(_steps().filter(course_id=course_id))


@dataclass(frozen=True)
class StepsIndex:
    """Which courses (by page path) and which lessons (through their skills) lead to steps."""

    course_paths: frozenset[str] = frozenset()
    lesson_ids: frozenset[int] = frozenset()

    def leads(self, lesson: LessonPage) -> bool:
        return lesson.path[: -lesson.steplen] in self.course_paths or lesson.pk in self.lesson_ids


STEPS_INDEX_SECONDS = 600


def steps_index() -> StepsIndex:
    """The index, from the shared cache: no query on a lesson page that leads to no step.

    Its key carries the page cache's version (moved on by every publish, move or deletion of a
    page, which is when a lesson's skills can change) and our own (moved on by every save or
    deletion of a step), so it is never out of date for long, on any server.
    """
    key = f"practice:steps-index:{page_cache_version()}:{cache.get(INDEX_VERSION_KEY, 1)}"
    found = cache.get(key)
    if found is None:
        found = StepsIndex(
            course_paths=frozenset(
                NextStep.objects.filter(course__isnull=False).values_list("course__path", flat=True)
            ),
            lesson_ids=frozenset(
                LessonPage.objects.filter(skills__next_steps__isnull=False)
                .values_list("pk", flat=True)
                .distinct()
            ),
        )
        cache.set(key, found, STEPS_INDEX_SECONDS)
    return found


def lesson_next_steps(*, learner: User, lesson: LessonPage) -> tuple[list[NextStep], bool]:
    """(the steps earned through this lesson's course or skills, whether finishing the lesson
    could show any). One query."""
    course_path = lesson.path[: -lesson.steplen]
    found = list(
        _steps()
        .filter(Q(course__path=course_path) | Q(skill__lessons=lesson))
        .annotate(finished=_finished_course(learner), achieved=_achieved_skill(learner))
        .distinct()
    )
    earned = [step for step in found if (step.finished if step.course_id else step.achieved)]
    return earned, bool(found)


def _matches(step: LearnerStep, event: ActivityEvent) -> bool:
    """Whether a community action by the learner is the one this step asked for."""
    target = step.target
    if target.obj is None:
        return False
    if event.verb == POST_CREATED:
        # Sharing a photo: a post with a photo, in the group the step pointed to.
        context = event.context or {}
        return context.get("group_id") == target.obj.pk and bool(context.get("has_photo"))
    return event.object_id == str(target.obj.pk)


def steps_mark_done(*, learner: User, steps: list[LearnerStep]) -> None:
    """Mark which steps the learner took, and which they really did, from the activity stream.

    One query: the learner's “took a step” events and the community actions that steps ask for
    (joining the group, posting in it, booking the event).
    """
    if not steps:
        return
    verbs = {NEXT_STEP_TAKEN, *DONE_VERBS.values()}
    events = list(
        ActivityEvent.objects.filter(actor=learner, verb__in=verbs).only(
            "verb", "object_id", "context", "occurred_at"
        )
    )
    taken_ids = {event.object_id for event in events if event.verb == NEXT_STEP_TAKEN}
    for item in steps:
        item.taken = str(item.step.pk) in taken_ids
        wanted = DONE_VERBS.get(item.step.kind)
        if wanted is None:
            item.done = item.taken
        else:
            item.done = any(event.verb == wanted and _matches(item, event) for event in events)
