from django.utils import timezone

from training.places.models import Neighbourhood
from voice.models import Tenancy
from voice.tenancy_list import postcode_normalise, tenancy_reference_hash


def tenancy_add(
    reference: str, postcode: str, neighbourhood: Neighbourhood, *, ended: bool = False
) -> Tenancy:
    """A tenancy on the list, stored as the import stores it (the reference only as its hash)."""
    return Tenancy.objects.create(
        reference_hash=tenancy_reference_hash(reference),
        postcode=postcode_normalise(postcode),
        neighbourhood=neighbourhood,
        ended_at=timezone.now() if ended else None,
    )


def csv_bytes(*lines: str, header: str = "tenancy reference,postcode,neighbourhood") -> bytes:
    """A tenancy list file: the header line, then ``lines``."""
    return ("\n".join([header, *lines]) + "\n").encode()
