"""The help counts and the pathway's funnel, on a small world worked out by hand."""

from datetime import timedelta

from django.http import QueryDict
from django.utils import timezone
from django.utils.http import urlencode

import pytest

from champions import selectors, services
from champions.models import ChampionApplication, ChampionRole
from champions.verbs import CHAMPION_EVENT_RUN
from courses.models import Skill
from courses.progress.credentials.badges import VerificationStatus, certificate_verify
from courses.progress.services import lesson_complete, skill_record_observed
from courses.verbs import LESSON_COMPLETED, SKILL_ACHIEVED
from dashboards.access import Scope
from dashboards.filters import DashboardFilterForm, filters_from
from dashboards.reports import TABLES, champions_table
from dashboards.suppression import SUPPRESSED as HIDDEN
from tests.champions.conftest import track_lessons
from tests.factories.dashboards import enrol
from tests.factories.places import CommunityCentreFactory
from tests.factories.users import UserFactory
from training.core.models import ActivityEvent
from training.users.verbs import ACCOUNT_CREATED

pytestmark = pytest.mark.django_db

NOW = timezone.now()
EVERY_PLACE = Scope(every_place=True)


def _help(*, learner, helper, verb, days_ago: float) -> None:
    ActivityEvent.objects.create(
        actor=learner,
        verb=verb,
        context={"assisted": True, "helper_id": helper.pk},
        occurred_at=NOW - timedelta(days=days_ago),
    )


@pytest.fixture
def world(track):
    """Eight learners start the track (A–H, 200 days ago). A–F finish it; G and H do not.
    A–E apply; A, B and C are approved (150 days ago). A helps two learners 10 days after
    approval; B helps one 100 days after approval (too late for the funnel); C helps nobody.

    A's help, all time: L1 – two lessons and one skill; L2 – one lesson; L3 – an assisted
    account; two events run. Someone else's help (Z helps L4), and L1's own lesson without
    help, are not A's. So A: 3 learners, 3 lessons, 1 skill, 1 account, 2 events.
    """
    centre = CommunityCentreFactory(name="Alder Centre")
    people = {name: UserFactory(display_name=name) for name in "ABCDEFGH"}
    started = NOW - timedelta(days=200)
    for name, person in people.items():
        for course in track:
            finished = name in "ABCDEF"
            enrol(
                learner=person,
                course=course,
                started_at=started,
                completed_at=started + timedelta(days=5) if finished else None,
            )
    for name in "ABCDE":
        ChampionApplication.objects.create(
            applicant=people[name],
            centre=centre,
            note="I help.",
            status="approved" if name in "ABC" else "pending" if name == "D" else "declined",
        )
    approved = NOW - timedelta(days=150)
    for name in "ABC":
        ChampionRole.objects.create(person=people[name], centre=centre, started_at=approved)
    a, b = people["A"], people["B"]
    learners = {name: UserFactory(display_name=name) for name in ("L1", "L2", "L3", "L4")}
    _help(learner=learners["L1"], helper=a, verb=LESSON_COMPLETED, days_ago=140)
    _help(learner=learners["L1"], helper=a, verb=LESSON_COMPLETED, days_ago=139)
    _help(learner=learners["L1"], helper=a, verb=SKILL_ACHIEVED, days_ago=139)
    _help(learner=learners["L2"], helper=a, verb=LESSON_COMPLETED, days_ago=20)
    _help(learner=learners["L3"], helper=a, verb=ACCOUNT_CREATED, days_ago=20)
    _help(learner=learners["L2"], helper=b, verb=LESSON_COMPLETED, days_ago=50)
    z = UserFactory(display_name="Z")
    _help(learner=learners["L4"], helper=z, verb=LESSON_COMPLETED, days_ago=5)
    ActivityEvent.objects.create(
        actor=learners["L1"], verb=LESSON_COMPLETED, context={"assisted": False}, occurred_at=NOW
    )
    for days_ago in (30, 60):
        ActivityEvent.objects.create(
            actor=a, verb=CHAMPION_EVENT_RUN, occurred_at=NOW - timedelta(days=days_ago)
        )
    return people


def test_help_counts(world):
    assert selectors.help_given(champion=world["A"]) == selectors.HelpGiven(
        learners=3, lessons=3, skills=1, accounts=1, events=2
    )
    assert selectors.help_given(champion=world["B"]) == selectors.HelpGiven(learners=1, lessons=1)
    assert selectors.help_given(champion=world["C"]) == selectors.HelpGiven()
    # Narrowed to the last 90 days: L2 and L3 (one lesson, one account) and both events.
    assert selectors.help_given(
        champion=world["A"], since=NOW - timedelta(days=90)
    ) == selectors.HelpGiven(learners=2, lessons=1, accounts=1, events=2)


def test_funnel(world):
    assert selectors.funnel(start=None, end=NOW + timedelta(seconds=1)) == selectors.Funnel(
        started=8, finished=6, applied=5, approved=3, helped=1
    )
    # Nobody started the track in the last 30 days.
    assert selectors.funnel(start=NOW - timedelta(days=30), end=NOW).started == 0


