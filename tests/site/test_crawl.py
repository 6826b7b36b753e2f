"""Follow every link on the demo site, as a visitor and as each demo role.

Starting at the home page, every ``<a href>`` that stays on the site is followed (normalised and
visited once), redirects included. Every page must answer below 400, apart from the deliberate
refusals listed in ``EXPECTED_REFUSALS`` with their reason, and none may answer 500. A signed-in
person sent to the sign-in page (or to two-factor set-up) is a failure: the site linked them to
something they may not open. Pictures, styles and scripts that a page asks for from our own
``/static/`` and ``/media/`` must exist.

Not followed: signing out (a form anyway), anything that deletes, and the inside of the two
admins (their entry pages are visited; the permission matrix covers the admin views we wrote).
"""

import re
import time
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.test import Client

import pytest

from tests.site.demo_db import demo_load, module_data
from training.users.models import User

pytestmark = pytest.mark.django_db

VISITOR = "visitor"
# The accounts seed_demo makes (README, "Demo sign-ins"), one for each role.
DEMO_PEOPLE = [
    VISITOR,
    "tenant@example.com",
    "champion@example.com",
    "editor@example.com",
    "moderator@example.com",
    "safeguarding@example.com",
    "manager@example.com",
    "officer@example.com",
    "admin@example.com",
]

# Far above the demo's size (about 150 pages a role); reaching it fails the test, so a runaway
# (an endless calendar, say) is found rather than hidden.
PAGE_CAP = 1000
MAX_REDIRECTS = 5

SAME_SITE_HOSTS = {"", "testserver", "localhost", "127.0.0.1"}
SIGN_IN_PATHS = ("/account/login/", "/admin/login/", "/django-admin/login/")
TWO_FACTOR_PATHS = ("/account/2fa/",)
ADMIN_ENTRIES = ("/admin/", "/django-admin/")

# Deliberate answers of 400 or more a crawl may meet, each with its reason:
# (role or "*", path regex) -> (status, reason). Keep it short: a link the site shows someone
# should open for them.
EXPECTED_REFUSALS: dict[tuple[str, str], tuple[int, str]] = {}


