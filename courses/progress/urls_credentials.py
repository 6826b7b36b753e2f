"""Progress tracker addresses: credentials pages."""

urlpatterns: list = []
