"""Writes about people: accounts, assisted accounts and profiles."""

import re
from contextlib import nullcontext
from dataclasses import dataclass

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.text import slugify

from dashboards.facts import learner_facts_change
from training.core.services import activity_record
from training.places.models import CommunityCentre, Neighbourhood
from training.places.selectors import champion_centre
from training.users import roles
from training.users.models import User
from training.users.names import display_name_clean
from training.users.passwords import memorable_password
from training.users.verbs import ACCOUNT_CREATED

ASSISTED_PERMISSION = "users.create_assisted_account"


@dataclass(frozen=True)
class AssistedAccount:
    user: User
    password: str


def username_suggest(*, display_name: str) -> str:
    """A free username made from a name: ``Pat Smith`` becomes ``pat.smith`` or ``pat.smith2``."""
    base = re.sub(r"[^a-z0-9.]", "", slugify(display_name).replace("-", ".")) or "learner"
    base = base[:30].strip(".") or "learner"
    UserModel = get_user_model()
    candidate, number = base, 1
    while UserModel.objects.filter(username__iexact=candidate).exists():
        number += 1
        candidate = f"{base}{number}"
    return candidate


def account_setup(*, user: User, helper: User | None = None) -> None:
    """Finish a new account, however it was made: every account is a Learner, and its
    ``account.created`` event is the first entry it has in the activity stream."""
    user.groups.add(Group.objects.get(name=roles.LEARNER))
    activity_record(
        actor=user,
        verb=ACCOUNT_CREATED,
        obj=user,
        context={"assisted": helper is not None, "helper_id": helper.pk if helper else None},
    )


@transaction.atomic
def assisted_account_create(
    *,
    champion: User,
    display_name: str,
    username: str = "",
    password: str = "",
    neighbourhood: Neighbourhood | None = None,
) -> AssistedAccount:
    """Create an account for a learner with no email address, made by a Digital Champion.

    Returns the new user and the password to print on their sign-in card (generated when none
    was chosen). Only people allowed to create assisted accounts may call this, and only once a
    Manager has assigned them to a centre: the account is at that centre, never one they choose.
    """
    if not champion.has_perm(ASSISTED_PERMISSION):
        raise PermissionDenied("Only Digital Champions can create assisted accounts.")
    centre = champion_centre(user=champion)
    if centre is None:
        raise PermissionDenied("Ask a manager to assign you to a centre first.")
    display_name = display_name_clean(display_name)
    username = username or username_suggest(display_name=display_name)
    password = password or memorable_password()
    user = User(
        username=username,
        display_name=display_name,
        created_with_assistance=True,
        assisted_by=champion,
        neighbourhood=neighbourhood,
        community_centre=centre,
    )
    password_validation.validate_password(password, user)
    user.set_password(password)
    user.save()
    account_setup(user=user, helper=champion)
    return AssistedAccount(user=user, password=password)


def profile_update(
    *,
    user: User,
    display_name: str,
    preferred_language: str,
    neighbourhood: Neighbourhood | None,
    community_centre: CommunityCentre | None,
) -> User:
    """Save a person's own details. ``community_centre`` is where they go to learn; for a Digital
    Champion it does not change where they work (their staff assignment, set by a Manager)."""
    moved = (user.neighbourhood_id, user.community_centre_id) != (
        neighbourhood.pk if neighbourhood else None,
        community_centre.pk if community_centre else None,
    )
    user.display_name = display_name_clean(display_name)
    user.preferred_language = preferred_language
    user.neighbourhood = neighbourhood
    user.community_centre = community_centre
    # The dashboard's figures move with the learner (dashboards/facts.py).
    with learner_facts_change(learner_id=user.pk) if moved else nullcontext():
        user.save(
            update_fields=[
                "display_name",
                "preferred_language",
                "neighbourhood",
                "community_centre",
            ]
        )
    return user
