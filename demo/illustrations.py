"""Simple, friendly pictures for the course list, drawn by our own code with Pillow.

The demo course folders hold the pictures it drew (``demo/content/courses/*/picture.png``);
``python -m demo.illustrations`` draws them again. Nothing is downloaded. Each picture is a
flat drawing of one everyday object on a soft background, chosen from words in the course's
address, with alt text that says what it shows.
"""

from io import BytesIO

from PIL import Image, ImageDraw

__all__ = ["illustration_draw", "illustration_for"]

WIDTH, HEIGHT = 960, 540
INK = (7, 61, 54)  # the brand's dark green
PAPER = (255, 255, 255)
ACCENT = (255, 221, 0)
BACKGROUNDS = [(230, 242, 239), (255, 244, 224), (232, 238, 247), (243, 234, 246)]

# (words in the slug, what to draw, alt text)
SUBJECTS = [
    (("safe", "password", "scam", "security"), "padlock", "Drawing of a closed padlock"),
    (("email", "mail"), "envelope", "Drawing of an envelope"),
    (("photo", "camera", "picture"), "camera", "Drawing of a camera"),
    (("video", "call"), "video_call", "Drawing of a video call with two people on a screen"),
    (("money", "bank", "pay"), "coins", "Drawing of a purse with coins"),
    (("form", "apply", "repair"), "form", "Drawing of a form with ticked boxes"),
]
DEFAULT_SUBJECT = ("phone", "Drawing of a smartphone")


def illustration_for(slug: str) -> tuple[str, str]:
    """Which drawing suits a course, and its alt text."""
    for words, subject, alt in SUBJECTS:
        if any(word in slug for word in words):
            return subject, alt
    return DEFAULT_SUBJECT


def _phone(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((380, 70, 580, 470), radius=36, fill=INK)
    draw.rounded_rectangle((398, 110, 562, 410), radius=10, fill=PAPER)
    draw.ellipse((462, 424, 498, 460), fill=PAPER)
    for row in range(3):
        for col in range(3):
            x, y = 420 + col * 48, 140 + row * 60
            draw.rounded_rectangle(
                (x, y, x + 30, y + 30), radius=8, fill=ACCENT if row == 0 else INK
            )


def _padlock(draw: ImageDraw.ImageDraw) -> None:
    draw.arc((360, 60, 600, 320), start=180, end=360, fill=INK, width=40)
    draw.line((380, 190, 380, 250), fill=INK, width=40)
    draw.line((580, 190, 580, 250), fill=INK, width=40)
    draw.rounded_rectangle((320, 230, 640, 480), radius=30, fill=INK)
    draw.ellipse((450, 300, 510, 360), fill=ACCENT)
    draw.rectangle((468, 340, 492, 420), fill=ACCENT)


def _envelope(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((260, 130, 700, 420), fill=PAPER, outline=INK, width=14)
    draw.line((260, 130, 480, 300, 700, 130), fill=INK, width=14, joint="curve")
    draw.ellipse((640, 90, 720, 170), fill=ACCENT, outline=INK, width=8)


def _camera(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((250, 170, 710, 450), radius=40, fill=INK)
    draw.rounded_rectangle((380, 120, 540, 190), radius=16, fill=INK)
    draw.ellipse((380, 210, 580, 410), fill=PAPER)
    draw.ellipse((425, 255, 535, 365), fill=INK)
    draw.ellipse((620, 200, 670, 240), fill=ACCENT)


def _video_call(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((220, 80, 740, 420), radius=24, fill=INK)
    draw.rectangle((250, 110, 710, 390), fill=PAPER)
    for x in (365, 595):
        draw.ellipse((x - 50, 160, x + 50, 260), fill=INK)
        draw.pieslice((x - 90, 270, x + 90, 450), start=180, end=360, fill=INK)
    draw.rectangle((250, 360, 710, 390), fill=PAPER)
    draw.rectangle((420, 420, 540, 470), fill=INK)
    draw.rounded_rectangle((340, 462, 620, 490), radius=12, fill=INK)


def _coins(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((270, 180, 620, 440), radius=40, fill=INK)
    draw.rectangle((270, 180, 620, 250), fill=INK)
    draw.arc((380, 110, 510, 220), start=180, end=360, fill=INK, width=22)
    for x, y in ((650, 330), (700, 380), (620, 400)):
        draw.ellipse((x - 50, y - 50, x + 50, y + 50), fill=ACCENT, outline=INK, width=10)
        draw.ellipse((x - 28, y - 28, x + 28, y + 28), outline=INK, width=5)


def _form(draw: ImageDraw.ImageDraw) -> None:
    draw.rounded_rectangle((320, 60, 640, 480), radius=16, fill=PAPER, outline=INK, width=14)
    draw.rounded_rectangle((420, 40, 540, 90), radius=12, fill=INK)
    for row in range(4):
        y = 130 + row * 80
        draw.rectangle((360, y, 410, y + 50), outline=INK, width=8)
        draw.line((440, y + 25, 600, y + 25), fill=INK, width=12)
        if row < 3:
            draw.line((368, y + 26, 382, y + 42, 404, y + 6), fill=INK, width=10)


DRAWINGS = {
    "phone": _phone,
    "padlock": _padlock,
    "envelope": _envelope,
    "camera": _camera,
    "video_call": _video_call,
    "coins": _coins,
    "form": _form,
}


def illustration_draw(*, slug: str) -> tuple[bytes, str]:
    """A PNG drawing for the course with this slug, and its alt text."""
    subject, alt = illustration_for(slug)
    background = BACKGROUNDS[sum(map(ord, slug)) % len(BACKGROUNDS)]
    picture = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((160, -120, 800, 660), fill=tuple(max(0, c - 12) for c in background))
    DRAWINGS[subject](draw)
    buffer = BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue(), alt


def illustrations_write() -> None:
    """Draw the picture of every demo course folder again, as its picture.png."""
    from pathlib import Path

    folder = Path(__file__).resolve().parent / "content" / "courses"
    for course in sorted(path.parent for path in folder.glob("*/course.toml")):
        data, _alt = illustration_draw(slug=course.name)
        (course / "picture.png").write_bytes(data)


if __name__ == "__main__":
    illustrations_write()
