"""Lesson blocks: what editors are refused, and what people are shown."""

from django.core.exceptions import ValidationError

import pytest

from courses.blocks import (
    LESSON_TEXT_FEATURES,
    NO_RIGHT_ANSWER,
    TOO_MANY_RIGHT_ANSWERS,
    LessonBodyBlock,
    QuestionBlock,
    StepsBlock,
)
from tests.factories.courses import image_create
from training.core.blocks import (
    ALT_TEXT_MISSING,
    TRANSCRIPT_MISSING,
    VIDEO_ADDRESS_INVALID,
    AccessibleImageBlock,
    VideoBlock,
    video_embed,
)


def block_errors(block, raw):
    with pytest.raises(ValidationError) as caught:
        block.clean(block.to_python(raw))
    return caught.value


def message(error) -> str:
    return " ".join(error.messages)


def non_block_messages(error) -> str:
    return " ".join(message for e in error.non_block_errors.as_data() for message in e.messages)


# --- Image ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_image_without_alt_text_is_refused_with_a_clear_message():
    image = image_create()

    error = block_errors(AccessibleImageBlock(), {"image": image.pk, "alt": "  ", "caption": ""})

    assert message(error.block_errors["alt"]) == str(ALT_TEXT_MISSING)
    assert "alt text" in str(ALT_TEXT_MISSING)


@pytest.mark.django_db
def test_image_with_alt_text_is_accepted_and_caption_is_optional():
    image = image_create()
    block = AccessibleImageBlock()

    value = block.clean(block.to_python({"image": image.pk, "alt": "A phone", "caption": ""}))

    assert value["alt"] == "A phone"


@pytest.mark.django_db
def test_image_renders_with_its_alt_text_lazily_and_its_caption():
    image = image_create(width=1600, height=900)
    block = AccessibleImageBlock()
    value = block.to_python({"image": image.pk, "alt": "The Settings app", "caption": "Settings"})

    html = block.render(value)

    assert 'alt="The Settings app"' in html
    assert 'loading="lazy"' in html
    assert "<figcaption>Settings</figcaption>" in html
    assert 'width="760"' in html  # a rendition no wider than the text column


@pytest.mark.django_db
def test_a_step_picture_without_alt_text_is_refused():
    image = image_create()
    raw = {"title": "", "steps": [{"text": "<p>Tap Settings.</p>", "image": image.pk, "alt": ""}]}

    error = block_errors(StepsBlock(), raw)

    step_error = error.block_errors["steps"].block_errors[0]
    assert message(step_error.block_errors["alt"]) == str(ALT_TEXT_MISSING)


def test_a_step_without_a_picture_needs_no_alt_text():
    block = StepsBlock()
    raw = {"title": "Turn on Wi-Fi", "steps": [{"text": "<p>Tap Settings.</p>", "alt": ""}]}

    value = block.clean(block.to_python(raw))

    html = block.render(value)
    assert '<ol class="steps__list">' in html
    assert "Tap Settings." in html
    assert "<h2" in html and "Turn on Wi-Fi" in html


# --- Video ------------------------------------------------------------------------------------

VIDEO = {
    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    "title": "How to make a video call",
    "duration": "3 minutes",
    "transcript": "Hello. Today we will make a video call.",
}


def test_video_without_a_transcript_is_refused_with_a_clear_message():
    error = block_errors(VideoBlock(), {**VIDEO, "transcript": " "})

    assert message(error.block_errors["transcript"]) == str(TRANSCRIPT_MISSING)


def test_video_from_an_unknown_site_is_refused():
    error = block_errors(VideoBlock(), {**VIDEO, "url": "https://example.com/video/1"})

    assert message(error.block_errors["url"]) == str(VIDEO_ADDRESS_INVALID)


def test_video_refuses_both_problems_at_once():
    error = block_errors(VideoBlock(), {**VIDEO, "url": "https://example.com/v", "transcript": ""})

    assert set(error.block_errors) == {"url", "transcript"}


def test_video_with_transcript_is_accepted():
    block = VideoBlock()

    value = block.clean(block.to_python(VIDEO))

    assert value["transcript"].startswith("Hello")


def test_video_renders_a_link_not_a_player_and_warns_about_mobile_data():
    block = VideoBlock()

    html = block.render(block.to_python(VIDEO))

    assert "<iframe" not in html  # the player loads only when asked for
    assert "autoplay" not in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0"' in html
    assert "uses mobile data" in html
    assert "It lasts 3 minutes." in html
    assert "Today we will make a video call." in html  # the transcript