class _Links(HTMLParser):
    """The links and our own asset addresses in one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag in {"img", "script", "source", "link"}:
            for name in ("src", "href"):
                if attributes.get(name) and (tag != "link" or _is_asset_link(attributes)):
                    self.assets.append(attributes[name])
            for candidate in (attributes.get("srcset") or "").split(","):
                if candidate.strip():
                    self.assets.append(candidate.split()[0])


def _is_asset_link(attributes: dict) -> bool:
    return bool({"stylesheet", "icon", "preload", "manifest"} & set(
        (attributes.get("rel") or "").split()
    ))  # fmt: skip


def _same_site(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in {"", "http", "https"} and (parts.hostname or "") in SAME_SITE_HOSTS


def _normalised(url: str) -> str:
    """Path and query, fragment dropped, query sorted."""
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    return parts.path + (f"?{query}" if query else "")


def _visit_key(url: str) -> str:
    """What makes two addresses the same page for the crawl.

    ``next`` (where to go after signing in) is dropped, and every page of a paginated list
    counts as one: page 2 is opened once, not page 2 of every filter.
    """
    parts = urlsplit(url)
    query = [
        (name, "*" if name == "page" else value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if name != "next"
    ]
    return parts.path + ("?" + urlencode(sorted(query)) if query else "")


def _skipped(path: str) -> str | None:
    """Why a link is not followed, or None."""
    if path.rstrip("/").endswith("/logout") or "/logout/" in path:
        return "signs out"
    if any("delete" in segment for segment in path.split("/")):
        return "deletes"
    for entry in ADMIN_ENTRIES:
        if path.startswith(entry) and path != entry:
            return "inside an admin"
    return None


def _refusal(role: str, path: str, status: int) -> str | None:
    for (who, pattern), (expected, reason) in EXPECTED_REFUSALS.items():
        if who in {role, "*"} and re.fullmatch(pattern, path) and status == expected:
            return reason
    return None


class Crawl:
    def __init__(self, client: Client, role: str, *, cap: int = PAGE_CAP):
        self.client = client
        self.role = role
        self.cap = cap
        self.signed_in = role != VISITOR
        self.visited: dict[str, int] = {}
        self.problems: list[str] = []
        self.assets_checked: dict[str, bool] = {}

    def run(self, start: str = "/") -> None:
        queue = deque([(start, "(start)")])
        seen = {_visit_key(start)}
        while queue:
            if len(self.visited) >= self.cap:
                self.problems.append(
                    f"stopped at {self.cap} pages with {len(queue)} still to visit: "
                    "raise PAGE_CAP only if the site really grew, or find the runaway links"
                )
                return
            url, found_on = queue.popleft()
            for link in self.open(url, found_on):
                key = _visit_key(link)
                if key not in seen:
                    seen.add(key)
                    queue.append((link, url))

    def open(self, url: str, found_on: str) -> list[str]:
        """Open one address, following its redirects; answer the links on the final page."""
        for _hop in range(MAX_REDIRECTS + 1):
            path = urlsplit(url).path
            try:
                response = self.client.get(url)
            except Exception as error:  # the test client re-raises what would be a 500
                self.visited[url] = 500
                self.problems.append(f"500 {url} (linked from {found_on}): {error!r}")
                return []
            self.visited[url] = response.status_code
            if response.status_code in {301, 302, 303, 307, 308}:
                target = urljoin(url, response["Location"])
                target_path = urlsplit(target).path
                if not _same_site(target):
                    return []
                if self.signed_in and target_path.startswith(TWO_FACTOR_PATHS):
                    self.problems.append(
                        f"{url} sent a signed-in {self.role} to two-factor set-up {target_path}"
                    )
                    return []
                if self.signed_in and target_path.startswith(SIGN_IN_PATHS):
                    if not _refusal(self.role, path, response.status_code):
                        self.problems.append(
                            f"{url} (linked from {found_on}) sent a signed-in {self.role} "
                            f"to sign in: {target}"
                        )
                    return []
                found_on, url = url, _normalised(target)
                continue
            if response.status_code >= 400 and not _refusal(self.role, path, response.status_code):
                self.problems.append(f"{response.status_code} {url} (linked from {found_on})")
                return []
            if "text/html" not in response.get("Content-Type", ""):
                return []
            return self.links_of(url, response.content.decode())
        self.problems.append(f"more than {MAX_REDIRECTS} redirects from {url}")
        return []

    def links_of(self, url: str, html: str) -> list[str]:
        parser = _Links()
        parser.feed(html)
        for asset in parser.assets:
            self.check_asset(url, asset)
        links = []
        for href in parser.links:
            absolute = urljoin(url, href.strip())
            if not _same_site(absolute):
                continue
            path = urlsplit(absolute).path
            if _skipped(path):
                continue
            links.append(_normalised(absolute))
        return links

    def check_asset(self, page: str, address: str) -> None:
        absolute = urljoin(page, address)
        if not _same_site(absolute):
            return
        path = urlsplit(absolute).path
        if path in self.assets_checked:
            return
        if path.startswith(settings.STATIC_URL):
            found = bool(finders.find(path.removeprefix(settings.STATIC_URL)))
        elif path.startswith(settings.MEDIA_URL):
            found = (Path(settings.MEDIA_ROOT) / path.removeprefix(settings.MEDIA_URL)).is_file()
        else:
            return
        self.assets_checked[path] = found
        if not found:
            self.problems.append(f"{page} asks for {path}, which does not exist")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory, demo_snapshot):
    """The seeded demo, copied in once for the module (and rolled back at its end)."""
    with module_data(django_db_blocker, tmp_path_factory.mktemp("demo")):
        demo_load(demo_snapshot)
        yield


@pytest.fixture(autouse=True)
def _media_and_cache(demo):
    """Replaces the suite's per-test media folder: the demo's pictures are the module's."""
    cache.clear()
    yield
    cache.clear()


@pytest.mark.parametrize("person", DEMO_PEOPLE)
def test_every_linked_page_opens(person):
    client = Client()
    if person != VISITOR:
        client.force_login(User.objects.get(email=person))
    crawl = Crawl(client, person)

    started = time.perf_counter()
    crawl.run("/")
    seconds = time.perf_counter() - started
    print(
        f"\ncrawl as {person}: {len(crawl.visited)} addresses, "
        f"{len(crawl.assets_checked)} assets, {seconds:.1f}s"
    )
    assert not crawl.problems, (
        f"As {person}, {len(crawl.problems)} problem(s) in {len(crawl.visited)} addresses:\n"
        + "\n".join(crawl.problems)
    )
    assert len(crawl.visited) > 20, crawl.visited


