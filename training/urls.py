from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from training.core.health import healthz, readyz
from training.users.sign_in_views import admin_sign_in, private_page_sign_in
from translations.routing import page_serve

urlpatterns = [
    # For load balancers: the process answers; the database, cache and broker are reachable.
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Everyone signs in on allauth's page, staff too: it has the rate limits and asks for the
    # second step. The admins' own sign-in pages only send people there (keeping ?next=).
    path("django-admin/login/", admin_sign_in, name="django_admin_login"),
    path("admin/login/", admin_sign_in, name="wagtail_admin_login"),
    # Wagtail's own sign-in for private pages (Django's LoginView, no rate limit, no second step).
    path("_util/login/", private_page_sign_in, name="wagtail_frontend_login"),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("allauth.urls")),
    path("account/", include("training.users.urls")),
    path("", include("courses.urls")),
    path("", include("courses.offline.urls")),
    path("", include("community.urls")),
    path("", include("events.urls")),
    path("", include("champions.urls")),
    path("", include("notifications.urls")),
    path("", include("practice.urls")),
    path("", include("voice.urls")),
    path("", include("safeguarding.urls")),
    path("", include("dashboards.urls")),
    path("", include("opendata.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's own addresses (private pages' password form), then every page, in the visitor's
    # language at the same address (translations/routing.py) instead of Wagtail's plain serve.
    path("", include([url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, page_serve, name="wagtail_serve"),
]

handler500 = "training.core.views.server_error"
