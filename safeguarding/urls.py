from django.urls import path

from safeguarding import officer_views, reporting_views

app_name = "safeguarding"

urlpatterns = [
    # The reporting side: anyone, signed in or not.
    path("confidential-report/", reporting_views.report_start, name="report_start"),
    path(
        "confidential-report/step/<slug:step>/",
        reporting_views.report_step,
        name="report_step",
    ),
    path("confidential-report/check-answers/", reporting_views.report_review, name="report_review"),
    path("confidential-report/sent/", reporting_views.report_sent, name="report_sent"),
    path("confidential-report/reference/", reporting_views.report_check, name="report_check"),
    path(
        "confidential-report/reference/report/",
        reporting_views.report_status,
        name="report_status",
    ),
    path("confidential-report/reference/close/", reporting_views.report_close, name="report_close"),
    path("confidential-report/mine/", reporting_views.my_reports, name="my_reports"),
    path("confidential-report/mine/<int:pk>/", reporting_views.my_report, name="my_report"),
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
