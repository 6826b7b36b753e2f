"""The consultation form: one field per question (a ranking question is a small fieldset of
position boxes, one per option), built for the questions of one step."""

from django import forms
from django.utils.translation import gettext_lazy as _

from voice.consultations_services import Answer
from voice.models import ConsultationAnswer, ConsultationQuestion, QuestionKind
from voice.models.consultations import FREE_TEXT_MAX_LENGTH

QUESTIONS_PER_STEP = 5
CHOOSE_ONE = _("Choose an answer.")
CHOOSE_SOME = _("Choose at least one.")
RANK_ALL = _("Give every option a different number, 1 for the one you want most.")
WRITE_SOMETHING = _("Write your answer.")


def question_field_name(question: ConsultationQuestion) -> str:
    return f"q{question.pk}"


def rank_field_name(question: ConsultationQuestion, index: int) -> str:
    return f"q{question.pk}_{index}"


def steps_of(questions: list[ConsultationQuestion]) -> list[list[ConsultationQuestion]]:
    return [
        questions[start : start + QUESTIONS_PER_STEP]
        for start in range(0, len(questions), QUESTIONS_PER_STEP)
    ] or [[]]


class ConsultationForm(forms.Form):
    """``require``: refuse unanswered required questions (Continue and Send do; "Save and
    finish later" does not)."""

    def __init__(
        self,
        *args,
        questions: list[ConsultationQuestion],
        answers: dict[int, ConsultationAnswer] | None = None,
        require: bool = True,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.questions = questions
        self.require = require
        answers = answers or {}
        for question in questions:
            given = answers.get(question.pk)
            options = question.option_list()
            name = question_field_name(question)
            label = question.text
            help_text = question.help_text
            if question.kind in (QuestionKind.ONE, QuestionKind.SCALE):
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    help_text=help_text,
                    choices=question.option_choices(),
                    widget=forms.RadioSelect,
                    required=False,
                    initial=given.choices[0] if given and given.choices else None,
                )
            elif question.kind == QuestionKind.SEVERAL:
                self.fields[name] = forms.MultipleChoiceField(
                    label=label,
                    help_text=help_text or _("Choose as many as you like."),
                    choices=[(option, option) for option in options],
                    widget=forms.CheckboxSelectMultiple,
                    required=False,
                    initial=given.choices if given else [],
                )
            elif question.kind == QuestionKind.RANK:
                positions = [("", "–")] + [(str(n), str(n)) for n in range(1, len(options) + 1)]
                chosen = given.choices if given else []
                for index, option in enumerate(options):
                    self.fields[rank_field_name(question, index)] = forms.ChoiceField(
                        label=option,
                        choices=positions,
                        required=False,
                        initial=str(chosen.index(option) + 1) if option in chosen else "",
                    )
            else:
                self.fields[name] = forms.CharField(
                    label=label,
                    help_text=help_text
                    or _(
                        "Optional. A moderator reads it before it is shown, never with your name."
                    ),
                    widget=forms.Textarea(attrs={"rows": 4}),
                    max_length=FREE_TEXT_MAX_LENGTH,
                    required=False,
                    initial=given.text if given else "",
                )

    def layout(self) -> list[tuple[ConsultationQuestion, object, list]]:
        """(question, its field or None for a ranking, the ranking's position fields)."""
        rows = []
        for question in self.questions:
            if question.kind == QuestionKind.RANK:
                boxes = [
                    self[rank_field_name(question, index)]
                    for index in range(len(question.option_list()))
                ]
                rows.append((question, None, boxes))
            else:
                rows.append((question, self[question_field_name(question)], []))
        return rows

    def rank_error_field(self, question: ConsultationQuestion) -> str:
        return rank_field_name(question, 0)

    def clean(self):
        cleaned = super().clean()
        self.answers: dict[int, Answer] = {}
        for question in self.questions:
            if question.kind == QuestionKind.RANK:
                self._clean_rank(question, cleaned)
                continue
            name = question_field_name(question)
            value = cleaned.get(name)
            if question.kind == QuestionKind.TEXT:
                text = (value or "").strip()
                if not text and question.required and self.require:
                    self.add_error(name, WRITE_SOMETHING)
                self.answers[question.pk] = Answer(text=text)
                continue
            choices = tuple(value) if isinstance(value, list) else ((value,) if value else ())
            if not choices and question.required and self.require:
                self.add_error(
                    name, CHOOSE_SOME if question.kind == QuestionKind.SEVERAL else CHOOSE_ONE
                )
            self.answers[question.pk] = Answer(choices=choices)
        return cleaned

    def _clean_rank(self, question: ConsultationQuestion, cleaned: dict) -> None:
        options = question.option_list()
        numbers = [cleaned.get(rank_field_name(question, i)) or "" for i in range(len(options))]
        if not any(numbers):
            if question.required and self.require:
                self.add_error(self.rank_error_field(question), RANK_ALL)
            self.answers[question.pk] = Answer()
            return
        if "" in numbers or len(set(numbers)) != len(numbers):
            self.add_error(self.rank_error_field(question), RANK_ALL)
            return
        order = sorted(range(len(options)), key=lambda i: int(numbers[i]))
        self.answers[question.pk] = Answer(choices=tuple(options[i] for i in order))