@pytest.mark.parametrize(
    ("url", "embed", "watch"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://youtu.be/dQw4w9WgXcQ?si=abc",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://m.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0",
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        ),
        (
            "https://vimeo.com/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
            "https://vimeo.com/76979871",
        ),
        (
            "https://vimeo.com/76979871/abc123def0",
            "https://player.vimeo.com/video/76979871?dnt=1&h=abc123def0",
            "https://vimeo.com/76979871/abc123def0",
        ),
        (
            "https://player.vimeo.com/video/76979871?h=abc123def0",
            "https://player.vimeo.com/video/76979871?dnt=1&h=abc123def0",
            "https://vimeo.com/76979871/abc123def0",
        ),
        (
            "https://vimeo.com/channels/staffpicks/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
            "https://vimeo.com/76979871",
        ),
    ],
)
def test_video_addresses_become_privacy_friendly_player_addresses(url, embed, watch):
    result = video_embed(url)

    assert result is not None
    assert (result.embed_url, result.watch_url) == (embed, watch)


@pytest.mark.parametrize(
    "url",
    [
        "",
        "not a url",
        "javascript:alert(1)",
        "https://example.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/channel/UC123",
        "https://vimeo.com/about",
        "ftp://youtu.be/dQw4w9WgXcQ",
    ],
)
def test_other_addresses_are_not_videos(url):
    assert video_embed(url) is None


# --- Quiz questions ---------------------------------------------------------------------------


def option(text, correct):
    return {"text": text, "is_correct": correct, "feedback": f"About {text}."}


def test_a_question_with_no_right_answer_is_refused():
    raw = {
        "question": "Which?",
        "multiple": False,
        "options": [option("A", False), option("B", False)],
    }

    error = block_errors(QuestionBlock(), raw)

    assert str(NO_RIGHT_ANSWER) in non_block_messages(error)


def test_a_single_answer_question_with_two_right_answers_is_refused():
    raw = {
        "question": "Which?",
        "multiple": False,
        "options": [option("A", True), option("B", True)],
    }

    error = block_errors(QuestionBlock(), raw)

    assert str(TOO_MANY_RIGHT_ANSWERS) in non_block_messages(error)


def test_a_multiple_answer_question_may_have_several_right_answers():
    block = QuestionBlock()
    raw = {
        "question": "Which?",
        "multiple": True,
        "options": [option("A", True), option("B", True)],
    }

    assert block.clean(block.to_python(raw))["multiple"] is True


def test_a_question_needs_at_least_two_answers():
    raw = {"question": "Which?", "multiple": False, "options": [option("A", True)]}

    error = block_errors(QuestionBlock(), raw)

    assert "minimum number of items is 2" in non_block_messages(error.block_errors["options"])


# --- The lesson body as a whole --------------------------------------------------------------


def test_every_lesson_block_has_help_text_for_editors():
    for name, block in LessonBodyBlock().child_blocks.items():
        help_text = getattr(block.meta, "help_text", None) or getattr(
            getattr(block, "field", None), "help_text", None
        )
        assert help_text, f"{name} has no help text"


def test_text_allows_only_bold_italic_links_and_lists():
    assert LESSON_TEXT_FEATURES == ["bold", "italic", "link", "ol", "ul"]
    assert LessonBodyBlock().child_blocks["text"].features == LESSON_TEXT_FEATURES


def test_a_lesson_body_with_a_video_without_transcript_is_refused_as_a_whole():
    block = LessonBodyBlock()
    raw = [{"type": "video", "value": {**VIDEO, "transcript": ""}}]

    with pytest.raises(ValidationError):
        block.clean(block.to_python(raw))


def test_tip_watch_out_and_try_it_are_drawn_as_labelled_boxes():
    block = LessonBodyBlock()
    value = block.to_python(
        [
            {"type": "tip", "value": "<p>Hold the button for 3 seconds.</p>"},
            {"type": "watch_out", "value": "<p>Never share this code.</p>"},
            {"type": "try_it", "value": {"title": "Send a text", "instructions": "<p>Go.</p>"}},
        ]
    )

    html = block.render(value)

    assert '<div class="callout callout--tip" role="note">' in html
    assert "Tip</p>" in html and "Hold the button for 3 seconds." in html
    assert "Watch out</p>" in html and "Never share this code." in html
    assert "Try it yourself:</span> Send a text" in html


def test_a_quiz_renders_on_its_own_as_an_unanswered_form():
    block = LessonBodyBlock()
    value = block.to_python(
        [
            {
                "type": "quiz",
                "value": {
                    "title": "",
                    "questions": [
                        {
                            "question": "Is it safe to share a security code?",
                            "multiple": False,
                            "options": [option("Yes", False), option("No", True)],
                        }
                    ],
                },
            }
        ]
    )

    html = block.render(value)

    assert "Check what you know" in html
    assert "<legend>" in html and 'type="radio"' in html
    assert "Is it safe to share a security code?" in html
    assert "About No." not in html  # no feedback before answering
