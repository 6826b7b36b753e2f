"""The heaviest lesson on a slow phone: largest contentful paint and bytes over the wire.

    .venv/bin/python -m benchmarks.phones                 # 5 visits, median
    .venv/bin/python -m benchmarks.phones --runs 7 --keep var/phones

Serves the site as `make run` does (gunicorn, ``training.settings.local``: DEBUG off, HTML
compressed by GZipMiddleware, static files collected and served compressed by WhiteNoise) on a
freshly migrated and seeded database of its own (in a temporary folder, or ``--keep DIR`` to
reuse one between runs), finds the heaviest demo lesson (the most bytes of HTML and pictures)
and opens it in Chromium, each visit with a fresh profile (cold cache), emulating a slow 3G
connection (400 kbit/s down and up, 400 ms latency) and a CPU four times slower.

It prints, per visit and as medians, the largest contentful paint (what it was) and the bytes
received per kind of file, as transferred (compressed, headers included). Budgets (issue 20):
LCP under 1.5 s, and HTML + CSS + JavaScript together at most 25 KB (25,000 bytes). It exits
non-zero if a median misses one.

``tests/browser/test_slow_phone.py`` runs the same measurement (``slow_visit``) against the
test server, behind ``compressing_proxy``, which compresses HTML, CSS and JS as production does
(the test server sends them uncompressed).
"""

import argparse
import contextlib
import gzip
import html.parser
import http.client
import http.server
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Slow 3G as the issue sets it: 400 kbit/s each way (in bytes per second), 400 ms latency.
THROUGHPUT_BYTES_PER_SECOND = 400_000 / 8
LATENCY_MS = 400
CPU_SLOWDOWN = 4
LCP_BUDGET_MS = 1500
PAGE_BYTES_BUDGET = 25_000
# What counts towards the byte budget (CDP resource types).
BUDGET_TYPES = ("Document", "Stylesheet", "Script")
# A mid-range phone's screen (CSS pixels).
PHONE = {
    "viewport": {"width": 412, "height": 823},
    "device_scale_factor": 1.75,
    "is_mobile": True,
    "has_touch": True,
}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
# After "load", how long the page must be quiet before its bytes are counted.
QUIET_MS = 1000

# The last LCP candidate the browser reported: when it painted, what it was and its picture.
_LCP_SCRIPT = """() => new Promise((resolve) => {
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    const last = entries[entries.length - 1];
    const element = last.element;
    resolve({
      time: last.startTime,
      size: last.size,
      url: last.url || "",
      element: element
        ? element.tagName.toLowerCase() + (element.id ? "#" + element.id : "")
          + (element.className && typeof element.className === "string"
             ? "." + element.className.trim().split(/\\s+/).join(".") : "")
        : "(gone)",
      loading: element && element.getAttribute ? element.getAttribute("loading") || "" : "",
    });
  }).observe({type: "largest-contentful-paint", buffered: true});
})"""


@dataclass
class Resource:
    url: str
    kind: str
    transferred: int  # bytes received, headers included, as sent (or estimated compressed)
    encoding: str
    estimated: bool = False


@dataclass
class Visit:
    critical_ms: float  # when the last file that holds up the first paint had arrived
    lcp_ms: float
    cpu_rate: float  # the CPU throttling rate Chromium was given
    blocking: list[str]  # files other than the page that the first paint waited for
    lcp_element: str
    lcp_url: str
    lcp_loading: str
    resources: list[Resource] = field(default_factory=list)

    def bytes_of(self, *kinds: str) -> int:
        return sum(resource.transferred for resource in self.resources if resource.kind in kinds)

    @property
    def page_bytes(self) -> int:
        """HTML + CSS + JavaScript, as transferred: what the 25 KB budget covers."""
        return self.bytes_of(*BUDGET_TYPES)

    def by_kind(self) -> dict[str, int]:
        totals: dict[str, int] = {}
        for resource in self.resources:
            totals[resource.kind] = totals.get(resource.kind, 0) + resource.transferred
        return totals


