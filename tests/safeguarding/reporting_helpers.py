"""Making a confidential report in tests, through the reporting service."""

from safeguarding.reporting_services import ReportAnswers, ReportMade, report_make

SECRET_TEXT = "Shouted slurs at my neighbour Amira by the bins at Elm Court"


def answers(**overrides) -> ReportAnswers:
    values = {
        "strands": ["race", "religion"],
        "affected": "someone_else",
        "happening_now": False,
        "threat_to_life": False,
        "happened_on": None,
        "ongoing": True,
        "neighbourhood_id": None,
        "where": "Behind Elm Court, near the bins",
        "description": SECRET_TEXT,
        "contact_preference": "email",
        "contact_name": "Jo Bloggs",
        "contact_email": "jo.bloggs@example.org",
        "contact_phone": "",
    }
    values.update(overrides)
    return ReportAnswers(**values)


def report_made(*, reporter=None, **overrides) -> ReportMade:
    return report_make(answers=answers(**overrides), reporter=reporter)
