"""The permission matrix: every URL pattern of the site × every role, with the answer expected.

``MATRIX`` is the one table. Each key is a URL pattern's name (namespaced, e.g.
``community:post_detail``), or its route when it has no name; each value says which address to
open (filled from objects made below, chosen so that the row tests the rule: another centre's
learner, a post in a members-only group, someone else's export…) and what each role gets.

Which patterns must have a row (``_patterns_in_scope``): every pattern of the site outside the two
admins (our apps, allauth and its two-factor pages, Wagtail's page serving and documents), the two
admins' entry pages, and, inside the Wagtail admin, every pattern our apps add (their own views
through ``register_admin_urls`` and the snippet views of our models). Wagtail's own hundreds of
admin patterns are Wagtail's to test.

A new URL pattern without a row fails ``test_every_url_pattern_has_a_row``; a row whose pattern
is gone fails too. Requests are GETs; a POST-only view is checked with GET (405) and with a POST
from each role that must be refused, never with a POST that would do something.

When a row fails, do not copy today's answer into the table: decide what the rule is. A
refusal that became a 200 is usually a hole.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

import pytest

from tests.factories.community import (
    CommentFactory,
    GroupFactory,
    MembershipFactory,
    PostFactory,
    image_bytes,
)
from tests.factories.courses import CoursePageFactory, LessonPageFactory
from tests.factories.events import EventFactory
from tests.factories.places import CommunityCentreFactory
from tests.factories.practice import NextStepFactory
from tests.factories.users import UserFactory
from tests.site.demo_db import module_data
from training.users import roles

pytestmark = pytest.mark.django_db

# --- Roles ---------------------------------------------------------------------------------------

ANON = "anonymous"
LEARNER = "learner"
CHAMPION = "champion"
EDITOR = "editor"
MODERATOR = "moderator"
SAFEGUARDING = "safeguarding"
MANAGER = "manager"
OFFICER = "officer"  # Housing Officer
SUPERUSER = "superuser"
ROLES = (ANON, LEARNER, CHAMPION, EDITOR, MODERATOR, SAFEGUARDING, MANAGER, OFFICER, SUPERUSER)
SIGNED_IN_ROLES = ROLES[1:]
# Everyone who may open the Wagtail admin at all (wagtailadmin.access_admin).
ADMIN_ROLES = (CHAMPION, EDITOR, MODERATOR, SAFEGUARDING, MANAGER, SUPERUSER)
# Signed in, but no admin access: Wagtail sends them to its sign-in page, which refuses them.
NO_ADMIN = (LEARNER, OFFICER)
# Roles that must use two-step sign-in, so have an authenticator app (the user factory adds it).
TWO_STEP = (MODERATOR, SAFEGUARDING, MANAGER, OFFICER, SUPERUSER)
ONE_STEP = (LEARNER, CHAMPION, EDITOR)

# --- What an answer may be -----------------------------------------------------------------------

SIGN_IN_PATHS = ("/account/login/", "/admin/login/", "/django-admin/login/")


@dataclass(frozen=True)
class To:
    """A redirect (301/302/303) to ``path`` (or to any address starting with it)."""

    path: str
    exact: bool = False

    def __str__(self) -> str:
        return f"redirect to {self.path}" + ("" if self.exact else "…")


@dataclass(frozen=True)
class AnyOf:
    """Any of these answers: for a refusal whose form (403, 404, …) is the fixer's choice."""

    answers: tuple

    def __str__(self) -> str:
        return " or ".join(str(answer) for answer in self.answers)


LOGIN = "redirect to sign in"  # a redirect to one of SIGN_IN_PATHS
ACCOUNT_LOGIN = To("/account/login/")  # to allauth's page itself, where the rate limits are
# How the Wagtail admin refuses someone who may use the admin but not this view: back to the
# admin's home page with a message.
ADMIN_REFUSED = To("/admin/", exact=True)
REFUSED = AnyOf((403, 404, ADMIN_REFUSED))
REAUTH = To("/account/reauthenticate/")  # allauth asks for the password again first


def _answer_matches(response, expected) -> bool:
    location = urlsplit(response.get("Location", "")).path
    redirected = response.status_code in {301, 302, 303}
    if expected == LOGIN:
        return redirected and location.startswith(SIGN_IN_PATHS)
    if isinstance(expected, To):
        if expected.exact:
            return redirected and location == expected.path
        return redirected and location.startswith(expected.path)
    if isinstance(expected, AnyOf):
        return any(_answer_matches(response, answer) for answer in expected.answers)
    return response.status_code == expected


# --- Compact ways to write a row's answers -------------------------------------------------------


def everyone(answer) -> dict:
    return dict.fromkeys(ROLES, answer)


def signed_in(answer=200, *, anon=LOGIN) -> dict:
    return {ANON: anon, **dict.fromkeys(SIGNED_IN_ROLES, answer)}


def only(*allowed: str, yes=200, no=403, anon=LOGIN, learner=None) -> dict:
    """``allowed`` get ``yes``; other signed-in roles ``no``; visitors ``anon``."""
    answers = {ANON: anon, **dict.fromkeys(SIGNED_IN_ROLES, no), **dict.fromkeys(allowed, yes)}
    if learner is not None:
        answers[LEARNER] = learner
    return answers


def admin_only(*allowed: str, yes=200, no=ADMIN_REFUSED) -> dict:
    """Inside the Wagtail admin: visitors and those without admin access (learners, Housing
    Officers) are sent to sign in (Wagtail's ``require_admin_access``), other staff get ``no``."""
    answers = only(*allowed, yes=yes, no=no, learner=LOGIN)
    return answers | {role: LOGIN for role in NO_ADMIN if role not in allowed}


def but(answers: Mapping, **changes) -> dict:
    """``answers`` with some roles' answers changed: ``but(PUBLIC, anonymous=LOGIN)``."""
    return {**answers, **changes}


PUBLIC = everyone(200)
SIGNED_IN = signed_in(200)


@dataclass(frozen=True)
class Row:
    """One address of a pattern and what each role gets from it.

    ``url`` is formatted with the test's objects as ``w`` (``"/events/{w.event_b.pk}/"``).
    ``post`` is for views that only take POST: what each refused role's POST gets (roles left
    out are allowed, and are not sent a POST, which would do something).
    """

    url: str
    get: Mapping[str, object]
    post: Mapping[str, object] | None = None
    label: str = ""
    why: str = ""

    def __post_init__(self):
        assert set(self.get) == set(ROLES), f"{self.url}: answers for {set(ROLES) - set(self.get)}"


def GET(url: str, answers: Mapping, why: str = "", label: str = "") -> Row:  # noqa: N802
    return Row(url, answers, label=label, why=why)