def compressed_estimate(*, body: bytes, kind: str, headers_bytes: int, url: str = "") -> int:
    """What production would send for an uncompressed response: its headers, and the body
    gzipped as GZipMiddleware does HTML (level 6) and WhiteNoise static files (level 9), our
    own CSS and JS minified first as ``collectstatic`` does (training/core/static_files.py)."""
    if kind == "Document":
        return headers_bytes + len(gzip.compress(body, compresslevel=6, mtime=0))
    return headers_bytes + len(gzip.compress(_as_collected(url, body), compresslevel=9, mtime=0))


def _as_collected(url: str, body: bytes) -> bytes:
    """``body`` as ``collectstatic`` would store it, if ``url`` is one of our own files."""
    from django.conf import settings

    from training.core.static_files import MINIFIERS, own_static_folders

    name = urllib.parse.urlsplit(url).path.removeprefix(settings.STATIC_URL)
    minify = MINIFIERS.get(Path(name).suffix)
    if minify is None or not any((folder / name).is_file() for folder in own_static_folders()):
        return body
    return minify(body.decode("utf-8")).encode("utf-8")


def cpu_share(*, seconds: float = 0.25) -> float:
    """The share of one core a busy thread gets right now: 1 on a quiet machine, about 0.3
    when three times more threads want to run than there are cores. Its CPU time over the wall
    time while it spins (the operating system shares cores alike between busy threads)."""
    wall_start, cpu_start = time.perf_counter(), time.thread_time()
    while time.perf_counter() - wall_start < seconds:
        pass
    return min(1.0, (time.thread_time() - cpu_start) / (time.perf_counter() - wall_start))


def cpu_rate_calibrated(*, share: float) -> float:
    """Chromium's CPU throttling rate that emulates a CPU ``CPU_SLOWDOWN`` times slower than
    this machine's core when it has it to itself, given the ``share`` of a core it gets now.

    Chromium throttles by the clock: at rate 4 the renderer may run one millisecond in four.
    On a busy machine it gets only a share of a core in that millisecond, so rate 4 emulates a
    phone 4 / share times slower than the budget's. Rate 4 x share emulates the budget's phone
    whatever the load; never below 1 (no throttling), so under a share of a quarter the phone
    emulated is slower than the budget's: stricter, never looser.
    """
    return max(1.0, CPU_SLOWDOWN * share)


def slow_visit(context: Any, url: str, *, cpu_rate: float = CPU_SLOWDOWN) -> Visit:
    """Open ``url`` in a new page of ``context`` (a fresh one: cold cache) on slow 3G with a
    CPU ``cpu_rate`` times slower; return its largest contentful paint and what came over the
    wire."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": LATENCY_MS,
            "downloadThroughput": THROUGHPUT_BYTES_PER_SECOND,
            "uploadThroughput": THROUGHPUT_BYTES_PER_SECOND,
        },
    )
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": cpu_rate})
    responses: dict[str, dict[str, Any]] = {}
    finished: dict[str, int] = {}
    started: dict[str, tuple[float, str]] = {}  # request id: (time sent, render blocking?)
    ended: dict[str, float] = {}

    def on_request(event: dict[str, Any]) -> None:
        started.setdefault(
            event["requestId"],
            (float(event["timestamp"]), event.get("renderBlockingBehavior", "")),
        )

    def on_response(event: dict[str, Any]) -> None:
        response = event["response"]
        headers = {name.lower(): value for name, value in response.get("headers", {}).items()}
        responses[event["requestId"]] = {
            "url": response["url"],
            "kind": event.get("type", "Other"),
            "encoding": headers.get("content-encoding", ""),
            "from_cache": response.get("fromDiskCache") or response.get("fromServiceWorker"),
        }

    def on_finished(event: dict[str, Any]) -> None:
        finished[event["requestId"]] = int(event["encodedDataLength"])
        ended[event["requestId"]] = float(event["timestamp"])

    cdp.on("Network.requestWillBeSent", on_request)
    cdp.on("Network.responseReceived", on_response)
    cdp.on("Network.loadingFinished", on_finished)
    page.goto(url, wait_until="load", timeout=60_000)
    _quiet(page, finished, responses)
    lcp = page.evaluate(_LCP_SCRIPT)
    resources = []
    for request_id, transferred in finished.items():
        info = responses.get(request_id)
        if info is None or info["url"].startswith("data:"):
            continue
        resource = Resource(info["url"], info["kind"], transferred, info["encoding"])
        if not info["encoding"] and info["kind"] in BUDGET_TYPES:
            body = _body(cdp, request_id)
            if len(body) > 0:
                resource.transferred = compressed_estimate(
                    body=body,
                    kind=info["kind"],
                    headers_bytes=max(transferred - len(body), 0),
                    url=info["url"],
                )
                resource.estimated = True
        resources.append(resource)
    page.close()
    return Visit(
        critical_ms=_critical_path_ms(started, ended, responses),
        lcp_ms=float(lcp["time"]),
        cpu_rate=cpu_rate,
        blocking=[
            responses[key]["url"]
            for key in _blocking(started, ended)
            if key in responses and responses[key]["kind"] != "Document"
        ],
        lcp_element=lcp["element"],
        lcp_url=lcp["url"],
        lcp_loading=lcp["loading"],
        resources=resources,
    )


def _critical_path_ms(
    started: dict[str, tuple[float, str]], ended: dict[str, float], responses: dict
) -> float:
    """From asking for the page to the end of the last file the first paint waits for: the
    HTML, its stylesheets and the scripts that stop the parser (Chromium says which). This
    part depends only on the bytes, the files and the emulated network, not on how busy the
    machine's CPU is."""
    document = next((key for key, info in responses.items() if info["kind"] == "Document"), None)
    if document is None or document not in started:
        return float("nan")
    blocking = [document, *_blocking(started, ended)]
    return (max(ended[key] for key in blocking) - started[document][0]) * 1000


