"""The Tenant Satisfaction Measures (TSM) perception survey: TP01–TP12.

The Regulator of Social Housing's Tenant Satisfaction Measures Standard and its Technical
Requirements (April 2023) fix the questions and answer scales a landlord must use, and how each
measure is calculated. The question wording and the scales below are the Regulator's, as its
Technical Requirements require them to be used, with the landlord's name put in (written here
from the published requirements; check them against the current edition before a real survey).
Everything else — the introduction, the hints under the questions, the names of the measures
shown on our results — is in our own plain words.

How a measure is calculated (the Regulator's definition): the number of tenants who are
satisfied (very or fairly satisfied; for TP08, strongly agree or agree) divided by the number
who gave a valid answer. Answers of "don't know" or "not applicable", where the scale offers
them, are not valid answers. TP02 and TP03 count only tenants who had a repair in the last 12
months, TP09 only those who made a complaint, and TP10 only those whose building has communal
areas the landlord looks after (the questions that lead to them, ``*-Q``, are not measures).
The Regulator's weighting of a sample to the whole stock is out of scope here: every response
counts once.
"""

from dataclasses import dataclass

from voice.models import QuestionKind

SCREEN_YES = "Yes"
SCREEN_NO = "No"

SATISFACTION = [
    "Very satisfied",
    "Fairly satisfied",
    "Neither satisfied nor dissatisfied",
    "Fairly dissatisfied",
    "Very dissatisfied",
]
AGREEMENT = [
    "Strongly agree",
    "Agree",
    "Neither agree nor disagree",
    "Disagree",
    "Strongly disagree",
]
NOT_APPLICABLE = "Not applicable / don't know"


@dataclass(frozen=True)
class MeasureDefinition:
    code: str
    name: str  # our plain words
    question: str  # the Regulator's wording; {landlord} is the landlord's name
    scale: tuple[str, ...]
    satisfied: frozenset[str]
    excluded: frozenset[str] = frozenset()
    screen: str = ""  # the code of the question that leads to it, if any


def _satisfaction(*, with_not_applicable: bool = False) -> tuple[str, ...]:
    return (*SATISFACTION, NOT_APPLICABLE) if with_not_applicable else tuple(SATISFACTION)


SATISFIED = frozenset(SATISFACTION[:2])
AGREED = frozenset(AGREEMENT[:2])
EXCLUDED = frozenset({NOT_APPLICABLE})

# The questions that lead to TP02/TP03, TP09 and TP10: (code, Regulator's wording).
SCREENS = {
    "TP02-Q": "Has {landlord} carried out a repair to your home in the last 12 months?",
    "TP09-Q": "Have you made a complaint to {landlord} in the last 12 months?",
    "TP10-Q": (
        "Do you live in a building with communal areas, either inside or outside, that "
        "{landlord} is responsible for maintaining?"
    ),
}