def POST_ONLY(url: str, refused: Mapping, why: str = "", get=None) -> Row:  # noqa: N802
    """A view that only takes POST: GET answers 405; ``refused`` roles' POSTs are turned away."""
    return Row(url, get or everyone(405), post=refused, why=why)


# Refusals of a POST, for POST_ONLY rows.
ANON_REFUSED = {ANON: LOGIN}


def refused_except(*allowed: str, no=403, anon=LOGIN, learner=None) -> dict:
    refused = {role: no for role in SIGNED_IN_ROLES if role not in allowed}
    refused[ANON] = anon
    if learner is not None and LEARNER not in allowed:
        refused[LEARNER] = learner
    return refused


# --- Snippet views of our models in the Wagtail admin --------------------------------------------

# Wagtail's snippet views and what each needs: "list" any of the model's permissions, "add" add,
# "change" change, "delete" delete, "any" any permission, "choose" any admin user.
SNIPPET_VIEWS = {
    "list": ("", "list"),
    "list_results": ("results/", "list"),
    "add": ("add/", "add"),
    "edit": ("edit/{pk}/", "change"),
    "delete": ("delete/{pk}/", "delete"),
    "usage": ("usage/{pk}/", "list"),
    "history": ("history/{pk}/", "list"),
    "history_results": ("history-results/{pk}/", "list"),
    "copy": ("copy/{pk}/", "add"),
    "inspect": ("inspect/{pk}/", "list"),
}
CHOOSER_VIEWS = {
    "choose": ("", "choose"),
    "choose_results": ("results/", "choose"),
    "chosen": ("chosen/{pk}/", "choose"),
    "chosen_multiple": ("chosen-multiple/?id={pk}", "choose"),
    "create": ("create/", "add"),
}


def snippet_rows(
    model: str,
    obj: str,
    *,
    add: tuple[str, ...] = (),
    change: tuple[str, ...] = (),
    delete: tuple[str, ...] = (),
    views: tuple[str, ...] = (
        "list",
        "list_results",
        "add",
        "edit",
        "delete",
        "usage",
        "history",
        "history_results",
        "copy",
    ),
    chooser: bool = True,
    overrides: Mapping[str, Mapping] | None = None,
    why: str = "",
) -> dict[str, Row]:
    """Rows for every view of one snippet model (``"events.event"``), on object ``w.<obj>``.

    Superusers may do everything; ``add``/``change``/``delete`` name the roles given that
    permission. ``overrides`` replaces the answers of single views.
    """
    label, name = model.split(".")
    allowed = {
        "add": (*add, SUPERUSER),
        "change": (*change, SUPERUSER),
        "delete": (*delete, SUPERUSER),
        "list": (*add, *change, *delete, SUPERUSER),
        "choose": ADMIN_ROLES,
    }
    rows = {}
    pk = "{w.%s.pk}" % obj  # noqa: UP031 - formatted again with the objects
    for view in views:
        suffix, need = SNIPPET_VIEWS[view]
        url = f"/admin/snippets/{label}/{name}/" + suffix.format(pk=pk)
        answers = admin_only(*allowed[need])
        rows[f"wagtailsnippets_{label}_{name}:{view}"] = GET(url, answers, why)
    if chooser:
        for view, (suffix, need) in CHOOSER_VIEWS.items():
            url = f"/admin/snippets/choose/{label}/{name}/" + suffix.format(pk=pk)
            answers = admin_only(*allowed[need])
            rows[f"wagtailsnippetchoosers_{label}_{name}:{view}"] = GET(url, answers, why)
    for key, answers in (overrides or {}).items():
        full = key if ":" in key else f"wagtailsnippets_{label}_{name}:{key}"
        rows[full] = GET(rows[full].url, answers, why)
    return rows


# --- The table -----------------------------------------------------------------------------------

ASSIST = (CHAMPION, SUPERUSER)  # users.create_assisted_account, courses.record_assisted_progress
DASHBOARD = (CHAMPION, MANAGER, SUPERUSER)  # dashboards.view_centre_dashboard / view_dashboard
CHECK_TENANTS = (CHAMPION, OFFICER, SUPERUSER)  # voice.verify_tenant_in_person
EVENTS_EVERYWHERE = (MANAGER,)