def _blocking(started: dict[str, tuple[float, str]], ended: dict[str, float]) -> list[str]:
    """The requests Chromium marks as holding up rendering or the parser."""
    return [
        key
        for key, (_, behaviour) in started.items()
        if behaviour in {"Blocking", "InBodyParserBlocking"} and key in ended
    ]


def _quiet(page: Any, finished: dict, responses: dict) -> None:
    """Wait until no response has started or finished for QUIET_MS (at most 15 s)."""
    deadline = time.monotonic() + 15
    seen = (-1, -1)
    while time.monotonic() < deadline:
        now = (len(finished), len(responses))
        if now == seen:
            return
        seen = now
        page.wait_for_timeout(QUIET_MS)


def _body(cdp: Any, request_id: str) -> bytes:
    import base64

    answer = cdp.send("Network.getResponseBody", {"requestId": request_id})
    if answer.get("base64Encoded"):
        return base64.b64decode(answer["body"])
    return answer["body"].encode()


class _Pictures(html.parser.HTMLParser):
    """The addresses of a page's pictures (<img src>, first srcset candidate, <source>)."""

    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img" and values.get("src"):
            self.sources.append(values["src"] or "")
        elif tag == "source" and values.get("srcset"):
            self.sources.append((values["srcset"] or "").split(",")[0].split()[0])


def page_weight(base_url: str, path: str) -> tuple[int, list[str]]:
    """Bytes of a page's HTML plus its pictures (uncompressed), and the pictures' addresses."""
    html_bytes = _get(base_url + path)
    parser = _Pictures()
    parser.feed(html_bytes.decode("utf-8", "replace"))
    pictures = [source for source in parser.sources if not source.startswith("data:")]
    size = len(html_bytes)
    for source in pictures:
        size += len(_get(source if "://" in source else base_url + source))
    return size, pictures


def heaviest(base_url: str, paths: list[str]) -> tuple[str, int, list[str]]:
    """The page among ``paths`` with the most bytes of HTML and pictures."""
    weights = [(page_weight(base_url, path), path) for path in paths]
    (size, pictures), path = max(weights, key=lambda item: item[0][0])
    return path, size, pictures


