"""The blocks a lesson is written with, made for people who are new to computers.

Every block has plain-English help text for editors. Blocks that would shut someone out refuse
to be saved: an image without alt text (here and in step-by-step instructions), a video without a
transcript, a quiz question with no right answer.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from courses.quiz import quiz_score
from training.core.blocks import (
    ALT_TEXT_MISSING,
    AccessibleImageBlock,
    VideoBlock,
    struct_clean,
)

__all__ = [
    "CALLOUT_FEATURES",
    "LESSON_TEXT_FEATURES",
    "NO_RIGHT_ANSWER",
    "TOO_MANY_RIGHT_ANSWERS",
    "LessonBodyBlock",
    "LessonTextBlock",
    "QuestionBlock",
    "QuizBlock",
    "QuizOptionBlock",
    "StepBlock",
    "StepsBlock",
    "TipBlock",
    "TryItBlock",
    "WatchOutBlock",
]

# Bold, italic, links and lists only: no headings to misuse, no tables, no embeds.
LESSON_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
CALLOUT_FEATURES = ["bold", "italic", "link"]

NO_RIGHT_ANSWER = _("Mark at least one answer as right.")
TOO_MANY_RIGHT_ANSWERS = _(
    "Only one answer can be right in this question. Either untick “This answer is right” on "
    "all but one answer, or tick “More than one answer is right”."
)


class LessonTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", LESSON_TEXT_FEATURES)
        kwargs.setdefault(
            "help_text",
            _(
                "Short paragraphs: one idea each, 15 words or fewer a sentence. You can use "
                "bold, links and lists. Explain any technical word the first time you use it."
            ),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "components/streamfield/text.html"


class StepBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(
        label=_("What to do"),
        features=CALLOUT_FEATURES,
        help_text=_("One action, starting with a verb: “Tap Settings”. Put button names in bold."),
    )
    image = ImageChooserBlock(
        label=_("Picture (optional)"),
        required=False,
        help_text=_("A screenshot that shows this step, if it helps."),
    )
    alt = blocks.CharBlock(
        label=_("Alt text for the picture"),
        required=False,
        max_length=250,
        help_text=_("Needed if you add a picture: say what it shows, e.g. “The Settings icon”."),
    )

    class Meta:
        icon = "order"
        label = _("Step")

    def clean(self, value):
        extra = {}
        if value.get("image") and not str(value.get("alt") or "").strip():
            extra["alt"] = ValidationError(ALT_TEXT_MISSING)
        return struct_clean(super().clean, value, extra)


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Optional. Say what the steps achieve, e.g. “Turn on Wi-Fi”."),
    )
    steps = blocks.ListBlock(
        StepBlock(),
        label=_("Steps"),
        min_num=1,
        help_text=_("Put the steps in the order people do them. We number them for you."),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step-by-step")
        template = "components/streamfield/steps.html"
        help_text = _("Numbered steps for anything people do in order. Each can have a picture.")


class TipBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", CALLOUT_FEATURES)
        kwargs.setdefault(
            "help_text",
            _("A helpful hint or shortcut, in one or two sentences. It stands out in a box."),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "tip"
        label = _("Tip")
        template = "components/streamfield/tip.html"


class WatchOutBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", CALLOUT_FEATURES)
        kwargs.setdefault(
            "help_text",
            _(
                "A warning: something that could go wrong, cost money or put people at risk. "
                "Say what to do instead."
            ),
        )
        super().__init__(**kwargs)

    class Meta:
        icon = "warning"
        label = _("Watch out")
        template = "components/streamfield/watch_out.html"


class TryItBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Task"),
        max_length=120,
        help_text=_("A short name for the task, e.g. “Send a text to a friend”."),
    )
    instructions = blocks.RichTextBlock(
        label=_("What to do"),
        features=LESSON_TEXT_FEATURES,
        help_text=_(
            "A small, safe thing to do on a real device. Say what success looks like, e.g. "
            "“You will see a blue tick”."
        ),
    )

    class Meta:
        icon = "pick"
        label = _("Try it yourself")
        template = "components/streamfield/try_it.html"
        help_text = _("A practical task people do on their own phone, tablet or computer.")


class QuizOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Answer"), max_length=250)
    is_correct = blocks.BooleanBlock(
        label=_("This answer is right"),
        required=False,
        help_text=_("Tick every answer that is right."),
    )
    feedback = blocks.CharBlock(
        label=_("Feedback"),
        max_length=400,
        help_text=_(
            "What people see if they choose this answer. Say why it is right or not, kindly."
        ),
    )

    class Meta:
        icon = "radio-full"
        label = _("Answer")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(
        label=_("Question"),
        max_length=250,
        help_text=_("One short, clear question. Avoid “not” and trick questions."),
    )
    multiple = blocks.BooleanBlock(
        label=_("More than one answer is right"),
        required=False,
        help_text=_("Tick this if people should choose every right answer (tick boxes)."),
    )
    options = blocks.ListBlock(
        QuizOptionBlock(),
        label=_("Answers"),
        min_num=2,
        max_num=6,
        help_text=_("Between 2 and 6 answers. Keep them about the same length."),
    )

    class Meta:
        icon = "help"
        label = _("Question")

    def clean(self, value):
        error = None
        try:
            cleaned = super().clean(value)
        except StructBlockValidationError as exc:
            error, cleaned = exc, None
        options = value.get("options") or []
        right = sum(1 for option in options if option.get("is_correct"))
        problems = []
        if options and right == 0:
            problems.append(ValidationError(NO_RIGHT_ANSWER))
        elif right > 1 and not value.get("multiple"):
            problems.append(ValidationError(TOO_MANY_RIGHT_ANSWERS))
        if problems:
            block_errors = error.block_errors if error is not None else None
            non_block = [*(error.non_block_errors.as_data() if error else []), *problems]
            raise StructBlockValidationError(block_errors=block_errors, non_block_errors=non_block)
        if error is not None:
            raise error
        return cleaned


class QuizBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        label=_("Title"),
        required=False,
        max_length=120,
        help_text=_("Optional. We use “Check what you know” if you leave it empty."),
    )
    questions = blocks.ListBlock(
        QuestionBlock(),
        label=_("Questions"),
        min_num=1,
        help_text=_("Three to five questions is plenty. Set the pass mark on the lesson."),
    )

    class Meta:
        icon = "form"
        label = _("Quiz")
        template = "components/streamfield/quiz.html"
        help_text = _(
            "Questions to check understanding. People see feedback on each answer. The pass "
            "mark is set on the lesson, under “Quiz”."
        )

    def get_context(self, value, parent_context=None):
        """Add the questions ready to draw, with the result if this quiz was just answered."""
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        block_id = parent_context.get("block_id")
        result = (parent_context.get("quiz_results") or {}).get(block_id) if block_id else None
        context["quiz_answered"] = result is not None
        if result is None:
            # The unanswered form is drawn from the same structure as an answered one.
            page = parent_context.get("page")
            result = quiz_score(
                questions=value,
                answers={},
                pass_mark_percent=getattr(page, "pass_mark_percent", 100),
            )
        context["quiz_id"] = block_id
        context["quiz_result"] = result
        return context


class LessonBodyBlock(blocks.StreamBlock):
    text = LessonTextBlock()
    steps = StepsBlock()
    image = AccessibleImageBlock()
    video = VideoBlock()
    tip = TipBlock()
    watch_out = WatchOutBlock()
    try_it = TryItBlock()
    quiz = QuizBlock()

    class Meta:
        block_counts = {"quiz": {"max_num": 3}}
