"""The activity verbs' registry: every verb declared once, with its meaning and whether it counts
as taking part; nothing records or compares a verb by its bare string."""

import ast
from pathlib import Path

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured

import pytest

from training.core.models import ActivityEvent
from training.core.services import activity_event, activity_record, activity_record_many
from training.core.verbs import UnknownVerb, VerbRegistry, verbs

REPO = Path(__file__).resolve().parents[3]
# Every verb the site recorded before the registry, with whether it counts as taking part.
KNOWN = {
    "account.created": False,
    "account.deleted": False,
    "course.started": False,
    "lesson.completed": False,
    "quiz.attempted": False,
    "skill.achieved": False,
    "course.completed": False,
    "certificate.issued": False,
    "certificate.revoked": False,
    "nudge.sent": False,
    "community.group.joined": True,
    "group.left": False,
    "community.post.created": True,
    "post.deleted": False,
    "community.comment.created": True,
    "content.hidden": False,
    "community.event.booked": True,
    "event.cancelled": False,
    "community.next_step.taken": True,
    "tenant.verified": False,
    "community.report.created": True,
    "community.report.affects_me_too": True,
    "report.status_changed": False,
    "community.estate_check.answered": True,
    "estate_check.changed": False,
    "improvement.people_told": False,
    "community.consultation.answered": True,
    "consultation.changed": False,
    "consultation.decision_told": False,
    "safeguarding.report.made": False,
    "champion.applied": False,
    "community.champion.approved": True,
    "champion.declined": False,
    "champion.stepped_down": False,
    "champion.ended": False,
    "champion.event_run": False,
    "champion.helper_badge_issued": False,
}


# --- activity_record refuses what nobody declared ------------------------------------------------


@pytest.mark.django_db
def test_activity_record_refuses_an_unregistered_verb(learner):
    with pytest.raises(UnknownVerb, match="'lesson.finished' is not a registered activity verb"):
        activity_record(actor=learner, verb="lesson.finished")
    assert not ActivityEvent.objects.exists()


@pytest.mark.django_db
def test_recording_several_at_once_refuses_an_unregistered_verb(learner):
    with pytest.raises(UnknownVerb):
        activity_event(actor=learner, verb="community.post.liked")
    # Built by hand, as the demo and the nudges do: still checked before anything is stored.
    good = activity_event(actor=learner, verb="lesson.completed")
    typo = ActivityEvent(actor=learner, verb="lesson.compelted")
    with pytest.raises(UnknownVerb):
        activity_record_many([good, typo])
    assert not ActivityEvent.objects.exists()


@pytest.mark.django_db
def test_a_registered_verb_is_recorded_as_its_plain_string(learner):
    from courses.verbs import LESSON_COMPLETED

    activity_record(actor=learner, verb=LESSON_COMPLETED)
    assert ActivityEvent.objects.get().verb == "lesson.completed"


# --- The registry --------------------------------------------------------------------------------


def test_every_verb_is_registered_once_the_site_has_started_with_its_meaning():
    registered = {verb.name: verb.participation for verb in verbs}
    assert registered == KNOWN
    for verb in verbs:
        assert len(str(verb.meaning)) > 15, verb.name


def test_taking_part_is_declared_and_leaving_or_being_hidden_is_not():
    assert verbs.participation_verbs() == [
        "community.champion.approved",
        "community.comment.created",
        "community.consultation.answered",
        "community.estate_check.answered",
        "community.event.booked",
        "community.group.joined",
        "community.next_step.taken",
        "community.post.created",
        "community.report.affects_me_too",
        "community.report.created",
    ]
    for name in ("group.left", "post.deleted", "content.hidden", "event.cancelled"):
        verb = verbs.get(name)
        assert not verb.participation
        assert "not taking part" in str(verb.meaning).lower(), name


