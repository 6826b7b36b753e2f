"""The moderators' tools in the Wagtail admin: the queue, one item's review, the audit log.

Only people with ``community.moderate_content`` may open them (Wagtail already requires admin
access for every admin URL); anyone else gets 403.
"""

from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from community import selectors, services
from community.forms import ModerationEditForm, ModerationReasonForm
from community.models import Comment, ModerationAction, Post
from community.permissions import MODERATE_PERMISSION

LOG_PER_PAGE = 50
KINDS = {"post": Post, "comment": Comment}


def moderator_required(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(MODERATE_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _render(request: HttpRequest, template: str, title: str, context: dict) -> HttpResponse:
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": "warning", **context},
    )


@moderator_required
def queue(request: HttpRequest) -> HttpResponse:
    return _render(
        request,
        "community/admin/queue.html",
        _("Community moderation"),
        selectors.moderation_queue(),
    )


def _item_get(kind: str, pk: int):
    model = KINDS.get(kind)
    if model is None:
        raise Http404
    related = ["author", "group"] if model is Post else ["author", "post__group"]
    return get_object_or_404(model.objects.select_related(*related), pk=pk)


@moderator_required
def review(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    item = _item_get(kind, pk)
    action = request.POST.get("action") if request.method == "POST" else None
    hide_form = ModerationReasonForm(
        request.POST if action == "hide" else None, reason_required=True, prefix="hide"
    )
    restore_form = ModerationReasonForm(
        request.POST if action == "restore" else None, prefix="restore"
    )
    edit_form = ModerationEditForm(
        request.POST if action == "edit" else None, prefix="edit", initial={"text": item.body}
    )
    done = None
    if action == "hide" and hide_form.is_valid():
        services.content_hide(item=item, moderator=request.user, **hide_form.cleaned_data)
        done = _("Hidden. The author has been told why.")
    elif action == "restore" and restore_form.is_valid():
        services.content_restore(item=item, moderator=request.user, **restore_form.cleaned_data)
        done = _("It shows again.")
    elif action == "edit" and edit_form.is_valid():
        services.content_edit(item=item, moderator=request.user, **edit_form.cleaned_data)
        done = _("Saved. The original text is kept in the audit log.")
    if done:
        messages.success(request, done)
        return redirect("community_moderation:queue")
    history = ModerationAction.objects.filter(**{kind: item}).select_related("moderator")
    return _render(
        request,
        "community/admin/review.html",
        _("Review a %(kind)s") % {"kind": item._meta.verbose_name},
        {
            "item": item,
            "kind": kind,
            "group": item.group,
            "flags": selectors.item_flags(item=item),
            "history": history,
            "hide_form": hide_form,
            "restore_form": restore_form,
            "edit_form": edit_form,
        },
    )


@moderator_required
def log(request: HttpRequest) -> HttpResponse:
    actions = ModerationAction.objects.select_related("moderator", "group", "person")
    page = Paginator(actions, LOG_PER_PAGE).get_page(request.GET.get("p"))
    return _render(request, "community/admin/log.html", _("Moderation audit log"), {"page": page})
