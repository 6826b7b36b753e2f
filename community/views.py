"""Community pages: home and feed, groups, posts, comments, reports, the neighbourhood page.

Views are thin: ``permissions`` says who may, ``selectors`` reads, ``services`` writes.
Someone who may not read an approval-only group gets a page saying so (403), never its posts.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_POST

from community import permissions, selectors, services
from community.forms import CommentForm, FlagForm, ModerationReasonForm, PostForm
from community.models import Comment, Group, Membership, MembershipStatus, Post
from community.photos import PhotoSizeLimitUploadHandler
from events.selectors import events_upcoming
from training.core.private_files import private_file_response
from training.core.rate_limits import rate_limit_consume
from training.places.models import Neighbourhood

PHOTO_CONTENT_TYPES = {
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "webp": "image/webp",
}
POSTS_PER_PAGE = 10


def _page(request: HttpRequest, queryset):
    return Paginator(queryset, POSTS_PER_PAGE).get_page(request.GET.get("page"))


def community_home(request: HttpRequest) -> HttpResponse:
    groups = selectors.groups_overview(user=request.user)
    context = {"groups": groups}
    if request.user.is_authenticated:
        context["feed"] = _page(request, selectors.posts_feed(user=request.user))
        context["neighbourhood"] = request.user.neighbourhood
    return render(request, "community/home.html", context)


def _group_and_membership(request: HttpRequest, slug: str) -> tuple[Group, Membership | None]:
    group = get_object_or_404(Group.objects.select_related("neighbourhood"), slug=slug)
    return group, selectors.membership_of(group=group, user=request.user)


def group_detail(request: HttpRequest, slug: str) -> HttpResponse:
    group, membership = _group_and_membership(request, slug)
    can_read = permissions.group_can_read(user=request.user, group=group, membership=membership)
    context = {
        "group": group,
        "membership": membership,
        "can_read": can_read,
        "can_post": permissions.group_can_post(membership=membership),
        "can_moderate": permissions.group_can_moderate(user=request.user, membership=membership),
        "can_see_members": permissions.group_can_see_members(
            user=request.user, membership=membership
        ),
    }
    if can_read:
        context["posts"] = _page(
            request, selectors.posts_for_group(group=group, viewer=request.user)
        )
    return render(request, "community/group_detail.html", context)


@login_required
@require_POST
def group_join(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(Group, slug=slug)
    membership = services.group_join(group=group, user=request.user)
    if membership.is_active:
        messages.success(request, _("You have joined %(group)s.") % {"group": group.name})
    else:
        messages.info(
            request,
            _("We have asked the group's organisers. We will tell you when they decide."),
        )
    return redirect(group)


@login_required
@require_POST
def group_leave(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_object_or_404(Group, slug=slug)
    if services.group_leave(group=group, user=request.user):
        messages.info(request, _("You have left %(group)s.") % {"group": group.name})
    return redirect(group)


@login_required
def group_members(request: HttpRequest, slug: str) -> HttpResponse:
    group, membership = _group_and_membership(request, slug)
    if not permissions.group_can_see_members(user=request.user, membership=membership):
        raise PermissionDenied
    return render(
        request,
        "community/group_members.html",
        {"group": group, "members": selectors.group_members(group=group)},
    )


def _group_moderator_get(request: HttpRequest, slug: str) -> Group:
    group, membership = _group_and_membership(request, slug)
    if not permissions.group_can_moderate(user=request.user, membership=membership):
        raise PermissionDenied
    return group


@login_required
def group_waiting(request: HttpRequest, slug: str) -> HttpResponse:
    group = _group_moderator_get(request, slug)
    return render(
        request,
        "community/group_waiting.html",
        {"group": group, **selectors.group_waiting(group=group)},
    )


@login_required
@require_POST
def join_request_decide(request: HttpRequest, slug: str, membership_id: int) -> HttpResponse:
    group = _group_moderator_get(request, slug)
    membership = get_object_or_404(
        Membership.objects.select_related("user", "group"),
        pk=membership_id,
        group=group,
        status=MembershipStatus.REQUESTED,
    )
    approve = request.POST.get("decision") == "approve"
    services.join_request_decide(membership=membership, decided_by=request.user, approve=approve)
    name = membership.user.name
    if approve:
        messages.success(request, _("%(name)s is now a member.") % {"name": name})
    else:
        messages.info(request, _("You said no to %(name)s. We have told them.") % {"name": name})
    return redirect("community:group_waiting", slug=group.slug)


@login_required
@require_POST
def post_approve(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("group"), pk=pk)
    group = _group_moderator_get(request, post.group.slug)
    if post.is_pending:
        services.post_approve(post=post, moderator=request.user)
        messages.success(request, _("The post is approved and now shows in the group."))
    return redirect("community:group_waiting", slug=group.slug)


@login_required
def post_decline(request: HttpRequest, pk: int) -> HttpResponse:
    """A group's organiser turns down a post waiting for approval; the author is told why."""
    post = get_object_or_404(Post.objects.select_related("group", "author"), pk=pk)
    group = _group_moderator_get(request, post.group.slug)
    if not post.is_pending:
        return redirect("community:group_waiting", slug=group.slug)
    form = ModerationReasonForm(request.POST or None, reason_required=True)
    form.fields["reason"].label = _("Why are you turning it down? The author is told this.")
    form.fields["reason"].error_messages["required"] = _("Write why, so the author knows.")
    if request.method == "POST" and form.is_valid():
        services.content_hide(item=post, moderator=request.user, reason=form.cleaned_data["reason"])
        messages.success(request, _("The post is turned down. We have told the author why."))
        return redirect("community:group_waiting", slug=group.slug)
    return render(
        request, "community/post_decline.html", {"form": form, "post": post, "group": group}
    )


