"""Tenant voice's models, one module for each kind of thing (explicit names, no star imports)."""

from voice.models.consultations import (
    ConsultationAnswer,
    ConsultationIndexPage,
    ConsultationPage,
    ConsultationQuestion,
    ConsultationResponse,
    ConsultationTold,
    Eligibility,
    Moderation,
    QuestionKind,
)
from voice.models.estate_checks import (
    EstateCheck,
    EstateCheckAnswer,
    EstateCheckPhoto,
    EstateCheckQuestion,
    EstateCheckResponse,
    Face,
)
from voice.models.improvements import ImprovementPage, ImprovementTold, YouSaidWeDidIndexPage
from voice.models.reports import (
    Report,
    ReportAffected,
    ReportCategory,
    ReportPhoto,
    ReportStatus,
    ReportUpdate,
)
from voice.models.tenancies import (
    NOTE_MAX_LENGTH,
    Tenancy,
    TenancyImport,
    TenantVerification,
    VerificationMethod,
)

__all__ = [
    "ConsultationAnswer",
    "ConsultationIndexPage",
    "ConsultationPage",
    "ConsultationQuestion",
    "ConsultationResponse",
    "ConsultationTold",
    "Eligibility",
    "EstateCheck",
    "EstateCheckAnswer",
    "EstateCheckPhoto",
    "EstateCheckQuestion",
    "EstateCheckResponse",
    "Face",
    "ImprovementPage",
    "ImprovementTold",
    "Moderation",
    "NOTE_MAX_LENGTH",
    "QuestionKind",
    "Report",
    "ReportAffected",
    "ReportCategory",
    "ReportPhoto",
    "ReportStatus",
    "ReportUpdate",
    "Tenancy",
    "TenancyImport",
    "TenantVerification",
    "VerificationMethod",
    "YouSaidWeDidIndexPage",
]
