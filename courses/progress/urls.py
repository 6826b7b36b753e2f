"""Addresses of the progress tracker. Each feature package adds its own list below.

"Download my data" and "Delete my account" live in training/users/data_rights/ (every app adds
its section); they are included here so their names and addresses stay ``courses:my_data`` etc.
"""

from courses.progress.champion import urls as champion_urls
from courses.progress.credentials import urls as credentials_urls
from courses.progress.learner import urls as learner_urls
from courses.progress.nudges import urls as nudges_urls
from training.users.data_rights import urls as data_rights_urls

urlpatterns = [
    *learner_urls.urlpatterns,
    *champion_urls.urlpatterns,
    *credentials_urls.urlpatterns,
    *data_rights_urls.urlpatterns,
    *nudges_urls.urlpatterns,
]