def _get(url: str) -> bytes:
    request = urllib.request.Request(url, headers={"Host": "localhost"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 — our server
        return response.read()


def lesson_paths() -> list[str]:
    """Every live lesson's address, in the site's own language (translations share them)."""
    from wagtail.models import Locale

    from courses.models import LessonPage

    lessons = LessonPage.objects.live().filter(locale=Locale.get_default())
    return [page.get_url() for page in lessons]


# --- Compression in front of a test server ----------------------------------------------------


class _CompressingHandler(http.server.BaseHTTPRequestHandler):
    """Passes each GET to the upstream server and compresses the answer as production does."""

    upstream = ("127.0.0.1", 0)

    def do_GET(self) -> None:  # noqa: N802 — the name http.server calls
        connection = http.client.HTTPConnection(*self.upstream, timeout=30)
        headers = {
            name: value
            for name, value in self.headers.items()
            if name.lower() not in {"accept-encoding", "connection"}
        }
        connection.request("GET", self.path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        connection.close()
        content_type = response.getheader("Content-Type", "")
        kind = (
            "Document"
            if content_type.startswith("text/html")
            else "Stylesheet"
            if content_type.startswith("text/css")
            else "Script"
            if "javascript" in content_type
            else ""
        )
        encoding = ""
        if kind and "gzip" in self.headers.get("Accept-Encoding", "") and body:
            if kind == "Document":
                body = gzip.compress(body, compresslevel=6, mtime=0)
            else:
                body = gzip.compress(_as_collected(self.path, body), compresslevel=9, mtime=0)
            encoding = "gzip"
        self.send_response(response.status)
        skip = {"content-length", "transfer-encoding", "connection", "server", "date"}
        for name, value in response.getheaders():
            if name.lower() not in skip:
                self.send_header(name, value)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
        pass


@contextlib.contextmanager
def compressing_proxy(upstream_url: str) -> Iterator[str]:
    """A server in front of ``upstream_url`` (Django's test server, which sends everything
    uncompressed) that compresses HTML, CSS and JS as `make run` and production do: HTML
    gzipped by GZipMiddleware, our own CSS and JS minified and gzipped by ``collectstatic``.
    Yields its address."""
    parts = urllib.parse.urlsplit(upstream_url)
    handler = type(
        "Handler", (_CompressingHandler,), {"upstream": (parts.hostname, parts.port or 80)}
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


# --- The server ------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(folder: Path) -> dict[str, str]:
    """`make run`'s settings, with the database, media, static files and var/ in ``folder``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "MEDIA_STORAGE", "DJANGO_SECRET_KEY"}
    }
    environment.update(
        {
            "DJANGO_SETTINGS_MODULE": "training.settings.local",
            "SQLITE_PATH": str(folder / "db.sqlite3"),
            "MEDIA_ROOT": str(folder / "media"),
            "STATIC_ROOT": str(folder / "static"),
            "VAR_DIR": str(folder / "var"),
        }
    )
    return environment


def site_prepare(folder: Path, environment: dict[str, str]) -> None:
    """Migrate, seed the demo and collect static files (about a minute), once per folder."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    if not (folder / "db.sqlite3").exists() or not (folder / "seeded").exists():
        print("Migrating and seeding the demo…", flush=True)
        subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=environment, check=True)
        subprocess.run(
            [*manage, "seed_demo"],
            cwd=ROOT,
            env=environment,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        (folder / "seeded").touch()
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=environment, check=True
    )


def gunicorn_start(port: int, environment: dict[str, str]) -> subprocess.Popen:
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "training.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=environment,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            _get(f"http://127.0.0.1:{port}/")
            return server
        except OSError:
            if server.poll() is not None:
                raise SystemExit("gunicorn stopped at start-up") from None
            time.sleep(0.3)
    server.terminate()
    raise SystemExit("gunicorn did not start")


# --- The command -----------------------------------------------------------------------------


def _visit_with_fresh_profile(playwright: Any, chromium_path: str, url: str) -> Visit:
    profile = tempfile.mkdtemp(prefix="phones-profile-")
    try:
        context = playwright.chromium.launch_persistent_context(
            profile, executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS, **PHONE
        )
        try:
            return slow_visit(context, url)
        finally:
            context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _print_visit(number: int, visit: Visit) -> None:
    kinds = ", ".join(f"{kind} {size:,}" for kind, size in sorted(visit.by_kind().items()))
    print(
        f"visit {number}: LCP {visit.lcp_ms:6.0f} ms ({visit.lcp_element}"
        f", first paint's files by {visit.critical_ms:,.0f} ms"
        f"{' ' + visit.lcp_url if visit.lcp_url else ''}); "
        f"HTML+CSS+JS {visit.page_bytes:,} B; {kinds}",
        flush=True,
    )


def report(visits: list[Visit], path: str, weight: int, pictures: list[str]) -> bool:
    lcp = statistics.median(visit.lcp_ms for visit in visits)
    page_bytes = statistics.median(visit.page_bytes for visit in visits)
    print(f"\nlesson: {path} ({weight:,} bytes of HTML and pictures, uncompressed)")
    print(f"pictures in the lesson: {', '.join(pictures) if pictures else 'none'}")
    print("files of the first visit, as transferred (bytes, headers included):")
    for resource in sorted(visits[0].resources, key=lambda item: (item.kind, item.url)):
        note = resource.encoding or ("estimated" if resource.estimated else "identity")
        print(f"  {resource.kind:<11} {resource.transferred:>7,}  {note:<9} {resource.url}")
    kinds = sorted({kind for visit in visits for kind in visit.by_kind()})
    for kind in kinds:
        median = statistics.median(visit.by_kind().get(kind, 0) for visit in visits)
        print(f"median {kind:<11} {median:>9,.0f} B")
    critical = statistics.median(visit.critical_ms for visit in visits)
    print(f"median first paint's files arrived by {critical:,.0f} ms")
    load = os.getloadavg()
    print(f"load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores")
    lcp_ok = lcp < LCP_BUDGET_MS
    bytes_ok = page_bytes <= PAGE_BYTES_BUDGET
    elements = sorted({visit.lcp_element for visit in visits})
    print(
        f"median LCP          {lcp:9,.0f} ms  (budget < {LCP_BUDGET_MS:,}) "
        f"{'ok' if lcp_ok else 'MISSED'}; element: {', '.join(elements)}"
    )
    print(
        f"median HTML+CSS+JS  {page_bytes:9,.0f} B   (budget ≤ {PAGE_BYTES_BUDGET:,}) "
        f"{'ok' if bytes_ok else 'MISSED'}"
    )
    lazy = [visit for visit in visits if visit.lcp_url and visit.lcp_loading == "lazy"]
    if lazy:
        print("The largest contentful paint is a lazy-loaded picture: load it eagerly.")
    return lcp_ok and bytes_ok and not lazy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="visits, each with a fresh profile")
    parser.add_argument("--keep", type=Path, help="folder for the database etc., kept for reuse")
    parser.add_argument("--path", help="measure this page instead of the heaviest lesson")
    args = parser.parse_args()

    from tests.browser.conftest import chromium_find

    chromium_path = chromium_find()
    if chromium_path is None:
        raise SystemExit("No Chromium: apt-get install -y chromium, or set CHROMIUM_PATH.")
    folder = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="phones-"))
    folder.mkdir(parents=True, exist_ok=True)
    environment = site_environment(folder)
    try:
        site_prepare(folder, environment)
        os.environ.update(environment)
        import django

        django.setup()
        port = _free_port()
        server = gunicorn_start(port, environment)
        try:
            base_url = f"http://127.0.0.1:{port}"
            if args.path:
                weight, pictures = page_weight(base_url, args.path)
                path = args.path
            else:
                path, weight, pictures = heaviest(base_url, lesson_paths())
            _get(base_url + path)  # the server's own caches warm: the phone's is cold
            visits = _visits(chromium_path, base_url + path, args.runs)
        finally:
            server.terminate()
            server.wait(timeout=30)
    finally:
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)
    sys.exit(0 if report(visits, path, weight, pictures) else 1)


def _visits(chromium_path: str, url: str, runs: int) -> list[Visit]:
    from playwright.sync_api import sync_playwright

    visits = []
    with sync_playwright() as playwright:
        for number in range(1, runs + 1):
            visit = _visit_with_fresh_profile(playwright, chromium_path, url)
            _print_visit(number, visit)
            visits.append(visit)
    return visits


if __name__ == "__main__":
    main()
