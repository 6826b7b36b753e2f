from django.http import HttpRequest

from training.users.roles import LEARNER, user_roles


def site_navigation(request: HttpRequest) -> dict:
    """Which header links and tools this person may see, from one read of their roles."""
    user = getattr(request, "user", None)
    roles = user_roles(user) if user is not None else frozenset()
    return {
        "user_roles": roles,
        # Wagtail's editing bar is for staff; learners are spared its permission queries.
        "show_userbar": bool(roles - {LEARNER}),
    }