def test_each_app_declares_its_verbs_in_its_own_verbs_module():
    declared_in = {}
    for config in apps.get_app_configs():
        module = getattr(config.module, "verbs", None)
        for value in vars(module).values() if module else ():
            if isinstance(value, str) and value in verbs:
                declared_in.setdefault(value, set()).add(config.label)
    assert set(declared_in) == set(KNOWN)
    assert all(len(labels) == 1 for labels in declared_in.values()), declared_in
    assert declared_in["community.event.booked"] == {"events"}
    assert declared_in["account.deleted"] == {"users"}


def test_a_bad_declaration_is_refused_when_the_site_starts():
    registry = VerbRegistry()
    assert registry.register("community.thing.done", "Did a thing.") == "community.thing.done"
    registry.register("community.thing.done", "Did a thing.")  # imported twice: the same
    with pytest.raises(ImproperlyConfigured, match="declared twice"):
        registry.register("community.thing.done", "Did a thing.", participation=True)
    with pytest.raises(ImproperlyConfigured, match="lower-case dotted"):
        registry.register("Thing Done", "Did a thing.")
    with pytest.raises(ImproperlyConfigured, match="must start with 'community.'"):
        registry.register("group.visited", "Visited a group.", participation=True)
    with pytest.raises(UnknownVerb):
        registry.get("thing.undone")
    assert "thing.undone" not in registry
    assert registry.participation_verbs() == []


def test_the_readme_lists_every_verb_and_names_the_registry():
    readme = (REPO / "README.md").read_text()
    assert "training/core/verbs.py" in readme
    missing = [verb.name for verb in verbs if f"`{verb.name}`" not in readme]
    assert not missing, f"README.md does not list: {missing}"


# --- No bare verb strings --------------------------------------------------------------------


def _product_files() -> list[Path]:
    skipped = {".venv", "node_modules", "tests", "migrations", ".git"}
    return [
        path
        for path in REPO.rglob("*.py")
        if not skipped & set(path.relative_to(REPO).parts)
        # The declaring modules: training/core/verbs.py and each app's verbs.py.
        and path.name != "verbs.py"
    ]


def _bare_verbs(source: str, where: str, names: set[str], prefixes: set[str]) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(source, filename=where)):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value
        quoted = [name for name in names if f"'{name}'" in text or f'"{name}"' in text]
        if text in names or text in prefixes or quoted:
            found.append(f"{where}:{node.lineno}: {text[:60]!r}")
    return found


def _prefixes(names: set[str]) -> set[str]:
    """``"community."`` and ``"community.group."`` for ``"community.group.joined"``."""
    return {name[: i + 1] for name in names for i, char in enumerate(name) if char == "."}


def test_no_activity_verb_is_a_bare_string_outside_the_registry():
    """Recording, comparing or counting a verb uses the declared constant: a string literal
    equal to a verb (or quoted in SQL), or a verb's prefix such as ``"nudge."``, fails here."""
    names = {verb.name for verb in verbs}
    files = _product_files()
    assert len(files) > 100  # the scan really looks at the code
    found = [
        line
        for path in files
        for line in _bare_verbs(
            path.read_text(), str(path.relative_to(REPO)), names, _prefixes(names)
        )
    ]
    assert not found, "Use the constants from the apps' verbs.py:\n" + "\n".join(found)


def test_the_scan_finds_bare_verbs_and_prefixes_but_not_other_dotted_names():
    source = (
        'activity_record(actor=None, verb="group.left")\n'
        'qs.exclude(verb__startswith="nudge.")\n'
        "SQL = \"SELECT 1 WHERE verb = 'lesson.completed'\"\n"
        'PERMISSION = "community.moderate_content"\n'
        'TEMPLATE = "community/group.html"\n'
    )
    names = {"group.left", "lesson.completed", "nudge.sent", "community.group.joined"}
    found = _bare_verbs(source, "sample.py", names, _prefixes(names))
    assert sorted(int(line.split(":")[1]) for line in found) == [1, 2, 3]
