"""Progress tracker addresses: learner pages."""

urlpatterns: list = []
