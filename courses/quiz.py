"""Quiz scoring: a pure function, with no database, request or template in sight.

A quiz is a list of questions; each question has options, some of them right. A question is
answered correctly when the options chosen are exactly the right ones: for a single-answer
question, the one right option; for a multiple-answer question, every right option and no wrong
one. The score is the number of questions answered correctly; the quiz is passed when the score
reaches the pass mark, a percentage of the questions.

The input may be the value of a quiz block (a StructValue with ``questions``) or plain data in the
same shape (dicts and lists), so the progress tracker and tests can score without Wagtail.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "OptionResult",
    "QuestionResult",
    "QuizResult",
    "quiz_answers_from_post",
    "quiz_field_name",
    "quiz_score",
]


@dataclass(frozen=True)
class OptionResult:
    index: int
    text: str
    feedback: str
    correct: bool
    chosen: bool


@dataclass(frozen=True)
class QuestionResult:
    index: int
    question: str
    multiple: bool
    options: tuple[OptionResult, ...]
    correct: bool

    @property
    def number(self) -> int:
        return self.index + 1

    @property
    def answered(self) -> bool:
        return any(option.chosen for option in self.options)

    @property
    def chosen(self) -> tuple[int, ...]:
        return tuple(option.index for option in self.options if option.chosen)

    @property
    def chosen_options(self) -> tuple[OptionResult, ...]:
        return tuple(option for option in self.options if option.chosen)

    @property
    def right_options(self) -> tuple[OptionResult, ...]:
        return tuple(option for option in self.options if option.correct)

    @property
    def missed_options(self) -> tuple[OptionResult, ...]:
        """Right options that were not chosen."""
        return tuple(option for option in self.options if option.correct and not option.chosen)


@dataclass(frozen=True)
class QuizResult:
    questions: tuple[QuestionResult, ...]
    pass_mark_percent: int

    @property
    def score(self) -> int:
        return sum(1 for question in self.questions if question.correct)

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def percent(self) -> int:
        """The score as a whole percentage, rounded half up."""
        if not self.total:
            return 0
        return (self.score * 200 + self.total) // (self.total * 2)

    @property
    def passed(self) -> bool:
        # Integer arithmetic: 2 out of 3 does not pass a 67% mark, 3 out of 4 passes 75%.
        return self.total > 0 and self.score * 100 >= self.pass_mark_percent * self.total

    @property
    def all_answered(self) -> bool:
        return all(question.answered for question in self.questions)


def _get(item: Any, *keys: str, default: Any = None) -> Any:
    for key in keys:
        if isinstance(item, Mapping) and key in item:
            return item[key]
        if not isinstance(item, Mapping) and hasattr(item, key):
            return getattr(item, key)
    return default


def quiz_score(
    *,
    questions: Mapping[str, Any] | Sequence[Any],
    answers: Mapping[int, Iterable[int]],
    pass_mark_percent: int,
) -> QuizResult:
    """Score ``answers`` against ``questions``.

    ``questions`` is a quiz block value (or a mapping with a ``questions`` list), or the list of
    questions itself. Each question has ``question``, ``multiple`` and ``options``; each option
    has ``text``, ``is_correct`` (or ``correct``) and ``feedback``.

    ``answers`` maps a question's position (from 0) to the positions of the options chosen.
    Positions that do not exist are ignored; a question with no answer is wrong.
    """
    if isinstance(questions, Mapping):
        questions = questions.get("questions") or []
    results = []
    for question_index, question in enumerate(questions):
        options = list(_get(question, "options", default=[]) or [])
        chosen = {
            int(choice)
            for choice in answers.get(question_index, ()) or ()
            if isinstance(choice, int) and 0 <= choice < len(options)
        }
        option_results = tuple(
            OptionResult(
                index=option_index,
                text=str(_get(option, "text", default="") or ""),
                feedback=str(_get(option, "feedback", default="") or ""),
                correct=bool(_get(option, "is_correct", "correct", default=False)),
                chosen=option_index in chosen,
            )
            for option_index, option in enumerate(options)
        )
        right = {option.index for option in option_results if option.correct}
        multiple = bool(_get(question, "multiple", default=False))
        correct = bool(right) and chosen == right and (multiple or len(chosen) == 1)
        results.append(
            QuestionResult(
                index=question_index,
                question=str(_get(question, "question", default="") or ""),
                multiple=multiple,
                options=option_results,
                correct=correct,
            )
        )
    return QuizResult(questions=tuple(results), pass_mark_percent=int(pass_mark_percent))


def quiz_field_name(question_index: int) -> str:
    """The name of the form field that carries the answer to one question."""
    return f"q{question_index}"


def quiz_answers_from_post(data: Any, *, question_count: int) -> dict[int, tuple[int, ...]]:
    """Read the chosen options from submitted form data (a QueryDict or a dict of lists).

    Anything that is not a whole number is ignored, so a tampered form scores as unanswered.
    """
    answers: dict[int, tuple[int, ...]] = {}
    for question_index in range(question_count):
        name = quiz_field_name(question_index)
        if hasattr(data, "getlist"):
            raw = data.getlist(name)
        else:
            raw = data.get(name, [])
            raw = [raw] if isinstance(raw, str | int) else list(raw)
        picked = []
        for item in raw:
            try:
                picked.append(int(str(item).strip()))
            except ValueError:
                continue
        if picked:
            answers[question_index] = tuple(dict.fromkeys(picked))
    return answers
