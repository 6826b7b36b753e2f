"""The dashboard as tables: the figures of ``selectors.py``, labelled, formatted and suppressed.

The page, the CSV downloads and the background export all use these tables, so a figure that is
hidden on the page is hidden in every file too (``suppression.suppress`` is applied here only).
Secondary suppression (:func:`_protect`) is applied here too, to every column whose figures add
up to a total shown on the dashboard: the headline's lessons with and without help, each
breakdown, the trend, skill areas and the courses' "Finished" column.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from champions import selectors as champions_selectors
from dashboards import selectors
from dashboards.access import Scope
from dashboards.filters import Filters
from dashboards.side_by_side import results_side_by_side, side_by_side_possible
from dashboards.suppression import SUPPRESSED, is_suppressed, secondary_suppress, suppress


@dataclass
class Table:
    slug: str
    title: str
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    intro: str = ""
    empty: str = ""


def percent(part: int, whole: int):
    """A share as "40%"; nothing to say when the whole is 0."""
    if not whole:
        return "–"
    return f"{round(100 * part / whole)}%"


def duration_text(seconds: float | None) -> str:
    if seconds is None:
        return "–"
    hours = seconds / 3600
    if hours < 24:
        hours = max(1, round(hours))
        return ngettext("%(n)s hour", "%(n)s hours", hours) % {"n": hours}
    days = round(hours / 24)
    return ngettext("%(n)s day", "%(n)s days", days) % {"n": days}


def _counted(count: int):
    """A count of learners: itself is the group."""
    return suppress(count, count)


def _protect(rows: list[list], column: int, sizes: list[int], *, also: tuple = ()) -> None:
    """Secondary suppression of one column of ``rows`` whose figures add up to a total shown on
    the dashboard: hide the next-smallest figures (see ``suppression.secondary_suppress``), and
    the figures in the ``also`` columns of the same rows, which would give them away."""
    for index in secondary_suppress([row[column] for row in rows], sizes):
        for hide in (column, *also):
            rows[index][hide] = SUPPRESSED


def headline_table(f: Filters, scope: Scope) -> Table:
    h = selectors.headline(f)
    rows = [
        [_("Active learners (finished at least one lesson)"), _counted(h.learners), ""],
        [_("Lessons completed"), suppress(h.lessons, h.learners), ""],
        [_("Courses completed"), suppress(h.courses, h.course_learners), ""],
        [_("Skills achieved"), suppress(h.skills, h.skill_learners), ""],
        [
            _("Lessons done with help"),
            suppress(h.helped_lessons, h.helped_learners, h.learners),
            suppress(percent(h.helped_lessons, h.lessons), h.helped_learners, h.learners),
        ],
        [
            _("Lessons done alone"),
            suppress(h.alone_lessons, h.alone_learners, h.learners),
            suppress(percent(h.alone_lessons, h.lessons), h.alone_learners, h.learners),
        ],
    ]
    # With help + alone = every lesson (and 100%): neither may be hidden alone.
    parts, sizes = rows[4:6], [h.helped_learners, h.alone_learners]
    _protect(parts, 1, sizes)
    _protect(parts, 2, sizes)
    return Table(
        slug="headline",
        title=_("Headline figures"),
        columns=[_("Figure"), _("Number"), _("Share")],
        rows=rows,
    )


def courses_table(f: Filters, scope: Scope) -> Table:
    rows = []
    funnels = selectors.course_funnels(f)
    for c in funnels:
        rows.append(
            [
                c.title,
                c.lessons,
                _counted(c.started),
                suppress(c.halfway, c.halfway, c.started),
                suppress(c.completed, c.completed, c.started),
                suppress(percent(c.completed, c.started), c.completed, c.started),
                suppress(duration_text(c.median_seconds), c.completed),
            ]
        )
    # "Finished" adds up (over the courses) to about the headline's courses completed. Where it
    # is hidden, so are its share and the median time, which would tell it (even "nobody").
    _protect(rows, 4, [c.completed for c in funnels])
    for row in rows:
        if is_suppressed(row[4]):
            row[5] = row[6] = SUPPRESSED
    return Table(
        slug="courses",
        title=_("Courses: started, halfway, finished"),
        intro=_(
            "Learners who started each course in this period; how many got at least halfway "
            "and how many finished; and the middle (median) time from starting to finishing."
        ),
        columns=[
            _("Course"),
            _("Lessons"),
            _("Started"),
            _("Got halfway"),
            _("Finished"),
            _("Finished (share)"),
            _("Median time to finish"),
        ],
        rows=rows,
        empty=_("No courses yet."),
    )


def trend_label(f: Filters, starts) -> str:
    day = localtime(starts)
    if f.bucket == "week":
        return _("Week of %(day)s") % {"day": date_format(day, "j F Y")}
    return date_format(day, "F Y")


def trend_table(f: Filters, scope: Scope) -> Table:
    points = selectors.trend(f)
    rows = [
        [
            trend_label(f, point.starts),
            suppress(point.lessons, point.learners),
            _counted(point.learners),
            suppress(point.courses, point.course_learners),
        ]
        for point in points
    ]
    # Lessons and courses add up over the weeks or months to the headline's totals.
    _protect(rows, 1, [point.learners for point in points])
    _protect(rows, 3, [point.course_learners for point in points])
    return Table(
        slug="trend",
        title=_("Completions each week") if f.bucket == "week" else _("Completions each month"),
        columns=[
            _("Week") if f.bucket == "week" else _("Month"),
            _("Lessons completed"),
            _("Learners"),
            _("Courses completed"),
        ],
        rows=rows,
        empty=_("Nothing was completed in this period."),
    )


def _breakdown_rows(rows, label: Callable) -> list[list]:
    """Every learner is in exactly one row, so each column adds up to the headline's figure:
    learners, lessons, and (with the lessons) lessons done with help."""
    table = [
        [
            label(row.label),
            _counted(row.learners),
            suppress(row.lessons, row.learners),
            suppress(percent(row.helped_lessons, row.lessons), row.helped_learners, row.learners),
        ]
        for row in rows
    ]
    sizes = [row.learners for row in rows]
    for column in (1, 2, 3):
        _protect(table, column, sizes)
    return table


def _breakdown_columns(first: str) -> list[str]:
    return [first, _("Active learners"), _("Lessons completed"), _("Done with help (share)")]


def neighbourhoods_table(f: Filters, scope: Scope) -> Table:
    return Table(
        slug="neighbourhoods",
        title=_("By neighbourhood"),
        columns=_breakdown_columns(_("Neighbourhood")),
        rows=_breakdown_rows(
            selectors.breakdown(f, by="neighbourhood"), lambda name: name or _("Not given")
        ),
        empty=_("Nothing was completed in this period."),
    )


def centres_table(f: Filters, scope: Scope) -> Table:
    return Table(
        slug="centres",
        title=_("By community centre"),
        columns=_breakdown_columns(_("Community centre")),
        rows=_breakdown_rows(
            selectors.breakdown(f, by="centre"), lambda name: name or _("Not given")
        ),
        empty=_("Nothing was completed in this period."),
    )


def learner_types_table(f: Filters, scope: Scope) -> Table:
    return Table(
        slug="learner-types",
        title=_("Tenants and staff"),
        columns=_breakdown_columns(_("Learners")),
        rows=_breakdown_rows(
            selectors.breakdown(f, by="learner_type"),
            lambda staff: _("Staff") if staff else _("Tenants"),
        ),
        empty=_("Nothing was completed in this period."),
    )


def skill_areas_table(f: Filters, scope: Scope) -> Table:
    areas = selectors.skills_by_area(f)
    rows = [[row.area, suppress(row.skills, row.learners), _counted(row.learners)] for row in areas]
    # Skills add up over the areas to the headline's skills achieved.
    _protect(rows, 1, [row.learners for row in areas])
    return Table(
        slug="skill-areas",
        title=_("Skills achieved by area"),
        columns=[_("Skill area"), _("Skills achieved"), _("Learners")],
        rows=rows,
        empty=_("No skills were achieved in this period."),
    )


def stalled_table(f: Filters, scope: Scope) -> Table:
    if scope.shows_names:
        people = selectors.stalled_people(f)
        return Table(
            slug="stalled",
            title=_("Learners who stalled"),
            intro=_(
                "Started a course but have done nothing for 14 days or more. Most recent "
                "first. Get in touch to help them carry on."
            ),
            columns=[_("Learner"), _("Course"), _("Last lesson"), _("Last active")],
            rows=[
                [
                    e.learner.name,
                    e.course.title,
                    e.last_lesson.title if e.last_lesson else _("Not started a lesson"),
                    date_format(localtime(e.last_activity_at), "j F Y"),
                ]
                for e in people
            ],
            empty=_("Nobody has stalled. Well done."),
        )
    return Table(
        slug="stalled",
        title=_("Learners who stalled"),
        intro=_(
            "Started a course but have done nothing for 14 days or more. Names are shown only "
            "to the Digital Champion of each learner's centre."
        ),
        columns=[_("Course"), _("Learners who stalled")],
        rows=[[title, _counted(n)] for title, n in selectors.stalled_by_course(f)],
        empty=_("Nobody has stalled."),
    )


def sustained_table(f: Filters, scope: Scope) -> Table:
    s = selectors.sustained(f)
    rows = [[_("Finished a course in this period"), _counted(s.finishers), "", ""]]
    for days, (eligible, active) in s.after.items():
        rows.append(
            [
                ngettext(
                    "Still active %(days)s day after finishing",
                    "Still active %(days)s days after finishing",
                    days,
                )
                % {"days": days},
                suppress(active, active, eligible),
                _counted(eligible),
                suppress(percent(active, eligible), active, eligible),
            ]
        )
    rows.append(
        [
            _("Went on to take part in the community"),
            suppress(s.community, s.community, s.finishers),
            _counted(s.finishers),
            suppress(percent(s.community, s.finishers), s.community, s.finishers),
        ]
    )
    if scope.every_place:
        rows += _champions_funnel_rows(f)
    return Table(
        slug="sustained",
        title=_("Does it last?"),
        intro=_(
            "Of the learners who finished a course in this period: how many were still using "
            "the site 30 and 90 days later, and how many joined a group, posted, booked an "
            "event, took a next step or became a Digital Champion. “Out of” counts only those "
            "who finished long enough ago."
        ),
        columns=[_("Measure"), _("Learners"), _("Out of"), _("Share")],
        rows=rows,
    )


def _champions_funnel_rows(f: Filters) -> list[list]:
    """The Digital Champions pathway, for the learners who started its track in this period:
    each step out of the step before it."""
    funnel = champions_selectors.funnel(start=f.start, end=f.end)
    if not funnel.started:
        return []
    steps = [
        (_("Helping others: started the track"), funnel.started),
        (_("Helping others: finished the track"), funnel.finished),
        (_("Helping others: applied to be a Digital Champion"), funnel.applied),
        (_("Helping others: approved as a Digital Champion"), funnel.approved),
        (_("Helping others: helped someone within 90 days"), funnel.helped),
    ]
    rows = []
    previous = None
    for label, count in steps:
        if previous is None:
            rows.append([label, _counted(count), "", ""])
        else:
            rows.append(
                [
                    label,
                    suppress(count, count, previous),
                    _counted(previous),
                    suppress(percent(count, previous), count, previous),
                ]
            )
        previous = count
    return rows


def champions_table(f: Filters, scope: Scope) -> Table:
    """Help given by Digital Champions in this period, per centre and per champion (named only
    with their consent), from the activity stream. Managers only, on the page (not in TABLES:
    not kept in snapshots or exports, like the confidential reports panel)."""
    rows = []
    by_champion = champions_selectors.help_by_champion(since=f.start, until=f.end)
    for centre, _champions, help_given in champions_selectors.help_by_centre(rows=by_champion):
        rows.append(
            _champion_help_row(
                _("All champions at %(centre)s") % {"centre": centre or _("no centre")}, help_given
            )
        )
    for row in by_champion:
        name = row.name or _("A champion who chose not to be named")
        label = f"{name} ({row.centre})" if row.centre else name
        rows.append(_champion_help_row(label, row.help))
    return Table(
        slug="champions",
        title=_("Help given by Digital Champions"),
        intro=_(
            "Learners helped, lessons and skills recorded with help, accounts made and events "
            "run, by centre and by champion. A champion is named only if they agreed to be."
        ),
        columns=[
            _("Who"),
            _("Learners helped"),
            _("Lessons with help"),
            _("Skills with help"),
            _("Accounts made"),
            _("Events run"),
        ],
        rows=rows,
        empty=_("No help was recorded in this period."),
    )


def _champion_help_row(label, help_given) -> list:
    learners = help_given.learners
    return [
        label,
        _counted(learners),
        suppress(help_given.lessons, learners),
        suppress(help_given.skills, learners),
        suppress(help_given.accounts, learners),
        help_given.events,
    ]


TABLES: dict[str, Callable[[Filters, Scope], Table]] = {
    "headline": headline_table,
    "sustained": sustained_table,
    "courses": courses_table,
    "trend": trend_table,
    "neighbourhoods": neighbourhoods_table,
    "centres": centres_table,
    "learner-types": learner_types_table,
    "skill-areas": skill_areas_table,
    "stalled": stalled_table,
}
# Place tables mean nothing inside one centre's own view.
EVERY_PLACE_ONLY = {"neighbourhoods", "centres"}


def table_slugs(scope: Scope) -> list[str]:
    return [slug for slug in TABLES if scope.every_place or slug not in EVERY_PLACE_ONLY]


# Tables worked out from one shared figure go together: the learner cells give the headline and
# the three breakdowns. (A figure two groups share, such as a chosen course's skills for the
# headline and skill areas, is worked out once: selectors._once.)
FROM_CELLS = {"headline", "neighbourhoods", "centres", "learner-types"}
# The slowest first, so that side by side the last to start is a quick one (measured on the
# benchmark: docs/performance.md). With a course chosen, its skills are the slow part.
SLOWEST_FIRST = ["courses", "sustained", "headline", "skill-areas", "trend", "stalled"]
SLOWEST_FIRST_FOR_A_COURSE = ["skill-areas", "headline", "trend", "courses", "sustained"]


def _table_groups(f: Filters, slugs: list[str]) -> list[list[str]]:
    shared = [slug for slug in slugs if slug in FROM_CELLS]
    groups = ([shared] if shared else []) + [[slug] for slug in slugs if slug not in FROM_CELLS]
    slowest = SLOWEST_FIRST if f.course is None else SLOWEST_FIRST_FOR_A_COURSE
    order = {slug: number for number, slug in enumerate(slowest)}
    return sorted(groups, key=lambda group: min(order.get(slug, len(order)) for slug in group))


def _group_tables(f: Filters, scope: Scope, group: list[str]) -> dict[str, Table]:
    return {slug: TABLES[slug](f, scope) for slug in group}


def _group_tables_apart(f: Filters, scope: Scope, group: list[str]) -> dict[str, Table]:
    with selectors.reading_many_rows():
        return _group_tables(f, scope, group)


def dashboard_tables(
    f: Filters, scope: Scope, *, skip=(), only: list[str] | None = None
) -> dict[str, Table]:
    """Every table of the view (but ``skip``; or ``only`` those): on PostgreSQL outside a
    transaction, the groups of tables side by side on connections of their own
    (``dashboards/side_by_side.py``); otherwise one after the other in one transaction."""
    slugs = [
        slug for slug in table_slugs(scope) if slug not in skip and (only is None or slug in only)
    ]
    groups = _table_groups(f, slugs)
    tables: dict[str, Table] = {}
    if side_by_side_possible():
        selectors.figures_prepare(f)
        jobs = [partial(_group_tables_apart, f, scope, group) for group in groups]
        for part in results_side_by_side(jobs):
            tables.update(part)
    else:
        with selectors.reading_many_rows():
            for group in groups:
                tables.update(_group_tables(f, scope, group))
    return {slug: tables[slug] for slug in slugs}


def cell_text(value) -> str:
    """How a cell reads in a CSV file (and on the page): suppressed figures say so."""
    return str(value) if is_suppressed(value) or value is not None else ""