# fmt: off
MATRIX: dict[str, Row | list[Row]] = {
    # For load balancers: never cached, the same answer for everyone.
    "healthz": GET("/healthz", PUBLIC),
    "readyz": GET("/readyz", PUBLIC),
    # Sign-in, sign-up and accounts (allauth). Signed-in people are sent on from sign-in pages.
    "account_login": GET("/account/login/", signed_in(To("/"), anon=200)),
    "account_signup": GET("/account/signup/", signed_in(To("/"), anon=200)),
    "account_logout": GET("/account/logout/", signed_in(200, anon=To("/"))),
    "account_inactive": GET("/account/inactive/", PUBLIC),
    "account_reauthenticate": GET("/account/reauthenticate/", SIGNED_IN),
    "account_request_reauthentication_code": GET("/account/reauthenticate/code/", SIGNED_IN,
        "confirm it is you with a code sent by email"),
    "account_confirm_reauthentication_code": GET("/account/reauthenticate/code/confirm/",
        signed_in(To("/account/reauthenticate/code/")), "only after asking for a code"),
    "account_email": GET("/account/email/", SIGNED_IN),
    "account_email_verification_sent": GET("/account/confirm-email/", PUBLIC),
    "account_confirm_email": GET("/account/confirm-email/not-a-real-key/", PUBLIC,
        "an unknown key gets the 'link expired' page"),
    "account_change_password": GET("/account/password/change/", SIGNED_IN),
    "account_set_password": GET("/account/password/set/",
        signed_in(To("/account/password/change/")), "everyone here has a password"),
    "account_reset_password": GET("/account/password/reset/", PUBLIC),
    "account_reset_password_done": GET("/account/password/reset/done/", PUBLIC),
    "account_reset_password_from_key": GET("/account/password/reset/key/1-bad-key/", PUBLIC,
        "a bad key gets the 'link expired' page"),
    "account_reset_password_from_key_done": GET("/account/password/reset/key/done/", PUBLIC),
    "account_confirm_login_code": GET("/account/login/code/confirm/",
        signed_in(To("/"), anon=ACCOUNT_LOGIN), "only in the middle of signing in"),
    # Two-step sign-in (allauth MFA). Everyone manages only their own; changing anything asks
    # for the password again first (REAUTH). TWO_STEP roles have an authenticator app, the
    # others have none yet, so there is nothing of theirs to turn off or show (404).
    "mfa_index": GET("/account/2fa/", SIGNED_IN),
    "mfa_authenticate": GET("/account/2fa/authenticate/", signed_in(To("/"), anon=ACCOUNT_LOGIN),
        "only in the middle of signing in"),
    "mfa_reauthenticate": GET("/account/2fa/reauthenticate/",
        signed_in(200) | dict.fromkeys(ONE_STEP, REAUTH)),
    "mfa_activate_totp": GET("/account/2fa/totp/activate/", signed_in(REAUTH)),
    "mfa_deactivate_totp": GET("/account/2fa/totp/deactivate/",
        signed_in(REAUTH) | dict.fromkeys(ONE_STEP, 404)),
    "mfa_view_recovery_codes": GET("/account/2fa/recovery-codes/",
        signed_in(REAUTH) | dict.fromkeys(ONE_STEP, 404)),
    "mfa_generate_recovery_codes": GET("/account/2fa/recovery-codes/generate/",
        signed_in(REAUTH)),
    "mfa_download_recovery_codes": GET("/account/2fa/recovery-codes/download/",
        signed_in(REAUTH) | dict.fromkeys(ONE_STEP, 404)),
    # Our account pages.
    "users:profile": GET("/account/profile/", SIGNED_IN),
    "users:language": POST_ONLY("/account/language/", {}, "everyone may choose a language"),
    "users:assisted_new": GET("/account/assisted/new/", only(*ASSIST, anon=403)),
    "users:assisted_card": GET("/account/assisted/{w.assisted_b.pk}/card/",
        only(anon=403), "only the champion who made the account sees its card"),
    "users:assisted_card_done": POST_ONLY("/account/assisted/{w.assisted_b.pk}/done/",
        refused_except(*ASSIST, anon=403)),
    "notifications:settings": GET("/account/notifications/", SIGNED_IN),
    "notifications:unsubscribe": GET("/account/notifications/stop/{w.unsubscribe_token}/", PUBLIC,
        "the link in an email works without signing in"),
    # Learning.
    "courses:search": GET("/search/?q=password", PUBLIC),
    "courses:lesson_done": POST_ONLY("/learning/lessons/{w.lesson.pk}/done/", {},
        "visitors too: their progress is kept in the session"),
    "courses:my_learning": GET("/my-learning/", SIGNED_IN),
    "courses:my_skills": GET("/my-skills/", SIGNED_IN),
    "courses:nudges_settings": GET("/my-learning/reminders/", SIGNED_IN),
    "courses:nudges_opt_out": GET("/my-learning/reminders/stop/{w.nudge_token}/", PUBLIC,
        "the link in an email works without signing in"),
    "courses:xapi_export": GET("/my-learning/xapi.json", SIGNED_IN),
    "courses:champion_learners": GET("/champion/learners/", only(*ASSIST)),
    "courses:champion_learner": GET("/champion/learners/{w.learner_b.pk}/",
        only(*ASSIST, yes=404), "another centre's learner"),
    "courses:champion_record_lesson": GET("/champion/learners/{w.learner_b.pk}/record-lesson/",
        only(*ASSIST, yes=404), "another centre's learner"),
    "courses:champion_record_skill": GET("/champion/learners/{w.learner_b.pk}/record-skill/",
        only(*ASSIST, yes=404), "another centre's learner"),
    "courses:certificate": GET("/certificates/{w.certificate_b.pk}/", signed_in(404),
        "someone else's certificate"),
    "courses:certificate_download": GET("/certificates/{w.certificate_b.pk}/badge.jwt",
        signed_in(404), "someone else's certificate"),
    "courses:certificate_verify": GET("/certificates/{w.certificate_b.pk}/verify/", PUBLIC,
        "anyone may check a certificate they were shown"),
    "courses:credential_check": GET("/verify/", PUBLIC),
    "courses:badge_issuer": GET("/certificates/issuer.json", PUBLIC),
    "courses:badge_keys": GET("/certificates/keys.json", PUBLIC),
    "courses:badge_key": GET("/certificates/keys/{w.badge_key_id}.json", PUBLIC),
    # Offline learning: the app's files and pages are the same for everyone; a saved course
    # holds only public pages; the sync endpoint records only the sender's own completions.
    "offline:service_worker": GET("/sw.js", PUBLIC),
    "offline:web_manifest": GET("/manifest.webmanifest", PUBLIC),
    "offline:offline_page": GET("/offline/", PUBLIC),
    "offline:saved_courses": GET("/offline/saved/", PUBLIC),
    "offline:sync": GET("/offline/sync/", PUBLIC, "visitors too: a token for the queue"),
    "offline:course_manifest": GET("/offline/courses/{w.course.pk}.json", PUBLIC,
        "public courses only"),
    "courses:my_data": GET("/my-data/", SIGNED_IN),
    "courses:my_data_download": GET("/my-data/download/", SIGNED_IN),
    "courses:account_delete": GET("/my-data/delete/", SIGNED_IN, "GET only asks to confirm"),
    "courses:account_deleted": GET("/my-data/deleted/", PUBLIC),
    # Community.
    "community:home": GET("/community/", PUBLIC),
    "community:group_detail": GET("/community/groups/{w.private_group.slug}/", PUBLIC,
        "anyone sees an ask-to-join group's page (its posts are for members)"),
    "community:group_join": POST_ONLY("/community/groups/{w.private_group.slug}/join/",
        ANON_REFUSED, get=signed_in(405)),
    "community:group_leave": POST_ONLY("/community/groups/{w.private_group.slug}/leave/",
        ANON_REFUSED, get=signed_in(405)),
    "community:group_members": GET("/community/groups/{w.private_group.slug}/members/",
        only(MODERATOR, SUPERUSER), "members only, and site moderators"),
    "community:group_waiting": GET("/community/groups/{w.private_group.slug}/waiting/",
        only(MODERATOR, SUPERUSER), "the group's organisers, and site moderators"),
    "community:join_request_decide": POST_ONLY(
        "/community/groups/{w.private_group.slug}/requests/{w.join_request.pk}/",
        refused_except(MODERATOR, SUPERUSER), get=signed_in(405)),
    "community:post_new": GET("/community/groups/{w.private_group.slug}/new-post/",
        signed_in(403), "only members post"),
    "community:post_detail": GET("/community/posts/{w.private_post.pk}/",
        only(MODERATOR, SUPERUSER), "a post in an ask-to-join group: members only"),
    "community:post_edit": GET("/community/posts/{w.open_post.pk}/edit/", signed_in(403),
        "only the author edits"),
    "community:post_photo": GET("/community/posts/{w.private_post.pk}/photo/",
        only(MODERATOR, SUPERUSER), "the photo of a members-only post"),
    "community:post_delete": GET("/community/posts/{w.open_post.pk}/delete/", signed_in(403),
        "only the author deletes"),
    "community:post_approve": POST_ONLY("/community/posts/{w.pending_post.pk}/approve/",
        refused_except(MODERATOR, SUPERUSER), get=signed_in(405)),
    "community:post_decline": GET("/community/posts/{w.pending_post.pk}/decline/",
        only(MODERATOR, SUPERUSER), "the group's organisers, and site moderators"),
    "community:post_flag": GET("/community/posts/{w.private_post.pk}/report/",
        only(MODERATOR, SUPERUSER), "only those who can read it report it"),
    "community:comment_flag": GET("/community/comments/{w.private_comment.pk}/report/",
        only(MODERATOR, SUPERUSER), "only those who can read it report it"),
    "community:neighbourhood": GET("/community/neighbourhoods/{w.centre_b.neighbourhood.slug}/",
        PUBLIC),
    # Events.
    "events:list": GET("/events/", PUBLIC),
    "events:detail": GET("/events/{w.event_b.pk}/", PUBLIC),
    "events:book": POST_ONLY("/events/{w.event_b.pk}/book/", ANON_REFUSED),
    "events:cancel": POST_ONLY("/events/{w.event_b.pk}/cancel/", ANON_REFUSED),
    "events:calendar": GET("/events/{w.event_b.pk}/calendar.ics", PUBLIC),
    # Digital Champions: the pathway is for everyone signed in; applying needs the track first;
    # a champion's own pages need a current role (the world's champion has one at centre A);
    # only Managers decide applications and end roles.
    "champions:home": GET("/champions/", SIGNED_IN),
    "champions:apply": GET("/champions/apply/", signed_in(To("/champions/", exact=True)),
        "nobody here finished the track"),
    "champions:welcome": GET("/champions/welcome/", only(CHAMPION)),
    "champions:help": GET("/champions/help-given/", only(CHAMPION)),
    "champions:step_down": GET("/champions/step-down/", only(CHAMPION)),
    "champions:staff": GET("/champions/staff/", only(MANAGER, SUPERUSER)),
    "champions:staff_decide": GET(
        "/champions/staff/applications/{w.champion_application_b.pk}/", only(MANAGER, SUPERUSER)),
    "champions:staff_end": GET("/champions/staff/roles/{w.champion_role_b.pk}/end/",
        only(MANAGER, SUPERUSER), "another centre's champion; Managers only"),
    # Next steps.
    "practice:step_take": GET("/practice/steps/{w.next_step.pk}/take/", SIGNED_IN),
    # Tenant voice: verified tenants.
    "voice:verify": GET("/voice/verify/", SIGNED_IN, "every account may show it is a tenant"),
    "voice:tenants": GET("/voice/tenants/", only(*CHECK_TENANTS),
        "champions and officers see their own place's people; Managers see counts only"),
    "voice:tenant_check": GET("/voice/tenants/{w.learner_b.pk}/check/",
        only(*CHECK_TENANTS, yes=404) | {SUPERUSER: 200},
        "another centre's learner, outside the officer's neighbourhood"),
    # Tenant voice: reports of problems. None of the roles is a verified tenant; the officer
    # looks after centre A's neighbourhood, not B's, where learner_b reported a problem.
    "voice:report_new": GET("/voice/reports/new/", only(),
        "only verified tenants report (none of the roles is one)"),
    "voice:report_confidential": GET("/voice/reports/confidential/", PUBLIC),
    "voice:reports_list": GET("/voice/estates/{w.neighbourhood_b.slug}/reports/", PUBLIC,
        "the list and statuses are public; names only if the reporter chose"),
    "voice:report_detail": GET("/voice/reports/{w.report_b.pk}/", PUBLIC),
    "voice:report_affects_me_too": POST_ONLY("/voice/reports/{w.report_b.pk}/affects-me-too/",
        refused_except(), "only verified tenants of the report's neighbourhood"),
    "voice:report_photo": GET("/voice/reports/photos/{w.report_photo_b.pk}/",
        only(SUPERUSER, no=404), "tenants and officers of that neighbourhood only"),
    # Tenant voice: estate checks. None of the roles is a verified tenant (learner_b is, in
    # neighbourhood B): they are told how to become one (403). Photos: their author, and the
    # people who run the checks (Managers). The outline picture is public, like its page.
    "voice:estate_checks": GET("/voice/estate-checks/", only(), "verified tenants only"),
    "voice:estate_check": GET("/voice/estate-checks/{w.estate_check_b.pk}/", only(),
        "verified tenants of the check's neighbourhoods only"),
    "voice:estate_check_photo": GET("/voice/estate-checks/photos/{w.estate_photo_b.pk}/",
        only(MANAGER, SUPERUSER, no=404), "learner_b's photo: its author and Managers only"),
    "voice:neighbourhood_outline": GET(
        "/voice/neighbourhoods/{w.neighbourhood_b.slug}/outline.svg?lat=51.5&lng=-0.1", PUBLIC),
    "voice:estate_check_results_list": GET("/voice/estate-checks/results/",
        only(MANAGER, OFFICER, SUPERUSER), "officers see their neighbourhoods'; Managers all"),
    "voice:estate_check_results": GET(
        "/voice/estate-checks/{w.estate_check_b.pk}/results/{w.neighbourhood_b.slug}/",
        only(MANAGER, SUPERUSER), "neighbourhood B is not the officer's"),
    "voice:reports_manage": GET("/voice/reports/manage/", only(OFFICER, SUPERUSER)),
    # Consultations: results and their CSV are public once closed; paper answers are entered by
    # the staff who check tenants in person (for people in their care); free text is read by
    # moderators.
    "voice:consultation_results_csv": GET(
        "/voice/consultations/{w.consultation_closed.pk}/results.csv", PUBLIC,
        "published results, once closed"),
    "voice:consultation_paper": GET("/voice/consultations/{w.consultation_open.pk}/paper/",
        only(*CHECK_TENANTS), "staff who check tenants in person enter paper answers"),
    "voice:consultation_moderation": GET("/voice/consultations/moderation/",
        only(MODERATOR, SUPERUSER), "moderators read free-text answers before any is quoted"),
    "voice:report_status": [
        GET("/voice/reports/{w.report_b.pk}/status/", only(SUPERUSER), label="other place",
            why="another neighbourhood's report: not the officer's"),
        GET("/voice/reports/{w.report_a.pk}/status/", only(OFFICER, SUPERUSER),
            label="own place"),
    ],
    # Confidential reports, the reporting side (safeguarding): anyone may report, signed in or
    # not. Steps after the first, the check page and the "sent" page send a newcomer back; the
    # reference page opens a report only with its reference and phrase. "My reports" shows
    # only the person's own: learner_b's report is refused (404) to everyone else, a
    # superuser and a Safeguarding Officer too (officers read reports on the case pages).
    "safeguarding:report_start": GET("/confidential-report/", PUBLIC),
    "safeguarding:report_step": GET("/confidential-report/step/danger/", PUBLIC),
    "safeguarding:report_review": GET("/confidential-report/check-answers/",
        everyone(To("/confidential-report/step/danger/", exact=True)),
        "nothing answered yet: back to the first step"),
    "safeguarding:report_sent": GET("/confidential-report/sent/",
        everyone(To("/confidential-report/reference/", exact=True)),
        "shown once, to the person who just sent a report"),
    "safeguarding:report_check": GET("/confidential-report/reference/", PUBLIC),
    "safeguarding:report_status": GET("/confidential-report/reference/report/",
        everyone(To("/confidential-report/reference/", exact=True)),
        "only after the reference and phrase were given in this session"),
    "safeguarding:report_close": POST_ONLY("/confidential-report/reference/close/", {},
        "closes the report on this device: nothing to refuse"),
    "safeguarding:my_reports": GET("/confidential-report/mine/", SIGNED_IN),
    "safeguarding:my_report": GET("/confidential-report/mine/{w.confidential_report_b.pk}/",
        only(no=404), "learner_b's report: only learner_b, never another role"),
    # Confidential reports, the officers' side: only the Safeguarding Officer role itself with
    # two-step sign-in (safeguarding.permissions.reports_may_handle); not Managers, not
    # Moderators, not a superuser without the role. Every refusal is in the access log.
    "safeguarding:cases_list": GET("/safeguarding/cases/", only(SAFEGUARDING),
        "only Safeguarding Officers read reports"),
    "safeguarding:cases_export": GET("/safeguarding/cases/export.csv", only(SAFEGUARDING),
        "only Safeguarding Officers read reports"),
    "safeguarding:case_detail": GET("/safeguarding/cases/{w.confidential_report_b.pk}/",
        only(SAFEGUARDING), "only Safeguarding Officers read reports"),
    "safeguarding:evidence_download": GET(
        "/safeguarding/cases/evidence/{w.confidential_evidence_b.pk}/", only(SAFEGUARDING),
        "the evidence of a report: only Safeguarding Officers"),
    # Dashboards: Managers every place, champions their own centre.
    "dashboards:dashboard": GET("/dashboard/", only(*DASHBOARD)),
    "dashboards:table_csv": GET("/dashboard/csv/headline/", only(*DASHBOARD)),
    "dashboards:export_new": POST_ONLY("/dashboard/exports/", refused_except(*DASHBOARD)),
    "dashboards:export_detail": GET("/dashboard/exports/{w.export_b.pk}/",
        only(*DASHBOARD, yes=404), "another manager's export: only the person who asked sees it"),
    "dashboards:export_download": GET("/dashboard/exports/{w.export_b.pk}/download/",
        only(*DASHBOARD, yes=404), "another manager's export"),
    # Open data: public pages, files, catalogue and API; only Managers enter, draft, check and
    # publish (superusers too).
    "opendata:catalogue": GET("/open-data/", PUBLIC),
    "opendata:catalogue_json": GET("/open-data/catalogue.json", PUBLIC),
    "opendata:api_index": GET("/open-data/api/v1/", PUBLIC),
    "opendata:api_rows": GET("/open-data/api/v1/tenant-satisfaction-measures/", PUBLIC),
    "opendata:dataset": GET("/open-data/tenant-satisfaction-measures/", PUBLIC),
    "opendata:version": [
        GET("/open-data/tenant-satisfaction-measures/{w.opendata_version.number}/", PUBLIC,
            label="published"),
        GET("/open-data/tenant-satisfaction-measures/{w.opendata_draft.number}/", everyone(404),
            "a version not yet published is never served", label="draft"),
    ],
    "opendata:version_file": [
        GET("/open-data/tenant-satisfaction-measures/{w.opendata_version.number}/data.csv",
            PUBLIC, label="published"),
        GET("/open-data/tenant-satisfaction-measures/{w.opendata_draft.number}/data.json",
            everyone(404), "a version not yet published is never served", label="draft"),
    ],
    "opendata:manage": GET("/open-data/manage/", only(MANAGER, SUPERUSER),
        "publishing open data is a Manager's decision"),
    "opendata:manage_tsm": GET("/open-data/manage/tsm/2026/", only(MANAGER, SUPERUSER)),
    "opendata:manage_draft": POST_ONLY("/open-data/manage/tenant-satisfaction-measures/draft/",
        refused_except(MANAGER, SUPERUSER)),
    "opendata:manage_step": POST_ONLY(
        "/open-data/manage/versions/{w.opendata_draft.pk}/publish/",
        refused_except(MANAGER, SUPERUSER)),
    # Pages (Wagtail serves every address that nothing above takes) and documents.
    "wagtail_serve": [
        GET("/", PUBLIC, label="home"),
        GET("{w.course.url}", PUBLIC, label="course"),
        GET("{w.lesson.url}", PUBLIC, label="lesson"),
        GET("{w.draft_lesson_url}", everyone(404), "a draft is never served", label="draft"),
        GET("{w.improvements_index.url}", PUBLIC, label="you said, we did"),
        GET("{w.improvement.url}", PUBLIC, label="improvement"),
        GET("{w.draft_improvement_url}", everyone(404), "a draft improvement is never served",
            label="draft improvement"),
        GET("{w.consultations_index.url}", PUBLIC, label="consultations"),
        GET("{w.consultation_open.url}", PUBLIC, "anyone reads it; only tenants of B answer",
            label="open consultation"),
        GET("{w.consultation_closed.url}", PUBLIC, label="closed consultation"),
        GET("{w.members_page.url}", signed_in(200, anon=ACCOUNT_LOGIN),
            "a page for signed-in people sends visitors to the one sign-in page", label="private"),
        GET("/no-such-page/", everyone(404), label="missing"),
    ],
    "wagtailcore_authenticate_with_password": GET(
        "/_util/authenticate_with_password/{w.password_restriction.pk}/{w.password_page.pk}/",
        PUBLIC, "the form for a password-protected page"),
    # Our view takes /_util/login/ before Wagtail's (whose pattern stays, shadowed): both rows
    # open the same address.
    "wagtail_frontend_login": GET("/_util/login/", signed_in(403, anon=ACCOUNT_LOGIN),
        "a private page refuses a signed-in person outside its groups; visitors sign in on "
        "allauth's page"),
    "wagtailcore_login": GET("/_util/login/",
        signed_in(AnyOf((ACCOUNT_LOGIN, 403)), anon=ACCOUNT_LOGIN),
        "Wagtail's own sign-in form (Django's LoginView) has no rate limit and no second step: "
        "private pages must send people to allauth's page instead"),
    "wagtaildocs_serve": GET("/documents/{w.document.pk}/{w.document.filename}", PUBLIC),
    "wagtaildocs_authenticate_with_password": GET(
        "/documents/authenticate_with_password/{w.document_restriction.pk}/", PUBLIC),
    # The admins: entry pages, sign-in pages, and the admin views our apps add.
    "wagtailadmin_home": GET("/admin/", admin_only(*ADMIN_ROLES)),
    "wagtail_admin_login": GET("/admin/login/", signed_in(403, anon=ACCOUNT_LOGIN),
        "one sign-in page for everyone"),
    "django_admin_login": GET("/django-admin/login/", signed_in(403, anon=ACCOUNT_LOGIN),
        "one sign-in page for everyone"),
    "admin:index": GET("/django-admin/", only(SUPERUSER, no=LOGIN)),
    "community_moderation:queue": GET("/admin/community/moderation/",
        admin_only(MODERATOR, SUPERUSER)),
    "community_moderation:log": GET("/admin/community/moderation/log/",
        admin_only(MODERATOR, SUPERUSER)),
    "community_moderation:review": GET("/admin/community/moderation/post/{w.private_post.pk}/",
        admin_only(MODERATOR, SUPERUSER)),
    "voice_admin:tenancy_list": GET("/admin/voice/tenancies/", admin_only(MANAGER, SUPERUSER),
        "only Managers import the tenancy list (and see its counts)"),
    **snippet_rows("voice.estatecheck", "estate_check_b", add=(MANAGER,), change=(MANAGER,),
        delete=(MANAGER,), why="only Managers open estate checks"),
    **snippet_rows(
        "events.event", "event_b",
        add=(CHAMPION, MANAGER), change=(CHAMPION, MANAGER), delete=(MANAGER,),
        views=("list", "list_results", "add", "edit", "delete", "usage", "history",
               "history_results", "copy", "inspect"),
        overrides={
            view: admin_only(MANAGER, SUPERUSER, no=404)
            for view in ("edit", "delete", "usage", "history", "history_results", "copy",
                         "inspect", "wagtailsnippetchoosers_events_event:chosen")
        } | {
            "wagtailsnippetchoosers_events_event:create": admin_only(),
        },
        why="an event at another centre: a champion manages only their own centre's",
    ),
    **snippet_rows("community.group", "private_group", add=(MODERATOR, MANAGER),
                   change=(MODERATOR, MANAGER)),
    **snippet_rows("places.neighbourhood", "neighbourhood_b", add=(MANAGER,), change=(MANAGER,),
                   delete=(MANAGER,)),
    **snippet_rows("places.communitycentre", "centre_b", add=(MANAGER,), change=(MANAGER,),
                   delete=(MANAGER,)),
    **snippet_rows("places.staffassignment", "staff_assignment", add=(MANAGER,),
                   change=(MANAGER,), delete=(MANAGER,),
                   views=("list", "list_results", "add", "edit", "delete", "usage", "history",
                          "history_results"),
                   chooser=False,  # none: a chooser would list every champion's centre
                   why="only Managers see and say where champions work"),
    **snippet_rows("courses.skill", "skill", add=(EDITOR,), change=(EDITOR,)),
    **snippet_rows("courses.skillarea", "skill_area", add=(EDITOR,), change=(EDITOR,)),
    **snippet_rows("practice.nextstep", "next_step", add=(EDITOR,), change=(EDITOR,),
                   delete=(EDITOR,)),
    # Translations (translations/admin_views.py): Course Editors and Managers only.
    "translations_admin:overview": GET("/admin/translations/",
        admin_only(EDITOR, MANAGER, SUPERUSER)),
    "translations_admin:text_edit": GET(
        "/admin/translations/text/community.group/{w.private_group.pk}/pl/",
        admin_only(EDITOR, MANAGER, SUPERUSER)),
    "translations_admin:page_status": GET(
        "/admin/translations/page/{w.course_polish.pk}/", admin_only(EDITOR, MANAGER, SUPERUSER)),
}
# fmt: on


