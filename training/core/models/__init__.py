from training.core.models.activity import ActivityEvent, LearnerActivity
from training.core.models.pages import HomePage, StandardPage
from training.core.models.settings import SiteSettings

__all__ = ["ActivityEvent", "LearnerActivity", "HomePage", "SiteSettings", "StandardPage"]
