"""Groups and who belongs to them.

A group belongs to a neighbourhood, or (with no neighbourhood) is a topic group for the whole
area. Joining is open, or needs a group owner or moderator to approve the request. Staff create
and edit groups in the Wagtail admin (a snippet), where they can also name owners and moderators.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.search import index


class PeopleInlinePanel(InlinePanel):
    """The people in a group, each found by a typed username (see ``admin_forms``)."""

    def get_form_options(self) -> dict:
        from community.admin_forms import MembershipAdminForm

        options = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = MembershipAdminForm
        return options


class Joining(models.TextChoices):
    OPEN = "open", _("Open: anyone can join")
    APPROVAL = "approval", _("Ask to join: an owner or moderator approves each person")


class Group(index.Indexed, ClusterableModel):
    name = models.CharField(_("name"), max_length=120, unique=True)
    slug = models.SlugField(_("web address part"), max_length=120, unique=True)
    description = models.TextField(
        _("what the group is for"),
        help_text=_(
            "One or two short sentences, e.g. “News and help for neighbours in Elm Court.”"
        ),
    )
    neighbourhood = models.ForeignKey(
        "places.Neighbourhood",
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_groups",
        help_text=_("Leave empty for a topic group open to the whole area."),
    )
    joining = models.CharField(
        _("joining"), max_length=10, choices=Joining.choices, default=Joining.OPEN
    )
    pre_moderate = models.BooleanField(
        _("check posts before they appear"),
        default=False,
        help_text=_("New posts wait until a moderator approves them."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("neighbourhood"),
        FieldPanel("joining"),
        FieldPanel("pre_moderate"),
        PeopleInlinePanel(
            "memberships",
            heading=_("People in the group"),
            label=_("Person"),
            help_text=_(
                "Make at least one person the owner. Owners and moderators approve posts and "
                "requests to join."
            ),
        ),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("community group")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("community:group_detail", kwargs={"slug": self.slug})

    @property
    def is_topic_group(self) -> bool:
        return self.neighbourhood_id is None

    @property
    def needs_approval(self) -> bool:
        return self.joining == Joining.APPROVAL


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    MODERATOR = "moderator", _("Moderator")
    MEMBER = "member", _("Member")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Member")
    REQUESTED = "requested", _("Asked to join")


MODERATING_ROLES = (Role.OWNER, Role.MODERATOR)


class Membership(models.Model):
    group = ParentalKey(
        Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="community_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.ACTIVE,
    )
    created_at = models.DateTimeField(_("since"), default=timezone.now)

    panels = [FieldPanel("user"), FieldPanel("role"), FieldPanel("status")]

    class Meta:
        verbose_name = _("membership")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["group", "user"], name="community_one_membership")
        ]
        indexes = [models.Index(fields=["user", "status"], name="community_member_status")]

    def __str__(self) -> str:
        return f"{self.user} in {self.group}"

    @property
    def is_active(self) -> bool:
        return self.status == MembershipStatus.ACTIVE

    @property
    def can_moderate(self) -> bool:
        return self.is_active and self.role in MODERATING_ROLES
