"""Demo neighbourhoods and community centres. Fictional places with plausible details."""

from decimal import Decimal

from training.places.models import CommunityCentre, Neighbourhood

NEIGHBOURHOODS = [
    {
        "slug": "elm-court",
        "name": "Elm Court estate",
        "description": "Four low-rise blocks and the maisonettes around Elm Court green.",
        "latitude": Decimal("51.535100"),
        "longitude": Decimal("-0.103200"),
        "boundary": {
            "type": "Polygon",
            "coordinates": [
                [
                    [-0.1052, 51.5362],
                    [-0.1018, 51.5364],
                    [-0.1010, 51.5349],
                    [-0.1024, 51.5338],
                    [-0.1049, 51.5341],
                    [-0.1052, 51.5362],
                ]
            ],
        },
    },
    {
        "slug": "riverside",
        "name": "Riverside",
        "description": "The tower blocks and terraces between the canal and the high street.",
        "latitude": Decimal("51.531800"),
        "longitude": Decimal("-0.092400"),
        # Between the canal (south) and the high street (north).
        "boundary": {
            "type": "Polygon",
            "coordinates": [
                [
                    [-0.0951, 51.5327],
                    [-0.0899, 51.5331],
                    [-0.0893, 51.5312],
                    [-0.0920, 51.5305],
                    [-0.0948, 51.5309],
                    [-0.0951, 51.5327],
                ]
            ],
        },
    },
    {
        "slug": "hillview",
        "name": "Hillview",
        "description": "Family houses and the sheltered housing scheme on Hillview Road.",
        "latitude": Decimal("51.541900"),
        "longitude": Decimal("-0.110600"),
        # Two parts: the family houses, and the sheltered housing scheme down the road.
        "boundary": {
            "type": "MultiPolygon",
            "coordinates": [
                [
                    [
                        [-0.1130, 51.5430],
                        [-0.1098, 51.5433],
                        [-0.1094, 51.5418],
                        [-0.1126, 51.5414],
                        [-0.1130, 51.5430],
                    ]
                ],
                [
                    [
                        [-0.1090, 51.5412],
                        [-0.1076, 51.5413],
                        [-0.1077, 51.5403],
                        [-0.1091, 51.5404],
                        [-0.1090, 51.5412],
                    ]
                ],
            ],
        },
    },
]

CENTRES = [
    {
        "slug": "elm-court-community-centre",
        "name": "Elm Court Community Centre",
        "neighbourhood": "elm-court",
        "address": "1 Elm Court\nIslington\nLondon",
        "postcode": "N1 8ZZ",
        "latitude": Decimal("51.535300"),
        "longitude": Decimal("-0.103000"),
        "opening_times": (
            "Monday: 10am to 4pm\nTuesday: 10am to 4pm\nWednesday: 1pm to 7pm\n"
            "Thursday: 10am to 4pm\nFriday: 10am to 1pm"
        ),
        "phone": "020 7946 0123",
        "email": "elmcourt@example.org",
        "accessibility": "Step-free entrance from the green. Hearing loop at the front desk.",
    },
    {
        "slug": "riverside-hub",
        "name": "Riverside Hub",
        "neighbourhood": "riverside",
        "address": "Ground floor, Canal House\n12 Wharf Road\nLondon",
        "postcode": "N1 7ZZ",
        "latitude": Decimal("51.531500"),
        "longitude": Decimal("-0.092900"),
        "opening_times": ("Tuesday: 9am to 5pm\nWednesday: 9am to 5pm\nSaturday: 10am to 2pm"),
        "phone": "020 7946 0456",
        "email": "riverside@example.org",
        "accessibility": "Lift to all floors. The number 394 bus stops outside.",
    },
]


def demo_seed(*, stdout) -> None:
    neighbourhoods = {}
    for data in NEIGHBOURHOODS:
        neighbourhood, _ = Neighbourhood.objects.update_or_create(
            slug=data["slug"], defaults={k: v for k, v in data.items() if k != "slug"}
        )
        neighbourhoods[neighbourhood.slug] = neighbourhood
    for data in CENTRES:
        values = {k: v for k, v in data.items() if k != "slug"}
        values["neighbourhood"] = neighbourhoods[data["neighbourhood"]]
        CommunityCentre.objects.update_or_create(slug=data["slug"], defaults=values)
    stdout.write(f"Places: {len(NEIGHBOURHOODS)} neighbourhoods, {len(CENTRES)} centres.")
