from django.urls import path

from training.urls import handler500
from training.urls import urlpatterns as site_urlpatterns


def boom(request):
    raise RuntimeError("secret-detail")


urlpatterns = [path("boom/", boom), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