# --- Which URL patterns must have a row ----------------------------------------------------------


def _our_apps() -> list:
    base = Path(settings.BASE_DIR).resolve()
    ours = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and ".venv" not in path.parts:
            ours.append(config)
    return ours


def _walk(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _walk(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace and pattern.name else pattern.name
            module = getattr(pattern.callback, "__module__", "") or ""
            yield prefix + str(pattern.pattern), name, module


def _patterns_in_scope() -> dict[str, str]:
    """{row key: route} of every pattern that must have a row."""
    ours = _our_apps()
    packages = tuple(f"{config.name}." for config in ours)
    snippet_namespaces = tuple(
        f"{kind}_{config.label}_"
        for config in ours
        for kind in ("wagtailsnippets", "wagtailsnippetchoosers")
    )
    wanted = {}
    for route, name, module in _walk(get_resolver()):
        ours_by_code = module.startswith(packages)
        if route.startswith("admin/"):
            in_scope = (
                name == "wagtailadmin_home"
                or ours_by_code
                or (name or "").startswith(snippet_namespaces)
            )
        elif route.startswith("django-admin/"):
            in_scope = name == "admin:index" or ours_by_code
        else:
            in_scope = not route.startswith("bench/")
        if in_scope:
            key = name or route
            wanted.setdefault(key, route)
    return wanted


def test_every_url_pattern_has_a_row():
    wanted = _patterns_in_scope()
    missing = [
        f"add a row to the permission matrix for {key} ({route})"
        for key, route in wanted.items()
        if key not in MATRIX
    ]
    gone = [
        f"remove the row for {key}: no such URL pattern any more"
        for key in MATRIX
        if key not in wanted
    ]
    assert not missing + gone, "\n".join(missing + gone)


# --- The objects the rows' addresses are made from -----------------------------------------------


class World:
    """Everything the rows point at, made once for the module."""


def _world_build() -> World:
    from wagtail.documents import get_document_model
    from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

    from community.models import Joining, MembershipStatus, Role, Status
    from courses.models import Skill, SkillArea
    from courses.progress.credentials.badges import certificate_issue, public_keys
    from courses.progress.nudges.reminders import nudge_opt_out_token
    from dashboards.models import DashboardExport
    from notifications.email import unsubscribe_token
    from training.places.models import StaffAssignment
    from training.places.services import staff_neighbourhood_set

    w = World()
    w.centre_a = CommunityCentreFactory()
    w.centre_b = CommunityCentreFactory()
    w.neighbourhood_b = w.centre_b.neighbourhood
    w.users = {
        LEARNER: UserFactory(community_centre=w.centre_a),
        CHAMPION: UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=w.centre_a),
        EDITOR: UserFactory(role=roles.COURSE_EDITOR),
        MODERATOR: UserFactory(role=roles.MODERATOR),
        SAFEGUARDING: UserFactory(role=roles.SAFEGUARDING_OFFICER),
        MANAGER: UserFactory(role=roles.MANAGER),
        OFFICER: UserFactory(role=roles.HOUSING_OFFICER),
        SUPERUSER: UserFactory(is_superuser=True, is_staff=True),
    }
    # The Housing Officer looks after the first centre's neighbourhood.
    staff_neighbourhood_set(
        person=w.users[OFFICER], neighbourhood=w.centre_a.neighbourhood, by=w.users[MANAGER]
    )
    # Another centre: its champion, a learner there, and an account that champion made.
    w.champion_b = UserFactory(role=roles.DIGITAL_CHAMPION, community_centre=w.centre_b)
    w.learner_b = UserFactory(community_centre=w.centre_b)
    w.assisted_b = UserFactory(
        community_centre=w.centre_b, created_with_assistance=True, assisted_by=w.champion_b
    )
    w.staff_assignment = StaffAssignment.objects.filter(person=w.champion_b).first()
    # Champions: both champions serve through the pathway; learner B waits for a decision.
    from champions.models import ChampionApplication, ChampionRole

    ChampionRole.objects.create(person=w.users[CHAMPION], centre=w.centre_a)
    w.champion_role_b = ChampionRole.objects.create(person=w.champion_b, centre=w.centre_b)
    w.champion_application_b = ChampionApplication.objects.create(
        applicant=w.learner_b, centre=w.centre_b, note="I help my neighbours."
    )

    # Learning: a course with a lesson and a draft lesson; learner_b's certificate.
    w.course = CoursePageFactory()
    w.lesson = LessonPageFactory(parent=w.course)
    draft = LessonPageFactory(parent=w.course, live=False)
    w.draft_lesson_url = f"{w.course.url}{draft.slug}/"
    w.certificate_b, _ = certificate_issue(learner=w.learner_b, course=w.course)
    w.badge_key_id = next(iter(public_keys()))
    w.skill = Skill.objects.order_by("pk").first()
    w.skill_area = SkillArea.objects.order_by("pk").first()
    w.next_step = NextStepFactory(course=w.course)
    w.nudge_token = nudge_opt_out_token(learner=w.learner_b)
    w.unsubscribe_token = unsubscribe_token(person_id=w.learner_b.pk)

    # Pages for signed-in people only, and behind a password.
    w.members_page = CoursePageFactory()
    PageViewRestriction.objects.create(page=w.members_page, restriction_type="login")
    w.password_page = CoursePageFactory()
    w.password_restriction = PageViewRestriction.objects.create(
        page=w.password_page,
        restriction_type="password",
        password="a-page-password",  # noqa: S106
    )
    w.document = get_document_model().objects.create(
        title="Rent statement help", file=SimpleUploadedFile("rent-help.txt", b"Ask us.")
    )
    collection = Collection.get_first_root_node().add_child(name="Private papers")
    w.document_restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type="password",
        password="a-doc-password",  # noqa: S106
    )

    # Community: an ask-to-join group none of the roles belongs to, with a photo post, a reply,
    # a post waiting for approval and a request to join; an open group with learner_b's post.
    w.private_group = GroupFactory(joining=Joining.APPROVAL)
    MembershipFactory(group=w.private_group, user=w.learner_b, role=Role.OWNER)
    w.private_post = PostFactory(group=w.private_group, author=w.learner_b)
    w.private_post.photo.save("photo.jpg", ContentFile(image_bytes()), save=False)
    w.private_post.photo_description = "New flower beds"
    w.private_post.save()
    w.private_comment = CommentFactory(post=w.private_post, author=w.learner_b)
    w.pending_post = PostFactory(group=w.private_group, author=w.learner_b, status=Status.PENDING)
    w.join_request = MembershipFactory(
        group=w.private_group, user=w.champion_b, status=MembershipStatus.REQUESTED
    )
    w.open_group = GroupFactory()
    w.open_post = PostFactory(group=w.open_group, author=w.learner_b)

    # Events and dashboards: an event at the other centre; another manager's finished export.
    w.event_b = EventFactory(centre=w.centre_b)
    other_manager = UserFactory(role=roles.MANAGER)
    w.export_b = DashboardExport.objects.create(
        requested_by=other_manager, every_place=True, status="ready"
    )
    w.export_b.file.save("export.zip", ContentFile(b"PK\x05\x06" + bytes(18)), save=True)

    # Tenant voice: learner_b, a verified tenant of neighbourhood B, reported a problem with a
    # photo there; someone reported one in the officer's neighbourhood (A) too.
    from community.photos import photo_prepare
    from tests.factories.voice import tenancy_add
    from voice.models import ReportPhoto, TenantVerification
    from voice.reports_services import ReportPhotoUpload, report_create

    tenant_a = UserFactory(community_centre=w.centre_a)
    for person, neighbourhood, reference in (
        (w.learner_b, w.neighbourhood_b, "TEN-MATRIX-B"),
        (tenant_a, w.centre_a.neighbourhood, "TEN-MATRIX-A"),
    ):
        TenantVerification.objects.create(
            person=person,
            tenancy=tenancy_add(reference, "N1 8ZZ", neighbourhood),
            method="in_person",
        )
    w.report_b = report_create(
        reporter=w.learner_b,
        category="lighting",
        description="The stair light is out.",
        photos=[
            ReportPhotoUpload(
                photo_prepare(SimpleUploadedFile("p.jpg", image_bytes())), "The dark stairs"
            )
        ],
    )
    w.report_photo_b = ReportPhoto.objects.get(report=w.report_b)
    w.report_a = report_create(reporter=tenant_a, category="rubbish", description="Bags.")

    # An estate check open in neighbourhood B (which has an outline), answered by learner_b
    # with a photo.
    from datetime import timedelta

    from django.utils import timezone

    from voice.models import EstateCheck, EstateCheckQuestion
    from voice.services import EstateCheckPhotoAdd, estate_check_answer

    w.neighbourhood_b.boundary = {
        "type": "Polygon",
        "coordinates": [[[-0.102, 51.498], [-0.098, 51.498], [-0.098, 51.502], [-0.102, 51.498]]],
    }
    w.neighbourhood_b.save()
    today = timezone.localdate()
    w.estate_check_b = EstateCheck.objects.create(
        title="Spring check", opens_on=today, closes_on=today + timedelta(days=30)
    )
    w.estate_check_b.neighbourhoods.set([w.neighbourhood_b])
    w.estate_check_b.save()
    question = EstateCheckQuestion.objects.create(
        estate_check=w.estate_check_b, text="How clean are the shared areas?"
    )
    estate_check_answer(
        check=w.estate_check_b,
        person=w.learner_b,
        scores={question.pk: (2, "")},
        photo=EstateCheckPhotoAdd(
            photo_prepare(SimpleUploadedFile("e.jpg", image_bytes())), "The bins"
        ),
    )
    w.estate_photo_b = w.estate_check_b.responses.get().photos.get()

    # You said, we did: a published improvement in neighbourhood B answering report_b (its
    # reporter, learner_b, is told), and a draft.
    from voice.improvements_services import improvements_index_ensure
    from voice.models import ImprovementPage

    w.improvements_index = improvements_index_ensure()
    for slug, publish in (("new-stair-light", True), ("draft-improvement", False)):
        improvement = ImprovementPage(
            title=slug.replace("-", " ").capitalize(),
            slug=slug,
            tenants_said="The stair light is out.",
            we_did="<p>We fitted a new light.</p>",
            neighbourhood=w.neighbourhood_b,
            live=False,
        )
        improvement.reports = [w.report_b]
        w.improvements_index.add_child(instance=improvement)
        revision = improvement.save_revision()
        if publish:
            revision.publish()
            w.improvement = ImprovementPage.objects.get(pk=improvement.pk)
    w.draft_improvement_url = f"{w.improvements_index.url}draft-improvement/"

    # Consultations for neighbourhood B: one open (learner_b has answered), one closed.
    from voice.consultations_services import (
        Answer,
        consultation_answer,
        consultation_create,
        consultations_index_ensure,
    )

    w.consultations_index = consultations_index_ensure()
    for name, opens, closes in (("open", 0, 10), ("closed", -20, -1)):
        consultation = consultation_create(
            index=w.consultations_index,
            title=f"Benches ({name})",
            question="Where should the new benches go?",
            questions=[{"kind": "one", "text": "Where?", "options": "Here\nThere"}],
            opens_on=today + timedelta(days=opens),
            closes_on=today + timedelta(days=closes),
            neighbourhoods=[w.neighbourhood_b],
        )
        setattr(w, f"consultation_{name}", consultation)
    consultation_answer(
        consultation=w.consultation_open,
        person=w.learner_b,
        answers={w.consultation_open.questions.get().pk: Answer(choices=("Here",))},
        finish=True,
    )

    # A confidential report that learner_b kept with their account (safeguarding).
    from safeguarding.reporting_services import ReportAnswers, report_make

    w.confidential_report_b = report_make(
        answers=ReportAnswers(
            strands=["anti_social"],
            affected="me",
            happening_now=False,
            threat_to_life=False,
            happened_on=None,
            ongoing=True,
            neighbourhood_id=w.neighbourhood_b.pk,
            where="",
            description="Loud music every night.",
            contact_preference="none",
        ),
        reporter=w.learner_b,
    ).report
    from safeguarding.models import ReportEvidence

    w.confidential_evidence_b = ReportEvidence(report=w.confidential_report_b, width=8, height=8)
    w.confidential_evidence_b.photo.save("e.jpg", ContentFile(image_bytes()), save=False)
    w.confidential_evidence_b.save()

    # Open data: a published version of the Tenant Satisfaction Measures, then a draft.
    from opendata import services as opendata_services

    tsm = "tenant-satisfaction-measures"
    w.opendata_version = opendata_services.version_draft(user=w.users[MANAGER], dataset=tsm)
    opendata_services.version_check(user=w.users[MANAGER], version=w.opendata_version)
    opendata_services.version_publish(user=w.users[MANAGER], version=w.opendata_version)
    w.opendata_draft = opendata_services.version_draft(
        user=w.users[MANAGER], dataset=tsm, what_changed="A correction."
    )

    # The course's Polish copy, for a translated page's status in the Translations area. Made
    # last: the course factories find the one (English) course index.
    from wagtail.models import Locale

    w.course_polish = w.course.copy_for_translation(
        Locale.objects.get(language_code="pl"), copy_parents=True
    )
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with module_data(django_db_blocker, tmp_path_factory.mktemp("matrix")):
        yield _world_build()


