"""Demo groups, posts and replies, written by us, in the demo neighbourhoods.

A group for each demo neighbourhood, two topic groups, and a few friendly posts by the demo
accounts, two of them with a photo drawn by our own code. Safe to run again: groups are found by
their address, posts and replies by their text, so nothing is made twice.
"""

from io import BytesIO

from django.core.files.base import ContentFile

from PIL import Image, ImageDraw

from community.models import Comment, Group, Joining, Membership, Post, Role
from community.photos import photo_prepare
from community.services import comment_create, group_join, post_create
from training.places.models import Neighbourhood
from training.users.models import User

GROUPS = [
    {
        "slug": "elm-court-neighbours",
        "name": "Elm Court neighbours",
        "neighbourhood": "elm-court",
        "description": "News, help and friendly faces for everyone living around Elm Court green.",
        "joining": Joining.OPEN,
    },
    {
        "slug": "riverside-residents",
        "name": "Riverside residents",
        "neighbourhood": "riverside",
        "description": "For the tower blocks and terraces between the canal and the high street.",
        "joining": Joining.OPEN,
    },
    {
        "slug": "hillview-road-neighbours",
        "name": "Hillview Road neighbours",
        "neighbourhood": "hillview",
        "description": "A quiet group for Hillview Road and the sheltered housing scheme.",
        "joining": Joining.APPROVAL,
    },
    {
        "slug": "gardening",
        "name": "Gardening and green spaces",
        "neighbourhood": None,
        "description": "Balcony pots, shared beds and the estate gardens. Swap seeds and tips.",
        "joining": Joining.OPEN,
    },
    {
        "slug": "staying-safe-online",
        "name": "Staying safe online",
        "neighbourhood": None,
        "description": "Spotted a scam text or email? Share it here so neighbours can avoid it.",
        "joining": Joining.OPEN,
        "pre_moderate": True,
    },
]

# group slug -> [(email, role)]
MEMBERS = {
    "elm-court-neighbours": [
        ("champion@example.com", Role.OWNER),
        ("tenant@example.com", Role.MEMBER),
        ("moderator@example.com", Role.MODERATOR),
    ],
    "riverside-residents": [("champion@example.com", Role.OWNER)],
    "hillview-road-neighbours": [("moderator@example.com", Role.OWNER)],
    "gardening": [
        ("tenant@example.com", Role.OWNER),
        ("editor@example.com", Role.MEMBER),
        ("champion@example.com", Role.MEMBER),
    ],
    "staying-safe-online": [
        ("moderator@example.com", Role.OWNER),
        ("champion@example.com", Role.MODERATOR),
        ("tenant@example.com", Role.MEMBER),
    ],
}

# (group slug, author, text, photo drawing or None, photo description, [(author, reply)])
POSTS = [
    (
        "elm-court-neighbours",
        "champion@example.com",
        "Welcome to the Elm Court group! Say hello, share news about the estate, and ask if "
        "you need a hand. We are at the community centre every weekday morning.",
        None,
        "",
        [("tenant@example.com", "Hello everyone. I am Pat from block C.")],
    ),
    (
        "elm-court-neighbours",
        "tenant@example.com",
        "The new benches by the playground are in. Lovely to sit in the sun while the children "
        "play. Thank you to everyone who asked for them at the residents' meeting.",
        "bench",
        "Two new wooden benches beside a tree on Elm Court green",
        [("champion@example.com", "They look great, Pat. Thanks for the photo.")],
    ),
    (
        "riverside-residents",
        "champion@example.com",
        "Riverside Hub is open on Saturday mornings now, 10am to 2pm. Drop in for help with "
        "your phone, forms or video calls.",
        None,
        "",
        [],
    ),
    (
        "gardening",
        "tenant@example.com",
        "My tomato plants are growing well on the balcony. I have spare seedlings if anyone "
        "wants some. Knock on my door in block C.",
        "seedlings",
        "Three green seedlings growing in orange pots",
        [("editor@example.com", "Yes please! I would love two for my window box.")],
    ),
    (
        "staying-safe-online",
        "moderator@example.com",
        "Watch out for texts saying a parcel could not be delivered and asking you to pay a "
        "small fee. They are a scam. Do not tap the link. You can forward scam texts to 7726 "
        "for free. More help: https://www.ncsc.gov.uk/collection/phishing-scams",
        None,
        "",
        [("tenant@example.com", "I got one of these last week. Thank you for the warning.")],
    ),
]

SKY = (232, 238, 247)
GRASS = (120, 170, 90)
WOOD = (150, 95, 50)
INK = (7, 61, 54)
ORANGE = (222, 120, 60)
LEAF = (60, 140, 70)


def _bench(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, 330, 960, 540), fill=GRASS)
    draw.rectangle((680, 120, 720, 360), fill=WOOD)
    draw.ellipse((580, 20, 820, 220), fill=LEAF)
    for left in (140, 420):
        draw.rectangle((left, 300, left + 220, 320), fill=WOOD)
        draw.rectangle((left, 250, left + 220, 270), fill=WOOD)
        draw.rectangle((left + 10, 320, left + 26, 400), fill=INK)
        draw.rectangle((left + 194, 320, left + 210, 400), fill=INK)


def _seedlings(draw: ImageDraw.ImageDraw) -> None:
    draw.rectangle((0, 420, 960, 540), fill=(200, 200, 205))
    for centre in (240, 480, 720):
        draw.line((centre, 380, centre, 220), fill=LEAF, width=12)
        draw.ellipse((centre - 90, 200, centre, 250), fill=LEAF)
        draw.ellipse((centre, 170, centre + 90, 220), fill=LEAF)
        draw.polygon(
            [(centre - 90, 330), (centre + 90, 330), (centre + 65, 440), (centre - 65, 440)],
            fill=ORANGE,
        )


DRAWINGS = {"bench": _bench, "seedlings": _seedlings}


def _photo(drawing: str):
    image = Image.new("RGB", (960, 540), SKY)
    DRAWINGS[drawing](ImageDraw.Draw(image))
    buffer = BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return photo_prepare(ContentFile(buffer.getvalue(), name=f"{drawing}.jpg"))


def demo_seed(*, stdout) -> None:
    people = {user.email: user for user in User.objects.filter(email__endswith="@example.com")}
    places = {place.slug: place for place in Neighbourhood.objects.all()}
    groups = {}
    for data in GROUPS:
        values = {key: value for key, value in data.items() if key != "slug"}
        values["neighbourhood"] = places.get(data["neighbourhood"] or "")
        groups[data["slug"]], _created = Group.objects.update_or_create(
            slug=data["slug"], defaults=values
        )
    for slug, members in MEMBERS.items():
        for email, role in members:
            if email in people:
                membership = group_join(group=groups[slug], user=people[email])
                Membership.objects.filter(pk=membership.pk).update(role=role, status="active")
    made = 0
    for slug, email, text, drawing, description, replies in POSTS:
        group, author = groups[slug], people.get(email)
        if author is None:
            continue
        post = Post.objects.filter(group=group, author=author, body=text).first()
        if post is None:
            post = post_create(
                group=group,
                author=author,
                text=text,
                photo=_photo(drawing) if drawing else None,
                photo_description=description,
            )
            made += 1
        for reply_email, reply in replies:
            replier = people.get(reply_email)
            if replier is None or Comment.objects.filter(post=post, body=reply).exists():
                continue
            comment_create(post=post, author=replier, text=reply, notify=False)
    stdout.write(f"Community: {len(GROUPS)} groups, {made} new posts.")
