"""Memorable passwords for assisted accounts: three everyday words and a number.

Easy to read off a printed card and type on a phone, and far stronger than the short passwords
people pick for themselves: 193 words, three times, and 90 numbers give about 647 million
combinations, and sign-in attempts are rate limited.
"""

import secrets

_WORD_TEXT = """
acorn apple apron autumn badge baker banana basket beach bean bell berry bicycle biscuit blanket
bloom boat bottle branch bread brick bridge brush bucket butter button cabbage cake candle canoe
carrot castle cherry chess cloud clover coat comet cookie copper corner cotton crane daisy
dolphin donkey dragon drum eagle engine feather fern field finch flag flute forest fox frost
garden gate ginger glove goose grape grass harbour hat hazel hedge helmet hill honey horse
island ivy jacket jelly jigsaw kettle kite kitten ladder lake lantern leaf lemon letter lily
lion lorry magnet maple market meadow melon mint mirror mitten moon morning mountain muffin nest
noodle oak ocean olive onion orange otter owl paddle panda parcel parrot peach pebble pencil
pepper piano picnic pillow pine planet plum pocket pond poppy puffin pumpkin puzzle quilt rabbit
rainbow raven ribbon river robin rocket rose sailor salmon sandal saucer scarf shell ship shoe
silver sketch snail snow sock sparrow spoon spring squirrel star stone strawberry sugar summer
sunny swan table teapot thistle thunder tiger timber toast tomato torch tower tractor train
tulip turnip umbrella valley velvet violet wagon walnut whistle willow window winter wool yacht
yellow zebra
"""
WORDS = tuple(_WORD_TEXT.split())


def memorable_password() -> str:
    """Return a new password such as ``maple-kettle-otter-47``."""
    words = [secrets.choice(WORDS) for _ in range(3)]
    return "-".join([*words, str(secrets.randbelow(90) + 10)])
