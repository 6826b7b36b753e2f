"""Addresses of the progress tracker. Each area adds its own list below."""

from courses.progress import urls_champion, urls_credentials, urls_data, urls_learner

urlpatterns = [
    *urls_learner.urlpatterns,
    *urls_champion.urlpatterns,
    *urls_credentials.urlpatterns,
    *urls_data.urlpatterns,
]