def photo_upload_limited(view):
    """Read uploads through PhotoSizeLimitUploadHandler. Upload handlers must be set before
    anything reads request.POST, which the CSRF check does: so the check is made here, after."""

    protected = csrf_protect(view)

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.upload_handlers.insert(0, PhotoSizeLimitUploadHandler(request))
        return protected(request, *args, **kwargs)

    return wrapper


def _post_form(request: HttpRequest, **kwargs) -> PostForm:
    if request.method != "POST":
        return PostForm(**kwargs)
    return PostForm(
        request.POST,
        request.FILES,
        photo_too_big=getattr(request, "photo_too_big", False),
        **kwargs,
    )


@photo_upload_limited
@login_required
def post_new(request: HttpRequest, slug: str) -> HttpResponse:
    group, membership = _group_and_membership(request, slug)
    if not permissions.group_can_post(membership=membership):
        raise PermissionDenied
    form = _post_form(request)
    if request.method == "POST" and _within_rate(request, form, action="community_post"):
        post = services.post_create(
            group=group,
            author=request.user,
            text=form.cleaned_data["text"],
            photo=form.cleaned_data["photo"],
            photo_description=form.cleaned_data["photo_description"],
        )
        if post.is_pending:
            messages.info(
                request,
                _("Thank you. A moderator checks posts in this group before they show."),
            )
        else:
            messages.success(request, _("Your post is in the group."))
        return redirect(post)
    can_moderate = permissions.group_can_moderate(user=request.user, membership=membership)
    waits = group.pre_moderate and not can_moderate
    return render(
        request,
        "community/post_form.html",
        {"group": group, "form": form, "waits_for_approval": waits},
    )


def _within_rate(request: HttpRequest, form, *, action: str) -> bool:
    """A valid post or reply within the hourly limit (settings.RATE_LIMITS), which stops a
    flood from a stolen or runaway account; a person writing normally never meets it."""
    if not form.is_valid():
        return False
    if rate_limit_consume(action=action, key=request.user.pk):
        return True
    form.add_error(
        "text", _("You have written a lot in the last hour. Please wait a while, then try again.")
    )
    return False


class MembersOnly(PermissionDenied):
    """Someone opened something in a group whose posts are for members only."""

    def __init__(self, group: Group) -> None:
        super().__init__()
        self.group = group


