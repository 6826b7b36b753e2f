from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "training.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        # Each app declares its activity verbs in its own verbs.py (training/core/verbs.py).
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("verbs")

        # The one signal hook we keep: Wagtail announces publishing through signals (scheduled
        # publishing has no other hook), and the anonymous page cache must hear of it. A change
        # of privacy (a page view restriction added, changed or removed, on the page or above
        # it) purges in the same way: the cache answers before Wagtail checks restrictions.
        from django.db import transaction
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from wagtail.models import Page, PageViewRestriction, Site
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from training.core.page_cache import page_cache_purge

        def purge(**_kwargs) -> None:
            page_cache_purge()

        def purge_privacy(action: str = "post_save", **_kwargs) -> None:
            if not action.startswith("post_"):
                return  # m2m_changed also announces "pre_add" and the like
            # Now, and again once the change is committed: a page rendered in between (before
            # the restriction could be seen) must not stay in the cache.
            page_cache_purge()
            transaction.on_commit(page_cache_purge)

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(purge, weak=False, dispatch_uid=f"page-cache-purge-{id(signal)}")
        post_delete.connect(purge, sender=Page, weak=False, dispatch_uid="page-cache-purge-del")
        # A site's host or home page: which page an address shows (translations/routing.py
        # keeps sites and routes per version in each process).
        for signal in (post_save, post_delete):
            signal.connect(
                purge, sender=Site, weak=False, dispatch_uid=f"page-cache-purge-site-{id(signal)}"
            )
        for signal in (post_save, post_delete):
            signal.connect(
                purge_privacy,
                sender=PageViewRestriction,
                weak=False,
                dispatch_uid=f"page-cache-purge-privacy-{id(signal)}",
            )
        m2m_changed.connect(
            purge_privacy,
            sender=PageViewRestriction.groups.through,
            weak=False,
            dispatch_uid="page-cache-purge-privacy-groups",
        )
