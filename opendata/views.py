"""Open data pages, files, catalogue and API (public, read-only), and the Managers' pages that
draft, check and publish. Thin: rows come from ``selectors``, files from ``files``, writes from
``services``.

Files and API answers are kept in the cache as bytes with their ETag and Last-Modified, keyed by
the published version: a cached answer makes no database query (the newest version of each
dataset is itself cached, and forgotten when a version is published).
"""

import hashlib
import json
from decimal import Decimal
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date, quote_etag
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from dashboards.charts import bar_chart
from dashboards.suppression import SUPPRESSED
from opendata import files, services
from opendata.measures import BY_CODE, MEASURES
from opendata.models import DatasetVersion, PerceptionSource, TsmYear
from opendata.selectors import (
    BY_SLUG,
    DATASETS,
    LICENCE_NAME,
    LICENCE_URL,
    MINIMUM,
    may_publish,
    published_current,
    version_published,
    versions_for_staff,
    versions_published,
)

FILE_MAX_AGE = 24 * 60 * 60
API_PAGE_SIZE = 50
API_MAX_PAGE_SIZE = 500

CONTENT_TYPES = {
    "data.csv": "text/csv; charset=utf-8",
    "data.json": "application/json",
    "data.csv-metadata.json": "application/csvm+json",
    "data.schema.json": "application/schema+json",
}


