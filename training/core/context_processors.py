from django.http import HttpRequest

from training.users.roles import user_roles


def site_navigation(request: HttpRequest) -> dict:
    """Which header links this person may see."""
    user = getattr(request, "user", None)
    roles = user_roles(user) if user is not None else frozenset()
    return {"user_roles": roles}
