from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "training.core"
    label = "core"
    verbose_name = _("Site")

    def ready(self) -> None:
        # The one signal hook we keep: Wagtail announces publishing through signals (scheduled
        # publishing has no other hook), and the anonymous page cache must hear of it.
        from django.db.models.signals import post_delete

        from wagtail.models import Page
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from training.core.page_cache import page_cache_purge

        def purge(**_kwargs) -> None:
            page_cache_purge()

        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(purge, weak=False, dispatch_uid=f"page-cache-purge-{id(signal)}")
        post_delete.connect(purge, sender=Page, weak=False, dispatch_uid="page-cache-purge-del")