@pytest.fixture(autouse=True)
def _media_and_cache(world):
    """Replaces the suite's per-test folders: the matrix's files live for the whole module."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# --- The tests -----------------------------------------------------------------------------------


def _cases():
    for key, rows in MATRIX.items():
        for row in rows if isinstance(rows, list) else [rows]:
            name = f"{key}[{row.label}]" if row.label else key
            for role in ROLES:
                yield pytest.param(row, role, "GET", id=f"{name}-{role}-GET")
            for role in row.post or {}:
                yield pytest.param(row, role, "POST", id=f"{name}-{role}-POST")


def _client(world, role: str) -> Client:
    client = Client()
    if role != ANON:
        # Signed in for each test: at scale sessions live in the cache, which every test empties.
        client.force_login(world.users[role])
    return client


@pytest.mark.parametrize(("row", "role", "method"), list(_cases()))
def test_permission_matrix(world, row, role, method):
    url = row.url.format(w=world)
    expected = row.get[role] if method == "GET" else row.post[role]
    client = _client(world, role)
    response = client.get(url) if method == "GET" else client.post(url)
    where = response.get("Location", "")
    assert _answer_matches(response, expected), (
        f"{method} {url} as {role}: expected {expected}, got {response.status_code}"
        + (f" to {where}" if where else "")
        + (f" (rule: {row.why})" if row.why else "")
    )


# Patterns that another pattern, listed before them, takes over on purpose: {shadowed: taker}.
SHADOWED = {"wagtailcore_login": "wagtail_frontend_login"}


def test_every_row_opens_the_pattern_it_is_for(world):
    """A row's address must reach its own pattern, or the row tests something else."""
    wrong = []
    for key, rows in MATRIX.items():
        for row in rows if isinstance(rows, list) else [rows]:
            path = urlsplit(row.url.format(w=world)).path
            try:
                match = resolve(path)
            except Resolver404:
                wrong.append(f"{key}: {path} opens nothing")
                continue
            if key != match.route and match.view_name not in {key, SHADOWED.get(key)}:
                wrong.append(f"{key}: {path} opens {match.view_name or match.route}")
    assert not wrong, "\n".join(wrong)
