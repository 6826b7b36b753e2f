"""Champions in the admin: the audit log's actions, and events a champion adds to run."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from champions import services
from events.models import Event
from training.users.roles import DIGITAL_CHAMPION, user_has_role


@hooks.register("register_log_actions")
def champions_log_actions(actions):
    """Becoming, and stopping being, a Digital Champion, in the admin's "Site history"."""
    actions.register_action(
        services.LOG_APPLIED, _("Ask to be a Digital Champion"), _("Asked to be a Digital Champion")
    )
    actions.register_action(
        services.LOG_APPROVED,
        _("Approve a Digital Champion application"),
        _("Digital Champion application approved"),
    )
    actions.register_action(
        services.LOG_DECLINED,
        _("Decline a Digital Champion application"),
        _("Digital Champion application declined"),
    )
    actions.register_action(
        services.LOG_STEPPED_DOWN,
        _("Step down as a Digital Champion"),
        _("Stepped down as a Digital Champion"),
    )
    actions.register_action(
        services.LOG_ENDED,
        _("End a Digital Champion's role"),
        _("Digital Champion role ended by a Manager"),
    )


@hooks.register("after_create_snippet")
def champion_event_run(request, instance):
    """An event a Digital Champion adds (at their own centre: events' rule) is one they run."""
    if isinstance(instance, Event) and user_has_role(request.user, DIGITAL_CHAMPION):
        services.event_run_record(champion=request.user, event=instance)