def test_the_crawl_reports_what_it_must():
    """The crawler itself: a missing page, a missing asset, sign-in walls and the cap."""
    crawl = Crawl(Client(), VISITOR)
    crawl.run("/no-such-page/")
    assert crawl.problems == ["404 /no-such-page/ (linked from (start))"]

    crawl = Crawl(Client(), VISITOR)
    crawl.links_of(
        "/", '<link rel="stylesheet" href="/static/no-such.css"><img src="/media/x.png">'
    )
    assert crawl.problems == [
        "/ asks for /static/no-such.css, which does not exist",
        "/ asks for /media/x.png, which does not exist",
    ]

    client = Client()
    client.force_login(User.objects.get(email="tenant@example.com"))
    crawl = Crawl(client, "tenant@example.com")
    crawl.run("/dashboard/")
    assert crawl.problems == ["403 /dashboard/ (linked from (start))"]

    crawl = Crawl(Client(), VISITOR)
    crawl.run("/my-learning/")
    assert crawl.problems == [], "a visitor may be asked to sign in"
    crawl = Crawl(client, "tenant@example.com", cap=3)
    crawl.run("/")
    assert crawl.problems[0].startswith("stopped at 3 pages")


def test_the_tenant_crawl_reaches_the_estate_checks():
    """The demo tenant is verified: their crawl opens "Rate your estate", the open check, and
    the place picker's outline picture, and the neighbourhood page shows the last results."""
    client = Client()
    client.force_login(User.objects.get(email="tenant@example.com"))
    crawl = Crawl(client, "tenant@example.com")
    crawl.run("/")
    assert not crawl.problems
    visited = set(crawl.visited)
    assert "/voice/estate-checks/" in visited
    assert any(re.fullmatch(r"/voice/estate-checks/\d+/", path) for path in visited), visited
    page = client.get("/voice/estate-checks/").content.decode()
    check_path = re.search(r'href="(/voice/estate-checks/\d+/)"', page).group(1)
    answer_page = client.get(check_path).content.decode()
    outline = re.search(r'src="(/voice/neighbourhoods/[\w-]+/outline\.svg)"', answer_page).group(1)
    assert client.get(outline)["Content-Type"] == "image/svg+xml"
    elm_court = client.get("/community/neighbourhoods/elm-court/").content.decode()
    assert "What tenants said" in elm_court


def test_the_visitor_crawl_reaches_you_said_we_did():
    """From the home page a visitor reaches "You said, we did", each demo improvement (its
    before and after photos exist) and, from each, the report it answers."""
    crawl = Crawl(Client(), VISITOR)
    crawl.run("/")
    assert not crawl.problems
    visited = set(crawl.visited)
    assert "/you-said-we-did/" in visited
    improvements = [p for p in visited if re.fullmatch(r"/you-said-we-did/[\w-]+/", p)]
    for slug in ("new-light-block-b-landing", "play-area-grass-cut", "hill-house-door-closer"):
        assert f"/you-said-we-did/{slug}/" in improvements, improvements
    page = Client().get("/you-said-we-did/new-light-block-b-landing/").content.decode()
    report = re.search(r'href="(/voice/reports/\d+/)"', page).group(1)
    assert report in visited
    assert "See what we did" in Client().get(report).content.decode()


def test_the_visitor_crawl_reaches_open_data():
    """From any page's footer a visitor reaches open data, every dataset's page and the files of
    the published Tenant Satisfaction Measures; a Manager also reaches the publishing pages."""
    crawl = Crawl(Client(), VISITOR)
    crawl.run("/")
    assert not crawl.problems
    visited = set(crawl.visited)
    for path in ("/open-data/", "/open-data/catalogue.json", "/open-data/api/v1/"):
        assert path in visited, path
    for slug in ("tenant-satisfaction-measures", "digital-skills", "estate-checks",
                 "problem-reports", "consultations"):  # fmt: skip
        assert f"/open-data/{slug}/" in visited, slug
    for name in ("data.csv", "data.json", "data.csv-metadata.json", "data.schema.json"):
        assert f"/open-data/tenant-satisfaction-measures/1/{name}" in visited, name
    assert "/open-data/manage/" not in visited

    client = Client()
    client.force_login(User.objects.get(email="manager@example.com"))
    crawl = Crawl(client, "manager@example.com")
    crawl.run("/open-data/")
    assert not crawl.problems
    assert "/open-data/manage/" in crawl.visited


