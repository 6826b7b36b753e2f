"""Confidential reports' models (explicit names, no star imports).

``reports``: what the reporter gave. ``handling``: what the officers do with it.
"""

from safeguarding.models.handling import (
    AccessAction,
    AccessLogAppendOnly,
    AccessLogEntry,
    Agency,
    CaseNote,
    Referral,
    ReporterReply,
    StatusChange,
)
from safeguarding.models.reports import (
    ADDITION_MAX_LENGTH,
    CONTACT_MAX_LENGTH,
    DESCRIPTION_MAX_LENGTH,
    EVIDENCE_DESCRIPTION_MAX_LENGTH,
    HATE_STRANDS,
    WHERE_MAX_LENGTH,
    Affected,
    ConfidentialReport,
    ContactPreference,
    Outcome,
    ReportAddition,
    ReportEvidence,
    ReportStrand,
    Status,
    Strand,
)

__all__ = [
    "AccessAction",
    "AccessLogAppendOnly",
    "AccessLogEntry",
    "Agency",
    "CaseNote",
    "Referral",
    "ReporterReply",
    "StatusChange",
    "ADDITION_MAX_LENGTH",
    "CONTACT_MAX_LENGTH",
    "DESCRIPTION_MAX_LENGTH",
    "EVIDENCE_DESCRIPTION_MAX_LENGTH",
    "HATE_STRANDS",
    "WHERE_MAX_LENGTH",
    "Affected",
    "ConfidentialReport",
    "ContactPreference",
    "Outcome",
    "ReportAddition",
    "ReportEvidence",
    "ReportStrand",
    "Status",
    "Strand",
]
