"""The signed-in person, read from the shared cache instead of the database on every request.

Every page a signed-in person opens needs them (and their roles, which menus and the two-step
sign-in rule read). With Redis as the cache this saves two queries a page. The copy is dropped the
moment anything it holds could have changed, on every server at once (they share the cache):

- the person is saved (password, name, language, deactivation, last sign-in…) or deleted;
- they join or leave a group (a role), from either side;
- a group is renamed or deleted: then *every* copy is dropped (a generation number moves on).

Signing in again is still checked against the password: Django compares the session's hash with
the one worked out from the (cached) password hash, and a changed password drops the copy first.
Copies also expire on their own after :data:`USER_CACHE_SECONDS`, as a last safety net.
"""

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from training.users.roles import user_roles

USER_CACHE_SECONDS = 10 * 60
GENERATION_KEY = "users:cached-user:generation"


def _key(user_id: Any) -> str:
    return f"users:cached-user:{user_id}"


def user_cached_get(*, user_id: Any, load: Callable[[], Any]) -> Any:
    """The person with this id, from the cache if a current copy is there, else ``load()``.

    ``load`` reads them from the database (None if there is no such person); what it returns is
    kept, with their roles read, for the next request.
    """
    key = _key(user_id)
    found = cache.get_many([GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY, 0)
    copy = found.get(key)
    if copy is not None and copy[0] == generation:
        return copy[1]
    user = load()
    if user is not None:
        user_roles(user)  # read now, so the copy carries them
        cache.set(key, (generation, user), USER_CACHE_SECONDS)
    return user


def user_cache_forget(*, user_id: Any) -> None:
    """Drop the copy of this person now and again when the transaction commits.

    (Another request could read the old row and keep it again before the change is committed.)
    """
    key = _key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key))


def user_cache_forget_everyone() -> None:
    def move_on() -> None:
        try:
            cache.incr(GENERATION_KEY)
        except ValueError:
            cache.set(GENERATION_KEY, 1, timeout=None)

    move_on()
    transaction.on_commit(move_on)


def _user_changed(sender, instance, **kwargs) -> None:
    if instance.pk is not None:
        user_cache_forget(user_id=instance.pk)


def _groups_changed(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not action.startswith("post_") and action != "pre_clear":
        return
    if not reverse:  # person.groups.add(...)
        user_cache_forget(user_id=instance.pk)
    elif pk_set:  # group.user_set.add(person, ...)
        for user_id in pk_set:
            user_cache_forget(user_id=user_id)
    elif action in ("pre_clear", "post_clear"):  # group.user_set.clear(): who is not known
        user_cache_forget_everyone()


def _group_changed(sender, instance, **kwargs) -> None:
    user_cache_forget_everyone()


def user_cache_connect() -> None:
    """Connect the signals that drop copies (from ``UsersConfig.ready``)."""
    user_model = get_user_model()
    uid = "users.user_cache"
    post_save.connect(_user_changed, sender=user_model, dispatch_uid=f"{uid}.saved")
    post_delete.connect(_user_changed, sender=user_model, dispatch_uid=f"{uid}.deleted")
    m2m_changed.connect(
        _groups_changed, sender=user_model.groups.through, dispatch_uid=f"{uid}.groups"
    )
    m2m_changed.connect(
        _groups_changed,
        sender=user_model.user_permissions.through,
        dispatch_uid=f"{uid}.permissions",
    )
    post_save.connect(_group_changed, sender=Group, dispatch_uid=f"{uid}.group_saved")
    post_delete.connect(_group_changed, sender=Group, dispatch_uid=f"{uid}.group_deleted")
