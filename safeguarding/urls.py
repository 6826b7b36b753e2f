from django.urls import path

from safeguarding import officer_views

app_name = "safeguarding"

urlpatterns: list = [
    # The Safeguarding Officers' pages (officer_views): each goes through reports_may_handle.
    path("safeguarding/cases/", officer_views.cases_list, name="cases_list"),
    path("safeguarding/cases/export.csv", officer_views.cases_export, name="cases_export"),
    path("safeguarding/cases/<int:pk>/", officer_views.case_detail, name="case_detail"),
    path(
        "safeguarding/cases/evidence/<int:pk>/",
        officer_views.evidence_download,
        name="evidence_download",
    ),
]
