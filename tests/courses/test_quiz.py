"""Quiz scoring: a pure function, tested without a database."""

from django.http import QueryDict

import pytest

from courses.blocks import QuizBlock
from courses.quiz import quiz_answers_from_post, quiz_score

SINGLE = {
    "question": "Which password is strongest?",
    "multiple": False,
    "options": [
        {"text": "PurpleKettleTrain", "correct": True, "feedback": "Three random words."},
        {"text": "password1", "correct": False, "feedback": "Criminals try this first."},
        {"text": "Your pet's name", "correct": False, "feedback": "Easy to find out."},
    ],
}
MULTIPLE = {
    "question": "What should you keep secret?",
    "multiple": True,
    "options": [
        {"text": "Your password", "correct": True, "feedback": "Never share it."},
        {"text": "Your security code", "correct": True, "feedback": "Banks never ask."},
        {"text": "Your town", "correct": False, "feedback": "Not a secret."},
    ],
}
QUIZ = {"questions": [SINGLE, MULTIPLE]}


def score(answers, pass_mark=100, quiz=QUIZ):
    return quiz_score(questions=quiz, answers=answers, pass_mark_percent=pass_mark)


def test_all_right_scores_full_marks_and_passes():
    result = score({0: [0], 1: [0, 1]})

    assert [q.correct for q in result.questions] == [True, True]
    assert (result.score, result.total, result.percent, result.passed) == (2, 2, 100, True)


def test_single_answer_wrong_option_is_wrong_with_its_feedback():
    result = score({0: [1], 1: [0, 1]})

    first = result.questions[0]
    assert first.correct is False
    assert first.answered is True
    assert [o.feedback for o in first.chosen_options] == ["Criminals try this first."]
    assert [o.text for o in first.right_options] == ["PurpleKettleTrain"]
    assert result.score == 1
    assert result.passed is False


def test_multiple_answer_needs_every_right_option():
    result = score({0: [0], 1: [0]})

    second = result.questions[1]
    assert second.correct is False
    assert [o.text for o in second.missed_options] == ["Your security code"]


def test_multiple_answer_with_a_wrong_option_added_is_wrong():
    result = score({0: [0], 1: [0, 1, 2]})

    assert result.questions[1].correct is False


def test_single_answer_question_with_two_choices_is_wrong_even_if_one_is_right():
    result = score({0: [0, 1], 1: [0, 1]})

    assert result.questions[0].correct is False


def test_unanswered_question_is_wrong_and_marked_unanswered():
    result = score({1: [0, 1]})

    assert result.questions[0].answered is False
    assert result.questions[0].correct is False
    assert result.all_answered is False
    assert result.score == 1


def test_no_answers_at_all_scores_zero():
    result = score({})

    assert (result.score, result.percent, result.passed) == (0, 0, False)


def test_options_out_of_range_or_negative_are_ignored():
    result = score({0: [7, -1], 1: [0, 1, 99]})

    assert result.questions[0].answered is False
    assert result.questions[1].correct is True


def test_duplicate_choices_count_once():
    result = score({0: [0, 0], 1: [1, 0, 1]})

    assert result.score == 2


@pytest.mark.parametrize(
    ("right", "total", "pass_mark", "passed"),
    [
        (3, 4, 75, True),  # exactly on the mark passes
        (2, 3, 67, False),  # 66.66% does not reach 67
        (2, 3, 66, True),
        (4, 5, 80, True),
        (3, 5, 80, False),
        (1, 1, 100, True),
        (0, 1, 1, False),
    ],
)
def test_pass_mark_is_a_percentage_of_the_questions(right, total, pass_mark, passed):
    quiz = {"questions": [SINGLE] * total}
    answers = {index: [0] if index < right else [1] for index in range(total)}

    result = score(answers, pass_mark=pass_mark, quiz=quiz)

    assert result.score == right
    assert result.passed is passed


def test_percent_is_rounded_to_a_whole_number():
    quiz = {"questions": [SINGLE] * 3}

    assert score({0: [0], 1: [0]}, quiz=quiz).percent == 67
    assert score({0: [0]}, quiz=quiz).percent == 33


def test_a_question_with_no_right_option_can_never_be_right():
    broken = {**SINGLE, "options": [{**o, "correct": False} for o in SINGLE["options"]]}

    result = score({0: []}, quiz={"questions": [broken]})

    assert result.questions[0].correct is False


def test_an_empty_quiz_is_not_passed():
    result = score({}, quiz={"questions": []})

    assert (result.total, result.passed) == (0, False)


def test_a_list_of_questions_is_accepted_as_well_as_a_quiz():
    result = quiz_score(questions=[SINGLE], answers={0: [0]}, pass_mark_percent=100)

    assert result.passed is True


def test_a_quiz_block_value_scores_the_same_as_plain_data():
    block = QuizBlock()
    value = block.to_python(
        {
            "title": "",
            "questions": [
                {
                    "question": q["question"],
                    "multiple": q["multiple"],
                    "options": [
                        {"text": o["text"], "is_correct": o["correct"], "feedback": o["feedback"]}
                        for o in q["options"]
                    ],
                }
                for q in QUIZ["questions"]
            ],
        }
    )

    from_block = quiz_score(questions=value, answers={0: [0], 1: [0]}, pass_mark_percent=50)
    from_data = score({0: [0], 1: [0]}, pass_mark=50)

    assert from_block == from_data
    assert from_block.passed is True


def test_answers_are_read_from_a_posted_form():
    data = QueryDict("q0=2&q1=0&q1=1&q1=oops&q9=1")

    assert quiz_answers_from_post(data, question_count=2) == {0: (2,), 1: (0, 1)}


def test_answers_are_read_from_a_plain_dict():
    assert quiz_answers_from_post({"q0": "1", "q1": ["0", "2"]}, question_count=3) == {
        0: (1,),
        1: (0, 2),
    }


def test_made_up_answers_score_as_unanswered():
    answers = quiz_answers_from_post(QueryDict("q0=abc&q1="), question_count=2)

    assert answers == {}
    assert score(answers).score == 0
