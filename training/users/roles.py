"""The roles of DESIGN.md, as Django groups, and what each may do.

A role is a group; what a group may do is a set of permissions. ``ROLE_PERMISSIONS`` is the one
list of them: the data migrations apply it, and later features add their permissions here and in
a new migration that calls :func:`roles_sync` again.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

LEARNER = "Learner"
DIGITAL_CHAMPION = "Digital Champion"
COURSE_EDITOR = "Course Editor"
MODERATOR = "Moderator"
SAFEGUARDING_OFFICER = "Safeguarding Officer"
MANAGER = "Manager"
HOUSING_OFFICER = "Housing Officer"

ROLES = [
    LEARNER,
    DIGITAL_CHAMPION,
    COURSE_EDITOR,
    MODERATOR,
    SAFEGUARDING_OFFICER,
    MANAGER,
    HOUSING_OFFICER,
]

ROLE_DESCRIPTIONS = {
    LEARNER: _("Follows courses, sees their own progress, joins in with the community."),
    DIGITAL_CHAMPION: _(
        "Helps learners at a community centre: makes assisted accounts, records help given, "
        "drafts course content for review."
    ),
    COURSE_EDITOR: _("Writes, reviews and publishes courses in the admin."),
    MODERATOR: _("Reviews flagged community content and hides or restores it."),
    SAFEGUARDING_OFFICER: _("The only role that reads confidential reports."),
    MANAGER: _("Sees dashboards, exports and open data: figures, never confidential reports."),
    HOUSING_OFFICER: _(
        "Looks after the neighbourhoods a Manager assigns: checks tenants in person, and will "
        "answer estate reports there."
    ),
}

# (app_label, codename) pairs each role is given.
ROLE_PERMISSIONS: dict[str, list[tuple[str, str]]] = {
    LEARNER: [],
    DIGITAL_CHAMPION: [
        ("users", "create_assisted_account"),
        ("wagtailadmin", "access_admin"),
        # Assisted mode: record lessons and skills done with their help (courses 0006).
        ("courses", "record_assisted_progress"),
        # Events at their centre, and the dashboard scoped to their centre.
        ("events", "add_event"),
        ("events", "change_event"),
        ("dashboards", "view_centre_dashboard"),
        # Checks the tenancy of a learner of their centre, with the tenant there (voice 0002).
        ("voice", "verify_tenant_in_person"),
    ],
    COURSE_EDITOR: [
        ("wagtailadmin", "access_admin"),
        ("wagtailimages", "add_image"),
        ("wagtailimages", "change_image"),
        ("wagtailimages", "choose_image"),
        ("wagtaildocs", "add_document"),
        ("wagtaildocs", "change_document"),
        ("wagtaildocs", "choose_document"),
        # The skills framework, as snippets: editors add skills and refine our own wording.
        ("courses", "add_skill"),
        ("courses", "change_skill"),
        ("courses", "add_skillarea"),
        ("courses", "change_skillarea"),
        # "Put it into practice" next steps attached to courses and skills.
        ("practice", "add_nextstep"),
        ("practice", "change_nextstep"),
        ("practice", "delete_nextstep"),
        # Translations: snippet text and translated pages' status (translations 0003).
        ("translations", "translate_content"),
        # "Translate" a course and its lessons into another language (courses 0009).
        ("simple_translation", "submit_translation"),
    ],
    MODERATOR: [
        ("wagtailadmin", "access_admin"),
        ("community", "moderate_content"),
        ("community", "add_group"),
        ("community", "change_group"),
    ],
    SAFEGUARDING_OFFICER: [("wagtailadmin", "access_admin")],
    MANAGER: [
        ("wagtailadmin", "access_admin"),
        ("places", "add_neighbourhood"),
        ("places", "change_neighbourhood"),
        ("places", "delete_neighbourhood"),
        ("places", "add_communitycentre"),
        ("places", "change_communitycentre"),
        ("places", "delete_communitycentre"),
        # Says which centre each Digital Champion works at (places 0004); champions cannot.
        ("places", "add_staffassignment"),
        ("places", "change_staffassignment"),
        ("places", "delete_staffassignment"),
        ("community", "add_group"),
        ("community", "change_group"),
        ("events", "add_event"),
        ("events", "change_event"),
        ("events", "delete_event"),
        ("dashboards", "view_dashboard"),
        # The tenancy list behind "verified tenant" (voice 0002); nobody can read it back.
        ("voice", "import_tenancies"),
        # Opens estate checks for neighbourhoods in the admin (voice 0004).
        ("voice", "add_estatecheck"),
        ("voice", "change_estatecheck"),
        ("voice", "delete_estatecheck"),
        ("voice", "view_estatecheck"),
        # Translations: snippet text and translated pages' status (translations 0003).
        ("translations", "translate_content"),
    ],
    HOUSING_OFFICER: [
        # Checks a tenant's tenancy in person, in the neighbourhoods a Manager assigned them
        # (places: StaffAssignment.neighbourhood). No admin access yet.
        ("voice", "verify_tenant_in_person"),
    ],
}


def roles_sync(apps, schema_editor=None) -> None:  # noqa: ARG001 - migration signature
    """Create the role groups and give each exactly its permissions. Safe to run again.

    Written against the historical ``apps`` registry so migrations can call it.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # A migration's historical app configs have no models module, which makes
        # create_permissions skip them; pretend for the call, then put back what was there.
        original = getattr(app_config, "models_module", None)
        app_config.models_module = original or True
        try:
            create_permissions(app_config, verbosity=0, apps=apps)
        finally:
            app_config.models_module = original

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role in ROLES:
        group, _created = Group.objects.get_or_create(name=role)
        wanted = ROLE_PERMISSIONS[role]
        # A permission whose app has not been migrated yet is skipped here; the migration that
        # brings that app's permissions calls roles_sync again.
        permissions = [
            permission
            for app_label, codename in wanted
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        ]
        group.permissions.set(permissions)


def user_roles(user) -> frozenset[str]:
    """The role names of ``user``, read once per request and remembered on the object."""
    if user is None or isinstance(user, AnonymousUser) or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_role_names", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True)) | {LEARNER}
        if user.is_superuser:
            cached = cached | set(ROLES)
        user._role_names = cached
    return cached


def user_has_role(user, role: str) -> bool:
    return role in user_roles(user)


# Roles that can read other people's personal data: they must sign in with a second step.
SECOND_FACTOR_ROLES = frozenset({MODERATOR, SAFEGUARDING_OFFICER, MANAGER, HOUSING_OFFICER})
# Set by the sign-in backends when they load the person for a request.
SECOND_FACTOR_ROLE_ANNOTATION = "in_second_factor_role"


def role_needs_second_factor(user) -> bool:
    """Whether ``user`` must use two-step sign-in: the one rule, for every check and test.

    Managers, Safeguarding Officers, Moderators, Housing Officers (who see who is a verified
    tenant in their neighbourhoods, and will read estate reports) and superusers can read other
    people's personal data, so a stolen password alone must not be enough. Everyone else may
    choose it.
    """
    if user is None or not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    loaded = getattr(user, SECOND_FACTOR_ROLE_ANNOTATION, None)  # see training/users/backends.py
    if loaded is not None:
        return bool(loaded)
    return bool(user_roles(user) & SECOND_FACTOR_ROLES)
