"""Account hooks: how each app joins in when someone signs in, downloads their data or deletes
their account. Training never imports the apps built on it (DESIGN.md), so each app registers
its part in its own ``wagtail_hooks.py``::

    from wagtail import hooks

    from training.users.hooks import DATA_EXPORT_SECTIONS

    @hooks.register(DATA_EXPORT_SECTIONS, order=EXPORT_ORDER_EVENTS)
    def events_data_export(*, person):
        return {"event_bookings": events_export(person=person)}

The hook names:

- :data:`SIGN_IN`: called as ``hook(learner=user, session=request.session)`` after every sign-in
  or sign-up (courses keeps what the visitor learned while signed out).
- :data:`DATA_EXPORT_SECTIONS`: called as ``hook(person=user)``; returns ``{section name: data}``
  for "Download my data". A dict given for a section that is already there extends it (courses
  adds the reminder-email setting to the profile). Sections appear in ``order``, see below.
- :data:`ACCOUNT_DELETE`: called as ``hook(person=user)`` just before an account is deleted, for
  apps that must tidy up (e.g. give a booked place at an event to the first person waiting).

Read them with ``wagtail.hooks.get_hooks(name)``: they run in their ``order``, then in the
order of INSTALLED_APPS.
"""

SIGN_IN = "homes_after_sign_in"
DATA_EXPORT_SECTIONS = "homes_data_export_sections"
ACCOUNT_DELETE = "homes_before_account_delete"

# The place of each app's sections in the download, which stays the same from one version of
# the file to the next: account, profile and email addresses come first, then these.
EXPORT_ORDER_LEARNING = 10
EXPORT_ORDER_ACTIVITY = 20
EXPORT_ORDER_NOTIFICATIONS = 30
EXPORT_ORDER_COMMUNITY = 40
EXPORT_ORDER_EVENTS = 50
EXPORT_ORDER_VOICE = 55
EXPORT_ORDER_DASHBOARDS = 60