def _table(slug_or_function, scope=EVERY_PLACE, **query):
    form = DashboardFilterForm(QueryDict(urlencode(query)), scope=scope)
    filters = filters_from(form, now=NOW + timedelta(seconds=1))
    function = TABLES[slug_or_function] if isinstance(slug_or_function, str) else slug_or_function
    return {row[0]: row[1:] for row in function(filters, scope).rows}


def test_does_it_last_shows_the_funnel_with_small_numbers_hidden(world):
    rows = _table("sustained", period="all")
    assert rows["Helping others: started the track"] == [8, "", ""]
    assert rows["Helping others: finished the track"] == [6, 8, "75%"]
    assert rows["Helping others: applied to be a Digital Champion"] == [5, 6, "83%"]
    # 3 approved and 1 who helped: groups under 5, hidden.
    assert rows["Helping others: approved as a Digital Champion"] == [HIDDEN, 5, HIDDEN]
    assert rows["Helping others: helped someone within 90 days"] == [HIDDEN, HIDDEN, HIDDEN]


def test_becoming_a_champion_counts_as_taking_part(track, manager, centre):
    from dashboards import selectors as dashboard_selectors
    from tests.champions.conftest import track_finish

    people = [UserFactory() for _ in range(5)]
    for person in people:
        track_finish(learner=person, track=track)
    form = DashboardFilterForm(QueryDict("period=all"), scope=EVERY_PLACE)
    before = dashboard_selectors.sustained(filters_from(form, now=timezone.now())).community
    for person in people:
        application = services.application_make(applicant=person, centre=centre, note="Hello")
        services.application_decide(application=application, by=manager, approve=True, reason="")
    form = DashboardFilterForm(QueryDict("period=all"), scope=EVERY_PLACE)
    after = dashboard_selectors.sustained(
        filters_from(form, now=timezone.now() + timedelta(seconds=1))
    ).community
    assert (before, after) == (0, 5)


def test_managers_see_champions_named_only_with_consent(world):
    ChampionRole.objects.filter(person=world["A"]).update(named_on_dashboard=True)
    rows = _table(champions_table, period="all")
    # A helped 3 learners: a group under 5, so A's figures are hidden; events are not learners.
    assert rows["A (Alder Centre)"] == [HIDDEN, HIDDEN, HIDDEN, HIDDEN, 2]
    assert "B (Alder Centre)" not in rows
    # B (one learner helped): every figure about learners hidden, even a 0 (a group of 1).
    assert rows["A champion who chose not to be named (Alder Centre)"] == [
        HIDDEN,
        HIDDEN,
        HIDDEN,
        HIDDEN,
        0,
    ]
    # Z helped without a centre or a role: still counted, not named.
    assert rows["A champion who chose not to be named"] == [HIDDEN, HIDDEN, HIDDEN, HIDDEN, 0]
    assert rows["All champions at Alder Centre"] == [HIDDEN, HIDDEN, HIDDEN, HIDDEN, 2]


def test_lessons_and_skills_recorded_with_help_through_the_services_count(track, champion):
    learner = UserFactory(community_centre=champion.community_centre)
    first, second = track_lessons(track)[:2]  # both teach HLP-1
    lesson_complete(learner=learner, lesson=first)
    lesson_complete(learner=learner, lesson=second, helper=champion)
    skill_record_observed(learner=learner, skill=Skill.objects.get(code="HLP-5"), helper=champion)
    assert selectors.help_given(champion=champion) == selectors.HelpGiven(
        learners=1, lessons=1, skills=2
    )


def test_the_helper_badge_comes_after_ten_learners_once_and_verifies(
    track, centre, manager, client
):
    person = UserFactory()
    ChampionRole.objects.create(person=person, centre=centre)
    for number in range(9):
        _help(learner=UserFactory(), helper=person, verb=LESSON_COMPLETED, days_ago=number)
    assert services.helper_badges_issue() == 0
    _help(learner=UserFactory(), helper=person, verb=ACCOUNT_CREATED, days_ago=1)
    assert services.helper_badges_issue() == 1
    assert services.helper_badges_issue() == 0
    badge = selectors.helper_badge(person=person)
    result = certificate_verify(token=badge.certificate.credential_jwt)
    assert result.status == VerificationStatus.VALID
    assert result.certificate == badge.certificate
    # Checked at /verify/ like any certificate, and its page says what it is for.
    page = client.post("/verify/", {"credential": badge.certificate.credential_jwt})
    assert "for the badge “Digital Champion: helped 10 learners”" in page.content.decode()
    client.force_login(person)
    page = client.get(f"/certificates/{badge.certificate_id}/")
    assert "earned the badge" in page.content.decode()


def test_a_centre_counts_a_learner_two_of_its_champions_helped_once(world):
    # A helped L1, L2 and L3; B helped L2 too: the centre helped three learners, not four.
    by_centre = {
        centre: (champions, help)
        for centre, champions, help in selectors.help_by_centre(since=None, until=None)
    }
    champions, help = by_centre["Alder Centre"]
    assert champions == 2
    assert help.learners == 3
    assert help.lessons == 4