def members_only_explained(view):
    """Answer :class:`MembersOnly` with a page that says why and how to ask to join (403)."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except MembersOnly as refusal:
            return render(
                request, "community/members_only.html", {"group": refusal.group}, status=403
            )

    return wrapper


def _post_readable(request: HttpRequest, post: Post) -> Membership | None:
    membership = selectors.membership_of(group=post.group, user=request.user)
    if not permissions.group_can_read(user=request.user, group=post.group, membership=membership):
        raise MembersOnly(post.group)
    hidden_from_viewer = not post.is_published and post.author_id != request.user.pk
    if hidden_from_viewer and not permissions.group_can_moderate(
        user=request.user, membership=membership
    ):
        raise Http404
    return membership


@login_required
@members_only_explained
def post_detail(request: HttpRequest, pk: int) -> HttpResponse:
    post = selectors.post_with_comments(pk=pk, viewer=request.user)
    if post is None:
        raise Http404
    membership = _post_readable(request, post)
    can_comment = permissions.group_can_post(membership=membership) and post.is_published
    form = CommentForm(request.POST or None) if can_comment else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if _within_rate(request, form, action="community_reply"):
            comment = services.comment_create(
                post=post, author=request.user, text=form.cleaned_data["text"]
            )
            messages.success(request, _("Your reply is posted."))
            return redirect(comment.get_absolute_url())
    return render(
        request,
        "community/post_detail.html",
        {
            "post": post,
            "group": post.group,
            "membership": membership,
            "form": form,
            "can_edit": permissions.post_can_edit(user=request.user, post=post),
            "can_delete": permissions.post_can_delete(user=request.user, post=post),
        },
    )


@login_required
@members_only_explained
def post_photo(request: HttpRequest, pk: int) -> HttpResponseBase:
    """A post's photo, to those who may read the post: the same rule as the post page."""
    post = Post.objects.select_related("group").filter(pk=pk).first()
    if post is None or not post.photo:
        raise Http404
    _post_readable(request, post)
    extension = post.photo.name.rsplit(".", 1)[-1].lower()
    # Streamed, sent by nginx or a signed S3 redirect, as settings say; never kept by a cache.
    return private_file_response(
        name=post.photo.name, content_type=PHOTO_CONTENT_TYPES.get(extension, "image/jpeg")
    )


@photo_upload_limited
@login_required
def post_edit(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("group"), pk=pk)
    if not permissions.post_can_edit(user=request.user, post=post):
        raise PermissionDenied
    initial = {"text": post.body, "photo_description": post.photo_description}
    form = _post_form(request, initial=initial, has_photo=bool(post.photo))
    if request.method == "POST" and form.is_valid():
        services.post_edit(
            post=post,
            text=form.cleaned_data["text"],
            photo=form.cleaned_data["photo"],
            photo_description=form.cleaned_data["photo_description"],
        )
        messages.success(request, _("Your post is updated."))
        return redirect(post)
    return render(
        request, "community/post_form.html", {"group": post.group, "form": form, "post": post}
    )


@login_required
def post_delete(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("group"), pk=pk)
    if not permissions.post_can_delete(user=request.user, post=post):
        raise PermissionDenied
    if request.method == "POST":
        group = post.group
        services.post_delete(post=post)
        messages.success(request, _("Your post is deleted."))
        return redirect(group)
    return render(request, "community/post_delete.html", {"post": post, "group": post.group})


def _flag(request: HttpRequest, item, *, post: Post) -> HttpResponse:
    _post_readable(request, post)
    if not item.is_published:
        raise Http404
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        flag = services.item_flag(item=item, user=request.user, reason=form.cleaned_data["reason"])
        if flag is None:
            messages.info(request, _("You have already reported this. A moderator will check it."))
        else:
            messages.success(request, _("Thank you for telling us. A moderator will check it."))
        return redirect(post)
    return render(
        request,
        "community/flag_form.html",
        {"form": form, "item": item, "post": post, "group": post.group},
    )


@login_required
@members_only_explained
def post_flag(request: HttpRequest, pk: int) -> HttpResponse:
    post = get_object_or_404(Post.objects.select_related("group", "author"), pk=pk)
    return _flag(request, post, post=post)


@login_required
@members_only_explained
def comment_flag(request: HttpRequest, pk: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("post__group", "author"), pk=pk)
    return _flag(request, comment, post=comment.post)


def neighbourhood(request: HttpRequest, slug: str) -> HttpResponse:
    place = get_object_or_404(Neighbourhood, slug=slug)
    return render(
        request,
        "community/neighbourhood.html",
        {
            "neighbourhood": place,
            "groups": list(
                selectors.groups_with_counts().filter(neighbourhood=place).order_by("name")
            ),
            "centres": list(selectors.centres_for_neighbourhood(neighbourhood=place)),
            "events": list(events_upcoming(neighbourhood=place, limit=5)),
        },
    )
