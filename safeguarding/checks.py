"""A deploy-time check that the reports' encryption keys are usable."""

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from safeguarding import crypto


@checks.register(checks.Tags.security)
def encryption_keys_check(app_configs, **kwargs) -> list[checks.CheckMessage]:  # noqa: ARG001
    try:
        crypto.fernet()
    except ImproperlyConfigured as error:
        return [checks.Error(str(error), id="safeguarding.E001")]
    return []