MEASURES = [
    MeasureDefinition(
        "TP01",
        "Happy with the service overall",
        "Taking everything into account, how satisfied or dissatisfied are you with the "
        "service provided by {landlord}?",
        _satisfaction(),
        SATISFIED,
    ),
    MeasureDefinition(
        "TP02",
        "Happy with repairs",
        "How satisfied or dissatisfied are you with the overall repairs service from "
        "{landlord} over the last 12 months?",
        _satisfaction(),
        SATISFIED,
        screen="TP02-Q",
    ),
    MeasureDefinition(
        "TP03",
        "Happy with how long the last repair took",
        "How satisfied or dissatisfied are you with the time taken to complete your most "
        "recent repair after you reported it?",
        _satisfaction(),
        SATISFIED,
        screen="TP02-Q",
    ),
    MeasureDefinition(
        "TP04",
        "Home is well looked after",
        "How satisfied or dissatisfied are you that {landlord} provides a home that is well "
        "maintained?",
        _satisfaction(),
        SATISFIED,
    ),
    MeasureDefinition(
        "TP05",
        "Home is safe",
        "Thinking about the condition of the property or building you live in, how satisfied "
        "or dissatisfied are you that {landlord} provides a home that is safe?",
        _satisfaction(),
        SATISFIED,
    ),
    MeasureDefinition(
        "TP06",
        "Listens and acts on what tenants say",
        "How satisfied or dissatisfied are you that {landlord} listens to your views and acts "
        "upon them?",
        _satisfaction(),
        SATISFIED,
    ),
    MeasureDefinition(
        "TP07",
        "Keeps tenants told about what matters",
        "How satisfied or dissatisfied are you that {landlord} keeps you informed about "
        "things that matter to you?",
        _satisfaction(),
        SATISFIED,
    ),
    MeasureDefinition(
        "TP08",
        "Treats tenants fairly and with respect",
        "To what extent do you agree or disagree with the following: “{landlord} treats me "
        "fairly and with respect”?",
        (*AGREEMENT, NOT_APPLICABLE),
        AGREED,
        EXCLUDED,
    ),
    MeasureDefinition(
        "TP09",
        "Happy with how complaints are handled",
        "How satisfied or dissatisfied are you with {landlord}'s approach to complaints handling?",
        _satisfaction(with_not_applicable=True),
        SATISFIED,
        EXCLUDED,
        screen="TP09-Q",
    ),
    MeasureDefinition(
        "TP10",
        "Shared areas kept clean and well looked after",
        "How satisfied or dissatisfied are you that {landlord} keeps these communal areas "
        "clean and well maintained?",
        _satisfaction(),
        SATISFIED,
        screen="TP10-Q",
    ),
    MeasureDefinition(
        "TP11",
        "Does good for the neighbourhood",
        "How satisfied or dissatisfied are you that {landlord} makes a positive contribution "
        "to your neighbourhood?",
        _satisfaction(with_not_applicable=True),
        SATISFIED,
        EXCLUDED,
    ),
    MeasureDefinition(
        "TP12",
        "Happy with how anti-social behaviour is handled",
        "How satisfied or dissatisfied are you with {landlord}'s approach to handling "
        "anti-social behaviour?",
        _satisfaction(with_not_applicable=True),
        SATISFIED,
        EXCLUDED,
    ),
]

# Our own plain words.
INTRODUCTION = (
    "Every year we ask tenants the same twelve questions the Regulator of Social Housing sets "
    "for every landlord, so you can compare us with others. It takes about five minutes. You "
    "can answer on paper or by phone too: a Digital Champion or your Housing Officer will put "
    "your answers in for you."
)
SCREEN_HINTS = {
    "TP02-Q": "If you say no, we skip the two questions about repairs.",
    "TP09-Q": "If you say no, we skip the question about complaints.",
    "TP10-Q": "For example stairs, corridors, lifts, bin stores or shared gardens.",
}


def tsm_questions(*, landlord: str) -> list[dict]:
    """The survey's questions in order, as ConsultationQuestion fields."""
    questions: list[dict] = []
    screens_before = {"TP02": "TP02-Q", "TP09": "TP09-Q", "TP10": "TP10-Q"}
    for measure in MEASURES:
        screen = screens_before.get(measure.code)
        if screen:
            questions.append(
                {
                    "code": screen,
                    "kind": QuestionKind.ONE,
                    "text": SCREENS[screen].format(landlord=landlord),
                    "help_text": SCREEN_HINTS[screen],
                    "options": "\n".join([SCREEN_YES, SCREEN_NO]),
                    "required": True,
                }
            )
        questions.append(
            {
                "code": measure.code,
                "kind": QuestionKind.SCALE,
                "text": measure.question.format(landlord=landlord),
                "help_text": (
                    "Only if you said yes above; otherwise leave it." if measure.screen else ""
                ),
                "options": "\n".join(measure.scale),
                # Questions after a "no" are left unanswered, so they cannot be required.
                "required": not measure.screen,
            }
        )
    return questions
