from django.db.models import QuerySet

from training.places.models import CommunityCentre, Neighbourhood


def centres_for_neighbourhood(*, neighbourhood: Neighbourhood | None) -> QuerySet[CommunityCentre]:
    """Community centres in a neighbourhood first, then the rest."""
    centres = CommunityCentre.objects.select_related("neighbourhood")
    if neighbourhood is None:
        return centres.order_by("name")
    return centres.filter(neighbourhood=neighbourhood).order_by("name")
