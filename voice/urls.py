from django.urls import path

from voice import consultations_views, estate_checks_views, reports_views, views

app_name = "voice"

urlpatterns = [
    path("voice/verify/", views.verify, name="verify"),
    path("voice/tenants/", views.tenants, name="tenants"),
    path("voice/tenants/<int:person_id>/check/", views.tenant_check, name="tenant_check"),
    # Estate checks, and the place picker's outline picture.
    path("voice/estate-checks/", estate_checks_views.estate_checks, name="estate_checks"),
    path("voice/estate-checks/<int:pk>/", estate_checks_views.estate_check, name="estate_check"),
    path(
        "voice/estate-checks/results/",
        estate_checks_views.estate_check_results_list,
        name="estate_check_results_list",
    ),
    path(
        "voice/estate-checks/<int:pk>/results/<slug:slug>/",
        estate_checks_views.estate_check_results,
        name="estate_check_results",
    ),
    path(
        "voice/estate-checks/photos/<int:pk>/",
        estate_checks_views.estate_check_photo,
        name="estate_check_photo",
    ),
    path(
        "voice/neighbourhoods/<slug:slug>/outline.svg",
        estate_checks_views.neighbourhood_outline,
        name="neighbourhood_outline",
    ),
    # Reports of problems, with a public status.
    path("voice/reports/new/", reports_views.report_new, name="report_new"),
    path(
        "voice/reports/confidential/",
        reports_views.report_confidential,
        name="report_confidential",
    ),
    path("voice/reports/manage/", reports_views.reports_manage, name="reports_manage"),
    path("voice/reports/<int:pk>/", reports_views.report_detail, name="report_detail"),
    path(
        "voice/reports/<int:pk>/affects-me-too/",
        reports_views.report_affects_me_too,
        name="report_affects_me_too",
    ),
    path("voice/reports/<int:pk>/status/", reports_views.report_status, name="report_status"),
    path("voice/reports/photos/<int:photo_id>/", reports_views.report_photo, name="report_photo"),
    path("voice/estates/<slug:slug>/reports/", reports_views.reports_list, name="reports_list"),
    # Consultations (the pages themselves are Wagtail pages under /consultations/).
    path(
        "voice/consultations/<int:pk>/results.csv",
        consultations_views.consultation_results_csv,
        name="consultation_results_csv",
    ),
    path(
        "voice/consultations/<int:pk>/paper/",
        consultations_views.consultation_paper,
        name="consultation_paper",
    ),
    path(
        "voice/consultations/moderation/",
        consultations_views.consultation_moderation,
        name="consultation_moderation",
    ),
]