def test_the_crawls_reach_the_consultations():
    """From the benches improvement a visitor reaches the closed consultation (results,
    decision), the consultations index and the open one; the demo tenant's crawl opens the open
    one's form; the champion's the paper-entry page; the moderator's the queue of written
    answers."""
    crawl = Crawl(Client(), VISITOR)
    crawl.run("/")
    assert not crawl.problems
    visited = set(crawl.visited)
    for path in (
        "/consultations/",
        "/consultations/where-should-the-new-benches-go/",
        "/consultations/how-should-we-spend-the-garden-fund/",
    ):
        assert path in visited, sorted(p for p in visited if "consult" in p)
    closed = Client().get("/consultations/where-should-the-new-benches-go/").content.decode()
    assert "What we decided, and why" in closed
    for email, wanted in (
        ("tenant@example.com", r"/consultations/how-should-we-spend-the-garden-fund/"),
        ("champion@example.com", r"/voice/consultations/\d+/paper/"),
        ("moderator@example.com", r"/voice/consultations/moderation/"),
    ):
        client = Client()
        client.force_login(User.objects.get(email=email))
        crawl = Crawl(client, email)
        crawl.run("/")
        assert not crawl.problems, crawl.problems
        assert any(re.fullmatch(wanted, path) for path in crawl.visited), email


def test_the_officer_crawl_reaches_the_estate_check_results():
    """The demo Housing Officer looks after Elm Court: their crawl opens the estate check
    results (from "Estate reports to update") for Elm Court, and another place's are refused."""
    client = Client()
    client.force_login(User.objects.get(email="officer@example.com"))
    crawl = Crawl(client, "officer@example.com")
    crawl.run("/")
    assert not crawl.problems
    visited = set(crawl.visited)
    assert "/voice/estate-checks/results/" in visited
    results = [p for p in visited if re.fullmatch(r"/voice/estate-checks/\d+/results/[\w-]+/", p)]
    assert results and all(path.endswith("/elm-court/") for path in results), results
    other = re.sub(r"/elm-court/$", "/riverside/", results[0])
    assert client.get(other).status_code == 403


def test_the_safeguarding_crawl_reaches_the_case_pages():
    """The demo Safeguarding Officer reaches the confidential reports from their account page:
    the list, every demo report's case page and the CSV export open; nobody else's crawl
    reaches them (the link shows only to officers)."""
    client = Client()
    client.force_login(User.objects.get(email="safeguarding@example.com"))
    crawl = Crawl(client, "safeguarding@example.com")
    crawl.run("/")
    assert not crawl.problems
    visited = set(crawl.visited)
    assert "/safeguarding/cases/" in visited
    assert "/safeguarding/cases/export.csv" in visited
    cases = [p for p in visited if re.fullmatch(r"/safeguarding/cases/\d+/", p)]
    assert len(cases) >= 4, cases


def test_the_crawls_reach_the_champions_pages():
    """The demo Manager reaches the champions' staff page from the dashboard, Nia's waiting
    application and the end-role page of Tom (the demo champion); Tom reaches the help he has
    given and his first steps from "My learning"; nobody else is refused on the way."""
    for email, wanted in (
        (
            "manager@example.com",
            {
                "/champions/staff/",
                r"/champions/staff/applications/\d+/",
                r"/champions/staff/roles/\d+/end/",
            },
        ),
        ("tom@example.com", {"/champions/", "/champions/help-given/", "/champions/welcome/"}),
        ("tenant@example.com", {"/champions/"}),
    ):
        client = Client()
        client.force_login(User.objects.get(email=email))
        crawl = Crawl(client, email)
        crawl.run("/")
        assert not crawl.problems, crawl.problems
        for pattern in wanted:
            assert any(re.fullmatch(pattern, path) for path in crawl.visited), (email, pattern)


def test_the_visitor_crawl_reaches_saved_courses_and_the_offline_pages_open():
    """Every course page links to "Saved courses"; the offline page and the app's files open."""
    crawl = Crawl(Client(), VISITOR)
    crawl.run("/")
    assert not crawl.problems
    assert "/offline/saved/" in crawl.visited
    for path in ("/offline/", "/sw.js", "/manifest.webmanifest"):
        assert Client().get(path).status_code == 200, path


def test_every_page_links_to_the_confidential_report_form():
    """The footer of every page links to the confidential form, so the crawls above open it as
    every role; here its pages open for a visitor without a problem."""
    assert 'href="/confidential-report/"' in Client().get("/").content.decode()
    crawl = Crawl(Client(), VISITOR)
    for path in (
        "/confidential-report/",
        "/confidential-report/step/danger/",
        "/confidential-report/reference/",
    ):
        crawl.open(path, "(test)")
    assert not crawl.problems
    assert all(status == 200 for status in crawl.visited.values()), crawl.visited
