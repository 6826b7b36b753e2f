"""Progress tracker addresses: champion pages."""

urlpatterns: list = []
