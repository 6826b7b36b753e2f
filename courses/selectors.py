"""Reads behind the course pages. Each makes a fixed number of queries, whatever the number of
courses, lessons, blocks or skills."""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Exists,
    F,
    Func,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr

from wagtail.images import get_image_model
from wagtail.models import Page

from courses.models import CourseIndexPage, CourseLevel, CoursePage, LessonPage, Skill, SkillArea
from translations.routing import (
    in_language_or_english,
    locale_id_default,
    pages_one_per_language,
)

LISTING_RENDITION = "fill-480x270"


@dataclass(frozen=True)
class LessonContents:
    """Where a lesson sits in its course: for "Lesson 2 of 5", previous/next and the contents."""

    course: Page | None
    index: Page | None
    lessons: list[LessonPage]
    position: int | None  # from 1; None when the lesson is not among the course's lessons

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def previous(self) -> LessonPage | None:
        if self.position is None or self.position < 2:
            return None
        return self.lessons[self.position - 2]

    @property
    def next(self) -> LessonPage | None:
        if self.position is None or self.position >= self.total:
            return None
        return self.lessons[self.position]


def _live_lessons_of_course() -> QuerySet[LessonPage]:
    """Live lessons of the course in the outer query (correlated on its tree path)."""
    return (
        LessonPage.objects.live()
        .filter(path__startswith=OuterRef("path"), depth=OuterRef("depth") + 1)
        .order_by()
    )


def skill_areas() -> list[SkillArea]:
    return list(SkillArea.objects.order_by("sort_order", "code"))


def _child_of_any_copy(index: CourseIndexPage) -> Q:
    """Children of ``index`` or of any of its translations (no query: the copies of a page sit
    at the same depth, so a child's parent path is the first ``depth`` steps of its own)."""
    parent_length = index.depth * index.steplen
    copies = Page.objects.filter(translation_key=index.translation_key).values("path")
    return Q(depth=index.depth + 1) & Q(
        Exists(copies.filter(path=Substr(OuterRef("path"), 1, parent_length)))
    )


def course_list(
    *,
    index: CourseIndexPage | None = None,
    area: str | None = None,
    level: str | None = None,
) -> QuerySet[CoursePage]:
    """Live, public courses, "Getting started" first, with lesson count and total minutes.

    ``area`` is a skill area code: a course matches if it teaches any skill in that area.
    """
    lessons = _live_lessons_of_course()
    courses = (
        CoursePage.objects.live()
        .public()
        .defer_streamfields()
        .annotate(
            lesson_minutes_total=Coalesce(
                Subquery(
                    lessons.annotate(total=Func(F("estimated_minutes"), function="SUM")).values(
                        "total"
                    )[:1],
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
            lesson_count=Coalesce(
                Subquery(
                    lessons.annotate(total=Func(F("pk"), function="COUNT")).values("total")[:1],
                    output_field=IntegerField(),
                ),
                Value(0),
            ),
            # The English course's place in the tree, so every language lists in one order.
            english_path=Coalesce(
                Subquery(
                    Page.objects.filter(
                        translation_key=OuterRef("translation_key"),
                        locale_id=locale_id_default(),
                    ).values("path")[:1]
                ),
                F("path"),
            ),
            level_order=Case(
                When(level=CourseLevel.GETTING_STARTED, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            ),
        )
        .prefetch_related(
            Prefetch("skills", queryset=Skill.objects.select_related("area")),
            Prefetch(
                "listing_image",
                queryset=get_image_model().objects.prefetch_renditions(LISTING_RENDITION),
            ),
        )
        .order_by("level_order", "english_path")
    )
    if index is not None:
        courses = courses.filter(_child_of_any_copy(index))
    # Each course once: its copy in the reader's language if published, else the English one.
    courses = in_language_or_english(courses)
    if level:
        courses = courses.filter(level=level)
    if area:
        teaches_area = CoursePage.skills.through.objects.filter(
            coursepage_id=OuterRef("pk"), skill__area__code=area
        )
        courses = courses.filter(Exists(teaches_area))
    return courses


def course_lessons(*, course: CoursePage) -> list[LessonPage]:
    """The live lessons of a course, in order, without their bodies."""
    return list(LessonPage.objects.live().child_of(course).defer_streamfields().order_by("path"))


def lesson_contents(*, lesson: LessonPage) -> LessonContents:
    """The lesson's course, the courses index and the course's lessons in order: two queries.

    The lesson itself is included even when it is not live, so that a preview shows its place.
    """
    if not lesson.path or lesson.depth is None or lesson.depth < 2:
        return LessonContents(course=None, index=None, lessons=[], position=None)
    course_path = lesson.path[: -lesson.steplen]
    index_path = course_path[: -lesson.steplen]
    ancestors = {
        page.path: page for page in Page.objects.filter(path__in=[course_path, index_path])
    }
    siblings = LessonPage.objects.filter(
        path__startswith=course_path, depth=lesson.depth
    ).defer_streamfields()
    if lesson.pk:
        siblings = siblings.filter(Q(live=True) | Q(pk=lesson.pk))
    else:
        siblings = siblings.filter(live=True)
    lessons = list(siblings.order_by("path"))
    if lesson.pk is None:
        # A preview of a lesson not yet saved: show it in its place, at the end.
        lessons.append(lesson)
    position = next(
        (number for number, item in enumerate(lessons, start=1) if item.path == lesson.path),
        None,
    )
    return LessonContents(
        course=ancestors.get(course_path),
        index=ancestors.get(index_path),
        lessons=lessons,
        position=position,
    )


def skills_framework() -> QuerySet[SkillArea]:
    """Every area with its skills, and for each skill the live courses that teach it."""
    courses = in_language_or_english(
        CoursePage.objects.live().public().defer_streamfields().order_by("title")
    )
    skills = Skill.objects.order_by("sort_order", "code").prefetch_related(
        Prefetch("courses", queryset=courses)
    )
    return SkillArea.objects.order_by("sort_order", "code").prefetch_related(
        Prefetch("skills", queryset=skills)
    )


@dataclass(frozen=True)
class SearchHit:
    page: Page
    kind: str  # "course" or "lesson"
    summary: str
    course: Page | None


def course_search(*, query: str) -> list[SearchHit]:
    """Courses and lessons matching ``query``, best first (at most 50)."""
    query = (query or "").strip()
    if not query:
        return []
    results = list(
        Page.objects.live()
        .public()
        .type(CoursePage, LessonPage)
        .specific()
        .search(query, operator="or")[:50]
    )
    # A translated course matches too; show each once, in the reader's language if found so.
    results = pages_one_per_language(results)
    parent_paths = {page.path[: -page.steplen] for page in results if isinstance(page, LessonPage)}
    courses = (
        {page.path: page for page in Page.objects.filter(path__in=parent_paths)}
        if parent_paths
        else {}
    )
    hits = []
    for page in results:
        if isinstance(page, CoursePage):
            hits.append(SearchHit(page=page, kind="course", summary=page.summary, course=None))
        else:
            course = courses.get(page.path[: -page.steplen])
            hits.append(
                SearchHit(page=page, kind="lesson", summary=page.summary_text, course=course)
            )
    return hits