def _site(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def _cached(key: str, build) -> dict | None:
    """``{"body", "etag", "modified", "type"}`` from the cache, else from ``build()`` (None: not
    found, not kept)."""
    entry = cache.get(key)
    if entry is None:
        built = build()
        if built is None:
            return None
        body, modified, content_type = built
        entry = {
            "body": body,
            "etag": quote_etag(hashlib.sha256(body).hexdigest()[:32]),
            "modified": modified,
            "type": content_type,
        }
        cache.set(key, entry, FILE_MAX_AGE)
    return entry


def _answer(request: HttpRequest, entry: dict, *, download: str = "") -> HttpResponse:
    modified = parse_datetime(entry["modified"]).timestamp()
    match = request.headers.get("If-None-Match", "")
    since = request.headers.get("If-Modified-Since")
    not_modified = entry["etag"] in [tag.strip() for tag in match.split(",")] if match else False
    if not match and since:
        from django.utils.http import parse_http_date_safe

        parsed = parse_http_date_safe(since)
        not_modified = parsed is not None and int(modified) <= parsed
    response = (
        HttpResponseNotModified()
        if not_modified
        else HttpResponse(entry["body"], content_type=entry["type"])
    )
    response["ETag"] = entry["etag"]
    response["Last-Modified"] = http_date(modified)
    response["Cache-Control"] = "public, max-age=300"
    response["Access-Control-Allow-Origin"] = "*"
    if download and not not_modified:
        response["Content-Disposition"] = f'attachment; filename="{download}"'
    return response


# --- Pages for people ----------------------------------------------------------------------------


def _points(dataset, rows: list[dict]) -> list[tuple[str, object]]:
    """The chart's bars: for the TSM, the newest year's tenant survey figures; else the newest
    quarter by neighbourhood."""
    if not rows:
        return []
    if dataset.slug == "tenant-satisfaction-measures":
        newest = rows[-1]["year"]
        chosen = [r for r in rows if r["year"] == newest and r["code"].startswith("TP")]
    else:
        newest = max(r["quarter"] for r in rows)
        chosen = [r for r in rows if r["quarter"] == newest]
    points = []
    for row in chosen:
        value = row.get(dataset.chart_value)
        points.append(
            (
                str(row[dataset.chart_label]),
                SUPPRESSED if value is None else round(Decimal(str(value))),
            )
        )
    return points


def _chart_title(dataset, rows) -> str:
    if not rows:
        return ""
    if dataset.slug == "tenant-satisfaction-measures":
        return _("Tenant survey, %(year)s: per cent satisfied") % {"year": rows[-1]["year"]}
    column = next(c for c in dataset.columns if c.name == dataset.chart_value)
    return _("%(what)s, %(quarter)s") % {
        "what": column.title,
        "quarter": max(r["quarter"] for r in rows),
    }


@require_GET
def catalogue_page(request: HttpRequest) -> HttpResponse:
    current = published_current()
    entries = [(dataset, current.get(dataset.slug)) for dataset in DATASETS]
    return render(
        request,
        "opendata/catalogue.html",
        {
            "entries": entries,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "may_publish": may_publish(user=request.user),
        },
    )


def _version_page(request: HttpRequest, dataset, version: DatasetVersion | None) -> HttpResponse:
    rows = version.rows if version else []
    table_rows = [[row.get(c.name) for c in dataset.columns] for row in rows]
    measures = []
    if dataset.slug == "tenant-satisfaction-measures":
        measures = MEASURES
    chart = bar_chart(title=_chart_title(dataset, rows), points=_points(dataset, rows))
    return render(
        request,
        "opendata/dataset.html",
        {
            "dataset": dataset,
            "version": version,
            "versions": versions_published(dataset=dataset.slug),
            "columns": dataset.columns,
            "table_rows": table_rows,
            "chart": chart,
            "chart_table": {"slug": dataset.slug},
            "measures": measures,
            "minimum": MINIMUM,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "is_current": version is not None
            and published_current().get(dataset.slug, {}).get("number") == version.number,
        },
    )


@require_GET
def dataset_page(request: HttpRequest, dataset: str) -> HttpResponse:
    spec = BY_SLUG.get(dataset)
    if spec is None:
        raise Http404
    current = published_current().get(dataset)
    version = version_published(dataset=dataset, number=current["number"]) if current else None
    return _version_page(request, spec, version)


@require_GET
def version_page(request: HttpRequest, dataset: str, number: int) -> HttpResponse:
    spec = BY_SLUG.get(dataset)
    version = version_published(dataset=dataset, number=number) if spec else None
    if version is None:
        raise Http404
    return _version_page(request, spec, version)


# --- Files ---------------------------------------------------------------------------------------


@require_GET
def version_file(request: HttpRequest, dataset: str, number: str, name: str) -> HttpResponse:
    spec = BY_SLUG.get(dataset)
    number = int(number)
    if spec is None or name not in CONTENT_TYPES:
        raise Http404
    site = _site(request)

    def build():
        version = version_published(dataset=dataset, number=number)
        if version is None:
            return None
        published = version.published_at.isoformat()
        if name == "data.csv":
            body = files.csv_text(dataset=spec, rows=version.rows).encode("utf-8")
        elif name == "data.json":
            body = files.dumps(
                files.json_document(
                    dataset=spec, number=number, published_at=published, rows=version.rows
                )
            )
        elif name == "data.csv-metadata.json":
            body = files.dumps(files.csvw_metadata(dataset=spec, number=number, site=site))
        else:
            body = files.dumps(files.json_schema(dataset=spec, number=number, site=site))
        return body, published, CONTENT_TYPES[name]

    key = f"opendata:file:{dataset}:{number}:{name}:{get_language()}:{site}"
    entry = _cached(key, build)
    if entry is None:
        raise Http404
    download = (
        f"{dataset}-v{number}.{name.split('.', 1)[1]}" if name in ("data.csv", "data.json") else ""
    )
    return _answer(request, entry, download=download)


@require_GET
def catalogue_json(request: HttpRequest) -> HttpResponse:
    current = published_current()
    site = _site(request)
    newest = max((c["published_at"] for c in current.values()), default="2023-04-01T00:00:00+00:00")
    stamp = ",".join(f"{slug}:{c['number']}" for slug, c in sorted(current.items()))
    key = f"opendata:catalogue:{stamp}:{get_language()}:{site}"
    entry = _cached(
        key,
        lambda: (
            files.dumps(files.catalogue(current=current, site=site)),
            newest,
            "application/ld+json",
        ),
    )
    return _answer(request, entry)


# --- API -----------------------------------------------------------------------------------------


def _positive(value: str, default: int) -> int | None:
    if not value:
        return default
    try:
        number = int(value)
    except ValueError:
        return None
    return number if number > 0 else None


def _api_error(message: str, status: int = 400) -> HttpResponse:
    response = HttpResponse(
        json.dumps({"error": message}), content_type="application/json", status=status
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def api_index(request: HttpRequest) -> HttpResponse:
    site = _site(request)
    current = published_current()
    body = {
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "datasets": [
            {
                "dataset": dataset.slug,
                "title": str(dataset.title),
                "url": f"{site}/open-data/api/v1/{dataset.slug}/",
                "version": current.get(dataset.slug, {}).get("number"),
            }
            for dataset in DATASETS
        ],
    }
    response = HttpResponse(files.dumps(body), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _filtered(spec, rows: list[dict], *, year: str, place: str) -> list[dict]:
    names = {column.name for column in spec.columns}
    if year:
        if "year" in names:
            rows = [r for r in rows if r["year"] == year or r["year"].startswith(f"{year}/")]
        else:
            rows = [r for r in rows if r.get("quarter", "").startswith(f"{year}-")]
    if place:
        wanted = place.casefold()
        rows = [
            r for r in rows if "neighbourhood" in names and r["neighbourhood"].casefold() == wanted
        ]
    return rows


def _api_page(spec, rows, *, number, published_at, site, query, page, size) -> dict:
    paginator = Paginator(rows, size)
    pages = max(paginator.num_pages, 1)
    chosen = paginator.page(page).object_list if page <= paginator.num_pages else []
    document = files.json_document(
        dataset=spec, number=number, published_at=published_at, rows=list(chosen)
    )
    base = f"{site}/open-data/api/v1/{spec.slug}/"
    kept = {name: value for name, value in query.items() if value}

    def link(to: int) -> str | None:
        if to < 1 or to > pages:
            return None
        return f"{base}?{urlencode({'page': to, 'page_size': size, **kept})}"

    document.update(
        count=paginator.count,
        page=page,
        pages=pages,
        next=link(page + 1),
        previous=link(page - 1),
        schema=f"{site}/open-data/{spec.slug}/{number}/data.schema.json",
    )
    return document


@require_GET
def api_rows(request: HttpRequest, dataset: str) -> HttpResponse:
    """The newest published rows of one dataset, a page at a time (``page``, ``page_size``),
    narrowed by ``year`` (TSM: e.g. 2026/27 or 2026; others: the quarters of that year) and
    ``neighbourhood`` (its name)."""
    spec = BY_SLUG.get(dataset)
    if spec is None:
        return _api_error(_("There is no dataset called that."), 404)
    current = published_current().get(dataset)
    if current is None:
        return _api_error(_("This dataset has not been published yet."), 404)
    page_number = _positive(request.GET.get("page", ""), 1)
    page_size = _positive(request.GET.get("page_size", ""), API_PAGE_SIZE)
    if page_number is None or page_size is None or page_size > API_MAX_PAGE_SIZE:
        return _api_error(
            _("page and page_size must be whole numbers above 0; page_size at most %(most)s.")
            % {"most": API_MAX_PAGE_SIZE}
        )
    year = request.GET.get("year", "").strip()[:10]
    place = request.GET.get("neighbourhood", "").strip()[:120]
    number = current["number"]
    site = _site(request)
    digest = hashlib.sha256(f"{year}\0{place}\0{page_number}\0{page_size}".encode()).hexdigest()
    key = f"opendata:api:{dataset}:{number}:{digest}:{get_language()}:{site}"

    def build():
        version = version_published(dataset=dataset, number=number)
        if version is None:
            return None
        rows = _filtered(spec, version.rows, year=year, place=place)
        document = _api_page(
            spec,
            rows,
            number=number,
            published_at=current["published_at"],
            site=site,
            query={"year": year, "neighbourhood": place},
            page=page_number,
            size=page_size,
        )
        return files.dumps(document), current["published_at"], "application/json"

    entry = _cached(key, build)
    if entry is None:
        return _api_error(_("This dataset has not been published yet."), 404)
    return _answer(request, entry)


# --- Managers: enter, draft, check, publish ------------------------------------------------------


def manager_view(view):
    @login_required
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not may_publish(user=request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)  # signed in: no-store (site middleware)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


class DraftForm(forms.Form):
    what_changed = forms.CharField(
        label=gettext_lazy("What changed (for a correction)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def _years_to_add() -> list[tuple[int, str]]:
    """This TSM year and the one before, if they have no figures yet: (year, "2026/27")."""
    today = timezone.localdate()
    now = today.year if today.month >= 4 else today.year - 1
    have = set(TsmYear.objects.values_list("year", flat=True))
    return [(year, f"{year}/{str(year + 1)[-2:]}") for year in (now, now - 1) if year not in have]


@require_GET
@manager_view
def manage(request: HttpRequest) -> HttpResponse:
    versions = versions_for_staff()
    return render(
        request,
        "opendata/manage.html",
        {
            "entries": [(dataset, versions.get(dataset.slug, [])) for dataset in DATASETS],
            "years": TsmYear.objects.order_by("-year"),
            "years_to_add": _years_to_add(),
            "form": DraftForm(),
        },
    )


@require_POST
@manager_view
def manage_draft(request: HttpRequest, dataset: str) -> HttpResponse:
    if dataset not in BY_SLUG:
        raise Http404
    form = DraftForm(request.POST)
    if form.is_valid():
        try:
            version = services.version_draft(
                user=request.user, dataset=dataset, what_changed=form.cleaned_data["what_changed"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Version %(number)s drafted. Check it next.") % {"number": version.number},
            )
    return redirect("opendata:manage")


@require_POST
@manager_view
def manage_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    version = get_object_or_404(DatasetVersion, pk=pk)
    try:
        if step == "check":
            services.version_check(user=request.user, version=version)
            messages.success(request, _("Version %(number)s checked.") % {"number": version.number})
        elif step == "publish":
            services.version_publish(user=request.user, version=version)
            messages.success(
                request, _("Version %(number)s published.") % {"number": version.number}
            )
        else:
            raise Http404
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("opendata:manage")


class TsmYearForm(forms.ModelForm):
    class Meta:
        model = TsmYear
        fields = ["homes", "perception_source", "consultation", "method", "sample_size"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for measure in MEASURES:
            label = f"{measure.code}: {measure.name}"
            self.fields[f"value_{measure.key}"] = forms.DecimalField(
                label=label,
                required=False,
                min_value=0,
                max_value=100 if measure.unit == "percent" else None,
                max_digits=7,
                decimal_places=2,
                help_text=_("Per cent, 0 to 100.")
                if measure.unit == "percent"
                else _("For every 1,000 homes, 0 or more."),
                error_messages={
                    "min_value": _("Enter 0 or more."),
                    "max_value": _("Enter a per cent from 0 to 100."),
                    "invalid": _("Enter a number, e.g. 82.5."),
                },
            )
            if measure.about_people:
                self.fields[f"about_{measure.key}"] = forms.IntegerField(
                    label=_("%(code)s: about how many %(what)s")
                    % {"code": measure.code, "what": measure.count_label},
                    required=False,
                    min_value=0,
                    error_messages={"min_value": _("Enter 0 or more.")},
                )

    def clean(self):
        data = super().clean()
        if data.get("perception_source") == PerceptionSource.CONSULTATION and not data.get(
            "consultation"
        ):
            self.add_error("consultation", _("Choose the survey on this site."))
        return data


@manager_view
def manage_tsm(request: HttpRequest, year: int) -> HttpResponse:
    if not 2023 <= year <= 2100:
        raise Http404
    tsm_year = TsmYear.objects.filter(year=year).first() or TsmYear(year=year)
    initial = {}
    if tsm_year.pk:
        for figure in tsm_year.figures.all():
            key = BY_CODE[figure.code].key if figure.code in BY_CODE else figure.code
            initial[f"value_{key}"] = figure.value
            initial[f"about_{key}"] = figure.about
    form = TsmYearForm(request.POST or None, instance=tsm_year, initial=initial)
    if request.method == "POST" and form.is_valid():
        tsm_year = form.save()
        entries = [
            services.FigureEntry(
                measure.code,
                form.cleaned_data.get(f"value_{measure.key}"),
                form.cleaned_data.get(f"about_{measure.key}"),
            )
            for measure in MEASURES
        ]
        services.tsm_figures_save(user=request.user, tsm_year=tsm_year, entries=entries)
        action = request.POST.get("action", "")
        try:
            if action == "from-survey":
                found = services.tsm_perception_from_consultation(
                    user=request.user, tsm_year=tsm_year
                )
                messages.success(
                    request, _("%(count)s survey figures filled in.") % {"count": found}
                )
            elif action == "nm01":
                services.tsm_nm01_from_reports(user=request.user, tsm_year=tsm_year)
                messages.success(
                    request, _("NM01(1) and NM01(2) worked out from the confidential reports.")
                )
            else:
                messages.success(request, _("Saved. Draft a new version to publish it."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("opendata:manage_tsm", year=year)
    return render(
        request,
        "opendata/manage_tsm.html",
        {"form": form, "tsm_year": tsm_year, "measures": MEASURES, "by_code": BY_CODE},
    )
