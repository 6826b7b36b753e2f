"""Where files go that must never have a public address: the app hands them out itself, after a
permission check (photos in community posts, dashboard exports). See ``STORAGES["private"]``."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property


def private_storage() -> Storage:
    return storages["private"]


class PrivateFileStorage(FileSystemStorage):
    """Files on local disk under ``PRIVATE_FILES_ROOT``, outside ``MEDIA_ROOT``, with no URL."""

    @cached_property
    def base_location(self):
        # ``_location`` is set by FileSystemStorage.__init__; django-stubs does not declare it.
        location = self._location  # type: ignore[attr-defined]
        return self._value_or_setting(location, settings.PRIVATE_FILES_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_FILES_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        raise ValueError("Private files have no public address; a view hands them out.")
