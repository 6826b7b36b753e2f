"""A report's reference and secret phrase: what an anonymous reporter keeps to come back.

- The **reference** is eight characters from an alphabet without look-alikes (no 0/O, 1/I/L,
  U or V), shown in two groups of four ("K7MR 9PXT"); typing it in lower case, with spaces or
  dashes, still finds it. About 5 × 10^11 references: guessing one is hopeless.
- The **secret phrase** is four plain, common words ("green apple river seven"); only a
  password hash of it is kept (Django's ``make_password``). About 3 × 10^9 phrases, and the check
  page is rate limited, so a reference alone opens nothing.
"""

import re
import secrets

REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
REFERENCE_LENGTH = 8
PHRASE_WORDS = 4

# Short, common, easy to spell, and nothing that could upset someone who has just reported
# harm. 238 words: four of them give about 31 bits.
_WORD_TEXT = (
    "acorn apple april arrow autumn badge baker banana basket beach bean bell berry bike bird "
    "biscuit blue boat bolt book boot bottle bread brick bridge brook brush bubble bucket bus "
    "butter button cabin cake camel candle canoe cap card carpet carrot castle cat cherry chess "
    "chip circle cliff clock cloud clover coat coconut coffee comet copper corn cotton cowboy "
    "crayon cream cricket cup daisy dance desk dolphin door dragon drum duck eagle earth echo "
    "elbow elephant emerald engine feather fern field fig finch flag flute forest fox frog "
    "garden gate ginger glass globe glove goat gold grape grass green guitar hammer harbour hat "
    "hazel hill honey horse igloo island ivy jacket jam jelly jigsaw juice kettle key kite "
    "kitten ladder lake lamp lemon letter lime lion lizard lunch magnet mango maple marble "
    "meadow melon mint mirror mitten monkey moon morning mountain mouse muffin music nest "
    "noodle north nutmeg oak ocean olive onion orange otter owl paddle paint panda paper parrot "
    "peach pear pebble pencil penguin pepper piano picnic pillow pine planet plum pocket pony "
    "potato puzzle rabbit radio rain rainbow raisin river robin rocket rose ruby saddle sail "
    "salad sand saucer scarf seven shell ship silver sky sock sofa spoon spring squirrel star "
    "stone strawberry summer sun swan table teapot tiger toast tomato torch tower train tree "
    "trumpet tulip turnip umbrella valley velvet violin wagon walnut water whale wheel willow "
    "window winter wolf wool yellow yoghurt zebra zip"
)
WORDS = tuple(_WORD_TEXT.split())


def reference_new() -> str:
    return "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))


def reference_display(reference: str) -> str:
    return f"{reference[:4]} {reference[4:]}"


def reference_normalise(text: str) -> str:
    """What the person typed, as stored: upper case, no spaces or dashes."""
    return re.sub(r"[^0-9A-Za-z]", "", text or "").upper()


def phrase_new() -> str:
    return " ".join(secrets.choice(WORDS) for _ in range(PHRASE_WORDS))


def phrase_normalise(text: str) -> str:
    """Lower case, single spaces: "Green  apple-River" and "green apple river" are the same."""
    return " ".join(re.findall(r"[a-z]+", (text or "").lower()))
